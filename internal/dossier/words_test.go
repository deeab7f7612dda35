package dossier

import "testing"

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 dossiers", 1: "1 dossier", 2: "2 dossiers", 11: "11 dossiers"} {
		if got := Plural(n, "dossier", "dossiers"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}
