package pdf

import (
	"context"
	"slices"
	"strings"

	"github.com/poortwachter/poortwachter/internal/document"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW      = 210.0
	pageH      = 297.0
	marginL    = 22.0
	marginR    = 20.0
	contentW   = pageW - marginL - marginR
	bodyTop    = 27.0
	bodyBottom = 276.0

	headerBaseline = 14.0
	headerRule     = 17.0
	footerRule     = 281.0
	footerBaseline = 286.0

	ptToMM = 25.4 / 72
)

// Type sizes in points.
const (
	sizeBody    = 10.0
	sizeTable   = 9.0
	sizeH1      = 15.0
	sizeH2      = 11.0
	sizeMargin  = 8.0 // header, footer, captions
	lineSpacing = 1.38
)

type rgb struct{ r, g, b uint8 }

var (
	colText    = rgb{0x1a, 0x1a, 0x1a}
	colHeading = rgb{0x15, 0x3a, 0x5b} // muted navy, like government forms
	colMuted   = rgb{0x5a, 0x5a, 0x5a}
	colMissing = rgb{0xb4, 0x23, 0x18} // dark red
	colMissBg  = rgb{0xfd, 0xec, 0xdc} // pale orange behind missing data
	colRule    = rgb{0x9a, 0x9a, 0x9a}
	colGrid    = rgb{0xb4, 0xb4, 0xb4}
	colHeadBg  = rgb{0xe9, 0xeb, 0xee}
	colRowRule = rgb{0xd6, 0xd6, 0xd6}
)

type opKind int

const (
	opText opKind = iota
	opLine
	opFill   // filled rectangle
	opStroke // outlined rectangle
	opBookmark
	opCircle   // centre x, y; radius x2; filled or outlined (width size)
	opTriangle // centred on x, y, pointing up; half width x2
	opDashLine // a dashed line
	opDashRect // a dashed outline of a rectangle
)

// op is one drawing operation on a page, in page coordinates (mm from the
// top left). The layout produces ops; Render replays them on fpdf and
// TextDump prints their text, so both see the same pages.
type op struct {
	kind   opKind
	x, y   float64 // text: left end of the baseline; rect: top left; line: start
	x2, y2 float64 // line: end; rect: width and height
	text   string  // text, bookmark title
	style  style
	size   float64 // text: points; line, stroke: width in mm
	color  rgb
	level  int  // bookmark: 0 or 1
	fill   bool // circle, triangle: filled instead of outlined
}

type page struct {
	ops []op
}

// layout paginates a document into pages of ops.
type layout struct {
	ctx   context.Context // checked at every block and page; see stop
	fonts *fontSet
	pages []*page
	cur   *page
	y     float64 // top of the next line
	// fresh is true while the current page has no body content yet.
	fresh bool
	// hasH1 says whether a level-1 bookmark exists for level-2 ones to hang under.
	hasH1 bool
	// wrapped keeps what wrap made of the spans of the document's blocks:
	// keeping a heading with what follows, and a table's first row with
	// its header, measures text that is then laid out again.
	wrapped map[wrapKey][]line
	// runBuf, wordBuf and pendingBuf are wrapSpans's scratch space.
	runBuf              []run
	wordBuf, pendingBuf []piece
}

// wrapKey identifies a call of wrap: spans by their first element (spans
// of the document's blocks do not move or change during a layout) and
// length, and the size, width and style it wraps them at.
type wrapKey struct {
	first       *document.Span
	n           int
	size, width float64
	bold        bool
}

func newLayout(ctx context.Context, fonts *fontSet) *layout {
	l := &layout{ctx: ctx, fonts: fonts}
	l.newPage()
	return l
}

// stopped is the panic value that ends a layout whose context is done;
// Render recovers it and returns err.
type stopped struct{ err error }

// stop ends the layout once its context is done, so a huge document (a
// template may write 20 MB, some 7,000 pages) stops within moments of
// Ctrl-C or its time limit.
func (l *layout) stop() {
	if err := l.ctx.Err(); err != nil {
		panic(stopped{err})
	}
}

