package rules

import "fmt"

var spoor2Doorlopend = spoorRule(Rule{
	ID:     "spoor-2-doorlopend",
	Titel:  "Spoor 2 loopt door",
	Ernst:  Vereist,
	Stap:   "Spoor 2 hervatten",
	Alsnog: "Spoor 2 alsnog hervatten",
	Wat: fmt.Sprintf("Eenmaal gestart loopt spoor 2 door tot het einde van de wachttijd (of herstel, of een activiteit die eindigt "+
		"met reden Plaatsing, Hersteld of Geen benutbare mogelijkheden): nooit meer dan %d dagen zonder lopende spoor-2-activiteit. "+
		"Te lang stil is gebrekkig; loopt spoor 2 op de peildatum niet maar is de grens nog niet bereikt, dan nog niet nodig.", ZesWeken),
	Termijn: fmt.Sprintf("laatste dag dat spoor 2 liep + %d dagen", ZesWeken),
	Bron: "Beleidsregels beoordelingskader poortwachter §8 (spoor 2 adequaat tot het einde); stoppen omdat de werknemer " +
		"overbelast is vraagt om een bijgesteld plan, niet om het stoppen van spoor 2",
}, 2, "Spoor 2")
