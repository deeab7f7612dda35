package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

// Wachttijd is the waiting time before WIA in sick days: 104 weeks (WIA
// art. 23(1)).
const Wachttijd = 728

// Sick days of the calendar that the check, the documents and the batch
// share.
const (
	// EerstejaarsevaluatieVanaf is S(316), week 46: the start of the window
	// in which the eerstejaarsevaluatie is held in practice.
	EerstejaarsevaluatieVanaf = 316
	// EerstejaarsevaluatieUiterlijk is S(364), the end of week 52: its
	// deadline (Regeling art. 4(2)(b)).
	EerstejaarsevaluatieUiterlijk = 364
	// ReintegratieverslagVanaf is S(589), week 85: from here the
	// re-integratieverslag is prepared, six weeks before its deadline S(637).
	ReintegratieverslagVanaf = 589
	// Spoor2Uiterlijk is S(406), six weeks after S(364): the latest start
	// of spoor 2 (Beleidsregels §5, §8; "within six weeks" is practice).
	Spoor2Uiterlijk = 406
)

// Intervals in calendar days that several rules share.
const (
	// ZesWeken is six weeks: UWV's measure for "periodiek" between contact
	// moments, for the start of spoor 2 after the eerstejaarsevaluatie, for
	// a zoekprofiel after the start of spoor 2, and the longest a spoor may
	// stand still.
	ZesWeken = 42
	// PlanTermijn is the time to draw up the plan van aanpak after the
	// probleemanalyse (Regeling art. 4(1)), and to adjust it after the
	// probleemanalyse changed or an activity stopped because of overload.
	PlanTermijn = 14
	// UitzonderingGeenSpoor2 is how long a motivation for no spoor 2 holds
	// after the eerstejaarsevaluatie when no reassessment date is given:
	// thirteen weeks, the "concrete return within about three months" of
	// the Werkwijzer Poortwachter.
	UitzonderingGeenSpoor2 = 91
)

// Calendar is the sick-day calendar of one dossier: its sickness periods
// added together (samentellen, WIA art. 23(3)). Gap days between periods do
// not count; after the last known period the employee is taken to be still
// sick and the days run on one by one.
type Calendar struct {
	periods []span
	// verlengdTot is the end of the waiting time after a voluntary extension
	// (WIA art. 24), zero when not extended or when the given date does not
	// extend it.
	verlengdTot dossier.Date
}

// span is one sickness period with the number of sick days before it.
type span struct {
	van, tot dossier.Date // tot zero: open
	before   int          // sick days in earlier periods
}

// NewCalendar returns the calendar of d. Without Ziekteperiodes it counts
// from EersteZiektedag. EindeWachttijdVerlengdTot is used only when it is
// later than S(728); Check warns about one that is not.
func NewCalendar(d *dossier.Dossier) Calendar {
	ps := d.Ziekteperiodes
	if len(ps) == 0 && !d.EersteZiektedag.IsZero() {
		ps = []dossier.SicknessPeriod{{Van: d.EersteZiektedag}}
	}
	var c Calendar
	n := 0
	for _, p := range ps {
		if p.Van.IsZero() {
			continue
		}
		c.periods = append(c.periods, span{van: p.Van, tot: p.Tot, before: n})
		if p.Tot.IsZero() {
			break // only the last period may be open; it runs on for ever
		}
		n += p.Tot.DaysSince(p.Van) + 1
	}
	if v := d.EindeWachttijdVerlengdTot; !v.IsZero() && v.After(c.S(Wachttijd)) {
		c.verlengdTot = v
	}
	return c
}

// IsZero reports whether the calendar has no first sick day.
func (c Calendar) IsZero() bool { return len(c.periods) == 0 }

// EersteZiektedag returns D, sick day 1.
func (c Calendar) EersteZiektedag() dossier.Date {
	if c.IsZero() {
		return dossier.Date{}
	}
	return c.periods[0].van
}

// S returns the date of sick day k (k >= 1) of the chain; the zero date for
// k < 1 or an empty calendar.
func (c Calendar) S(k int) dossier.Date {
	if k < 1 || c.IsZero() {
		return dossier.Date{}
	}
	for _, p := range c.periods {
		if p.tot.IsZero() || k <= p.before+p.tot.DaysSince(p.van)+1 {
			return p.van.AddDays(k - p.before - 1)
		}
	}
	// After the last, closed period the days run on one by one.
	last := c.periods[len(c.periods)-1]
	total := last.before + last.tot.DaysSince(last.van) + 1
	return last.tot.AddDays(k - total)
}

// EndOfWeek returns the last day of sick week n: S(7n).
func (c Calendar) EndOfWeek(n int) dossier.Date { return c.S(7 * n) }

// SickDay returns the number of sick days counted up to and including t: 0
// before D; for a gap day, the count of the last sick day before it.
func (c Calendar) SickDay(t dossier.Date) int {
	if c.IsZero() || t.IsZero() || t.Before(c.periods[0].van) {
		return 0
	}
	n := 0
	for _, p := range c.periods {
		if t.Before(p.van) {
			return n // a gap day
		}
		if p.tot.IsZero() || !t.After(p.tot) {
			return p.before + t.DaysSince(p.van) + 1
		}
		n = p.before + p.tot.DaysSince(p.van) + 1
	}
	last := c.periods[len(c.periods)-1]
	return n + t.DaysSince(last.tot)
}

// Week returns the sick week t falls in: ceil(SickDay(t)/7), 0 before D. A
// gap day belongs to the week of the last sick day before it.
func (c Calendar) Week(t dossier.Date) int {
	return (c.SickDay(t) + 6) / 7
}

// Verlengd reports whether the waiting time is voluntarily extended.
func (c Calendar) Verlengd() bool { return !c.verlengdTot.IsZero() }

// EindeWachttijd returns the end of the waiting time: S(728), or the
// extended end when the waiting time was voluntarily extended.
func (c Calendar) EindeWachttijd() dossier.Date {
	if c.Verlengd() {
		return c.verlengdTot
	}
	return c.S(Wachttijd)
}

// RIVDeadline returns the deadline of the re-integratieverslag: S(637), end
// of week 91; with an extension 91 days (13 weeks) before its end.
func (c Calendar) RIVDeadline() dossier.Date {
	if c.Verlengd() {
		return c.verlengdTot.AddDays(-91)
	}
	return c.S(637)
}

// WIADeadline returns the deadline of the WIA-aanvraag: S(651), end of week
// 93; with an extension 77 days (11 weeks) before its end.
func (c Calendar) WIADeadline() dossier.Date {
	if c.Verlengd() {
		return c.verlengdTot.AddDays(-77)
	}
	return c.S(651)
}