func (l *layout) newPage() {
	l.stop()
	// Pages of a document hold similar numbers of ops: room for as many
	// as the last page, and for the header and footer decorate adds,
	// saves growing the slice op by op.
	n := 64
	if l.cur != nil {
		n = len(l.cur.ops)
	}
	l.cur = &page{ops: make([]op, 0, n+decorOps)}
	l.pages = append(l.pages, l.cur)
	l.y = bodyTop
	l.fresh = true
}

// room reports the vertical space left on the page.
func (l *layout) room() float64 { return bodyBottom - l.y }

// ensure starts a new page unless h fits on the current one or the page is
// still empty (then nothing would be gained).
func (l *layout) ensure(h float64) {
	if h > l.room() && !l.fresh {
		l.newPage()
	}
}

func (l *layout) add(o op) {
	l.cur.ops = append(l.cur.ops, o)
	if o.kind != opBookmark {
		l.fresh = false
	}
}

// mm converts a width in 1/1000 em at size points to millimetres.
func mm(w int, size float64) float64 { return float64(w) * size / 1000 * ptToMM }

func lineHeight(size float64) float64 { return size * ptToMM * lineSpacing }

// baseline is the distance from the top of a line box to its baseline.
func baseline(size float64) float64 {
	return lineHeight(size)/2 + size*ptToMM*0.34
}

func (l *layout) textWidth(s string, st style, size float64) float64 {
	return mm(l.fonts.faces[st].width(s), size)
}

// run is a piece of a laid-out line with one style.
type run struct {
	text    string
	style   style
	missing bool
	x, w    float64 // relative to the line start
}

// line is one wrapped line of inline text.
type line struct {
	runs []run
	w    float64
}

// piece is a styled fragment of a word or a space during wrapping.
type piece struct {
	text    string
	style   style
	missing bool
	w       float64
}

// wrap breaks spans into lines no wider than width (mm) at size points.
// Words may cross span boundaries ("**vet**,"); a word wider than the line
// is broken between characters. A "\n" in a span forces a line break.
// forceStyle is or-ed into every span's style (headings are bold).
func (l *layout) wrap(spans []document.Span, size, width float64, forceBold bool) []line {
	if len(spans) == 0 {
		return l.wrapSpans(spans, size, width, forceBold)
	}
	k := wrapKey{&spans[0], len(spans), size, width, forceBold}
	if lines, ok := l.wrapped[k]; ok {
		return lines
	}
	lines := l.wrapSpans(spans, size, width, forceBold)
	if l.wrapped == nil {
		l.wrapped = map[wrapKey][]line{}
	}
	l.wrapped[k] = lines
	return lines
}

