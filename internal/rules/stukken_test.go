package rules

import (
	"slices"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// stukken writes what Stukken returns as "Soort datum" or "Soort concept".
func stukken(d *dossier.Dossier, p dossier.Date) []string {
	var out []string
	for _, s := range Stukken(d, p) {
		if s.Concept {
			if s.Document.Datum != p {
				out = append(out, "concept dated "+s.Document.Datum.String())
			}
			out = append(out, s.Document.Soort.String()+" concept")
		} else {
			out = append(out, s.Document.Soort.String()+" "+s.Document.Datum.String())
		}
	}
	return out
}

func TestStukken(t *testing.T) {
	p := mustDay("2026-12-31")
	// sickSince returns a dossier whose sick day k falls on the peildatum.
	sickSince := func(k int, opts ...opt) *dossier.Dossier {
		d := &dossier.Dossier{Nummer: "D", EersteZiektedag: p.AddDays(-(k - 1))}
		d.SetPeriods(nil)
		for _, o := range opts {
			o(d)
		}
		return d
	}
	recovered := func(days int) opt {
		return func(d *dossier.Dossier) {
			d.DatumHersteld = d.EersteZiektedag.AddDays(days)
			d.SetPeriods([]dossier.SicknessPeriod{{Van: d.EersteZiektedag, Tot: d.DatumHersteld}})
		}
	}
	overbelast := func(eind dossier.Date) opt {
		return func(d *dossier.Dossier) {
			d.Activiteiten = append(d.Activiteiten, dossier.Activity{Spoor: 2, Start: eind.AddDays(-30), Eind: eind, RedenEinde: dossier.Overbelasting})
		}
	}
	for _, tc := range []struct {
		name string
		d    *dossier.Dossier
		want []string
	}{
		{"week 3", sickSince(15), nil},
		{"plan deadline S(56) is today", sickSince(56), []string{"Plan van aanpak concept"}},
		{"day before S(316)", sickSince(315), []string{"Plan van aanpak concept"}},
		{"S(316), week 46", sickSince(316), []string{"Plan van aanpak concept", "Eerstejaarsevaluatie concept"}},
		{"S(589), week 85", sickSince(589), []string{"Plan van aanpak concept", "Eerstejaarsevaluatie concept", "Re-integratieverslag concept"}},
		{"week 3 with a plan already", sickSince(20, doc(dossier.PlanVanAanpak, p.AddDays(-1))), []string{"Plan van aanpak 2026-12-30"}},
		{"plan dated after the peildatum does not count", sickSince(20, doc(dossier.PlanVanAanpak, p.AddDays(1))), nil},
		{"recovered in week 20, now week 50", sickSince(350, recovered(140)), []string{"Plan van aanpak concept"}},
		{"recovered in week 4, before the plan was due", sickSince(100, recovered(25)), nil},
		{"every version, the bijstellingen by date, then the eerstejaarsevaluatie",
			sickSince(400,
				doc(dossier.BijstellingPlanVanAanpak, mustDay("2026-09-01")),
				doc(dossier.PlanVanAanpak, mustDay("2026-01-15")),
				doc(dossier.Eerstejaarsevaluatie, mustDay("2026-11-20")),
				doc(dossier.BijstellingPlanVanAanpak, mustDay("2026-05-01")),
				doc(dossier.BijstellingPlanVanAanpak, mustDay("2027-01-05"))),
			[]string{"Plan van aanpak 2026-01-15", "Bijstelling plan van aanpak 2026-05-01", "Bijstelling plan van aanpak 2026-09-01",
				"Eerstejaarsevaluatie 2026-11-20"}},
		{"a bijgestelde probleemanalyse without an answer: a concept bijstelling",
			sickSince(200, doc(dossier.PlanVanAanpak, mustDay("2026-08-01")), doc(dossier.BijgesteldeProbleemanalyse, mustDay("2026-12-20"))),
			[]string{"Plan van aanpak 2026-08-01", "Bijstelling plan van aanpak concept"}},
		{"answered: no concept",
			sickSince(200, doc(dossier.PlanVanAanpak, mustDay("2026-08-01")), doc(dossier.BijgesteldeProbleemanalyse, mustDay("2026-12-20")),
				doc(dossier.BijstellingPlanVanAanpak, mustDay("2026-12-28"))),
			[]string{"Plan van aanpak 2026-08-01", "Bijstelling plan van aanpak 2026-12-28"}},
		{"overload without an answer, long ago: still a concept",
			sickSince(250, doc(dossier.PlanVanAanpak, mustDay("2026-06-01")), overbelast(mustDay("2026-09-04"))),
			[]string{"Plan van aanpak 2026-06-01", "Bijstelling plan van aanpak concept"}},
		{"no plan yet: the concept is the plan, not a bijstelling",
			sickSince(200, doc(dossier.BijgesteldeProbleemanalyse, mustDay("2026-12-20"))),
			[]string{"Plan van aanpak concept"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stukken(tc.d, p); !slices.Equal(got, tc.want) {
				t.Errorf("Stukken = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestAsOfExtension: a voluntary extension counts in documents from week 85.
func TestAsOfExtension(t *testing.T) {
	d := newDossier(verlengd(mustDay("2027-07-04")))
	s589 := NewCalendar(d).S(ReintegratieverslagVanaf)
	for _, tc := range []struct {
		t    dossier.Date
		want dossier.Date
	}{
		{s589.AddDays(-1), dossier.Date{}},
		{s589, mustDay("2027-07-04")},
	} {
		got := AsOf(d, tc.t)
		if got.EindeWachttijdVerlengdTot != tc.want {
			t.Errorf("AsOf(%s): extension %s, want %s", tc.t, got.EindeWachttijdVerlengdTot, tc.want)
		}
		want := NewCalendar(&dossier.Dossier{EersteZiektedag: D}).RIVDeadline()
		if !tc.want.IsZero() {
			want = NewCalendar(d).RIVDeadline()
		}
		if rd := NewCalendar(got).RIVDeadline(); rd != want {
			t.Errorf("AsOf(%s): RIV deadline %s, want %s", tc.t, rd, want)
		}
	}
	if d.EindeWachttijdVerlengdTot.IsZero() {
		t.Error("AsOf changed d")
	}
}
