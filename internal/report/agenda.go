package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// Agenda is what the agenda command shows: the steps of rules.Agenda at a
// peildatum, through a last day.
type Agenda struct {
	Peildatum dossier.Date
	Tot       dossier.Date // the last day of the window
	Weken     int          // the window in weeks, as the user asked for it
	Steps     []rules.Step
}

// window names the agenda's window in Dutch: "de komende 6 weken (tot en
// met 11-02-2027)", "vandaag".
func (a Agenda) window() string {
	if a.Weken == 0 {
		return "vandaag"
	}
	return fmt.Sprintf("de komende %s (tot en met %s)", dossier.Plural(a.Weken, "week", "weken"), a.Tot.NL())
}

// AgendaTextOptions tunes AgendaText.
type AgendaTextOptions struct {
	// Color adds ANSI colours; the caller decides (a terminal, NO_COLOR
	// unset).
	Color bool
	// Width is the width of the terminal in columns; lines are fitted to
	// it (names shortened, steps wrapped). 0 means no limit, as in a pipe.
	Width int
}

// Minimum widths the fitting may shrink columns to.
const (
	minNameWidth = 10
	minStapWidth = 24
)

// AgendaText writes the agenda as text: a title, the overdue steps, the
// steps within the window, and a summary line. Columns stay aligned across
// both parts; on a terminal of opt.Width columns the names are shortened
// and the step is wrapped under its own column so no line is wider.
func AgendaText(w io.Writer, a Agenda, opt AgendaTextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opt.Color || color == "" {
			return s
		}
		return color + s + ansiReset
	}
	title := fmt.Sprintf("Agenda per %s: achterstallig en vandaag", a.Peildatum.NL())
	if a.Weken > 0 {
		title = fmt.Sprintf("Agenda per %s: achterstallig en de komende %s", a.Peildatum.NL(), dossier.Plural(a.Weken, "week", "weken"))
	}
	// say writes a sentence of its own, wrapped to the terminal.
	say := func(color, s string) {
		for _, part := range wrap(s, opt.Width) {
			fmt.Fprintf(bw, "%s\n", paint(color, part))
		}
	}
	say(ansiBold, title)
	if len(a.Steps) == 0 {
		bw.WriteString("\n")
		say("", "Geen open of achterstallige stappen.")
		return bw.Flush()
	}

	header := []string{"datum", "week", "dossier", "werknemer", "casemanager", "stap"}
	rows := make([][]string, len(a.Steps))
	for i, s := range a.Steps {
		rows[i] = []string{s.Datum.NL(), strconv.Itoa(s.Week), s.Dossier.Nummer,
			orDash(s.Dossier.NaamWerknemer), orDash(s.Dossier.Casemanager), s.Stap}
	}
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for j, c := range r {
			widths[j] = max(widths[j], utf8.RuneCountInString(c))
		}
	}
	// A terminal too narrow for the table gets each step on lines of its
	// own under a line naming the dossier.
	stacked := !fitColumns(widths, opt.Width)

	const indent = "  "
	line := func(cells []string, color string, stapColor string) {
		stapCol := len(indent)
		var b strings.Builder
		b.WriteString(indent)
		for j := 0; j < len(cells)-1; j++ {
			c := shorten(cells[j], widths[j])
			if j == 1 { // the week is a number: right-aligned
				c = strings.Repeat(" ", widths[j]-utf8.RuneCountInString(c)) + c
			} else {
				c = pad(c, widths[j])
			}
			if j == 0 {
				c = paint(color, c)
			}
			b.WriteString(c + "  ")
			stapCol += widths[j] + 2
		}
		for k, part := range wrap(cells[len(cells)-1], widths[len(widths)-1]) {
			if k > 0 {
				b.WriteString("\n" + strings.Repeat(" ", stapCol))
			}
			b.WriteString(paint(stapColor, part))
		}
		fmt.Fprintf(bw, "%s\n", strings.TrimRight(b.String(), " "))
	}
	weekDigits := 0
	for _, r := range rows {
		weekDigits = max(weekDigits, len(r[1]))
	}
	stackedLine := func(cells []string, color, stapColor string) {
		head := fmt.Sprintf("%s  week %*s  %s  %s · %s", paint(color, cells[0]), weekDigits, cells[1],
			pad(cells[2], widths[2]), cells[3], cells[4])
		// The date is painted: count it as its 10 columns.
		visible := utf8.RuneCountInString(head) - (len(paint(color, cells[0])) - len(cells[0]))
		if over := visible + len(indent) - opt.Width; over > 0 {
			r := []rune(head)
			head = string(r[:len(r)-over-1]) + "…"
		}
		fmt.Fprintf(bw, "%s%s\n", indent, head)
		for _, part := range wrap(cells[5], max(10, opt.Width-2*len(indent))) {
			fmt.Fprintf(bw, "%s%s%s\n", indent, indent, paint(stapColor, part))
		}
	}
	section := func(title string, achterstallig bool) {
		first := true
		for i, s := range a.Steps {
			if s.Achterstallig != achterstallig {
				continue
			}
			if first {
				bw.WriteString("\n")
				say(ansiBold, title)
			}
			if first && stacked {
				first = false
			}
			if first {
				hcells := make([]string, len(header))
				copy(hcells, header)
				var hb strings.Builder
				for j, h := range hcells {
					if j == 1 {
						h = strings.Repeat(" ", widths[j]-len(h)) + h
					}
					hb.WriteString(pad(shorten(h, widths[j]), widths[j]) + "  ")
				}
				fmt.Fprintf(bw, "%s%s\n", indent, paint(ansiDim, strings.TrimRight(hb.String(), " ")))
				first = false
			}
			color, stapColor := "", ""
			switch {
			case achterstallig:
				color, stapColor = ansiRed, ansiRed
			case s.Datum.DaysSince(a.Peildatum) < 7:
				color = ansiYellow
			}
			if stacked {
				stackedLine(rows[i], color, stapColor)
			} else {
				line(rows[i], color, stapColor)
			}
		}
	}
	section("Achterstallig", true)
	section(upperFirst(a.window()), false)

	overdue := 0
	dossiers := map[*dossier.Dossier]bool{}
	for _, s := range a.Steps {
		dossiers[s.Dossier] = true
		if s.Achterstallig {
			overdue++
		}
	}
	bw.WriteString("\n")
	say("", fmt.Sprintf("%s in %s, waarvan %d achterstallig.",
		dossier.Plural(len(a.Steps), "stap", "stappen"), dossier.Plural(len(dossiers), "dossier", "dossiers"), overdue))
	return bw.Flush()
}

