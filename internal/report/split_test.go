package report

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// withMaxSheetRows runs the test with sheets of at most n data rows.
func withMaxSheetRows(t *testing.T, n int) {
	old := maxSheetRows
	maxSheetRows = n
	t.Cleanup(func() { maxSheetRows = old })
}

func TestSplitRows(t *testing.T) {
	withMaxSheetRows(t, 10)
	tests := []struct {
		sizes []int
		want  []int
	}{
		{nil, []int{0}},
		{[]int{10}, []int{10}},
		{[]int{5, 5}, []int{10}},
		{[]int{5, 5, 1}, []int{10, 1}},
		{[]int{4, 4, 4}, []int{8, 4}},          // a group is not split to fill a sheet
		{[]int{3, 25, 2}, []int{3, 10, 10, 7}}, // a group larger than a sheet is split
		{[]int{0, 10, 0}, []int{10}},
	}
	for _, tt := range tests {
		if got := splitRows(slices.Values(tt.sizes)); !slices.Equal(got, tt.want) {
			t.Errorf("splitRows(%v) = %v, want %v", tt.sizes, got, tt.want)
		}
	}
	if got := splitRows(ones(21)); !slices.Equal(got, []int{10, 10, 1}) {
		t.Errorf("splitRows(ones(21)) = %v", got)
	}
}

// TestXLSXSplitsSheets: a workbook with more findings than a sheet holds
// (Excel: 1,048,575 below the header; here 40) goes on in "Bevindingen
// (2)" and further, each with the header, auto-filter and print set-up,
// the findings of a dossier on one sheet, none lost, in order.
func TestXLSXSplitsSheets(t *testing.T) {
	results, problems := checkVoorbeeld(t)
	per := len(results[0].Bevindingen)
	withMaxSheetRows(t, 2*per+1)
	var b bytes.Buffer
	if err := XLSX(&b, voorbeeldPeildatum, results, problems); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []string
	want = append(want, SheetOverzicht)
	for i := 1; i < (len(results)+maxSheetRows-1)/maxSheetRows; i++ {
		want = append(want, fmt.Sprintf("%s (%d)", SheetOverzicht, i+1))
	}
	sheets := (len(results) + 1) / 2 // two dossiers' findings a sheet
	want = append(want, SheetBevindingen)
	for i := 1; i < sheets; i++ {
		want = append(want, fmt.Sprintf("%s (%d)", SheetBevindingen, i+1))
	}
	got := f.GetSheetList()
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		t.Fatalf("sheets %q, want %q first", got, want)
	}
	var all [][]string
	for i, sheet := range want[len(want)-sheets:] {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0] != "Dossiernummer" || rows[0][2] != "Regel" {
			t.Errorf("%s: header %q", sheet, rows[0])
		}
		if n := len(rows) - 1; n > maxSheetRows || n != 2*per && i < sheets-1 {
			t.Errorf("%s: %d rows", sheet, n)
		}
		if rows[1][0] == rows[len(rows)-1][0] && i < sheets-1 {
			t.Errorf("%s: one dossier (%s) only", sheet, rows[1][0])
		}
		filter := fmt.Sprintf("'%s'!$A$1:$I$%d", sheet, len(rows))
		if !definedName(f, "_xlnm._FilterDatabase", sheet, filter) || !definedName(f, "_xlnm.Print_Titles", sheet, fmt.Sprintf("'%s'!$1:$1", sheet)) {
			t.Errorf("%s: no auto-filter %s or print titles", sheet, filter)
		}
		all = append(all, rows[1:]...)
	}
	var findings int
	for _, r := range results {
		for _, bv := range r.Bevindingen {
			if findings >= len(all) || all[findings][0] != r.Dossier.Nummer || all[findings][2] != bv.Regel {
				t.Fatalf("finding %d: %q, want %s %s", findings, all[min(findings, len(all)-1)], r.Dossier.Nummer, bv.Regel)
			}
			findings++
		}
	}
	if findings != len(all) {
		t.Errorf("%d findings written, want %d", len(all), findings)
	}
}

func definedName(f *excelize.File, name, scope, refersTo string) bool {
	for _, dn := range f.GetDefinedName() {
		if dn.Name == name && dn.Scope == scope && dn.RefersTo == refersTo {
			return true
		}
	}
	return false
}
