package dossier

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr string // a fragment of the Dutch message; "" when valid
	}{
		{"05-01-2026", NewDate(2026, time.January, 5), ""},
		{"5-1-2026", NewDate(2026, time.January, 5), ""},
		{"05/01/2026", NewDate(2026, time.January, 5), ""},
		{"5/1/2026", NewDate(2026, time.January, 5), ""},
		{"2026-01-05", NewDate(2026, time.January, 5), ""},
		{"  2026-01-05 ", NewDate(2026, time.January, 5), ""},
		{"29-02-2028", NewDate(2028, time.February, 29), ""}, // leap year
		{"29-02-2000", NewDate(2000, time.February, 29), ""}, // divisible by 400
		{"31-12-9999", NewDate(9999, time.December, 31), ""},
		{"01-01-1900", NewDate(1900, time.January, 1), ""},

		{"29-02-2026", Date{}, "geen bestaande datum"},
		{"29-02-1900", Date{}, "geen bestaande datum"}, // 1900 is no leap year
		{"31-02-2026", Date{}, "geen bestaande datum"},
		{"31-04-2026", Date{}, "geen bestaande datum"},
		{"00-01-2026", Date{}, "geen bestaande datum"},
		{"2026-13-01", Date{}, "geen bestaande datum"},
		{"31-12-1899", Date{}, "geen bestaande datum"},
		{"2026/13/01", Date{}, "verwacht een datum"},
		{"2026/01/05", Date{}, "verwacht een datum"},
		{"1-1-26", Date{}, "verwacht een datum"},
		{"05-01/2026", Date{}, "verwacht een datum"}, // mixed separators
		{"05.01.2026", Date{}, "verwacht een datum"},
		{"5 januari 2026", Date{}, "verwacht een datum"},
		{"2026-1-5", Date{}, "verwacht een datum"},
		{"", Date{}, "verwacht een datum"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantErr == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseDate(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
		}
	}
}

func TestParseJaNee(t *testing.T) {
	tests := []struct {
		in      string
		want    bool
		wantErr bool
	}{
		{"Ja", true, false}, {"ja", true, false}, {"JA", true, false}, {"J", true, false},
		{"Yes", true, false}, {"TRUE", true, false}, {"true", true, false}, {"1", true, false},
		{"X", true, false}, {"x", true, false}, {" ja ", true, false},
		{"Nee", false, false}, {"N", false, false}, {"No", false, false}, {"FALSE", false, false},
		{"0", false, false}, {"", false, false}, {"  ", false, false},
		{"misschien", false, true}, {"2", false, true}, {"ja nee", false, true}, {"-", false, true},
	}
	for _, tt := range tests {
		got, err := ParseJaNee(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseJaNee(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "verwacht Ja of Nee") {
			t.Errorf("ParseJaNee(%q) error %q does not say what was expected", tt.in, err)
		}
	}
}

func TestNormalizeBSN(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  string
	}{
		{"123456782", "123456782", ""},
		{"111222333", "111222333", ""},
		{" 1234.56.782 ", "123456782", ""},
		{"123 456 782", "123456782", ""},
		{"012345672", "012345672", ""},
		{"12345672", "012345672", ""}, // leading zero dropped by a spreadsheet
		{"123456789", "", "11-proef"},
		{"000000000", "", "ongeldig"},
		{"00000000", "", "ongeldig"},
		{"1234567", "", "9 cijfers"},
		{"1234567890", "", "9 cijfers"},
		{"12345678a", "", "9 cijfers"},
		{"", "", "9 cijfers"},
	}
	for _, tt := range tests {
		got, err := NormalizeBSN(tt.in)
		if tt.wantErr == "" {
			if err != nil || got != tt.want {
				t.Errorf("NormalizeBSN(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("NormalizeBSN(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.wantErr)
		}
	}
}

func TestNormalizeLoonheffingennummer(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"123456789L01", "123456789L01", false},
		{"123456789l01", "123456789L01", false},
		{" 123456789 L01 ", "123456789L01", false},
		{"123456789L1", "", true},
		{"12345678L01", "", true},
		{"123456789B01", "", true},
		{"123456789", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := NormalizeLoonheffingennummer(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("NormalizeLoonheffingennummer(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseRedenEinde(t *testing.T) {
	tests := []struct {
		in     string
		want   RedenEinde
		ok     bool
		closes bool
	}{
		{"Plaatsing", Plaatsing, true, true},
		{"  hersteld ", RedenHersteld, true, true},
		{"geen  BENUTBARE mogelijkheden", GeenBenutbareMogelijkheden, true, true},
		{"Overbelasting", Overbelasting, true, false},
		{"anders", Anders, true, false},
		{"", RedenOnbekend, false, false},
		{"Overbelast", RedenOnbekend, false, false},
	}
	for _, tt := range tests {
		got, ok := ParseRedenEinde(tt.in)
		if got != tt.want || ok != tt.ok || got.Closes() != tt.closes {
			t.Errorf("ParseRedenEinde(%q) = %v (%q), %v, closes %v; want %v, %v, closes %v",
				tt.in, got, got, ok, got.Closes(), tt.want, tt.ok, tt.closes)
		}
	}
}

// TestDateDayNumbers holds the four-byte day number to time.Time for every
// day from 1899 to 2101: fields, arithmetic, order and formatting.
func TestDateDayNumbers(t *testing.T) {
	start := time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	prev := Date{}
	for i := 0; i < 202*366; i++ {
		tm := start.AddDate(0, 0, i)
		d := NewDate(tm.Year(), tm.Month(), tm.Day())
		if d.Year() != tm.Year() || d.Month() != tm.Month() || d.Day() != tm.Day() || d.Weekday() != tm.Weekday() || !d.Time().Equal(tm) {
			t.Fatalf("%s: day number gives %d-%d-%d %s", tm.Format("2006-01-02"), d.Year(), d.Month(), d.Day(), d.Weekday())
		}
		if d.String() != tm.Format("2006-01-02") || DateOf(tm.In(time.FixedZone("x", 5*3600))) != d {
			t.Fatalf("%s: String %s", tm.Format("2006-01-02"), d)
		}
		if !prev.IsZero() && (d.DaysSince(prev) != 1 || prev.AddDays(1) != d || !prev.Before(d) || !d.After(prev) || d.Compare(prev) != 1) {
			t.Fatalf("%s does not follow %s", d, prev)
		}
		prev = d
	}
	if z := (Date{}); !z.IsZero() || !z.AddDays(5).IsZero() || z.String() != "" || !z.Time().IsZero() {
		t.Errorf("the zero date is not absent")
	}
}
