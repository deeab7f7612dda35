package rules

import (
	"fmt"
	"sort"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// This file holds what the substance rules about the two sporen share
// (poortwachter.md "Spoor 2 and the plan: how the substance rules decide"):
// the window in which spoor 2 must keep running, and the stretch test.

// window is the time in which the sporen are judged once spoor 2 has
// started.
type window struct {
	// W0 is the first spoor-2 start on or before the peildatum; zero when
	// spoor 2 has not started.
	W0 dossier.Date
	// C is the earliest Eind, on or before the peildatum, of an activity of
	// either spoor that ended for a closing reason; zero when none did.
	C dossier.Date
	// Closer is that activity.
	Closer dossier.Activity
	// End is E' = min(P, H, einde wachttijd, C): the last day the sporen
	// are judged on.
	End dossier.Date
	// EndWhy names End in Dutch, e.g. "het einde van de wachttijd op 30
	// augustus 2026".
	EndWhy string
}

// started reports whether spoor 2 started and the window is not over
// before it did; otherwise the rules on running sporen do not apply.
func (w window) started() bool { return !w.W0.IsZero() && !w.End.Before(w.W0) }

// closed reports whether the window ends at a closing reason.
func (w window) closed() bool { return !w.C.IsZero() && w.End == w.C }

// window returns the window of the dossier in c, computed once.
func (c *Context) window() window {
	if c.win != nil {
		return *c.win
	}
	w := window{}
	for _, a := range c.activities() {
		if a.Spoor == 2 && (w.W0.IsZero() || a.Start.Before(w.W0)) {
			w.W0 = a.Start
		}
	}
	for _, a := range c.activities() {
		if a.RedenEinde.Closes() && !a.Eind.IsZero() && !a.Eind.After(c.Peildatum) && (w.C.IsZero() || a.Eind.Before(w.C)) {
			w.C, w.Closer = a.Eind, a
		}
	}
	// The candidates for E' in order of precedence on a tie: a closing
	// reason says most about why the window ends.
	w.End = c.Peildatum
	w.EndWhy = "de peildatum " + c.Peildatum.Lang()
	for _, e := range []struct {
		d   dossier.Date
		why string
	}{
		{c.Cal.EindeWachttijd(), "het einde van de wachttijd op " + c.Cal.EindeWachttijd().Lang()},
		{c.Hersteld(), "het herstel op " + c.Hersteld().Lang()},
		{w.C, fmt.Sprintf("de afsluiting op %s (%s, reden einde %s)", w.C.Lang(), activityName(w.Closer), w.Closer.RedenEinde)},
	} {
		if !e.d.IsZero() && !e.d.After(w.End) {
			w.End, w.EndWhy = e.d, e.why
		}
	}
	c.win = &w
	return w
}

// activities returns the activities that count for the sporen: those with
// a Start on or before the peildatum, sorted by Start (workbook order among
// equal starts).
func (c *Context) activities() []dossier.Activity {
	if c.acts != nil {
		return c.acts
	}
	as := []dossier.Activity{}
	for _, a := range c.Dossier.Activiteiten {
		if !a.Start.IsZero() && !a.Start.After(c.Peildatum) {
			as = append(as, a)
		}
	}
	sort.SliceStable(as, func(i, j int) bool { return as[i].Start.Before(as[j].Start) })
	c.acts = as
	return as
}

// stretch is the outcome of the stretch test for one spoor.
type stretch struct {
	// Stop is the first day after which the spoor stood still for more
	// than ZesWeken days (the last day it ran, or W0); zero when it never
	// did.
	Stop dossier.Date
	// Until is where that stretch ended: the next start, or the end of the
	// window.
	Until dossier.Date
	// Cursor is the last day covered by the spoor's activities, W0 at
	// least.
	Cursor dossier.Date
	// StopBy is the activity whose end is the stop date; its Spoor is 0
	// when the stop date is W0.
	StopBy dossier.Activity
}

// tooLong reports whether the spoor stood still for too long.
func (s stretch) tooLong() bool { return !s.Stop.IsZero() }

// stretchTest walks the activities of spoor in order of Start, clipped to
// [w0, end], with a cursor that starts at w0 and moves to the last day
// covered so far. An activity without Eind runs through end. When the next
// activity starts more than ZesWeken days after the cursor, or end lies
// more than ZesWeken days after the final cursor, the stretch is too long;
// the first such cursor is the stop date.
func stretchTest(as []dossier.Activity, spoor int, w0, end dossier.Date) stretch {
	s := stretch{Cursor: w0}
	var by dossier.Activity // the activity that set the cursor
	stop := func(until dossier.Date) {
		if s.Stop.IsZero() && until.DaysSince(s.Cursor) > ZesWeken {
			s.Stop, s.Until, s.StopBy = s.Cursor, until, by
		}
	}
	for _, a := range as {
		if a.Spoor != spoor {
			continue
		}
		from, to := a.Start, a.Eind
		if to.IsZero() || to.After(end) {
			to = end
		}
		if from.Before(w0) {
			from = w0
		}
		if to.Before(from) || from.After(end) {
			continue // wholly outside [w0, end]
		}
		stop(from)
		if to.After(s.Cursor) {
			s.Cursor, by = to, a
		}
	}
	stop(end)
	return s
}

// activityName names an activity in a toelichting: its text, quoted and
// shortened, with its spoor.
func activityName(a dossier.Activity) string {
	if a.Activiteit == "" {
		return fmt.Sprintf("activiteit in spoor %d", a.Spoor)
	}
	return fmt.Sprintf("%s in spoor %d", quote(a.Activiteit, 60), a.Spoor)
}

// weekOf writes a date with its sick week: "4 juni 2026 (week 83)".
func (c *Context) weekOf(d dossier.Date) string {
	return fmt.Sprintf("%s (week %d)", d.Lang(), c.Cal.Week(d))
}

// spoorRule builds a rule that judges whether spoor keeps running from the
// first spoor-2 start to the end of the window (spoor-2-doorlopend and
// spoor-1-tijdens-spoor-2 differ only in the spoor and their words).
func spoorRule(r Rule, spoor int, naam string) *Rule {
	r.Decide = func(c *Context) Finding {
		w := c.window()
		switch {
		case w.W0.IsZero():
			return Finding{Status: NietVanToepassing, Toelichting: "Spoor 2 is niet gestart; deze regel geldt zodra spoor 2 loopt."}
		case !w.started():
			return Finding{Status: NietVanToepassing, Toelichting: fmt.Sprintf(
				"Spoor 2 startte op %s, na %s; deze regel is niet van toepassing.", c.weekOf(w.W0), w.EndWhy)}
		}
		s := stretchTest(c.activities(), spoor, w.W0, w.End)
		if s.tooLong() {
			f := Finding{Status: Gebrekkig, Datum: s.Stop, UitersteDatum: s.Stop.AddDays(ZesWeken)}
			if w.End != c.Peildatum || w.closed() || !s.Cursor.Before(c.Peildatum) {
				// The spoor runs again, or the window closed: what is left
				// is to account for the standstill. Standing still now, the
				// rule's Alsnog applies: resume it.
				f.Stap = "Stilstand van " + lowerFirst(naam) + " verantwoorden"
			}
			n := s.Until.DaysSince(s.Stop)
			if s.Until == w.End && w.End == c.Peildatum && !w.closed() {
				f.Toelichting = fmt.Sprintf("%s ligt stil sinds %s: al %s zonder lopende activiteit, meer dan %d. "+
					"Hervatten moest uiterlijk %s; hervat nu, of leg vast waarom het is afgesloten (Reden einde).",
					naam, c.weekOf(s.Stop), days(n), ZesWeken, c.weekOf(f.UitersteDatum))
			} else {
				until := "de start van de volgende activiteit op " + c.weekOf(s.Until)
				if s.Until == w.End {
					until = w.EndWhy
				}
				f.Toelichting = fmt.Sprintf("%s lag stil van %s tot %s: %s zonder lopende activiteit, meer dan %d. "+
					"UWV ziet dat als een onderbroken %s; leg vast waarom, en wat er in die tijd wel gebeurde.",
					naam, c.weekOf(s.Stop), until, days(n), ZesWeken, lowerFirst(naam))
			}
			if r := s.StopBy.RedenEinde; r != dossier.RedenOnbekend {
				f.Toelichting += fmt.Sprintf(" %s eindigde met reden %s", activityName(s.StopBy), r)
				if r == dossier.Overbelasting {
					f.Toelichting += ": overbelasting vraagt om een bijgesteld plan met lichtere activiteiten, niet om het stoppen van het spoor."
				} else {
					f.Toelichting += "; alleen Plaatsing, Hersteld of Geen benutbare mogelijkheden sluiten het spoor af."
				}
			}
			return f
		}
		if w.End == c.Peildatum && !w.closed() && s.Cursor.Before(c.Peildatum) {
			dl := s.Cursor.AddDays(ZesWeken)
			return Finding{Status: NogNietNodig, Datum: s.Cursor, UitersteDatum: dl, Toelichting: fmt.Sprintf(
				"%s liep tot en met %s en loopt nu niet; hervat uiterlijk %s of leg de reden vast (Reden einde).",
				naam, c.weekOf(s.Cursor), c.weekOf(dl))}
		}
		f := Finding{Status: Tijdig}
		f.Toelichting = fmt.Sprintf("%s liep vanaf de start van spoor 2 op %s nooit meer dan %d dagen stil, tot %s.",
			naam, c.weekOf(w.W0), ZesWeken, w.EndWhy)
		if w.End == c.Peildatum && !w.closed() {
			f.Toelichting = fmt.Sprintf("%s loopt sinds de start van spoor 2 op %s zonder stilstand van meer dan %d dagen.",
				naam, c.weekOf(w.W0), ZesWeken)
		}
		return f
	}
	return &r
}