// fitColumns shrinks widths (datum, week, dossier, werknemer, casemanager,
// stap) so that a line of them, indented and two spaces apart, fits width
// columns: first the step gives up what it has beyond minStapWidth, then
// the two names down to minNameWidth, the wider first. It reports whether
// that made the line fit; width 0 always fits.
func fitColumns(widths []int, width int) bool {
	if width <= 0 {
		return true
	}
	total := func() int {
		n := 2 + 2*(len(widths)-1)
		for _, w := range widths {
			n += w
		}
		return n
	}
	const stap, werknemer, casemanager = 5, 3, 4
	if over := total() - width; over > 0 {
		widths[stap] -= min(over, max(0, widths[stap]-minStapWidth))
	}
	for total() > width && (widths[werknemer] > minNameWidth || widths[casemanager] > minNameWidth) {
		if widths[werknemer] >= widths[casemanager] && widths[werknemer] > minNameWidth {
			widths[werknemer]--
		} else {
			widths[casemanager]--
		}
	}
	return total() <= width
}

// shorten cuts s to width runes, ending in "…" when it was longer.
func shorten(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	r := []rune(s)
	return string(r[:max(0, width-1)]) + "…"
}

// wrap breaks s into lines of at most width runes at spaces; a word longer
// than width is cut.
func wrap(s string, width int) []string {
	if width <= 0 || utf8.RuneCountInString(s) <= width {
		return []string{s}
	}
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		for utf8.RuneCountInString(word) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			r := []rune(word)
			lines = append(lines, string(r[:width]))
			word = string(r[width:])
		}
		switch {
		case cur == "":
			cur = word
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) <= width:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// orDash returns s, or "–" when it is empty.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// SheetAgenda is the sheet of the agenda workbook.
const SheetAgenda = "Agenda"

// AgendaXLSX writes the agenda as a workbook to filter: one row per step,
// overdue steps first, with the same header, filter, print set-up and
// colours as the auditor's workbook. The bytes depend only on a.
func AgendaXLSX(w io.Writer, a Agenda) error {
	title := fmt.Sprintf("Agenda poortwachter per %s, %s", a.Peildatum.NL(), a.window())
	return writeWorkbook(w, title, a.Peildatum, func(f *excelize.File, st *xlsxStyles) error {
		header := []string{"Uiterste datum", "Ziekteweek", "Dossiernummer", "Werknemer", "Casemanager", "Stap",
			"Achterstallig", "Status", "Regel", "Ernst", "Toelichting"}
		widths := []float64{15, 12, 15, 24, 20, 48, 14, 20, 28, 13, 100}
		s, err := newSheetWriter(f, st, SheetAgenda, header, widths, ones(len(a.Steps)))
		if err != nil {
			return err
		}
		s.wrap = len(header) - 1
		for _, step := range a.Steps {
			achterstallig := any("Nee")
			if step.Achterstallig {
				achterstallig = excelize.Cell{Value: "Ja", StyleID: st.fill[fillAchterstallig]}
			}
			ernst := ""
			if r, ok := rules.Lookup(step.Regel); ok {
				ernst = string(r.Ernst)
			}
			d := step.Dossier
			if err := s.add([]any{s.date(step.Datum), step.Week, d.Nummer, d.NaamWerknemer, d.Casemanager, step.Stap,
				achterstallig, s.colored(string(step.Status)), step.Regel, ernst, step.Toelichting}); err != nil {
				return err
			}
		}
		return s.flush()
	})
}
