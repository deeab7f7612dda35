package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var weekmelding42 = documentRule(Rule{
	ID:      "42e-weekmelding",
	Stap:    "42e-weekmelding indienen bij UWV",
	Alsnog:  "42e-weekmelding alsnog indienen bij UWV",
	Titel:   "42e-weekmelding bij UWV",
	Ernst:   Vereist,
	Wat:     "Document 42e-weekmelding (ziekmelding bij UWV).",
	Termijn: "S(295), de eerste dag na 42 weken",
	Bron: "Ziektewet art. 38 lid 1; boete tot €455 (geïndexeerd), geen loonsanctie; " +
		"na S(567) vervalt de bescherming van WIA art. 64 lid 6",
}, dossier.WeekMelding42, sickDay(295))
