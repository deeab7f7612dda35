package document

import (
	"sort"
	"strconv"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// Chart is the drawn timeline of a dossier: its waiting time from the first
// sick day to the end, with the sickness periods, the activities of both
// sporen as bars with how they ended, the documents as marks, the deadlines
// by status, and the document's own date as a line. It describes what to
// draw in days from the first sick day; internal/pdf decides how it looks.
type Chart struct {
	Days  int // the axis runs from day 0 (the first sick day) to Days
	Ticks []ChartTick
	Rows  []ChartRow
	// Now is the day of the document's own date (the peildatum line), or
	// -1 when it lies outside the axis.
	Now      int
	NowLabel string // e.g. "31-12-2026"
	// NowName says in the legend what the date line is: "datum van dit
	// stuk", or "peildatum" in the overview.
	NowName string
}

// ChartTick is a labelled point on the axis.
type ChartTick struct {
	Day   int
	Label string // "wk 13"
}

// ChartRow is one row of the chart. Bars that overlap go in lanes, one
// under the other; Lanes is how many there are (at least one).
type ChartRow struct {
	Label string
	Lanes int
	Bars  []ChartBar
	Marks []ChartMark
}

// ChartBar is a stretch of days in a row.
type ChartBar struct {
	From, To int // days, both included
	Lane     int
	Kind     BarKind
	End      BarEnd
}

// BarKind is what a bar stands for.
type BarKind int

// The bar kinds.
const (
	BarZiek      BarKind = iota + 1 // a sickness period
	BarLopend                       // an activity running on the document's date
	BarAfgelopen                    // an activity that ended
	BarGepland                      // an activity not yet started
)

// BarEnd is how an activity ended.
type BarEnd int

// The ends of a bar, as the legend names them.
const (
	EndOpen       BarEnd = iota // still running, or no activity
	EndAfgesloten               // Plaatsing, Hersteld or Geen benutbare mogelijkheden
	EndOverbelast               // stopped because of overload
	EndGestopt                  // stopped or ended otherwise
)

// ChartMark is a point in a row: a document or a deadline.
type ChartMark struct {
	Day  int
	Kind MarkKind
}

// MarkKind is what a mark stands for.
type MarkKind int

// The mark kinds: a document, or a deadline by its status.
const (
	MarkDocument  MarkKind = iota + 1
	MarkTijdig             // deadline met in time
	MarkTeLaat             // deadline met late
	MarkOntbreekt          // deadline missed: ontbreekt, gebrekkig or verouderd
	MarkOpen               // deadline still ahead (nog-niet-nodig)
)

// NewChart returns the chart of the check r: the dossier as r saw it, on
// r's peildatum (for a dated document, its own date). With termijnen it has
// a row of deadlines by status, the tool's judgement, which belongs in the
// overview for the employer; the documents for UWV show only what
// happened. Nil when the dossier has no first sick day.
func NewChart(r rules.Result, termijnen bool) *Chart {
	d := r.Dossier
	start := d.EersteZiektedag
	if start.IsZero() {
		return nil
	}
	end := r.EindeWachttijd
	if end.Before(start) {
		end = start
	}
	c := &Chart{Days: end.DaysSince(start), Now: -1, NowName: "datum van dit stuk"}
	day := func(t dossier.Date) int { return t.DaysSince(start) }
	in := func(t dossier.Date) bool { return !t.IsZero() && !t.Before(start) && !t.After(end) }
	if p := r.Peildatum; in(p) {
		c.Now, c.NowLabel = day(p), p.NL()
	}
	cal := rules.NewCalendar(d)
	for w := 13; ; w += 13 {
		t := cal.EndOfWeek(w)
		if t.IsZero() || t.After(end) {
			break
		}
		c.Ticks = append(c.Ticks, ChartTick{Day: day(t), Label: "wk " + strconv.Itoa(w)})
	}

	clip := func(from, to dossier.Date) (int, int, bool) {
		if from.IsZero() || from.After(end) || !to.IsZero() && to.Before(start) {
			return 0, 0, false
		}
		a, b := max(day(from), 0), c.Days
		if !to.IsZero() && to.Before(end) {
			b = day(to)
		}
		return a, b, a <= b
	}

	ziek := ChartRow{Label: "Ziek"}
	for _, p := range d.Ziekteperiodes {
		tot := p.Tot
		if tot.IsZero() || tot.After(r.Peildatum) {
			tot = r.Peildatum
		}
		if a, b, ok := clip(p.Van, tot); ok {
			ziek.Bars = append(ziek.Bars, ChartBar{From: a, To: b, Kind: BarZiek})
		}
	}
	c.Rows = append(c.Rows, ziek)

	for spoor := 1; spoor <= 2; spoor++ {
		row := ChartRow{Label: "Spoor " + strconv.Itoa(spoor)}
		for _, a := range d.Activiteiten {
			if a.Spoor != spoor || a.Start.IsZero() {
				continue
			}
			bar := ChartBar{Kind: BarLopend}
			tot := a.Eind
			switch {
			case a.Start.After(r.Peildatum):
				bar.Kind = BarGepland
			case !a.Eind.IsZero() && !a.Eind.After(r.Peildatum):
				bar.Kind, bar.End = BarAfgelopen, barEnd(a)
			default:
				tot = r.Peildatum // running: drawn up to the document's date
			}
			var ok bool
			if bar.From, bar.To, ok = clip(a.Start, tot); ok {
				row.Bars = append(row.Bars, bar)
			}
		}
		c.Rows = append(c.Rows, row)
	}

	stukken := ChartRow{Label: "Stukken"}
	for _, doc := range d.Documenten {
		if in(doc.Datum) && !doc.Datum.After(r.Peildatum) {
			stukken.Marks = append(stukken.Marks, ChartMark{Day: day(doc.Datum), Kind: MarkDocument})
		}
	}
	c.Rows = append(c.Rows, stukken)

	deadlines := ChartRow{Label: "Termijnen"}
	for _, f := range r.Bevindingen {
		if !termijnen {
			break
		}
		if !in(f.UitersteDatum) {
			continue
		}
		var k MarkKind
		switch f.Status {
		case rules.Tijdig:
			k = MarkTijdig
		case rules.TeLaat:
			k = MarkTeLaat
		case rules.Ontbreekt, rules.Gebrekkig, rules.Verouderd:
			k = MarkOntbreekt
		case rules.NogNietNodig:
			k = MarkOpen
		default:
			continue // niet van toepassing: nothing to show
		}
		deadlines.Marks = append(deadlines.Marks, ChartMark{Day: day(f.UitersteDatum), Kind: k})
	}
	if termijnen {
		c.Rows = append(c.Rows, deadlines)
	}

	for i := range c.Rows {
		c.Rows[i].stack()
	}
	return c
}

// barEnd says how an ended activity ended.
func barEnd(a dossier.Activity) BarEnd {
	switch {
	case a.RedenEinde.Closes():
		return EndAfgesloten
	case a.RedenEinde == dossier.Overbelasting:
		return EndOverbelast
	case a.RedenEinde != dossier.RedenOnbekend || a.Status == dossier.Gestopt:
		return EndGestopt
	}
	return EndOpen // ended as planned
}

// stack sorts the bars and marks by day and puts each bar in the first lane
// where it does not touch an earlier one.
func (r *ChartRow) stack() {
	sort.SliceStable(r.Bars, func(i, j int) bool { return r.Bars[i].From < r.Bars[j].From })
	sort.SliceStable(r.Marks, func(i, j int) bool { return r.Marks[i].Day < r.Marks[j].Day })
	var laneEnd []int
	for i := range r.Bars {
		b := &r.Bars[i]
		lane := 0
		for lane < len(laneEnd) && b.From <= laneEnd[lane] {
			lane++
		}
		if lane == len(laneEnd) {
			laneEnd = append(laneEnd, 0)
		}
		laneEnd[lane] = b.To
		b.Lane = lane
	}
	r.Lanes = max(1, len(laneEnd))
}
