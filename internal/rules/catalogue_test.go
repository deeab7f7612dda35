package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// far is a peildatum after every deadline of the test dossiers.
var far = mustDay("2030-01-01")

func TestCatalogueIsComplete(t *testing.T) {
	want := []string{"ziekmelding-arbodienst", "probleemanalyse", "plan-van-aanpak", "plan-van-aanpak-inhoud",
		"visies-vastgelegd", "bijstelling-plan", "evaluatie-frequentie", "42e-weekmelding", "eerstejaarsevaluatie",
		"spoor-2", "arbeidsdeskundig-onderzoek", "spoor-2-doorlopend", "spoor-1-tijdens-spoor-2", "zoekprofiel",
		"actueel-oordeel", "eindevaluatie", "visie-werknemer", "re-integratieverslag", "wia-aanvraag"}
	cat := Catalogue()
	if len(cat) != len(want) {
		t.Fatalf("catalogue has %d rules, want %d", len(cat), len(want))
	}
	for i, r := range cat {
		if r.ID != want[i] {
			t.Errorf("rule %d is %q, want %q", i, r.ID, want[i])
		}
		if r.Titel == "" || r.Wat == "" || r.Termijn == "" || r.Bron == "" || r.Stap == "" || r.Decide == nil {
			t.Errorf("rule %q is incomplete: %+v", r.ID, r)
		}
		switch r.Ernst {
		case Vereist, Waarschuwing, Advies:
		default:
			t.Errorf("rule %q has ernst %q", r.ID, r.Ernst)
		}
	}
	res := Check(newDossier(), far)
	for i, f := range res.Bevindingen {
		if f.Regel != want[i] {
			t.Errorf("finding %d is %q, want %q", i, f.Regel, want[i])
		}
	}
}

// TestCatalogueDeadlines pins every deadline to the day for a plain dossier,
// one with a 27-day samentelling gap after day 10, and one with an extended
// waiting time. Dates were computed independently of the code.
func TestCatalogueDeadlines(t *testing.T) {
	plain := newDossier()
	gap := newDossier(periods("2025-01-06", "2025-01-15", "2025-02-12", ""))
	ext := newDossier(verlengd(mustDay("2027-07-04")))
	want := map[string][3]string{ // plain, gap, extended
		"ziekmelding-arbodienst":     {"2025-01-12", "2025-01-12", "2025-01-12"},
		"probleemanalyse":            {"2025-02-16", "2025-03-15", "2025-02-16"},
		"plan-van-aanpak":            {"2025-03-02", "2025-03-29", "2025-03-02"},
		"plan-van-aanpak-inhoud":     {"2025-03-02", "2025-03-29", "2025-03-02"},
		"evaluatie-frequentie":       {"", "", ""},
		"42e-weekmelding":            {"2025-10-27", "2025-11-23", "2025-10-27"},
		"eerstejaarsevaluatie":       {"2026-01-04", "2026-01-31", "2026-01-04"},
		"visies-vastgelegd":          {"", "", ""},
		"bijstelling-plan":           {"", "", ""},
		"spoor-2":                    {"2026-02-15", "2026-03-14", "2026-02-15"},
		"arbeidsdeskundig-onderzoek": {"2026-01-04", "2026-01-31", "2026-01-04"},
		"spoor-2-doorlopend":         {"", "", ""},
		"spoor-1-tijdens-spoor-2":    {"", "", ""},
		"zoekprofiel":                {"", "", ""},
		"actueel-oordeel":            {"2026-10-04", "2026-10-31", "2027-04-04"},
		"eindevaluatie":              {"2026-10-04", "2026-10-31", "2027-04-04"},
		"visie-werknemer":            {"2026-10-04", "2026-10-31", "2027-04-04"},
		"re-integratieverslag":       {"2026-10-04", "2026-10-31", "2027-04-04"},
		"wia-aanvraag":               {"2026-10-18", "2026-11-14", "2027-04-18"},
	}
	for i, d := range []*dossier.Dossier{plain, gap, ext} {
		res := Check(d, far)
		for _, f := range res.Bevindingen {
			w, ok := want[f.Regel]
			if !ok {
				t.Errorf("no expected deadline for %q", f.Regel)
				continue
			}
			if f.UitersteDatum != day(t, w[i]) {
				t.Errorf("dossier %d, %s: uiterste datum %s, want %s", i, f.Regel, f.UitersteDatum, w[i])
			}
		}
	}
	if got := Check(ext, far).EindeWachttijd; got != day(t, "2027-07-04") {
		t.Errorf("EindeWachttijd with extension = %s", got)
	}
}

