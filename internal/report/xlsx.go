package report

import (
	"fmt"
	"io"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/xlsxzip"
)

// The sheets of the auditor's workbook.
const (
	SheetOverzicht   = "Overzicht"
	SheetBevindingen = "Bevindingen"
	SheetMeldingen   = "Meldingen"
)

// statusFill is the background of a status or verdict cell in the auditor's
// workbook: red for what is missing or wrong, amber for late, green for
// on time, grey for what does not (yet) apply.
var statusFill = map[string]string{
	string(rules.Ontbreekt):         "F8CBAD",
	string(rules.Verouderd):         "F8CBAD",
	string(rules.Gebrekkig):         "F8CBAD",
	string(rules.TeLaat):            "FFE699",
	string(rules.Tijdig):            "C6EFCE",
	string(rules.NogNietNodig):      "EDEDED",
	string(rules.NietVanToepassing): "EDEDED",
	string(rules.Onvolledig):        "F8CBAD",
	string(rules.Aandacht):          "FFE699",
	string(rules.Compleet):          "C6EFCE",
	dossier.Fout.String():           "F8CBAD",
	dossier.Waarschuwing.String():   "FFE699",
	fillAchterstallig:               "F8CBAD",
}

// fillAchterstallig is the fill key of an overdue step in the agenda.
const fillAchterstallig = "achterstallig"

// xlsxStyles holds the style ids of one workbook, and the title its
// printed pages carry in the footer.
type xlsxStyles struct {
	header, date, plain, wrap int
	fill                      map[string]int
	title                     string
}

// top aligns data cells to the top, so a row made tall by a wrapped
// explanation still reads left to right.
var top = &excelize.Alignment{Vertical: "top"}

// headerFont is the font of header rows: named, so that every spreadsheet
// program shows the same.
var headerFont = excelize.Font{Bold: true, Family: "Calibri", Size: 11}

// XLSX writes the auditor's workbook of the check of results at peildatum:
// sheet Overzicht (one row per dossier with its casemanager, sick week,
// verdict, next deadline and step, and the number of findings per
// status), Bevindingen (one row per dossier and rule) and, when there are
// any, Meldingen. Header rows are frozen, filtered and repeated on every
// printed page, pages are landscape and one page wide, dates are real
// date cells shown as dd-mm-jjjj, statuses are coloured. The bytes depend
// only on the arguments: the document properties carry the peildatum, not
// the clock.
func XLSX(w io.Writer, peildatum dossier.Date, results []rules.Result, meldingen dossier.Problems) error {
	title := "Toets Wet verbetering poortwachter, peildatum " + peildatum.NL()
	return writeWorkbook(w, title, peildatum, func(f *excelize.File, st *xlsxStyles) error {
		if err := writeOverzicht(f, st, results); err != nil {
			return err
		}
		if err := writeBevindingen(f, st, results); err != nil {
			return err
		}
		if all := Meldingen(resultMeldingen(results), meldingen); len(all) > 0 {
			return writeMeldingen(f, st, all)
		}
		return nil
	})
}

// writeWorkbook writes a workbook whose sheets sheets adds (each through
// newSheetWriter), with title and the peildatum in its properties, in
// canonical part order so the same sheets give the same bytes.
func writeWorkbook(w io.Writer, title string, peildatum dossier.Date, sheets func(*excelize.File, *xlsxStyles) error) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f, title)
	if err != nil {
		return err
	}
	if err := sheets(f, st); err != nil {
		return err
	}
	// excelize starts with an empty Sheet1, active; the first sheet
	// written took its place (see newSheetWriter), so it is the active
	// tab already. (SetActiveSheet would say so again at the cost of
	// decoding every streamed sheet: a tenth of a batch's time, for the
	// same bytes.)
	stamp := peildatum.Time().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Creator:        "poortwachter",
		LastModifiedBy: "poortwachter",
		Created:        stamp,
		Modified:       stamp,
		Language:       "nl-NL",
	}); err != nil {
		return err
	}
	// excelize writes streamed sheets in map order, which varies from run
	// to run; in canonical order the same workbook gives the same bytes.
	return xlsxzip.Write(w, f)
}

func newXLSXStyles(f *excelize.File, title string) (*xlsxStyles, error) {
	st := &xlsxStyles{fill: map[string]int{}, title: title}
	var err error
	hf := headerFont
	st.header, err = f.NewStyle(&excelize.Style{
		Font:   &hf,
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border: []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}},
	})
	if err != nil {
		return nil, err
	}
	dateFmt := "dd-mm-yyyy"
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: top}); err != nil {
		return nil, err
	}
	if st.plain, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return nil, err
	}
	if st.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return nil, err
	}
	// Create the fills in a fixed order so the style ids, and with them the
	// bytes of the workbook, never vary.
	keys := []string{}
	for _, s := range Statuses {
		keys = append(keys, string(s))
	}
	for _, o := range Oordelen {
		keys = append(keys, string(o))
	}
	keys = append(keys, dossier.Fout.String(), dossier.Waarschuwing.String(), fillAchterstallig)
	for _, k := range keys {
		id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{statusFill[k]}}, Alignment: top})
		if err != nil {
			return nil, err
		}
		st.fill[k] = id
	}
	return st, nil
}

