package workbook

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/xuri/excelize/v2"
)

// sheetRow is one row as excelize's row iterator gives it: its 1-based
// number and its raw cell values (RawCellValue: date cells as serials).
type sheetRow struct {
	num   int
	cells []string
}

// sheetData is one sheet read to the end.
type sheetData struct {
	sheet    string
	rows     []sheetRow // rows without cells are left out
	formulas *formulaIndex
	err      error
}

// readSheets reads the named sheets with excelize's row iterator (never
// GetRows, which builds the whole grid twice), one goroutine per sheet so
// a large workbook uses every core. excelize reads different sheets
// concurrently safely.
func (r *reader) readSheets(sheets []string) map[string]*sheetData {
	out := make(map[string]*sheetData, len(sheets))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, sheet := range sheets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sd := r.readRows(sheet)
			mu.Lock()
			out[sheet] = sd
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

func (r *reader) readRows(sheet string) (sd *sheetData) {
	sd = &sheetData{sheet: sheet}
	defer func() {
		// excelize is not trusted to never panic on a damaged sheet.
		if p := recover(); p != nil {
			sd.rows, sd.err = nil, panicError{p}
		}
	}()
	sd.formulas = r.formulaIndex(sheet)
	rows, err := r.f.Rows(sheet)
	if err != nil {
		sd.err = err
		return sd
	}
	defer rows.Close()
	num := 0
	for rows.Next() {
		num++
		cells, err := rows.Columns()
		if err != nil {
			sd.err = err
			return sd
		}
		if len(cells) > 0 {
			sd.rows = append(sd.rows, sheetRow{num: num, cells: cells})
		}
	}
	sd.err = rows.Error()
	return sd
}

// panicError is a panic inside excelize turned into an error.
type panicError struct{ v any }

func (p panicError) Error() string { return fmt.Sprint(p.v) }

// formulaIndex answers whether an empty cell holds a formula. excelize's row
// iterator gives a formula without a cached value as an empty string, like
// an empty cell, and a formula is never evaluated: such a cell is an error
// to report, not an empty value. Most exported workbooks hold no formulas at
// all, so the sheet's XML is first searched for a formula element, and only
// when there is one does the index ask excelize, cell by cell, for the
// formula of an empty cell.
type formulaIndex struct {
	f     *excelize.File
	sheet string
}

// formulaIndex returns nil when sheet has no formula element.
func (r *reader) formulaIndex(sheet string) *formulaIndex {
	p, ok := r.paths[sheet]
	if !ok {
		return nil
	}
	data, err := r.part(p)
	if err != nil || !hasFormulaElement(data) {
		return nil
	}
	return &formulaIndex{f: r.f, sheet: sheet}
}

// formulaElements are the start tags a worksheet formula can have, with or
// without a namespace prefix.
var formulaElements = [][]byte{[]byte("<f>"), []byte("<f "), []byte("<f/"), []byte(":f>"), []byte(":f "), []byte(":f/")}

func hasFormulaElement(data []byte) bool {
	for _, e := range formulaElements {
		if bytes.Contains(data, e) {
			return true
		}
	}
	return false
}

// formula returns the formula of the cell at row (1-based) and idx
// (0-based column) when the sheet has one there.
func (t *table) formula(row, idx int) (string, bool) {
	if t.formulas == nil {
		return "", false
	}
	ref, err := excelize.CoordinatesToCellName(idx+1, row)
	if err != nil {
		return "", false
	}
	f, err := t.formulas.f.GetCellFormula(t.formulas.sheet, ref)
	if err != nil || f == "" {
		return "", false
	}
	return f, true
}
