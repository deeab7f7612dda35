package report

import (
	"bytes"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// TestLazyChecksWriteAlike writes the example's dossiers, repeated to more
// than two chunks, once from checks made beforehand and once from checks
// made chunk by chunk while writing: the bytes and the summary must be the
// same.
func TestLazyChecksWriteAlike(t *testing.T) {
	wb, err := workbook.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var ds []*dossier.Dossier
	for len(ds) < 2*checkChunk+100 {
		ds = append(ds, wb.Dossiers...)
	}
	var made Results
	want := map[rules.Oordeel]int{}
	for _, d := range ds {
		r := rules.Check(d, voorbeeldPeildatum)
		made = append(made, r)
		want[r.Oordeel]++
	}
	for name, write := range map[string]func(*bytes.Buffer, Checks) (Summary, error){
		"json": func(b *bytes.Buffer, c Checks) (Summary, error) { return JSON(b, voorbeeldPeildatum, c, wb.Problems) },
		"text": func(b *bytes.Buffer, c Checks) (Summary, error) {
			return Text(b, voorbeeldPeildatum, c, wb.Problems, TextOptions{})
		},
	} {
		var a, b bytes.Buffer
		sa, err := write(&a, made)
		if err != nil {
			t.Fatal(err)
		}
		sb, err := write(&b, Lazy(ds, voorbeeldPeildatum))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: lazy checks write other bytes", name)
		}
		for _, s := range []Summary{sa, sb} {
			for o, n := range want {
				if s.Oordelen[o] != n {
					t.Errorf("%s: %d %s, want %d", name, s.Oordelen[o], o, n)
				}
			}
			if len(s.Meldingen) != len(resultMeldingen(made)) {
				t.Errorf("%s: %d meldingen in the summary, want %d", name, len(s.Meldingen), len(resultMeldingen(made)))
			}
		}
		if !sa.Onvolledig() {
			t.Errorf("%s: the example has onvolledig dossiers", name)
		}
	}
}
