package batch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/synth"
)

// quota is a file system with little space left, for createTemp and
// removeFile: writes past the quota fail with ENOSPC, as on a full disk,
// and removing a temporary file gives its space back.
type quota struct {
	mu    sync.Mutex
	left  int64
	sizes map[string]int64
}

// install makes WriteAtomic and the reserve write through q until the
// test ends.
func (q *quota) install(t *testing.T) {
	q.sizes = map[string]int64{}
	create, remove := createTemp, removeFile
	createTemp = func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return &quotaFile{File: f, q: q}, nil
	}
	removeFile = func(name string) error {
		err := os.Remove(name)
		if err == nil {
			q.mu.Lock()
			q.left += q.sizes[name]
			delete(q.sizes, name)
			q.mu.Unlock()
		}
		return err
	}
	t.Cleanup(func() { createTemp, removeFile = create, remove })
}

type quotaFile struct {
	*os.File
	q *quota
}

func (f *quotaFile) Write(p []byte) (int, error) {
	f.q.mu.Lock()
	n := int(min(int64(len(p)), f.q.left))
	f.q.left -= int64(n)
	f.q.sizes[f.Name()] += int64(n)
	f.q.mu.Unlock()
	if _, err := f.File.Write(p[:n]); err != nil {
		return 0, err
	}
	if n < len(p) {
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return n, nil
}

// TestDiskFull: the disk fills up halfway through a batch. The run stops
// like Ctrl-C with a *WriteError naming the file and saying, in Dutch,
// that the disk is full; no temporary file and no empty folder is left;
// the manifest (written in the space reserved for it) lists exactly the
// completed files, and they verify.
func TestDiskFull(t *testing.T) {
	// Enough dossiers that their manifest is larger than the few partly
	// written files that are removed when the disk is full: without the
	// space reserved for it, the manifest could not be written.
	wb := synthResult(t, 150)
	nummers := make([]string, len(wb.Dossiers))
	for i, d := range wb.Dossiers {
		nummers[i] = d.Nummer
	}
	tset, err := TemplateSetHash(document.NewLoader(""))
	if err != nil {
		t.Fatal(err)
	}
	// Room for the manifest and some 50 PDFs of about 40 kB.
	reserved := manifestBound(wb.Dossiers, Names(nummers), synth.Peildatum, "test", tset)
	opt := Options{Peildatum: synth.Peildatum, Jobs: 2, Version: "test"}

	dir := t.TempDir()
	q := &quota{left: reserved + 2<<20}
	q.install(t)
	opt.Dir = dir
	sum, err := Run(context.Background(), wb, opt)
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Run: err = %v, want a *WriteError for ENOSPC", err)
	}
	if !strings.HasPrefix(we.Path, dir) || !strings.HasSuffix(we.Path, ".pdf") ||
		err.Error() != we.Path+" kan niet worden geschreven: de schijf is vol" {
		t.Errorf("err = %q", err)
	}
	if sum == nil || sum.Manifest == nil {
		t.Fatal("no manifest after the disk filled up")
	}
	if n, d := len(sum.Manifest.Bestanden), len(sum.Manifest.Dossiers); n == 0 || d >= len(wb.Dossiers) {
		t.Errorf("manifest lists %d files of %d complete dossiers; want some, not all %d dossiers", n, d, len(wb.Dossiers))
	}
	if len(sum.Failed) > 0 {
		t.Errorf("dossiers listed as failed because the disk was full: %v", sum.Failed)
	}
	if _, err := os.Stat(filepath.Join(dir, WerkboekName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s was written after the run stopped", WerkboekName)
	}
	checkStopped(t, dir)
}

// checkStopped checks the output folder of a run that stopped early: no
// temporary file, no empty folder, and every file the manifest lists is
// there and no other.
func checkStopped(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if IsTemp(path) {
			t.Errorf("temporary file left: %s", path)
		}
		if de.IsDir() {
			if entries, _ := os.ReadDir(path); len(entries) == 0 {
				t.Errorf("empty folder left: %s", path)
			}
		}
		return nil
	})
	res, err := Verify(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Differences {
		t.Errorf("verify: %+v", d)
	}
}

// TestFileWhereFolderShouldBe: a file with a dossier's folder name stops
// the run with a *WriteError naming the folder; the other dossiers'
// completed files are in the manifest.
func TestFileWhereFolderShouldBe(t *testing.T) {
	wb := synthResult(t, 8)
	dir := t.TempDir()
	name := Names([]string{wb.Dossiers[3].Nummer})[wb.Dossiers[3].Nummer]
	if err := os.WriteFile(filepath.Join(dir, name), []byte("in de weg"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := Run(context.Background(), wb, Options{Dir: dir, Peildatum: synth.Peildatum, Jobs: 1, Version: "test"})
	want := "map " + filepath.Join(dir, name) + " kan niet worden gemaakt: er staat een bestand waar een map moet staan"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if sum == nil || sum.Manifest == nil || len(sum.Manifest.Dossiers) != 3 {
		t.Fatalf("want a manifest with the 3 dossiers before it; got %+v", sum)
	}
}

// TestTimeLimit: a template that would run for days fails its document
// when the document's time limit is up, in Dutch, naming the template;
// the dossier is listed as failed and the others go on (every synthetic
// dossier has a plan van aanpak, so each fails after its overview).
func TestTimeLimit(t *testing.T) {
	wb := synthResult(t, 6)
	tmpl := t.TempDir()
	endless := "{{range 1000000}}{{range 1000000}}{{range 1000000}}{{end}}{{end}}{{end}}"
	if err := os.WriteFile(filepath.Join(tmpl, "plan-van-aanpak.md.tmpl"), []byte(endless), 0o644); err != nil {
		t.Fatal(err)
	}
	l := document.NewLoader(tmpl)
	l.Limits.Time = 200 * time.Millisecond
	sum, err := Run(context.Background(), wb, Options{Dir: t.TempDir(), Peildatum: synth.Peildatum, Jobs: 2, Version: "test", Loader: l})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) != len(wb.Dossiers) || len(sum.Manifest.Bestanden) != len(wb.Dossiers)+1 {
		t.Fatalf("%d dossiers failed, %d files listed; want all %d failed after their overview", len(sum.Failed), len(sum.Manifest.Bestanden), len(wb.Dossiers))
	}
	for _, f := range sum.Failed {
		want := "sjabloon " + filepath.Join(tmpl, "plan-van-aanpak.md.tmpl") + ", regel 1: afgebroken na 200 ms, de tijdslimiet per document"
		if !strings.Contains(f.Reden, want) {
			t.Errorf("dossier %s: %q\nwant it to contain %q", f.Dossiernummer, f.Reden, want)
		}
	}
}
