package workbook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/xuri/excelize/v2"
)

// TestScannerAgreesWithExcelize reads every test workbook, the example
// fixtures and a generated large workbook both with the worksheet scanner
// and with excelize's row iterator (RawCellValue): every cell value must
// be the same.
func TestScannerAgreesWithExcelize(t *testing.T) {
	inputs := map[string][]byte{"large": largeWorkbook(t, 50)}
	cases, _ := filepath.Glob("testdata/cases/*.txt")
	for _, file := range cases {
		spec, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs[file] = mustBuild(t, string(spec))
	}
	fixtures, _ := filepath.Glob("../../fixtures/*.xlsx")
	for _, file := range fixtures {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs[file] = data
	}
	inputs["special"] = mustBuild(t, strings.Join([]string{
		"== Dossiers",
		`a & b <c> "d" 'e' | "  spaces kept  " | tab	in | _x000D_ escaped | é ü ß € 😀 | !TRUE | !FALSE | #1.5E-3 | =1/0 => "#DIV/0!"`,
	}, "\n"))

	for name, data := range inputs {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := newReader(name, f, data)
		paths, sstPath, err := sheetPaths(r.part)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var sst []string
		if sstPath != "" {
			b, err := r.part(sstPath)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			sst = parseSharedStrings(b)
		}
		for _, sheet := range f.GetSheetList() {
			want := excelizeCells(t, f, sheet)
			part, err := r.part(paths[sheet])
			if err != nil {
				t.Fatalf("%s: sheet %s: %v", name, sheet, err)
			}
			got := map[int]string{}
			rows := newSheetRows(part, sst)
			for rows.Next() {
				got[rows.row] = joinCells(rows.cells)
			}
			for row, w := range want {
				if got[row] != w {
					t.Errorf("%s: %s row %d:\nscanner  %q\nexcelize %q", name, sheet, row, got[row], w)
				}
			}
			for row, g := range got {
				if _, ok := want[row]; !ok && g != "" {
					t.Errorf("%s: %s row %d: scanner read %q, excelize nothing", name, sheet, row, g)
				}
			}
		}
		f.Close()
	}
}

// excelizeCells returns the non-empty rows of sheet as excelize reads them.
func excelizeCells(t *testing.T, f *excelize.File, sheet string) map[int]string {
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int]string{}
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		xs := make([]xcell, len(cells))
		for i, c := range cells {
			xs[i].value = c
		}
		if s := joinCells(xs); s != "" {
			out[n] = s
		}
	}
	return out
}

func joinCells(cells []xcell) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = c.value
	}
	return strings.TrimRight(strings.Join(parts, "|"), "|")
}

// TestScannerXML reads hand-written worksheet XML with what the writers
// above never produce: namespace prefixes, rows and cells without r,
// self-closing elements, rich text with phonetic runs, CDATA, comments,
// entities, formulas with and without cached values.
func TestScannerXML(t *testing.T) {
	sst := parseSharedStrings([]byte(`<?xml version="1.0"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4">
<si><t>plain</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
<si/>
<si><t>a &amp; b&#x20AC;&#233;_x000D__x005F_x</t></si>
</sst>`))
	if want := []string{"plain", "rich text", "", "a & b€é\r_x"}; fmt.Sprint(sst) != fmt.Sprint(want) {
		t.Errorf("shared strings = %q, want %q", sst, want)
	}
	sheet := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>
<!-- a comment <row r="3"><c><v>9</v></c></row> -->
<x:row><x:c t="inlineStr"><x:is><x:t>in&lt;line</x:t></x:is></x:c><x:c><x:v>46027</x:v></x:c><x:c s="3"/><x:c t="b"><x:v>1</x:v></x:c></x:row>
<row r="5"/>
<row r="6" spans="1:4"><c r="B6"><f>DATE(2026,1,5)</f></c><c r="C6" t="str"><f>""</f><v></v></c><c r="D6"><f t="shared" si="0"/><v>7</v></c><c r="E6" t="e"><v>#N/A</v></c></row>
<row r="7"><c r="AA7" t="inlineStr"><is><r><t><![CDATA[<raw> & text]]></t></r></is></c></row>
</x:sheetData>
<x:mergeCells count="0"/>
</x:worksheet>`)
	rows := newSheetRows(sheet, sst)
	var got []string
	for rows.Next() {
		got = append(got, fmt.Sprintf("%d: %+v", rows.row, rows.cells))
	}
	want := []string{
		`2: [{value:plain formula: hasFormula:false cached:true} {value: formula: hasFormula:false cached:false} {value:rich text formula: hasFormula:false cached:true}]`,
		`3: [{value:in<line formula: hasFormula:false cached:true} {value:46027 formula: hasFormula:false cached:true} {value: formula: hasFormula:false cached:false} {value:1 formula: hasFormula:false cached:true}]`,
		`6: [{value: formula: hasFormula:false cached:false} {value: formula:DATE(2026,1,5) hasFormula:true cached:false} {value: formula:"" hasFormula:true cached:true} {value:7 formula: hasFormula:true cached:true} {value:#N/A formula: hasFormula:false cached:true}]`,
		`7: [` + strings.Repeat(`{value: formula: hasFormula:false cached:false} `, 26) + `{value:<raw> & text formula: hasFormula:false cached:true}]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s", diff.Diff("want", []byte(strings.Join(want, "\n")), "got", []byte(strings.Join(got, "\n"))))
	}
}

// FuzzSheetRows feeds arbitrary bytes to the worksheet and shared-string
// scanners: they must end without panicking, whatever the input.
func FuzzSheetRows(f *testing.F) {
	f.Add([]byte(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c t="inlineStr"><is><r><t>x</t></r></is></c></row></sheetData>`))
	f.Add([]byte(`<sheetData><row><c><f>A1</f><v>1</v></c><c/></row><row r="x"/></sheetData>`))
	f.Add([]byte(`<sst><si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si></sst>`))
	f.Add([]byte(`<sheetData><row><c r="ZZZZZZ1"><v><![CDATA[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sst := parseSharedStrings(data)
		rows := newSheetRows(data, sst)
		for n := 0; rows.Next(); n++ {
			if n > len(data) {
				t.Fatalf("more rows than bytes")
			}
		}
	})
}
