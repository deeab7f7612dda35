package pdf

import (
	"context"
	"fmt"

	"github.com/poortwachter/poortwachter/internal/document"
)

// CheckKeeps lays out doc as Render does and reports every page break that
// parts what must stay together: a heading as the last thing on a page,
// and the sentence that introduces a row of signature blocks on another
// page than the signatures. The tests run it over every document; nil
// means none.
func CheckKeeps(doc *document.Doc) []error {
	fonts, err := loadFonts()
	if err != nil {
		return []error{err}
	}
	var errs []error
	for i, p := range paginate(context.Background(), doc, fonts) {
		// The ops of a heading follow its bookmark; the page's header and
		// footer come first. A heading ends a page when no body text of
		// another colour follows its bookmark.
		last := -1
		for j, o := range p.ops {
			if o.kind == opBookmark {
				last = j
			}
		}
		if last < 0 {
			continue
		}
		after := false
		for _, o := range p.ops[last+1:] {
			if o.kind == opText && o.color != colHeading {
				after = true
				break
			}
		}
		if !after {
			errs = append(errs, fmt.Errorf("pagina %d eindigt met de kop %q", i+1, p.ops[last].text))
		}
	}
	pageOf := pageIndex(doc, fonts)
	for i, b := range doc.Blocks {
		if b.Kind == document.SignatureBlock && i > 0 && doc.Blocks[i-1].Kind == document.Paragraph {
			if a, z := pageOf[i-1], pageOf[i]; a != z {
				errs = append(errs, fmt.Errorf("de zin voor de handtekeningen staat op pagina %d, de handtekeningen op pagina %d", a+1, z+1))
			}
		}
	}
	return errs
}

// pageIndex returns, for each block of doc, the page it ends on.
func pageIndex(doc *document.Doc, fonts *fontSet) []int {
	l := newLayout(context.Background(), fonts)
	out := make([]int, len(doc.Blocks))
	for i := range doc.Blocks {
		l.block(doc.Blocks, i)
		out[i] = len(l.pages) - 1
	}
	return out
}
