package workbook

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/workbook/workbooktest"
)

// excelizeBook reads a workbook with excelize's row iterator
// (RawCellValue) and its formula lookup: the reference that the streaming
// reader (zipBook) is held to.
type excelizeBook struct {
	f       *excelize.File
	entries []sheetEntry
}

func openExcelizeBook(t testing.TB, data []byte) *excelizeBook {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	b := &excelizeBook{f: f}
	for _, name := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(name)
		b.entries = append(b.entries, sheetEntry{name: name, part: name, hidden: err == nil && !visible})
	}
	return b
}

func (b *excelizeBook) date1904() bool {
	props, err := b.f.GetWorkbookProps()
	return err == nil && props.Date1904 != nil && *props.Date1904
}

func (b *excelizeBook) sheets() []sheetEntry { return b.entries }

// formulaColumns is how far to the right the reference looks for formulas
// in a row: beyond every column of the contract and a little more.
const formulaColumns = 40

func (b *excelizeBook) rows(e sheetEntry, yield func(sheetRow) error) error {
	rows, err := b.f.Rows(e.name)
	if err != nil {
		return err
	}
	defer rows.Close()
	for num := 1; rows.Next(); num++ {
		cells, err := rows.Columns()
		if err != nil {
			return err
		}
		row := sheetRow{num: num, cells: trimCells(cells)}
		for i := range max(len(cells), formulaColumns) {
			if i < len(cells) && strings.TrimSpace(cells[i]) != "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(i+1, num)
			if f, err := b.f.GetCellFormula(e.name, ref); err == nil && f != "" {
				row.missing = append(row.missing, formulaCell{idx: i, formula: f})
			}
		}
		if len(row.cells) == 0 && len(row.missing) == 0 {
			continue
		}
		if err := yield(row); err != nil {
			return err
		}
	}
	return rows.Error()
}

// trimCells drops trailing empty cells; nil when none remain.
func trimCells(cells []string) []string {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	return cells[:n]
}

// readReference reads data with the reference book.
func readReference(t testing.TB, name string, data []byte) *Result {
	t.Helper()
	res, err := newReader(name, openExcelizeBook(t, data)).read()
	if err != nil {
		t.Fatalf("reference: %v", err)
	}
	return res
}

// comparisonInputs are the workbooks the streaming reader is compared on:
// every broken-workbook case, every fixture and test workbook (ours, the
// LibreOffice, openpyxl, 1904 and export copies), a generated large
// workbook and one with awkward cell contents.
func comparisonInputs(t *testing.T) map[string][]byte {
	inputs := map[string][]byte{"large": largeWorkbook(t, 50)}
	cases, _ := filepath.Glob("testdata/cases/*.txt")
	for _, file := range cases {
		spec, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs[file] = mustBuild(t, string(spec))
	}
	files, _ := filepath.Glob("../../fixtures/*.xlsx")
	more, _ := filepath.Glob("testdata/*.xlsx")
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs[file] = data
	}
	// Inline strings as openpyxl writes them, with escapes excelize's
	// writer never produces: _xHHHH_, character references, CR LF.
	inputs["inline"] = patchPart(t, inputs["../../fixtures/voorbeeld-openpyxl.xlsx"], "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, "<is><t>Zo&#235; de Vries</t></is>", "<is><t>Zo&#235;_x000D_de\r\nVries&#13;&amp;</t></is>", 1)
	})
	inputs["special"] = mustBuild(t, strings.Join([]string{
		"== Dossiers",
		"Dossiernummer | Naam werknemer | Werkgever | Eerste ziektedag | Functie | Vaardigheden | Uren per week",
		`D1 | a & b <c> "d" 'e' | "  spaces kept  " | @2026-01-05 | tab	in | _x000D_ escaped | #1.5E-3`,
		`D2 | é ü ß € 😀 | !TRUE | #46027 | =1/0 => "#DIV/0!" | !FALSE | =A2`,
		"== Documenten",
		"Dossiernummer | Soort | Datum",
	}, "\n"))
	return inputs
}

