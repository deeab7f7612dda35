package synth

import (
	"bytes"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// TestGenerate checks that a seed fixes the bytes, that the workbook reads
// without errors, and that the dossiers span the stages the benchmarks
// need.
func TestGenerate(t *testing.T) {
	const n = 300
	var a, b, c bytes.Buffer
	for _, w := range []struct {
		buf  *bytes.Buffer
		seed int64
	}{{&a, 1}, {&b, 1}, {&c, 2}} {
		if err := Generate(w.buf, n, w.seed); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same seed gave different bytes")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds gave the same bytes")
	}
	wb, err := workbook.Read(&a)
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Dossiers) != n {
		t.Fatalf("read %d dossiers, want %d", len(wb.Dossiers), n)
	}
	for _, p := range wb.Problems {
		if p.Ernst == dossier.Fout {
			t.Errorf("input error: %s", p)
		}
	}
	var docs, acts, recovered, samengeteld, spoor2, secondYear int
	oordelen := map[rules.Oordeel]int{}
	// statuses counts, per substance rule, the statuses it gives, so the
	// benchmarks exercise each of them, not only niet-van-toepassing.
	statuses := map[string]map[rules.Status]int{}
	for _, d := range wb.Dossiers {
		docs += len(d.Documenten)
		acts += len(d.Activiteiten)
		if !d.DatumHersteld.IsZero() {
			recovered++
		}
		if len(d.Ziekteperiodes) > 1 {
			samengeteld++
		}
		if !d.Spoor2Start().IsZero() {
			spoor2++
		}
		if rules.NewCalendar(d).Week(Peildatum) > 52 {
			secondYear++
		}
		res := rules.Check(d, Peildatum)
		oordelen[res.Oordeel]++
		for _, f := range res.Bevindingen {
			if statuses[f.Regel] == nil {
				statuses[f.Regel] = map[rules.Status]int{}
			}
			statuses[f.Regel][f.Status]++
		}
	}
	for _, id := range []string{"visies-vastgelegd", "bijstelling-plan", "spoor-2-doorlopend", "spoor-1-tijdens-spoor-2", "zoekprofiel"} {
		if len(statuses[id]) < 3 {
			t.Errorf("rule %s gives only %v; want at least three different statuses", id, statuses[id])
		}
	}
	t.Logf("%d dossiers: %.1f documents and %.1f activities each; %d recovered, %d samengeteld, %d in spoor 2, %d in year two; verdicts %v",
		n, float64(docs)/n, float64(acts)/n, recovered, samengeteld, spoor2, secondYear, oordelen)
	for what, got := range map[string]int{"recovered": recovered, "samengeteld": samengeteld, "spoor 2": spoor2,
		"year two": secondYear, "onvolledig": oordelen[rules.Onvolledig], "compleet": oordelen[rules.Compleet]} {
		if got == 0 {
			t.Errorf("no dossier %s", what)
		}
	}
	if avg := float64(docs) / n; avg < 8 || avg > 20 {
		t.Errorf("%.1f documents per dossier, want about 15", avg)
	}
}
