package document

import (
	"path/filepath"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// TestVoorbeeldGoldens renders every document for every dossier of the
// bundled example workbook at peildatum 2026-12-31 into
// golden/documents/<dossier>/<document>.md.
func TestVoorbeeldGoldens(t *testing.T) {
	wb, err := workbook.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Dossiers) == 0 {
		t.Fatal("the example workbook has no dossiers")
	}
	peil := dossier.NewDate(2026, 12, 31)
	l := NewLoader("")
	for _, d := range wb.Dossiers {
		if wb.Problems.HasErrorFor(d.Nummer) {
			t.Errorf("dossier %s has input errors: %v", d.Nummer, wb.Problems)
			continue
		}
		v := NewView(d, peil)
		for _, k := range Kinds() {
			t.Run(d.Nummer+"/"+string(k), func(t *testing.T) {
				text, err := Render(k, v, l)
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("../../golden/documents", d.Nummer, string(k)+".md"), text)
				doc, err := Build(k, v, l)
				if err != nil {
					t.Fatal(err)
				}
				if doc.BSN != bsn(d.BSN) || doc.Title != k.Title() || len(doc.Blocks) == 0 {
					t.Errorf("Build: title %q, BSN %q, %d blocks", doc.Title, doc.BSN, len(doc.Blocks))
				}
			})
		}
	}
}