// TestStreamAgreesWithExcelize reads every comparison workbook cell by
// cell with the streaming scanner and with excelize's row iterator: every
// row number, cell value and formula without a value must be the same.
func TestStreamAgreesWithExcelize(t *testing.T) {
	for name, data := range comparisonInputs(t) {
		ref := openExcelizeBook(t, data)
		p, err := openPackage(name, bytes.NewReader(data), int64(len(data)), DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		zb, err := newZipBook(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if zb.date1904() != ref.date1904() {
			t.Errorf("%s: date1904 %v, excelize %v", name, zb.date1904(), ref.date1904())
		}
		if len(zb.sheets()) != len(ref.sheets()) {
			t.Fatalf("%s: %d sheets, excelize %d", name, len(zb.sheets()), len(ref.sheets()))
		}
		for i, e := range zb.sheets() {
			r := ref.sheets()[i]
			if e.name != r.name || e.hidden != r.hidden {
				t.Errorf("%s: sheet %d is %q (hidden %v), excelize %q (hidden %v)", name, i, e.name, e.hidden, r.name, r.hidden)
			}
			got, want := dumpRows(t, zb, e), dumpRows(t, ref, r)
			if got != want {
				t.Errorf("%s, sheet %s:\n%s", name, e.name, diff.Diff("excelize", []byte(want), "stream", []byte(got)))
			}
		}
	}
}

// dumpRows writes the rows of a sheet as text, one line per row.
func dumpRows(t *testing.T, b book, e sheetEntry) string {
	var out strings.Builder
	err := b.rows(e, func(row sheetRow) error {
		fmt.Fprintf(&out, "%d: %q", row.num, trimCells(row.cells))
		for _, f := range row.missing {
			fmt.Fprintf(&out, " formula[%d]=%q", f.idx, f.formula)
		}
		out.WriteByte('\n')
		return nil
	})
	if err != nil {
		t.Fatalf("sheet %s: %v", e.name, err)
	}
	return out.String()
}

// TestReadAgreesWithExcelize reads every comparison workbook whole, with the
// streaming book and with the reference: dossiers and problems, every cell
// place included, must be equal.
func TestReadAgreesWithExcelize(t *testing.T) {
	for name, data := range comparisonInputs(t) {
		got, err := Read(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := readReference(t, "de invoer", data)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the streaming reader and excelize read differently:\n%s", name,
				diff.Diff("excelize", []byte(dumpResult(want)), "stream", []byte(dumpResult(got))))
		}
	}
}

// TestScanXML reads hand-written worksheet XML with what the writers above
// never produce: namespace prefixes, rows and cells without r, self-closing
// elements, rich text with phonetic runs, CDATA, comments, entities,
// formulas with and without cached values, elements split over the
// stream's refills (a tiny reader).
func TestScanXML(t *testing.T) {
	sstXML := `<?xml version="1.0"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4">
<si><t>plain</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
<si/>
<si><t>a &amp; b&#x20AC;&#233;_x000D__x005F_x</t></si>
</sst>`
	sheetXML := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:dimension ref="A2:AA7"/>
<x:sheetData>
<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>
<!-- a comment <row r="3"><c><v>9</v></c></row> -->
<x:row><x:c t="inlineStr"><x:is><x:t>in&lt;line</x:t></x:is></x:c><x:c><x:v>46027</x:v></x:c><x:c s="3"/><x:c t="b"><x:v>1</x:v></x:c></x:row>
<row r="5"/>
<row r="6" spans="1:5"><c r="B6"><f>DATE(2026,1,5)</f></c><c r="C6" t="str"><f>""</f><v></v></c><c r="D6"><f t="shared" si="0"/><v>7</v></c><c r="E6" t="e"><v>#N/A</v></c><c r="F6"><f t="shared" si="1"/></c></row>
<row r="7"><c r="AA7" t="inlineStr"><is><r><t><![CDATA[<raw> & text]]></t></r></is></c></row>
<row r="8"><c r="A8"><v>line1&#13;&#10;line2
line3</v></c></row>
<row r="9"><c r="A9" t="inlineStr"><is><t>A_x000D_B&#13;C&#xD;</t></is></c></row>
</x:sheetData>
<x:mergeCells count="0"/>
</x:worksheet>`
	for _, chunk := range []int{1, 3, 7, 1 << 16} {
		sst, err := scanSharedStrings(newXMLStream(&chunkReader{s: sstXML, n: chunk}))
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"plain", "rich text", "", "a & b€é\r_x"}; fmt.Sprint(sst) != fmt.Sprint(want) {
			t.Errorf("chunk %d: shared strings = %q, want %q", chunk, sst, want)
		}
		var got []string
		err = scanCells(newXMLStream(&chunkReader{s: sheetXML, n: chunk}), sst, func(r sheetRow) error {
			got = append(got, fmt.Sprintf("%d: %q %+v", r.num, r.cells, r.missing))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			`2: ["plain" "" "rich text"] []`,
			`3: ["in<line" "46027" "" "1"] []`,
			`6: ["" "" "" "7" "#N/A" ""] [{idx:1 formula:DATE(2026,1,5)} {idx:2 formula:""} {idx:5 formula:}]`,
			`7: [` + strings.TrimSpace(strings.Repeat(`"" `, 26)) + ` "<raw> & text"] []`,
			`8: ["line1\r\nline2\nline3"] []`,
			`9: ["A\rB\rC\r"] []`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("chunk %d: rows:\n%s", chunk, diff.Diff("want", []byte(strings.Join(want, "\n")), "got", []byte(strings.Join(got, "\n"))))
		}
	}
}

// patchPart returns the workbook data with one part rewritten by edit,
// which must change it.
func patchPart(t *testing.T, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	parts := unzipParts(t, data)
	changed := false
	for i, p := range parts {
		if p.name == part {
			s := edit(string(p.data))
			changed = s != string(p.data)
			parts[i].data = []byte(s)
		}
	}
	if !changed {
		t.Fatalf("%s: the edit changed nothing", part)
	}
	return zipParts(t, parts)
}

// chunkReader gives s n bytes at a time.
type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(b []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	n := copy(b, c.s[:min(len(c.s), c.n)])
	c.s = c.s[n:]
	return n, nil
}

// FuzzScanXML feeds arbitrary bytes to the worksheet and shared-string
// scanners, in small and large reads: they must end without panicking and
// give the same rows whatever the read size.
func FuzzScanXML(f *testing.F) {
	f.Add([]byte(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c t="inlineStr"><is><r><t>x</t></r></is></c></row></sheetData>`))
	f.Add([]byte(`<sheetData><row><c><f>A1</f><v>1</v></c><c/></row><row r="x"/></sheetData>`))
	f.Add([]byte(`<sst><si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si></sst>`))
	f.Add([]byte(`<sheetData><row><c r="ZZZZZZ1"><v><![CDATA[`))
	f.Add([]byte(`<sheetData><row><c r="A1" t="inlineStr"><is><t>&#x110000;&amp&lt;</t></is></c></row><!--`))
	// Cells simpleCell takes in one step, and near misses it must leave to
	// the tokens (a read of 1 byte at a time leaves them all to the tokens).
	f.Add([]byte(`<sheetData><row><c r="A1"><v>1&amp;2&#13;</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> a&#x20; </t></is></c><c t="s"><v></v></c></row></sheetData>`))
	f.Add([]byte(`<sheetData><row><c><v>1</v><f>A1</f></c><c t="inlineStr"><is><t>a</t><t>b</t></is></c><c><v>2</v></c ><c><v>3</v></x:c><c t="inlineStr"><is><t>x</t></is><is><t>y</t></is></c></row></sheetData>`))
	f.Add([]byte(`<sheetData><row><c t="inlineStr"><is><t xml:space="preserve">a</t></is></c><c t="inlineStr"><is><t xml:space='preserve'>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c`))
	f.Fuzz(func(t *testing.T, data []byte) {
		scan := func(chunk int) string {
			sst, _ := scanSharedStrings(newXMLStream(&chunkReader{s: string(data), n: chunk}))
			var out strings.Builder
			fmt.Fprintf(&out, "%q\n", sst)
			rows := 0
			_ = scanCells(newXMLStream(&chunkReader{s: string(data), n: chunk}), sst, func(r sheetRow) error {
				if rows++; rows > len(data) {
					t.Fatalf("more rows than bytes")
				}
				fmt.Fprintf(&out, "%d %q %v\n", r.num, r.cells, r.missing)
				return nil
			})
			return out.String()
		}
		if a, b := scan(1), scan(4096); a != b {
			t.Errorf("reads of 1 and 4096 bytes differ:\n%s", diff.Diff("1", []byte(a), "4096", []byte(b)))
		}
	})
}

