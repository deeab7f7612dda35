// Package fpdfequiv checks the promise of internal/thirdparty/fpdf (see its
// PATCHES.md): the patched copy of go-pdf/fpdf v0.9.0 writes exactly the
// bytes upstream writes. It is a module of its own so that here fpdf is
// the unpatched upstream v0.9.0 from the module proxy, while the main
// module replaces it with the copy. Run it with make fpdf-equivalence (CI
// does).
package fpdfequiv

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/batch"
	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/pdf"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

const root = "../.."

var peildatum = dossier.NewDate(2026, 12, 31)

// TestUpstreamFpdf makes sure that this module builds with upstream fpdf
// v0.9.0 from the module cache and the main module with the patched copy:
// otherwise the other tests prove nothing.
func TestUpstreamFpdf(t *testing.T) {
	dir := func(module string) string {
		t.Helper()
		cmd := exec.Command("go", "list", "-f", "{{.Dir}} {{.Module.Version}}", "github.com/go-pdf/fpdf")
		cmd.Dir = module
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list in %s: %v", module, err)
		}
		return strings.TrimSpace(string(out))
	}
	here, main := dir("."), dir(root)
	if !strings.HasSuffix(here, filepath.Join("github.com", "go-pdf", "fpdf@v0.9.0")+" v0.9.0") {
		t.Errorf("this module's fpdf is %s, want upstream v0.9.0 from the module cache", here)
	}
	if !strings.Contains(main, filepath.Join("internal", "thirdparty", "fpdf")) {
		t.Errorf("the main module's fpdf is %s, want the patched copy", main)
	}
}

// TestBatchBytes runs the year-end batch over the example workbook twice:
// with the tool built in the main module (the patched copy) and in this
// module (upstream). Every PDF must be byte for byte the same.
func TestBatchBytes(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "poortwachter")
	build := exec.Command("go", "build", "-o", bin, "./cmd/poortwachter")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build in the main module: %v\n%s", err, out)
	}
	patched := filepath.Join(dir, "patched")
	wbPath := filepath.Join(root, "fixtures", "voorbeeld.xlsx")
	if out, err := exec.Command(bin, "batch", "--peildatum", peildatum.String(), "--output", patched, wbPath).CombinedOutput(); err != nil {
		t.Fatalf("batch with the patched copy: %v\n%s", err, out)
	}
	var m struct {
		Versie string `json:"versie"`
	}
	data, err := os.ReadFile(filepath.Join(patched, batch.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}

	wb, err := workbook.ReadFile(wbPath)
	if err != nil {
		t.Fatal(err)
	}
	upstream := filepath.Join(dir, "upstream")
	// The same version string, so the PDFs' Creator is the same.
	if _, err := batch.Run(context.Background(), wb, batch.Options{Dir: upstream, Peildatum: peildatum, Jobs: 2, Version: m.Versie}); err != nil {
		t.Fatal(err)
	}
	pdfs, err := filepath.Glob(filepath.Join(patched, "*", "*.pdf"))
	if err != nil || len(pdfs) == 0 {
		t.Fatalf("no PDFs from the patched copy: %v", err)
	}
	for _, p := range pdfs {
		rel, _ := filepath.Rel(patched, p)
		a, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(upstream, rel))
		if err != nil {
			t.Errorf("%s: not written with upstream fpdf: %v", rel, err)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: patched copy and upstream fpdf differ (%d and %d bytes)", rel, len(a), len(b))
		}
	}
	t.Logf("%d PDFs compared", len(pdfs))
}

// TestGoldenBytes renders every document of every example dossier (the
// overview and each document batch makes, as of its own date) with
// upstream fpdf and compares their SHA-256 with the goldens
// (golden/documents/*/*.pdf.sha256), which the main module's
// TestExampleDocuments holds the patched copy to.
func TestGoldenBytes(t *testing.T) {
	wb, err := workbook.ReadFile(filepath.Join(root, "fixtures", "voorbeeld.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	loader := document.NewLoader("")
	// "golden" is the version the main module's goldens are made with.
	opt := pdf.Options{Creator: batch.Creator("golden")}
	n := 0
	for _, d := range wb.Dossiers {
		docs := map[string]*document.Doc{batch.DocOverzicht: document.Overzicht(rules.Check(d, peildatum))}
		for _, s := range rules.Stukken(d, peildatum) {
			m, err := document.Build(document.NewView(d, s), loader)
			if err != nil {
				t.Fatal(err)
			}
			docs[document.FileBase(s)] = m
		}
		for base, model := range docs {
			var buf bytes.Buffer
			if err := pdf.Render(&buf, model, opt); err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(root, "golden", "documents", d.Nummer, base+".pdf.sha256"))
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprintf("%x", sha256.Sum256(buf.Bytes()))
			if !strings.HasPrefix(string(want), got+" ") {
				t.Errorf("%s %s: upstream fpdf gives %s, the golden (patched copy) says %s", d.Nummer, base, got, strings.TrimSpace(string(want)))
			}
			n++
		}
	}
	t.Logf("%d PDFs compared with their goldens", n)
}
