package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/rogpeppe/go-internal/diff"
)

// TestJSONContract checks the promises of poortwachter.md "Machine-readable
// output of a check" that a golden file alone would not name: every rule
// once per dossier in catalogue order, dates jjjj-mm-dd or null, and input
// problems in meldingen.
func TestJSONContract(t *testing.T) {
	d := &dossier.Dossier{Nummer: "D-1", NaamWerknemer: "Geheim", EersteZiektedag: dossier.NewDate(2026, 1, 5)}
	d.SetPeriods(nil)
	p := dossier.NewDate(2026, 3, 1)
	results := []rules.Result{rules.Check(d, p)}
	input := dossier.Problems{
		{Plaats: "Dossiers!D3", Ernst: dossier.Fout, Tekst: "verwacht een datum", Dossier: "D-2"},
		{Plaats: "Extra", Ernst: dossier.Waarschuwing, Tekst: "onbekend tabblad"},
	}
	var buf bytes.Buffer
	if _, err := JSON(&buf, p, Results(results), input); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("Geheim")) {
		t.Error("the JSON holds the employee's name")
	}
	var out struct {
		Peildatum string
		Dossiers  []struct {
			Dossiernummer   string
			EersteZiektedag *string `json:"eerste_ziektedag"`
			EindeWachttijd  *string `json:"einde_wachttijd"`
			Oordeel         string
			Bevindingen     []struct {
				Regel, Ernst, Status, Toelichting string
				UitersteDatum                     *string `json:"uiterste_datum"`
				Datum                             *string
			}
		}
		Meldingen []struct{ Plaats, Ernst, Tekst string }
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Peildatum != "2026-03-01" || len(out.Dossiers) != 1 {
		t.Fatalf("peildatum %q, %d dossiers", out.Peildatum, len(out.Dossiers))
	}
	jd := out.Dossiers[0]
	if jd.Dossiernummer != "D-1" || *jd.EersteZiektedag != "2026-01-05" || *jd.EindeWachttijd != "2028-01-02" {
		t.Errorf("dossier = %s, %v, %v", jd.Dossiernummer, *jd.EersteZiektedag, *jd.EindeWachttijd)
	}
	cat := rules.Catalogue()
	if len(jd.Bevindingen) != len(cat) {
		t.Fatalf("%d bevindingen, want %d", len(jd.Bevindingen), len(cat))
	}
	isDate := func(s *string) bool {
		if s == nil {
			return true
		}
		_, err := time.Parse("2006-01-02", *s)
		return err == nil
	}
	for i, b := range jd.Bevindingen {
		if b.Regel != cat[i].ID || b.Ernst != string(cat[i].Ernst) {
			t.Errorf("bevinding %d = %s (%s), want %s (%s)", i, b.Regel, b.Ernst, cat[i].ID, cat[i].Ernst)
		}
		if !isDate(b.UitersteDatum) || !isDate(b.Datum) {
			t.Errorf("%s: dates %v, %v not jjjj-mm-dd or null", b.Regel, b.UitersteDatum, b.Datum)
		}
		if b.Status == "" || b.Toelichting == "" {
			t.Errorf("%s: empty status or toelichting", b.Regel)
		}
		if b.Regel == "visie-werknemer" && b.Datum != nil {
			t.Errorf("visie-werknemer datum = %v, want null", *b.Datum)
		}
	}
	// A problem about a whole sheet comes before those about cells.
	want := []struct{ plaats, ernst string }{{"Extra", "waarschuwing"}, {"Dossiers!D3", "fout"}}
	if len(out.Meldingen) != len(want) {
		t.Fatalf("meldingen = %+v", out.Meldingen)
	}
	for i, w := range want {
		if m := out.Meldingen[i]; m.Plaats != w.plaats || m.Ernst != w.ernst || m.Tekst == "" {
			t.Errorf("melding %d = %+v, want %s %s", i, m, w.plaats, w.ernst)
		}
	}
}

// BenchmarkXLSX writes the auditor's workbook for 10,000 dossiers.
func BenchmarkXLSX(b *testing.B) {
	var results []rules.Result
	start := dossier.NewDate(2024, 1, 1)
	p := dossier.NewDate(2026, 12, 31)
	for i := 0; i < 10000; i++ {
		d := &dossier.Dossier{Nummer: "D-" + string(rune('A'+i%26)), EersteZiektedag: start.AddDays(i % 700)}
		d.SetPeriods(nil)
		results = append(results, rules.Check(d, p))
	}
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := XLSX(&buf, p, results, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestJSONStreamed holds the piecewise, parallel JSON writer to the bytes
// json.Encoder writes for the whole object: with and without dossiers and
// meldingen, HTML characters unescaped, and more dossiers and more
// meldingen than one chunk.
func TestJSONStreamed(t *testing.T) {
	results, problems := checkVoorbeeld(t)
	many := results
	for len(many) <= 2*jsonChunk {
		many = append(many, results...)
	}
	extra := dossier.Problems{{Plaats: "Dossiers!B9", Ernst: dossier.Fout, Tekst: `<naam> & "Jansen"`, Dossier: "D-9"}}
	lots := append(dossier.Problems(nil), problems...) // meldingen over more than two chunks
	for len(lots) <= 2*jsonChunk {
		lots = append(lots, extra...)
	}
	// Every character class the string encoder treats apart.
	odd := results[0]
	odd.Bevindingen = append([]rules.Finding(nil), odd.Bevindingen...)
	odd.Bevindingen[0].Toelichting = "quote \" backslash \\ <&> \b\f\n\r\t\x00\x1f\x7f é “x” \u2028\u2029 bad \xff\xfe end 😀"
	nr := *odd.Dossier
	nr.Nummer = "D-\"1\"\t"
	odd.Dossier = &nr
	for _, tc := range []struct {
		name      string
		results   []rules.Result
		meldingen dossier.Problems
	}{
		{"voorbeeld", results, problems},
		{"escapes", []rules.Result{odd}, nil},
		{"many", many, append(problems, extra...)},
		{"many meldingen", results, lots},
		{"no dossiers", nil, extra},
		{"nothing", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got, want bytes.Buffer
			if _, err := JSON(&got, voorbeeldPeildatum, Results(tc.results), tc.meldingen); err != nil {
				t.Fatal(err)
			}
			ref := jsonCheck{Peildatum: jsonDate(voorbeeldPeildatum), Dossiers: []jsonDossier{}, Meldingen: []jsonMelding{}}
			for _, r := range tc.results {
				ref.Dossiers = append(ref.Dossiers, toJSONDossier(r))
			}
			for _, p := range Meldingen(resultMeldingen(tc.results), tc.meldingen) {
				m := jsonMelding{Plaats: p.Plaats, Ernst: p.Ernst.String(), Tekst: p.Tekst}
				if p.Dossier != "" {
					nr := p.Dossier
					m.Dossier = &nr
				}
				ref.Meldingen = append(ref.Meldingen, m)
			}
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(ref); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("streamed JSON differs from json.Encoder's:\n%s", diff.Diff("encoder", want.Bytes(), "streamed", got.Bytes()))
			}
		})
	}
}
