package rules

import "fmt"

var spoor1TijdensSpoor2 = spoorRule(Rule{
	ID:     "spoor-1-tijdens-spoor-2",
	Titel:  "Spoor 1 loopt door naast spoor 2",
	Ernst:  Waarschuwing,
	Stap:   "Spoor 1 hervatten",
	Alsnog: "Spoor 1 alsnog hervatten",
	Wat: fmt.Sprintf("Zolang spoor 2 loopt, gaat het zoeken binnen de eigen organisatie door: vanaf de start van spoor 2 nooit meer "+
		"dan %d dagen zonder lopende spoor-1-activiteit (een spoor-1-activiteit die voor spoor 2 begon en nog loopt telt mee).", ZesWeken),
	Termijn: fmt.Sprintf("laatste dag dat spoor 1 liep + %d dagen", ZesWeken),
	Bron:    "Werkwijzer Poortwachter: spoor 1 en spoor 2 lopen naast elkaar; praktijk",
}, 1, "Spoor 1 (zoeken bij de eigen werkgever)")
