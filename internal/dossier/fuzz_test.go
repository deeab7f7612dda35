package dossier

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseDate: ParseDate never panics; a date it accepts is a real day
// from 1900 to 9999 that reads back the same from both ways of writing it;
// anything else gets one of its two Dutch messages, quoting the input.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"05-01-2026", "5/1/2026", "2026-01-05", " 29-02-2028 ", "29-02-1900",
		"31-12-9999", "01-01-1900", "2026-13-01", "1-1-26", "05-01/2026", "", "٠٥-٠١-٢٠٢٦", "99999-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "verwacht een datum ("+DateFormats+"), gevonden ") && !strings.HasSuffix(msg, " is geen bestaande datum") {
				t.Fatalf("ParseDate(%q): message %q", s, msg)
			}
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with an error", s, d)
			}
			return
		}
		if d.IsZero() || d.Year() < 1900 || d.Year() > 9999 || !ValidDay(d.Year(), int(d.Month()), d.Day()) {
			t.Fatalf("ParseDate(%q) = %v, not a day of 1900-9999", s, d)
		}
		for _, again := range []string{d.String(), d.NL()} {
			if e, err := ParseDate(again); err != nil || e != d {
				t.Fatalf("ParseDate(%q) = %v, but %q reads as %v, %v", s, d, again, e, err)
			}
		}
	})
}

// FuzzNormalizeBSN: NormalizeBSN never panics; what it accepts is nine
// digits that pass the 11-proef, normalised once and for all; what it
// refuses gets a Dutch message.
func FuzzNormalizeBSN(f *testing.F) {
	for _, s := range []string{"123456782", "12345678", "1234.56.782", " 123 456 782 ", "000000000",
		"123456789", "12345678x", "", "１２３４５６７８２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := NormalizeBSN(s)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "verwacht een BSN van 9 cijfers") && !strings.HasPrefix(msg, "BSN ") {
				t.Fatalf("NormalizeBSN(%q): message %q", s, msg)
			}
			return
		}
		if len(v) != 9 || strings.Trim(v, "0123456789") != "" || v == "000000000" {
			t.Fatalf("NormalizeBSN(%q) = %q", s, v)
		}
		sum := 0
		for i := 0; i < 8; i++ {
			sum += (9 - i) * int(v[i]-'0')
		}
		if (sum-int(v[8]-'0'))%11 != 0 {
			t.Fatalf("NormalizeBSN(%q) = %q fails the 11-proef", s, v)
		}
		if again, err := NormalizeBSN(v); err != nil || again != v {
			t.Fatalf("NormalizeBSN(%q) = %q, %v; not idempotent", v, again, err)
		}
	})
}

// FuzzNormalizeLoonheffingennummer: the same for the loonheffingennummer.
func FuzzNormalizeLoonheffingennummer(f *testing.F) {
	for _, s := range []string{"123456789L01", "123456789l01", " 123456789 L01", "123456789L1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := NormalizeLoonheffingennummer(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "verwacht een loonheffingennummer als 123456789L01") {
				t.Fatalf("NormalizeLoonheffingennummer(%q): message %q", s, err)
			}
			return
		}
		if !reLoonheffingennummer.MatchString(v) || !utf8.ValidString(v) {
			t.Fatalf("NormalizeLoonheffingennummer(%q) = %q", s, v)
		}
		if again, err := NormalizeLoonheffingennummer(v); err != nil || again != v {
			t.Fatalf("not idempotent: %q -> %q, %v", v, again, err)
		}
	})
}
