// Package batch is the year-end runner: it checks every dossier of a
// workbook, renders the documents due as of the peildatum into one folder
// per dossier, writes the auditor's overview workbook and a manifest of
// every file with its SHA-256, and verifies such a folder later. It is an
// adapter that writes files; the clock and the terminal stay in the CLI.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/pdf"
	"github.com/poortwachter/poortwachter/internal/report"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// The document names of the manifest besides the document.Kinds.
const (
	// DocOverzicht is the per-dossier overview PDF (document.Overzicht).
	DocOverzicht = "overzicht"
	// DocWerkboek is the auditor's workbook of the whole run.
	DocWerkboek = "overzicht-werkboek"
	// WerkboekName is its file name in the output folder.
	WerkboekName = "overzicht.xlsx"
)

// Options configure Run.
type Options struct {
	Dir       string       // output folder; created when missing
	Peildatum dossier.Date // the "as of" date of every check
	Jobs      int          // parallel workers; <= 0 means runtime.NumCPU()
	// ChangedOnly reuses the files of dossiers whose fingerprint equals the
	// one in the folder's manifest and whose files still exist with the
	// listed size (not re-hashed: poortwachter verify does that).
	ChangedOnly bool
	// Version is the tool version, for the manifest and the PDF metadata.
	Version string
	// Build identifies the build of the tool for the fingerprints, so
	// ChangedOnly renders again after the tool changed; "" uses Version.
	Build  string
	Loader *document.Loader // templates; nil uses the built-in ones
	// Owner says in Dutch which process runs the batch ("proces 1234 op
	// host, gestart ..."); it goes into the folder's lock file, where a
	// second run into the same folder reads it.
	Owner string
	// Progress, when set, is called after each dossier with the number of
	// dossiers done and the total, always from the same goroutine.
	Progress func(done, total int)
	// Stage, when set, is called with what Run does next after the
	// dossiers, in Dutch ("overzicht.xlsx schrijven"), from the goroutine
	// that calls Progress.
	Stage func(what string)
}

// Summary is the outcome of Run.
type Summary struct {
	Dossiers int             // dossiers in the workbook
	Rendered int             // dossiers rendered in this run
	Reused   int             // dossiers whose files were reused (ChangedOnly)
	Files    int             // files written in this run, the workbook included
	Failed   []FailedDossier // in workbook order
	// Manifest is the manifest written; nil when it could not be written.
	Manifest *Manifest
	// Cleaned is the number of temporary files an interrupted earlier run
	// left, removed before this one started.
	Cleaned int
	// Stale is the lock file's line about an earlier run that did not end
	// cleanly and whose lock this run took over; "" when there was none.
	Stale string
}

// FileName returns the name of a PDF of the dossier with safe name name:
// the dossier, then base, the document with its own date (see
// document.FileBase), e.g. "D-011_bijstelling-plan-van-aanpak_2026-09-15.pdf"
// or "D-006_bijstelling-plan-van-aanpak_concept_2026-12-31.pdf".
func FileName(name, base string) string { return name + "_" + base + ".pdf" }

// OverzichtBase is the base name of the overview at peildatum p.
func OverzichtBase(p dossier.Date) string { return DocOverzicht + "_" + p.String() }

// Bases returns the base file name of each of stukken: document.FileBase,
// with "-2", "-3", ... after a base an earlier one already has (two rows
// of one kind on one day).
func Bases(stukken []rules.Stuk) []string {
	out := make([]string, len(stukken))
	seen := map[string]int{}
	for i, s := range stukken {
		b := document.FileBase(s)
		seen[b]++
		if n := seen[b]; n > 1 {
			b += "-" + strconv.Itoa(n)
		}
		out[i] = b
	}
	return out
}

// outcome is what a worker reports about one dossier.
type outcome struct {
	index    int
	result   rules.Result
	checked  bool
	files    []FileEntry
	entry    *DossierEntry // set when every file of the dossier is in files
	reused   bool
	err      error
	canceled bool
}

