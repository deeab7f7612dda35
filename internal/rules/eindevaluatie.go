package rules

import (
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var eindevaluatie = &Rule{
	ID:      "eindevaluatie",
	Stap:    "Eindevaluatie houden",
	Alsnog:  "Eindevaluatie alsnog houden",
	Titel:   "Eindevaluatie",
	Ernst:   Vereist,
	Wat:     "Document Eindevaluatie, getekend door werkgever en werknemer (anders gebrekkig, ook als het te laat is).",
	Termijn: "de uiterste datum van het re-integratieverslag",
	Bron:    "Regeling procesgang art. 6 lid 1 sub h",
	Decide:  decideEindevaluatie,
}

func decideEindevaluatie(c *Context) Finding {
	deadline := c.Cal.RIVDeadline()
	ev, ok := c.Earliest(dossier.Eindevaluatie)
	if !ok {
		return c.absent("eindevaluatie", deadline)
	}
	var lacks []string
	if !ev.GetekendWerkgever {
		lacks = append(lacks, "werkgever")
	}
	if !ev.GetekendWerknemer {
		lacks = append(lacks, "werknemer")
	}
	if len(lacks) > 0 {
		return Finding{Status: Gebrekkig, Datum: ev.Datum, UitersteDatum: deadline, Stap: "Eindevaluatie laten ondertekenen", Toelichting: fmt.Sprintf(
			"Eindevaluatie van %s (week %d) is niet getekend door %s.", ev.Datum.Lang(), c.Cal.Week(ev.Datum), strings.Join(lacks, " en "))}
	}
	return c.present("Eindevaluatie", ev.Datum, deadline)
}
