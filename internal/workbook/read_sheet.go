package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/errmsg"
	"github.com/poortwachter/poortwachter/internal/nearest"
)

// reader reads one opened workbook in a single pass per sheet.
type reader struct {
	name     string // the file name, for messages
	book     book
	date1904 bool

	res      Result
	byNummer map[string]*dossier.Dossier
	periods  map[string][]dossier.SicknessPeriod
	// layout is where each contract column was found; every dossier
	// points to it.
	layout *dossier.Layout
	// colNames caches column letters: colNames[i] is the name of column i+1.
	colNames []string
}

func newReader(name string, b book) *reader {
	return &reader{
		name:     name,
		book:     b,
		date1904: b.date1904(),
		byNummer: map[string]*dossier.Dossier{},
		periods:  map[string][]dossier.SicknessPeriod{},
		layout:   &dossier.Layout{},
	}
}

func (r *reader) problem(p dossier.Problem) { r.res.Problems = append(r.res.Problems, p) }

func (r *reader) read() (*Result, error) {
	present := r.matchSheets()
	readers := map[string]func(*record){
		SheetDossiers:       r.readDossiers,
		SheetZiekteperiodes: r.readZiekteperiodes,
		SheetDocumenten:     r.readDocumenten,
		SheetActiviteiten:   r.readActiviteiten,
		SheetSollicitaties:  r.readSollicitaties,
	}
	for _, spec := range Contract {
		if _, ok := present[spec.Name]; !ok && spec.Required {
			r.problem(dossier.Problem{Plaats: spec.Name, Ernst: dossier.Fout,
				Tekst: fmt.Sprintf("het verplichte tabblad %s ontbreekt", spec.Name)})
		}
	}
	// The sheets are read concurrently and their rows processed as they
	// arrive, Dossiers first, so the other sheets can check their
	// Dossiernummers against it; rows of other sheets that arrive earlier
	// wait. The order in which the other sheets' rows are processed does not
	// change the result: each sheet appends to its own slices, in its own
	// row order, and the problems are sorted by place at the end.
	batches := r.readSheets(present)
	tables := map[*sheetStream]*sheetTable{}
	var waiting []sheetBatch
	_, hasDossiers := present[SheetDossiers]
	dossiersDone := !hasDossiers
	var firstErr error
	process := func(b sheetBatch) {
		st := tables[b.s]
		if st == nil {
			st = &sheetTable{table: table{name: b.s.sheet, spec: b.s.spec}, readRow: readers[b.s.spec.Name]}
			tables[b.s] = st
		}
		r.readBatch(st, b.rows)
		if b.last {
			if err := r.finishSheet(st, b.s); err != nil && firstErr == nil {
				firstErr = err
			}
			if b.s.spec.Name == SheetDossiers {
				dossiersDone = true
			}
		}
	}
	for open := len(present); open > 0; {
		b := <-batches
		if b.last {
			open--
		}
		if firstErr != nil {
			continue // drain the other readers before returning
		}
		if !dossiersDone && b.s.spec.Name != SheetDossiers {
			waiting = append(waiting, b)
			continue
		}
		process(b)
		if dossiersDone && waiting != nil {
			for _, w := range waiting {
				process(w)
			}
			waiting = nil
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	r.finishPeriods()
	r.res.Problems.Sort()
	// A copy, so the caller does not keep the reader alive.
	res := r.res
	return &res, nil
}

// matchSheets maps contract sheet names to the workbook's sheet names
// (matched like headers: case-insensitively, white space collapsed) and
// warns about sheets the contract does not know.
func (r *reader) matchSheets() map[string]sheetEntry {
	present := map[string]sheetEntry{}
	for _, e := range r.book.sheets() {
		// The writer's hidden list of drop-down values, and hidden sheets in
		// general, are no input the user sees or means.
		if e.name == SheetLijsten || e.hidden {
			continue
		}
		matched := false
		for _, spec := range Contract {
			if SameName(e.name, spec.Name) {
				if _, dup := present[spec.Name]; !dup {
					present[spec.Name] = e
					matched = true
				}
				break
			}
		}
		if !matched {
			r.problem(dossier.Warnf(e.name, "onbekend tabblad %q wordt niet gelezen (verwacht: %s)", e.name, sheetList()))
		}
	}
	return present
}

func sheetList() string {
	names := make([]string, len(Contract))
	for i, s := range Contract {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// table is one contract sheet as found in the workbook: where its header
// row is and which cell column holds which contract column.
type table struct {
	name      string // the sheet's name in the workbook
	spec      *Sheet
	headerRow int
	cols      map[string]tableCol // by contract header; absent when missing
}

type tableCol struct {
	idx  int // 0-based cell index
	spec Column
}

// sheetTable is the state of one sheet while its rows are processed.
type sheetTable struct {
	table
	readRow func(*record)
	stop    bool // no Dossiernummer column: no row can be placed
	// While the header row is sought, the non-empty rows seen so far wait
	// in pending (at most headerSearchRows of them); settled is set when
	// the search is over without a row holding every required header.
	pending []sheetRow
	settled bool
}

// headerSearchRows is how far down a sheet the header row is sought:
// exports often put a title and a blank line above it.
const headerSearchRows = 20

// readBatch processes rows of one sheet in order. The header row is the
// first row among the first headerSearchRows that holds every required
// header of the sheet; the rows above it are skipped. When no row does,
// the first non-empty row is the header, as if none were sought, and the
// missing columns are reported. Every later non-empty row goes to the
// sheet's readRow.
func (r *reader) readBatch(st *sheetTable, rows []sheetRow) {
	t := &st.table
	for _, row := range rows {
		if t.headerRow == 0 && !st.settled && row.num > headerSearchRows {
			r.settleHeader(st)
		}
		if st.stop {
			return
		}
		if blank(row.cells) {
			continue
		}
		switch {
		case t.headerRow != 0:
			st.readRow(&record{r: r, t: t, row: row.num, cells: row.cells, missing: row.missing})
		case st.settled || t.spec.holdsRequired(row.cells):
			st.pending = nil
			r.takeHeader(st, row)
		default:
			st.pending = append(st.pending, row)
		}
	}
}

// settleHeader ends the search for the header row when no row held every
// required header: the first non-empty row seen is the header after all,
// and the rows that waited behind it are read.
func (r *reader) settleHeader(st *sheetTable) {
	pending := st.pending
	st.pending, st.settled = nil, true
	if len(pending) == 0 {
		return
	}
	r.takeHeader(st, pending[0])
	for _, row := range pending[1:] {
		if st.stop {
			return
		}
		st.readRow(&record{r: r, t: &st.table, row: row.num, cells: row.cells, missing: row.missing})
	}
}

func (r *reader) takeHeader(st *sheetTable, row sheetRow) {
	st.headerRow = row.num
	st.stop = !r.mapHeader(&st.table, row.cells)
}

// holdsRequired reports whether cells name every required column of s.
func (s *Sheet) holdsRequired(cells []string) bool {
	for _, c := range s.Columns {
		if c.Required && !slices.ContainsFunc(cells, func(h string) bool { return SameName(h, c.Header) }) {
			return false
		}
	}
	return true
}

// finishSheet ends a sheet: a reading error makes the workbook unreadable;
// a sheet without a header row is a warning.
func (r *reader) finishSheet(st *sheetTable, s *sheetStream) error {
	if msg, ok := isTooLarge(s.err); ok {
		return fmt.Errorf("%s is te groot: tabblad %s is %s", r.name, s.sheet, msg)
	}
	if s.err != nil {
		return errmsg.Wrap(s.err, "%s is beschadigd: tabblad %s kan niet worden gelezen (%s); open het in Excel en sla het opnieuw op", r.name, s.sheet, damage(s.err))
	}
	if st.headerRow == 0 && !st.settled {
		r.settleHeader(st)
	}
	if st.headerRow == 0 {
		r.problem(dossier.Warnf(s.sheet, "tabblad %s is leeg; verwacht een kopregel met %s", s.sheet, headerList(s.spec)))
	}
	return nil
}

// blank reports whether a row has no value: only empty cells or white
// space. A formula without a cached value counts as empty here; the row's
// required cells then report it.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func headerList(spec *Sheet) string {
	names := make([]string, len(spec.Columns))
	for i, c := range spec.Columns {
		names[i] = c.Header
	}
	return strings.Join(names, ", ")
}

// mapHeader matches the header row against the contract. It reports
// unknown, repeated and missing columns, and returns false when the
// Dossiernummer column is missing.
func (r *reader) mapHeader(t *table, cells []string) bool {
	t.cols = map[string]tableCol{}
	for i, cell := range cells {
		h := dossier.NormalizeSpace(cell)
		if h == "" {
			continue
		}
		var col *Column
		if j := t.spec.ColumnIndex(h); j >= 0 {
			col = &t.spec.Columns[j]
		}
		place := t.name + "!" + r.colName(i) + strconv.Itoa(t.headerRow)
		switch {
		case col == nil:
			msg := fmt.Sprintf("onbekende kolom %q wordt niet gelezen", h)
			if near := nearestHeader(h, t.spec); near != "" {
				msg += fmt.Sprintf("; bedoelt u %s?", near)
			}
			r.problem(dossier.Warnf(place, "%s", msg))
		case hasCol(t, col.Header):
			r.problem(dossier.Errorf(place, "kolom %s staat twee keer in de kopregel (ook in %s%d); verwacht elke kolom één keer",
				col.Header, r.colName(t.cols[col.Header].idx), t.headerRow))
		default:
			t.cols[col.Header] = tableCol{idx: i, spec: *col}
			r.layout.Add(t.name, col.Header, r.colName(i))
		}
	}
	for _, col := range t.spec.Columns {
		if col.Required && !hasCol(t, col.Header) {
			r.problem(dossier.Errorf(t.name+"!"+strconv.Itoa(t.headerRow),
				"de verplichte kolom %s ontbreekt in de kopregel van tabblad %s (rij %d)", col.Header, t.name, t.headerRow))
		}
	}
	return hasCol(t, ColDossiernummer)
}

// nearestHeader returns the contract header closest to h when it is close
// enough to be a typing error, or "".
func nearestHeader(h string, spec *Sheet) string {
	headers := make([]string, len(spec.Columns))
	for i, c := range spec.Columns {
		headers[i] = c.Header
	}
	return nearest.Word(h, headers)
}

func hasCol(t *table, header string) bool {
	_, ok := t.cols[header]
	return ok
}

// colName returns the letters of the 0-based column i.
func (r *reader) colName(i int) string {
	for len(r.colNames) <= i {
		name, _ := excelize.ColumnNumberToName(len(r.colNames) + 1)
		r.colNames = append(r.colNames, name)
	}
	return r.colNames[i]
}

// record is one data row of a table.
type record struct {
	r       *reader
	t       *table
	row     int
	cells   []string      // raw values, as excelize's row iterator gives them
	missing []formulaCell // cells with a formula and no value
	dossier string        // the row's Dossiernummer once known, for Problem.Dossier
}

// col returns the table column for a contract header. Asking for a header
// the contract does not have is a programming error.
func (rec *record) col(header string) (tableCol, bool) {
	c, ok := rec.t.cols[header]
	if !ok && !rec.t.spec.has(header) {
		panic("workbook: no column " + header + " in sheet " + rec.t.spec.Name)
	}
	return c, ok
}

func (s *Sheet) has(header string) bool {
	for _, c := range s.Columns {
		if c.Header == header {
			return true
		}
	}
	return false
}

// cell returns the place of the row's cell in column header, e.g.
// "Documenten!C7"; for a missing column, the row.
func (rec *record) cell(header string) string {
	c, ok := rec.col(header)
	if !ok {
		return rec.t.name + "!" + strconv.Itoa(rec.row)
	}
	return rec.t.name + "!" + rec.r.colName(c.idx) + strconv.Itoa(rec.row)
}

// errorf records an error at the row's cell in column header.
func (rec *record) errorf(header, format string, args ...any) {
	p := dossier.Errorf(rec.cell(header), format, args...)
	p.Dossier = rec.dossier
	rec.r.problem(p)
}

// warnf records a warning at the row's cell in column header.
func (rec *record) warnf(header, format string, args ...any) {
	p := dossier.Warnf(rec.cell(header), format, args...)
	p.Dossier = rec.dossier
	rec.r.problem(p)
}

// empty reports whether the row's cell in column header holds nothing at
// all: no value and no formula. A missing column is empty.
func (rec *record) empty(header string) bool {
	c, ok := rec.col(header)
	if !ok {
		return true
	}
	if c.idx < len(rec.cells) && strings.TrimSpace(rec.cells[c.idx]) != "" {
		return false
	}
	_, isFormula := rec.formula(c.idx)
	return !isFormula
}

// formula returns the formula of the row's cell idx when it has one and
// no value.
func (rec *record) formula(idx int) (string, bool) {
	for _, f := range rec.missing {
		if f.idx == idx {
			return f.formula, true
		}
	}
	return "", false
}

// value returns the trimmed raw value in column header and whether there
// is one. An empty required cell is an error, and so is a formula without
// a cached value: a formula is never evaluated, and one written by a
// program that does not calculate has no value to read. A column missing
// from the sheet was reported with the header and yields no value.
func (rec *record) value(header string) (string, bool) {
	c, ok := rec.col(header)
	if !ok {
		return "", false
	}
	var v string
	if c.idx < len(rec.cells) {
		v = strings.TrimSpace(rec.cells[c.idx])
	}
	if v != "" {
		return v, true
	}
	if f, ok := rec.formula(c.idx); ok {
		formule := "de formule"
		if f != "" {
			formule += " =" + strings.TrimPrefix(f, "=")
		}
		rec.errorf(header, "%s: %s heeft geen berekende waarde; open het werkboek in Excel (dat rekent de formule uit) en sla het op, of vul de waarde zelf in",
			header, formule)
	} else if c.spec.Required {
		rec.errorf(header, "%s ontbreekt; deze kolom is verplicht", header)
	}
	return "", false
}

func (rec *record) text(header string) string {
	v, _ := rec.value(header)
	return parseText(v)
}

// parsed reads a typed column with parse, recording its error.
func parsed[T any](rec *record, header string, parse func(string) (T, error)) T {
	var zero T
	v, ok := rec.value(header)
	if !ok {
		return zero
	}
	x, err := parse(v)
	if err != nil {
		if msg := err.Error(); strings.HasPrefix(msg, header+" ") {
			rec.errorf(header, "%s", msg) // the message names the column already
		} else {
			rec.errorf(header, "%s: %s", header, msg)
		}
		return zero
	}
	return x
}

func (rec *record) date(header string) dossier.Date {
	return parsed(rec, header, func(s string) (dossier.Date, error) { return parseDateCell(s, rec.r.date1904) })
}

func (rec *record) janee(header string) bool { return parsed(rec, header, dossier.ParseJaNee) }

// nummer reads the row's Dossiernummer and remembers it for the problems
// that follow.
func (rec *record) nummer() string {
	rec.dossier = dossier.NormalizeSpace(rec.text(ColDossiernummer))
	return rec.dossier
}

// owner returns the dossier a row of another sheet belongs to, or nil when
// the Dossiernummer is empty or unknown (an error at that cell).
func (rec *record) owner() *dossier.Dossier {
	nummer := rec.nummer()
	if nummer == "" {
		return nil
	}
	d, ok := rec.r.byNummer[nummer]
	if !ok {
		msg := fmt.Sprintf("dossier %q staat niet op het tabblad %s; verwacht een dossiernummer uit dat tabblad", nummer, SheetDossiers)
		if other := rec.r.foldNummer(nummer); other != "" {
			msg += fmt.Sprintf(" (bedoelt u %s? hoofdletters tellen mee)", other)
		}
		rec.errorf(ColDossiernummer, "%s", msg)
	}
	return d
}

// foldNummer returns a Dossiernummer that equals nummer but for case, or "".
func (r *reader) foldNummer(nummer string) string {
	for _, d := range r.res.Dossiers {
		if strings.EqualFold(d.Nummer, nummer) {
			return d.Nummer
		}
	}
	return ""
}

func (r *reader) readDossiers(rec *record) {
	nummer := rec.nummer()
	if nummer == "" {
		return
	}
	if first, dup := r.byNummer[nummer]; dup {
		rec.errorf(ColDossiernummer, "dossiernummer %s komt twee keer voor (eerder in %s); een dossiernummer moet uniek zijn, geen van beide wordt getoetst", nummer, first.Plaats)
		return
	}
	d := &dossier.Dossier{
		Nummer:                    nummer,
		NaamWerknemer:             rec.text("Naam werknemer"),
		BSN:                       parsed(rec, "BSN", parseBSN),
		Geboortedatum:             rec.date("Geboortedatum"),
		Functie:                   rec.text("Functie"),
		UrenPerWeek:               parsed(rec, "Uren per week", parseUren),
		Vaardigheden:              rec.text("Vaardigheden"),
		Werkgever:                 rec.text("Werkgever"),
		AardBedrijf:               rec.text("Aard bedrijf"),
		Loonheffingennummer:       parsed(rec, "Loonheffingennummer", dossier.NormalizeLoonheffingennummer),
		Casemanager:               rec.text("Casemanager"),
		Bedrijfsarts:              rec.text("Bedrijfsarts"),
		Arbodienst:                rec.text("Arbodienst"),
		Arbeidsdeskundige:         rec.text("Arbeidsdeskundige"),
		Reintegratiebureau:        rec.text("Re-integratiebureau"),
		EersteZiektedag:           rec.date("Eerste ziektedag"),
		DatumHersteld:             rec.date("Datum hersteld"),
		Reintegratiedoel:          rec.text("Re-integratiedoel"),
		Contactafspraken:          rec.text("Contactafspraken"),
		MotiveringGeenSpoor2:      rec.text("Motivering geen spoor 2"),
		HerbeoordelingGeenSpoor2:  rec.date("Herbeoordeling geen spoor 2"),
		OordeelArbeidsrelatie:     rec.text("Oordeel arbeidsrelatie"),
		PassendWerk:               rec.text("Passend werk bij werkgever"),
		VisieWerknemer:            rec.text("Visie werknemer"),
		EindeWachttijdVerlengdTot: rec.date("Einde wachttijd verlengd tot"),
		Plaats:                    rec.cell(ColDossiernummer),
		Layout:                    r.layout,
	}
	if !d.DatumHersteld.IsZero() && !d.EersteZiektedag.IsZero() && d.DatumHersteld.Before(d.EersteZiektedag) {
		rec.errorf("Datum hersteld", "Datum hersteld (%s) ligt voor de eerste ziektedag (%s); verwacht een datum op of na de eerste ziektedag",
			d.DatumHersteld.NL(), d.EersteZiektedag.NL())
	}
	r.byNummer[nummer] = d
	r.res.Dossiers = append(r.res.Dossiers, d)
}

func (r *reader) readZiekteperiodes(rec *record) {
	d := rec.owner()
	p := dossier.SicknessPeriod{Van: rec.date("Van"), Tot: rec.date("Tot"), Plaats: rec.cell("Van")}
	if d == nil || p.Van.IsZero() {
		return
	}
	r.periods[d.Nummer] = append(r.periods[d.Nummer], p)
}

// finishPeriods checks each dossier's rows from Ziekteperiodes, in sheet
// order, and gives every dossier its periods.
func (r *reader) finishPeriods() {
	for _, d := range r.res.Dossiers {
		rows := r.periods[d.Nummer]
		if len(rows) > 0 && !d.EersteZiektedag.IsZero() {
			for _, p := range dossier.CheckPeriods(d.EersteZiektedag, rows) {
				p.Dossier = d.Nummer
				r.problem(p)
			}
		}
		d.SetPeriods(rows)
		// The rows were appended one by one; the slices' spare capacity
		// is a fifth of the dossiers' memory in a large workbook.
		d.Documenten = slices.Clip(slices.Clone(d.Documenten))
		d.Activiteiten = slices.Clip(slices.Clone(d.Activiteiten))
		d.Sollicitaties = slices.Clip(slices.Clone(d.Sollicitaties))
	}
}

func (r *reader) readDocumenten(rec *record) {
	d := rec.owner()
	doc := dossier.Document{
		Soort:             parsed(rec, "Soort", parseSoortCell),
		Datum:             rec.date("Datum"),
		OpgesteldDoor:     rec.text("Opgesteld door"),
		GetekendWerkgever: rec.janee("Getekend werkgever"),
		GetekendWerknemer: rec.janee("Getekend werknemer"),
		Samenvatting:      rec.text("Samenvatting"),
		FunctieOpsteller:  rec.text("Functie opsteller"),
		VisieWerkgever:    rec.text("Visie werkgever"),
		VisieWerknemer:    rec.text("Visie werknemer"),
		Plaats:            rec.cell("Datum"),
	}
	if d != nil {
		d.Documenten = append(d.Documenten, doc)
	}
}

func (r *reader) readActiviteiten(rec *record) {
	d := rec.owner()
	a := dossier.Activity{
		Spoor:             parsed(rec, "Spoor", parseSpoor),
		Activiteit:        rec.text("Activiteit"),
		Doel:              rec.text("Doel"),
		Verantwoordelijke: rec.text("Verantwoordelijke"),
		Start:             rec.date("Start"),
		Eind:              rec.date("Eind"),
		Status:            parsed(rec, "Status", parseStatusCell),
		Resultaat:         rec.text("Resultaat"),
		RedenEinde:        parsed(rec, "Reden einde", parseRedenEindeCell),
		Plaats:            rec.cell("Activiteit"),
	}
	if !a.Start.IsZero() && !a.Eind.IsZero() && a.Eind.Before(a.Start) {
		rec.errorf("Eind", "Eind (%s) ligt voor Start (%s); verwacht een einddatum op of na de startdatum", a.Eind.NL(), a.Start.NL())
	}
	if rec.empty("Eind") {
		warnNoEind(rec, a)
	}
	if d != nil {
		d.Activiteiten = append(d.Activiteiten, a)
	}
}

// warnNoEind warns about an activity without Eind that says it has ended:
// the rules go by Eind, so it counts as running, and its Reden einde is
// not used until Eind is filled in. The data stays as read.
func warnNoEind(rec *record, a dossier.Activity) {
	ended := a.Status == dossier.Afgerond || a.Status == dossier.Gestopt
	reden := a.RedenEinde != dossier.RedenOnbekend
	switch {
	case ended && reden:
		rec.warnf("Eind", "Eind is leeg bij een activiteit met status %s en reden einde %s; verwacht de datum waarop de activiteit is %s. "+
			"Zonder Eind telt de activiteit als lopend en wordt de reden einde niet gebruikt", a.Status, a.RedenEinde, strings.ToLower(a.Status.String()))
	case ended:
		rec.warnf("Eind", "Eind is leeg bij een activiteit met status %s; verwacht de datum waarop de activiteit is %s. "+
			"Zonder Eind telt de activiteit als lopend", a.Status, strings.ToLower(a.Status.String()))
	case reden:
		rec.warnf("Eind", "Eind is leeg, maar Reden einde is ingevuld (%s); verwacht de datum waarop de activiteit is beëindigd. "+
			"De reden einde wordt pas gebruikt als Eind is ingevuld", a.RedenEinde)
	}
}

func (r *reader) readSollicitaties(rec *record) {
	d := rec.owner()
	a := dossier.Application{
		Datum:     rec.date("Datum"),
		Werkgever: rec.text("Werkgever"),
		Functie:   rec.text("Functie"),
		Resultaat: rec.text("Resultaat"),
		Plaats:    rec.cell("Datum"),
	}
	if d != nil {
		d.Sollicitaties = append(d.Sollicitaties, a)
	}
}