// wrapSpans is wrap without remembering the result. The lines it returns
// are read, never changed, so wrap may hand out the same ones again.
func (l *layout) wrapSpans(spans []document.Span, size, width float64, forceBold bool) []line {
	var (
		lines []line
		lineW float64 // width of the runs placed on the current line
		// The runs of the current line before merging, the pieces of the
		// word being collected and the spaces between the last word and
		// the next are scratch space of the layout, reused line by line;
		// only merged lines are kept.
		runs    = l.runBuf[:0]
		word    = l.wordBuf[:0]
		wordW   float64
		pending = l.pendingBuf[:0]
	)
	flushLine := func() {
		lines = append(lines, line{runs: mergeRuns(runs), w: lineW})
		runs, lineW = runs[:0], 0
		pending = pending[:0]
	}
	place := func(p piece) {
		runs = append(runs, run{text: p.text, style: p.style, missing: p.missing, x: lineW, w: p.w})
		lineW += p.w
	}
	flushWord := func() {
		if len(word) == 0 {
			return
		}
		spaceW := 0.0
		for _, p := range pending {
			spaceW += p.w
		}
		if len(runs) > 0 && lineW+spaceW+wordW > width+1e-6 {
			flushLine()
			spaceW = 0
		}
		if len(runs) > 0 {
			for _, p := range pending {
				place(p)
			}
		}
		pending = pending[:0]
		if wordW <= width+1e-6 {
			for _, p := range word {
				place(p)
			}
		} else {
			// Too long for any line: break between characters.
			for _, p := range word {
				for _, r := range p.text {
					s := string(r)
					w := l.textWidth(s, p.style, size)
					if len(runs) > 0 && lineW+w > width+1e-6 {
						flushLine()
					}
					place(piece{text: s, style: p.style, missing: p.missing, w: w})
				}
			}
		}
		word, wordW = word[:0], 0
	}
	for _, sp := range spans {
		st := styleOf(sp.Bold || forceBold, sp.Italic)
		rest, more := sp.Text, true
		for i := 0; more; i++ {
			var seg string
			seg, rest, more = strings.Cut(rest, "\n")
			if i > 0 {
				flushWord()
				flushLine()
			}
			seg = l.fonts.sanitize(seg)
			for len(seg) > 0 {
				j := strings.IndexByte(seg, ' ')
				switch {
				case j == 0:
					flushWord()
					pending = append(pending, piece{text: " ", style: st, missing: sp.Missing, w: l.textWidth(" ", st, size)})
					seg = seg[1:]
				case j < 0:
					j = len(seg)
					fallthrough
				default:
					p := piece{text: seg[:j], style: st, missing: sp.Missing, w: l.textWidth(seg[:j], st, size)}
					word = append(word, p)
					wordW += p.w
					seg = seg[j:]
				}
			}
		}
	}
	flushWord()
	if len(runs) > 0 || len(lines) == 0 {
		flushLine()
	}
	// Keep the grown scratch space, without the strings it points to.
	clear(runs[:cap(runs)])
	clear(word[:cap(word)])
	clear(pending[:cap(pending)])
	l.runBuf, l.wordBuf, l.pendingBuf = runs[:0], word[:0], pending[:0]
	return lines
}

// mergeRuns joins neighbouring runs of the same style into one, so the PDF
// gets one text operation per style change instead of one per word. The
// result is a new slice of its own length; runs is left as it was.
func mergeRuns(runs []run) []run {
	n := 0
	for i := range runs {
		if i == 0 || !sameRun(runs[i-1], runs[i]) {
			n++
		}
	}
	out := make([]run, 0, n)
	for i := 0; i < len(runs); {
		r := runs[i]
		j := i + 1
		for j < len(runs) && sameRun(runs[j], r) {
			j++
		}
		if j > i+1 {
			// One string per merged run, not one per word added.
			n := 0
			for _, x := range runs[i:j] {
				n += len(x.text)
			}
			var b strings.Builder
			b.Grow(n)
			r.w = 0
			for _, x := range runs[i:j] {
				b.WriteString(x.text)
				r.w += x.w
			}
			r.text = b.String()
		}
		out = append(out, r)
		i = j
	}
	return out
}

// sameRun reports whether two neighbouring runs are set alike and merge.
func sameRun(a, b run) bool { return a.style == b.style && a.missing == b.missing }

// drawLine emits the ops of one wrapped line with its box top at y.
func (l *layout) drawLine(ln line, x, top, size float64, col rgb) {
	base := top + baseline(size)
	for _, r := range ln.runs {
		if r.missing {
			l.add(op{kind: opFill, x: x + r.x - 0.3, y: top + 0.25, x2: r.w + 0.6, y2: lineHeight(size) - 0.5, color: colMissBg})
		}
	}
	for _, r := range ln.runs {
		c := col
		if r.missing {
			c = colMissing
		}
		l.add(op{kind: opText, x: x + r.x, y: base, text: r.text, style: r.style, size: size, color: c})
	}
}

// flow places lines one after another from x, breaking pages between lines
// but never leaving a single line of a paragraph alone at the foot or the
// head of a page.
func (l *layout) flow(lines []line, x, size float64, col rgb) {
	lh := lineHeight(size)
	for i := 0; i < len(lines); {
		left := len(lines) - i
		fit := int((l.room() + 1e-6) / lh)
		switch {
		case fit >= left:
			fit = left
		case l.fresh:
			// A full page: nothing to gain by moving on.
		case fit < 2 && left > 1:
			fit = 0 // orphan: move the paragraph's start to the next page
		case left-fit == 1 && fit >= 2:
			fit-- // widow: take one more line along
		}
		if fit < 1 {
			if l.fresh {
				fit = 1
			} else {
				l.newPage()
				continue
			}
		}
		for _, ln := range lines[i : i+fit] {
			l.drawLine(ln, x, l.y, size, col)
			l.y += lh
		}
		i += fit
		if i < len(lines) {
			l.newPage()
		}
	}
}

