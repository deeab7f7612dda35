package rules

import (
	"fmt"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// ActueelOordeelMaxAge is how many days before the RIV deadline an actueel
// oordeel may be dated before it is verouderd.
const ActueelOordeelMaxAge = 91

var actueelOordeel = &Rule{
	ID:     "actueel-oordeel",
	Stap:   "Actueel oordeel laten opstellen",
	Alsnog: "Actueel oordeel alsnog laten opstellen",
	Titel:  "Actueel oordeel bedrijfsarts",
	Ernst:  Vereist,
	Wat: "Document Actueel oordeel van de bedrijfsarts; het laatste telt. Gedateerd voor de RIV-termijn − 91 dagen: " +
		"verouderd; anders na de (eerste) eindevaluatie: gebrekkig; anders na de RIV-termijn: te laat (in die volgorde).",
	Termijn: "de uiterste datum van het re-integratieverslag",
	Bron:    "Regeling procesgang art. 6 lid 1 sub j-k; Werkwijzer Poortwachter: opgesteld vóór de eindevaluatie",
	Decide:  decideActueelOordeel,
}

// decideActueelOordeel judges the latest actueel oordeel. The checks run in
// a fixed order, the first that hits decides: verouderd (before the RIV
// deadline − 91 days), gebrekkig (after the earliest eindevaluatie), te-laat
// (after the RIV deadline), else tijdig.
func decideActueelOordeel(c *Context) Finding {
	deadline := c.Cal.RIVDeadline()
	ao, ok := c.Latest(dossier.ActueelOordeel)
	if !ok {
		return c.absent("actueel oordeel", deadline)
	}
	d := ao.Datum
	oldest := deadline.AddDays(-ActueelOordeelMaxAge)
	if d.Before(oldest) {
		return Finding{Status: Verouderd, Datum: d, UitersteDatum: deadline, Stap: "Nieuw actueel oordeel laten opstellen", Toelichting: fmt.Sprintf(
			"Het laatste actueel oordeel van %s (week %d) is ouder dan %d dagen voor de uiterste datum %s: het moet op of na %s zijn opgesteld.",
			d.Lang(), c.Cal.Week(d), ActueelOordeelMaxAge, deadline.Lang(), oldest.Lang())}
	}
	if ev, ok := c.Earliest(dossier.Eindevaluatie); ok && d.After(ev.Datum) {
		return Finding{Status: Gebrekkig, Datum: d, UitersteDatum: deadline, Stap: "Eindevaluatie opnieuw houden, na het actueel oordeel", Toelichting: fmt.Sprintf(
			"Het laatste actueel oordeel van %s (week %d) ligt na de eindevaluatie van %s; het hoort ervoor te liggen.",
			d.Lang(), c.Cal.Week(d), ev.Datum.Lang())}
	}
	return c.present("Actueel oordeel", d, deadline)
}
