// Package workbooktest builds xlsx workbooks from a readable text
// description, so tests can keep their input workbooks inline and visible
// (in Go strings, testdata files or testscript archives) instead of as
// binary files.
//
// The description is a list of sheets, each a line "== Name" followed by
// its rows, one per line, cells separated by "|":
//
//	// a comment
//	date1904                      (before the first sheet: use the 1904 date system)
//	== Dossiers
//	Dossiernummer | Naam werknemer | Eerste ziektedag
//	D1            | Jan Jansen     | @2026-01-05
//	~                             (an empty row)
//
// Blank lines are ignored. A cell is written as follows:
//
//	(empty)          no cell
//	text             a text cell; "quoted" keeps spaces and a leading @ # = !
//	#46027, #32.5    a number cell
//	@2026-01-05      a date cell (a serial with a date format)
//	!TRUE, !FALSE    a boolean cell
//	=DATE(2026,1,5)  a formula without a cached value
//	=A1*2 => #42     a formula with a cached value (written like a cell)
//
// A literal "|" in a cell is written "\|".
package workbooktest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Build returns the bytes of the workbook that spec describes.
func Build(spec string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const defaultSheet = "Sheet1"
	var (
		sheet   string
		row     int
		created []string
	)
	for n, line := range strings.Split(spec, "\n") {
		lineNo := n + 1
		line = strings.TrimRight(line, " \t\r")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "//"):
			continue
		case trimmed == "date1904" && sheet == "":
			t := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &t}); err != nil {
				return nil, err
			}
			continue
		case strings.HasPrefix(trimmed, "=="):
			sheet = strings.TrimSpace(strings.TrimPrefix(trimmed, "=="))
			row = 0
			if len(created) == 0 {
				if err := f.SetSheetName(defaultSheet, sheet); err != nil {
					return nil, fmt.Errorf("line %d: %v", lineNo, err)
				}
			} else if _, err := f.NewSheet(sheet); err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			created = append(created, sheet)
			continue
		case sheet == "":
			return nil, fmt.Errorf("line %d: row before the first sheet (want \"== Name\")", lineNo)
		}
		row++
		if trimmed == "~" {
			continue
		}
		for i, raw := range splitCells(line) {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			if err := setCell(f, sheet, cell, strings.TrimSpace(raw)); err != nil {
				return nil, fmt.Errorf("line %d, cell %s: %v", lineNo, cell, err)
			}
		}
	}
	if len(created) == 0 {
		return nil, fmt.Errorf("no sheets (want \"== Name\")")
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// splitCells splits a row at "|", honouring "\|".
func splitCells(line string) []string {
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(cells, cur.String())
}

func setCell(f *excelize.File, sheet, cell, v string) error {
	switch {
	case v == "":
		return nil
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		return f.SetCellStr(sheet, cell, v[1:len(v)-1])
	case v[0] == '#':
		x, err := strconv.ParseFloat(v[1:], 64)
		if err != nil {
			return fmt.Errorf("not a number: %q", v)
		}
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	case v[0] == '@':
		t, err := time.Parse("2006-01-02", v[1:])
		if err != nil {
			return fmt.Errorf("not a date yyyy-mm-dd: %q", v)
		}
		return f.SetCellValue(sheet, cell, t)
	case v[0] == '!':
		b, err := strconv.ParseBool(v[1:])
		if err != nil {
			return fmt.Errorf("not TRUE or FALSE: %q", v)
		}
		return f.SetCellBool(sheet, cell, b)
	case v[0] == '=':
		formula, cached, ok := strings.Cut(v[1:], "=>")
		if ok {
			// SetCellFormula keeps the value already in the cell as the
			// formula's cached result.
			if err := setCell(f, sheet, cell, strings.TrimSpace(cached)); err != nil {
				return err
			}
		}
		return f.SetCellFormula(sheet, cell, strings.TrimSpace(formula))
	}
	return f.SetCellStr(sheet, cell, v)
}