// block lays out blocks[i]; what follows it decides what must stay with
// it on one page.
func (l *layout) block(blocks []document.Block, i int) {
	b := blocks[i]
	switch b.Kind {
	case document.Heading:
		l.heading(b, l.keepHeight(blocks[i+1:]))
	case document.Paragraph:
		lines := l.wrap(b.Text, sizeBody, contentW, false)
		if i+1 < len(blocks) && blocks[i+1].Kind == document.SignatureBlock {
			// The sentence that introduces the signatures goes with them.
			if h := l.keepHeight(blocks[i:]); h <= bodyBottom-bodyTop {
				l.ensure(h)
			}
		}
		l.flow(lines, marginL, sizeBody, colText)
		l.y += paraAfter
	case document.List:
		l.list(b.Items)
	case document.KeyValue:
		l.keyValue(b.Pairs)
	case document.TableBlock:
		if b.Table != nil {
			l.table(b.Table)
		}
	case document.SignatureBlock:
		l.signatures(b.Signatures)
	case document.PageBreak:
		if !l.fresh {
			l.newPage()
		}
	case document.ChartBlock:
		l.chart(b.Chart)
	}
}

// headingMetrics returns a heading's type size and the space before and
// after it.
func headingMetrics(level int) (size, before, after float64) {
	if level >= 2 {
		return sizeH2, 3.0, 1.4
	}
	return sizeH1, 4.5, 2.2
}

// heading lays out a heading; next is the height of what must follow it
// on the same page (keepHeight), so a heading never ends a page.
func (l *layout) heading(b document.Block, next float64) {
	size, before, after := headingMetrics(b.Level)
	lines := l.wrap(b.Text, size, contentW, true)
	h := float64(len(lines)) * lineHeight(size)
	if !l.fresh {
		l.y += before
	}
	if b.Level <= 1 {
		h += 0.8 // the rule under it
	}
	need := h + after + next
	if need > bodyBottom-bodyTop {
		need = h + after + 3*lineHeight(sizeBody)
	}
	l.ensure(need)
	level := 0
	if b.Level >= 2 && l.hasH1 {
		level = 1
	}
	if level == 0 {
		l.hasH1 = true
	}
	title := l.fonts.sanitize(document.PlainText(b.Text))
	l.add(op{kind: opBookmark, text: title, level: level, y: l.y})
	l.flow(lines, marginL, size, colHeading)
	if b.Level <= 1 {
		l.add(op{kind: opLine, x: marginL, y: l.y + 0.4, x2: marginL + contentW, y2: l.y + 0.4, size: 0.25, color: colHeading})
		l.y += 0.8
	}
	l.y += after
}

// paraAfter is the space after a paragraph.
const paraAfter = 2.6

// keepHeight returns the height of the start of blocks that must not be
// parted from what comes before it: for a paragraph its first two lines
// (flow never leaves one alone), or all of it with the signatures that
// follow it; a list's first item, a key-value block's first row, a
// table's header and first row, a row of signature blocks; for a heading,
// itself and what must follow it.
func (l *layout) keepHeight(blocks []document.Block) float64 {
	if len(blocks) == 0 {
		return 0
	}
	lh := lineHeight(sizeBody)
	b := blocks[0]
	switch b.Kind {
	case document.Heading:
		size, before, after := headingMetrics(b.Level)
		h := before + float64(len(l.wrap(b.Text, size, contentW, true)))*lineHeight(size) + after
		return h + min(l.keepHeight(blocks[1:]), 3*lh)
	case document.Paragraph:
		n := len(l.wrap(b.Text, sizeBody, contentW, false))
		if len(blocks) > 1 && blocks[1].Kind == document.SignatureBlock {
			return float64(n)*lh + paraAfter + l.keepHeight(blocks[1:])
		}
		return float64(min(n, 2)) * lh
	case document.List:
		for _, it := range b.Items {
			if strings.TrimSpace(l.fonts.sanitize(document.PlainText(it))) != "" {
				return float64(min(len(l.wrap(it, sizeBody, contentW-listIndent, false)), 2)) * lh
			}
		}
	case document.KeyValue:
		if len(b.Pairs) > 0 {
			p := b.Pairs[0]
			n := max(len(l.wrap([]document.Span{{Text: p.Key}}, sizeBody, kvLabelW, false)),
				len(l.wrap(p.Value, sizeBody, contentW-kvLabelW-kvGap, false)))
			return float64(n)*lh + 2*kvPadV
		}
	case document.TableBlock:
		if b.Table != nil {
			widths, _ := l.tableWidths(b.Table)
			return l.tableStart(b.Table, widths)
		}
	case document.SignatureBlock:
		return sigAbove + signatureHeight()
	case document.ChartBlock:
		if b.Chart != nil {
			return chartHeight(b.Chart)
		}
	}
	return 0
}

