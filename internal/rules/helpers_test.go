package rules

import (
	"flag"
	"strconv"
	"testing"

	"github.com/poortwachter/poortwachter/internal/golden"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var update = flag.Bool("update", false, "rewrite golden files")

// day parses a jjjj-mm-dd date; "" is the zero date.
func day(t testing.TB, s string) dossier.Date {
	t.Helper()
	if s == "" {
		return dossier.Date{}
	}
	d, err := dossier.ParseDate(s)
	if err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// mustDay is day for package-level tables.
func mustDay(s string) dossier.Date {
	if s == "" {
		return dossier.Date{}
	}
	d, err := dossier.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// D is the first sick day of the test dossiers: Monday 6 January 2025, as in
// poortwachter.md's JSON example (einde wachttijd 2027-01-03).
var D = mustDay("2025-01-06")

// testLayout puts the columns where "poortwachter workbook new" writes
// them, for the free-text columns that messages name.
var testLayout = func() *dossier.Layout {
	l := &dossier.Layout{}
	for _, c := range []struct{ sheet, header, letters string }{
		{"Dossiers", "Dossiernummer", "A"}, {"Dossiers", "Re-integratiedoel", "R"}, {"Dossiers", "Contactafspraken", "S"},
		{"Dossiers", "Motivering geen spoor 2", "T"}, {"Dossiers", "Oordeel arbeidsrelatie", "U"},
		{"Dossiers", "Passend werk bij werkgever", "V"}, {"Dossiers", "Visie werknemer", "W"},
		{"Documenten", "Datum", "C"}, {"Documenten", "Samenvatting", "G"}, {"Documenten", "Visie werkgever", "I"},
		{"Documenten", "Visie werknemer", "J"},
		{"Activiteiten", "Activiteit", "C"}, {"Activiteiten", "Doel", "D"}, {"Activiteiten", "Resultaat", "I"},
		{"Sollicitaties", "Datum", "B"}, {"Sollicitaties", "Resultaat", "E"},
	} {
		l.Add(c.sheet, c.header, c.letters)
	}
	return l
}()

// opt changes a test dossier.
type opt func(*dossier.Dossier)

// newDossier returns a dossier sick since D with open periods, changed by
// opts.
func newDossier(opts ...opt) *dossier.Dossier {
	d := &dossier.Dossier{Nummer: "D-001", BSN: "123456782", EersteZiektedag: D, Plaats: "Dossiers!A2", Layout: testLayout}
	for _, o := range opts {
		o(d)
	}
	if d.Ziekteperiodes == nil {
		d.SetPeriods(nil)
	}
	return d
}

// doc adds a document of soort s dated at, signed by both.
func doc(s dossier.Soort, at dossier.Date) opt {
	return func(d *dossier.Dossier) {
		d.Documenten = append(d.Documenten, dossier.Document{Soort: s, Datum: at, GetekendWerkgever: true, GetekendWerknemer: true,
			Plaats: "Documenten!C" + strconv.Itoa(len(d.Documenten)+2)})
	}
}

// unsigned adds a document of soort s dated at, signed as given.
func unsigned(s dossier.Soort, at dossier.Date, werkgever, werknemer bool) opt {
	return func(d *dossier.Dossier) {
		d.Documenten = append(d.Documenten, dossier.Document{Soort: s, Datum: at, GetekendWerkgever: werkgever, GetekendWerknemer: werknemer,
			Plaats: "Documenten!C" + strconv.Itoa(len(d.Documenten)+2)})
	}
}

func hersteld(h dossier.Date) opt { return func(d *dossier.Dossier) { d.DatumHersteld = h } }

func verlengd(v dossier.Date) opt {
	return func(d *dossier.Dossier) { d.EindeWachttijdVerlengdTot = v }
}

// periods sets the sickness periods as van, tot pairs ("" tot = open).
func periods(vt ...string) opt {
	return func(d *dossier.Dossier) {
		var ps []dossier.SicknessPeriod
		for i := 0; i < len(vt); i += 2 {
			ps = append(ps, dossier.SicknessPeriod{Van: mustDay(vt[i]), Tot: mustDay(vt[i+1])})
		}
		d.EersteZiektedag = ps[0].Van
		d.SetPeriods(ps)
	}
}

func activity(spoor int, doel string, start dossier.Date) opt {
	return func(d *dossier.Dossier) {
		d.Activiteiten = append(d.Activiteiten, dossier.Activity{Spoor: spoor, Activiteit: "Activiteit", Doel: doel, Start: start,
			Plaats: "Activiteiten!C" + strconv.Itoa(len(d.Activiteiten)+2)})
	}
}

// ended adds an activity of spoor that ran from start through eind (zero:
// still running) and ended for reden.
func ended(spoor int, start, eind dossier.Date, reden dossier.RedenEinde) opt {
	return func(d *dossier.Dossier) {
		d.Activiteiten = append(d.Activiteiten, dossier.Activity{Spoor: spoor, Activiteit: "Activiteit", Doel: "Doel",
			Start: start, Eind: eind, RedenEinde: reden, Plaats: "Activiteiten!C" + strconv.Itoa(len(d.Activiteiten)+2)})
	}
}

// visies records both views on the document added last.
func visies(werkgever, werknemer string) opt {
	return func(d *dossier.Dossier) {
		doc := &d.Documenten[len(d.Documenten)-1]
		doc.VisieWerkgever, doc.VisieWerknemer = werkgever, werknemer
	}
}

// both is visies with a view for each party.
var both = visies("Werkgever ziet kansen in aangepast werk.", "Werknemer wil graag terug.")

func herbeoordeling(x dossier.Date) opt {
	return func(d *dossier.Dossier) { d.HerbeoordelingGeenSpoor2 = x }
}

func casemanager(n string) opt { return func(d *dossier.Dossier) { d.Casemanager = n } }
func motivering(m string) opt  { return func(d *dossier.Dossier) { d.MotiveringGeenSpoor2 = m } }
func visie(v string) opt       { return func(d *dossier.Dossier) { d.VisieWerknemer = v } }
func bsn(v string) opt         { return func(d *dossier.Dossier) { d.BSN = v } }

// golden compares got with testdata/name, rewriting it under -update. A
// missing golden fails.
func goldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}