// ruleSpec describes how to satisfy a rule with one dated thing, for the
// generated boundary tests.
type ruleSpec struct {
	id       string
	deadline func(Calendar) dossier.Date
	put      func(at dossier.Date) opt // nil: presence has no date
	setup    []opt                     // what the rule needs besides put to be satisfied
	isDoc    bool                      // put adds a document (dated after P it is warned about)
	latest   bool                      // several: the latest counts
	// override changes the expected status of the named cases; the date
	// the status rests on is then absent.
	override map[string]Status
}

func sk(k int) func(Calendar) dossier.Date {
	return func(c Calendar) dossier.Date { return c.S(k) }
}

func riv(c Calendar) dossier.Date { return c.RIVDeadline() }

func putDoc(s dossier.Soort) func(dossier.Date) opt {
	return func(at dossier.Date) opt { return doc(s, at) }
}

var ruleSpecs = []ruleSpec{
	{id: "ziekmelding-arbodienst", deadline: sk(7), put: putDoc(dossier.Ziekmelding), isDoc: true},
	{id: "probleemanalyse", deadline: sk(42), put: putDoc(dossier.Probleemanalyse), isDoc: true},
	{id: "plan-van-aanpak", deadline: sk(56), put: putDoc(dossier.PlanVanAanpak), isDoc: true},
	{id: "plan-van-aanpak-inhoud", deadline: sk(56), put: putDoc(dossier.PlanVanAanpak), isDoc: true,
		setup: []opt{casemanager("Jan Jansen"), activity(1, "Terug in eigen werk", dossier.Date{})}},
	{id: "42e-weekmelding", deadline: sk(295), put: putDoc(dossier.WeekMelding42), isDoc: true},
	{id: "eerstejaarsevaluatie", deadline: sk(364), put: putDoc(dossier.Eerstejaarsevaluatie), isDoc: true},
	{id: "spoor-2", deadline: sk(406), put: func(at dossier.Date) opt { return activity(2, "", at) }},
	// The deadline is B, the eerstejaarsevaluatie (here S(364)); recovery
	// makes it niet-van-toepassing as long as spoor 2 is: recovered on or
	// before B, or before the spoor-2 deadline S(406) without a start.
	{id: "arbeidsdeskundig-onderzoek", deadline: sk(364), put: putDoc(dossier.ArbeidsdeskundigRapport), isDoc: true,
		override: map[string]Status{
			"absent, hersteld on deadline":           NietVanToepassing,
			"absent, hersteld day after":             NietVanToepassing,
			"present late, hersteld before deadline": NietVanToepassing,
		}},
	{id: "actueel-oordeel", deadline: riv, put: putDoc(dossier.ActueelOordeel), isDoc: true, latest: true},
	{id: "eindevaluatie", deadline: riv, put: putDoc(dossier.Eindevaluatie), isDoc: true},
	{id: "visie-werknemer", deadline: riv},
	{id: "re-integratieverslag", deadline: riv, put: putDoc(dossier.Reintegratieverslag), isDoc: true},
	{id: "wia-aanvraag", deadline: func(c Calendar) dossier.Date { return c.WIADeadline() }, put: putDoc(dossier.WIAAanvraag), isDoc: true},
}

