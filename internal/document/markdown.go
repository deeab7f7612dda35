package document

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The Markdown the templates write is CommonMark with GFM tables, plus five
// small extensions documented in templates/README.md:
//
//   - a fenced block ```gegevens with "Sleutel: waarde" lines: a KeyValue
//     block; the values are inline Markdown;
//   - a fenced block ```handtekeningen with "Rol: Naam" lines: signature
//     blocks side by side;
//   - a fenced block ```tijdlijn, empty: the drawn timeline of the dossier
//     as of the document's date;
//   - a line \pagebreak on its own: a page break;
//   - [[ontbreekt: wat]] inline: a Missing span "[ontbreekt: wat]".
const (
	fenceGegevens       = "gegevens"
	fenceHandtekeningen = "handtekeningen"
	fenceTijdlijn       = "tijdlijn"
	pageBreakLine       = `\pagebreak`
)

var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(
		parser.WithInlineParsers(util.Prioritized(missingParser{}, 150)),
	),
)

// ParseMarkdown parses the Markdown text of a rendered template into the
// blocks of the document model. It fails only on a fenced block of an
// unknown kind or a malformed gegevens or handtekeningen line, naming the
// line.
func ParseMarkdown(src string) ([]Block, error) {
	source := []byte(src)
	root := markdown.Parser().Parse(text.NewReader(source))
	p := mdParser{src: source}
	var blocks []Block
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		bs, err := p.block(n)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, bs...)
	}
	return blocks, nil
}

type mdParser struct{ src []byte }

// line returns the 1-based line number of byte offset pos.
func (p mdParser) line(pos int) int { return bytes.Count(p.src[:pos], []byte("\n")) + 1 }

func (p mdParser) block(n ast.Node) ([]Block, error) {
	switch n := n.(type) {
	case *ast.Heading:
		level := min(n.Level, 2)
		return []Block{{Kind: Heading, Level: level, Text: p.inlines(n)}}, nil
	case *ast.Paragraph, *ast.TextBlock:
		if p.rawLines(n) == pageBreakLine {
			return []Block{{Kind: PageBreak}}, nil
		}
		return []Block{{Kind: Paragraph, Text: p.inlines(n)}}, nil
	case *ast.List:
		var items [][]Span
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			items = append(items, p.itemSpans(it)...)
		}
		return []Block{{Kind: List, Items: items}}, nil
	case *east.Table:
		return []Block{{Kind: TableBlock, Table: p.table(n)}}, nil
	case *ast.FencedCodeBlock:
		return p.fenced(n)
	case *ast.Blockquote:
		var out []Block
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			bs, err := p.block(c)
			if err != nil {
				return nil, err
			}
			out = append(out, bs...)
		}
		return out, nil
	case *ast.ThematicBreak:
		return nil, nil
	default:
		// Code blocks, HTML: shown as the literal text they hold.
		if t := strings.TrimSpace(p.rawLines(n)); t != "" {
			return []Block{{Kind: Paragraph, Text: []Span{{Text: t}}}}, nil
		}
		return nil, nil
	}
}

// itemSpans returns the bullets of one list item: its own text, then the
// items of a nested list, flattened (the model has one list level).
func (p mdParser) itemSpans(item ast.Node) [][]Span {
	var own []Span
	var nested [][]Span
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.List:
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				nested = append(nested, p.itemSpans(it)...)
			}
		default:
			if len(own) > 0 {
				own = appendText(own, Span{Text: " "})
			}
			own = append(own, p.inlines(c)...)
		}
	}
	return append([][]Span{own}, nested...)
}

func (p mdParser) table(t *east.Table) *Table {
	tb := &Table{}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells [][]Span
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, p.inlines(c))
		}
		if _, ok := r.(*east.TableHeader); ok {
			for _, c := range cells {
				tb.Header = append(tb.Header, PlainText(c))
			}
			continue
		}
		tb.Rows = append(tb.Rows, cells)
	}
	return tb
}

func (p mdParser) fenced(n *ast.FencedCodeBlock) ([]Block, error) {
	lang := string(n.Language(p.src))
	lines := n.Lines()
	switch lang {
	case fenceGegevens, fenceHandtekeningen:
	case fenceTijdlijn:
		// The chart is filled in by Build from the dossier; the block
		// holds nothing of its own.
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if line := strings.TrimSpace(string(seg.Value(p.src))); line != "" {
				return nil, fmt.Errorf("regel %d: het blok %s blijft leeg, gevonden %q", p.line(seg.Start), lang, line)
			}
		}
		return []Block{{Kind: ChartBlock}}, nil
	default:
		// Pos is the opening fence's offset.
		return nil, fmt.Errorf("regel %d: onbekend blok %q; verwacht ```%s, ```%s of ```%s", p.line(max(n.Pos(), 0)), lang, fenceGegevens, fenceHandtekeningen, fenceTijdlijn)
	}
	b := Block{Kind: KeyValue}
	if lang == fenceHandtekeningen {
		b.Kind = SignatureBlock
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimSpace(string(seg.Value(p.src)))
		if line == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("regel %d: verwacht \"Sleutel: waarde\" in het blok %s, gevonden %q", p.line(seg.Start), lang, line)
		}
		spans := parseInline(strings.TrimSpace(value))
		if b.Kind == KeyValue {
			b.Pairs = append(b.Pairs, Pair{Key: strings.TrimSpace(key), Value: spans})
		} else {
			b.Signatures = append(b.Signatures, Signature{Role: strings.TrimSpace(key), Name: PlainText(spans)})
		}
	}
	return []Block{b}, nil
}

