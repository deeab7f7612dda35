package rules

import (
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// TestSpecialRules covers what the generated boundary tests do not: rules
// whose deadline or status depends on other documents or dossier fields.
func TestSpecialRules(t *testing.T) {
	d := mustDay
	pa := dossier.Probleemanalyse
	pva := dossier.PlanVanAanpak
	ej := dossier.Eerstejaarsevaluatie
	ao := dossier.ActueelOordeel
	ev := dossier.Eindevaluatie
	goodPlan := []opt{casemanager("Jan Jansen"), activity(1, "Terug in eigen werk", dossier.Date{})}
	with := func(os ...[]opt) []opt {
		var out []opt
		for _, o := range os {
			out = append(out, o...)
		}
		return out
	}
	type opts = []opt
	tests := []struct {
		name     string
		rule     string
		opts     []opt
		p        string
		status   Status
		deadline string
		datum    string
		says     string // a part of the toelichting
	}{
		// probleemanalyse: the exact wording of the toelichting.
		{"pa tijdig text", "probleemanalyse", opts{doc(pa, d("2025-02-10"))}, "2026-12-31", Tijdig, "2025-02-16", "2025-02-10",
			"Probleemanalyse van 10-02-2025 (week 6) ligt op of voor de uiterste datum 16-02-2025."},
		{"pa ontbreekt text", "probleemanalyse", nil, "2026-12-31", Ontbreekt, "2025-02-16", "",
			"Geen probleemanalyse; de uiterste datum 16-02-2025 (week 6) is verstreken."},
		{"pa te laat text", "probleemanalyse", opts{doc(pa, d("2025-02-18"))}, "2026-12-31", TeLaat, "2025-02-16", "2025-02-18",
			"Probleemanalyse van 18-02-2025 (week 7) ligt 2 dagen na de uiterste datum 16-02-2025 (week 6)."},

		// leap year: S(42) from 20-01-2024 runs through 29-02-2024.
		{"pa leap on deadline", "probleemanalyse", opts{periods("2024-01-20", ""), doc(pa, d("2024-03-01"))}, "2026-12-31", Tijdig, "2024-03-01", "2024-03-01", ""},
		{"pa leap day after", "probleemanalyse", opts{periods("2024-01-20", ""), doc(pa, d("2024-03-02"))}, "2026-12-31", TeLaat, "2024-03-01", "2024-03-02", ""},
		{"pa leap absent on 29-02", "probleemanalyse", opts{periods("2024-01-20", "")}, "2024-02-29", NogNietNodig, "2024-03-01", "", ""},

		// plan-van-aanpak: deadline follows the probleemanalyse.
		{"pva: pa + 14, on deadline", "plan-van-aanpak", opts{doc(pa, d("2025-02-10")), doc(pva, d("2025-02-24"))}, "2026-12-31", Tijdig, "2025-02-24", "2025-02-24", ""},
		{"pva: pa + 14, day after", "plan-van-aanpak", opts{doc(pa, d("2025-02-10")), doc(pva, d("2025-02-25"))}, "2026-12-31", TeLaat, "2025-02-24", "2025-02-25", ""},
		{"pva: pa + 14, absent, peildatum on deadline", "plan-van-aanpak", opts{doc(pa, d("2025-02-10"))}, "2025-02-24", NogNietNodig, "2025-02-24", "", ""},
		{"pva: pa + 14, absent, peildatum day after", "plan-van-aanpak", opts{doc(pa, d("2025-02-10"))}, "2025-02-25", Ontbreekt, "2025-02-24", "", ""},
		{"pva: late pa moves the deadline past S(56)", "plan-van-aanpak", opts{doc(pa, d("2025-03-01")), doc(pva, d("2025-03-15"))}, "2026-12-31", Tijdig, "2025-03-15", "2025-03-15", ""},
		{"pva: earliest pa counts", "plan-van-aanpak", opts{doc(pa, d("2025-02-12")), doc(pa, d("2025-02-01"))}, "2026-12-31", Ontbreekt, "2025-02-15", "", ""},
		{"pva: pa after peildatum ignored", "plan-van-aanpak", opts{doc(pa, d("2025-02-20"))}, "2025-02-19", NogNietNodig, "2025-03-02", "", ""},

		// plan-van-aanpak-inhoud.
		{"inhoud: complete and on time", "plan-van-aanpak-inhoud", with(goodPlan, opts{doc(pva, d("2025-03-01"))}), "2026-12-31", Tijdig, "2025-03-02", "2025-03-01", "Getekend"},
		{"inhoud: complete and late", "plan-van-aanpak-inhoud", with(goodPlan, opts{doc(pva, d("2025-03-03"))}), "2026-12-31", TeLaat, "2025-03-02", "2025-03-03", ""},
		{"inhoud: not signed by werkgever", "plan-van-aanpak-inhoud", with(goodPlan, opts{unsigned(pva, d("2025-03-01"), false, true)}), "2026-12-31", Gebrekkig, "2025-03-02", "2025-03-01", "mist: handtekening werkgever."},
		{"inhoud: not signed by werknemer", "plan-van-aanpak-inhoud", with(goodPlan, opts{unsigned(pva, d("2025-03-01"), true, false)}), "2026-12-31", Gebrekkig, "2025-03-02", "2025-03-01", "mist: handtekening werknemer."},
		{"inhoud: no casemanager", "plan-van-aanpak-inhoud", opts{activity(1, "doel", dossier.Date{}), doc(pva, d("2025-03-01"))}, "2026-12-31", Gebrekkig, "2025-03-02", "2025-03-01", "mist: casemanager."},
		{"inhoud: no activity with a doel", "plan-van-aanpak-inhoud", opts{casemanager("Jan"), activity(1, " ", dossier.Date{}), doc(pva, d("2025-03-01"))}, "2026-12-31", Gebrekkig, "2025-03-02", "2025-03-01", "mist: activiteit met een doel."},
		{"inhoud: everything lacking", "plan-van-aanpak-inhoud", opts{unsigned(pva, d("2025-03-01"), false, false)}, "2026-12-31", Gebrekkig, "2025-03-02", "2025-03-01",
			"mist: handtekening werkgever, handtekening werknemer, casemanager, activiteit met een doel."},
		{"inhoud: gebrekkig beats te-laat", "plan-van-aanpak-inhoud", opts{unsigned(pva, d("2025-04-01"), false, true)}, "2026-12-31", Gebrekkig, "2025-03-02", "2025-04-01", ""},
		{"inhoud: the first plan is judged", "plan-van-aanpak-inhoud", with(goodPlan, opts{doc(pva, d("2025-04-01")), unsigned(pva, d("2025-03-01"), true, false)}), "2026-12-31", Gebrekkig, "2025-03-02", "2025-03-01", ""},
		{"inhoud: no plan, not yet", "plan-van-aanpak-inhoud", nil, "2025-03-02", NogNietNodig, "2025-03-02", "", ""},
		{"inhoud: no plan, missing", "plan-van-aanpak-inhoud", nil, "2025-03-03", Ontbreekt, "2025-03-02", "", ""},
		{"inhoud: no plan, recovered", "plan-van-aanpak-inhoud", opts{hersteld(d("2025-02-01"))}, "2026-12-31", NietVanToepassing, "2025-03-02", "", ""},
		{"inhoud: deadline follows the pa", "plan-van-aanpak-inhoud", with(goodPlan, opts{doc(pa, d("2025-02-10")), doc(pva, d("2025-02-25"))}), "2026-12-31", TeLaat, "2025-02-24", "2025-02-25", ""},

		// evaluatie-frequentie.
		{"eval: no plan", "evaluatie-frequentie", opts{doc(dossier.Evaluatie, d("2025-03-01"))}, "2026-12-31", NietVanToepassing, "", "", "Geen plan van aanpak"},
		{"eval: plan after peildatum", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01"))}, "2025-02-28", NietVanToepassing, "", "", ""},
		{"eval: peildatum 42 days after plan", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01"))}, "2025-04-12", Tijdig, "2025-04-12", "2025-03-01", ""},
		{"eval: peildatum 43 days after plan", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01"))}, "2025-04-13", TeLaat, "2025-04-12", "2025-03-01",
			"Tussen 01-03-2025 (week 8) en 13-04-2025 (week 14) ligt 43 dagen zonder contactmoment; het maximum is 42 dagen."},
		{"eval: evaluation after 42 days", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-12"))}, "2025-05-01", Tijdig, "2025-05-24", "2025-04-12", ""},
		{"eval: evaluation after 43 days", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-13"))}, "2025-05-01", TeLaat, "2025-05-25", "2025-04-13", "01-03-2025"},
		{"eval: the longest gap is named", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-13")), doc(dossier.Evaluatie, d("2025-06-01"))}, "2025-06-02", TeLaat, "2025-07-13", "2025-06-01",
			"Tussen 13-04-2025 (week 14) en 01-06-2025 (week 21) ligt 49 dagen"},
		{"eval: all contact kinds count", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.BijstellingPlanVanAanpak, d("2025-04-10")), doc(ej, d("2025-05-20")), doc(ev, d("2025-06-30")), doc(dossier.Evaluatie, d("2025-08-10"))}, "2025-09-20", Tijdig, "2025-09-21", "2025-08-10", "5 contactmomenten"},
		{"eval: other documents do not count", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(ao, d("2025-04-01")), doc(dossier.WeekMelding42, d("2025-04-02"))}, "2025-04-20", TeLaat, "2025-04-12", "2025-03-01", ""},
		{"eval: evaluations before the plan do not count", "evaluatie-frequentie", opts{doc(dossier.Evaluatie, d("2025-02-01")), doc(pva, d("2025-03-01"))}, "2025-04-12", Tijdig, "2025-04-12", "2025-03-01", "1 contactmoment vanaf"},
		{"eval: evaluation after peildatum ignored", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-10"))}, "2025-04-09", Tijdig, "2025-04-12", "2025-03-01", ""},
		{"eval: recovery closes the last gap", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), hersteld(d("2025-04-12"))}, "2026-12-31", Tijdig, "2025-04-12", "2025-03-01", ""},
		{"eval: recovery a day later", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), hersteld(d("2025-04-13"))}, "2026-12-31", TeLaat, "2025-04-12", "2025-03-01", "13-04-2025"},
		{"eval: einde wachttijd closes the last gap", "evaluatie-frequentie", opts{doc(pva, d("2026-11-22"))}, "2030-01-01", Tijdig, "2027-01-03", "2026-11-22", ""},
		{"eval: einde wachttijd, a day too far", "evaluatie-frequentie", opts{doc(pva, d("2026-11-21"))}, "2030-01-01", TeLaat, "2027-01-02", "2026-11-21", "03-01-2027"},
		{"eval: extension moves the end", "evaluatie-frequentie", opts{doc(pva, d("2026-11-22")), verlengd(d("2027-07-04"))}, "2030-01-01", TeLaat, "2027-01-03", "2026-11-22", "04-07-2027"},

		// spoor-2.
		{"spoor-2: recovered on eje date", "spoor-2", opts{doc(ej, d("2025-12-15")), hersteld(d("2025-12-15"))}, "2030-01-01", NietVanToepassing, "2026-01-26", "", "eerstejaarsevaluatie van 15-12-2025"},
		{"spoor-2: recovered day after eje", "spoor-2", opts{doc(ej, d("2025-12-15")), hersteld(d("2025-12-16"))}, "2030-01-01", NietVanToepassing, "2026-01-26", "", "Hersteld op 16-12-2025, voor de uiterste datum"},
		{"spoor-2: recovered on deadline after eje", "spoor-2", opts{doc(ej, d("2025-12-15")), hersteld(d("2026-01-26"))}, "2030-01-01", Ontbreekt, "2026-01-26", "", ""},
		{"spoor-2: recovered on S(364) without eje", "spoor-2", opts{hersteld(d("2026-01-04"))}, "2030-01-01", NietVanToepassing, "2026-02-15", "", "S(364)"},
		{"spoor-2: recovered day after S(364)", "spoor-2", opts{hersteld(d("2026-01-05"))}, "2030-01-01", NietVanToepassing, "2026-02-15", "", "voor de uiterste datum"},
		{"spoor-2: eje + 42 on deadline", "spoor-2", opts{doc(ej, d("2025-12-15")), activity(2, "", d("2026-01-26"))}, "2030-01-01", Tijdig, "2026-01-26", "2026-01-26", ""},
		{"spoor-2: eje + 42 day after", "spoor-2", opts{doc(ej, d("2025-12-15")), activity(2, "", d("2026-01-27"))}, "2030-01-01", TeLaat, "2026-01-26", "2026-01-27", ""},
		{"spoor-2: earliest eje counts", "spoor-2", opts{doc(ej, d("2026-01-02")), doc(ej, d("2025-12-15"))}, "2030-01-01", Ontbreekt, "2026-01-26", "", ""},
		{"spoor-2: spoor-1 activity does not count", "spoor-2", opts{activity(1, "x", d("2025-12-01"))}, "2030-01-01", Ontbreekt, "2026-02-15", "", ""},
		{"spoor-2: earliest spoor-2 start counts", "spoor-2", opts{activity(2, "", d("2026-03-01")), activity(2, "", d("2026-02-01"))}, "2030-01-01", Tijdig, "2026-02-15", "2026-02-01", ""},
		{"spoor-2: motivering", "spoor-2", opts{motivering("Werkhervatting in eigen functie binnen drie maanden verwacht.")}, "2030-01-01", NietVanToepassing, "2026-02-15", "",
			"Geen spoor 2, gemotiveerd: \u201cWerkhervatting in eigen functie binnen drie maanden verwacht.\u201d."},
		{"spoor-2: long motivering is shortened", "spoor-2", opts{motivering(strings.Repeat("lang ", 40))}, "2030-01-01", NietVanToepassing, "2026-02-15", "", "\u2026\u201d"},
		{"spoor-2: blank motivering does not count", "spoor-2", opts{motivering("  ")}, "2030-01-01", Ontbreekt, "2026-02-15", "", ""},
		{"spoor-2: motivering beats a late start", "spoor-2", opts{motivering("AOW binnen een jaar"), activity(2, "", d("2026-06-01"))}, "2030-01-01", NietVanToepassing, "2026-02-15", "", ""},

		// arbeidsdeskundig-onderzoek follows spoor-2's applicability.
		{"ad: motivering", "arbeidsdeskundig-onderzoek", opts{motivering("AOW binnen een jaar")}, "2030-01-01", NietVanToepassing, "2026-02-15", "", "gemotiveerd"},
		{"ad: recovered on eje", "arbeidsdeskundig-onderzoek", opts{doc(ej, d("2025-12-15")), hersteld(d("2025-12-15")), doc(dossier.ArbeidsdeskundigRapport, d("2025-11-01"))}, "2030-01-01", NietVanToepassing, "2026-01-26", "", ""},
		{"ad: eje + 42", "arbeidsdeskundig-onderzoek", opts{doc(ej, d("2025-12-15")), doc(dossier.ArbeidsdeskundigRapport, d("2026-01-27"))}, "2030-01-01", TeLaat, "2026-01-26", "2026-01-27", ""},

		// actueel-oordeel: RIV deadline 2026-10-04, oldest allowed 2026-07-05.
		{"ao: 91 days before deadline", "actueel-oordeel", opts{doc(ao, d("2026-07-05"))}, "2030-01-01", Tijdig, "2026-10-04", "2026-07-05", ""},
		{"ao: 92 days before deadline", "actueel-oordeel", opts{doc(ao, d("2026-07-04"))}, "2030-01-01", Verouderd, "2026-10-04", "2026-07-04", "op of na 05-07-2026"},
		{"ao: latest counts, old one ignored", "actueel-oordeel", opts{doc(ao, d("2026-09-01")), doc(ao, d("2026-03-01"))}, "2030-01-01", Tijdig, "2026-10-04", "2026-09-01", ""},
		{"ao: latest counts, and is old", "actueel-oordeel", opts{doc(ao, d("2026-07-04")), doc(ao, d("2026-03-01"))}, "2030-01-01", Verouderd, "2026-10-04", "2026-07-04", ""},
		{"ao: latest after peildatum ignored", "actueel-oordeel", opts{doc(ao, d("2026-09-01")), doc(ao, d("2026-03-01"))}, "2026-08-01", Verouderd, "2026-10-04", "2026-03-01", ""},
		{"ao: same day as eindevaluatie", "actueel-oordeel", opts{doc(ao, d("2026-09-01")), doc(ev, d("2026-09-01"))}, "2030-01-01", Tijdig, "2026-10-04", "2026-09-01", ""},
		{"ao: day after eindevaluatie", "actueel-oordeel", opts{doc(ao, d("2026-09-02")), doc(ev, d("2026-09-01"))}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-09-02", "na de eindevaluatie van 01-09-2026"},
		{"ao: after the earliest eindevaluatie", "actueel-oordeel", opts{doc(ao, d("2026-09-02")), doc(ev, d("2026-09-20")), doc(ev, d("2026-09-01"))}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-09-02", ""},
		{"ao: eindevaluatie after peildatum ignored", "actueel-oordeel", opts{doc(ao, d("2026-09-02")), doc(ev, d("2026-09-01"))}, "2026-08-31", NogNietNodig, "2026-10-04", "", ""},
		{"ao: verouderd before gebrekkig", "actueel-oordeel", opts{doc(ao, d("2026-06-01")), doc(ev, d("2026-05-01"))}, "2030-01-01", Verouderd, "2026-10-04", "2026-06-01", ""},
		{"ao: gebrekkig before te-laat", "actueel-oordeel", opts{doc(ao, d("2026-10-10")), doc(ev, d("2026-09-01"))}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-10-10", ""},
		{"ao: te-laat", "actueel-oordeel", opts{doc(ao, d("2026-10-05")), doc(ev, d("2026-10-06"))}, "2030-01-01", TeLaat, "2026-10-04", "2026-10-05", ""},
		{"ao: extension moves the window", "actueel-oordeel", opts{doc(ao, d("2027-01-03")), verlengd(d("2027-07-04"))}, "2030-01-01", Tijdig, "2027-04-04", "2027-01-03", ""},
		{"ao: extension, too old", "actueel-oordeel", opts{doc(ao, d("2027-01-02")), verlengd(d("2027-07-04"))}, "2030-01-01", Verouderd, "2027-04-04", "2027-01-02", ""},

		// eindevaluatie.
		{"ev: not signed by werknemer", "eindevaluatie", opts{unsigned(ev, d("2026-09-01"), true, false)}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-09-01", "niet getekend door werknemer."},
		{"ev: not signed at all", "eindevaluatie", opts{unsigned(ev, d("2026-09-01"), false, false)}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-09-01", "niet getekend door werkgever en werknemer."},
		{"ev: gebrekkig beats te-laat", "eindevaluatie", opts{unsigned(ev, d("2026-10-05"), true, false)}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-10-05", ""},
		{"ev: the earliest is judged", "eindevaluatie", opts{doc(ev, d("2026-09-10")), unsigned(ev, d("2026-09-01"), false, true)}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-09-01", ""},

		// visie-werknemer.
		{"visie: filled in", "visie-werknemer", opts{visie("Ik wil graag terug naar mijn eigen werk.")}, "2030-01-01", Tijdig, "2026-10-04", "", "ingevuld"},
		{"visie: only spaces", "visie-werknemer", opts{visie("   ")}, "2030-01-01", Ontbreekt, "2026-10-04", "", "visie van de werknemer"},
		{"visie: extension", "visie-werknemer", opts{verlengd(d("2027-07-04"))}, "2027-04-04", NogNietNodig, "2027-04-04", "", ""},

		// re-integratieverslag and WIA-aanvraag with an extension.
		{"riv: extension, on deadline", "re-integratieverslag", opts{doc(dossier.Reintegratieverslag, d("2027-04-04")), verlengd(d("2027-07-04"))}, "2030-01-01", Tijdig, "2027-04-04", "2027-04-04", ""},
		{"riv: extension, day after", "re-integratieverslag", opts{doc(dossier.Reintegratieverslag, d("2027-04-05")), verlengd(d("2027-07-04"))}, "2030-01-01", TeLaat, "2027-04-04", "2027-04-05", ""},
		{"riv: extension not later than S(728) ignored", "re-integratieverslag", opts{doc(dossier.Reintegratieverslag, d("2026-10-05")), verlengd(d("2027-01-03"))}, "2030-01-01", TeLaat, "2026-10-04", "2026-10-05", ""},
		{"wia: extension, day after", "wia-aanvraag", opts{doc(dossier.WIAAanvraag, d("2027-04-19")), verlengd(d("2027-07-04"))}, "2030-01-01", TeLaat, "2027-04-18", "2027-04-19", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.name, func(t *testing.T) {
			res := Check(newDossier(tt.opts...), day(t, tt.p))
			f, ok := res.Finding(tt.rule)
			if !ok {
				t.Fatalf("no finding %s", tt.rule)
			}
			if f.Status != tt.status || f.UitersteDatum != day(t, tt.deadline) || f.Datum != day(t, tt.datum) {
				t.Errorf("got %s, uiterste datum %s, datum %s (%s)\nwant %s, uiterste datum %s, datum %s",
					f.Status, f.UitersteDatum, f.Datum, f.Toelichting, tt.status, tt.deadline, tt.datum)
			}
			if !strings.Contains(f.Toelichting, tt.says) {
				t.Errorf("toelichting %q does not say %q", f.Toelichting, tt.says)
			}
		})
	}
}