// Run checks and renders every dossier of wb into opt.Dir (see the package
// comment) and writes the manifest. It holds the folder's lock (LockDir)
// while it runs, and first removes what an interrupted run left there
// (CleanLeftovers). A dossier with input errors, or whose rendering fails,
// is listed in Summary.Failed and the others go on.
//
// Run stops early in two ways, both keeping what was done: the workers
// abandon their current file (no partial file is left), the folders this
// run made and left empty are removed, and the manifest lists exactly the
// files completed. When ctx is cancelled, Run returns the summary and
// ctx.Err(); when a file or folder cannot be written (full disk, read-only
// folder), the summary and the first *WriteError. Space for the manifest
// is reserved at the start, so it can be written on a full disk too; if it
// still cannot be, Summary.Manifest is nil. Other errors (another run holds
// the lock, a template does not parse) stop the run before it starts.
func Run(ctx context.Context, wb *workbook.Result, opt Options) (*Summary, error) {
	if opt.Loader == nil {
		opt.Loader = document.NewLoader("")
	}
	if opt.Build == "" {
		opt.Build = opt.Version
	}
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return nil, &WriteError{Path: opt.Dir, Dir: true, Err: err}
	}
	lock, err := LockDir(opt.Dir, opt.Owner)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	sum := &Summary{Dossiers: len(wb.Dossiers), Stale: lock.Stale, Cleaned: CleanLeftovers(opt.Dir)}

	tset, err := TemplateSetHash(opt.Loader)
	if err != nil {
		return nil, err
	}
	// A broken template would fail every dossier alike: say it once.
	if err := opt.Loader.ParseAll(); err != nil {
		return nil, err
	}
	var old *Manifest
	if opt.ChangedOnly {
		old, _ = ReadManifest(opt.Dir) // no usable manifest: render everything
	}
	prev := previous(old)

	nummers := make([]string, len(wb.Dossiers))
	for i, d := range wb.Dossiers {
		nummers[i] = d.Nummer
	}
	names := Names(nummers)
	res, err := reserveSpace(opt.Dir, manifestBound(wb.Dossiers, names, opt.Peildatum, opt.Version, tset))
	if err != nil {
		return nil, err
	}
	defer res.release()

	// A write error stops the run like Ctrl-C: the workers see work
	// cancelled, with the error as its cause.
	work, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	outcomes := make([]outcome, len(wb.Dossiers))
	todo := make(chan int)
	done := make(chan outcome)
	var wg sync.WaitGroup
	r := &runner{opt: opt, templates: tset, names: names, prev: prev}
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range todo {
				o := r.dossier(work, i, wb.Dossiers[i])
				var we *WriteError
				if errors.As(o.err, &we) {
					stop(we)
				}
				done <- o
			}
		}()
	}
	go func() {
		defer close(todo)
		for i, d := range wb.Dossiers {
			if wb.Problems.HasErrorFor(d.Nummer) {
				continue
			}
			select {
			case todo <- i:
			case <-work.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()

	total, n := len(wb.Dossiers), 0
	for i, d := range wb.Dossiers {
		if wb.Problems.HasErrorFor(d.Nummer) {
			outcomes[i] = outcome{index: i, err: errInput}
			n++
		}
	}
	if opt.Progress != nil && n > 0 {
		opt.Progress(n, total)
	}
	for o := range done {
		outcomes[o.index] = o
		n++
		if opt.Progress != nil {
			opt.Progress(n, total)
		}
	}

	m := &Manifest{Versie: opt.Version, Peildatum: opt.Peildatum.String(), Sjablonen: tset}
	var results []rules.Result
	for i, d := range wb.Dossiers {
		o := outcomes[i]
		m.Bestanden = append(m.Bestanden, o.files...)
		if o.entry != nil {
			m.Dossiers = append(m.Dossiers, *o.entry)
		}
		if o.checked {
			results = append(results, o.result)
		}
		switch {
		case o.reused:
			sum.Reused++
		case o.entry != nil:
			sum.Rendered++
			sum.Files += len(o.files)
		default:
			sum.Files += len(o.files)
		}
		var we *WriteError
		if o.err != nil && !o.canceled && !errors.As(o.err, &we) {
			f := FailedDossier{Dossiernummer: d.Nummer, Reden: o.err.Error()}
			if o.err == errInput {
				f.Reden = inputReason(wb.Problems, d.Nummer)
			}
			sum.Failed = append(sum.Failed, f)
			m.Mislukt = append(m.Mislukt, f)
		}
	}
	stage := func(what string) {
		if opt.Stage != nil {
			opt.Stage(what)
		}
	}
	if work.Err() == nil {
		stage(WerkboekName + " schrijven")
		path := filepath.Join(opt.Dir, WerkboekName)
		w, err := WriteAtomic(work, path, func(w io.Writer) error {
			return report.XLSX(w, opt.Peildatum, results, wb.Problems)
		})
		var we *WriteError
		switch {
		case err == nil:
			sum.Files++
			m.Bestanden = append(m.Bestanden, FileEntry{Pad: WerkboekName, Document: DocWerkboek,
				SHA256: w.SHA256, Grootte: w.Size, Peildatum: m.Peildatum, Versie: m.Versie})
		case errors.As(err, &we):
			stop(we)
		case work.Err() == nil:
			return nil, err
		}
	}
	res.release()
	stage(ManifestName + " schrijven")
	merr := WriteManifest(opt.Dir, m)
	if merr == nil {
		sum.Manifest = m
	}
	var we *WriteError
	switch cause := context.Cause(work); {
	case ctx.Err() != nil:
		return sum, ctx.Err()
	case errors.As(cause, &we):
		return sum, we
	}
	return sum, merr
}

// errInput marks a dossier that was not rendered because of input errors.
var errInput = errors.New("de invoer van dit dossier bevat fouten")

// inputReason lists the first input errors of dossier nummer.
func inputReason(ps dossier.Problems, nummer string) string {
	var msgs []string
	for _, p := range ps {
		if p.Ernst == dossier.Fout && p.Dossier == nummer {
			msgs = append(msgs, p.String())
		}
	}
	const show = 3
	s := "de invoer bevat fouten: " + strings.Join(msgs[:min(show, len(msgs))], "; ")
	if len(msgs) > show {
		s += fmt.Sprintf("; en nog %d", len(msgs)-show)
	}
	return s
}

// previousDossier is what an earlier manifest says about one dossier.
type previousDossier struct {
	entry DossierEntry
	files []FileEntry
}

// previous indexes an earlier manifest by dossiernummer.
func previous(m *Manifest) map[string]previousDossier {
	out := map[string]previousDossier{}
	if m == nil {
		return out
	}
	for _, e := range m.Dossiers {
		out[e.Dossiernummer] = previousDossier{entry: e}
	}
	for _, f := range m.Bestanden {
		if p, ok := out[f.Dossier]; ok && f.Dossier != "" {
			p.files = append(p.files, f)
			out[f.Dossier] = p
		}
	}
	return out
}

// runner holds what every worker shares; it is read-only during a run.
type runner struct {
	opt       Options
	templates string
	names     map[string]string
	prev      map[string]previousDossier
}

// dossier checks and renders one dossier. A folder it makes and leaves
// empty (the run stopped, a document failed) is removed again.
func (r *runner) dossier(ctx context.Context, i int, d *dossier.Dossier) outcome {
	o := outcome{index: i}
	if ctx.Err() != nil {
		o.err, o.canceled = ctx.Err(), true
		return o
	}
	name := r.names[d.Nummer]
	fp := Fingerprint(d, r.opt.Peildatum, r.opt.Build, r.templates)
	entry := &DossierEntry{Dossiernummer: d.Nummer, Map: name, Vingerafdruk: fp}
	if p, ok := r.prev[d.Nummer]; ok && r.opt.ChangedOnly && p.entry == *entry && r.stillThere(p.files) {
		o.result, o.checked = rules.Check(d, r.opt.Peildatum), true
		o.files, o.entry, o.reused = p.files, entry, true
		return o
	}
	p := r.opt.Peildatum
	o.result, o.checked = rules.Check(d, p), true
	dir := filepath.Join(r.opt.Dir, name)
	_, err := os.Lstat(dir)
	made := errors.Is(err, fs.ErrNotExist)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		o.err = &WriteError{Path: dir, Dir: true, Err: err}
		return o
	}
	write := func(base, doc string, datum dossier.Date, concept bool, render func(io.Writer) error) error {
		file := FileName(name, base)
		w, err := WriteAtomic(ctx, filepath.Join(dir, file), render)
		if err != nil {
			return err
		}
		o.files = append(o.files, FileEntry{Pad: name + "/" + file, Dossier: d.Nummer, Document: doc, Datum: datum.String(),
			Concept: concept, SHA256: w.SHA256, Grootte: w.Size, Peildatum: p.String(), Versie: r.opt.Version})
		return nil
	}
	err = write(OverzichtBase(p), DocOverzicht, p, false, func(w io.Writer) error {
		return RenderOverzicht(ctx, w, o.result, r.opt.Version)
	})
	stukken := rules.Stukken(d, p)
	for i, base := range Bases(stukken) {
		if err != nil {
			break
		}
		s := stukken[i]
		err = write(base, document.Name(s.Document.Soort), s.Document.Datum, s.Concept, func(w io.Writer) error {
			if err := RenderStuk(ctx, w, d, s, r.opt.Version, r.opt.Loader); err != nil {
				return fmt.Errorf("%w (bij %s)", err, FileName(name, base))
			}
			return nil
		})
	}
	if err != nil {
		o.err = err
		o.canceled = ctx.Err() != nil
		if made && len(o.files) == 0 {
			os.Remove(dir) // the run stopped, or the dossier failed, before any file
		}
		return o
	}
	o.entry = entry
	return o
}

// stillThere reports whether every file exists with its listed size.
func (r *runner) stillThere(files []FileEntry) bool {
	for _, f := range files {
		fi, err := os.Stat(filepath.Join(r.opt.Dir, filepath.FromSlash(f.Pad)))
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.Grootte {
			return false
		}
	}
	return true
}

// RenderStuk builds document s of dossier d, as of its own date, and
// writes it as PDF to w, within the document's time limit (template and
// PDF together); it stops when ctx is done.
func RenderStuk(ctx context.Context, w io.Writer, d *dossier.Dossier, s rules.Stuk, version string, l *document.Loader) error {
	ctx, cancel := context.WithTimeout(ctx, l.TimeLimit())
	defer cancel()
	doc, err := document.BuildContext(ctx, document.NewView(d, s), l)
	if err != nil {
		return err
	}
	return pdf.RenderContext(ctx, w, doc, pdf.Options{Creator: Creator(version)})
}

// RenderOverzicht builds the overview of the check res and writes it as
// PDF to w; it stops when ctx is done.
func RenderOverzicht(ctx context.Context, w io.Writer, res rules.Result, version string) error {
	return pdf.RenderContext(ctx, w, document.Overzicht(res), pdf.Options{Creator: Creator(version)})
}

// Creator is the PDF creator of every document: the tool and its version.
func Creator(version string) string { return "poortwachter " + version }
