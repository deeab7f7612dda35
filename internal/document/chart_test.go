package document

import (
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

func day(s string) dossier.Date {
	if s == "" {
		return dossier.Date{}
	}
	d, err := dossier.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestNewChart pins what the chart shows of a dossier in its second year:
// two sickness periods (a samentelling gap), activities that ended in each
// way, one running, one planned, overlapping bars in lanes, documents up to
// the date, deadlines by status and the date line.
func TestNewChart(t *testing.T) {
	d := &dossier.Dossier{Nummer: "D-1", EersteZiektedag: day("2025-01-06")}
	d.SetPeriods([]dossier.SicknessPeriod{{Van: day("2025-01-06"), Tot: day("2025-01-15")}, {Van: day("2025-02-01")}})
	act := func(spoor int, start, eind string, st dossier.ActivityStatus, r dossier.RedenEinde) {
		d.Activiteiten = append(d.Activiteiten, dossier.Activity{Spoor: spoor, Activiteit: "a", Start: day(start), Eind: day(eind), Status: st, RedenEinde: r})
	}
	act(1, "2025-03-01", "2025-06-30", dossier.Afgerond, 0)
	act(1, "2025-07-01", "", dossier.Lopend, 0)
	act(2, "2026-01-20", "2026-03-01", dossier.Gestopt, dossier.Overbelasting)
	act(2, "2026-02-15", "2026-04-01", dossier.Afgerond, dossier.Plaatsing)
	act(2, "2026-04-10", "2026-05-01", dossier.Gestopt, 0)
	act(2, "2026-08-01", "2026-09-01", dossier.Gepland, 0)
	d.Documenten = []dossier.Document{
		{Soort: dossier.PlanVanAanpak, Datum: day("2025-03-10")},
		{Soort: dossier.Evaluatie, Datum: day("2026-08-01")}, // after the date: not shown
	}
	p := day("2026-06-01")
	r := rules.Check(d, p)
	c := NewChart(r, true)
	if c.Days != r.EindeWachttijd.DaysSince(d.EersteZiektedag) || c.Now != p.DaysSince(d.EersteZiektedag) || c.NowLabel != "01-06-2026" {
		t.Fatalf("days %d, now %d %q", c.Days, c.Now, c.NowLabel)
	}
	if len(c.Ticks) != 8 || c.Ticks[0].Label != "wk 13" || c.Ticks[7].Label != "wk 104" || c.Ticks[7].Day != c.Days {
		t.Errorf("ticks %+v", c.Ticks)
	}
	rows := map[string]ChartRow{}
	for _, row := range c.Rows {
		rows[row.Label] = row
	}
	if len(c.Rows) != 5 {
		t.Fatalf("%d rows, want Ziek, Spoor 1, Spoor 2, Stukken, Termijnen", len(c.Rows))
	}
	ziek := rows["Ziek"].Bars
	if len(ziek) != 2 || ziek[0].To != 9 || ziek[1].From != 26 || ziek[1].To != c.Now {
		t.Errorf("ziek %+v: the gap of the samentelling and the open period up to the date", ziek)
	}
	s1 := rows["Spoor 1"]
	if s1.Lanes != 1 || len(s1.Bars) != 2 || s1.Bars[0].Kind != BarAfgelopen || s1.Bars[0].End != EndOpen || s1.Bars[1].Kind != BarLopend || s1.Bars[1].To != c.Now {
		t.Errorf("spoor 1 %+v", s1)
	}
	s2 := rows["Spoor 2"]
	want := []struct {
		kind BarKind
		end  BarEnd
		lane int
	}{{BarAfgelopen, EndOverbelast, 0}, {BarAfgelopen, EndAfgesloten, 1}, {BarAfgelopen, EndGestopt, 0}, {BarGepland, EndOpen, 0}}
	if s2.Lanes != 2 || len(s2.Bars) != len(want) {
		t.Fatalf("spoor 2 %+v", s2)
	}
	for i, w := range want {
		if b := s2.Bars[i]; b.Kind != w.kind || b.End != w.end || b.Lane != w.lane {
			t.Errorf("spoor 2 bar %d = %+v, want %+v", i, b, w)
		}
	}
	if m := rows["Stukken"].Marks; len(m) != 1 || m[0].Kind != MarkDocument {
		t.Errorf("stukken %+v: only the plan, the evaluation is after the date", m)
	}
	kinds := map[MarkKind]int{}
	for _, m := range rows["Termijnen"].Marks {
		kinds[m.Kind]++
	}
	if kinds[MarkOntbreekt] == 0 || kinds[MarkOpen] == 0 || kinds[MarkTeLaat]+kinds[MarkTijdig] == 0 {
		t.Errorf("deadline marks %v", kinds)
	}
	if c := NewChart(r, false); len(c.Rows) != 4 {
		t.Errorf("without termijnen: %d rows", len(c.Rows))
	}

	// A date after the end of the waiting time draws no line.
	late := NewChart(rules.Check(d, day("2027-06-01")), true)
	if late.Now != -1 {
		t.Errorf("date after the end: now %d", late.Now)
	}
	if NewChart(rules.Result{Dossier: &dossier.Dossier{}}, true) != nil {
		t.Error("a dossier without a first sick day has a chart")
	}
}
