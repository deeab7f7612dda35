package workbook

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// largeWorkbook writes n dossiers with 15 documents, 3 activities and 2
// sickness periods each, with date cells, as an HR export of a large
// employer would hold.
func largeWorkbook(tb testing.TB, n int) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	date := func(days int) excelize.Cell {
		return excelize.Cell{StyleID: dateStyle, Value: start.AddDate(0, 0, days)}
	}
	write := func(sheet string, header []any, rows func(add func(...any))) {
		if sheet != "Sheet1" {
			if _, err := f.NewSheet(sheet); err != nil {
				tb.Fatal(err)
			}
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			tb.Fatal(err)
		}
		r := 1
		add := func(cells ...any) {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, cells); err != nil {
				tb.Fatal(err)
			}
			r++
		}
		add(header...)
		rows(add)
		if err := sw.Flush(); err != nil {
			tb.Fatal(err)
		}
	}
	if err := f.SetSheetName("Sheet1", SheetDossiers); err != nil {
		tb.Fatal(err)
	}
	write(SheetDossiers, []any{"Dossiernummer", "Naam werknemer", "BSN", "Werkgever", "Uren per week", "Eerste ziektedag", "Datum hersteld", "Re-integratiedoel"}, func(add func(...any)) {
		for i := 0; i < n; i++ {
			add(fmt.Sprintf("D%05d", i), fmt.Sprintf("Werknemer %d", i), "123456782", "ACME BV", 32.5, date(i%300), nil, "Terug naar eigen werk")
		}
	})
	write(SheetZiekteperiodes, []any{"Dossiernummer", "Van", "Tot"}, func(add func(...any)) {
		for i := 0; i < n; i++ {
			add(fmt.Sprintf("D%05d", i), date(i%300), date(i%300+20))
			add(fmt.Sprintf("D%05d", i), date(i%300+30), nil)
		}
	})
	soorten := []string{"Ziekmelding", "Probleemanalyse", "Plan van aanpak", "Evaluatie", "Evaluatie", "Evaluatie", "Evaluatie", "Evaluatie",
		"Evaluatie", "42e-weekmelding", "Eerstejaarsevaluatie", "Evaluatie", "Evaluatie", "Arbeidsdeskundig rapport", "Evaluatie"}
	write(SheetDocumenten, []any{"Dossiernummer", "Soort", "Datum", "Opgesteld door", "Getekend werkgever", "Getekend werknemer", "Samenvatting"}, func(add func(...any)) {
		for i := 0; i < n; i++ {
			for j, s := range soorten {
				add(fmt.Sprintf("D%05d", i), s, date(i%300+j*20), "Casemanager", "Ja", "Ja", "Besproken: voortgang en afspraken")
			}
		}
	})
	write(SheetActiviteiten, []any{"Dossiernummer", "Spoor", "Activiteit", "Start", "Eind", "Status"}, func(add func(...any)) {
		for i := 0; i < n; i++ {
			for j := 0; j < 3; j++ {
				add(fmt.Sprintf("D%05d", i), 1+j%2, "Activiteit", date(i%300+40*j), date(i%300+40*j+30), "Lopend")
			}
		}
	})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkReadLarge(b *testing.B) {
	data := largeWorkbook(b, 10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Dossiers) != 10000 || len(res.Problems) != 0 {
			b.Fatalf("%d dossiers, problems: %v", len(res.Dossiers), res.Problems[:min(5, len(res.Problems))])
		}
	}
}
