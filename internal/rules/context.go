package rules

import (
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Context is what a rule sees of one dossier at one peildatum.
type Context struct {
	Dossier   *dossier.Dossier
	Peildatum dossier.Date
	Cal       Calendar

	docs map[dossier.Soort][]dossier.Document
	acts []dossier.Activity // see activities
	win  *window            // see window
}

// NewContext prepares the check of d at peildatum p. Documents dated after p
// (or undated) do not count.
func NewContext(d *dossier.Dossier, p dossier.Date) *Context {
	c := &Context{Dossier: d, Peildatum: p, Cal: NewCalendar(d), docs: map[dossier.Soort][]dossier.Document{}}
	for _, doc := range d.Documenten {
		if doc.Datum.IsZero() || doc.Datum.After(p) {
			continue
		}
		c.docs[doc.Soort] = append(c.docs[doc.Soort], doc)
	}
	for _, ds := range c.docs {
		sortByDate(ds)
	}
	return c
}

// Documents returns the documents of soort s dated on or before the
// peildatum, oldest first (in reading order among equal dates).
func (c *Context) Documents(s dossier.Soort) []dossier.Document { return c.docs[s] }

// Earliest returns the oldest document of soort s that counts.
func (c *Context) Earliest(s dossier.Soort) (dossier.Document, bool) {
	ds := c.docs[s]
	if len(ds) == 0 {
		return dossier.Document{}, false
	}
	return ds[0], true
}

// Latest returns the newest document of soort s that counts (the last one
// read among equal dates).
func (c *Context) Latest(s dossier.Soort) (dossier.Document, bool) {
	ds := c.docs[s]
	if len(ds) == 0 {
		return dossier.Document{}, false
	}
	return ds[len(ds)-1], true
}

// Hersteld returns H, the date of full recovery; zero while still sick.
func (c *Context) Hersteld() dossier.Date { return c.Dossier.DatumHersteld }

// ended reports whether the dossier has ended by the peildatum: the
// employee recovered on or before it, or the waiting time is over. An
// ended dossier asks for no more steps.
func (c *Context) ended() bool {
	h := c.Hersteld()
	return !h.IsZero() && !h.After(c.Peildatum) || c.Peildatum.After(c.Cal.EindeWachttijd())
}

// document decides the general rule about one document of soort s: the
// earliest one that counts is judged against deadline.
func (c *Context) document(s dossier.Soort, deadline dossier.Date) Finding {
	if doc, ok := c.Earliest(s); ok {
		return c.present(s.String(), doc.Datum, deadline)
	}
	return c.absent(lowerFirst(s.String()), deadline)
}

// present judges a document of kind what dated datum against deadline:
// tijdig on or before it, te-laat after it, whatever H is.
func (c *Context) present(what string, datum, deadline dossier.Date) Finding {
	return c.judge(fmt.Sprintf("%s van %s (week %d)", what, datum.Lang(), c.Cal.Week(datum)), datum, deadline)
}

// judge is present for any subject: a Dutch noun phrase that names the
// thing with its date, e.g. "De start van spoor 2 op 20-01-2026 (week 55)".
func (c *Context) judge(subject string, datum, deadline dossier.Date) Finding {
	f := Finding{Datum: datum, UitersteDatum: deadline}
	switch {
	case deadline.IsZero():
		f.Status = Tijdig
		f.Toelichting = fmt.Sprintf("%s is aanwezig.", subject)
	case datum.After(deadline):
		f.Status = TeLaat
		f.Toelichting = fmt.Sprintf("%s ligt %s na de uiterste datum %s (week %d).",
			subject, days(datum.DaysSince(deadline)), deadline.Lang(), c.Cal.Week(deadline))
	default:
		f.Status = Tijdig
		f.Toelichting = fmt.Sprintf("%s ligt op of voor de uiterste datum %s.", subject, deadline.Lang())
	}
	return f
}

// absent judges a missing thing: niet-van-toepassing when H is before the
// deadline, nog-niet-nodig when the deadline is on or after the peildatum,
// else ontbreekt. what is the lower-case noun ("probleemanalyse").
func (c *Context) absent(what string, deadline dossier.Date) Finding {
	f := Finding{UitersteDatum: deadline}
	f.Status = c.absentStatus(deadline)
	switch f.Status {
	case NietVanToepassing:
		f.Toelichting = fmt.Sprintf("Hersteld op %s, voor de uiterste datum %s (week %d); geen %s nodig.",
			c.Hersteld().Lang(), deadline.Lang(), c.Cal.Week(deadline), what)
	case NogNietNodig:
		if deadline.IsZero() {
			f.Toelichting = fmt.Sprintf("Nog geen %s; er is geen uiterste datum.", what)
		} else {
			f.Toelichting = fmt.Sprintf("Nog geen %s; de uiterste datum is %s (week %d).", what, deadline.Lang(), c.Cal.Week(deadline))
		}
	default:
		f.Toelichting = fmt.Sprintf("Geen %s; de uiterste datum %s (week %d) is verstreken.", what, deadline.Lang(), c.Cal.Week(deadline))
	}
	return f
}

// absentStatus is the status of something absent with deadline:
// niet-van-toepassing when H is before the deadline, nog-niet-nodig when
// the deadline is on or after the peildatum (or there is none), else
// ontbreekt.
func (c *Context) absentStatus(deadline dossier.Date) Status {
	h := c.Hersteld()
	switch {
	case deadline.IsZero():
		return NogNietNodig
	case !h.IsZero() && h.Before(deadline):
		return NietVanToepassing
	case !deadline.Before(c.Peildatum):
		return NogNietNodig
	}
	return Ontbreekt
}

// days writes a number of days in Dutch: "1 dag", "3 dagen".
func days(n int) string { return dossier.Plural(n, "dag", "dagen") }

// lowerFirst lower-cases the first letter of a document kind for use inside
// a sentence, but leaves abbreviations ("WIA-aanvraag") alone.
func lowerFirst(s string) string {
	if len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// quote shortens free text to at most n runes for a toelichting.
func quote(s string, n int) string {
	s = dossier.NormalizeSpace(s)
	r := []rune(s)
	if len(r) <= n {
		return "\u201c" + s + "\u201d"
	}
	return "\u201c" + strings.TrimSpace(string(r[:n])) + "\u2026\u201d"
}
