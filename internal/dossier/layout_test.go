package dossier

import "testing"

func TestLayoutCell(t *testing.T) {
	l := &Layout{}
	l.Add("Documenten", "Samenvatting", "G")
	l.Add("Documenten", "Datum", "C")
	l.Add("Dossiers", "Contactafspraken", "S")
	l.Add("Mijn blad!x", "Samenvatting", "AB")
	for _, tc := range []struct{ plaats, header, want string }{
		{"Documenten!C7", "Samenvatting", "Documenten!G7"},
		{"Documenten!C12", "Datum", "Documenten!C12"},
		{"Dossiers!A3", "Contactafspraken", "Dossiers!S3"},
		{"Mijn blad!x!B9", "Samenvatting", "Mijn blad!x!AB9"},
		{"Documenten!C7", "Visie werkgever", ""}, // column not in the workbook
		{"Activiteiten!C7", "Samenvatting", ""},  // other sheet
		{"Documenten", "Samenvatting", ""},       // no cell
		{"Documenten!C", "Samenvatting", ""},
		{"Documenten!C7x", "Samenvatting", ""},
	} {
		if got := l.Cell(tc.plaats, tc.header); got != tc.want {
			t.Errorf("Cell(%q, %q) = %q, want %q", tc.plaats, tc.header, got, tc.want)
		}
	}
	var none *Layout
	if got := none.Cell("Documenten!C7", "Samenvatting"); got != "" {
		t.Errorf("nil layout: %q", got)
	}
	d := &Dossier{Layout: l}
	if got := d.Cell("Documenten!C7", "Visie werkgever"); got != "Documenten!C7" {
		t.Errorf("Dossier.Cell falls back to the row's place, got %q", got)
	}
	if got := d.Cell("Documenten!C7", "Samenvatting"); got != "Documenten!G7" {
		t.Errorf("Dossier.Cell = %q", got)
	}
}
