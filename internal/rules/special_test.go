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
	runRuleCases(t, []ruleCase{
		// probleemanalyse: the exact wording of the toelichting.
		{"pa tijdig text", "probleemanalyse", opts{doc(pa, d("2025-02-10"))}, "2026-12-31", Tijdig, "2025-02-16", "2025-02-10",
			"Probleemanalyse van 10 februari 2025 (week 6) ligt op of voor de uiterste datum 16 februari 2025."},
		{"pa ontbreekt text", "probleemanalyse", nil, "2026-12-31", Ontbreekt, "2025-02-16", "",
			"Geen probleemanalyse; de uiterste datum 16 februari 2025 (week 6) is verstreken."},
		{"pa te laat text", "probleemanalyse", opts{doc(pa, d("2025-02-18"))}, "2026-12-31", TeLaat, "2025-02-16", "2025-02-18",
			"Probleemanalyse van 18 februari 2025 (week 7) ligt 2 dagen na de uiterste datum 16 februari 2025 (week 6)."},

		// leap year: S(42) from 20 januari 2024 runs through 29 februari 2024.
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
			"Tussen 1 maart 2025 (week 8) en 13 april 2025 (week 14) ligt 43 dagen zonder contactmoment; het maximum is 42 dagen."},
		{"eval: evaluation after 42 days", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-12"))}, "2025-05-01", Tijdig, "2025-05-24", "2025-04-12", ""},
		{"eval: evaluation after 43 days", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-13"))}, "2025-05-01", TeLaat, "2025-05-25", "2025-04-13", "1 maart 2025"},
		{"eval: the longest gap is named", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-13")), doc(dossier.Evaluatie, d("2025-06-01"))}, "2025-06-02", TeLaat, "2025-07-13", "2025-06-01",
			"Tussen 13 april 2025 (week 14) en 1 juni 2025 (week 21) ligt 49 dagen"},
		{"eval: all contact kinds count", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.BijstellingPlanVanAanpak, d("2025-04-10")), doc(ej, d("2025-05-20")), doc(ev, d("2025-06-30")), doc(dossier.Evaluatie, d("2025-08-10"))}, "2025-09-20", Tijdig, "2025-09-21", "2025-08-10", "5 contactmomenten"},
		{"eval: other documents do not count", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(ao, d("2025-04-01")), doc(dossier.WeekMelding42, d("2025-04-02"))}, "2025-04-20", TeLaat, "2025-04-12", "2025-03-01", ""},
		{"eval: evaluations before the plan do not count", "evaluatie-frequentie", opts{doc(dossier.Evaluatie, d("2025-02-01")), doc(pva, d("2025-03-01"))}, "2025-04-12", Tijdig, "2025-04-12", "2025-03-01", "1 contactmoment vanaf"},
		{"eval: evaluation after peildatum ignored", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), doc(dossier.Evaluatie, d("2025-04-10"))}, "2025-04-09", Tijdig, "2025-04-12", "2025-03-01", ""},
		{"eval: recovery closes the last gap", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), hersteld(d("2025-04-12"))}, "2026-12-31", Tijdig, "2025-04-12", "2025-03-01", ""},
		{"eval: recovery a day later", "evaluatie-frequentie", opts{doc(pva, d("2025-03-01")), hersteld(d("2025-04-13"))}, "2026-12-31", TeLaat, "2025-04-12", "2025-03-01", "13 april 2025"},
		{"eval: einde wachttijd closes the last gap", "evaluatie-frequentie", opts{doc(pva, d("2026-11-22"))}, "2030-01-01", Tijdig, "2027-01-03", "2026-11-22", ""},
		{"eval: einde wachttijd, a day too far", "evaluatie-frequentie", opts{doc(pva, d("2026-11-21"))}, "2030-01-01", TeLaat, "2027-01-02", "2026-11-21", "3 januari 2027"},
		{"eval: extension moves the end", "evaluatie-frequentie", opts{doc(pva, d("2026-11-22")), verlengd(d("2027-07-04"))}, "2030-01-01", TeLaat, "2027-01-03", "2026-11-22", "4 juli 2027"},

		// spoor-2.
		{"spoor-2: recovered on eje date", "spoor-2", opts{doc(ej, d("2025-12-15")), hersteld(d("2025-12-15"))}, "2030-01-01", NietVanToepassing, "2026-01-26", "", "eerstejaarsevaluatie van 15 december 2025"},
		{"spoor-2: recovered day after eje", "spoor-2", opts{doc(ej, d("2025-12-15")), hersteld(d("2025-12-16"))}, "2030-01-01", NietVanToepassing, "2026-01-26", "", "Hersteld op 16 december 2025, voor de uiterste datum"},
		{"spoor-2: recovered on deadline after eje", "spoor-2", opts{doc(ej, d("2025-12-15")), hersteld(d("2026-01-26"))}, "2030-01-01", Ontbreekt, "2026-01-26", "", ""},
		{"spoor-2: recovered on S(364) without eje", "spoor-2", opts{hersteld(d("2026-01-04"))}, "2030-01-01", NietVanToepassing, "2026-02-15", "", "S(364)"},
		{"spoor-2: recovered day after S(364)", "spoor-2", opts{hersteld(d("2026-01-05"))}, "2030-01-01", NietVanToepassing, "2026-02-15", "", "voor de uiterste datum"},
		{"spoor-2: eje + 42 on deadline", "spoor-2", opts{doc(ej, d("2025-12-15")), activity(2, "", d("2026-01-26"))}, "2030-01-01", Tijdig, "2026-01-26", "2026-01-26", ""},
		{"spoor-2: eje + 42 day after", "spoor-2", opts{doc(ej, d("2025-12-15")), activity(2, "", d("2026-01-27"))}, "2030-01-01", TeLaat, "2026-01-26", "2026-01-27", ""},
		{"spoor-2: earliest eje counts", "spoor-2", opts{doc(ej, d("2026-01-02")), doc(ej, d("2025-12-15"))}, "2030-01-01", Ontbreekt, "2026-01-26", "", ""},
		{"spoor-2: spoor-1 activity does not count", "spoor-2", opts{activity(1, "x", d("2025-12-01"))}, "2030-01-01", Ontbreekt, "2026-02-15", "", ""},
		{"spoor-2: earliest spoor-2 start counts", "spoor-2", opts{activity(2, "", d("2026-03-01")), activity(2, "", d("2026-02-01"))}, "2030-01-01", Tijdig, "2026-02-15", "2026-02-01", ""},
		// A motivation without a reassessment date holds through X = B + 91;
		// without an eerstejaarsevaluatie B = S(364) = 2026-01-04, so X =
		// 2026-04-05 and after it spoor 2 is due on X + 42 = 2026-05-17.
		{"spoor-2: motivering, peildatum on X", "spoor-2", opts{motivering("Werkhervatting in eigen functie binnen drie maanden verwacht.")}, "2026-04-05", NietVanToepassing, "2026-05-17", "",
			"Geen spoor 2, gemotiveerd: \u201cWerkhervatting in eigen functie binnen drie maanden verwacht.\u201d."},
		{"spoor-2: motivering, peildatum X + 1", "spoor-2", opts{motivering("Werkhervatting binnen drie maanden.")}, "2026-04-06", NogNietNodig, "2026-05-17", "",
			"De motivering geen spoor 2 gold tot en met 5 april 2026 (week 65)"},
		{"spoor-2: motivering lapsed, no start", "spoor-2", opts{motivering("Werkhervatting binnen drie maanden.")}, "2026-05-18", Ontbreekt, "2026-05-17", "", "Start spoor 2 nu"},
		{"spoor-2: motivering lapsed, start on X + 42", "spoor-2", opts{motivering("AOW binnen een jaar"), activity(2, "", d("2026-05-17"))}, "2030-01-01", Tijdig, "2026-05-17", "2026-05-17", ""},
		{"spoor-2: motivering lapsed, start on X + 43", "spoor-2", opts{motivering("AOW binnen een jaar"), activity(2, "", d("2026-05-18"))}, "2030-01-01", TeLaat, "2026-05-17", "2026-05-18", ""},
		{"spoor-2: motivering beats a late start while it holds", "spoor-2", opts{motivering("AOW binnen een jaar"), activity(2, "", d("2026-03-01"))}, "2026-04-05", NietVanToepassing, "2026-05-17", "", ""},
		{"spoor-2: X from the eje", "spoor-2", opts{doc(ej, d("2025-12-15")), motivering("Terugkeer binnen drie maanden.")}, "2026-03-16", NietVanToepassing, "2026-04-27", "", "91 dagen na de eerstejaarsevaluatie van 15 december 2025"},
		{"spoor-2: X from the eje, day after", "spoor-2", opts{doc(ej, d("2025-12-15")), motivering("Terugkeer binnen drie maanden.")}, "2026-03-17", NogNietNodig, "2026-04-27", "", ""},
		{"spoor-2: herbeoordeling gives X", "spoor-2", opts{motivering("Terugkeer binnen drie maanden."), herbeoordeling(d("2026-02-01"))}, "2026-02-01", NietVanToepassing, "2026-03-15", "", "herbeoordeling op 1 februari 2026"},
		{"spoor-2: herbeoordeling, day after X", "spoor-2", opts{motivering("Terugkeer binnen drie maanden."), herbeoordeling(d("2026-02-01"))}, "2026-02-02", NogNietNodig, "2026-03-15", "", ""},
		{"spoor-2: herbeoordeling without motivering is ignored", "spoor-2", opts{herbeoordeling(d("2026-06-01"))}, "2030-01-01", Ontbreekt, "2026-02-15", "", ""},
		{"spoor-2: recovered while exempt, before X + 42", "spoor-2", opts{motivering("Terugkeer binnen drie maanden."), hersteld(d("2026-05-16"))}, "2030-01-01", NietVanToepassing, "2026-05-17", "", ""},
		{"spoor-2: long motivering is shortened", "spoor-2", opts{motivering(strings.Repeat("lang ", 40))}, "2026-03-01", NietVanToepassing, "2026-05-17", "", "\u2026\u201d"},
		{"spoor-2: blank motivering does not count", "spoor-2", opts{motivering("  ")}, "2030-01-01", Ontbreekt, "2026-02-15", "", ""},
		{"spoor-2: late eje, S(406) caps the deadline", "spoor-2", opts{doc(ej, d("2026-01-20")), activity(2, "", d("2026-02-16"))}, "2030-01-01", TeLaat, "2026-02-15", "2026-02-16", ""},
		{"spoor-2: start after peildatum does not count", "spoor-2", opts{activity(2, "", d("2026-02-10"))}, "2026-02-09", NogNietNodig, "2026-02-15", "", ""},

		// arbeidsdeskundig-onderzoek follows spoor-2's applicability; its
		// deadline is B, or X once a motivation lapsed.
		{"ad: motivering holds", "arbeidsdeskundig-onderzoek", opts{motivering("AOW binnen een jaar")}, "2026-04-05", NietVanToepassing, "2026-04-05", "", "gemotiveerd"},
		{"ad: motivering lapsed, due on X", "arbeidsdeskundig-onderzoek", opts{motivering("AOW binnen een jaar")}, "2026-04-06", Ontbreekt, "2026-04-05", "", ""},
		{"ad: motivering lapsed, rapport on X", "arbeidsdeskundig-onderzoek", opts{motivering("AOW binnen een jaar"), doc(dossier.ArbeidsdeskundigRapport, d("2026-04-05"))}, "2030-01-01", Tijdig, "2026-04-05", "2026-04-05", ""},
		{"ad: motivering lapsed, rapport on X + 1", "arbeidsdeskundig-onderzoek", opts{motivering("AOW binnen een jaar"), doc(dossier.ArbeidsdeskundigRapport, d("2026-04-06"))}, "2030-01-01", TeLaat, "2026-04-05", "2026-04-06", ""},
		{"ad: recovered on eje", "arbeidsdeskundig-onderzoek", opts{doc(ej, d("2025-12-15")), hersteld(d("2025-12-15")), doc(dossier.ArbeidsdeskundigRapport, d("2025-11-01"))}, "2030-01-01", NietVanToepassing, "2025-12-15", "", ""},
		{"ad: on the eje", "arbeidsdeskundig-onderzoek", opts{doc(ej, d("2025-12-15")), doc(dossier.ArbeidsdeskundigRapport, d("2025-12-15"))}, "2030-01-01", Tijdig, "2025-12-15", "2025-12-15", ""},
		{"ad: day after the eje", "arbeidsdeskundig-onderzoek", opts{doc(ej, d("2025-12-15")), doc(dossier.ArbeidsdeskundigRapport, d("2025-12-16"))}, "2030-01-01", TeLaat, "2025-12-15", "2025-12-16", ""},
		{"ad: recovered before the spoor-2 deadline without a start", "arbeidsdeskundig-onderzoek", opts{doc(ej, d("2025-12-15")), hersteld(d("2026-01-20"))}, "2030-01-01", NietVanToepassing, "2025-12-15", "", ""},

		// actueel-oordeel: RIV deadline 2026-10-04, oldest allowed 2026-07-05.
		{"ao: 91 days before deadline", "actueel-oordeel", opts{doc(ao, d("2026-07-05"))}, "2030-01-01", Tijdig, "2026-10-04", "2026-07-05", ""},
		{"ao: 92 days before deadline", "actueel-oordeel", opts{doc(ao, d("2026-07-04"))}, "2030-01-01", Verouderd, "2026-10-04", "2026-07-04", "op of na 5 juli 2026"},
		{"ao: latest counts, old one ignored", "actueel-oordeel", opts{doc(ao, d("2026-09-01")), doc(ao, d("2026-03-01"))}, "2030-01-01", Tijdig, "2026-10-04", "2026-09-01", ""},
		{"ao: latest counts, and is old", "actueel-oordeel", opts{doc(ao, d("2026-07-04")), doc(ao, d("2026-03-01"))}, "2030-01-01", Verouderd, "2026-10-04", "2026-07-04", ""},
		{"ao: latest after peildatum ignored", "actueel-oordeel", opts{doc(ao, d("2026-09-01")), doc(ao, d("2026-03-01"))}, "2026-08-01", Verouderd, "2026-10-04", "2026-03-01", ""},
		{"ao: same day as eindevaluatie", "actueel-oordeel", opts{doc(ao, d("2026-09-01")), doc(ev, d("2026-09-01"))}, "2030-01-01", Tijdig, "2026-10-04", "2026-09-01", ""},
		{"ao: day after eindevaluatie", "actueel-oordeel", opts{doc(ao, d("2026-09-02")), doc(ev, d("2026-09-01"))}, "2030-01-01", Gebrekkig, "2026-10-04", "2026-09-02", "na de eindevaluatie van 1 september 2026"},
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
	})
}

// ruleCase is one row of a rule's table: the finding of rule on a dossier
// made with opts, at peildatum p.
type ruleCase struct {
	name     string
	rule     string
	opts     []opt
	p        string
	status   Status
	deadline string
	datum    string
	says     string // a part of the toelichting
}

func runRuleCases(t *testing.T, tests []ruleCase) {
	t.Helper()
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
			if f.Toelichting == "" {
				t.Errorf("empty toelichting")
			}
		})
	}
}
