package batch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// TempSuffix ends the name of every temporary file this package writes
// (".D-001_overzicht_2026-12-31.pdf.123456.poortwachter.tmp"), so that the
// next run and verify recognise what an interrupted run left behind.
const TempSuffix = ".poortwachter.tmp"

// IsTemp reports whether the file name (or path) is a temporary file of
// this package.
func IsTemp(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") && strings.HasSuffix(base, TempSuffix)
}

// Written describes a file written by WriteAtomic.
type Written struct {
	SHA256 string // hex
	Size   int64
}

// WriteError is a file or folder of the output that could not be written
// (full disk, read-only folder, a file where a folder should be). Unlike a
// document that fails to render, it stops a run: the next dossier would
// fail alike.
type WriteError = errmsg.WriteError

// writeErr wraps err, a system error about path, unless it is one already.
func writeErr(path string, err error) error {
	var we *WriteError
	if errors.As(err, &we) {
		return err
	}
	return &WriteError{Path: path, Err: err}
}

// tempFile is the part of *os.File that WriteAtomic uses.
type tempFile interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

// createTemp creates the temporary file; tests replace it to inject write
// errors (a full disk) at a chosen byte.
var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// WriteAtomic writes the file at path through write: into a temporary file
// in the same folder (see TempSuffix), renamed into place only when write
// and the close succeed. On any error, or when ctx is cancelled while write
// is writing, the temporary file is removed and an earlier file at path is
// left intact, so nobody ever sees half a file. It returns the SHA-256 and
// size of what was written. An error of the file system is a *WriteError.
// An error of write itself, not of writing the file (a template that
// fails), is returned as it is, without the path: it is about the content,
// not the file. The file is not fsynced: a batch writes thousands of files,
// and a crash at worst leaves a file missing, which verify reports.
func WriteAtomic(ctx context.Context, path string, write func(io.Writer) error) (Written, error) {
	return writeAtomic(ctx, path, false, write)
}

// writers keeps the 64 KB buffers of writeAtomic: a batch writes tens of
// thousands of files, and a new buffer each time is 64 KB to clear.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

func writeAtomic(ctx context.Context, path string, sync bool, write func(io.Writer) error) (Written, error) {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".*"+TempSuffix)
	if err != nil {
		return Written{}, writeErr(path, err)
	}
	name := tmp.Name()
	h := sha256.New()
	cw := &countingWriter{ctx: ctx, w: tmp, h: h, path: path}
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(cw)
	defer func() { bw.Reset(nil); writers.Put(bw) }()
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && sync {
		if err = tmp.Sync(); err != nil {
			err = writeErr(path, err)
		}
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = writeErr(path, cerr)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		if err = os.Chmod(name, 0o644); err != nil {
			err = writeErr(path, err)
		}
	}
	if err == nil {
		if err = os.Rename(name, path); err != nil {
			if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
				// The system says "file exists" or "directory not empty".
				err = fmt.Errorf("%w (%w)", syscall.EISDIR, err)
			}
			err = writeErr(path, err)
		}
	}
	if err != nil {
		removeFile(name)
		if ctx.Err() != nil {
			return Written{}, ctx.Err()
		}
		return Written{}, err
	}
	return Written{SHA256: hex.EncodeToString(h.Sum(nil)), Size: cw.n}, nil
}

// countingWriter hashes and counts bytes, turns a file system error into a
// *WriteError, and stops writing once ctx is cancelled, so a long render
// is abandoned at its next write.
type countingWriter struct {
	ctx  context.Context
	w    io.Writer
	h    hash.Hash
	n    int64
	path string
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	c.h.Write(p[:n])
	c.n += int64(n)
	if err != nil {
		return n, writeErr(c.path, err)
	}
	return n, nil
}
