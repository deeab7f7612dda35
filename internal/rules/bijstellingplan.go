package rules

import (
	"fmt"
	"sort"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var bijstellingPlan = &Rule{
	ID:     "bijstelling-plan",
	Titel:  "Plan bijgesteld na verandering",
	Ernst:  Vereist,
	Stap:   "Plan bijstellen",
	Alsnog: "Plan alsnog bijstellen",
	Wat: "Na een aanleiding (een Bijgestelde probleemanalyse, of een activiteit die eindigde met reden Overbelasting) volgt " +
		"een Plan van aanpak of Bijstelling plan van aanpak, gedateerd op of na de aanleiding. Elke aanleiding wordt als een " +
		"document beoordeeld; de slechtste telt (ontbreekt, te laat, nog niet nodig, tijdig), bij gelijke stand de vroegste. " +
		"Zonder aanleiding niet van toepassing.",
	Termijn: fmt.Sprintf("datum aanleiding + %d dagen", PlanTermijn),
	Bron:    "Regeling procesgang art. 4: het plan wordt bijgesteld als de probleemanalyse verandert; 14 dagen als voor het eerste plan",
	Decide:  decideBijstelling,
}

// trigger is a reason to adjust the plan van aanpak.
type trigger struct {
	T   dossier.Date
	wat string // Dutch: "de bijgestelde probleemanalyse van 3 maart 2026 (week 9)"
}

// triggers returns the reasons to adjust the plan on or before the
// peildatum, oldest first.
func triggers(c *Context) []trigger {
	var ts []trigger
	for _, d := range c.Documents(dossier.BijgesteldeProbleemanalyse) {
		ts = append(ts, trigger{d.Datum, "de bijgestelde probleemanalyse van " + c.weekOf(d.Datum)})
	}
	for _, a := range c.activities() {
		if a.RedenEinde == dossier.Overbelasting && !a.Eind.IsZero() && !a.Eind.After(c.Peildatum) {
			ts = append(ts, trigger{a.Eind, fmt.Sprintf("het einde van %s wegens overbelasting op %s", activityName(a), c.weekOf(a.Eind))})
		}
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].T.Before(ts[j].T) })
	return ts
}

// bijstellingRank orders the statuses of one trigger from worst to best.
var bijstellingRank = map[Status]int{Ontbreekt: 0, TeLaat: 1, NogNietNodig: 2, Tijdig: 3, NietVanToepassing: 4}

func decideBijstelling(c *Context) Finding {
	ts := triggers(c)
	if len(ts) == 0 {
		return Finding{Status: NietVanToepassing, Toelichting: "Geen bijgestelde probleemanalyse en geen activiteit gestopt wegens overbelasting; het plan hoeft niet te worden bijgesteld."}
	}
	plans := c.planVersions()
	var worst Finding
	for i, t := range ts {
		f := judgeTrigger(c, t, plans)
		if i == 0 || bijstellingRank[f.Status] < bijstellingRank[worst.Status] {
			worst = f
		}
	}
	if len(ts) > 1 {
		worst.Toelichting += fmt.Sprintf(" (De zwaarste van %d aanleidingen.)", len(ts))
	}
	return worst
}

// judgeTrigger judges the answer to one trigger: the earliest plan or
// bijstelling dated on or after it, against trigger + PlanTermijn.
func judgeTrigger(c *Context, t trigger, plans []dossier.Document) Finding {
	deadline := t.T.AddDays(PlanTermijn)
	for _, p := range plans {
		if p.Datum.Before(t.T) {
			continue
		}
		return c.judge(fmt.Sprintf("Na %s is het plan bijgesteld: %s van %s", t.wat, lowerFirst(p.Soort.String()), c.weekOf(p.Datum)), p.Datum, deadline)
	}
	f := Finding{Status: c.absentStatus(deadline), UitersteDatum: deadline}
	switch f.Status {
	case NietVanToepassing:
		f.Toelichting = fmt.Sprintf("Na %s is het plan niet bijgesteld, maar de werknemer herstelde op %s, voor de uiterste datum %s.",
			t.wat, c.Hersteld().Lang(), deadline.Lang())
	case NogNietNodig:
		f.Toelichting = fmt.Sprintf("Na %s is het plan nog niet bijgesteld; stel het bij uiterlijk %s.", t.wat, c.weekOf(deadline))
	default:
		f.Toelichting = fmt.Sprintf("Na %s is het plan niet bijgesteld; de uiterste datum %s is verstreken. "+
			"Stel het plan alsnog bij, met activiteiten die passen bij wat de werknemer nu kan.", t.wat, c.weekOf(deadline))
	}
	return f
}