// listIndent is how far list items are indented.
const listIndent = 6.0

func (l *layout) list(items [][]document.Span) {
	const indent = listIndent
	lh := lineHeight(sizeBody)
	for _, it := range items {
		if strings.TrimSpace(l.fonts.sanitize(document.PlainText(it))) == "" {
			continue // a bullet with nothing after it says nothing
		}
		lines := l.wrap(it, sizeBody, contentW-indent, false)
		// The bullet goes with the item's first lines, which flow would
		// not leave alone at the foot of the page.
		l.ensure(float64(min(len(lines), 2)) * lh)
		l.add(op{kind: opText, x: marginL + 1.5, y: l.y + baseline(sizeBody), text: "•", style: regular, size: sizeBody, color: colText})
		l.flow(lines, marginL+indent, sizeBody, colText)
		l.y += 0.9
	}
	l.y += 1.7
}

// The geometry of a key-value block: label column, gap, row padding.
const (
	kvLabelW = 58.0
	kvGap    = 4.0
	kvPadV   = 1.1
)

func (l *layout) keyValue(pairs []document.Pair) {
	const (
		labelW = kvLabelW
		gap    = kvGap
		padV   = kvPadV
	)
	lh := lineHeight(sizeBody)
	for _, p := range pairs {
		keys := l.wrap([]document.Span{{Text: p.Key}}, sizeBody, labelW, false)
		vals := l.wrap(p.Value, sizeBody, contentW-labelW-gap, false)
		n := max(len(keys), len(vals))
		h := float64(n)*lh + 2*padV
		if h <= bodyBottom-bodyTop {
			l.ensure(h)
		}
		l.y += padV
		for i := 0; i < n; i++ {
			if l.room() < lh {
				l.newPage()
			}
			if i < len(keys) {
				l.drawLine(keys[i], marginL, l.y, sizeBody, colMuted)
			}
			if i < len(vals) {
				l.drawLine(vals[i], marginL+labelW+gap, l.y, sizeBody, colText)
			}
			l.y += lh
		}
		l.y += padV
		l.add(op{kind: opLine, x: marginL, y: l.y, x2: marginL + contentW, y2: l.y, size: 0.15, color: colRowRule})
	}
	l.y += 3.0
}

