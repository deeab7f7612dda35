package pdf

import (
	"io"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/document"
)

// BenchmarkRender renders the three-page sample document (the size of a
// typical generated document, three faces) and a one-line document (one
// face), which shows the fixed cost per document and per face.
func BenchmarkRender(b *testing.B) {
	for _, bc := range []struct {
		name string
		doc  *document.Doc
	}{
		{"sample", sampleDoc()},
		{"paragraphs", paragraphsDoc()},
		{"oneline", &document.Doc{Title: "Kort", Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Blocks: []document.Block{para(sText("Eén regel."))}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if err := Render(io.Discard, bc.doc, testOpt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTextDump(b *testing.B) {
	doc := sampleDoc()
	for b.Loop() {
		TextDump(doc)
	}
}

// BenchmarkRenderParallel measures throughput with all cores busy, as in a
// year-end batch: ns/op is the wall time per document.
func BenchmarkRenderParallel(b *testing.B) {
	doc := sampleDoc()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := Render(io.Discard, doc, testOpt); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