// parseInline parses one line of inline Markdown into spans. A value that
// would start a block ("- x", "# x", "1. x") is kept as text.
func parseInline(s string) []Span {
	if s == "" {
		return nil
	}
	source := []byte(protectBlockStart(s))
	root := markdown.Parser().Parse(text.NewReader(source))
	p := mdParser{src: source}
	var out []Span
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if len(out) > 0 {
			out = appendText(out, Span{Text: " "})
		}
		out = append(out, p.inlines(n)...)
	}
	return out
}

// protectBlockStart escapes the first character of s when it would make s
// a list item, heading, quote, thematic break or code fence.
func protectBlockStart(s string) string {
	next := func(i int) byte {
		if i < len(s) {
			return s[i]
		}
		return ' '
	}
	switch c := s[0]; {
	case strings.IndexByte("#>=|~`", c) >= 0:
		return `\` + s
	case strings.IndexByte("-+*_", c) >= 0 && (next(1) == ' ' || next(1) == c):
		return `\` + s
	case c >= '0' && c <= '9':
		i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
		if i > 0 && (s[i] == '.' || s[i] == ')') && next(i+1) == ' ' {
			return s[:i] + `\` + s[i:]
		}
	}
	return s
}

// rawLines returns the source lines of a block, trimmed and joined.
func (p mdParser) rawLines(n ast.Node) string {
	lines := n.Lines()
	var parts []string
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		parts = append(parts, strings.TrimSpace(string(seg.Value(p.src))))
	}
	return strings.Join(parts, "\n")
}

// inlines returns the spans of the inline children of n.
func (p mdParser) inlines(n ast.Node) []Span {
	var out []Span
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = p.inline(out, c, Span{})
	}
	// A paragraph's last line break is not text.
	if len(out) > 0 {
		last := &out[len(out)-1]
		last.Text = strings.TrimRight(last.Text, " \n")
		if last.Text == "" {
			out = out[:len(out)-1]
		}
	}
	return out
}

func (p mdParser) inline(out []Span, n ast.Node, style Span) []Span {
	switch n := n.(type) {
	case *ast.Text:
		s := style
		v := n.Segment.Value(p.src)
		if n.IsRaw() {
			s.Text = string(v)
		} else {
			s.Text = unescape(v)
		}
		switch {
		case n.HardLineBreak():
			s.Text += "\n"
		case n.SoftLineBreak():
			s.Text += " "
		}
		return appendText(out, s)
	case *ast.String:
		s := style
		s.Text = string(n.Value)
		return appendText(out, s)
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				s := style
				s.Text = string(t.Segment.Value(p.src))
				out = appendText(out, s)
			} else {
				out = p.inline(out, c, style)
			}
		}
		return out
	case *ast.Emphasis:
		s := style
		if n.Level >= 2 {
			s.Bold = true
		} else {
			s.Italic = true
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			out = p.inline(out, c, s)
		}
		return out
	case *missingNode:
		return append(out, Span{Text: "[ontbreekt: " + n.wat + "]", Bold: style.Bold, Italic: style.Italic, Missing: true})
	case *ast.AutoLink:
		s := style
		s.Text = string(n.Label(p.src))
		return appendText(out, s)
	case *ast.RawHTML:
		s := style
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			s.Text += string(seg.Value(p.src))
		}
		return appendText(out, s)
	default:
		// Links and images: their text.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			out = p.inline(out, c, style)
		}
		return out
	}
}

// appendText appends s, merging it into the last span when the style is the
// same, so the model holds as few spans as the text needs.
func appendText(out []Span, s Span) []Span {
	if s.Text == "" {
		return out
	}
	if k := len(out); k > 0 && !s.Missing && !out[k-1].Missing &&
		out[k-1].Bold == s.Bold && out[k-1].Italic == s.Italic {
		out[k-1].Text += s.Text
		return out
	}
	return append(out, s)
}

var reEntity = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// unescape resolves backslash escapes and entity references of a text
// segment in one pass, as CommonMark does (an escaped "&" starts no entity).
func unescape(v []byte) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i++
		case c == '&':
			if m := reEntity.Find(v[i:]); m != nil {
				r := util.ResolveEntityNames(util.ResolveNumericReferences(m))
				b.Write(r)
				i += len(m) - 1
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// missingNode is the inline [[ontbreekt: wat]] marker.
type missingNode struct {
	ast.BaseInline
	wat string
}

var kindMissing = ast.NewNodeKind("Ontbreekt")

func (n *missingNode) Kind() ast.NodeKind { return kindMissing }

func (n *missingNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"wat": n.wat}, nil)
}

// missingParser parses [[ontbreekt: wat]]; an escaped \[ never triggers it,
// so workbook text cannot forge a marker.
type missingParser struct{}

const missingOpen = "[[ontbreekt:"

func (missingParser) Trigger() []byte { return []byte{'['} }

func (missingParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !bytes.HasPrefix(line, []byte(missingOpen)) {
		return nil
	}
	end := bytes.Index(line, []byte("]]"))
	if end < 0 {
		return nil
	}
	wat := strings.TrimSpace(string(line[len(missingOpen):end]))
	block.Advance(end + 2)
	return &missingNode{wat: wat}
}
