package document

import (
	"path/filepath"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// TestVoorbeeldGoldens renders every document batch makes for every
// dossier of the bundled example workbook at peildatum 2026-12-31 (each
// version of the plan, each row as of its own date, and the concepts of
// what is due) into golden/documents/<dossier>/<document>_<date>.md.
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
		for _, s := range rules.Stukken(d, peil) {
			t.Run(d.Nummer+"/"+FileBase(s), func(t *testing.T) {
				v := NewView(d, s)
				text, err := Render(v, l)
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("../../golden/documents", d.Nummer, FileBase(s)+".md"), text)
				doc, err := Build(v, l)
				if err != nil {
					t.Fatal(err)
				}
				if doc.BSN != bsn(d.BSN) || doc.Title != s.Document.Soort.String() || len(doc.Blocks) == 0 ||
					!doc.Date.Equal(s.Document.Datum.Time()) || doc.Concept != s.Concept {
					t.Errorf("Build: title %q, BSN %q, date %s, concept %v, %d blocks", doc.Title, doc.BSN, doc.Date, doc.Concept, len(doc.Blocks))
				}
			})
		}
	}
}
