package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/golden"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/workbook/workbooktest"
)

// TestReadCases reads every workbook described in testdata/cases/*.txt (the
// workbooktest format) and compares what was read, dossiers and problems,
// with testdata/golden/<case>.txt.
func TestReadCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/cases: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			spec, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			data, err := workbooktest.Build(string(spec))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			res, err := Read(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("Read: unexpected error %v", err)
			}
			checkGolden(t, name, dumpResult(res))
		})
	}
}

// TestReadUnreadable feeds files that are no workbook at all; each must give
// one Dutch error and no panic.
func TestReadUnreadable(t *testing.T) {
	good := mustBuild(t, "== Dossiers\nDossiernummer\n== Documenten\nDossiernummer\n")
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"xls", oleFile("Workbook")},
		{"encrypted", encrypted(t, good)},
		{"csv", []byte("Dossiernummer;Naam werknemer;Eerste ziektedag\r\nD1;Jan Jansen;05-01-2026\r\n")},
		{"truncated", good[:len(good)/2]},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}},
		{"ods", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})},
		{"docx", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(bytes.NewReader(tt.data))
			if err == nil {
				t.Fatalf("Read succeeded with %d dossiers, want an error", len(res.Dossiers))
			}
			checkGolden(t, "unreadable-"+tt.name, err.Error()+"\n")
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "werkboek.xlsx")
	if err := os.WriteFile(path, mustBuild(t, "== Dossiers\nDossiernummer|Naam werknemer|Werkgever|Eerste ziektedag\nD1|Jan|ACME|@2026-01-05\n== Documenten\nDossiernummer|Soort|Datum\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	res, err := ReadFile(path)
	if err != nil || len(res.Dossiers) != 1 || len(res.Problems) != 0 {
		t.Fatalf("ReadFile = %+v, %v; want one dossier and no problems", res, err)
	}
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(dir, "weg.xlsx"), "weg.xlsx bestaat niet"},
		{dir, "is een map"},
	} {
		if _, err := ReadFile(tt.path); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadFile(%s) error = %v, want it to contain %q", tt.path, err, tt.want)
		}
	}
}

// TestReadNeverPanics feeds damaged variants of a good workbook: every
// prefix length and a few byte flips. Read may fail, but only with an error.
func TestReadNeverPanics(t *testing.T) {
	good := mustBuild(t, "== Dossiers\nDossiernummer|Naam werknemer|Werkgever|Eerste ziektedag\nD1|Jan|ACME|@2026-01-05\n== Documenten\nDossiernummer|Soort|Datum\nD1|Ziekmelding|@2026-01-05\n")
	var inputs [][]byte
	for n := 0; n < len(good); n += len(good)/50 + 1 {
		inputs = append(inputs, good[:n])
	}
	for i := 100; i < len(good); i += len(good)/30 + 1 {
		b := bytes.Clone(good)
		b[i] ^= 0xFF
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("Read panicked on %d bytes: %v", len(in), p)
				}
			}()
			_, _ = Read(bytes.NewReader(in))
		}()
	}
}

func mustBuild(t *testing.T, spec string) []byte {
	t.Helper()
	b, err := workbooktest.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// oleFile returns the start of an OLE2 compound file (an old .xls) whose
// directory names stream.
func oleFile(stream string) []byte {
	b := append([]byte{}, oleMagic...)
	b = append(b, make([]byte, 504)...)
	return append(b, utf16le(stream)...)
}

// encrypted returns the workbook data saved with a password, as Excel's
// "Beveiligen met wachtwoord" does.
func encrypted(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: "geheim"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkGolden compares got with testdata/golden/<name>.txt, or rewrites the
// file with -update. A missing golden fails.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name+".txt"), []byte(got), *update)
}

// dumpResult writes what was read as readable text: every dossier with its
// non-empty fields, then every problem with the dossier it belongs to.
func dumpResult(res *Result) string {
	var b strings.Builder
	for _, d := range res.Dossiers {
		fmt.Fprintf(&b, "dossier %s\n", d.Nummer)
		dumpFields(&b, "\t", reflect.ValueOf(*d))
	}
	if len(res.Dossiers) == 0 {
		b.WriteString("geen dossiers\n")
	}
	fouten, waarschuwingen := res.Problems.Count()
	fmt.Fprintf(&b, "\n%d fouten, %d waarschuwingen\n", fouten, waarschuwingen)
	for _, p := range res.Problems {
		fmt.Fprintf(&b, "%s", p)
		if p.Dossier != "" {
			fmt.Fprintf(&b, " [dossier %s]", p.Dossier)
		}
		b.WriteString("\n")
	}
	return b.String()
}

var dateType = reflect.TypeOf(dossier.Date{})

func dumpFields(b *strings.Builder, indent string, v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		f, name := v.Field(i), v.Type().Field(i).Name
		if name == "Nummer" || name == "Layout" || f.IsZero() { // the layout: fixtures/gen checks it
			continue
		}
		switch {
		case f.Type() == dateType:
			fmt.Fprintf(b, "%s%s: %s\n", indent, name, f.Interface().(dossier.Date).NL())
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			for j := 0; j < f.Len(); j++ {
				fmt.Fprintf(b, "%s%s[%d]\n", indent, name, j)
				dumpFields(b, indent+"\t", f.Index(j))
			}
		case f.Kind() == reflect.String:
			fmt.Fprintf(b, "%s%s: %q\n", indent, name, f.String())
		default:
			fmt.Fprintf(b, "%s%s: %v\n", indent, name, f.Interface())
		}
	}
}

// TestReadTemplate reads the workbook that "workbook new" writes: the
// writer and the reader must agree on the contract.
func TestReadTemplate(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, TemplatePeildatum); err != nil {
		t.Fatal(err)
	}
	res, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 0 || len(res.Dossiers) != 1 {
		t.Errorf("template: %d dossiers, problems:\n%s", len(res.Dossiers), dumpResult(res))
	}
}

// TestReadFixturesAlike reads the example workbook as saved by different
// programs and date systems: what is read must be the same. The HR-export
// copy holds the same dossiers in other cells; fixtures/gen compares it
// with the places set aside.
func TestReadFixturesAlike(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/voorbeeld*.xlsx")
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, "-export.xlsx") })
	if len(files) < 2 {
		t.Skip("fewer than two example workbooks in fixtures/")
	}
	var first string
	for _, file := range files {
		res, err := ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got := dumpResult(res)
		if fouten, _ := res.Problems.Count(); fouten > 0 || len(res.Dossiers) == 0 {
			t.Errorf("%s: read with errors or no dossiers:\n%s", file, got)
		}
		if first == "" {
			first = got
			continue
		}
		if got != first {
			t.Errorf("%s is read differently from %s:\n%s", file, files[0], diff.Diff(files[0], []byte(first), file, []byte(got)))
		}
	}
}

// TestReadWithoutNewColumns reads a copy of the example workbook as it was
// before the columns of issue 8 (Herbeoordeling geen spoor 2, Functie
// opsteller, Visie werkgever, Visie werknemer, Reden einde) joined the
// contract. Its golden was written by the reader of that time: a workbook
// without the new optional columns must read exactly as before, without a
// word about them.
func TestReadWithoutNewColumns(t *testing.T) {
	const name = "voorbeeld-zonder-nieuwe-kolommen"
	res, err := ReadFile(filepath.Join("testdata", name+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems reading %s.xlsx, want none:\n%s", name, dumpResult(res))
	}
	checkGolden(t, name, dumpResult(res))
}
