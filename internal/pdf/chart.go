package pdf

import "github.com/poortwachter/poortwachter/internal/document"

// The drawn timeline (document.Chart): one row per subject, the waiting
// time along the width, vector shapes that stay apart in black and white
// (a shape for every kind of mark and end, not only a colour), and a
// legend under it.
const (
	chartLabelW  = 20.0 // the row labels
	chartLaneH   = 4.2  // one lane of bars
	chartMarkH   = 5.0  // a row of marks
	chartRowGap  = 1.2
	chartTop     = 5.5 // room above the rows for the date line's label
	chartAxisH   = 6.0 // the axis with its ticks and labels
	chartLegendH = 9.5 // two lines of legend
	chartAfter   = 4.0
	chartSize    = 7.0 // type size of labels, ticks and legend
	chartMarkR   = 1.3 // radius of a mark
)

var (
	colZiek     = rgb{0xcf, 0xd4, 0xda}
	colLopend   = rgb{0x15, 0x3a, 0x5b}
	colAfgelpn  = rgb{0x7f, 0x93, 0xa8}
	colTijdig   = rgb{0x2e, 0x7d, 0x32}
	colTeLaat   = rgb{0xc7, 0x7c, 0x02}
	colOntbrkt  = rgb{0xb4, 0x23, 0x18}
	colOpen     = rgb{0x6b, 0x6b, 0x6b}
	colDocument = rgb{0x33, 0x33, 0x33}
)

// chartRowH returns the height of a row: its lanes of bars, or one row of
// marks.
func chartRowH(r document.ChartRow) float64 {
	if len(r.Marks) > 0 && len(r.Bars) == 0 {
		return chartMarkH
	}
	return float64(max(r.Lanes, 1))*chartLaneH + chartRowGap
}

// chartHeight returns the height of the whole chart with its legend.
func chartHeight(c *document.Chart) float64 {
	h := chartTop + chartAxisH + chartLegendH + chartAfter
	for _, r := range c.Rows {
		h += chartRowH(r)
	}
	return h
}

func (l *layout) chart(c *document.Chart) {
	if c == nil {
		return
	}
	l.ensure(chartHeight(c))
	x0 := marginL + chartLabelW
	x1 := marginL + contentW - 1
	days := float64(max(c.Days, 1))
	x := func(day int) float64 { return x0 + float64(day)/days*(x1-x0) }
	text := func(s string, tx, ty float64, st style, col rgb) {
		l.add(op{kind: opText, x: tx, y: ty, text: l.fonts.sanitize(s), style: st, size: chartSize, color: col})
	}
	top := l.y + chartTop
	y := top
	for _, r := range c.Rows {
		h := chartRowH(r)
		text(r.Label, marginL, y+h/2+1.0, regular, colMuted)
		l.add(op{kind: opLine, x: x0, y: y + h, x2: x1, y2: y + h, size: 0.1, color: colRowRule})
		for _, b := range r.Bars {
			by := y + chartRowGap/2 + float64(b.Lane)*chartLaneH + 0.4
			bh := chartLaneH - 0.8
			// A hair's gap at the end keeps bars that follow each other apart.
			bx, bw := x(b.From), max(x(b.To+1)-x(b.From)-0.35, 0.6)
			switch b.Kind {
			case document.BarZiek:
				l.add(op{kind: opFill, x: bx, y: by, x2: bw, y2: bh, color: colZiek})
			case document.BarLopend:
				l.add(op{kind: opFill, x: bx, y: by, x2: bw, y2: bh, color: colLopend})
			case document.BarAfgelopen:
				l.add(op{kind: opFill, x: bx, y: by, x2: bw, y2: bh, color: colAfgelpn})
			case document.BarGepland:
				l.add(op{kind: opDashRect, x: bx, y: by, x2: bw, y2: bh, size: 0.25, color: colLopend})
			}
			l.barEnd(b.End, bx+bw, by+bh/2)
		}
		for _, m := range r.Marks {
			l.mark(m.Kind, x(m.Day), y+h/2)
		}
		y += h
	}
	// The axis: the first sick day, every thirteenth week, the end.
	l.add(op{kind: opLine, x: x0, y: y, x2: x1, y2: y, size: 0.25, color: colRule})
	for _, t := range c.Ticks {
		tx := x(t.Day)
		l.add(op{kind: opLine, x: tx, y: y, x2: tx, y2: y + 1.2, size: 0.25, color: colRule})
		text(t.Label, tx-l.textWidth(t.Label, regular, chartSize)/2, y+4.2, regular, colMuted)
	}
	// The document's own date as a dashed line over every row.
	if c.Now >= 0 {
		nx := x(c.Now)
		l.add(op{kind: opDashLine, x: nx, y: top - 1.5, x2: nx, y2: y, size: 0.3, color: colText})
		label := c.NowLabel
		lw := l.textWidth(label, bold, chartSize)
		text(label, min(max(nx-lw/2, x0), x1-lw), top-2.2, bold, colText)
	}
	y += chartAxisH
	deadlines := false
	for _, r := range c.Rows {
		for _, m := range r.Marks {
			deadlines = deadlines || m.Kind != document.MarkDocument
		}
	}
	l.legend(y, c.NowName, deadlines)
	l.y = y + chartLegendH + chartAfter
}