// autoWidths divides the content width over ncol columns from their
// content, as browsers lay out tables: every column gets at least its longest
// word (so words and dates are not broken), and the space left is shared in
// proportion to how much more each column's longest cell would need to fit
// on one line. pad is a cell's horizontal padding.
func (l *layout) autoWidths(t *document.Table, ncol int, pad float64) []float64 {
	minW := make([]float64, ncol)
	maxW := make([]float64, ncol)
	measure := func(i int, spans []document.Span, bold bool) {
		full := 0.0
		for _, sp := range spans {
			st := styleOf(sp.Bold || bold, sp.Italic)
			text := l.fonts.sanitize(sp.Text)
			full += l.textWidth(text, st, sizeTable)
			for _, w := range strings.Fields(text) {
				minW[i] = max(minW[i], l.textWidth(w, st, sizeTable)+pad)
			}
		}
		maxW[i] = max(maxW[i], full+pad)
	}
	for i, h := range t.Header {
		measure(i, []document.Span{{Text: h}}, true)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			measure(i, c, false)
		}
	}
	sumMin, sumMax := 0.0, 0.0
	for i := range minW {
		// An empty column stays visible; a word wider than 40% of the page
		// is broken anyway and must not starve the other columns.
		minW[i] = min(max(minW[i], 8), 0.4*contentW)
		maxW[i] = max(maxW[i], minW[i])
		sumMin += minW[i]
		sumMax += maxW[i]
	}
	out := make([]float64, ncol)
	switch {
	case sumMax <= contentW:
		// Everything fits on one line: widen in proportion.
		for i := range out {
			out[i] = maxW[i] / sumMax * contentW
		}
	case sumMin >= contentW:
		// Even the longest words do not fit: shrink in proportion.
		for i := range out {
			out[i] = minW[i] / sumMin * contentW
		}
	default:
		spare := (contentW - sumMin) / (sumMax - sumMin)
		for i := range out {
			out[i] = minW[i] + (maxW[i]-minW[i])*spare
		}
	}
	return out
}

// Cell padding of tables.
const (
	tablePadH = 1.6
	tablePadV = 1.2
)

// tableWidths returns the column widths of t and its number of columns
// (0 for an empty table).
func (l *layout) tableWidths(t *document.Table) ([]float64, int) {
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return nil, 0
	}
	if len(t.Widths) == 0 {
		return l.autoWidths(t, ncol, 2*tablePadH), ncol
	}
	widths := make([]float64, ncol)
	total := 0.0
	for i := range widths {
		widths[i] = 1
		if i < len(t.Widths) && t.Widths[i] > 0 {
			widths[i] = t.Widths[i]
		}
		total += widths[i]
	}
	for i := range widths {
		widths[i] = widths[i] / total * contentW
	}
	return widths, ncol
}

// wrapRow wraps the cells of one table row into their columns.
func (l *layout) wrapRow(cells [][]document.Span, widths []float64, bold bool) [][]line {
	out := make([][]line, len(widths))
	for i := range out {
		var c []document.Span
		if i < len(cells) {
			c = cells[i]
		}
		out[i] = l.wrap(c, sizeTable, widths[i]-2*tablePadH, bold)
	}
	return out
}

// tableHeader wraps the header row of t; nil without one.
func (l *layout) tableHeader(t *document.Table, widths []float64) [][]line {
	if len(t.Header) == 0 {
		return nil
	}
	hs := make([][]document.Span, len(t.Header))
	for i, h := range t.Header {
		hs[i] = []document.Span{{Text: h}}
	}
	return l.wrapRow(hs, widths, true)
}

// rowLines returns the number of lines of a wrapped row and its height.
func rowLines(cells [][]line) (int, float64) {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n, float64(n)*lineHeight(sizeTable) + 2*tablePadV
}

// tableStart is the height of what table() keeps together at its start,
// with columns of widths: the header and the first row (its first lines
// when it does not fit on a page).
func (l *layout) tableStart(t *document.Table, widths []float64) float64 {
	if len(widths) == 0 {
		return 0
	}
	h := 0.0
	if header := l.tableHeader(t, widths); header != nil {
		_, h = rowLines(header)
	}
	if len(t.Rows) == 0 {
		return h + lineHeight(sizeTable) + 2*tablePadV
	}
	n, rowH := rowLines(l.wrapRow(t.Rows[0], widths, false))
	if h+rowH <= bodyBottom-bodyTop {
		return h + rowH // table() moves a row that fits on a page whole
	}
	return h + float64(min(n, 3))*lineHeight(sizeTable) + 2*tablePadV
}

