package workbook

import (
	"bytes"
	"fmt"
	"testing"
)

// documentenXML is a Documenten sheet as the synthetic workbooks write it
// (inline strings, date numbers), of rows rows.
func documentenXML(rows int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&b, `<row r="%d">`, r)
		fmt.Fprintf(&b, `<c r="A%d" t="inlineStr"><is><t>S-%06d</t></is></c>`, r, r/15)
		fmt.Fprintf(&b, `<c r="B%d" t="inlineStr"><is><t>Evaluatie</t></is></c>`, r)
		fmt.Fprintf(&b, `<c r="C%d" s="1"><v>%d</v></c>`, r, 45000+r%700)
		fmt.Fprintf(&b, `<c r="D%d" t="inlineStr"><is><t>Ingrid Maas</t></is></c>`, r)
		fmt.Fprintf(&b, `<c r="E%d" t="inlineStr"><is><t>Ja</t></is></c>`, r)
		fmt.Fprintf(&b, `<c r="F%d" t="inlineStr"><is><t>Nee</t></is></c>`, r)
		fmt.Fprintf(&b, `<c r="G%d" t="inlineStr"><is><t>Opbouw besproken; afspraken bijgesteld waar nodig &amp; vastgelegd.</t></is></c>`, r)
		fmt.Fprintf(&b, `<c r="H%d" t="inlineStr"><is><t>Casemanager</t></is></c>`, r)
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Bytes()
}

// BenchmarkScanCells is the worksheet scanner alone, on a sheet in memory:
// the part of reading that runs on one core per sheet.
func BenchmarkScanCells(b *testing.B) {
	data := documentenXML(50000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		err := scanCells(newXMLStream(bytes.NewReader(data)), nil, func(r sheetRow) error {
			n += len(r.cells)
			return nil
		})
		if err != nil || n != 8*50000 {
			b.Fatal(n, err)
		}
	}
}
