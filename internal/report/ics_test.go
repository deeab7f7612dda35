package report

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

func TestICSText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"gewoon", "gewoon"},
		{"a,b;c", `a\,b\;c`},
		{`pad\naar`, `pad\\naar`},
		{"regel 1\nregel 2", `regel 1\nregel 2`},
		{"crlf\r\nen cr\r", `crlf\nen cr\n`},
	}
	for _, tt := range tests {
		if got := icsText(tt.in); got != tt.want {
			t.Errorf("icsText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestICSFold(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"short", "SUMMARY:kort"},
		{"exactly 75", "X:" + strings.Repeat("a", 73)},
		{"76", "X:" + strings.Repeat("a", 74)},
		{"long ascii", "DESCRIPTION:" + strings.Repeat("abcdefghij", 30)},
		// Multi-byte runes straddling every possible fold position.
		{"euro signs", "DESCRIPTION:" + strings.Repeat("€", 80)},
		{"mixed", "SUMMARY:Uiterste datum — ëën " + strings.Repeat("é—a", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := bufioWriter(&buf)
			writeICSLine(w, tt.in)
			w.Flush()
			out := buf.String()
			if !strings.HasSuffix(out, "\r\n") {
				t.Fatalf("line does not end in CRLF: %q", out)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
			for i, l := range lines {
				if len(l) > icsLineOctets {
					t.Errorf("line %d has %d octets (max %d): %q", i, len(l), icsLineOctets, l)
				}
				if !utf8.ValidString(l) {
					t.Errorf("line %d splits a UTF-8 sequence: %q", i, l)
				}
				if i > 0 && !strings.HasPrefix(l, " ") {
					t.Errorf("continuation line %d does not start with a space: %q", i, l)
				}
				if strings.Contains(l, "\n") || strings.Contains(l, "\r") {
					t.Errorf("bare line break in line %d: %q", i, l)
				}
			}
			if got := unfold(out); got != tt.in {
				t.Errorf("unfolded line = %q, want %q", got, tt.in)
			}
		})
	}
}

// unfold undoes RFC 5545 folding of one content line.
func unfold(s string) string {
	return strings.TrimSuffix(strings.ReplaceAll(s, "\r\n ", ""), "\r\n")
}

// parseICS reads data with a real iCalendar parser (emersion/go-ical) and
// encodes the result again, which checks what RFC 5545 requires of each
// component: exactly one UID and DTSTAMP per event, one of DTEND and
// DURATION, only VALARM inside a VEVENT.
func parseICS(t *testing.T, data []byte) *ical.Calendar {
	t.Helper()
	if strings.Contains(strings.ReplaceAll(string(data), "\r\n", ""), "\n") {
		t.Fatal("a line ends in a bare LF instead of CRLF")
	}
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("the calendar does not parse: %v", err)
	}
	if err := ical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
		t.Fatalf("the calendar breaks RFC 5545: %v", err)
	}
	return cal
}

