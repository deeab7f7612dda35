package rules

import (
	"fmt"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var arbeidsdeskundigOnderzoek = &Rule{
	ID:     "arbeidsdeskundig-onderzoek",
	Titel:  "Arbeidsdeskundig onderzoek",
	Ernst:  Waarschuwing,
	Stap:   "Arbeidsdeskundig onderzoek laten doen",
	Alsnog: "Arbeidsdeskundig onderzoek alsnog laten doen",
	Wat: "Document Arbeidsdeskundig rapport, wanneer spoor-2 van toepassing is: de mogelijkheden zijn in beeld " +
		"voordat de keuze voor spoor 2 valt. Niet van toepassing wanneer spoor-2 dat is.",
	Termijn: fmt.Sprintf("datum eerstejaarsevaluatie; zonder evaluatie S(%d); na een verlopen motivering X", EerstejaarsevaluatieUiterlijk),
	Bron:    "Beleidsregels beoordelingskader poortwachter §4 sub c: de mogelijkheden moeten \"in voldoende mate in beeld\" zijn voor de keuze",
	Decide:  decideArbeidsdeskundig,
}

func decideArbeidsdeskundig(c *Context) Finding {
	b := spoor2Of(c)
	deadline := b.B
	if b.Motivering != "" {
		deadline = b.X
	}
	if s2 := decideSpoor2(c); s2.Status == NietVanToepassing {
		return Finding{Status: NietVanToepassing, UitersteDatum: deadline, Toelichting: s2.Toelichting}
	}
	f := c.document(dossier.ArbeidsdeskundigRapport, deadline)
	if f.Status == Ontbreekt || f.Status == NogNietNodig {
		f.Toelichting += " Laat een arbeidsdeskundige de mogelijkheden in kaart brengen voor de keuze over spoor 2."
	}
	return f
}