// sheetWriter streams one sheet: header, widths, frozen first row and an
// auto-filter over all rows written.
type sheetWriter struct {
	f     *excelize.File
	st    *xlsxStyles
	sw    *excelize.StreamWriter
	sheet string
	row   int
	// wrap is the column (0-based) whose long text wraps within its width
	// (an explanation), -1 for none; wrapped, it is printed whole and does
	// not widen the printed page.
	wrap int
	// widths are the column widths, in characters.
	widths []float64
	// A sheet with more rows than Excel holds goes on in further sheets
	// ("Bevindingen (2)", ...): name is the first one's, header the header
	// row each repeats, parts the number of data rows of each (see
	// splitRows), part the one being written and left its rows still to
	// come.
	name       string
	header     []string
	parts      []int
	part, left int
}

// maxSheetRows is the number of data rows a sheet holds: Excel's limit of
// 1,048,576 rows, less the header. A variable, so that tests can split
// small workbooks.
var maxSheetRows = excelize.TotalRows - 1

// splitRows divides rows that come in groups of the given sizes (the
// findings of one dossier) over sheets of at most maxSheetRows data rows,
// keeping each group on one sheet when it fits on one, and returns the
// number of rows of each sheet: always at least one, if empty.
func splitRows(sizes iter.Seq[int]) []int {
	parts := []int{0}
	for n := range sizes {
		if last := parts[len(parts)-1]; last > 0 && last+n > maxSheetRows {
			parts = append(parts, 0)
		}
		parts[len(parts)-1] += n
		for last := parts[len(parts)-1]; last > maxSheetRows; last = parts[len(parts)-1] {
			parts[len(parts)-1] = maxSheetRows // a group larger than a sheet
			parts = append(parts, last-maxSheetRows)
		}
	}
	return parts
}

// ones yields n groups of one row.
func ones(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for range n {
			if !yield(1) {
				return
			}
		}
	}
}

// sheetPart is the name of part i (0-based) of a sheet split over several.
func sheetPart(name string, i int) string {
	if i == 0 {
		return name
	}
	return fmt.Sprintf("%s (%d)", name, i+1)
}

// lineHeight is the height in points of one line of text in the default
// font (Calibri 11).
const lineHeight = 15

// newSheetWriter prepares sheet (the first one takes the place of
// excelize's empty Sheet1) with the given header and column widths, for
// data rows that come in groups of the given sizes, split over sheets by
// splitRows (known up front: the auto-filter must be set before streaming
// starts). Each part is a sheet with its print set-up: A4 landscape, one
// page wide, the header row repeated on every page, the title and page
// numbers in the footer.
func newSheetWriter(f *excelize.File, st *xlsxStyles, sheet string, header []string, widths []float64, groups iter.Seq[int]) (*sheetWriter, error) {
	widths = append([]float64(nil), widths...)
	for i, wd := range widths {
		// Room for the header and its filter arrow.
		widths[i] = max(wd, float64(utf8.RuneCountInString(header[i])+4))
	}
	s := &sheetWriter{f: f, st: st, wrap: -1, widths: widths, name: sheet, header: header, parts: splitRows(groups)}
	return s, s.open()
}

// open starts the sheet of part s.part and writes its header row.
func (s *sheetWriter) open() error {
	f, sheet := s.f, sheetPart(s.name, s.part)
	if f.SheetCount == 1 && f.GetSheetName(0) == "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	s.sheet, s.row, s.left = sheet, 0, s.parts[s.part]
	last, _ := excelize.CoordinatesToCellName(len(s.header), s.left+1)
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	if err := setPrint(f, s.st, sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	s.sw = sw
	for i, wd := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(s.header))
	for i, h := range s.header {
		cells[i] = excelize.Cell{Value: h, StyleID: s.st.header}
	}
	s.row++
	return sw.SetRow("A1", cells)
}

// flush ends the sheet being written.
func (s *sheetWriter) flush() error { return s.sw.Flush() }

// setPrint gives sheet its print set-up (see newSheetWriter).
func setPrint(f *excelize.File, st *xlsxStyles, sheet string) error {
	a4, landscape, one, any := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet,
	}); err != nil {
		return err
	}
	// In a header or footer "&" starts a code; a title's own "&" is "&&".
	title := strings.ReplaceAll(st.title, "&", "&&")
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + title + "&C" + sheet + "&Rpagina &P van &N",
	})
}

