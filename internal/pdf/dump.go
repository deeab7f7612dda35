package pdf

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/poortwachter/poortwachter/internal/document"
)

// TextDump lays out doc exactly as Render does and returns the text of each
// page, one line per baseline and an empty line where blocks are apart, for
// readable golden files. Pieces of a line
// that are apart (table cells, label and value, bullet and item) are
// separated by " | ".
func TextDump(doc *document.Doc) string {
	fonts, err := loadFonts()
	if err != nil {
		return "fout: " + err.Error() + "\n"
	}
	var b strings.Builder
	for i, p := range paginate(context.Background(), doc, fonts) {
		b.WriteString("--- pagina ")
		b.WriteString(itoa(i + 1))
		b.WriteString(" ---\n")
		for _, ln := range dumpLines(p, fonts) {
			b.WriteString(ln)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func dumpLines(p *page, fonts *fontSet) []string {
	type piece struct {
		x, end float64
		text   string
	}
	rows := map[int][]piece{}
	var keys []int
	for _, o := range p.ops {
		if o.kind != opText {
			continue
		}
		k := int(math.Round(o.y * 10))
		if _, ok := rows[k]; !ok {
			keys = append(keys, k)
		}
		w := mm(fonts.faces[o.style].width(o.text), o.size)
		rows[k] = append(rows[k], piece{o.x, o.x + w, o.text})
	}
	sort.Ints(keys)
	out := make([]string, 0, len(keys))
	for i, k := range keys {
		// A gap of more than a line and a half separates blocks.
		if i > 0 && k-keys[i-1] > 75 {
			out = append(out, "")
		}
		ps := rows[k]
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].x < ps[j].x })
		var b strings.Builder
		for i, pc := range ps {
			if i > 0 && pc.x-ps[i-1].end > 2.5 {
				b.WriteString(" | ")
			}
			b.WriteString(pc.text)
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}
