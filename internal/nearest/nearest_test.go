package nearest

import "testing"

func TestWord(t *testing.T) {
	funcs := []string{"datum", "datumKort", "week", "periode", "vereist", "ontbreekt", "upper", "lower"}
	for _, tc := range []struct{ in, want string }{
		{"datm", "datum"},
		{"Datum", ""}, // a candidate itself
		{"datumkrt", "datumKort"},
		{"weke", "week"},
		{"vereisd", "vereist"},
		{"ontbrekt", "ontbreekt"},
		{"xyz", ""},
		{"", ""},
	} {
		if got := Word(tc.in, funcs); got != tc.want {
			t.Errorf("Word(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if d := Distance("kitten", "sitting"); d != 3 {
		t.Errorf("Distance = %d", d)
	}
}
