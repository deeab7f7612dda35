package rules

import (
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var spoor2 = &Rule{
	ID:    "spoor-2",
	Titel: "Start spoor 2",
	Ernst: Vereist,
	Wat: "Wie op de eerstejaarsevaluatie (zonder evaluatie op S(364)) niet hersteld is, heeft een gestarte " +
		"activiteit in spoor 2. Een ingevulde Motivering geen spoor 2 maakt de regel niet van toepassing.",
	Termijn: "datum eerstejaarsevaluatie + 42 dagen; zonder eerstejaarsevaluatie S(406)",
	Bron: "Beleidsregels beoordelingskader poortwachter §5, §8; \"binnen zes weken na de evaluatie\" is praktijk; " +
		"uitzondering volgens Werkwijzer Poortwachter §4.3",
	Deadline: spoor2Deadline,
	Decide:   decideSpoor2,
}

// ejeDate returns the date of the earliest eerstejaarsevaluatie that
// counts, or S(364) without one, and how to name it in a toelichting.
func ejeDate(c *Context) (dossier.Date, string) {
	if e, ok := c.Earliest(dossier.Eerstejaarsevaluatie); ok {
		return e.Datum, "de eerstejaarsevaluatie van " + e.Datum.NL()
	}
	s364 := c.Cal.S(EerstejaarsevaluatieUiterlijk)
	return s364, "S(364) " + s364.NL()
}

// spoor2Deadline is the eerstejaarsevaluatie date plus 42 days; without an
// eerstejaarsevaluatie S(406).
func spoor2Deadline(c *Context) dossier.Date {
	if e, ok := c.Earliest(dossier.Eerstejaarsevaluatie); ok {
		return e.Datum.AddDays(42)
	}
	return c.Cal.S(406)
}

// spoor2Exempt reports why spoor 2 does not apply to the dossier in c, as
// a Dutch sentence, or "" when it applies: the employee recovered on or
// before the eerstejaarsevaluatie, or a motivation for no spoor 2 is given.
func spoor2Exempt(c *Context) string {
	eje, naam := ejeDate(c)
	if h := c.Hersteld(); !h.IsZero() && !h.After(eje) {
		return fmt.Sprintf("Hersteld op %s, op of voor %s; spoor 2 is niet van toepassing.", h.NL(), naam)
	}
	if m := strings.TrimSpace(c.Dossier.MotiveringGeenSpoor2); m != "" {
		return fmt.Sprintf("Geen spoor 2, gemotiveerd: %s.", quote(m, 80))
	}
	return ""
}

func decideSpoor2(c *Context) Finding {
	if why := spoor2Exempt(c); why != "" {
		return Finding{Status: NietVanToepassing, Toelichting: why}
	}
	deadline := spoor2Deadline(c)
	if start := c.Dossier.Spoor2Start(); !start.IsZero() && !start.After(c.Peildatum) {
		return c.judge(fmt.Sprintf("De start van spoor 2 op %s (week %d)", start.NL(), c.Cal.Week(start)), start, deadline)
	}
	return c.absent("gestarte activiteit in spoor 2", deadline)
}
