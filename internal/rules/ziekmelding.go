package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var ziekmeldingArbodienst = documentRule(Rule{
	ID:      "ziekmelding-arbodienst",
	Stap:    "Ziek melden bij de arbodienst",
	Alsnog:  "Alsnog ziek melden bij de arbodienst",
	Titel:   "Ziekmelding bij bedrijfsarts of arbodienst",
	Ernst:   Waarschuwing,
	Wat:     "Document Ziekmelding (aan bedrijfsarts of arbodienst).",
	Termijn: "S(7), einde week 1",
	Bron:    "Regeling procesgang art. 2 lid 1 (\"tijdig\"; één week is praktijk)",
}, dossier.Ziekmelding, sickDay(7))
