// Package rules checks a Poortwachter dossier against the deadlines of the
// Wet verbetering poortwachter. It holds the sick-day calendar S(k), the rule
// catalogue (each rule a value, one small file per rule), the findings and
// the verdict, and the dossier timeline. It is pure: no I/O and no clock;
// the peildatum is passed in.
package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

// Ernst is the severity of a rule.
type Ernst string

// The severities of poortwachter.md "Statuses and severities".
const (
	// Vereist: UWV can impose a loonsanctie or fine.
	Vereist Ernst = "vereist"
	// Waarschuwing: practice or guidance.
	Waarschuwing Ernst = "waarschuwing"
	// Advies: advice; never changes the verdict.
	Advies Ernst = "advies"
)

// Status is the outcome of one rule for one dossier.
type Status string

// The statuses of poortwachter.md "Statuses and severities".
const (
	Tijdig            Status = "tijdig"              // present, on or before its deadline
	TeLaat            Status = "te-laat"             // present, after its deadline
	Ontbreekt         Status = "ontbreekt"           // absent, deadline before the peildatum
	NogNietNodig      Status = "nog-niet-nodig"      // absent, deadline on or after the peildatum
	NietVanToepassing Status = "niet-van-toepassing" // the rule does not apply
	Verouderd         Status = "verouderd"           // present but too old (actueel-oordeel)
	Gebrekkig         Status = "gebrekkig"           // present but its content falls short
)

// Problem reports whether a finding with status s falls short: late,
// missing, too old or lacking.
func (s Status) Problem() bool {
	switch s {
	case TeLaat, Ontbreekt, Verouderd, Gebrekkig:
		return true
	}
	return false
}

// Oordeel is the verdict on a whole dossier.
type Oordeel string

// The verdicts, from worst to best.
const (
	Onvolledig Oordeel = "onvolledig"
	Aandacht   Oordeel = "aandacht"
	Compleet   Oordeel = "compleet"
)

// Rule is one entry of the catalogue: a value, like go/analysis's Analyzer.
type Rule struct {
	ID    string // part of the JSON contract, e.g. "probleemanalyse"
	Titel string // Dutch, for people
	Ernst Ernst
	// Wat says in Dutch what the rule checks.
	Wat string
	// Termijn describes the deadline in Dutch, e.g. "S(42), einde week 6".
	Termijn string
	// Bron names the legal source, in Dutch.
	Bron string
	// Stap says in Dutch what to do by the deadline while the rule is
	// open, e.g. "Spoor 2 hervatten"; timelines and agendas show it.
	Stap string
	// Alsnog says in Dutch what to do once the deadline has passed and the
	// step is still not (properly) taken, e.g. "42e-weekmelding alsnog
	// indienen bij UWV".
	Alsnog string
	// Decide returns the rule's status, its deadline, the date it rests on
	// and a Dutch explanation. Check fills in Regel, Titel and Ernst. The
	// deadline is part of the decision: for some rules it depends on what
	// the dossier holds (a trigger, the day spoor 2 stopped).
	Decide func(c *Context) Finding
}

// Finding is the outcome of one rule for one dossier. Findings are data.
type Finding struct {
	Regel         string // Rule.ID
	Titel         string
	Ernst         Ernst
	Status        Status
	UitersteDatum dossier.Date // the deadline; zero where the rule has none
	Datum         dossier.Date // the date the status rests on; zero if none
	Toelichting   string       // Dutch: why this status
	// Stap says in Dutch what to do now about this finding ("Plan alsnog
	// bijstellen"); "" when nothing is to be done, and always "" once the
	// dossier has ended (recovered, or past the waiting time). Check fills
	// it in from the rule's Stap or Alsnog unless Decide set its own.
	Stap string
}

// Result is the check of one dossier at one peildatum.
type Result struct {
	Dossier        *dossier.Dossier
	Peildatum      dossier.Date
	EindeWachttijd dossier.Date
	Oordeel        Oordeel
	// Bevindingen holds every rule of the catalogue once, in catalogue
	// order.
	Bevindingen []Finding
	// Meldingen are warnings about the input found while checking:
	// documents dated after the peildatum, text that looks medical, an
	// extension that does not extend.
	Meldingen dossier.Problems
}

// Finding returns the finding of rule id, and whether there is one.
func (r Result) Finding(id string) (Finding, bool) {
	for _, f := range r.Bevindingen {
		if f.Regel == id {
			return f, true
		}
	}
	return Finding{}, false
}
