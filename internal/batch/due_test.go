package batch

import (
	"slices"
	"testing"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
)

func TestDueKinds(t *testing.T) {
	p := dossier.NewDate(2026, 12, 31)
	// sickSince returns a dossier whose sick day k falls on the peildatum.
	sickSince := func(k int) *dossier.Dossier {
		d := p.AddDays(-(k - 1))
		return &dossier.Dossier{Nummer: "D", EersteZiektedag: d, Ziekteperiodes: []dossier.SicknessPeriod{{Van: d}}}
	}
	pva, eje, riv := document.PlanVanAanpak, document.Eerstejaarsevaluatie, document.Reintegratieverslag
	for _, tc := range []struct {
		name string
		d    *dossier.Dossier
		want []document.Kind
	}{
		{"week 3", sickSince(15), nil},
		{"plan deadline S(56) is today", sickSince(56), []document.Kind{pva}},
		{"day before S(316)", sickSince(315), []document.Kind{pva}},
		{"S(316), week 46", sickSince(316), []document.Kind{pva, eje}},
		{"S(589), week 85", sickSince(589), []document.Kind{pva, eje, riv}},
		{"week 3 with a plan already", func() *dossier.Dossier {
			d := sickSince(20)
			d.Documenten = []dossier.Document{{Soort: dossier.PlanVanAanpak, Datum: p.AddDays(-1)}}
			return d
		}(), []document.Kind{pva}},
		{"plan dated after the peildatum does not count", func() *dossier.Dossier {
			d := sickSince(20)
			d.Documenten = []dossier.Document{{Soort: dossier.PlanVanAanpak, Datum: p.AddDays(1)}}
			return d
		}(), nil},
		{"recovered in week 20, now week 50", func() *dossier.Dossier {
			d := sickSince(350)
			d.DatumHersteld = d.EersteZiektedag.AddDays(140)
			d.Ziekteperiodes[0].Tot = d.DatumHersteld
			return d
		}(), []document.Kind{pva}},
		{"recovered in week 4, before the plan was due", func() *dossier.Dossier {
			d := sickSince(100)
			d.DatumHersteld = d.EersteZiektedag.AddDays(25)
			d.Ziekteperiodes[0].Tot = d.DatumHersteld
			return d
		}(), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := DueKinds(document.NewView(tc.d, p))
			if !slices.Equal(got, tc.want) {
				t.Errorf("DueKinds = %v, want %v", got, tc.want)
			}
		})
	}
}