// FuzzReadAgreesWithExcelize builds workbooks whose cells come from the
// fuzzer (text with markup characters and white space, numbers, dates,
// booleans, formulas with and without values) with excelize, and reads
// each with the streaming reader and with the reference: they must agree.
func FuzzReadAgreesWithExcelize(f *testing.F) {
	f.Add("D1", "Jan & <Jansen>", "@2026-01-05", "Ziekmelding", "#46030", "!TRUE")
	f.Add("D2", "  Piet ", "=DATE(2026,1,5)", "plan van aanpak", "05-01-2026", "=IF(1,\"Ja\",\"Nee\")")
	f.Add("D3", "\"#1\"", "=A1 => #46027", "Evaluatie", "2026-13-01", "x")
	f.Fuzz(func(t *testing.T, nummer, naam, ziek, soort, datum, getekend string) {
		cell := func(s string) string {
			s = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
			return s
		}
		spec := strings.Join([]string{
			"== Dossiers",
			"Dossiernummer | Naam werknemer | Werkgever | Eerste ziektedag",
			cell(nummer) + " | " + cell(naam) + " | ACME | " + cell(ziek),
			"== Documenten",
			"Dossiernummer | Soort | Datum | Getekend werkgever",
			cell(nummer) + " | " + cell(soort) + " | " + cell(datum) + " | " + cell(getekend),
		}, "\n")
		data, err := workbooktest.Build(spec)
		if err != nil {
			t.Skip("not a workbook the builder can write")
		}
		got, err := Read(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		want := readReference(t, "de invoer", data)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the streaming reader and excelize read differently:\n%s",
				diff.Diff("excelize", []byte(dumpResult(want)), "stream", []byte(dumpResult(got))))
		}
	})
}

// FuzzCellAttrs holds the allocation-free reader of a cell's r and t
// attributes to attr, the general one.
func FuzzCellAttrs(f *testing.F) {
	f.Add([]byte(` r="A1" t="s" s="3"`))
	f.Add([]byte(` x:r='B2'  t = "inlineStr"`))
	f.Add([]byte(` r="A&amp;1" t="s"`))
	f.Add([]byte(` s="1" r=A1 t="n"`))
	f.Add([]byte(` r="C3" t="s"/`))
	f.Fuzz(func(t *testing.T, attrs []byte) {
		ref, typ := cellAttrs(attrs)
		wantRef, _ := attr(attrs, "r")
		wantTyp, _ := attr(attrs, "t")
		if string(ref) != wantRef || typ != wantTyp {
			t.Errorf("cellAttrs(%q) = %q, %q; attr gives %q, %q", attrs, ref, typ, wantRef, wantTyp)
		}
	})
}
