package batch

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
)

// CleanLeftovers removes what an interrupted run (killed, crashed, out of
// power) left in the output folder dir: its temporary files (IsTemp), and
// then the dossier folders that are empty. It returns the number of files
// removed. Only a run that holds the folder's lock may call it: another
// run's temporary files are its work in progress.
func CleanLeftovers(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(path string, de fs.DirEntry, err error) error {
		if err == nil && !de.IsDir() && IsTemp(path) && removeFile(path) == nil {
			n++
		}
		return nil
	})
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() {
			os.Remove(filepath.Join(dir, e.Name())) // fails unless empty
		}
	}
	return n
}

// removeFile removes a file; tests replace it together with createTemp.
var removeFile = os.Remove

// reserve is disk space held back for the manifest: a run that stops on
// a full disk must still be able to say which files it completed.
type reserve struct{ name string }

// reserveSpace writes a temporary file of size bytes in dir. A full disk
// shows here, before anything else is written.
func reserveSpace(dir string, size int64) (*reserve, error) {
	f, err := createTemp(dir, ".reserve.*"+TempSuffix)
	if err != nil {
		return nil, writeErr(dir, err)
	}
	zeros := make([]byte, 64<<10)
	for left := size; left > 0 && err == nil; left -= int64(len(zeros)) {
		_, err = f.Write(zeros[:min(left, int64(len(zeros)))])
	}
	if err == nil {
		// Written data is not yet allocated on every file system.
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		removeFile(f.Name())
		return nil, writeErr(filepath.Join(dir, ManifestName), err)
	}
	return &reserve{name: f.Name()}, nil
}

// release gives the space back; it may be called more than once.
func (r *reserve) release() {
	if r != nil && r.name != "" {
		if err := removeFile(r.name); err == nil || errors.Is(err, fs.ErrNotExist) {
			r.name = ""
		}
	}
}

// manifestBound returns an upper bound of the size of the manifest of a
// run over dossiers ds with the given folder names: every dossier complete,
// with its overview, a file for each of its documents and a concept of
// each kind of document, and a reason for failing.
func manifestBound(ds []*dossier.Dossier, names map[string]string, peildatum dossier.Date, version, templates string) int64 {
	p := peildatum.String()
	m := &Manifest{Versie: version, Peildatum: p, Sjablonen: templates}
	const hash = "0000000000000000000000000000000000000000000000000000000000000000"
	// The longest document name and base (see document.FileBase).
	const longest = "bijstelling-plan-van-aanpak"
	base := longest + "_concept_" + p + "-99"
	for _, d := range ds {
		name := names[d.Nummer]
		m.Dossiers = append(m.Dossiers, DossierEntry{Dossiernummer: d.Nummer, Map: name, Vingerafdruk: hash})
		for range 1 + len(d.Documenten) + len(document.Kinds()) {
			m.Bestanden = append(m.Bestanden, FileEntry{Pad: name + "/" + FileName(name, base), Dossier: d.Nummer,
				Document: longest, Datum: p, Concept: true, SHA256: hash, Grootte: math.MaxInt64, Peildatum: p, Versie: version})
		}
		m.Mislukt = append(m.Mislukt, FailedDossier{Dossiernummer: d.Nummer})
	}
	m.Bestanden = append(m.Bestanden, FileEntry{Pad: WerkboekName, Document: DocWerkboek, SHA256: hash,
		Grootte: math.MaxInt64, Peildatum: p, Versie: version})
	var c countBytes
	m.Encode(&c)
	// The reasons of failed dossiers: some hundreds of bytes each.
	return int64(c) + int64(len(ds))<<10 + 64<<10
}

// countBytes is a writer that only counts.
type countBytes int64

func (c *countBytes) Write(p []byte) (int, error) {
	*c += countBytes(len(p))
	return len(p), nil
}
