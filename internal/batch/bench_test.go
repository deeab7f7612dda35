package batch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/report"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/synth"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// synthCache keeps generated workbooks per size for the benchmarks of this
// package run, in synthDir.
var (
	synthCache sync.Map
	synthOnce  sync.Once
	synthDir   string
	synthErr   error
)

// TestMain removes synthDir once every test and benchmark has run: the
// workbooks are shared between benchmarks, so b.TempDir (removed after
// each) does not fit, and make bench used to leave them in $TMPDIR (up
// to 10 MB per run).
func TestMain(m *testing.M) {
	code := m.Run()
	if synthDir != "" {
		os.RemoveAll(synthDir)
	}
	os.Exit(code)
}

// synthWorkbook returns the path of a synthetic workbook of n dossiers,
// generated once per test binary run into a temporary folder.
func synthWorkbook(b *testing.B, n int) string {
	b.Helper()
	if p, ok := synthCache.Load(n); ok {
		return p.(string)
	}
	var buf bytes.Buffer
	if err := synth.Generate(&buf, n, 1); err != nil {
		b.Fatal(err)
	}
	synthOnce.Do(func() { synthDir, synthErr = os.MkdirTemp("", "poortwachter-bench-") })
	if synthErr != nil {
		b.Fatal(synthErr)
	}
	path := filepath.Join(synthDir, fmt.Sprintf("synth-%d.xlsx", n))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	synthCache.Store(n, path)
	return path
}

func readSynth(b *testing.B, n int) *workbook.Result {
	b.Helper()
	wb, err := workbook.ReadFile(synthWorkbook(b, n))
	if err != nil {
		b.Fatal(err)
	}
	return wb
}

func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := synthWorkbook(b, n)
			b.ResetTimer()
			for b.Loop() {
				if _, err := workbook.ReadFile(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheckJSON10000 is check --format json of 10,000 dossiers in
// process: reading, checking and writing the JSON.
func BenchmarkCheckJSON10000(b *testing.B) {
	path := synthWorkbook(b, 10000)
	b.ResetTimer()
	for b.Loop() {
		wb, err := workbook.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := report.JSON(io.Discard, synth.Peildatum, report.Lazy(wb.Dossiers, synth.Peildatum), wb.Problems); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheck10000(b *testing.B) {
	wb := readSynth(b, 10000)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range wb.Dossiers {
			rules.Check(d, synth.Peildatum)
		}
	}
}

// BenchmarkRenderDocument builds and renders one document of each kind of
// a dossier in its second year (all three kinds exist there), as of its own
// date, and its overview.
func BenchmarkRenderDocument(b *testing.B) {
	wb := readSynth(b, 1000)
	l := document.NewLoader("")
	var d *dossier.Dossier
	var stukken []rules.Stuk
	for _, x := range wb.Dossiers {
		stukken = rules.Stukken(x, synth.Peildatum)
		if d = x; len(document.StukkenOf(stukken, document.Reintegratieverslag)) > 0 {
			break
		}
	}
	for _, k := range document.Kinds() {
		s := document.StukkenOf(stukken, k)[0]
		b.Run(string(k), func(b *testing.B) {
			for b.Loop() {
				if err := RenderStuk(context.Background(), io.Discard, d, s, "bench", l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run(DocOverzicht, func(b *testing.B) {
		for b.Loop() {
			if err := RenderOverzicht(context.Background(), io.Discard, rules.Check(d, synth.Peildatum), "bench"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBatch1000 runs the whole batch over 1,000 dossiers and reports
// PDFs per second.
func BenchmarkBatch1000(b *testing.B) {
	wb := readSynth(b, 1000)
	files := 0
	b.ResetTimer()
	for b.Loop() {
		dir := b.TempDir()
		sum, err := Run(context.Background(), wb, Options{Dir: dir, Peildatum: synth.Peildatum, Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		files += sum.Files - 1 // the overview workbook is no PDF
	}
	b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "pdf/s")
}