// add writes a data row: cells that have no style of their own are
// aligned to the top, the wrap column's text wraps. A row whose text
// wraps gets the height of its lines: spreadsheet programs do not all
// grow a row to fit when they open a file (LibreOffice does not).
func (s *sheetWriter) add(cells []any) error {
	for s.left == 0 && s.part+1 < len(s.parts) {
		if err := s.flush(); err != nil {
			return err
		}
		s.part++
		if err := s.open(); err != nil {
			return err
		}
	}
	s.left--
	s.row++
	var opts []excelize.RowOpts
	for i, c := range cells {
		if _, styled := c.(excelize.Cell); styled || c == nil {
			continue
		}
		style := s.st.plain
		if i == s.wrap {
			style = s.st.wrap
			if text, ok := c.(string); ok {
				// A column width counts digits of the default font; text
				// averages narrower, about 1.2 characters a digit in
				// LibreOffice and Excel. 1.1 leaves room to spare.
				if n := len(wrap(text, int(s.widths[i]*1.1))); n > 1 {
					opts = append(opts, excelize.RowOpts{Height: float64(min(n*lineHeight, 409))})
				}
			}
		}
		cells[i] = excelize.Cell{Value: c, StyleID: style}
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sw.SetRow(cell, cells, opts...)
}

// date returns a date cell, or an empty cell for the zero date.
func (s *sheetWriter) date(d dossier.Date) any {
	if d.IsZero() {
		return nil
	}
	return excelize.Cell{Value: d.Time(), StyleID: s.st.date}
}

// colored returns a text cell filled with the colour of v.
func (s *sheetWriter) colored(v string) any {
	return excelize.Cell{Value: v, StyleID: s.st.fill[v]}
}

// statusHeader writes a status as words for a column header: "Nog niet
// nodig" for nog-niet-nodig.
func statusHeader(s rules.Status) string {
	return upperFirst(strings.ReplaceAll(string(s), "-", " "))
}

func writeOverzicht(f *excelize.File, st *xlsxStyles, results []rules.Result) error {
	header := []string{"Dossiernummer", "Werknemer", "Werkgever", "Casemanager", "Eerste ziektedag", "Ziekteweek",
		"Einde wachttijd", "Oordeel", "Volgende uiterste datum", "Volgende stap"}
	widths := []float64{15, 24, 24, 20, 16, 12, 16, 13, 16, 44}
	for _, s := range Statuses {
		h := statusHeader(s)
		header = append(header, h)
		widths = append(widths, float64(max(9, len(h)+4)))
	}
	s, err := newSheetWriter(f, st, SheetOverzicht, header, widths, ones(len(results)))
	if err != nil {
		return err
	}
	for _, r := range results {
		d := r.Dossier
		var week any
		if h := d.DatumHersteld; h.IsZero() || h.After(r.Peildatum) {
			week = rules.NewCalendar(d).Week(r.Peildatum)
		}
		var next dossier.Date
		var stap string
		if steps := rules.Steps(r, dossier.Date{}); len(steps) > 0 {
			next, stap = steps[0].Datum, steps[0].Stap
		}
		n := countStatus(r)
		cells := []any{d.Nummer, d.NaamWerknemer, d.Werkgever, d.Casemanager, s.date(d.EersteZiektedag), week,
			s.date(r.EindeWachttijd), s.colored(string(r.Oordeel)), s.date(next), stap}
		for _, st := range Statuses {
			cells = append(cells, n[st])
		}
		if err := s.add(cells); err != nil {
			return err
		}
	}
	return s.flush()
}

func writeBevindingen(f *excelize.File, st *xlsxStyles, results []rules.Result) error {
	header := []string{"Dossiernummer", "Werknemer", "Regel", "Titel", "Ernst", "Status", "Uiterste datum", "Datum", "Toelichting"}
	widths := []float64{15, 24, 28, 36, 13, 20, 15, 12, 100}
	// The findings of one dossier stay on one sheet.
	perDossier := func(yield func(int) bool) {
		for _, r := range results {
			if !yield(len(r.Bevindingen)) {
				return
			}
		}
	}
	s, err := newSheetWriter(f, st, SheetBevindingen, header, widths, perDossier)
	if err != nil {
		return err
	}
	s.wrap = len(header) - 1
	for _, r := range results {
		for _, b := range r.Bevindingen {
			cells := []any{r.Dossier.Nummer, r.Dossier.NaamWerknemer, b.Regel, b.Titel, string(b.Ernst), s.colored(string(b.Status)),
				s.date(b.UitersteDatum), s.date(b.Datum), b.Toelichting}
			if err := s.add(cells); err != nil {
				return err
			}
		}
	}
	return s.flush()
}

func writeMeldingen(f *excelize.File, st *xlsxStyles, ps dossier.Problems) error {
	header := []string{"Plaats", "Dossiernummer", "Ernst", "Tekst"}
	s, err := newSheetWriter(f, st, SheetMeldingen, header, []float64{22, 15, 14, 100}, ones(len(ps)))
	if err != nil {
		return err
	}
	s.wrap = len(header) - 1
	for _, p := range ps {
		if err := s.add([]any{p.Plaats, p.Dossier, s.colored(p.Ernst.String()), p.Tekst}); err != nil {
			return fmt.Errorf("melding %s: %w", p.Plaats, err)
		}
	}
	return s.flush()
}
