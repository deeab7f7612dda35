package document

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/poortwachter/poortwachter/internal/golden"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// checkGolden compares got with the golden file path; with -update it
// writes the file instead. A missing golden fails.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	golden.Check(t, path, []byte(got), *update)
}

// testDossier is a dossier in its second year, with a name and summaries
// holding Markdown characters, spoor 2 and applications.
func testDossier() *dossier.Dossier {
	date := func(s string) dossier.Date {
		d, err := dossier.ParseDate(s)
		if err != nil {
			panic(err)
		}
		return d
	}
	d := &dossier.Dossier{
		Nummer: "T-001", NaamWerknemer: "Jan *Ster* de_Vries", BSN: "123456782",
		Geboortedatum: date("1975-04-12"), Functie: "Magazijnmedewerker", UrenPerWeek: 32,
		Vaardigheden: "Heftruckcertificaat; plannen", Werkgever: "Bakkerij De Korenbloem B.V.",
		AardBedrijf: "Industriële bakkerij", Loonheffingennummer: "123456789L01",
		Casemanager: "P. Jansen", Bedrijfsarts: "Dr. A. Bakker", Arbodienst: "Arbo Noord",
		Arbeidsdeskundige: "M. de Wit", Reintegratiebureau: "Werkpad B.V.",
		EersteZiektedag:       date("2025-01-06"),
		Reintegratiedoel:      "Terugkeer in eigen functie, zo nodig in aangepaste vorm",
		Contactafspraken:      "Elke twee weken telefonisch contact met de casemanager",
		OordeelArbeidsrelatie: "Het dienstverband blijft bestaan",
		PassendWerk:           "Administratieve ondersteuning, 16 uur per week",
		VisieWerknemer:        "Ik wil graag terug | maar in aangepast werk",
		Plaats:                "Dossiers!A2",
	}
	d.SetPeriods(nil)
	doc := func(s dossier.Soort, datum, door, samenvatting string, signed bool) dossier.Document {
		functie := "Casemanager"
		if door != "P. Jansen" {
			functie = ""
		}
		return dossier.Document{Soort: s, Datum: date(datum), OpgesteldDoor: door, Samenvatting: samenvatting,
			GetekendWerkgever: signed, GetekendWerknemer: signed, FunctieOpsteller: functie}
	}
	visies := func(doc dossier.Document, werkgever, werknemer string) dossier.Document {
		doc.VisieWerkgever, doc.VisieWerknemer = werkgever, werknemer
		return doc
	}
	d.Documenten = []dossier.Document{
		doc(dossier.Ziekmelding, "2025-01-07", "P. Jansen", "", false),
		doc(dossier.Probleemanalyse, "2025-02-10", "Dr. A. Bakker", "Beperkt in tillen; 4 uur per dag belastbaar", false),
		visies(doc(dossier.PlanVanAanpak, "2025-02-20", "P. Jansen", "", true), "Opbouw in eigen werk is haalbaar", "Ik wil *snel* terug"),
		doc(dossier.Evaluatie, "2025-03-31", "P. Jansen", "Opbouw loopt volgens plan", false),
		doc(dossier.Evaluatie, "2025-05-12", "P. Jansen", "", false),
		visies(doc(dossier.BijstellingPlanVanAanpak, "2025-06-20", "P. Jansen", "Uren verlaagd", true), "Minder uren, wel doorgaan", "Akkoord"),
		doc(dossier.Evaluatie, "2025-08-01", "P. Jansen", "", false),
		doc(dossier.WeekMelding42, "2025-10-20", "P. Jansen", "", false),
		doc(dossier.Evaluatie, "2025-09-12", "P. Jansen", "", false),
		doc(dossier.Evaluatie, "2025-10-24", "P. Jansen", "", false),
		visies(doc(dossier.Eerstejaarsevaluatie, "2025-12-15", "P. Jansen", "Spoor 2 wordt ingezet", true), "Spoor 2 naast spoor 1", "Ik doe mee aan spoor 2"),
		doc(dossier.ArbeidsdeskundigRapport, "2025-11-20", "M. de Wit", "Passend werk elders mogelijk", false),
		doc(dossier.Evaluatie, "2026-01-23", "P. Jansen", "", false),
	}
	d.Activiteiten = []dossier.Activity{
		{Spoor: 1, Activiteit: "Opbouw in eigen functie", Doel: "Terug naar 32 uur", Verantwoordelijke: "Werknemer en leidinggevende",
			Start: date("2025-02-24"), Eind: date("2025-11-30"), Status: dossier.Afgerond, Resultaat: "Opgebouwd tot 16 uur"},
		{Spoor: 1, Activiteit: "Aangepast werk magazijn", Doel: "Belastbaarheid vergroten", Verantwoordelijke: "P. Jansen",
			Start: date("2025-12-01"), Status: dossier.Lopend},
		{Spoor: 2, Activiteit: "Oriëntatie *extern* werk", Doel: "Passend werk buiten | de organisatie", Verantwoordelijke: "Werkpad B.V.",
			Start: date("2026-01-15"), Status: dossier.Lopend, Resultaat: "Drie vacatures gevonden"},
	}
	d.Sollicitaties = []dossier.Application{
		{Datum: date("2026-03-02"), Werkgever: "Logistiek Oost", Functie: "Planner", Resultaat: "Afgewezen"},
		{Datum: date("2026-04-15"), Werkgever: "Gemeente Zwolle", Functie: "Baliemedewerker", Resultaat: "Gesprek"},
	}
	return d
}

// TestDocumentGoldens renders, for the test dossier in its second year and
// in week 30, every document batch would make, and a concept of each kind
// that is not due yet (as render does when asked for it), into
// testdata/<case>/<document>_<date>.md.
func TestDocumentGoldens(t *testing.T) {
	cases := []struct {
		name string
		peil dossier.Date
	}{
		{"tweede-jaar", dossier.NewDate(2026, 12, 31)},
		{"week-30", dossier.NewDate(2025, 8, 1)},
	}
	for _, c := range cases {
		d := testDossier()
		all := rules.Stukken(d, c.peil)
		for _, k := range Kinds() {
			if len(StukkenOf(all, k)) == 0 {
				all = append(all, Concept(k, c.peil))
			}
		}
		for _, s := range all {
			t.Run(c.name+"/"+FileBase(s), func(t *testing.T) {
				text, err := Render(NewView(d, s), NewLoader(""))
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", c.name, FileBase(s)+".md"), text)
				if _, err := ParseMarkdown(text); err != nil {
					t.Errorf("rendered Markdown does not parse: %v", err)
				}
			})
		}
	}
}

// stuk returns the document of soort s dated on day of d's rows.
func stuk(t *testing.T, d *dossier.Dossier, s dossier.Soort, day string) rules.Stuk {
	t.Helper()
	for _, doc := range d.Documenten {
		if doc.Soort == s && doc.Datum.String() == day {
			return rules.Stuk{Document: doc}
		}
	}
	t.Fatalf("dossier %s has no %s of %s", d.Nummer, s, day)
	return rules.Stuk{}
}
