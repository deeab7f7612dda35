package batch

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/golden"
	"github.com/poortwachter/poortwachter/internal/testtool"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/pdf"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenVersion is the tool version written into the golden PDFs, fixed so a
// release does not change every golden.
const goldenVersion = "golden"

// TestExampleDocuments renders every document batch makes for every
// dossier of the example workbook at the make-run peildatum (each plan
// version, eerstejaarsevaluatie and re-integratieverslag as of its own date,
// the concepts of what is due, and the overview), and checks each against
// two goldens in golden/documents/<dossier>/: the laid-out pages as text
// (<document>_<date>.pages.txt, reviewable) and the SHA-256 of the PDF bytes
// (<document>_<date>.pdf.sha256). Rendering twice must give the same bytes.
// Every PDF must also pass qpdf --check and read back with pdftotext with
// its headings in order; without those tools that part is left out, except
// in CI (testtool.Have), where .ci/run installs them.
func TestExampleDocuments(t *testing.T) {
	wb, err := workbook.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := wb.Problems.Count(); f > 0 {
		t.Fatalf("example workbook has errors: %v", wb.Problems)
	}
	tools := testtool.Have(t, "qpdf", "pdftotext")
	peildatum := dossier.NewDate(2026, 12, 31)
	loader := document.NewLoader("")
	for _, d := range wb.Dossiers {
		stukken := rules.Stukken(d, peildatum)
		docs := []struct {
			base  string
			model *document.Doc
		}{{DocOverzicht, document.Overzicht(rules.Check(d, peildatum))}}
		for _, s := range stukken {
			m, err := document.Build(document.NewView(d, s), loader)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, struct {
				base  string
				model *document.Doc
			}{document.FileBase(s), m})
		}
		for _, doc := range docs {
			t.Run(d.Nummer+"/"+doc.base, func(t *testing.T) {
				var a, b bytes.Buffer
				opt := pdf.Options{Creator: Creator(goldenVersion)}
				if err := pdf.Render(&a, doc.model, opt); err != nil {
					t.Fatal(err)
				}
				if err := pdf.Render(&b, doc.model, opt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Fatal("two renders of the same input differ")
				}
				for _, err := range pdf.CheckKeeps(doc.model) {
					t.Error(err)
				}
				dir := filepath.Join("../../golden/documents", d.Nummer)
				pages := pdf.TextDump(doc.model)
				compareGolden(t, filepath.Join(dir, doc.base+".pages.txt"), []byte(pages))
				sum := fmt.Sprintf("%x  %s_%s.pdf\n", sha256.Sum256(a.Bytes()), d.Nummer, doc.base)
				compareGolden(t, filepath.Join(dir, doc.base+".pdf.sha256"), []byte(sum))
				if tools {
					checkWithReaders(t, a.Bytes(), doc.model, strings.Count(pages, "--- pagina "))
				}
			})
		}
	}
}

// checkWithReaders runs qpdf --check and pdftotext on the PDF: the text must
// hold every heading of the model in order, the footer's page count, and the
// employee's name.
func checkWithReaders(t *testing.T, data []byte, model *document.Doc, pages int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	pos := 0
	for _, b := range model.Blocks {
		if b.Kind != document.Heading {
			continue
		}
		h := strings.Join(strings.Fields(document.PlainText(b.Text)), " ")
		i := strings.Index(text[pos:], h)
		if i < 0 {
			t.Errorf("pdftotext: heading %q missing or out of reading order", h)
			continue
		}
		pos += i + len(h)
	}
	for _, want := range []string{model.Employee, fmt.Sprintf("pagina %d van %d", pages, pages)} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext: %q missing", want)
		}
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}
