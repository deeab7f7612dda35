package rules

import (
	"fmt"
	"sort"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// MaxEvaluatieGap is the longest allowed gap, in days, between two contact
// moments: six weeks, UWV guidance on "periodiek".
const MaxEvaluatieGap = ZesWeken

// The steps of evaluatie-frequentie; its decision names them too.
const (
	evaluatieStap   = "Evaluatie houden"
	evaluatieAlsnog = "Evaluatie alsnog houden"
)

var evaluatieFrequentie = &Rule{
	ID:     "evaluatie-frequentie",
	Stap:   evaluatieStap,
	Alsnog: evaluatieAlsnog,
	Titel:  "Evaluatie elke zes weken",
	Ernst:  Waarschuwing,
	Wat: "Vanaf het eerste plan van aanpak tot min(peildatum, herstel, einde wachttijd) ligt tussen opeenvolgende " +
		"contactmomenten (plan, bijstelling, evaluatie, eerstejaarsevaluatie, eindevaluatie; de einddatum sluit het " +
		"laatste interval) nooit meer dan 42 dagen; zonder plan niet van toepassing.",
	Termijn: "laatste contactmoment + 42 dagen",
	Bron:    "Regeling procesgang art. 4 lid 2 sub b (\"periodiek\"); zes weken is UWV-richtlijn",
	Decide:  decideEvaluatie,
}

// contactSoorten are the documents that count as a contact moment.
var contactSoorten = []dossier.Soort{
	dossier.PlanVanAanpak, dossier.BijstellingPlanVanAanpak, dossier.Evaluatie,
	dossier.Eerstejaarsevaluatie, dossier.Eindevaluatie,
}

// contactMoments returns the sorted dates of the contact moments on or
// after the first plan van aanpak that count; nil without a plan.
func contactMoments(c *Context) []dossier.Date {
	plan, ok := c.Earliest(dossier.PlanVanAanpak)
	if !ok {
		return nil
	}
	var ds []dossier.Date
	for _, s := range contactSoorten {
		for _, doc := range c.Documents(s) {
			if !doc.Datum.Before(plan.Datum) {
				ds = append(ds, doc.Datum)
			}
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds
}

func decideEvaluatie(c *Context) Finding {
	ms := contactMoments(c)
	if len(ms) == 0 {
		return Finding{Status: NietVanToepassing, Toelichting: "Geen plan van aanpak; de evaluatiefrequentie is niet van toepassing."}
	}
	last := ms[len(ms)-1]
	end := dossier.MinDate(c.Peildatum, c.Hersteld(), c.Cal.EindeWachttijd())
	// Moments after the end do not count: no gap runs beyond it.
	points := []dossier.Date{}
	for _, m := range ms {
		if !m.After(end) {
			points = append(points, m)
		}
	}
	if len(points) > 0 && end.After(points[len(points)-1]) {
		points = append(points, end)
	}
	var from, to dossier.Date
	longest := -1
	for i := 1; i < len(points); i++ {
		if g := points[i].DaysSince(points[i-1]); g > longest {
			longest, from, to = g, points[i-1], points[i]
		}
	}
	f := Finding{Datum: last, UitersteDatum: last.AddDays(MaxEvaluatieGap)}
	// Evaluations go on, whatever the gaps before, as long as the next one
	// falls within the waiting time.
	if !f.UitersteDatum.After(c.Cal.EindeWachttijd()) {
		f.Stap = evaluatieStap
		if f.UitersteDatum.Before(c.Peildatum) {
			f.Stap = evaluatieAlsnog
		}
	}
	if longest > MaxEvaluatieGap {
		f.Status = TeLaat
		f.Toelichting = fmt.Sprintf("Tussen %s (week %d) en %s (week %d) ligt %s zonder contactmoment; het maximum is %d dagen.",
			from.Lang(), c.Cal.Week(from), to.Lang(), c.Cal.Week(to), days(longest), MaxEvaluatieGap)
		return f
	}
	f.Status = Tijdig
	f.Toelichting = fmt.Sprintf("%s vanaf %s, nooit meer dan %d dagen ertussen; laatste contactmoment %s (week %d).",
		dossier.Plural(len(ms), "contactmoment", "contactmomenten"), ms[0].Lang(), MaxEvaluatieGap, last.Lang(), c.Cal.Week(last))
	return f
}
