package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/rules"
)

// icsLineOctets is the longest content line RFC 5545 §3.1 allows, in
// octets, not counting the CRLF.
const icsLineOctets = 75

// ICS writes events (typically rules.Next of result: the deadlines still to
// be met) as an RFC 5545 iCalendar: one all-day VEVENT per event. The output
// is reproducible: UIDs derive from rule, dossier and date, and DTSTAMP is
// the peildatum at midnight UTC. Events carry the dossiernummer, never the
// employee's name: calendars are shared more widely than dossiers.
func ICS(w io.Writer, result rules.Result, events []rules.Event) error {
	bw := bufio.NewWriter(w)
	nr := result.Dossier.Nummer
	line := func(s string) { writeICSLine(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//poortwachter//poortwachter//NL")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + icsText("Poortwachter dossier "+nr))
	stamp := result.Peildatum.Time().Format("20060102") + "T000000Z"
	for _, e := range events {
		if e.Datum.IsZero() {
			continue
		}
		id := e.Regel
		if id == "" {
			id = slug(e.Titel)
		}
		line("BEGIN:VEVENT")
		line("UID:" + icsText(fmt.Sprintf("%s-%s-%s@poortwachter", id, nr, e.Datum.Time().Format("20060102"))))
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + e.Datum.Time().Format("20060102"))
		line("DTEND;VALUE=DATE:" + e.Datum.AddDays(1).Time().Format("20060102"))
		line("SUMMARY:" + icsText(eventSummary(e)+" — dossier "+nr))
		line("DESCRIPTION:" + icsText(eventDescription(e)))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// eventSummary names the event for a calendar: the step to take ("Spoor 2
// hervatten"), or else "Uiterste datum probleemanalyse".
func eventSummary(e rules.Event) string {
	if e.Stap != "" {
		return e.Stap
	}
	t := e.Titel
	if rest, ok := strings.CutPrefix(t, "Uiterste datum: "); ok {
		t = "Uiterste datum " + lowerFirst(rest)
	}
	return t
}

// eventDescription says which rule the deadline belongs to, in which week
// it falls, and where the rule comes from.
func eventDescription(e rules.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, ziekteweek %d.", e.Datum.NL(), e.Week)
	if r, ok := rules.Lookup(e.Regel); ok {
		fmt.Fprintf(&b, "\nRegel %s (%s): %s\nTermijn: %s.\nBron: %s.", r.ID, r.Ernst, r.Wat, r.Termijn, r.Bron)
	}
	if e.Status != "" {
		fmt.Fprintf(&b, "\nStatus op de peildatum: %s.", e.Status)
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

// lowerFirst lower-cases the first letter of a title for use inside a
// sentence, but leaves abbreviations ("WIA-aanvraag") alone.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); r2 >= 'A' && r2 <= 'Z' {
		return s
	}
	return strings.ToLower(string(r)) + s[n:]
}

// slug makes s fit for a UID: lower case letters, digits and dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
