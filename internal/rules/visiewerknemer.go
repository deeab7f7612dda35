package rules

import "strings"

var visieWerknemer = &Rule{
	ID:      "visie-werknemer",
	Stap:    "Visie van de werknemer vastleggen",
	Alsnog:  "Visie van de werknemer alsnog vastleggen",
	Titel:   "Visie werknemer",
	Ernst:   Vereist,
	Wat:     "De visie van de werknemer (kolom Visie werknemer) is ingevuld.",
	Termijn: "de uiterste datum van het re-integratieverslag",
	Bron:    "Regeling procesgang art. 6 lid 1 sub l",
	Decide: func(c *Context) Finding {
		if strings.TrimSpace(c.Dossier.VisieWerknemer) != "" {
			return Finding{Status: Tijdig, UitersteDatum: c.Cal.RIVDeadline(), Toelichting: "De visie van de werknemer is ingevuld."}
		}
		return c.absent("visie van de werknemer", c.Cal.RIVDeadline())
	},
}
