package workbook

import (
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// SheetLijsten is the hidden sheet the writer puts the values of long
// drop-down lists on (Excel limits a list typed into a validation to 255
// characters, and the Soort list is longer). It is not part of the contract;
// readers ignore it.
const SheetLijsten = "Lijsten"

// Rows is the content of a workbook to write: per sheet name of the
// Contract, its data rows, each row holding cell texts in the order of the
// sheet's Columns (a short row leaves the remaining cells empty). The texts
// are what a person would type; Write turns them into typed cells.
type Rows map[string][][]string

// WriteOptions tunes Write.
type WriteOptions struct {
	// Date1904 writes the workbook in the 1904 date system (as old Excel for
	// Mac did): every date serial is 1462 lower.
	Date1904 bool
}

// validationRows is how far down the drop-down lists and column formats
// reach: generous for a workbook typed by hand.
const validationRows = 5000

// fixedTime is the creation and modification time written into the
// document properties, so the same rows always give the same bytes.
const fixedTime = "2026-01-01T00:00:00Z"

// dateFormat is the Excel number format of date cells (Excel spells
// dd-mm-jjjj with y).
const dateFormat = "dd-mm-yyyy"

//go:embed template.txtar
var templateText []byte

// TemplatePeildatum is the peildatum the example dossier of the template
// (template.txtar) is written for: on that day it is compleet, in sick week
// 61, with spoor 2 running and the next evaluation a week ahead.
var TemplatePeildatum = dossier.NewDate(2026, 4, 28)

// WriteTemplate writes the empty input workbook that `workbook new` gives
// users: every sheet and header of the Contract with comments, drop-down
// lists and formats, and one filled-in example dossier. The example's
// dates move by whole weeks from TemplatePeildatum towards peildatum, so a
// check at peildatum finds the example as it stands on
// TemplatePeildatum, give or take six days, on the same weekdays. The
// same peildatum gives the same bytes.
func WriteTemplate(w io.Writer, peildatum dossier.Date) error {
	rows, err := ParseRowsText(templateText)
	if err != nil {
		return fmt.Errorf("voorbeelddossier van het sjabloon: %w", err)
	}
	days := peildatum.DaysSince(TemplatePeildatum)
	weeks := days / 7
	if days < 0 && days%7 != 0 {
		weeks-- // round towards the past, so the example is never ahead
	}
	if err := shiftDates(rows, 7*weeks); err != nil {
		return fmt.Errorf("voorbeelddossier van het sjabloon: %w", err)
	}
	return Write(w, rows, WriteOptions{})
}

// shiftDates moves every date in rows by days.
func shiftDates(rows Rows, days int) error {
	for name, sheetRows := range rows {
		sh := SheetByName(name)
		for _, row := range sheetRows {
			for c, text := range row {
				if sh.Columns[c].Kind != KindDate || strings.TrimSpace(text) == "" {
					continue
				}
				d, err := dossier.ParseDate(text)
				if err != nil {
					return fmt.Errorf("%s, %s: %w", name, sh.Columns[c].Header, err)
				}
				row[c] = d.AddDays(days).String()
			}
		}
	}
	return nil
}

// Write writes an input workbook holding rows to w. Every sheet of the
// Contract is written, in order, with a bold filled header row that stays in
// view, a comment on every header, drop-down lists for the enumerations and
// Ja/Nee columns, and date format on date columns. Cell texts are checked
// and typed by their column's kind (dates become real date cells, numbers
// numbers); a text that does not fit its column is an error naming the
// sheet, row and column. The output is the same bytes for the same input.
func Write(w io.Writer, rows Rows, opt WriteOptions) error {
	for name := range rows {
		if SheetByName(name) == nil {
			return fmt.Errorf("onbekend tabblad %q", name)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	if opt.Date1904 {
		t := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &t}); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        "poortwachter",
		LastModifiedBy: "poortwachter",
		Created:        fixedTime,
		Modified:       fixedTime,
		Title:          "Invoerwerkboek verzuimdossiers (Wet verbetering poortwachter)",
		Language:       "nl-NL",
	}); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, sh := range Contract {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return err
		}
		if err := writeSheet(f, st, sh, rows[sh.Name], opt); err != nil {
			return err
		}
	}
	if err := writeLijsten(f); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

