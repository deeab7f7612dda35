package pdf

import (
	"strings"
	"testing"

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
