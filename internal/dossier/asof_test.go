package dossier

import (
	"slices"
	"testing"
)

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// overloaded is a dossier like the example's D-011: a plan, a bijstelling
// that adds spoor 2, spoor 2 stopped for overload, a bijgestelde
// probleemanalyse and a second bijstelling with a lighter spoor 2.
func overloaded() *Dossier {
	doc := func(s Soort, d string) Document { return Document{Soort: s, Datum: day(d), Plaats: "Documenten!C" + d} }
	return &Dossier{
		Nummer: "D-011", EersteZiektedag: day("2025-05-05"), DatumHersteld: day("2027-03-01"),
		Ziekteperiodes: []SicknessPeriod{{Van: day("2025-05-05"), Tot: day("2027-03-01")}},
		Documenten: []Document{
			doc(Probleemanalyse, "2025-06-10"),
			doc(PlanVanAanpak, "2025-06-19"),
			doc(BijstellingPlanVanAanpak, "2026-04-28"),
			doc(BijgesteldeProbleemanalyse, "2026-09-08"),
			doc(BijstellingPlanVanAanpak, "2026-09-15"),
			doc(Evaluatie, "2026-12-08"),
		},
		Activiteiten: []Activity{
			{Spoor: 1, Activiteit: "Planning", Start: day("2025-06-23"), Status: Lopend, Resultaat: "16 uur per week"},
			{Spoor: 2, Activiteit: "Traject vier dagdelen", Start: day("2026-05-11"), Eind: day("2026-09-04"),
				Status: Gestopt, Resultaat: "Te zwaar", RedenEinde: Overbelasting},
			{Spoor: 2, Activiteit: "Traject twee dagdelen", Start: day("2026-09-21"), Status: Lopend},
			{Spoor: 1, Activiteit: "Zonder start"},
			{Spoor: 1, Activiteit: "Voor het plan", Start: day("2025-06-01"), Eind: day("2025-06-30"), Status: Afgerond, Resultaat: "Klaar"},
			{Spoor: 1, Activiteit: "Geplande opbouw", Start: day("2026-10-01"), Eind: day("2027-02-28"), Status: Lopend},
		},
		Sollicitaties: []Application{{Datum: day("2026-06-22")}, {Datum: day("2026-10-12")}},
	}
}

func names(as []Activity) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Activiteit)
	}
	return out
}

func TestVersionOf(t *testing.T) {
	d := overloaded()
	vs := d.PlanVersions()
	if len(vs) != 3 || vs[0].Soort != PlanVanAanpak || vs[2].Datum != day("2026-09-15") {
		t.Fatalf("PlanVersions = %v", vs)
	}
	for _, tc := range []struct {
		start string
		want  int
	}{
		{"", 0},           // no Start: the first plan
		{"2025-06-01", 0}, // before the first plan: the first plan
		{"2025-06-19", 0}, // on the plan's own day
		{"2026-04-27", 0},
		{"2026-04-28", 1}, // on the bijstelling's day: the bijstelling
		{"2026-09-14", 1},
		{"2026-09-15", 2},
		{"2030-01-01", 2},
	} {
		a := Activity{}
		if tc.start != "" {
			a.Start = day(tc.start)
		}
		if got := VersionOf(vs, a); got != tc.want {
			t.Errorf("VersionOf(start %q) = %d, want %d", tc.start, got, tc.want)
		}
	}
	if got := VersionOf(nil, Activity{Start: day("2025-01-01")}); got != -1 {
		t.Errorf("without versions: %d", got)
	}
}

func TestActivityOn(t *testing.T) {
	stopped := Activity{Start: day("2026-05-11"), Eind: day("2026-09-04"), Status: Gestopt, Resultaat: "Te zwaar", RedenEinde: Overbelasting}
	planned := Activity{Start: day("2026-10-01"), Eind: day("2027-02-28"), Status: Lopend, Resultaat: "Tussenstand"}
	for _, tc := range []struct {
		name string
		a    Activity
		on   string
		want Activity
	}{
		{"before its start: planned, no end that is how it turned out", stopped, "2026-04-28",
			Activity{Start: day("2026-05-11"), Status: Gepland}},
		{"running: no result or reason yet", stopped, "2026-06-01",
			Activity{Start: day("2026-05-11"), Status: Lopend}},
		{"on its last day: as it ended", stopped, "2026-09-04", stopped},
		{"later: as it ended", stopped, "2026-12-31", stopped},
		{"an agreed end stays in the plan", planned, "2026-09-15",
			Activity{Start: day("2026-10-01"), Eind: day("2027-02-28"), Status: Gepland}},
		{"running with an agreed end", planned, "2026-12-31",
			Activity{Start: day("2026-10-01"), Eind: day("2027-02-28"), Status: Lopend}},
		{"no start: planned", Activity{Status: Lopend, Resultaat: "x"}, "2026-12-31", Activity{Status: Gepland}},
	} {
		if got := tc.a.On(day(tc.on)); got != tc.want {
			t.Errorf("%s: On(%s) = %+v, want %+v", tc.name, tc.on, got, tc.want)
		}
	}
}

