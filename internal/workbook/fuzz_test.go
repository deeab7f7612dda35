package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/workbook/workbooktest"
)

// reEnglish finds the words of the standard library's and excelize's
// English error messages; reQuoted finds the quoted input in a message,
// which may hold any word.
var (
	reEnglish = regexp.MustCompile(`(?i)\b(zip|xml|flate):|\b(invalid|unexpected|error|cannot|failed|eof|not a|no such|permission|syntax|panic|runtime)\b`)
	reQuoted  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// checkRead checks what Read made of fuzzed input: no panic (Read turns a
// panic into an error naming an internal fault), an error only as one
// Dutch sentence about "de invoer", otherwise dossiers with a nummer and
// problems with a place and a text.
func checkRead(t *testing.T, res *Result, err error) {
	t.Helper()
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "interne fout") {
			t.Fatalf("the reader panicked: %v (%v)", msg, errorsUnwrap(err))
		}
		if !strings.HasPrefix(msg, "de invoer ") {
			t.Fatalf("error does not name the input: %q", msg)
		}
		if w := reEnglish.FindString(reQuoted.ReplaceAllString(msg, `""`)); w != "" {
			t.Fatalf("error is not Dutch (%q): %q", w, msg)
		}
		return
	}
	for _, d := range res.Dossiers {
		if d == nil || d.Nummer == "" {
			t.Fatalf("a dossier without a nummer: %+v", d)
		}
	}
	for _, p := range res.Problems {
		if p.Tekst == "" || (p.Ernst != dossier.Fout && p.Ernst != dossier.Waarschuwing) {
			t.Fatalf("problem without text or weight: %+v", p)
		}
	}
}

func errorsUnwrap(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

// caseWorkbooks builds the workbooks of testdata/cases, small and each
// with something wrong.
func caseWorkbooks(f *testing.F) [][]byte {
	specs, _ := filepath.Glob("testdata/cases/*.txt")
	var out [][]byte
	for _, p := range specs {
		spec, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		data, err := workbooktest.Build(string(spec))
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// FuzzRead reads whole files: the example workbooks as Excel, LibreOffice,
// openpyxl and an HR export wrote them, the test cases, and what the
// fuzzer makes of them (see checkRead).
func FuzzRead(f *testing.F) {
	fixtures, _ := filepath.Glob("../../fixtures/*.xlsx")
	for _, p := range fixtures {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, data := range caseWorkbooks(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Read(bytes.NewReader(data))
		checkRead(t, res, err)
	})
}

// zipPart is one part of an xlsx package.
type zipPart struct {
	name string
	data []byte
}

// unzipParts returns the parts of the package data, sorted by name (so a
// fuzz input's part number stays the part's when the file is written
// again in another order).
func unzipParts(t testing.TB, data []byte) []zipPart {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var parts []zipPart
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, zipPart{zf.Name, b})
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].name < parts[j].name })
	return parts
}

// zipParts packs parts into a zip, in their order.
func zipParts(t testing.TB, parts []zipPart) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzReadPart reads the example workbook with one of its parts (the
// workbook, the relationships, a worksheet, the shared strings, the
// styles, ...) replaced by what the fuzzer makes of it, in an otherwise
// valid package: the mutations reach the XML readers instead of stopping
// at the zip layer (see checkRead).
func FuzzReadPart(f *testing.F) {
	base, err := os.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	parts := unzipParts(f, base)
	for i, p := range parts {
		f.Add(uint8(i), p.data)
		f.Add(uint8(i), p.data[:len(p.data)/2])
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		mutated := append([]zipPart(nil), parts...)
		mutated[int(which)%len(parts)].data = data
		res, err := Read(bytes.NewReader(zipParts(t, mutated)))
		checkRead(t, res, err)
	})
}

// FuzzParseCell feeds one raw cell value to the cell parsers: they never
// panic, say what they expected in Dutch, and what they accept is in range
// (a date in 1900-9999, a finite number, 0-168 hours, spoor 1 or 2).
func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"46027", "46027.75", "2026-01-05T00:00:00Z", "05-01-2026", "2958465",
		"2958466", "60", "0", "-1", "1e308", "NaN", "Inf", "32,5", "1.234,5", "168", "168,01", "1", "2.0",
		"1.23456782E8", " 12 ", "0x1p-2", "1_000"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, date1904 bool) {
		if d, err := parseDateCell(raw, date1904); err != nil {
			if !strings.Contains(err.Error(), "verwacht een datum") && !strings.Contains(err.Error(), "geen bestaande datum") {
				t.Fatalf("parseDateCell(%q): message %q", raw, err)
			}
		} else if d.IsZero() || d.Year() < 1900 || d.Year() > 9999 {
			t.Fatalf("parseDateCell(%q, %v) = %v, outside 1900-9999", raw, date1904, d)
		}
		v, err := parseDecimal(raw)
		switch {
		case err != nil && !strings.HasPrefix(err.Error(), "verwacht een getal"):
			t.Fatalf("parseDecimal(%q): message %q", raw, err)
		case err == nil && (math.IsNaN(v) || math.IsInf(v, 0)):
			t.Fatalf("parseDecimal(%q) = %v", raw, v)
		}
		if n, ok := parseNumber(strings.TrimSpace(raw)); ok && (err != nil || n != v) {
			t.Fatalf("parseNumber(%q) = %v but parseDecimal = %v, %v", raw, n, v, err)
		}
		if u, err := parseUren(raw); err == nil && (u < 0 || u > 168) {
			t.Fatalf("parseUren(%q) = %v", raw, u)
		} else if err != nil && !strings.HasPrefix(err.Error(), "verwacht een") {
			t.Fatalf("parseUren(%q): message %q", raw, err)
		}
		if s, err := parseSpoor(raw); err == nil && s != 1 && s != 2 {
			t.Fatalf("parseSpoor(%q) = %d", raw, s)
		}
		parseText(raw)
	})
}
