package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var planVanAanpak = documentRule(Rule{
	ID:      "plan-van-aanpak",
	Stap:    "Plan van aanpak opstellen",
	Alsnog:  "Plan van aanpak alsnog opstellen",
	Titel:   "Plan van aanpak",
	Ernst:   Vereist,
	Wat:     "Document Plan van aanpak.",
	Termijn: "datum probleemanalyse + 14 dagen; zonder probleemanalyse S(56), einde week 8",
	Bron:    "Regeling procesgang art. 4 lid 1",
}, dossier.PlanVanAanpak, planDeadline)

// planDeadline is the date of the earliest probleemanalyse plus 14 days;
// without one S(56), the end of week 8.
func planDeadline(c *Context) dossier.Date {
	if pa, ok := c.Earliest(dossier.Probleemanalyse); ok {
		return pa.Datum.AddDays(PlanTermijn)
	}
	return c.Cal.S(56)
}