// text returns the unescaped TEXT value of property name of c.
func text(t *testing.T, c *ical.Component, name string) string {
	t.Helper()
	v, err := c.Props.Text(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// formula matches notation of the rule catalogue that a reader of a
// calendar should not meet: S(k), min(…), sums of days.
var formula = regexp.MustCompile(`S\(\d|min\(|max\(|\+ \d+ dagen|\bB \+|\bX \+`)

func TestICS(t *testing.T) {
	d := &dossier.Dossier{Nummer: "D-001", NaamWerknemer: "Geheime Naam", EersteZiektedag: dossier.NewDate(2026, 1, 5)}
	d.SetPeriods(nil)
	p := dossier.NewDate(2026, 2, 20) // the probleemanalyse (due 15-02) is overdue
	steps := rules.Steps(rules.Check(d, p), dossier.Date{})
	if len(steps) < 2 || !steps[0].Achterstallig || steps[len(steps)-1].Achterstallig {
		t.Fatalf("want an overdue step and open ones, got %+v", steps)
	}
	var a, b bytes.Buffer
	opt := ICSOptions{Naam: "Poortwachter dossier D-001", Herinnering: 3}
	if err := ICS(&a, p, steps, opt); err != nil {
		t.Fatal(err)
	}
	if err := ICS(&b, p, steps, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs give different bytes")
	}
	if strings.Contains(a.String(), "Geheime Naam") {
		t.Error("the calendar holds the employee's name")
	}
	cal := parseICS(t, a.Bytes())
	for prop, want := range map[string]string{"VERSION": "2.0", "PRODID": "-//poortwachter//poortwachter//NL", "X-WR-CALNAME": opt.Naam} {
		if got := text(t, cal.Component, prop); got != want {
			t.Errorf("%s = %q, want %q", prop, got, want)
		}
	}
	events := cal.Events()
	if len(events) != len(steps) {
		t.Fatalf("%d events, want one per step (%d)", len(events), len(steps))
	}
	seen := map[string]bool{}
	for i, e := range events {
		s := steps[i]
		uid := text(t, e.Component, ical.PropUID)
		if want := s.Sleutel + ".D-001@poortwachter"; uid != want {
			t.Errorf("UID %q, want %q", uid, want)
		}
		if seen[uid] {
			t.Errorf("UID %q appears twice", uid)
		}
		seen[uid] = true
		if seq, err := e.Props.Get(ical.PropSequence).Int(); err != nil || seq != p.DaysSince(dossier.NewDate(1970, 1, 1)) {
			t.Errorf("%s: SEQUENCE %d (%v), want the peildatum's day number", uid, seq, err)
		}
		if stamp, err := e.Props.DateTime(ical.PropDateTimeStamp, time.UTC); err != nil || !stamp.Equal(p.Time()) {
			t.Errorf("%s: DTSTAMP %v (%v), want the peildatum", uid, stamp, err)
		}
		start, err := e.DateTimeStart(time.UTC)
		if err != nil || e.Props.Get(ical.PropDateTimeStart).ValueType() != ical.ValueDate || !start.Equal(s.Datum.Time()) {
			t.Errorf("%s: DTSTART %v (%v), want the date %s", uid, start, err, s.Datum)
		}
		if end, err := e.DateTimeEnd(time.UTC); err != nil || !end.Equal(s.Datum.AddDays(1).Time()) {
			t.Errorf("%s: DTEND %v (%v), want the next day", uid, end, err)
		}
		if got, want := text(t, e.Component, ical.PropSummary), s.Stap+" — dossier D-001"; got != want {
			t.Errorf("%s: SUMMARY %q, want %q", uid, got, want)
		}
		desc := text(t, e.Component, ical.PropDescription)
		if !strings.Contains(desc, s.Datum.Lang()) || !strings.Contains(desc, "Regel "+s.Regel) {
			t.Errorf("%s: DESCRIPTION %q lacks the date or the rule", uid, desc)
		}
		if f := formula.FindString(desc); f != "" {
			t.Errorf("%s: DESCRIPTION holds the formula %q: %s", uid, f, desc)
		}
		var alarms []*ical.Component
		for _, c := range e.Children {
			if c.Name == ical.CompAlarm {
				alarms = append(alarms, c)
			}
		}
		switch {
		case s.Achterstallig && len(alarms) != 0:
			t.Errorf("%s: an overdue step has a reminder", uid)
		case !s.Achterstallig && len(alarms) != 1:
			t.Errorf("%s: %d reminders, want 1", uid, len(alarms))
		case !s.Achterstallig:
			al := alarms[0]
			if text(t, al, ical.PropAction) != "DISPLAY" || text(t, al, ical.PropDescription) == "" {
				t.Errorf("%s: reminder without ACTION:DISPLAY and a DESCRIPTION", uid)
			}
			trigger, err := al.Props.Get(ical.PropTrigger).Duration()
			if err != nil {
				t.Fatalf("%s: TRIGGER: %v", uid, err)
			}
			checkReminder(t, s.Datum, start.Add(trigger), 3)
		}
	}
}

// checkReminder checks that a reminder at at, for an all-day event on day,
// goes off at 09:00 on a working day with n working days from it up to
// day.
func checkReminder(t *testing.T, day dossier.Date, at time.Time, n int) {
	t.Helper()
	if at.Hour() != 9 || at.Minute() != 0 {
		t.Errorf("reminder for %s at %s, want 09:00", day, at)
	}
	if wd := at.Weekday(); n > 0 && (wd == time.Saturday || wd == time.Sunday) {
		t.Errorf("reminder for %s on a %s", day, wd)
	}
	workdays := 0
	for d := dossier.DateOf(at); d.Before(day); d = d.AddDays(1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			workdays++
		}
	}
	if workdays != n {
		t.Errorf("reminder for %s on %s: %d working days ahead, want %d", day, at.Format("2006-01-02"), workdays, n)
	}
}

func TestReminderTrigger(t *testing.T) {
	tests := []struct {
		day  string
		n    int
		want string
	}{
		{"2026-09-18", 3, "-P2DT15H"},   // Friday: Tuesday
		{"2026-09-21", 3, "-P4DT15H"},   // Monday: the Wednesday before
		{"2026-09-20", 3, "-P3DT15H"},   // Sunday: Wednesday
		{"2026-09-22", 1, "-PT15H"},     // Tuesday: Monday
		{"2026-09-18", 1, "-PT15H"},     // Friday: Thursday
		{"2026-09-18", 0, "PT9H"},       // on the day itself
		{"2026-09-21", 10, "-P13DT15H"}, // two weeks back
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s-%d", tt.day, tt.n), func(t *testing.T) {
			day, err := dossier.ParseDate(tt.day)
			if err != nil {
				t.Fatal(err)
			}
			got := reminderTrigger(day, tt.n)
			if got != tt.want {
				t.Errorf("reminderTrigger = %s, want %s", got, tt.want)
			}
			prop := ical.NewProp(ical.PropTrigger)
			prop.Value = got
			dur, err := prop.Duration()
			if err != nil {
				t.Fatal(err)
			}
			checkReminder(t, day, day.Time().Add(dur), tt.n)
		})
	}
}

