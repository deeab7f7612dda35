package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

var arbeidsdeskundigOnderzoek = &Rule{
	ID:       "arbeidsdeskundig-onderzoek",
	Titel:    "Arbeidsdeskundig onderzoek",
	Ernst:    Advies,
	Wat:      "Document Arbeidsdeskundig rapport, wanneer spoor-2 van toepassing is.",
	Termijn:  "als spoor-2",
	Bron:     "Beleidsregels beoordelingskader poortwachter §4 sub c: de mogelijkheden moeten \"in voldoende mate in beeld\" zijn",
	Deadline: spoor2Deadline,
	Decide: func(c *Context) Finding {
		if why := spoor2Exempt(c); why != "" {
			return Finding{Status: NietVanToepassing, Toelichting: why}
		}
		return c.document(dossier.ArbeidsdeskundigRapport, spoor2Deadline(c))
	},
}
