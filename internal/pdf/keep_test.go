package pdf

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/document"
)

// TestKeeps moves a heading down the page a line at a time, followed by
// each kind of block, and a closing sentence with signatures likewise:
// whatever the position, no heading ends a page and the sentence stays
// with the signatures.
func TestKeeps(t *testing.T) {
	text := func(s string) []document.Span { return []document.Span{{Text: s}} }
	long := strings.Repeat("Werkgever en werknemer bespreken de voortgang en leggen de afspraken vast. ", 6)
	row := [][]document.Span{text("Activiteit met een lange omschrijving die over meer regels loopt"), text("Doel"), text("vanaf 1 maart 2026")}
	next := map[string][]document.Block{
		"paragraph": {{Kind: document.Paragraph, Text: text(long)}},
		"list":      {{Kind: document.List, Items: [][]document.Span{text(long), text("tweede")}}},
		"keyvalue":  {{Kind: document.KeyValue, Pairs: []document.Pair{{Key: "Werknemer", Value: text(long)}, {Key: "BSN", Value: text("1")}}}},
		"table":     {{Kind: document.TableBlock, Table: &document.Table{Header: []string{"Activiteit", "Doel", "Termijn"}, Rows: [][][]document.Span{row, row, row}}}},
		"heading":   {{Kind: document.Heading, Level: 2, Text: text("Tweede kop")}, {Kind: document.Paragraph, Text: text(long)}},
		"signatures": {
			{Kind: document.Paragraph, Text: text("Werkgever en werknemer hebben dit plan samen opgesteld en houden zich aan de afspraken die erin staan.")},
			{Kind: document.SignatureBlock, Signatures: []document.Signature{{Role: "Werkgever", Name: "ACME"}, {Role: "Werknemer", Name: "Jan"}}},
		},
	}
	checked := 0
	for name, blocks := range next {
		for lines := 0; lines < 75; lines++ {
			doc := &document.Doc{Title: "Proef", Blocks: []document.Block{{Kind: document.Heading, Level: 1, Text: text("Titel")}}}
			for range lines {
				doc.Blocks = append(doc.Blocks, document.Block{Kind: document.Paragraph, Text: text("Een regel.")})
			}
			doc.Blocks = append(doc.Blocks, document.Block{Kind: document.Heading, Level: 2, Text: text("Kop")})
			doc.Blocks = append(doc.Blocks, blocks...)
			for _, err := range CheckKeeps(doc) {
				t.Errorf("%s after %d lines: %v", name, lines, err)
			}
			checked++
		}
	}
	// The checker itself sees a stranded heading.
	var bad document.Doc
	for range 200 {
		bad.Blocks = append(bad.Blocks, document.Block{Kind: document.Heading, Level: 2, Text: text("Kop")})
	}
	if len(CheckKeeps(&bad)) == 0 {
		t.Error("CheckKeeps found nothing in a document of headings only")
	}
	t.Logf("%d layouts checked", checked)
}

// TestTallTableHeader grows the header of a twelve-column table from one
// line to far more than a page. A header that leaves room for rows on a
// page is repeated on every page the table goes on to, and no page holds
// only that header; a taller one is drawn once, split over pages. Either
// way layout ends (it once repeated such a header on new page after new
// page without end, found by FuzzLayout), every line stays in the body
// and every row is drawn once.
func TestTallTableHeader(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	text := func(s string) []document.Span { return []document.Span{{Text: s}} }
	var rows [][][]document.Span
	for i := range 40 {
		rows = append(rows, [][]document.Span{text("rij" + itoa(i) + " met wat tekst die over meer regels loopt in een smalle kolom")})
	}
	header := make([]string, 12)
	for i := range header {
		header[i] = "Kop"
	}
	repeated, once := 0, 0
	for n := 1; n <= 4000; n = n*5/4 + 1 {
		header[0] = strings.Repeat("x", n)
		doc := &document.Doc{Title: "Proef", Blocks: []document.Block{
			{Kind: document.TableBlock, Table: &document.Table{Header: header, Rows: rows}},
		}}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		var pages []*page
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("header of %d x: layout did not end in 5 s (%v)", n, r)
				}
			}()
			pages = paginate(ctx, doc, fonts)
		}()
		cancel()
		checkLayout(t, "header of "+itoa(n)+" x", pages, fonts)
		xs, headerPages := 0, 0
		seen := map[string]int{}
		for i, p := range pages {
			pageXs, pageRows := 0, 0
			for _, o := range p.ops {
				if o.kind != opText {
					continue
				}
				pageXs += strings.Count(o.text, "x")
				if strings.HasPrefix(o.text, "rij") {
					seen[strings.Fields(o.text)[0]]++
					pageRows++
				}
			}
			xs += pageXs
			if pageXs > 0 {
				headerPages++
			}
			if xs > n && pageXs > 0 && pageRows == 0 {
				t.Errorf("header of %d x: page %d holds a repeated header and no row", n, i+1)
			}
		}
		switch {
		case xs == n:
			once++
		case xs > n && xs%n == 0:
			repeated++
		default:
			t.Errorf("header of %d x: %d x drawn, not the whole header a whole number of times", n, xs)
		}
		for i := range rows {
			if k := seen["rij"+itoa(i)]; k != 1 {
				t.Errorf("header of %d x: row %d starts %d times", n, i, k)
			}
		}
	}
	t.Logf("%d headers repeated, %d drawn once", repeated, once)
	if repeated == 0 || once == 0 {
		t.Errorf("headers repeated in %d and drawn once in %d documents; want both kinds", repeated, once)
	}
}
