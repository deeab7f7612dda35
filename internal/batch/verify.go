package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// Difference is one way the output folder differs from its manifest.
type Difference struct {
	Pad  string // slash-separated, relative to the folder
	Kind DiffKind
	// Want and Got are the manifest's and the file's size (Gewijzigd).
	WantSize, GotSize int64
}

// DiffKind names a kind of Difference.
type DiffKind int

// The kinds of difference verify reports.
const (
	Ontbreekt DiffKind = iota + 1 // listed, not on disk
	Gewijzigd                     // listed, size or SHA-256 differs
	Extra                         // on disk, not listed
	// Tijdelijk is a temporary file (IsTemp) that an interrupted run left,
	// or that a running batch is writing; the next batch removes it. It is
	// no difference from the manifest.
	Tijdelijk
)

// VerifyResult is what Verify found.
type VerifyResult struct {
	Manifest    *Manifest
	Checked     int          // files listed in the manifest
	Differences []Difference // sorted by path, then kind; Tijdelijk included
}

// Differ reports whether the folder differs from its manifest: a file is
// missing, changed or extra. Temporary files do not count.
func (r *VerifyResult) Differ() bool {
	for _, d := range r.Differences {
		if d.Kind != Tijdelijk {
			return true
		}
	}
	return false
}

// Verify re-hashes every file listed in dir/manifest.json, using jobs
// goroutines, and lists the files that are missing or changed, and the
// files in dir that the manifest does not list (manifest.json and the lock
// file excepted; temporary files are listed as such). The error is for a
// folder without a readable manifest
// (errors.Is(err, ErrNoManifest) when there is none at all).
func Verify(dir string, jobs int) (*VerifyResult, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	res := &VerifyResult{Manifest: m, Checked: len(m.Bestanden)}
	jobs = max(1, jobs)
	diffs := make([]*Difference, len(m.Bestanden))
	var wg sync.WaitGroup
	next := make(chan int)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				diffs[i] = verifyFile(dir, m.Bestanden[i])
			}
		}()
	}
	for i := range m.Bestanden {
		next <- i
	}
	close(next)
	wg.Wait()
	listed := make(map[string]bool, len(m.Bestanden))
	for i, f := range m.Bestanden {
		listed[f.Pad] = true
		if diffs[i] != nil {
			res.Differences = append(res.Differences, *diffs[i])
		}
	}
	err = filepath.WalkDir(dir, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return errmsg.Wrap(err, "%s kan niet worden gelezen: %s", path, errmsg.System(err))
		}
		if de.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ManifestName || rel == LockName || listed[rel]:
		case IsTemp(rel):
			res.Differences = append(res.Differences, Difference{Pad: rel, Kind: Tijdelijk})
		default:
			res.Differences = append(res.Differences, Difference{Pad: rel, Kind: Extra})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(res.Differences, func(i, j int) bool {
		a, b := res.Differences[i], res.Differences[j]
		if a.Pad != b.Pad {
			return a.Pad < b.Pad
		}
		return a.Kind < b.Kind
	})
	return res, nil
}

func verifyFile(dir string, f FileEntry) *Difference {
	fh, err := os.Open(filepath.Join(dir, filepath.FromSlash(f.Pad)))
	if errors.Is(err, fs.ErrNotExist) {
		return &Difference{Pad: f.Pad, Kind: Ontbreekt}
	}
	if err != nil {
		return &Difference{Pad: f.Pad, Kind: Gewijzigd, WantSize: f.Grootte, GotSize: -1}
	}
	defer fh.Close()
	h := sha256.New()
	n, err := io.Copy(h, fh)
	if err != nil || n != f.Grootte || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return &Difference{Pad: f.Pad, Kind: Gewijzigd, WantSize: f.Grootte, GotSize: n}
	}
	return nil
}
