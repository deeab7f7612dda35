package document

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// TestOverzichtGoldens builds the overview of example dossiers in three
// stages (week 3, week 50, past the waiting time) at peildatum 2026-12-31
// into golden/documents/<dossier>/overzicht.txt, in the dump form.
func TestOverzichtGoldens(t *testing.T) {
	wb, err := workbook.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	peil := dossier.NewDate(2026, 12, 31)
	byNummer := map[string]*dossier.Dossier{}
	for _, d := range wb.Dossiers {
		byNummer[d.Nummer] = d
	}
	for _, nummer := range []string{"D-001", "D-003", "D-006", "D-009"} {
		t.Run(nummer, func(t *testing.T) {
			d := byNummer[nummer]
			if d == nil {
				t.Fatalf("dossier %s not in the example workbook", nummer)
			}
			doc := Overzicht(rules.Check(d, peil))
			if doc.Title != OverzichtTitle || doc.Dossier != nummer || !doc.Date.Equal(peil.Time()) {
				t.Errorf("metadata: title %q, dossier %q, date %v", doc.Title, doc.Dossier, doc.Date)
			}
			text := dump(doc.Blocks)
			for _, want := range []string{"H1 " + OverzichtTitle, "H1 Bevindingen", "H1 Tijdlijn", "H1 Volgende stappen", "KV Oordeel = "} {
				if !strings.Contains(text, want) {
					t.Errorf("overview lacks %q", want)
				}
			}
			checkGolden(t, filepath.Join("../../golden/documents", nummer, "overzicht.txt"), text)
		})
	}
}
