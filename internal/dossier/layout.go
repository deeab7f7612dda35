package dossier

import (
	"sort"
	"strings"
)

// Layout records in which column of its sheet the workbook reader found each
// contract column. The dossier types keep one place per row (the Plaats of
// a Document is its Datum cell); with the layout a message can name any
// other cell of that row, such as the Samenvatting a warning is about. All
// dossiers of one workbook share one Layout.
type Layout struct {
	Columns []LayoutColumn // sorted by Sheet, then Header
}

// LayoutColumn is one contract column as found in the workbook.
type LayoutColumn struct {
	Sheet   string // the sheet's name in the workbook, as places write it
	Header  string // the contract header, e.g. "Samenvatting"
	Letters string // the column, e.g. "G"
}

// Add records that header of sheet is in column letters.
func (l *Layout) Add(sheet, header, letters string) {
	l.Columns = append(l.Columns, LayoutColumn{Sheet: sheet, Header: header, Letters: letters})
	sort.SliceStable(l.Columns, func(i, j int) bool {
		a, b := l.Columns[i], l.Columns[j]
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		return a.Header < b.Header
	})
}

// Cell returns the cell in column header of the row that plaats is in:
// Cell("Documenten!C7", "Samenvatting") is "Documenten!G7" when the
// Samenvatting column is G. It returns "" when the layout does not know
// the column or plaats names no cell.
func (l *Layout) Cell(plaats, header string) string {
	if l == nil {
		return ""
	}
	i := strings.LastIndexByte(plaats, '!')
	if i < 0 {
		return ""
	}
	sheet, cell := plaats[:i], plaats[i+1:]
	row := strings.TrimLeft(cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	if row == "" || strings.Trim(row, "0123456789") != "" {
		return ""
	}
	for _, c := range l.Columns {
		if c.Sheet == sheet && c.Header == header {
			return sheet + "!" + c.Letters + row
		}
	}
	return ""
}

// Cell returns the cell in column header of the row at plaats (see
// Layout.Cell); without a layout that knows it, plaats itself, the row's
// own cell, so a message still points at the right row.
func (d *Dossier) Cell(plaats, header string) string {
	if c := d.Layout.Cell(plaats, header); c != "" {
		return c
	}
	return plaats
}