type styles struct {
	header, headerRequired, date, text int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	header := func(color string) (int, error) {
		return f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Bold: true, Family: "Calibri", Size: 11},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
			Border:    []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}},
			Alignment: &excelize.Alignment{Vertical: "center"},
		})
	}
	if st.header, err = header("DDEBF7"); err != nil {
		return st, err
	}
	if st.headerRequired, err = header("9BC2E6"); err != nil {
		return st, err
	}
	df := dateFormat
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &df}); err != nil {
		return st, err
	}
	if st.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // 49 is "@", text
		return st, err
	}
	return st, nil
}

func writeSheet(f *excelize.File, st styles, sh Sheet, rows [][]string, opt WriteOptions) error {
	last := validationRows + 1
	widths := make([]int, len(sh.Columns))
	for c, col := range sh.Columns {
		name, _ := excelize.ColumnNumberToName(c + 1)
		widths[c] = utf8.RuneCountInString(col.Header) + 4 // room for the filter arrow
		switch col.Kind {
		case KindDate:
			if err := f.SetColStyle(sh.Name, name, st.date); err != nil {
				return err
			}
		case KindBSN, KindLoonheffingennummer:
			// Text, so a BSN keeps its leading zero.
			if err := f.SetColStyle(sh.Name, name, st.text); err != nil {
				return err
			}
		}
		if err := addValidation(f, sh.Name, name, col, last); err != nil {
			return err
		}
	}
	for c, col := range sh.Columns {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(sh.Name, cell, col.Header); err != nil {
			return err
		}
		style := st.header
		comment := col.Comment
		if col.Required {
			style = st.headerRequired
			comment = "Verplicht. " + comment
		}
		if err := f.SetCellStyle(sh.Name, cell, cell, style); err != nil {
			return err
		}
		if err := f.AddComment(sh.Name, excelize.Comment{
			Author:    "poortwachter",
			Cell:      cell,
			Paragraph: []excelize.RichTextRun{{Text: comment}},
			Width:     300,
			Height:    90,
		}); err != nil {
			return err
		}
	}
	for r, row := range rows {
		if len(row) > len(sh.Columns) {
			return fmt.Errorf("%s rij %d: %d cellen, het tabblad heeft %d kolommen", sh.Name, r+2, len(row), len(sh.Columns))
		}
		for c, text := range row {
			col := sh.Columns[c]
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			n, err := setCell(f, st, sh.Name, cell, col.Kind, text, opt)
			if err != nil {
				return fmt.Errorf("%s!%s (%s): %w", sh.Name, cell, col.Header, err)
			}
			widths[c] = max(widths[c], n+2)
		}
	}
	for c, col := range sh.Columns {
		name, _ := excelize.ColumnNumberToName(c + 1)
		w := min(max(widths[c], 10), 50)
		if col.Kind == KindDate {
			w = max(utf8.RuneCountInString(col.Header)+4, 13)
		}
		if err := f.SetColWidth(sh.Name, name, name, float64(w)); err != nil {
			return err
		}
	}
	return f.SetPanes(sh.Name, &excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
}

// setCell writes text into cell as the kind of its column asks and returns
// the width the shown value needs.
func setCell(f *excelize.File, st styles, sheet, cell string, kind ColumnKind, text string, opt WriteOptions) (int, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, nil
	}
	switch kind {
	case KindDate:
		d, err := dossier.ParseDate(text)
		if err != nil {
			return 0, err
		}
		if err := f.SetCellInt(sheet, cell, int64(DateSerial(d, opt.Date1904))); err != nil {
			return 0, err
		}
		return 10, f.SetCellStyle(sheet, cell, cell, st.date)
	case KindNumber:
		v, err := strconv.ParseFloat(strings.Replace(text, ",", ".", 1), 64)
		if err != nil {
			return 0, fmt.Errorf("verwacht een getal, gevonden %q", text)
		}
		return len(text), f.SetCellFloat(sheet, cell, v, -1, 64)
	case KindSpoor:
		if text != "1" && text != "2" {
			return 0, fmt.Errorf("verwacht spoor 1 of 2, gevonden %q", text)
		}
		return 1, f.SetCellInt(sheet, cell, int64(text[0]-'0'))
	case KindJaNee:
		b, err := dossier.ParseJaNee(text)
		if err != nil {
			return 0, err
		}
		text = "Nee"
		if b {
			text = "Ja"
		}
	case KindSoort:
		s, ok := dossier.ParseSoort(text)
		if !ok {
			return 0, fmt.Errorf("onbekende soort document %q", text)
		}
		text = s.String()
	case KindStatus:
		s, ok := dossier.ParseActivityStatus(text)
		if !ok {
			return 0, fmt.Errorf("onbekende status %q", text)
		}
		text = s.String()
	case KindRedenEinde:
		r, ok := dossier.ParseRedenEinde(text)
		if !ok {
			return 0, fmt.Errorf("onbekende reden einde %q", text)
		}
		text = r.String()
	case KindBSN:
		v, err := dossier.NormalizeBSN(text)
		if err != nil {
			return 0, err
		}
		text = v
	case KindLoonheffingennummer:
		v, err := dossier.NormalizeLoonheffingennummer(text)
		if err != nil {
			return 0, err
		}
		text = v
	}
	return utf8.RuneCountInString(text), f.SetCellStr(sheet, cell, text)
}

