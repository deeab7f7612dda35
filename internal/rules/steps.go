package rules

import (
	"sort"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Step is one thing to do in a dossier by a date: a deadline that is still
// open, or has passed with the step not (properly) taken.
type Step struct {
	Dossier *dossier.Dossier
	// Datum is the deadline; for a rule without one (visies-vastgelegd),
	// the date of the document that falls short.
	Datum dossier.Date
	Week  int    // the sick week Datum falls in
	Regel string // the rule id
	// Sleutel names the step within its dossier, whatever its date: the
	// rule id, with a suffix where one rule gives more than one step. A
	// calendar that knows the step by its key moves it when its date moves.
	Sleutel string
	Stap    string // Dutch: what to do, e.g. "Plan alsnog bijstellen"
	Status  Status // the rule's status at the peildatum
	// Achterstallig reports that Datum lies before the peildatum: the step
	// is overdue.
	Achterstallig bool
	Toelichting   string // Dutch: why the step is needed
}

// SleutelHerbeoordeling is the Sleutel suffix of the day a motivated
// exception to spoor 2 is to be reassessed: a second step of rule spoor-2,
// next to starting spoor 2 itself.
const SleutelHerbeoordeling = "-herbeoordeling"

// herbeoordelingStap is what to do on that day.
const herbeoordelingStap = "Motivering geen spoor 2 herbeoordelen"

// Steps returns what is to be done in the dossier of r: every step whose
// date has passed (achterstallig), then every open step dated from the
// peildatum through tot; with a zero tot, every open step however far
// ahead. Within each group the steps are in date order, on one day in
// catalogue order. An ended dossier (recovered, or past its waiting time)
// has no steps.
func Steps(r Result, tot dossier.Date) []Step {
	d := r.Dossier
	cal := NewCalendar(d)
	var out []Step
	add := func(s Step) {
		if s.Datum.IsZero() {
			return
		}
		s.Achterstallig = s.Datum.Before(r.Peildatum)
		if !s.Achterstallig && !tot.IsZero() && s.Datum.After(tot) {
			return
		}
		s.Dossier, s.Week = d, cal.Week(s.Datum)
		out = append(out, s)
	}
	for _, f := range r.Bevindingen {
		if f.Stap == "" {
			continue
		}
		datum := f.UitersteDatum
		if datum.IsZero() {
			datum = f.Datum
		}
		add(Step{Datum: datum, Regel: f.Regel, Sleutel: f.Regel, Stap: f.Stap, Status: f.Status, Toelichting: f.Toelichting})
	}
	if f, ok := r.Finding(spoor2.ID); ok && strings.TrimSpace(d.MotiveringGeenSpoor2) != "" {
		c := NewContext(d, r.Peildatum)
		if b := spoor2Of(c); b.exempt(r.Peildatum) && !b.Hersteld && !c.ended() {
			add(Step{Datum: b.X, Regel: spoor2.ID, Sleutel: spoor2.ID + SleutelHerbeoordeling, Stap: herbeoordelingStap,
				Status: NogNietNodig, Toelichting: f.Toelichting})
		}
	}
	sortSteps(out)
	return out
}

// sortSteps puts overdue steps first, then orders by date; steps on the
// same day keep their order (dossier order, then catalogue order).
func sortSteps(ss []Step) {
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := ss[i], ss[j]
		if a.Achterstallig != b.Achterstallig {
			return a.Achterstallig
		}
		return a.Datum.Before(b.Datum)
	})
}

// Agenda returns the steps of every dossier checked in results, as Steps
// gives them for one: the overdue steps of all dossiers first, then the
// open steps dated through tot, each group in date order; on one day the
// order of results, then catalogue order.
func Agenda(results []Result, tot dossier.Date) []Step {
	var out []Step
	for _, r := range results {
		out = append(out, Steps(r, tot)...)
	}
	sortSteps(out)
	return out
}

// AgendaOf checks every dossier of ds at peildatum p, spread over the
// machine's cores, and returns their steps as Agenda does. It keeps no
// check longer than it takes to take its steps, so the findings of a
// large workbook are never all in memory at once.
func AgendaOf(ds []*dossier.Dossier, p, tot dossier.Date) []Step {
	per := make([][]Step, len(ds))
	eachDossier(len(ds), func(i int) { per[i] = Steps(Check(ds[i], p), tot) })
	var out []Step
	for _, ss := range per {
		out = append(out, ss...)
	}
	sortSteps(out)
	return out
}

// Next returns the steps of r that are still ahead (on or after the
// peildatum, however far), as timeline events, sorted like Timeline: the
// deadlines not yet met, the next evaluation while evaluations are due,
// the reassessment of a motivated exception to spoor 2, and what falls
// short but can still be mended in time.
func Next(r Result) []Event {
	var out []Event
	for _, s := range Steps(r, dossier.Date{}) {
		if s.Achterstallig {
			continue
		}
		out = append(out, Event{Datum: s.Datum, Week: s.Week, Soort: EventTermijn, Titel: s.Stap + " uiterlijk",
			Regel: s.Regel, Status: s.Status, Stap: s.Stap, Sleutel: s.Sleutel})
	}
	return out
}
