package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var reintegratieverslag = documentRule(Rule{
	ID:      "re-integratieverslag",
	Stap:    "Re-integratieverslag opstellen",
	Alsnog:  "Re-integratieverslag alsnog opstellen",
	Titel:   "Re-integratieverslag",
	Ernst:   Vereist,
	Wat:     "Document Re-integratieverslag (kopie aan de werknemer).",
	Termijn: "einde wachttijd − 91 dagen (zonder verlenging S(637), einde week 91)",
	Bron:    "WIA art. 25 lid 3, art. 65",
}, dossier.Reintegratieverslag, rivDeadline)

func rivDeadline(c *Context) dossier.Date { return c.Cal.RIVDeadline() }
