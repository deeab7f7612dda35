package document

import (
	"fmt"
	"strings"
)

// dump writes blocks in a compact, readable form for test expectations:
// one line per block, spans as text with *italic*, **bold**, {missing}.
func dump(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Kind {
		case Heading:
			fmt.Fprintf(&b, "H%d %s\n", bl.Level, spans(bl.Text))
		case Paragraph:
			fmt.Fprintf(&b, "P %s\n", spans(bl.Text))
		case List:
			for _, it := range bl.Items {
				fmt.Fprintf(&b, "- %s\n", spans(it))
			}
		case KeyValue:
			for _, p := range bl.Pairs {
				fmt.Fprintf(&b, "KV %s = %s\n", p.Key, spans(p.Value))
			}
		case TableBlock:
			fmt.Fprintf(&b, "T %s\n", strings.Join(bl.Table.Header, " | "))
			for _, r := range bl.Table.Rows {
				var cs []string
				for _, c := range r {
					cs = append(cs, spans(c))
				}
				fmt.Fprintf(&b, "R %s\n", strings.Join(cs, " | "))
			}
		case SignatureBlock:
			for _, s := range bl.Signatures {
				fmt.Fprintf(&b, "S %s = %s\n", s.Role, s.Name)
			}
		case PageBreak:
			b.WriteString("PAGEBREAK\n")
		case ChartBlock:
			b.WriteString("CHART\n")
		}
	}
	return b.String()
}

func spans(ss []Span) string {
	var b strings.Builder
	for _, s := range ss {
		t := s.Text
		if s.Italic {
			t = "*" + t + "*"
		}
		if s.Bold {
			t = "**" + t + "**"
		}
		if s.Missing {
			t = "{" + t + "}"
		}
		b.WriteString(t)
	}
	return b.String()
}