// TestRuleBoundaries runs every rule with a deadline at the day before, on
// and after it: a thing dated there, a peildatum there without the thing,
// recovery there; for a plain dossier, one with samentelling and one with an
// extended waiting time.
func TestRuleBoundaries(t *testing.T) {
	calendars := map[string][]opt{
		"plain":    nil,
		"gap":      {periods("2025-01-06", "2025-01-15", "2025-02-12", "")},
		"verlengd": {verlengd(mustDay("2027-07-04"))},
	}
	type tc struct {
		name     string
		opts     []opt
		p        dossier.Date
		status   Status
		datum    dossier.Date
		warnings int
	}
	for calName, base := range calendars {
		for _, spec := range ruleSpecs {
			dl := spec.deadline(NewCalendar(newDossier(base...)))
			with := func(extra ...opt) []opt {
				return append(append(append([]opt{}, base...), spec.setup...), extra...)
			}
			cases := []tc{
				{"absent, peildatum day before", with(), dl.AddDays(-1), NogNietNodig, dossier.Date{}, 0},
				{"absent, peildatum on deadline", with(), dl, NogNietNodig, dossier.Date{}, 0},
				{"absent, peildatum day after", with(), dl.AddDays(1), Ontbreekt, dossier.Date{}, 0},
				{"absent, hersteld day before", with(hersteld(dl.AddDays(-1))), far, NietVanToepassing, dossier.Date{}, 0},
				{"absent, hersteld on deadline", with(hersteld(dl)), far, Ontbreekt, dossier.Date{}, 0},
				{"absent, hersteld day after", with(hersteld(dl.AddDays(1))), far, Ontbreekt, dossier.Date{}, 0},
			}
			if spec.put != nil {
				warn := 0
				if spec.isDoc {
					warn = 1
				}
				cases = append(cases,
					tc{"present day before", with(spec.put(dl.AddDays(-1))), far, Tijdig, dl.AddDays(-1), 0},
					tc{"present on deadline", with(spec.put(dl)), far, Tijdig, dl, 0},
					tc{"present day after", with(spec.put(dl.AddDays(1))), far, TeLaat, dl.AddDays(1), 0},
					tc{"present on deadline, peildatum that day", with(spec.put(dl)), dl, Tijdig, dl, 0},
					tc{"present late, hersteld before deadline", with(spec.put(dl.AddDays(1)), hersteld(dl.AddDays(-1))), far, TeLaat, dl.AddDays(1), 0},
					tc{"dated after peildatum on deadline", with(spec.put(dl.AddDays(1))), dl, NogNietNodig, dossier.Date{}, warn},
					tc{"dated after peildatum after deadline", with(spec.put(dl.AddDays(2))), dl.AddDays(1), Ontbreekt, dossier.Date{}, warn},
				)
				if spec.latest {
					cases = append(cases, tc{"several: latest counts", with(spec.put(dl.AddDays(-5)), spec.put(dl.AddDays(5)), spec.put(dl.AddDays(-1))), far, TeLaat, dl.AddDays(5), 0})
				} else {
					cases = append(cases, tc{"several: earliest counts", with(spec.put(dl.AddDays(5)), spec.put(dl.AddDays(-5)), spec.put(dl.AddDays(1))), far, Tijdig, dl.AddDays(-5), 0})
				}
			}
			for i, c := range cases {
				if st, ok := spec.override[c.name]; ok {
					cases[i].status, cases[i].datum = st, dossier.Date{}
					c = cases[i]
				}
				t.Run(fmt.Sprintf("%s/%s/%s", calName, spec.id, c.name), func(t *testing.T) {
					res := Check(newDossier(c.opts...), c.p)
					f, ok := res.Finding(spec.id)
					if !ok {
						t.Fatalf("no finding %s", spec.id)
					}
					if f.Status != c.status || f.UitersteDatum != dl || f.Datum != c.datum {
						t.Errorf("got %s, uiterste datum %s, datum %s (%s)\nwant %s, uiterste datum %s, datum %s",
							f.Status, f.UitersteDatum, f.Datum, f.Toelichting, c.status, dl, c.datum)
					}
					if f.Toelichting == "" {
						t.Errorf("empty toelichting")
					}
					if n := countAfterPeildatum(res.Meldingen); n != c.warnings {
						t.Errorf("%d warnings about documents after the peildatum, want %d: %v", n, c.warnings, res.Meldingen)
					}
				})
			}
		}
	}
}

func countAfterPeildatum(ps dossier.Problems) int {
	n := 0
	for _, p := range ps {
		if strings.Contains(p.Tekst, "na de peildatum") {
			n++
		}
	}
	return n
}