func (l *layout) table(t *document.Table) {
	const (
		padH = tablePadH
		padV = tablePadV
	)
	widths, ncol := l.tableWidths(t)
	if ncol == 0 {
		return
	}
	xs := make([]float64, ncol)
	x := marginL
	for i, w := range widths {
		xs[i] = x
		x += w
	}
	wrapRow := func(cells [][]document.Span, bold bool) [][]line { return l.wrapRow(cells, widths, bold) }
	header := l.tableHeader(t, widths)
	lh := lineHeight(sizeTable)
	rowsH := rowLines
	headerN, headerH := rowsH(header)
	if header == nil {
		headerH = 0
	}
	// drawRow draws lines [from, to) of the row's cells as one band.
	drawRow := func(cells [][]line, from, to int, fill bool) {
		h := float64(to-from)*lh + 2*padV
		for i, c := range cells {
			if fill {
				l.add(op{kind: opFill, x: xs[i], y: l.y, x2: widths[i], y2: h, color: colHeadBg})
			}
			l.add(op{kind: opStroke, x: xs[i], y: l.y, x2: widths[i], y2: h, size: 0.2, color: colGrid})
			for k := from; k < to && k < len(c); k++ {
				l.drawLine(c[k], xs[i]+padH, l.y+padV+float64(k-from)*lh, sizeTable, colText)
			}
		}
		l.y += h
	}
	// The header is repeated at the top of every page the table goes on
	// to, unless it would leave no room there for three lines of a row
	// (a header of hundreds of lines, from a template): then it is drawn
	// once, split over pages like a long row, and a page that held only a
	// header cannot follow another without end. The margin of one line
	// keeps rounding from taking the third line away.
	repeat := header != nil && headerH+4*lh+2*padV <= bodyBottom-bodyTop
	fullPage := bodyBottom - bodyTop
	if repeat {
		fullPage -= headerH
	}
	drawHeader := func() {
		if repeat {
			drawRow(header, 0, headerN, true)
		}
	}
	// drawSplit draws the n lines of a row's cells in bands, going on
	// after the header on a new page where a page is full; a page end
	// never leaves fewer than three lines of a longer rest behind.
	drawSplit := func(cells [][]line, n int, fill bool) {
		for from := 0; from < n; {
			fit := int((l.room() - 2*padV) / lh)
			if fit < 1 || (fit < 3 && n-from > fit) {
				l.newPage()
				drawHeader()
				continue
			}
			to := min(n, from+fit)
			drawRow(cells, from, to, fill)
			from = to
		}
	}
	// The header never stands alone at the foot of a page.
	l.ensure(l.tableStart(t, widths))
	if repeat {
		drawHeader()
	} else if header != nil {
		drawSplit(header, headerN, true)
	}
	for _, r := range t.Rows {
		cells := wrapRow(r, false)
		n, h := rowsH(cells)
		if h > l.room() && h <= fullPage {
			l.newPage()
			drawHeader()
		}
		drawSplit(cells, n, false)
	}
	l.y += 4.0
}

// sigAbove is the space above a row of signature blocks; signGap the room
// to sign in.
const (
	sigAbove = 2.0
	signGap  = 16.0
)

// signatureHeight is the height of one row of signature blocks.
func signatureHeight() float64 {
	lh := lineHeight(sizeBody)
	return 2*lh + 2*(lh+1.5) + signGap + lineHeight(sizeMargin) + 2
}

func (l *layout) signatures(sigs []document.Signature) {
	const (
		gap    = 12.0
		perRow = 2
	)
	colW := (contentW - gap) / perRow
	lh := lineHeight(sizeBody)
	height := signatureHeight()
	l.y += sigAbove
	for start := 0; start < len(sigs); start += perRow {
		l.ensure(height)
		top := l.y
		for i, s := range sigs[start:min(len(sigs), start+perRow)] {
			x := marginL + float64(i)*(colW+gap)
			y := top
			role := l.fonts.sanitize(s.Role)
			l.add(op{kind: opText, x: x, y: y + baseline(sizeBody), text: l.clip(role, bold, sizeBody, colW), style: bold, size: sizeBody, color: colText})
			y += lh
			name := l.fonts.sanitize(s.Name)
			l.add(op{kind: opText, x: x, y: y + baseline(sizeBody), text: l.clip(name, regular, sizeBody, colW), style: regular, size: sizeBody, color: colText})
			y += lh + 1.5
			for _, f := range []struct{ label, value string }{{"Datum:", s.Date}, {"Plaats:", s.Place}} {
				base := y + baseline(sizeBody)
				l.add(op{kind: opText, x: x, y: base, text: f.label, style: regular, size: sizeBody, color: colMuted})
				vx := x + 16
				if v := l.fonts.sanitize(f.value); strings.TrimSpace(v) != "" {
					l.add(op{kind: opText, x: vx, y: base, text: l.clip(v, regular, sizeBody, colW-16), style: regular, size: sizeBody, color: colText})
				} else {
					l.add(op{kind: opLine, x: vx, y: base + 0.8, x2: x + colW, y2: base + 0.8, size: 0.2, color: colRule})
				}
				y += lh + 1.5
			}
			y += signGap
			l.add(op{kind: opLine, x: x, y: y, x2: x + colW, y2: y, size: 0.3, color: colText})
			y += 0.8
			l.add(op{kind: opText, x: x, y: y + baseline(sizeMargin), text: "Handtekening", style: regular, size: sizeMargin, color: colMuted})
		}
		l.y = top + height
	}
	l.y += 2
}

