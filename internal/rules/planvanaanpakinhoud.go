package rules

import (
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var planVanAanpakInhoud = &Rule{
	ID:     "plan-van-aanpak-inhoud",
	Stap:   "Plan van aanpak aanvullen",
	Alsnog: "Plan van aanpak alsnog aanvullen",
	Titel:  "Inhoud plan van aanpak",
	Ernst:  Vereist,
	Wat: "Het (eerste) plan van aanpak is getekend door werkgever en werknemer, het dossier noemt een casemanager " +
		"en minstens één activiteit heeft een doel; anders gebrekkig. Zonder plan dezelfde status als plan-van-aanpak.",
	Termijn: "als plan-van-aanpak",
	Bron:    "Regeling procesgang art. 4 lid 2-4; handtekeningen volgens het UWV-formulier",
	Decide:  decidePlanInhoud,
}

func decidePlanInhoud(c *Context) Finding {
	plan, ok := c.Earliest(dossier.PlanVanAanpak)
	if !ok {
		return planVanAanpak.Decide(c)
	}
	var lacks []string
	if !plan.GetekendWerkgever {
		lacks = append(lacks, "handtekening werkgever")
	}
	if !plan.GetekendWerknemer {
		lacks = append(lacks, "handtekening werknemer")
	}
	if strings.TrimSpace(c.Dossier.Casemanager) == "" {
		lacks = append(lacks, "casemanager")
	}
	if !anyDoel(c.Dossier.Activiteiten) {
		lacks = append(lacks, "activiteit met een doel")
	}
	if len(lacks) > 0 {
		return Finding{Status: Gebrekkig, Datum: plan.Datum, UitersteDatum: planDeadline(c),
			Toelichting: fmt.Sprintf("Plan van aanpak van %s (week %d) mist: %s.", plan.Datum.Lang(), c.Cal.Week(plan.Datum), strings.Join(lacks, ", "))}
	}
	f := c.present("Plan van aanpak", plan.Datum, planDeadline(c))
	f.Toelichting = "Getekend, met casemanager en doelen. " + f.Toelichting
	return f
}

func anyDoel(as []dossier.Activity) bool {
	for _, a := range as {
		if strings.TrimSpace(a.Doel) != "" {
			return true
		}
	}
	return false
}
