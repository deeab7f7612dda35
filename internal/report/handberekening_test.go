package report

import (
	"os"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/rules"
)

// TestHandberekening compares the check of the example workbook with the
// hand calculation in golden/check/handberekening.md: every table row
// "| dossier | regel | uiterste_datum | datum | status |" (regel "oordeel"
// is the verdict).
func TestHandberekening(t *testing.T) {
	data, err := os.ReadFile(goldenDir + "/check/handberekening.md")
	if err != nil {
		t.Fatal(err)
	}
	results, _ := checkVoorbeeld(t)
	byNummer := map[string]rules.Result{}
	for _, r := range results {
		byNummer[r.Dossier.Nummer] = r
	}
	date := func(s string) string {
		if s == "–" {
			return ""
		}
		return s
	}
	rows := 0
	seen := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), "|")
		if !strings.HasPrefix(line, "| D-") || len(cells) != 5 {
			continue
		}
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		nr, regel, uiterste, datum, status := cells[0], cells[1], date(cells[2]), date(cells[3]), cells[4]
		rows++
		seen[nr]++
		r, ok := byNummer[nr]
		if !ok {
			t.Errorf("line %d: dossier %s was not checked", i+1, nr)
			continue
		}
		if regel == "oordeel" {
			if string(r.Oordeel) != status {
				t.Errorf("line %d: %s oordeel = %s, hand calculation %s", i+1, nr, r.Oordeel, status)
			}
			continue
		}
		f, ok := r.Finding(regel)
		if !ok {
			t.Errorf("line %d: %s has no finding for rule %s", i+1, nr, regel)
			continue
		}
		if f.UitersteDatum.String() != uiterste || f.Datum.String() != datum || string(f.Status) != status {
			t.Errorf("line %d: %s %s = %s, uiterste datum %q, datum %q; hand calculation %s, %q, %q\n\t%s",
				i+1, nr, regel, f.Status, f.UitersteDatum, f.Datum, status, uiterste, datum, f.Toelichting)
		}
	}
	want := len(rules.Catalogue()) + 1
	for _, r := range results {
		if seen[r.Dossier.Nummer] != want {
			t.Errorf("hand calculation has %d rows for %s, want %d (every rule and the verdict)", seen[r.Dossier.Nummer], r.Dossier.Nummer, want)
		}
	}
	if rows == 0 {
		t.Fatal("no table rows found in the hand calculation")
	}
}
