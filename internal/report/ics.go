package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// icsLineOctets is the longest content line RFC 5545 §3.1 allows, in
// octets, not counting the CRLF.
const icsLineOctets = 75

// DefaultHerinnering is how many working days before a step its reminder
// goes off unless the user says otherwise.
const DefaultHerinnering = 3

// herinneringUur is the hour of the day a reminder goes off.
const herinneringUur = 9

// ICSOptions tunes ICS.
type ICSOptions struct {
	// Naam is the calendar's name, shown by calendar programs.
	Naam string
	// Herinnering is how many working days (Monday to Friday) before a
	// step its reminder goes off, at 09:00; 0 is on the day itself. An
	// overdue step gets no reminder: importing the calendar would set them
	// all off at once.
	Herinnering int
}

// ICS writes steps (rules.Steps or rules.Agenda at peildatum) as an RFC
// 5545 iCalendar: one all-day VEVENT per step, with a reminder.
//
// Importing a newer calendar replaces the events of an older one instead
// of adding to them: the UID of an event derives from its dossier and the
// step's Sleutel (the rule, plus a suffix where a rule has more than one
// step), never from its date, so a deadline that moves keeps its UID; and
// SEQUENCE and DTSTAMP grow with the peildatum (SEQUENCE counts its days
// since 1970-01-01), so the calendar of a later peildatum wins. The bytes
// depend only on the arguments. Events carry the dossiernummer, never the
// employee's name: calendars are shared more widely than dossiers.
func ICS(w io.Writer, peildatum dossier.Date, steps []rules.Step, opt ICSOptions) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { writeICSLine(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//poortwachter//poortwachter//NL")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	if opt.Naam != "" {
		line("X-WR-CALNAME:" + icsText(opt.Naam))
	}
	stamp := icsDate(peildatum) + "T000000Z"
	sequence := strconv.Itoa(peildatum.DaysSince(dossier.NewDate(1970, 1, 1)))
	for _, s := range steps {
		if s.Datum.IsZero() {
			continue
		}
		nr := s.Dossier.Nummer
		summary := s.Stap + " — dossier " + nr
		line("BEGIN:VEVENT")
		line("UID:" + icsText(icsUID(s)))
		line("SEQUENCE:" + sequence)
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + icsDate(s.Datum))
		line("DTEND;VALUE=DATE:" + icsDate(s.Datum.AddDays(1)))
		line("SUMMARY:" + icsText(summary))
		line("DESCRIPTION:" + icsText(stepDescription(s)))
		line("TRANSP:TRANSPARENT")
		if !s.Achterstallig {
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line("DESCRIPTION:" + icsText(summary+", uiterlijk "+s.Datum.NL()))
			line("TRIGGER:" + reminderTrigger(s.Datum, opt.Herinnering))
			line("END:VALARM")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// icsUID returns the UID of the event of step s: its Sleutel and its
// dossier, so that it stays the same when the step's date moves.
func icsUID(s rules.Step) string {
	return s.Sleutel + "." + s.Dossier.Nummer + "@poortwachter"
}

// icsDate writes d as an iCalendar DATE, jjjjmmdd.
func icsDate(d dossier.Date) string { return d.Time().Format("20060102") }

// reminderTrigger returns the TRIGGER of a reminder n working days before
// an all-day event on day, at 09:00 local time: a duration relative to the
// event's start, which is midnight at the start of day.
func reminderTrigger(day dossier.Date, n int) string {
	k := day.DaysSince(workdaysBefore(day, n))
	if k == 0 {
		return fmt.Sprintf("PT%dH", herinneringUur)
	}
	// k days back, then forward to 09:00: k-1 days and 15 hours back.
	if k == 1 {
		return fmt.Sprintf("-PT%dH", 24-herinneringUur)
	}
	return fmt.Sprintf("-P%dDT%dH", k-1, 24-herinneringUur)
}

// workdaysBefore returns the day n working days (Monday to Friday) before
// day; day itself for n = 0. Public holidays count as working days.
func workdaysBefore(day dossier.Date, n int) dossier.Date {
	for n > 0 {
		day = day.AddDays(-1)
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return day
}

// stepDescription says in plain words by when (the summary says what),
// why, and which rule asks for it.
func stepDescription(s rules.Step) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Uiterste datum %s (ziekteweek %d)", s.Datum.Lang(), s.Week)
	if s.Achterstallig {
		b.WriteString(", verstreken")
	}
	b.WriteString(".")
	if s.Toelichting != "" {
		b.WriteString("\n" + s.Toelichting)
	}
	if r, ok := rules.Lookup(s.Regel); ok {
		fmt.Fprintf(&b, "\nRegel %s: %s (%s).", r.ID, r.Titel, r.Ernst)
	}
	return b.String()
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon,
// comma and newline.
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// writeICSLine writes one content line with CRLF, folded (RFC 5545 §3.1)
// so no line exceeds 75 octets; a fold never splits a UTF-8 sequence. A
// continuation line starts with a space, which counts towards its 75.
func writeICSLine(w *bufio.Writer, s string) {
	limit := icsLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = icsLineOctets - 1
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
