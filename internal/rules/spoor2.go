package rules

import (
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

var spoor2 = &Rule{
	ID:     "spoor-2",
	Titel:  "Start spoor 2",
	Ernst:  Vereist,
	Stap:   "Spoor 2 starten",
	Alsnog: "Spoor 2 alsnog starten",
	Wat: fmt.Sprintf("Wie op B, de datum van de eerstejaarsevaluatie (zonder evaluatie S(%d)), niet hersteld is, heeft een gestarte "+
		"activiteit in spoor 2. Een ingevulde Motivering geen spoor 2 maakt de regel tijdelijk niet van toepassing: tot en met X, "+
		"de datum in Herbeoordeling geen spoor 2, of zonder die datum B + %d dagen. Daarna moet spoor 2 uiterlijk X + %d dagen starten. "+
		"De start van spoor 2 (de vroegste Start van een spoor-2-activiteit) wordt beoordeeld als een document.",
		EerstejaarsevaluatieUiterlijk, UitzonderingGeenSpoor2, ZesWeken),
	Termijn: fmt.Sprintf("min(eerstejaarsevaluatie + %d dagen, S(%d)); zonder evaluatie S(%d); na een verlopen motivering X + %d dagen",
		ZesWeken, Spoor2Uiterlijk, Spoor2Uiterlijk, ZesWeken),
	Bron: "Beleidsregels beoordelingskader poortwachter §5, §8; \"binnen zes weken na de evaluatie\" is praktijk; " +
		"uitzondering volgens Werkwijzer Poortwachter (concrete terugkeer binnen ongeveer drie maanden, blijvend " +
		"geringe mogelijkheden, AOW binnen een jaar)",
	Decide: decideSpoor2,
}

// spoor2Basis is what the spoor-2 choice rests on; spoor-2 and
// arbeidsdeskundig-onderzoek share it.
type spoor2Basis struct {
	B     dossier.Date // the earliest eerstejaarsevaluatie, S(364) without one
	BNaam string       // B in Dutch words
	// Hersteld: recovered on or before B, so spoor 2 does not apply.
	Hersteld bool
	// Motivering is the trimmed Motivering geen spoor 2, "" when none.
	Motivering string
	// X is the last day the motivation holds (zero without one); XGegeven
	// says whether it comes from Herbeoordeling geen spoor 2.
	X        dossier.Date
	XGegeven bool
	// Deadline is the latest start of spoor 2: min(B + 42, S(406)), S(406)
	// without an eerstejaarsevaluatie, X + 42 with a motivation.
	Deadline dossier.Date
}

// exempt reports whether the motivation holds on the peildatum p.
func (b spoor2Basis) exempt(p dossier.Date) bool { return b.Motivering != "" && !p.After(b.X) }

// lapsed reports whether a motivation was given but no longer holds on p.
func (b spoor2Basis) lapsed(p dossier.Date) bool { return b.Motivering != "" && p.After(b.X) }

// spoor2Of returns the spoor-2 basis of the dossier in c.
func spoor2Of(c *Context) spoor2Basis {
	var b spoor2Basis
	if e, ok := c.Earliest(dossier.Eerstejaarsevaluatie); ok {
		b.B, b.BNaam = e.Datum, "de eerstejaarsevaluatie van "+e.Datum.Lang()
		b.Deadline = dossier.MinDate(e.Datum.AddDays(ZesWeken), c.Cal.S(Spoor2Uiterlijk))
	} else {
		b.B = c.Cal.S(EerstejaarsevaluatieUiterlijk)
		b.BNaam = fmt.Sprintf("S(%d), %s (geen eerstejaarsevaluatie)", EerstejaarsevaluatieUiterlijk, b.B.Lang())
		b.Deadline = c.Cal.S(Spoor2Uiterlijk)
	}
	h := c.Hersteld()
	b.Hersteld = !h.IsZero() && !h.After(b.B)
	if m := strings.TrimSpace(c.Dossier.MotiveringGeenSpoor2); m != "" {
		b.Motivering = m
		b.X, b.XGegeven = c.Dossier.HerbeoordelingGeenSpoor2, true
		if b.X.IsZero() {
			b.X, b.XGegeven = b.B.AddDays(UitzonderingGeenSpoor2), false
		}
		b.Deadline = b.X.AddDays(ZesWeken)
	}
	return b
}

// notApplicable returns why spoor 2 does not apply on the peildatum, or ""
// when it does.
func (b spoor2Basis) notApplicable(c *Context) string {
	switch {
	case b.Hersteld:
		return fmt.Sprintf("Hersteld op %s, op of voor %s; spoor 2 is niet van toepassing.", c.Hersteld().Lang(), b.BNaam)
	case b.exempt(c.Peildatum):
		return fmt.Sprintf("Geen spoor 2, gemotiveerd: %s. %s; start spoor 2 daarna uiterlijk %s, of leg een nieuwe motivering en herbeoordelingsdatum vast.",
			quote(b.Motivering, 80), b.holds(c), c.weekOf(b.Deadline))
	}
	return ""
}

// holds says until when the motivation holds, and why that day.
func (b spoor2Basis) holds(c *Context) string {
	if b.XGegeven {
		return fmt.Sprintf("De motivering geldt tot en met de herbeoordeling op %s", c.weekOf(b.X))
	}
	return fmt.Sprintf("Zonder datum in Herbeoordeling geen spoor 2 geldt de motivering tot en met %s, %d dagen na %s",
		c.weekOf(b.X), UitzonderingGeenSpoor2, b.BNaam)
}

func decideSpoor2(c *Context) Finding {
	b := spoor2Of(c)
	if why := b.notApplicable(c); why != "" {
		return Finding{Status: NietVanToepassing, UitersteDatum: b.Deadline, Toelichting: why}
	}
	var f Finding
	if start := c.window().W0; !start.IsZero() {
		f = c.judge("De start van spoor 2 op "+c.weekOf(start), start, b.Deadline)
	} else {
		f = c.absent("gestarte activiteit in spoor 2", b.Deadline)
		if f.Status == Ontbreekt {
			f.Toelichting += " Start spoor 2 nu, met een re-integratiebureau en een zoekprofiel."
		}
	}
	if b.lapsed(c.Peildatum) {
		f.Toelichting = fmt.Sprintf("De motivering geen spoor 2 gold tot en met %s; daarna moest spoor 2 uiterlijk %s starten. %s",
			c.weekOf(b.X), c.weekOf(b.Deadline), f.Toelichting)
	}
	return f
}

// HerbeoordelingGeenSpoor2 returns X, the last day a motivation for no
// spoor 2 holds in the dossier of c: its Herbeoordeling geen spoor 2, or
// the eerstejaarsevaluatie (S(364) without one) plus 13 weeks. It is zero
// without a motivation, or when the employee recovered before spoor 2
// was at issue.
func HerbeoordelingGeenSpoor2(c *Context) dossier.Date {
	if b := spoor2Of(c); b.Motivering != "" && !b.Hersteld {
		return b.X
	}
	return dossier.Date{}
}