func TestAsOf(t *testing.T) {
	d := overloaded()
	before := *d

	// The plan's day: only what was there; the activities of the plan
	// (those that start before the first bijstelling) as planned then.
	p := d.AsOf(day("2025-06-19"))
	if got := len(p.Documenten); got != 2 {
		t.Errorf("documents on 2025-06-19: %d, want 2", got)
	}
	if want := []string{"Planning", "Zonder start", "Voor het plan"}; !slices.Equal(names(p.Activiteiten), want) {
		t.Errorf("activities of the plan: %v, want %v", names(p.Activiteiten), want)
	}
	if a := p.Activiteiten[0]; a.Status != Gepland || a.Resultaat != "" {
		t.Errorf("Planning on the plan's day: %+v", a)
	}
	if a := p.Activiteiten[2]; a.Status != Lopend || a.Eind != (Date{}) || a.Resultaat != "" {
		t.Errorf("an activity that started before the plan and ended later: %+v", a)
	}
	if !p.DatumHersteld.IsZero() || len(p.Sollicitaties) != 0 || !p.Ziekteperiodes[0].Tot.IsZero() {
		t.Errorf("recovery, applications or the end of sickness known too early: %+v", p)
	}

	// The first bijstelling: spoor 2 planned; the spoor-1 activity that
	// starts after the second bijstelling is not in it.
	b := d.AsOf(day("2026-04-28"))
	want := []string{"Planning", "Traject vier dagdelen", "Zonder start", "Voor het plan"}
	if !slices.Equal(names(b.Activiteiten), want) {
		t.Errorf("activities on 2026-04-28: %v, want %v", names(b.Activiteiten), want)
	}
	if a := b.Activiteiten[1]; a.Status != Gepland || !a.Eind.IsZero() || a.RedenEinde != RedenOnbekend {
		t.Errorf("spoor 2 as planned on 2026-04-28: %+v", a)
	}

	// At the end: everything, recovery included.
	e := d.AsOf(day("2027-06-30"))
	if len(e.Activiteiten) != 6 || e.DatumHersteld != day("2027-03-01") || len(e.Sollicitaties) != 2 {
		t.Errorf("as of the end: %+v", e)
	}
	if d.Documenten[0] != before.Documenten[0] || len(d.Activiteiten) != 6 || d.Activiteiten[1].Status != Gestopt {
		t.Error("AsOf changed d")
	}

	// A period that began after t is unknown on t; one that ended later is
	// still open.
	s := &Dossier{Ziekteperiodes: []SicknessPeriod{{Van: day("2026-03-02"), Tot: day("2026-03-20")}, {Van: day("2026-04-09")}}}
	if got := s.AsOf(day("2026-03-10")).Ziekteperiodes; len(got) != 1 || !got[0].Tot.IsZero() {
		t.Errorf("periods on 2026-03-10: %+v", got)
	}
	if got := s.AsOf(day("2026-01-01")).Ziekteperiodes; len(got) != 1 || got[0].Van != day("2026-03-02") {
		t.Errorf("periods before the first sick day: %+v", got)
	}
}

func TestPlanChangeOf(t *testing.T) {
	d := overloaded()
	vs := d.PlanVersions()

	first := d.PlanChangeOf(vs[0])
	if first.Number != 1 || first.Previous != nil || len(first.Ended)+len(first.Started)+len(first.Analyses) != 0 {
		t.Errorf("first version: %+v", first)
	}
	if want := []string{"Planning", "Zonder start", "Voor het plan"}; !slices.Equal(names(first.Added), want) {
		t.Errorf("first version adds %v, want %v", names(first.Added), want)
	}

	b1 := d.PlanChangeOf(vs[1])
	if b1.Number != 2 || b1.Previous == nil || *b1.Previous != vs[0] {
		t.Errorf("first bijstelling: number %d, previous %v", b1.Number, b1.Previous)
	}
	if !slices.Equal(names(b1.Added), []string{"Traject vier dagdelen"}) ||
		!slices.Equal(names(b1.Ended), []string{"Voor het plan"}) ||
		!slices.Equal(names(b1.Started), []string{"Planning"}) {
		t.Errorf("first bijstelling: added %v, ended %v, started %v", names(b1.Added), names(b1.Ended), names(b1.Started))
	}

	b2 := d.PlanChangeOf(vs[2])
	if !slices.Equal(names(b2.Added), []string{"Traject twee dagdelen", "Geplande opbouw"}) ||
		!slices.Equal(names(b2.Ended), []string{"Traject vier dagdelen"}) ||
		!slices.Equal(names(b2.Overloaded), []string{"Traject vier dagdelen"}) ||
		len(b2.Started) != 0 {
		t.Errorf("second bijstelling: added %v, ended %v, overloaded %v, started %v",
			names(b2.Added), names(b2.Ended), names(b2.Overloaded), names(b2.Started))
	}
	if len(b2.Analyses) != 1 || b2.Analyses[0].Datum != day("2026-09-08") {
		t.Errorf("second bijstelling: analyses %v", b2.Analyses)
	}
	if b2.Ended[0].RedenEinde != Overbelasting || b2.Ended[0].Resultaat != "Te zwaar" {
		t.Errorf("an ended activity keeps its reason and result: %+v", b2.Ended[0])
	}

	// A concept, dated after the last version: the newest; it takes over
	// what starts on or after its date.
	c := d.PlanChangeOf(Document{Soort: BijstellingPlanVanAanpak, Datum: day("2026-09-30")})
	if c.Number != 4 || *c.Previous != vs[2] || !slices.Equal(names(c.Added), []string{"Geplande opbouw"}) {
		t.Errorf("concept: number %d, previous %v, added %v", c.Number, c.Previous, names(c.Added))
	}
	if !slices.Equal(names(c.Started), []string{"Traject twee dagdelen"}) {
		t.Errorf("concept: started %v", names(c.Started))
	}
}
