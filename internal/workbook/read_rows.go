package workbook

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// sheetRow is one row as excelize's row iterator gives it: its 1-based
// number and its raw cell values (RawCellValue: date cells as serials).
type sheetRow struct {
	num   int
	cells []string
}

// sheetStream is one sheet being read.
type sheetStream struct {
	sheet    string // the sheet's name in the workbook
	spec     *Sheet
	formulas *formulaIndex // set before the first batch is sent
	err      error         // set before the last batch is sent
}

// sheetBatch is a run of rows of one sheet; last marks the sheet's end.
type sheetBatch struct {
	s    *sheetStream
	rows []sheetRow
	last bool
}

// batchRows is how many rows travel together from a reading goroutine.
const batchRows = 512

// readSheets starts reading the present sheets (contract name -> the
// workbook's sheet name) with excelize's row iterator (never GetRows, which
// builds the whole grid twice), one goroutine per sheet so a large workbook
// uses every core; excelize reads different sheets concurrently safely.
// The rows of all sheets arrive on one channel in batches, so they can be
// processed while the rest is still being read; every sheet ends with one
// batch marked last.
func (r *reader) readSheets(present map[string]string) <-chan sheetBatch {
	out := make(chan sheetBatch, 64)
	for name, sheet := range present {
		s := &sheetStream{sheet: sheet, spec: SheetByName(name)}
		go r.readRows(s, out)
	}
	return out
}

func (r *reader) readRows(s *sheetStream, out chan<- sheetBatch) {
	var batch []sheetRow
	defer func() {
		// excelize is not trusted to never panic on a damaged sheet.
		if p := recover(); p != nil {
			s.err, batch = panicError{p}, nil
		}
		out <- sheetBatch{s: s, rows: batch, last: true}
	}()
	s.formulas = r.formulaIndex(s.sheet)
	rows, err := r.f.Rows(s.sheet)
	if err != nil {
		s.err = err
		return
	}
	defer rows.Close()
	num := 0
	for rows.Next() {
		num++
		cells, err := rows.Columns()
		if err != nil {
			s.err = err
			return
		}
		if len(cells) == 0 {
			continue
		}
		batch = append(batch, sheetRow{num: num, cells: cells})
		if len(batch) == batchRows {
			out <- sheetBatch{s: s, rows: batch}
			batch = nil
		}
	}
	s.err = rows.Error()
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

// hasFormulaElement reports whether a worksheet's XML holds a formula
// element: <f>, <f ...> or <f/>, with or without a namespace prefix.
func hasFormulaElement(data []byte) bool {
	for _, prefix := range [][]byte{[]byte("<f"), []byte(":f")} {
		for s := data; ; {
			i := bytes.Index(s, prefix)
			if i < 0 || i+2 >= len(s) {
				break
			}
			switch s[i+2] {
			case '>', '/', ' ', '\t', '\n', '\r':
				return true
			}
			s = s[i+2:]
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
