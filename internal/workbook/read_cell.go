package workbook

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// The cell parsers below take a cell's raw value as excelize gives it with
// RawCellValue (numbers unformatted, shared strings resolved, booleans as
// 1/0, ISO 8601 text for cells of type d) and return a Dutch error
// saying what was expected and what was found.

// maxSerial is the Excel serial of 31-12-9999, the last day Excel knows,
// in the 1900 date system; in the 1904 system, whose serials count from
// 01-01-1904, it is 1462 less.
const (
	maxSerial     = 2958465
	maxSerial1904 = maxSerial - 1462
)

// serialDate converts an Excel date serial to a date in the workbook's date
// system. Only the whole days count; a time of day is dropped. In the 1900
// system serial 1 is 01-01-1900 and serial 60 is the non-existent
// 29-02-1900 that Excel keeps for Lotus 1-2-3 compatibility; from serial
// 61 (01-03-1900) on, day n is 30-12-1899 plus n days. In the 1904 system
// serial 0 is 01-01-1904.
func serialDate(serial float64, date1904 bool) (dossier.Date, error) {
	last := maxSerial
	if date1904 {
		last = maxSerial1904
	}
	if math.IsNaN(serial) || math.IsInf(serial, 0) || serial < 0 || serial >= float64(last+1) {
		return dossier.Date{}, fmt.Errorf("verwacht een datum, gevonden het getal %s (geen geldig datumserienummer)", fmtNumber(serial))
	}
	n := int(math.Floor(serial))
	if date1904 {
		return dossier.NewDate(1904, time.January, 1).AddDays(n), nil
	}
	switch {
	case n == 0:
		return dossier.Date{}, fmt.Errorf("verwacht een datum, gevonden het getal 0 (geen geldig datumserienummer)")
	case n == 60:
		return dossier.Date{}, fmt.Errorf("verwacht een datum, gevonden datumserienummer 60 (29-02-1900, een dag die niet bestaat)")
	case n < 60:
		return dossier.NewDate(1899, time.December, 31).AddDays(n), nil
	}
	return dossier.NewDate(1899, time.December, 30).AddDays(n), nil
}

// reCellDate matches the ISO 8601 text excelize gives for a cell of type d
// (a date cell as written by some libraries), e.g. 2026-01-05T00:00:00Z.
var reCellDate = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$`)

// parseDateCell reads a date column's raw value: a date serial (a real
// date cell, or a plain number as a formula like =DATE(2026;1;5) leaves
// it), an ISO date-time from a cell of type d, or text in one of
// dossier.DateFormats. Never a guess: anything else is an error.
func parseDateCell(raw string, date1904 bool) (dossier.Date, error) {
	s := strings.TrimSpace(raw)
	if v, ok := parseNumber(s); ok {
		return serialDate(v, date1904)
	}
	if g := reCellDate.FindStringSubmatch(s); g != nil {
		return dossier.ParseDate(g[1])
	}
	return dossier.ParseDate(s)
}

// parseNumber reads a plain decimal number with a point as excelize gives
// numeric cells (also 1.5E3). Text that only looks numeric after Dutch
// conventions is left to parseDecimal.
func parseNumber(s string) (float64, bool) {
	if s == "" || strings.ContainsAny(s, " ,_") || strings.HasPrefix(s, "+") {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// parseDecimal reads a number from a numeric cell or from text typed the
// Dutch way, with a decimal comma ("32,5").
func parseDecimal(raw string) (float64, error) {
	s := strings.TrimSpace(raw)
	if v, ok := parseNumber(s); ok {
		return v, nil
	}
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		if v, ok := parseNumber(strings.Replace(s, ",", ".", 1)); ok {
			return v, nil
		}
	}
	return 0, fmt.Errorf("verwacht een getal (bijvoorbeeld 32 of 24,5), gevonden %q", raw)
}

// parseUren reads Uren per week: a number of hours from 0 to 168.
func parseUren(raw string) (float64, error) {
	v, err := parseDecimal(raw)
	if err != nil {
		return 0, err
	}
	if v < 0 || v > 168 {
		return 0, fmt.Errorf("verwacht een aantal uren per week van 0 tot en met 168, gevonden %s", fmtNumber(v))
	}
	return v, nil
}

// parseSpoor reads a Spoor cell: 1 or 2 (also the numeric 1.0 or 2.0).
func parseSpoor(raw string) (int, error) {
	s := strings.TrimSpace(raw)
	if v, ok := parseNumber(s); ok && (v == 1 || v == 2) {
		return int(v), nil
	}
	return 0, fmt.Errorf("verwacht spoor 1 of 2, gevonden %q", raw)
}

// parseBSN reads a BSN from text or from a numeric cell: spreadsheets
// store a typed BSN as a number, which drops a leading zero (NormalizeBSN
// restores it) and which some writers store as 1.23456782E8.
func parseBSN(raw string) (string, error) {
	return dossier.NormalizeBSN(parseText(raw))
}

// parseText returns a text cell's value trimmed; a numeric cell in E
// notation (a dossiernummer typed as a long number) is written out in full.
func parseText(raw string) string {
	s := strings.TrimSpace(raw)
	if strings.ContainsAny(s, "eE") {
		if v, ok := parseNumber(s); ok && v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return strconv.FormatFloat(v, 'f', 0, 64)
		}
	}
	return s
}

// soortList, statusList and redenList name the allowed values in messages.
var (
	soortList  = joinNames(dossier.Soorten())
	statusList = joinNames(dossier.ActivityStatuses())
	redenList  = joinNames(dossier.RedenenEinde())
)

func parseSoortCell(raw string) (dossier.Soort, error) {
	if s, ok := dossier.ParseSoort(raw); ok {
		return s, nil
	}
	return 0, fmt.Errorf("verwacht een soort document uit de lijst (%s), gevonden %q", soortList, raw)
}

func parseStatusCell(raw string) (dossier.ActivityStatus, error) {
	if strings.TrimSpace(raw) == "" {
		return dossier.StatusOnbekend, nil
	}
	if s, ok := dossier.ParseActivityStatus(raw); ok {
		return s, nil
	}
	return 0, fmt.Errorf("verwacht een status uit de lijst (%s), gevonden %q", statusList, raw)
}

func parseRedenEindeCell(raw string) (dossier.RedenEinde, error) {
	if strings.TrimSpace(raw) == "" {
		return dossier.RedenOnbekend, nil
	}
	if r, ok := dossier.ParseRedenEinde(raw); ok {
		return r, nil
	}
	return 0, fmt.Errorf("verwacht een reden einde uit de lijst (%s), gevonden %q", redenList, raw)
}

func joinNames[T fmt.Stringer](vs []T) string { return strings.Join(names(vs), ", ") }

// names returns the String of every value.
func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// fmtNumber writes a number the Dutch way, with a decimal comma.
func fmtNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}
