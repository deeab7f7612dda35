// Package document turns a dossier, its timeline and its findings into a
// laid-out-independent document model by executing the document templates
// (text/template with a hermetic sprig function map) and parsing their
// Markdown output. The model is what the PDF adapter lays out and what the
// readable golden files show.
package document

import "time"

// Doc is one generated document: metadata plus a flat list of blocks.
type Doc struct {
	Title    string // e.g. "Plan van aanpak"; also the page header
	Subject  string // PDF subject
	Author   string // PDF author (the employer)
	Dossier  string // Dossiernummer, shown in the page header
	Employee string // employee name for the footer
	BSN      string // formatted BSN for the footer, "" when unknown
	// Date is the document's own date (its row's date, or the peildatum
	// for a concept and the overview): the PDF's creation date, so output
	// is reproducible and does not change with a later peildatum.
	Date time.Time
	// Stamp is Date as every page shows it, in Dutch: "15 september 2026",
	// "concept van 31 december 2026".
	Stamp string
	// Concept marks a document that is due but not yet drawn up; every
	// page says so.
	Concept bool
	Blocks  []Block
}

// Block is one element of the document body. Exactly one of its kinds is
// set, as Kind says.
type Block struct {
	Kind BlockKind

	Level int    // Heading: 1 (section, bookmarked) or 2 (subsection)
	Text  []Span // Heading, Paragraph: inline text

	Items [][]Span // List: one entry per bullet

	Pairs []Pair // KeyValue: label/value rows

	Table *Table // Table

	Signatures []Signature // Signatures: side-by-side signature blocks

	Chart *Chart // ChartBlock: the drawn timeline; nil draws nothing
}

// BlockKind names the kind of a Block.
type BlockKind int

// The block kinds of the model.
const (
	Heading BlockKind = iota + 1
	Paragraph
	List
	KeyValue
	TableBlock
	SignatureBlock
	PageBreak
	ChartBlock
)

// Span is a run of inline text with one style.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
	// Missing marks text that stands in for absent dossier data; it is
	// rendered visibly (e.g. red, bracketed) so nobody signs an incomplete
	// document unawares.
	Missing bool
}

// Pair is one row of a key-value block.
type Pair struct {
	Key   string
	Value []Span
}

// Table is a table whose cells wrap; Header repeats after a page break.
type Table struct {
	Header []string
	Rows   [][][]Span // row, cell, spans
	// Widths are relative column widths; nil lets the layout size the
	// columns from their content (no column narrower than its longest word).
	Widths []float64
}

// Signature is one signature block: who signs, for which party, with date
// and place lines and a line to sign on.
type Signature struct {
	Role  string // e.g. "Werkgever", "Werknemer"
	Name  string
	Date  string // pre-filled date, "" leaves a line to fill in
	Place string // pre-filled place, "" leaves a line to fill in
}

// PlainText joins the text of spans.
func PlainText(spans []Span) string {
	n := 0
	for _, s := range spans {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range spans {
		b = append(b, s.Text...)
	}
	return string(b)
}