// clip shortens s with an ellipsis to fit width; signature blocks have one
// line per field.
func (l *layout) clip(s string, st style, size, width float64) string {
	if l.textWidth(s, st, size) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && l.textWidth(string(rs)+"…", st, size) > width {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// conceptMark is what the header of every page of a concept says first.
const conceptMark = "CONCEPT"

// decorOps is the most ops decorate puts on a page: CONCEPT, title and
// dossier, two rules, employee line and page number.
const decorOps = 7

// decorate adds the running header and footer to every page, now that the
// page count is known: the title (after CONCEPT for a concept) and the
// dossier; the employee, the BSN, the document's own date and the page
// number.
func (l *layout) decorate(doc *document.Doc) {
	s := l.fonts.sanitize
	title := s(doc.Title)
	dossier := ""
	if doc.Dossier != "" {
		dossier = l.clip("Dossier "+s(doc.Dossier), regular, sizeMargin, contentW/2)
	}
	left := s(doc.Employee)
	for _, part := range []string{"BSN " + s(doc.BSN), s(doc.Stamp)} {
		if part == "BSN " || part == "" {
			continue
		}
		if left != "" {
			left += "  ·  "
		}
		left += part
	}
	right := marginL + contentW
	for i, p := range l.pages {
		var dbuf [decorOps]op
		d := dbuf[:0]
		text := func(x, y float64, t string, st style, c rgb) {
			if t != "" {
				d = append(d, op{kind: opText, x: x, y: y, text: t, style: st, size: sizeMargin, color: c})
			}
		}
		dw := l.textWidth(dossier, regular, sizeMargin)
		x := marginL
		if doc.Concept {
			text(x, headerBaseline, conceptMark, bold, colMissing)
			x += l.textWidth(conceptMark, bold, sizeMargin) + 2.5
		}
		text(x, headerBaseline, l.clip(title, bold, sizeMargin, right-dw-8-x), bold, colMuted)
		text(right-dw, headerBaseline, dossier, regular, colMuted)
		d = append(d, op{kind: opLine, x: marginL, y: headerRule, x2: right, y2: headerRule, size: 0.2, color: colRule})
		d = append(d, op{kind: opLine, x: marginL, y: footerRule, x2: right, y2: footerRule, size: 0.2, color: colRule})
		pg := "pagina " + itoa(i+1) + " van " + itoa(len(l.pages))
		pw := l.textWidth(pg, regular, sizeMargin)
		text(marginL, footerBaseline, l.clip(left, regular, sizeMargin, contentW-pw-8), regular, colMuted)
		text(right-pw, footerBaseline, pg, regular, colMuted)
		// Header and footer come first: appended in the room newPage
		// left, then rotated to the front.
		k := len(d)
		p.ops = append(p.ops, d...)
		slices.Reverse(p.ops)
		slices.Reverse(p.ops[:k])
		slices.Reverse(p.ops[k:])
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// paginate lays out the whole document.
func paginate(ctx context.Context, doc *document.Doc, fonts *fontSet) []*page {
	l := newLayout(ctx, fonts)
	for i := range doc.Blocks {
		l.stop()
		l.block(doc.Blocks, i)
	}
	l.decorate(doc)
	return l.pages
}
