package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/testtool"
)

// TestExternalTools checks the rendered PDFs with poppler and qpdf: the
// text a reader extracts, page numbering, metadata and structural
// validity. Without the tools it is skipped, except in CI
// (testtool.Need), where .ci/run installs them.
func TestExternalTools(t *testing.T) {
	testtool.Need(t, "pdftotext", "pdfinfo", "qpdf")
	dir := t.TempDir()
	run := func(name string, args ...string) string {
		t.Helper()
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	for _, tc := range []struct {
		name  string
		doc   func() *document.Doc
		pages string
		text  []string
		info  []string
	}{
		{"sample", sampleDoc, "3", []string{
			"Şükrü Yılmaz", "Łukasz Wróbel", "Zoë Ñúñez", "Ayşe Doğan",
			"[ontbreekt: datum probleemanalyse]", "pagina 1 van 3", "pagina 3 van 3",
			"Dossier 2025-0042", "BSN 1234.56.782", "Datum:", "Plaats:",
		}, []string{"Title:           Plan van aanpak", "Author:          Bakkerij Łukasz Wróbel B.V.", "Creator:         poortwachter 0.1.0"}},
		{"longtable", longTableDoc, "3", []string{"pagina 2 van 3", "Week", "Toelichting"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := renderBytes(t, tc.name, tc.doc())
			path := filepath.Join(dir, tc.name+".pdf")
			if err := os.WriteFile(path, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			run("qpdf", "--check", path)
			info := run("pdfinfo", path)
			if !strings.Contains(info, "Pages:           "+tc.pages+"\n") {
				t.Errorf("pdfinfo: want %s pages:\n%s", tc.pages, info)
			}
			for _, want := range tc.info {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			text := run("pdftotext", "-layout", path, "-")
			for _, want := range tc.text {
				if !strings.Contains(text, want) {
					t.Errorf("pdftotext lacks %q", want)
				}
			}
		})
	}
}
