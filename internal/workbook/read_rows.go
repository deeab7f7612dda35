package workbook

import (
	"fmt"
	"sync"
)

// book is an opened workbook as the reader needs it: its sheets in
// workbook order, its date system, and the cells of a sheet row by row.
// zipBook streams the package; the tests hold it to a book read with
// excelize's row iterator (read_ref_test.go), the reference.
type book interface {
	date1904() bool
	sheets() []sheetEntry
	// rows calls yield for every row of sheet that holds a value or a
	// formula, in order; a yield error stops it and is returned.
	rows(sheet sheetEntry, yield func(sheetRow) error) error
}

// sheetRow is one row: its 1-based number, its raw cell values by column
// (date cells as serials, shared strings resolved), and the cells that
// hold a formula without a value.
type sheetRow struct {
	num     int
	cells   []string
	missing []formulaCell
}

// formulaCell is a cell with a formula and no (cached) value: a formula is
// never evaluated, and one written by a program that does not calculate
// has no value to read.
type formulaCell struct {
	idx     int    // 0-based column
	formula string // without '='; "" when it is shared from another cell
}

// zipBook is the production book: worksheets are unzipped and scanned as
// streams, cell by cell, so neither a sheet's XML nor its rows are held in
// memory; only the shared string table is, once.
type zipBook struct {
	p        *pkg
	entries  []sheetEntry
	d1904    bool
	sstPart  string
	sstOnce  sync.Once
	sst      []string
	sstError error
}

func newZipBook(p *pkg) (*zipBook, error) {
	entries, d1904, sstPart, err := p.structure()
	if err != nil {
		return nil, err
	}
	return &zipBook{p: p, entries: entries, d1904: d1904, sstPart: sstPart}, nil
}

func (b *zipBook) date1904() bool       { return b.d1904 }
func (b *zipBook) sheets() []sheetEntry { return b.entries }

// sharedStrings reads the shared string table on first use; the sheets
// read concurrently share it.
func (b *zipBook) sharedStrings() ([]string, error) {
	b.sstOnce.Do(func() {
		if b.sstPart == "" {
			return
		}
		rc, err := b.p.open(b.sstPart)
		if err != nil {
			b.sstError = err
			return
		}
		defer rc.Close()
		pf := prefetch(rc)
		defer pf.Close()
		b.sst, b.sstError = scanSharedStrings(newXMLStream(pf))
	})
	return b.sst, b.sstError
}

func (b *zipBook) rows(s sheetEntry, yield func(sheetRow) error) error {
	sst, err := b.sharedStrings()
	if err != nil {
		return fmt.Errorf("de gedeelde teksten (%s): %w", b.sstPart, err)
	}
	if s.part == "" {
		return fmt.Errorf("het werkblad van tabblad %s ontbreekt in het bestand", s.name)
	}
	rc, err := b.p.open(s.part)
	if err != nil {
		return err
	}
	defer rc.Close()
	pf := prefetch(rc)
	defer pf.Close()
	return scanCells(newXMLStream(pf), sst, yield)
}

// sheetStream is one sheet being read.
type sheetStream struct {
	sheet string // the sheet's name in the workbook
	spec  *Sheet
	err   error // set before the last batch is sent
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
// workbook's sheet), one goroutine per sheet so a large workbook uses
// every core. The rows of all sheets arrive on one channel in batches, so
// they can be processed while the rest is still being read; every sheet
// ends with one batch marked last.
func (r *reader) readSheets(present map[string]sheetEntry) <-chan sheetBatch {
	out := make(chan sheetBatch, 64)
	for name, e := range present {
		s := &sheetStream{sheet: e.name, spec: SheetByName(name)}
		go r.readRows(s, e, out)
	}
	return out
}

func (r *reader) readRows(s *sheetStream, e sheetEntry, out chan<- sheetBatch) {
	var batch []sheetRow
	defer func() {
		// A damaged sheet must not take the process down.
		if p := recover(); p != nil {
			s.err, batch = panicError{p}, nil
		}
		out <- sheetBatch{s: s, rows: batch, last: true}
	}()
	s.err = r.book.rows(e, func(row sheetRow) error {
		batch = append(batch, row)
		if len(batch) == batchRows {
			out <- sheetBatch{s: s, rows: batch}
			batch = nil
		}
		return nil
	})
}

// panicError is a panic while reading turned into an error.
type panicError struct{ v any }

func (p panicError) Error() string { return fmt.Sprint(p.v) }
