package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var eerstejaarsevaluatie = documentRule(Rule{
	ID:      "eerstejaarsevaluatie",
	Stap:    "Eerstejaarsevaluatie houden",
	Alsnog:  "Eerstejaarsevaluatie alsnog houden",
	Titel:   "Eerstejaarsevaluatie",
	Ernst:   Vereist,
	Wat:     "Document Eerstejaarsevaluatie, met de keuze voor spoor 1 of spoor 2.",
	Termijn: "S(364), einde week 52 (venster vanaf S(316), week 46, is praktijk)",
	Bron:    "Regeling procesgang art. 4 lid 2 sub b; Beleidsregels beoordelingskader poortwachter §5",
}, dossier.Eerstejaarsevaluatie, sickDay(EerstejaarsevaluatieUiterlijk))
