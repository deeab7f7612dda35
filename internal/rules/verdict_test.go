package rules

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

func TestVerdict(t *testing.T) {
	f := func(e Ernst, s Status) Finding { return Finding{Ernst: e, Status: s} }
	tests := []struct {
		name string
		fs   []Finding
		want Oordeel
	}{
		{"nothing", nil, Compleet},
		{"all fine", []Finding{f(Vereist, Tijdig), f(Waarschuwing, Tijdig), f(Vereist, NogNietNodig), f(Vereist, NietVanToepassing)}, Compleet},
		{"vereist ontbreekt", []Finding{f(Vereist, Tijdig), f(Vereist, Ontbreekt)}, Onvolledig},
		{"vereist verouderd", []Finding{f(Vereist, Verouderd)}, Onvolledig},
		{"vereist gebrekkig", []Finding{f(Vereist, Gebrekkig)}, Onvolledig},
		{"vereist te-laat", []Finding{f(Vereist, TeLaat)}, Aandacht},
		{"onvolledig beats aandacht", []Finding{f(Vereist, TeLaat), f(Waarschuwing, Ontbreekt), f(Vereist, Ontbreekt)}, Onvolledig},
		{"waarschuwing te-laat", []Finding{f(Waarschuwing, TeLaat)}, Aandacht},
		{"waarschuwing ontbreekt", []Finding{f(Waarschuwing, Ontbreekt)}, Aandacht},
		{"waarschuwing gebrekkig", []Finding{f(Waarschuwing, Gebrekkig)}, Aandacht},
		{"waarschuwing verouderd", []Finding{f(Waarschuwing, Verouderd)}, Compleet},
		{"waarschuwing nog-niet-nodig", []Finding{f(Waarschuwing, NogNietNodig)}, Compleet},
		{"advies ontbreekt", []Finding{f(Advies, Ontbreekt)}, Compleet},
		{"advies te-laat", []Finding{f(Advies, TeLaat)}, Compleet},
		{"advies gebrekkig with vereist tijdig", []Finding{f(Advies, Gebrekkig), f(Vereist, Tijdig)}, Compleet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Verdict(tt.fs); got != tt.want {
				t.Errorf("Verdict = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestMeldingen(t *testing.T) {
	d := mustDay
	tests := []struct {
		name string
		opts []opt
		p    string
		want []string // "plaats: ernst: tekst" prefixes
	}{
		{"none", []opt{doc(dossier.Probleemanalyse, d("2025-02-10"))}, "2026-12-31", nil},
		{"peildatum the day before the first sick day", nil, "2025-01-05",
			[]string{"Dossiers!A2: waarschuwing: de eerste ziektedag 06-01-2025 ligt na de peildatum 05-01-2025"}},
		{"peildatum on the first sick day", nil, "2025-01-06", nil},
		// S(589), week 85, is 17-08-2026: from then on the RIV is prepared.
		{"no BSN the day before week 85", []opt{bsn("")}, "2026-08-16", nil},
		{"no BSN from week 85", []opt{bsn("")}, "2026-08-17",
			[]string{"Dossiers!A2: waarschuwing: het BSN ontbreekt; het re-integratieverslag"}},
		{"no BSN with a re-integratieverslag", []opt{bsn(""), doc(dossier.Reintegratieverslag, d("2026-01-10"))}, "2026-02-01",
			[]string{"Dossiers!A2: waarschuwing: het BSN ontbreekt"}},
		{"document after peildatum", []opt{doc(dossier.Probleemanalyse, d("2025-02-10")), doc(dossier.PlanVanAanpak, d("2025-03-01"))}, "2025-02-28",
			[]string{"Documenten!C3: waarschuwing: Plan van aanpak van 01-03-2025 ligt na de peildatum 28-02-2025 en telt niet mee"}},
		{"document on peildatum counts", []opt{doc(dossier.PlanVanAanpak, d("2025-03-01"))}, "2025-03-01", nil},
		{"extension not later", []opt{verlengd(d("2027-01-03"))}, "2026-12-31",
			[]string{"Dossiers!A2: waarschuwing: Einde wachttijd verlengd tot 03-01-2027 ligt niet na het einde van de wachttijd 03-01-2027"}},
		{"extension later", []opt{verlengd(d("2027-01-04"))}, "2026-12-31", nil},
		{"medical visie", []opt{visie("Door mijn hernia kan ik niet tillen.")}, "2026-12-31",
			[]string{"Dossiers!W2: waarschuwing: Kolom Visie werknemer lijkt medische gegevens te bevatten; "}},
		{"medical samenvatting", []opt{func(dd *dossier.Dossier) {
			dd.Documenten = append(dd.Documenten, dossier.Document{Soort: dossier.Probleemanalyse, Datum: d("2025-02-10"),
				Samenvatting: "Burn-out; gebruikt Oxazepam.", Plaats: "Documenten!C9"})
		}}, "2026-12-31",
			[]string{"Documenten!G9: waarschuwing: De samenvatting van probleemanalyse lijkt medische gegevens te bevatten; "}},
		{"medical activity", []opt{func(dd *dossier.Dossier) {
			dd.Activiteiten = append(dd.Activiteiten, dossier.Activity{Spoor: 1, Activiteit: "Fysiotherapie", Doel: "Operationeel inzetbaar", Plaats: "Activiteiten!C4"})
		}}, "2026-12-31",
			[]string{"Activiteiten!C4: waarschuwing: Activiteit lijkt medische gegevens te bevatten; "}},
		{"herbeoordeling without motivering", []opt{herbeoordeling(d("2026-03-01"))}, "2026-12-31",
			[]string{"Dossiers!A2: waarschuwing: Herbeoordeling geen spoor 2 (01-03-2026) is ingevuld zonder Motivering geen spoor 2 en telt niet mee"}},
		{"herbeoordeling with motivering", []opt{herbeoordeling(d("2026-03-01")), motivering("AOW binnen een jaar.")}, "2026-12-31", nil},
		{"medical view on a plan", []opt{doc(dossier.PlanVanAanpak, d("2025-03-01")), visies("Werkgever ziet kansen.", "Mijn depressie maakt dat ik weinig aankan.")}, "2026-12-31",
			[]string{"Documenten!J2: waarschuwing: De visie van de werknemer in plan van aanpak lijkt medische gegevens te bevatten; "}},
		{"job titles are not medical data", []opt{func(dd *dossier.Dossier) { dd.Functie = "Psycholoog"; dd.Vaardigheden = "Operatie-assistent" }}, "2026-12-31", nil},
		{"functional limitations are fine", []opt{visie("Beperkt belastbaar, niet tillen, 4 uur per dag."), motivering("Coöperatie van werknemer is goed; operationeel werk in eigen functie binnen drie maanden.")}, "2026-12-31", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Check(newDossier(tt.opts...), d(tt.p))
			if len(res.Meldingen) != len(tt.want) {
				t.Fatalf("got %d meldingen, want %d: %v", len(res.Meldingen), len(tt.want), res.Meldingen)
			}
			for i, m := range res.Meldingen {
				if !strings.HasPrefix(m.String(), tt.want[i]) {
					t.Errorf("melding %d = %q, want prefix %q", i, m, tt.want[i])
				}
				if m.Dossier != "D-001" || m.Ernst != dossier.Waarschuwing {
					t.Errorf("melding %d: dossier %q, ernst %s", i, m.Dossier, m.Ernst)
				}
			}
		})
	}
}

func TestMedicalTerms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Beperkt belastbaar; niet tillen boven 10 kg.", nil},
		{"Hernia, niet tillen", []string{"Hernia"}},
		{"hernia en nog eens HERNIA", []string{"hernia"}},
		{"operationeel leidinggevende", nil},
		{"Coöperatie en cooperatie", nil},
		{"na de operatie thuis", []string{"operatie"}},
		{"knie-operatie gepland", []string{"knie-operatie"}},
		{"burn-out", []string{"burn-out"}},
		{"Burnout-klachten", []string{"Burnout-klachten"}},
		{"Diagnose: MS", []string{"Diagnose", "MS"}},
		{"ms Word en ms-dos", nil},
		{"Multiple Sclerose vastgesteld", []string{"Multiple Sclerose"}},
		{"slikt paracetamol en Ibuprofen", []string{"paracetamol", "Ibuprofen"}},
		{"codeïne", []string{"codeïne"}},
		{"chemo.", []string{"chemo"}},
		{"de behandeling van de aanvraag; ziekte gemeld", nil},
		{"Tia belt maandag; na een TIA", []string{"TIA"}},
		{"depressief", []string{"depressief"}},
		{"tumoren in de lever", []string{"tumoren"}},
		{"diabetesvereniging", nil},
		{"-operatie en operatie-", []string{"operatie"}},
		{"knie--operatie", []string{"operatie"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := MedicalTerms(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MedicalTerms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestEveryMedicalWordFound holds MedicalTerms' quick look (which passes
// over words by length and first letters) to every word of the lists, as
// written, in capitals, capitalised, with a Kelvin sign for its k, and as
// the part of a hyphenated word.
func TestEveryMedicalWordFound(t *testing.T) {
	var texts []string
	for w := range medicalWords {
		texts = append(texts, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		if !strings.Contains(w, "-") {
			texts = append(texts, "knie-"+w)
		}
		if strings.Contains(w, "k") {
			texts = append(texts, strings.ReplaceAll(w, "k", "\u212A"))
		}
	}
	for p := range medicalPhrases {
		texts = append(texts, p, strings.ToUpper(p))
	}
	for w := range medicalUpper {
		texts = append(texts, w, "("+w+")")
	}
	for _, text := range texts {
		if len(MedicalTerms(text)) == 0 {
			t.Errorf("MedicalTerms(%q) finds nothing", text)
		}
	}
	for _, text := range []string{"ms", "Ms", "tia", "kan", "hi", "operationeel", "x"} {
		if got := MedicalTerms(text); got != nil {
			t.Errorf("MedicalTerms(%q) = %q, want nothing", text, got)
		}
	}
}

// TestCheckAll checks that the parallel CheckAll gives, in order, what Check
// gives one dossier at a time.
func TestCheckAll(t *testing.T) {
	var ds []*dossier.Dossier
	for i := range 50 {
		d := newDossier(doc(dossier.Probleemanalyse, D.AddDays(30+i)))
		d.Nummer = fmt.Sprintf("D-%03d", i)
		ds = append(ds, d)
	}
	p := mustDay("2025-03-01")
	got := CheckAll(ds, p)
	if len(got) != len(ds) {
		t.Fatalf("%d results for %d dossiers", len(got), len(ds))
	}
	for i, d := range ds {
		if !reflect.DeepEqual(got[i], Check(d, p)) {
			t.Errorf("result %d (%s) differs from Check", i, d.Nummer)
		}
	}
	if len(CheckAll(nil, p)) != 0 {
		t.Error("CheckAll(nil) is not empty")
	}
}

// TestRedact checks that free text naming a diagnosis, a medicine or a
// treatment never reaches any part of a check, while words that merely look
// alike stay: every such value becomes the marker naming its own cell, the
// melding names that cell without the words, and nothing of the text is
// left in the findings, the timeline or the redacted dossier.
func TestRedact(t *testing.T) {
	d := newDossier(
		doc(dossier.Probleemanalyse, mustDay("2025-02-10")),
		doc(dossier.PlanVanAanpak, mustDay("2025-02-20")),
		visie("Door mijn hernia kan ik niet tillen."),
		func(d *dossier.Dossier) {
			d.Documenten[0].Samenvatting = "Burn-out; gebruikt Oxazepam."
			d.Documenten[1].VisieWerkgever = "Operationeel inzetbaar als medewerker planning."
			d.Documenten[1].VisieWerknemer = "Na de knie-operatie en fysiotherapie gaat het beter."
			d.Activiteiten = []dossier.Activity{
				{Spoor: 1, Activiteit: "Chemotherapie afwachten", Doel: "Coöperatie met de afdeling", Start: mustDay("2025-02-24"),
					Eind: mustDay("2025-03-31"), RedenEinde: dossier.Overbelasting, Resultaat: "Paracetamol hielp niet", Plaats: "Activiteiten!C2"},
				{Spoor: 1, Activiteit: "Medewerker operationele planning", Doel: "Behandeling van orders", Start: mustDay("2025-04-01"), Plaats: "Activiteiten!C3"},
			}
			d.Sollicitaties = []dossier.Application{{Datum: mustDay("2025-05-01"), Werkgever: "ACME", Resultaat: "Afgewezen wegens diabetes", Plaats: "Sollicitaties!B2"}}
		},
	)
	orig := *d
	origDocs := slices.Clone(d.Documenten)
	res := Check(d, mustDay("2026-12-31"))

	if !reflect.DeepEqual(*d, orig) || !reflect.DeepEqual(d.Documenten, origDocs) {
		t.Error("Check changed the dossier it was given")
	}
	r := res.Dossier
	for _, tc := range []struct{ got, want string }{
		{r.VisieWerknemer, "[weggelaten: mogelijk medische gegevens, zie Dossiers!W2]"},
		{r.Documenten[0].Samenvatting, "[weggelaten: mogelijk medische gegevens, zie Documenten!G2]"},
		{r.Documenten[1].VisieWerkgever, "Operationeel inzetbaar als medewerker planning."},
		{r.Documenten[1].VisieWerknemer, "[weggelaten: mogelijk medische gegevens, zie Documenten!J3]"},
		{r.Activiteiten[0].Activiteit, "[weggelaten: mogelijk medische gegevens, zie Activiteiten!C2]"},
		{r.Activiteiten[0].Doel, "Coöperatie met de afdeling"},
		{r.Activiteiten[0].Resultaat, "[weggelaten: mogelijk medische gegevens, zie Activiteiten!I2]"},
		{r.Activiteiten[1].Activiteit, "Medewerker operationele planning"},
		{r.Activiteiten[1].Doel, "Behandeling van orders"},
		{r.Sollicitaties[0].Resultaat, "[weggelaten: mogelijk medische gegevens, zie Sollicitaties!E2]"},
	} {
		if tc.got != tc.want {
			t.Errorf("redacted value %q, want %q", tc.got, tc.want)
		}
	}
	var meldingen []string
	for _, m := range res.Meldingen {
		meldingen = append(meldingen, m.Plaats)
	}
	want := []string{"Activiteiten!C2", "Activiteiten!I2", "Documenten!G2", "Documenten!J3", "Dossiers!W2", "Sollicitaties!E2"}
	if !slices.Equal(meldingen, want) {
		t.Errorf("meldingen at %v, want %v", meldingen, want)
	}

	// Nothing of the medical text anywhere in the result; the overload
	// trigger's toelichting quotes the activity, so it must quote the marker.
	var all strings.Builder
	fmt.Fprintf(&all, "%+v\n", *r)
	for _, f := range res.Bevindingen {
		all.WriteString(f.Toelichting + "\n")
	}
	for _, m := range res.Meldingen {
		all.WriteString(m.String() + "\n")
	}
	for _, e := range Timeline(res) {
		all.WriteString(e.Titel + "\n")
	}
	text := strings.ToLower(all.String())
	for _, w := range []string{"hernia", "burn-out", "oxazepam", "operatie", "fysiotherapie", "chemotherapie", "paracetamol", "diabetes"} {
		if strings.Contains(text, w) {
			t.Errorf("%q appears in the result", w)
		}
	}
	for _, w := range []string{"operationeel", "medewerker", "coöperatie", "behandeling"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q, which is not medical, was left out", w)
		}
	}
	if f, _ := res.Finding("bijstelling-plan"); !strings.Contains(f.Toelichting, "weggelaten") {
		t.Errorf("bijstelling-plan quotes the activity; want the marker: %s", f.Toelichting)
	}

	// A dossier without such text is returned as it is.
	clean := newDossier(doc(dossier.Probleemanalyse, mustDay("2025-02-10")))
	if got, ws := Redact(clean); got != clean || ws != nil {
		t.Errorf("Redact of a clean dossier: %p (want %p), %v", got, clean, ws)
	}
}

// FuzzMayBeMedical holds the quick look to the exact scan: text in which
// medicalTerms finds a term must never be passed over.
func FuzzMayBeMedical(f *testing.F) {
	for _, s := range []string{"Hernia, niet tillen", "knie-operatie", "Multiple Sclerose", "MS", "codeïne", "BURN-OUT", "long covid", "Operationeel", "\u212Aanker", "zie\u212Aenhuisopname", "\u212A\u212A", "İ", "x-MS-y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if terms := medicalTerms(text); len(terms) > 0 && !mayBeMedical(text) {
			t.Errorf("mayBeMedical(%q) = false, but the scan finds %q", text, terms)
		}
	})
}
