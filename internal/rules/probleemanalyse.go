package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var probleemanalyse = documentRule(Rule{
	ID:      "probleemanalyse",
	Stap:    "Probleemanalyse laten opstellen",
	Alsnog:  "Probleemanalyse alsnog laten opstellen",
	Titel:   "Probleemanalyse",
	Ernst:   Vereist,
	Wat:     "Document Probleemanalyse van de bedrijfsarts.",
	Termijn: "S(42), einde week 6",
	Bron:    "Regeling procesgang art. 2 lid 2; later alleen met redenen (art. 5)",
}, dossier.Probleemanalyse, sickDay(42))
