package dossier

import "testing"

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 dossiers", 1: "1 dossier", 2: "2 dossiers", 11: "11 dossiers"} {
		if got := Plural(n, "dossier", "dossiers"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOrAndList(t *testing.T) {
	for _, tc := range []struct {
		words   []string
		or, and string
	}{
		{nil, "", ""},
		{[]string{"a"}, "a", "a"},
		{[]string{"a", "b"}, "a of b", "a en b"},
		{[]string{"tekst", "json", "xlsx"}, "tekst, json of xlsx", "tekst, json en xlsx"},
	} {
		if got := OrList(tc.words); got != tc.or {
			t.Errorf("OrList(%q) = %q, want %q", tc.words, got, tc.or)
		}
		if got := AndList(tc.words); got != tc.and {
			t.Errorf("AndList(%q) = %q, want %q", tc.words, got, tc.and)
		}
	}
}