// DateSerial returns the spreadsheet serial number of d: days since
// 1899-12-30 in the 1900 date system (correct from 1900-03-01 on, past
// Lotus's phantom 29 February 1900), days since 1904-01-01 in the 1904
// system.
func DateSerial(d dossier.Date, date1904 bool) int {
	if date1904 {
		return d.DaysSince(dossier.NewDate(1904, 1, 1))
	}
	return d.DaysSince(dossier.NewDate(1899, 12, 30))
}

// addValidation gives an enumeration or Ja/Nee column its drop-down list.
func addValidation(f *excelize.File, sheet, col string, c Column, last int) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, last))
	switch c.Kind {
	case KindSoort:
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$1:$A$%d", SheetLijsten, len(dossier.Soorten())))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Onbekende soort", "Kies een soort document uit de lijst.")
	case KindSpoor:
		if err := dv.SetDropList([]string{"1", "2"}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Onbekend spoor", "Kies 1 (eigen werkgever) of 2 (andere werkgever).")
	case KindStatus:
		if err := dv.SetDropList(names(dossier.ActivityStatuses())); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Onbekende status", "Kies "+orList(dossier.ActivityStatuses())+".")
	case KindRedenEinde:
		if err := dv.SetDropList(names(dossier.RedenenEinde())); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Onbekende reden", "Kies "+orList(dossier.RedenenEinde())+".")
	case KindJaNee:
		if err := dv.SetDropList([]string{"Ja", "Nee"}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Ja of Nee", "Kies Ja of Nee.")
	default:
		return nil
	}
	return f.AddDataValidation(sheet, dv)
}

// writeLijsten writes the hidden sheet holding the values of the Soort
// drop-down list.
func writeLijsten(f *excelize.File) error {
	if _, err := f.NewSheet(SheetLijsten); err != nil {
		return err
	}
	for i, s := range dossier.Soorten() {
		if err := f.SetCellStr(SheetLijsten, fmt.Sprintf("A%d", i+1), s.String()); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(SheetLijsten, "A", "A", 30); err != nil {
		return err
	}
	return f.SetSheetVisible(SheetLijsten, false)
}