// store is a calendar program's store of events by UID, importing as RFC
// 5546 §2.1.5 says: an event with a known UID replaces the stored one when
// its SEQUENCE is higher, or equal with a later DTSTAMP; otherwise it is
// ignored.
type store map[string]*ical.Event

func (st store) importICS(t *testing.T, data []byte) {
	t.Helper()
	for _, e := range parseICS(t, data).Events() {
		uid := text(t, e.Component, ical.PropUID)
		old, ok := st[uid]
		if !ok || newer(t, e, *old) {
			e := e
			st[uid] = &e
		}
	}
}

func newer(t *testing.T, a, b ical.Event) bool {
	t.Helper()
	seq := func(e ical.Event) int {
		n, err := e.Props.Get(ical.PropSequence).Int()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	stamp := func(e ical.Event) time.Time {
		s, err := e.Props.DateTime(ical.PropDateTimeStamp, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if seq(a) != seq(b) {
		return seq(a) > seq(b)
	}
	return stamp(a).After(stamp(b))
}

// TestICSReimport: the agenda of the example at a later peildatum,
// imported over the earlier one, moves the events whose deadline moved
// instead of adding new ones; importing the older calendar again changes
// nothing.
func TestICSReimport(t *testing.T) {
	results := func(p dossier.Date) []rules.Result {
		rs, _ := checkVoorbeeldAt(t, p)
		return rs
	}
	p1, p2 := dossier.NewDate(2026, 9, 10), dossier.NewDate(2026, 11, 2)
	s1, s2 := rules.Agenda(results(p1), dossier.Date{}), rules.Agenda(results(p2), dossier.Date{})
	write := func(p dossier.Date, ss []rules.Step) []byte {
		var b bytes.Buffer
		if err := ICS(&b, p, ss, ICSOptions{Naam: "Poortwachter agenda", Herinnering: DefaultHerinnering}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	ics1, ics2 := write(p1, s1), write(p2, s2)

	// The same step of the same dossier has the same UID at both
	// peildatums, whatever its date; find the ones that moved.
	key := func(s rules.Step) string { return s.Dossier.Nummer + " " + s.Sleutel }
	date1 := map[string]dossier.Date{}
	for _, s := range s1 {
		date1[key(s)] = s.Datum
	}
	moved := 0
	for _, s := range s2 {
		if d, ok := date1[key(s)]; ok && d != s.Datum {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no step moved between the two peildatums; the test proves nothing")
	}

	st := store{}
	st.importICS(t, ics1)
	st.importICS(t, ics2)
	keys := map[string]bool{}
	for _, s := range append(append([]rules.Step{}, s1...), s2...) {
		keys[key(s)] = true
	}
	if len(st) != len(keys) {
		t.Errorf("after two imports the calendar holds %d events, want %d (one per step of a dossier)", len(st), len(keys))
	}
	check := func() {
		for _, s := range s2 {
			e, ok := st[icsUID(s)]
			if !ok {
				t.Fatalf("%s missing after the second import", key(s))
			}
			start, err := e.DateTimeStart(time.UTC)
			if err != nil || !start.Equal(s.Datum.Time()) {
				t.Errorf("%s: on %v after the second import, want %s", key(s), start, s.Datum)
			}
			if got := text(t, e.Component, ical.PropSummary); !strings.HasPrefix(got, s.Stap+" — ") {
				t.Errorf("%s: summary %q after the second import, want %q", key(s), got, s.Stap)
			}
		}
	}
	check()
	st.importICS(t, ics1) // an older calendar does not win
	check()
	for uid := range st {
		if regexp.MustCompile(`20\d\d`).MatchString(uid) {
			t.Errorf("UID %q holds a date", uid)
		}
	}
}

func bufioWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }
