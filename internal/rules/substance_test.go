package rules

import (
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// TestSubstanceRules pins the substance rules of poortwachter.md "Spoor 2
// and the plan" at their boundaries. The test dossiers are sick from
// D = 2025-01-06 (einde wachttijd 2027-01-03) unless a row says otherwise;
// every date was worked out by hand.
func TestSubstanceRules(t *testing.T) {
	d := mustDay
	type opts = []opt
	s2 := func(start, eind string, r dossier.RedenEinde) opt { return ended(2, d(start), d(eind), r) }
	s1 := func(start, eind string, r dossier.RedenEinde) opt { return ended(1, d(start), d(eind), r) }
	var none dossier.RedenEinde
	status := func(st dossier.ActivityStatus) opt {
		return func(dd *dossier.Dossier) { dd.Activiteiten[len(dd.Activiteiten)-1].Status = st }
	}
	bpa := func(at string) opt { return doc(dossier.BijgesteldeProbleemanalyse, d(at)) }
	bij := func(at string) opt { return doc(dossier.BijstellingPlanVanAanpak, d(at)) }
	pva := func(at string) opt { return doc(dossier.PlanVanAanpak, d(at)) }
	zp := func(at string) opt { return doc(dossier.Zoekprofiel, d(at)) }
	sd := "spoor-2-doorlopend"
	s1r := "spoor-1-tijdens-spoor-2"
	far := "2030-01-01"

	runRuleCases(t, []ruleCase{
		// spoor-2-doorlopend: the stretch test on spoor 2 from its first
		// start W0 = 2026-01-20.
		{"not started", sd, nil, far, NietVanToepassing, "", "", "niet gestart"},
		{"started after the peildatum", sd, opts{s2("2026-01-20", "", none)}, "2026-01-19", NietVanToepassing, "", "", "niet gestart"},
		{"recovered before spoor 2 started", sd, opts{hersteld(d("2026-01-10")), s2("2026-01-20", "", none)}, far, NietVanToepassing, "", "", "na het herstel op 10 januari 2026"},
		{"runs to the end", sd, opts{s2("2026-01-20", "", none)}, far, Tijdig, "", "", "tot het einde van de wachttijd op 3 januari 2027"},
		{"restart after exactly 42 days", sd, opts{s2("2026-01-20", "2026-03-01", none), s2("2026-04-12", "", none)}, far, Tijdig, "", "", ""},
		{"restart after 43 days", sd, opts{s2("2026-01-20", "2026-03-01", none), s2("2026-04-13", "", none)}, far, Gebrekkig, "2026-04-12", "2026-03-01",
			"Spoor 2 lag stil van 1 maart 2026 (week 60) tot de start van de volgende activiteit op 13 april 2026 (week 67): 43 dagen"},
		{"a short overlapping activity does not move the cursor back", sd, opts{s2("2026-01-20", "2026-06-30", none), s2("2026-03-01", "2026-04-01", none), s2("2026-08-11", "", none)}, far, Tijdig, "", "", ""},
		{"overlapping, then 43 days", sd, opts{s2("2026-01-20", "2026-06-30", none), s2("2026-03-01", "2026-04-01", none), s2("2026-08-12", "", none)}, far, Gebrekkig, "2026-08-11", "2026-06-30", ""},
		{"trailing 42 days before einde wachttijd", sd, opts{s2("2026-01-20", "2026-11-22", none)}, far, Tijdig, "", "", ""},
		{"trailing 43 days before einde wachttijd", sd, opts{s2("2026-01-20", "2026-11-21", none)}, far, Gebrekkig, "2027-01-02", "2026-11-21",
			"tot het einde van de wachttijd op 3 januari 2027: 43 dagen"},
		{"trailing 42 days before recovery", sd, opts{hersteld(d("2026-06-01")), s2("2026-01-20", "2026-04-20", none)}, far, Tijdig, "", "", "tot het herstel op 1 juni 2026"},
		{"trailing 43 days before recovery", sd, opts{hersteld(d("2026-06-01")), s2("2026-01-20", "2026-04-19", none)}, far, Gebrekkig, "2026-05-31", "2026-04-19", ""},
		{"running on the peildatum", sd, opts{s2("2026-01-20", "2026-05-01", none)}, "2026-05-01", Tijdig, "", "", "loopt sinds"},
		{"stopped, peildatum on the 42nd day", sd, opts{s2("2026-01-20", "2026-05-01", none)}, "2026-06-12", NogNietNodig, "2026-06-12", "2026-05-01",
			"Spoor 2 liep tot en met 1 mei 2026 (week 69) en loopt nu niet; hervat uiterlijk 12 juni 2026 (week 75) of leg de reden vast"},
		{"stopped, peildatum on the 43rd day", sd, opts{s2("2026-01-20", "2026-05-01", none)}, "2026-06-13", Gebrekkig, "2026-06-12", "2026-05-01",
			"Spoor 2 ligt stil sinds 1 mei 2026 (week 69): al 43 dagen"},
		{"Afgerond without Eind counts as running", sd, opts{s2("2026-01-20", "", none), status(dossier.Afgerond)}, far, Tijdig, "", "", ""},
		{"closed by Plaatsing", sd, opts{s2("2026-01-20", "2026-05-01", dossier.Plaatsing)}, far, Tijdig, "", "", "reden einde Plaatsing"},
		{"closed by Hersteld", sd, opts{s2("2026-01-20", "2026-05-01", dossier.RedenHersteld)}, far, Tijdig, "", "", ""},
		{"closed by Geen benutbare mogelijkheden", sd, opts{s2("2026-01-20", "2026-05-01", dossier.GeenBenutbareMogelijkheden)}, far, Tijdig, "", "", ""},
		{"Overbelasting does not close", sd, opts{s2("2026-01-20", "2026-05-01", dossier.Overbelasting)}, far, Gebrekkig, "2026-06-12", "2026-05-01", "overbelasting vraagt om een bijgesteld plan"},
		{"Anders does not close", sd, opts{s2("2026-01-20", "2026-05-01", dossier.Anders)}, far, Gebrekkig, "2026-06-12", "2026-05-01", "eindigde met reden Anders; alleen Plaatsing"},
		{"a placement in spoor 1 closes spoor 2", sd, opts{s1("2025-03-01", "2026-05-01", dossier.Plaatsing), s2("2026-01-20", "2026-04-01", none)}, far, Tijdig, "", "", ""},
		{"a closing end after the peildatum does not close", sd, opts{s1("2025-03-01", "2026-07-01", dossier.Plaatsing), s2("2026-01-20", "2026-04-01", none)}, "2026-06-20", Gebrekkig, "2026-05-13", "2026-04-01", ""},
		{"closed before spoor 2 started", sd, opts{s1("2025-03-01", "2026-01-10", dossier.Plaatsing), s2("2026-01-20", "", none)}, far, NietVanToepassing, "", "", "na de afsluiting"},

		// spoor-1-tijdens-spoor-2: the same test on spoor 1 from W0.
		{"no spoor 2", s1r, opts{s1("2025-03-01", "", none)}, far, NietVanToepassing, "", "", ""},
		{"spoor 1 began before spoor 2 and still runs", s1r, opts{s1("2025-03-01", "", none), s2("2026-01-20", "", none)}, far, Tijdig, "", "", ""},
		{"no spoor 1 since W0, peildatum W0 + 42", s1r, opts{s1("2025-03-01", "2025-12-31", none), s2("2026-01-20", "", none)}, "2026-03-03", NogNietNodig, "2026-03-03", "2026-01-20", ""},
		{"no spoor 1 since W0, peildatum W0 + 43", s1r, opts{s1("2025-03-01", "2025-12-31", none), s2("2026-01-20", "", none)}, "2026-03-04", Gebrekkig, "2026-03-03", "2026-01-20",
			"Spoor 1 (zoeken bij de eigen werkgever) ligt stil sinds 20 januari 2026 (week 55)"},
		{"spoor 1 restarts after exactly 42 days", s1r, opts{s1("2025-03-01", "2026-02-01", none), s1("2026-03-15", "", none), s2("2026-01-20", "", none)}, far, Tijdig, "", "", ""},
		{"spoor 1 restarts after 43 days", s1r, opts{s1("2025-03-01", "2026-02-01", none), s1("2026-03-16", "", none), s2("2026-01-20", "", none)}, far, Gebrekkig, "2026-03-15", "2026-02-01", ""},
		{"a placement in spoor 2 closes spoor 1 too", s1r, opts{s2("2026-01-20", "2026-02-10", dossier.Plaatsing)}, far, Tijdig, "", "", ""},

		// zoekprofiel: due W0 + 42 = 2026-03-03.
		{"no spoor 2", "zoekprofiel", nil, far, NietVanToepassing, "", "", ""},
		{"on the deadline", "zoekprofiel", opts{s2("2026-01-20", "", none), zp("2026-03-03")}, far, Tijdig, "2026-03-03", "2026-03-03", ""},
		{"day after", "zoekprofiel", opts{s2("2026-01-20", "", none), zp("2026-03-04")}, far, TeLaat, "2026-03-03", "2026-03-04", ""},
		{"before spoor 2 started", "zoekprofiel", opts{s2("2026-01-20", "", none), zp("2026-01-05")}, far, Tijdig, "2026-03-03", "2026-01-05", ""},
		{"absent, peildatum on the deadline", "zoekprofiel", opts{s2("2026-01-20", "", none)}, "2026-03-03", NogNietNodig, "2026-03-03", "", ""},
		{"absent, peildatum day after", "zoekprofiel", opts{s2("2026-01-20", "", none)}, "2026-03-04", Ontbreekt, "2026-03-03", "", "Stel met het re-integratiebureau"},
		{"absent, recovered before the deadline", "zoekprofiel", opts{s2("2026-01-20", "", none), hersteld(d("2026-03-02"))}, far, NietVanToepassing, "2026-03-03", "", ""},
		{"dated after the peildatum", "zoekprofiel", opts{s2("2026-01-20", "", none), zp("2026-03-10")}, "2026-03-05", Ontbreekt, "2026-03-03", "", ""},

		// bijstelling-plan: a trigger on T = 2026-03-02 is answered by
		// T + 14 = 2026-03-16.
		{"no trigger", "bijstelling-plan", opts{pva("2025-02-20")}, far, NietVanToepassing, "", "", "Geen bijgestelde probleemanalyse"},
		{"bijstelling on T + 14", "bijstelling-plan", opts{bpa("2026-03-02"), bij("2026-03-16")}, far, Tijdig, "2026-03-16", "2026-03-16",
			"Na de bijgestelde probleemanalyse van 2 maart 2026 (week 61) is het plan bijgesteld"},
		{"bijstelling on T + 15", "bijstelling-plan", opts{bpa("2026-03-02"), bij("2026-03-17")}, far, TeLaat, "2026-03-16", "2026-03-17", "1 dag na de uiterste datum"},
		{"a plan on T itself answers", "bijstelling-plan", opts{bpa("2026-03-02"), pva("2026-03-02")}, far, Tijdig, "2026-03-16", "2026-03-02", ""},
		{"a plan before T does not answer", "bijstelling-plan", opts{pva("2026-03-01"), bpa("2026-03-02")}, far, Ontbreekt, "2026-03-16", "", "Stel het plan alsnog bij"},
		{"absent, peildatum T + 14", "bijstelling-plan", opts{bpa("2026-03-02")}, "2026-03-16", NogNietNodig, "2026-03-16", "", "stel het bij uiterlijk 16 maart 2026"},
		{"absent, peildatum T + 15", "bijstelling-plan", opts{bpa("2026-03-02")}, "2026-03-17", Ontbreekt, "2026-03-16", "", ""},
		{"absent, recovered before T + 14", "bijstelling-plan", opts{bpa("2026-03-02"), hersteld(d("2026-03-15"))}, far, NietVanToepassing, "2026-03-16", "", ""},
		{"answer after the peildatum does not count", "bijstelling-plan", opts{bpa("2026-03-02"), bij("2026-03-10")}, "2026-03-09", NogNietNodig, "2026-03-16", "", ""},
		{"Overbelasting is a trigger, answered on T + 14", "bijstelling-plan", opts{s2("2026-01-20", "2026-03-02", dossier.Overbelasting), bij("2026-03-16")}, far, Tijdig, "2026-03-16", "2026-03-16", "wegens overbelasting op 2 maart 2026"},
		{"Overbelasting, answered on T + 15", "bijstelling-plan", opts{s2("2026-01-20", "2026-03-02", dossier.Overbelasting), bij("2026-03-17")}, far, TeLaat, "2026-03-16", "2026-03-17", ""},
		{"Overbelasting ending after the peildatum is no trigger yet", "bijstelling-plan", opts{s2("2026-01-20", "2026-04-01", dossier.Overbelasting)}, "2026-03-20", NietVanToepassing, "", "", ""},
		{"Anders is no trigger", "bijstelling-plan", opts{s2("2026-01-20", "2026-03-02", dossier.Anders)}, far, NietVanToepassing, "", "", ""},
		{"two triggers, the later is worse", "bijstelling-plan", opts{bpa("2026-03-02"), bij("2026-03-10"), s1("2025-03-01", "2026-06-01", dossier.Overbelasting)}, far, Ontbreekt, "2026-06-15", "",
			"De zwaarste van 2 aanleidingen"},
		{"two triggers, one answer: late for the first", "bijstelling-plan", opts{bpa("2026-03-01"), bpa("2026-03-10"), bij("2026-03-20")}, far, TeLaat, "2026-03-15", "2026-03-20", ""},
		{"two triggers on time: the earliest", "bijstelling-plan", opts{bpa("2026-03-01"), bij("2026-03-05"), bpa("2026-03-10"), bij("2026-03-12")}, far, Tijdig, "2026-03-15", "2026-03-05", ""},
		{"te-laat is worse than nog-niet-nodig", "bijstelling-plan", opts{bpa("2026-03-01"), bij("2026-03-20"), bpa("2026-04-01")}, "2026-04-10", TeLaat, "2026-03-15", "2026-03-20", ""},
		{"a trigger after the peildatum is ignored", "bijstelling-plan", opts{bpa("2026-03-02")}, "2026-03-01", NietVanToepassing, "", "", ""},

		// visies-vastgelegd: from 2023-07-01 on; these dossiers start
		// 2023-05-01.
		{"plan on 2023-06-30 without views", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-06-30")}, far, NietVanToepassing, "", "", ""},
		{"plan on 2023-07-01 without views", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-07-01")}, far, Gebrekkig, "", "2023-07-01",
			"plan van aanpak van 1 juli 2023 (Documenten!C2, visie werkgever en werknemer)"},
		{"the old plan does not count", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-06-30"), pva("2023-07-01"), both}, far, Tijdig, "", "2023-07-01", ""},
		{"only the employer's view", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-07-01"), visies("Werkgever wil opbouw.", "")}, far, Gebrekkig, "", "2023-07-01", "visie werknemer)"},
		{"white space is no view", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-07-01"), visies("Werkgever wil opbouw.", "  ")}, far, Gebrekkig, "", "2023-07-01", ""},
		{"the earliest lacking document", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-08-01"), both,
			bij("2023-09-01"), doc(dossier.Eerstejaarsevaluatie, d("2024-04-01"))}, far, Gebrekkig, "", "2023-09-01", "bijstelling plan van aanpak van 1 september 2023"},
		{"all with views: the latest", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-08-01"), both,
			bij("2023-09-01"), both, doc(dossier.Eerstejaarsevaluatie, d("2024-04-01")), both}, far, Tijdig, "", "2024-04-01", "3 documenten"},
		{"an evaluatie does not count", "visies-vastgelegd", opts{periods("2023-05-01", ""), doc(dossier.Evaluatie, d("2023-08-01"))}, far, NietVanToepassing, "", "", ""},
		{"a plan after the peildatum does not count", "visies-vastgelegd", opts{periods("2023-05-01", ""), pva("2023-08-01")}, "2023-07-31", NietVanToepassing, "", "", ""},
	})
}

// TestStretchTest pins the shared stretch test directly, including an
// activity that began before W0 and one that starts after the end.
func TestStretchTest(t *testing.T) {
	d := mustDay
	act := func(spoor int, start, eind string) dossier.Activity {
		return dossier.Activity{Spoor: spoor, Start: d(start), Eind: d(eind)}
	}
	w0, end := d("2026-01-20"), d("2026-12-31")
	tests := []struct {
		name                string
		as                  []dossier.Activity
		stop, until, cursor string
	}{
		{"nothing: stop at W0", nil, "2026-01-20", "2026-12-31", "2026-01-20"},
		{"before W0 and running", []dossier.Activity{act(1, "2025-03-01", "")}, "", "", "2026-12-31"},
		{"before W0 and ended before it", []dossier.Activity{act(1, "2025-03-01", "2026-01-01")}, "2026-01-20", "2026-12-31", "2026-01-20"},
		{"other spoor ignored", []dossier.Activity{act(2, "2026-01-20", "")}, "2026-01-20", "2026-12-31", "2026-01-20"},
		{"starts after the end", []dossier.Activity{act(1, "2026-01-20", "2026-11-19"), act(1, "2027-01-10", "")}, "", "", "2026-11-19"},
		{"42 days to the end", []dossier.Activity{act(1, "2026-01-20", "2026-11-19")}, "", "", "2026-11-19"},
		{"43 days to the end", []dossier.Activity{act(1, "2026-01-20", "2026-11-18")}, "2026-11-18", "2026-12-31", "2026-11-18"},
		{"the first long stretch is the stop", []dossier.Activity{act(1, "2026-01-20", "2026-02-01"), act(1, "2026-04-01", "2026-04-02"), act(1, "2026-06-01", "")},
			"2026-02-01", "2026-04-01", "2026-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := stretchTest(tt.as, 1, w0, end)
			if s.Stop != d(tt.stop) || s.Until != d(tt.until) || s.Cursor != d(tt.cursor) {
				t.Errorf("got stop %s until %s cursor %s, want %s %s %s", s.Stop, s.Until, s.Cursor, tt.stop, tt.until, tt.cursor)
			}
		})
	}
}
