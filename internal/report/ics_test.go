package report

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

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

func TestICS(t *testing.T) {
	d := &dossier.Dossier{Nummer: "D-001", NaamWerknemer: "Geheime Naam", EersteZiektedag: dossier.NewDate(2026, 1, 5)}
	d.SetPeriods(nil)
	p := dossier.NewDate(2026, 1, 20)
	r := rules.Check(d, p)
	events := rules.Next(r)
	if len(events) == 0 {
		t.Fatal("no upcoming deadlines to write")
	}
	var a, b bytes.Buffer
	if err := ICS(&a, r, events); err != nil {
		t.Fatal(err)
	}
	if err := ICS(&b, r, events); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs give different bytes")
	}
	out := a.String()
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("a line ends in a bare LF instead of CRLF")
	}
	if strings.Contains(out, "Geheime Naam") {
		t.Error("the calendar holds the employee's name")
	}
	cal := unfoldAll(out)
	for _, want := range []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//poortwachter//poortwachter//NL", "CALSCALE:GREGORIAN",
		"UID:probleemanalyse-D-001-20260215@poortwachter",
		"DTSTART;VALUE=DATE:20260215", "DTEND;VALUE=DATE:20260216",
		"SUMMARY:Probleemanalyse laten opstellen — dossier D-001",
		"SUMMARY:WIA-aanvraag indienen — dossier D-001",
		"END:VCALENDAR",
	} {
		if !containsLine(cal, want) {
			t.Errorf("calendar lacks line %q", want)
		}
	}
	// Every VEVENT has the properties RFC 5545 §3.6.1 requires (UID,
	// DTSTAMP) and the ones an all-day event needs.
	n := 0
	var ev []string
	for _, l := range cal {
		switch {
		case l == "BEGIN:VEVENT":
			ev = nil
		case l == "END:VEVENT":
			n++
			for _, prop := range []string{"UID:", "DTSTAMP:20260120T000000Z", "DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:", "SUMMARY:", "DESCRIPTION:"} {
				if !hasPrefix(ev, prop) {
					t.Errorf("event %d lacks %s", n, prop)
				}
			}
		default:
			ev = append(ev, l)
		}
	}
	if n != len(events) {
		t.Errorf("%d VEVENTs, want %d", n, len(events))
	}
}

func unfoldAll(s string) []string {
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(s, "\r\n ", ""), "\r\n"), "\r\n")
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func hasPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

func bufioWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }
