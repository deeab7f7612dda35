package rules

import (
	"fmt"
	"sort"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// The kinds of Event, in the order they sort on one day.
const (
	EventZiekteperiode = "ziekteperiode"
	EventDocument      = "document"
	EventActiviteit    = "activiteit"
	EventSollicitatie  = "sollicitatie"
	EventHerstel       = "herstel"
	EventTermijn       = "termijn"
)

var eventOrder = map[string]int{
	EventZiekteperiode: 0, EventHerstel: 1, EventDocument: 2, EventActiviteit: 3, EventSollicitatie: 4, EventTermijn: 5,
}

// Event is one dated thing on a dossier's timeline: a deadline, or
// something that was done.
type Event struct {
	Datum  dossier.Date
	Week   int    // the sick week Datum falls in
	Soort  string // EventTermijn, EventDocument, ...
	Titel  string // Dutch, e.g. "Uiterste datum: Probleemanalyse", "Probleemanalyse"
	Regel  string // the rule id of a deadline, "" otherwise
	Status Status // the rule's status for a deadline, "" otherwise
	// Stap says what to do by a deadline, e.g. "Spoor 2 hervatten"; ""
	// for other events.
	Stap string
	// Sleutel names a deadline within its dossier whatever its date (see
	// Step); "" for other events.
	Sleutel string
	Plaats  string // the row in the workbook, "" for deadlines
}

// Timeline returns every deadline of r with its date and week, and what was
// done when (sickness periods, recovery, documents that count, activities
// starting and ending, applications), sorted by date, then kind; on one
// day deadlines keep catalogue order and the rest the order of the
// workbook.
func Timeline(r Result) []Event {
	d := r.Dossier
	c := NewCalendar(d)
	var es []Event
	add := func(datum dossier.Date, soort, titel, regel string, st Status, plaats string) *Event {
		if datum.IsZero() {
			return nil
		}
		es = append(es, Event{Datum: datum, Week: c.Week(datum), Soort: soort, Titel: titel, Regel: regel, Status: st, Plaats: plaats})
		return &es[len(es)-1]
	}
	for i, p := range d.Ziekteperiodes {
		if i == 0 {
			add(p.Van, EventZiekteperiode, "Eerste ziektedag", "", "", p.Plaats)
		} else {
			add(p.Van, EventZiekteperiode, "Opnieuw ziek (samentelling)", "", "", p.Plaats)
		}
		if !p.Tot.IsZero() && (i < len(d.Ziekteperiodes)-1 || p.Tot != d.DatumHersteld) {
			add(p.Tot, EventZiekteperiode, "Einde ziekteperiode", "", "", p.Plaats)
		}
	}
	if len(d.Ziekteperiodes) == 0 {
		add(d.EersteZiektedag, EventZiekteperiode, "Eerste ziektedag", "", "", d.Plaats)
	}
	add(d.DatumHersteld, EventHerstel, "Hersteld", "", "", d.Plaats)
	for _, doc := range d.Documenten {
		if !doc.Datum.After(r.Peildatum) {
			add(doc.Datum, EventDocument, doc.Soort.String(), "", "", doc.Plaats)
		}
	}
	for _, a := range d.Activiteiten {
		if !a.Start.After(r.Peildatum) {
			add(a.Start, EventActiviteit, fmt.Sprintf("Start spoor %d: %s", a.Spoor, a.Activiteit), "", "", a.Plaats)
		}
		if !a.Eind.After(r.Peildatum) {
			add(a.Eind, EventActiviteit, fmt.Sprintf("Einde spoor %d: %s", a.Spoor, a.Activiteit), "", "", a.Plaats)
		}
	}
	for _, s := range d.Sollicitaties {
		if !s.Datum.After(r.Peildatum) {
			titel := "Sollicitatie"
			if s.Werkgever != "" {
				titel += " bij " + s.Werkgever
			}
			add(s.Datum, EventSollicitatie, titel, "", "", s.Plaats)
		}
	}
	for _, f := range r.Bevindingen {
		rule, _ := Lookup(f.Regel)
		titel := "Uiterste datum: " + f.Titel
		if open(f.Status) {
			titel = rule.Stap + " uiterlijk"
		}
		if e := add(f.UitersteDatum, EventTermijn, titel, f.Regel, f.Status, ""); e != nil {
			e.Stap, e.Sleutel = rule.Stap, f.Regel
		}
	}
	// The day a motivation for no spoor 2 is to be reassessed.
	if b := spoor2Of(NewContext(d, r.Peildatum)); b.Motivering != "" && !b.Hersteld {
		if b.exempt(r.Peildatum) {
			if e := add(b.X, EventTermijn, herbeoordelingStap+" uiterlijk", spoor2.ID, NogNietNodig, d.Plaats); e != nil {
				e.Stap, e.Sleutel = herbeoordelingStap, spoor2.ID+SleutelHerbeoordeling
			}
		} else {
			add(b.X, EventTermijn, "Motivering geen spoor 2 verlopen", "", "", d.Plaats)
		}
	}
	add(r.EindeWachttijd, EventTermijn, "Einde wachttijd", "", "", "")
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Datum != b.Datum {
			return a.Datum.Before(b.Datum)
		}
		return eventOrder[a.Soort] < eventOrder[b.Soort]
	})
	return es
}

// open reports whether a finding with status s asks for a step: something
// not yet done, or done short.
func open(s Status) bool {
	switch s {
	case NogNietNodig, Ontbreekt, Gebrekkig, Verouderd:
		return true
	}
	return false
}
