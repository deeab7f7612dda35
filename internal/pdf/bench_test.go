package pdf

import (
	"io"
	"testing"
)

// BenchmarkRender renders the three-page sample document, the size of a
// typical generated document.
func BenchmarkRender(b *testing.B) {
	doc := sampleDoc()
	for b.Loop() {
		if err := Render(io.Discard, doc, testOpt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTextDump(b *testing.B) {
	doc := sampleDoc()
	for b.Loop() {
		TextDump(doc)
	}
}
