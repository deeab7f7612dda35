package rules

import (
	"fmt"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var zoekprofiel = &Rule{
	ID:     "zoekprofiel",
	Titel:  "Zoekprofiel spoor 2",
	Ernst:  Waarschuwing,
	Stap:   "Zoekprofiel opstellen",
	Alsnog: "Zoekprofiel alsnog opstellen",
	Wat: "Document Zoekprofiel (persoons- en zoekprofiel van het spoor-2-traject), zodra spoor 2 is gestart; " +
		"niet van toepassing zonder gestart spoor 2.",
	Termijn: fmt.Sprintf("start spoor 2 + %d dagen", ZesWeken),
	Bron:    "praktijk van elk spoor-2-traject; UWV kijkt of sollicitaties gericht zijn op een zoekprofiel van passend werk",
	Decide: func(c *Context) Finding {
		w := c.window()
		if !w.started() {
			return Finding{Status: NietVanToepassing, Toelichting: "Spoor 2 is niet gestart; een zoekprofiel is niet nodig."}
		}
		f := c.document(dossier.Zoekprofiel, w.W0.AddDays(ZesWeken))
		if f.Status == Ontbreekt || f.Status == NogNietNodig {
			f.Toelichting += " Stel met het re-integratiebureau een zoekprofiel van passend werk op; de sollicitaties richten zich daarop."
		}
		return f
	},
}
