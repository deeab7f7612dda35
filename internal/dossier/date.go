package dossier

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without a time of day or zone. The zero Date means
// "no date" (an empty cell). It is a day number, four bytes: a workbook of
// 100,000 dossiers holds millions of dates, and the rules compare them in
// every finding.
type Date struct {
	n int32 // days since 01-01-0001, plus one; 0 is no date
}

// unixDay1 is the day number of 01-01-1970.
const unixDay1 = 719163

// NewDate returns the date y-m-d. Out-of-range days normalise like time.Date;
// use ParseDate for validated input.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return Date{int32(floorDiv(u, 86400) + unixDay1)}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// IsZero reports whether d is the absent date.
func (d Date) IsZero() bool { return d.n == 0 }

// Time returns d as UTC midnight; the zero time for the absent date.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Unix(int64(d.n-unixDay1)*86400, 0).UTC()
}

// Year returns the year of d.
func (d Date) Year() int { return d.Time().Year() }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.Time().Month() }

// Day returns the day of the month of d.
func (d Date) Day() int { return d.Time().Day() }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays returns d plus n calendar days.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return Date{d.n + int32(n)}
}

// DaysSince returns the number of calendar days from o to d (d - o).
func (d Date) DaysSince(o Date) int { return int(d.n - o.n) }

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.n < o.n }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.n > o.n }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.n < o.n:
		return -1
	case d.n > o.n:
		return 1
	}
	return 0
}

// String formats d as jjjj-mm-dd, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// NL formats d as dd-mm-jjjj, the form Dutch users type and read.
func (d Date) NL() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("02-01-2006")
}

var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// Lang formats d the way Dutch prose writes it, "3 maart 2026"; the zero
// date gives "".
func (d Date) Lang() string {
	if d.IsZero() {
		return ""
	}
	return strconv.Itoa(d.Day()) + " " + maanden[d.Month()-1] + " " + strconv.Itoa(d.Year())
}

// MinDate returns the earliest non-zero date of ds, or the zero date.
func MinDate(ds ...Date) Date {
	var m Date
	for _, d := range ds {
		if !d.IsZero() && (m.IsZero() || d.Before(m)) {
			m = d
		}
	}
	return m
}

var (
	reDMY = regexp.MustCompile(`^(\d{1,2})([-/])(\d{1,2})([-/])(\d{4})$`)
	reISO = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
)

// DateFormats names the accepted text forms of a date, for messages.
const DateFormats = "dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, d/m/jjjj of jjjj-mm-dd"

// ParseDate reads a date written as text in one of the accepted forms:
// dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj (also d/m/jjjj) and jjjj-mm-dd. It never
// guesses: anything else, or a day that does not exist, is an error whose
// message is Dutch and fit to show a user.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	if g := reISO.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else if g := reDMY.FindStringSubmatch(s); g != nil && g[2] == g[4] {
		d, m, y = atoi(g[1]), atoi(g[3]), atoi(g[5])
	} else {
		return Date{}, fmt.Errorf("verwacht een datum (%s), gevonden %q", DateFormats, s)
	}
	if !ValidDay(y, m, d) {
		return Date{}, fmt.Errorf("%q is geen bestaande datum", s)
	}
	return NewDate(y, time.Month(m), d), nil
}

// ValidDay reports whether y-m-d is a real calendar day in years 1900-9999.
func ValidDay(y, m, d int) bool {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, time.Month(m))
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s) // callers pass regexp-checked digits
	return n
}
