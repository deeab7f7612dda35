package dossier

import (
	"strings"
	"testing"
)

// TestProblemsSort: problems about a whole sheet come first, errors (a
// missing required sheet) before warnings (an unknown one), then cells by
// sheet, row and column (B before AA, 2 before 10).
func TestProblemsSort(t *testing.T) {
	ps := Problems{
		Warnf("Activiteiten!B10", "c"),
		Errorf("Activiteiten!AA2", "d"),
		Warnf("Aanvullend", "unknown sheet"),
		Errorf("Activiteiten!B2", "b"),
		Errorf("Documenten", "missing sheet"),
		Errorf("Dossiers!1", "missing column"),
		Warnf("Activiteiten!B2", "b2"),
	}
	ps.Sort()
	var got []string
	for _, p := range ps {
		got = append(got, p.Plaats+" "+p.Tekst)
	}
	want := []string{
		"Documenten missing sheet",
		"Aanvullend unknown sheet",
		"Activiteiten!B2 b",
		"Activiteiten!B2 b2",
		"Activiteiten!AA2 d",
		"Activiteiten!B10 c",
		"Dossiers!1 missing column",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sorted:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