// barEnd draws how a bar ended at its right end (x, y): a square for a
// closing reason, a triangle for overload, a stroke for another stop.
func (l *layout) barEnd(end document.BarEnd, x, y float64) {
	switch end {
	case document.EndAfgesloten:
		l.add(op{kind: opFill, x: x - 1.1, y: y - 1.1, x2: 2.2, y2: 2.2, color: colText})
	case document.EndOverbelast:
		l.add(op{kind: opTriangle, x: x, y: y, x2: 1.6, fill: true, color: colOntbrkt})
	case document.EndGestopt:
		l.add(op{kind: opLine, x: x, y: y - 1.8, x2: x, y2: y + 1.8, size: 0.7, color: colText})
	}
}

// mark draws a mark centred on (x, y).
func (l *layout) mark(k document.MarkKind, x, y float64) {
	r := chartMarkR
	switch k {
	case document.MarkDocument:
		l.add(op{kind: opLine, x: x, y: y - 1.6, x2: x, y2: y + 1.6, size: 0.35, color: colDocument})
	case document.MarkTijdig:
		l.add(op{kind: opCircle, x: x, y: y, x2: r, fill: true, color: colTijdig})
	case document.MarkTeLaat:
		l.add(op{kind: opTriangle, x: x, y: y, x2: r + 0.2, fill: true, color: colTeLaat})
	case document.MarkOntbreekt:
		l.add(op{kind: opLine, x: x - r, y: y - r, x2: x + r, y2: y + r, size: 0.45, color: colOntbrkt})
		l.add(op{kind: opLine, x: x - r, y: y + r, x2: x + r, y2: y - r, size: 0.45, color: colOntbrkt})
	case document.MarkOpen:
		l.add(op{kind: opCircle, x: x, y: y, x2: r, size: 0.3, color: colOpen})
	}
}

// legend explains every shape, in two lines from y.
func (l *layout) legend(y float64, nowName string, deadlines bool) {
	x := marginL
	line := func(items []func(x, y float64) string, y float64) {
		cx := x
		for _, draw := range items {
			label := draw(cx, y)
			l.add(op{kind: opText, x: cx + 4, y: y + 1.0, text: label, style: regular, size: chartSize, color: colMuted})
			cx += 4 + l.textWidth(label, regular, chartSize) + 4
		}
	}
	bar := func(kind opKind, col rgb, label string) func(x, y float64) string {
		return func(x, y float64) string {
			if kind == opDashRect {
				l.add(op{kind: opDashRect, x: x, y: y - 1, x2: 3, y2: 2, size: 0.25, color: col})
			} else {
				l.add(op{kind: opFill, x: x, y: y - 1, x2: 3, y2: 2, color: col})
			}
			return label
		}
	}
	ends := func(end document.BarEnd, label string) func(x, y float64) string {
		return func(x, y float64) string {
			l.add(op{kind: opFill, x: x, y: y - 1, x2: 2, y2: 2, color: colAfgelpn})
			l.barEnd(end, x+2, y)
			return label
		}
	}
	marks := func(k document.MarkKind, label string) func(x, y float64) string {
		return func(x, y float64) string {
			l.mark(k, x+1.5, y)
			return label
		}
	}
	line([]func(x, y float64) string{
		bar(opFill, colZiek, "ziek"),
		bar(opFill, colLopend, "loopt"),
		bar(opFill, colAfgelpn, "afgelopen"),
		bar(opDashRect, colLopend, "gepland"),
		ends(document.EndAfgesloten, "afgesloten (plaatsing, hersteld)"),
		ends(document.EndOverbelast, "gestopt: overbelast"),
		ends(document.EndGestopt, "anders gestopt"),
	}, y+1.5)
	second := []func(x, y float64) string{marks(document.MarkDocument, "stuk")}
	if deadlines {
		second = append(second,
			marks(document.MarkTijdig, "termijn op tijd"),
			marks(document.MarkTeLaat, "te laat"),
			marks(document.MarkOntbreekt, "ontbreekt of onvoldoende"),
			marks(document.MarkOpen, "nog niet nodig"))
	}
	second = append(second, func(x, y float64) string {
		l.add(op{kind: opDashLine, x: x + 1.5, y: y - 1.6, x2: x + 1.5, y2: y + 1.6, size: 0.3, color: colText})
		return nowName
	})
	line(second, y+6.0)
}
