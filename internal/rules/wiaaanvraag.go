package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var wiaAanvraag = documentRule(Rule{
	ID:      "wia-aanvraag",
	Stap:    "WIA-aanvraag indienen",
	Alsnog:  "WIA-aanvraag alsnog indienen",
	Titel:   "WIA-aanvraag",
	Ernst:   Vereist,
	Wat:     "Document WIA-aanvraag.",
	Termijn: "einde wachttijd − 77 dagen (zonder verlenging S(651), einde week 93)",
	Bron:    "WIA art. 64 lid 3; te laat verlengt de loondoorbetaling met de vertraging (BW 7:629 lid 11 sub a)",
}, dossier.WIAAanvraag, func(c *Context) dossier.Date { return c.Cal.WIADeadline() })
