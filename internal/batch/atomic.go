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
)

// tmpSuffix ends the name of every temporary file this package writes, so a
// cleanup can recognise its own leftovers.
const tmpSuffix = ".tmp"

// Written describes a file written by WriteAtomic.
type Written struct {
	SHA256 string // hex
	Size   int64
}

// WriteAtomic writes the file at path through write: into a temporary file
// in the same folder (".name.*.tmp"), renamed into place only when write
// and the close succeed. On any error, or when ctx is cancelled while write
// is writing, the temporary file is removed and an earlier file at path is
// left intact, so nobody ever sees half a file. It returns the SHA-256 and
// size of what was written. An error of write itself, not of writing the
// file (a template that fails), is returned as it is, without the path: it
// is about the content, not the file. The file is not fsynced: a batch writes
// thousands of files, and a crash at worst leaves a file missing, which
// verify reports.
func WriteAtomic(ctx context.Context, path string, write func(io.Writer) error) (Written, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*"+tmpSuffix)
	if err != nil {
		return Written{}, fmt.Errorf("%s: kan niet schrijven in %s: %v", path, dir, unwrapPath(err))
	}
	name := tmp.Name()
	h := sha256.New()
	cw := &countingWriter{ctx: ctx, w: io.MultiWriter(tmp, h), h: h}
	bw := bufio.NewWriterSize(cw, 64<<10)
	err = write(bw)
	if err != nil && cw.err == nil && ctx.Err() == nil {
		// The content could not be made (a template that fails for this
		// dossier): that error is the news, not the file it was meant for.
		tmp.Close()
		os.Remove(name)
		return Written{}, err
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		if ctx.Err() != nil {
			return Written{}, ctx.Err()
		}
		return Written{}, fmt.Errorf("%s: schrijven mislukt: %v", path, err)
	}
	return Written{SHA256: hex.EncodeToString(h.Sum(nil)), Size: cw.n}, nil
}

// countingWriter counts bytes and stops writing once ctx is cancelled, so a
// long render is abandoned at its next write. It remembers a failed write,
// so WriteAtomic can tell a file that could not be written from content
// that could not be made.
type countingWriter struct {
	ctx context.Context
	w   io.Writer
	h   hash.Hash
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// unwrapPath drops the *PathError wrapper, whose message repeats the path.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// isTemp reports whether name is a temporary file of WriteAtomic.
func isTemp(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") && strings.HasSuffix(base, tmpSuffix)
}
