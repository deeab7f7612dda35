package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// TextOptions tunes the text overview.
type TextOptions struct {
	// Color adds ANSI colours; the caller decides (a terminal, NO_COLOR
	// unset).
	Color bool
	// Unchecked is how many dossiers were read but left out of the results
	// because of input errors; the summary line names them, so that its
	// count adds up to the dossiers validate reads.
	Unchecked int
}

// ANSI escape sequences for the text overview.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

// statusColor is the colour of a finding status in the text overview.
var statusColor = map[rules.Status]string{
	rules.Ontbreekt:         ansiRed,
	rules.Verouderd:         ansiRed,
	rules.Gebrekkig:         ansiRed,
	rules.TeLaat:            ansiYellow,
	rules.Tijdig:            ansiGreen,
	rules.NogNietNodig:      ansiDim,
	rules.NietVanToepassing: ansiDim,
}

// oordeelColor is the colour of a verdict in the text overview.
var oordeelColor = map[rules.Oordeel]string{
	rules.Onvolledig: ansiBold + ansiRed,
	rules.Aandacht:   ansiBold + ansiYellow,
	rules.Compleet:   ansiBold + ansiGreen,
}

// Text writes a readable overview of the checks at peildatum: per dossier
// a header line, the verdict, and every finding in aligned columns; then
// the meldingen and a summary line counting the dossiers per verdict.
func Text(w io.Writer, peildatum dossier.Date, checks Checks, meldingen dossier.Problems, opt TextOptions) (Summary, error) {
	var sum Summary
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opt.Color || color == "" {
			return s
		}
		return color + s + ansiReset
	}
	fmt.Fprintf(bw, "Toets Wet verbetering poortwachter, peildatum %s\n", peildatum.NL())
	err := eachChunk(checks, func(_ int, r rules.Result) rules.Result { return r }, func(_ int, rs []rules.Result) error {
		for _, r := range rs {
			bw.WriteString("\n")
			writeDossierText(bw, r, paint)
			sum.Add(r)
		}
		return nil
	})
	if err != nil {
		return sum, err
	}

	all := Meldingen(sum.Meldingen, meldingen)
	if len(all) > 0 {
		fouten, waarschuwingen := all.Count()
		fmt.Fprintf(bw, "\nMeldingen (%s, %s):\n", dossier.Plural(fouten, "fout", "fouten"), dossier.Plural(waarschuwingen, "waarschuwing", "waarschuwingen"))
		width := 0
		for _, p := range all {
			width = max(width, utf8.RuneCountInString(p.Plaats))
		}
		for _, p := range all {
			color := ansiYellow
			if p.Ernst == dossier.Fout {
				color = ansiRed
			}
			fmt.Fprintf(bw, "  %s  %s  %s\n", pad(p.Plaats, width), paint(color, pad(p.Ernst.String(), len("waarschuwing"))), p.Tekst)
		}
	}

	var parts []string
	for _, o := range Oordelen {
		parts = append(parts, fmt.Sprintf("%d %s", sum.Oordelen[o], o))
	}
	fmt.Fprintf(bw, "\n%s getoetst: %s", dossier.Plural(checks.Len(), "dossier", "dossiers"), strings.Join(parts, ", "))
	if n := opt.Unchecked; n > 0 {
		fmt.Fprintf(bw, "; %s niet getoetst wegens fouten in de invoer", dossier.Plural(n, "dossier", "dossiers"))
	}
	bw.WriteString(".\n")
	return sum, bw.Flush()
}

// writeDossierText writes one dossier's block of the overview.
func writeDossierText(w io.Writer, r rules.Result, paint func(color, s string) string) {
	d := r.Dossier
	head := []string{paint(ansiBold, d.Nummer)}
	if d.NaamWerknemer != "" {
		head = append(head, d.NaamWerknemer)
	}
	head = append(head, "eerste ziektedag "+d.EersteZiektedag.NL())
	if h := d.DatumHersteld; !h.IsZero() && !h.After(r.Peildatum) {
		head = append(head, "hersteld "+h.NL())
	} else {
		head = append(head, fmt.Sprintf("ziekteweek %d", rules.NewCalendar(d).Week(r.Peildatum)))
	}
	head = append(head, "einde wachttijd "+r.EindeWachttijd.NL())
	fmt.Fprintf(w, "%s\n", strings.Join(head, "  ·  "))
	fmt.Fprintf(w, "  %s\n", paint(oordeelColor[r.Oordeel], strings.ToUpper(string(r.Oordeel))))

	rows := [][]string{{"status", "regel", "uiterste datum", "datum", "toelichting"}}
	for _, f := range r.Bevindingen {
		rows = append(rows, []string{string(f.Status), f.Regel, dateOrDash(f.UitersteDatum), dateOrDash(f.Datum), f.Toelichting})
	}
	widths := make([]int, 4)
	for _, row := range rows {
		for i := range widths {
			widths[i] = max(widths[i], utf8.RuneCountInString(row[i]))
		}
	}
	for i, row := range rows {
		cells := make([]string, len(row))
		for j, c := range row {
			if j < len(widths) {
				c = pad(c, widths[j])
			}
			cells[j] = c
		}
		if i == 0 {
			fmt.Fprintf(w, "  %s\n", paint(ansiDim, strings.TrimRight(strings.Join(cells, "  "), " ")))
			continue
		}
		cells[0] = paint(statusColor[r.Bevindingen[i-1].Status], cells[0])
		fmt.Fprintf(w, "  %s\n", strings.TrimRight(strings.Join(cells, "  "), " "))
	}
}

// dateOrDash formats d as dd-mm-jjjj, or "–" when absent.
func dateOrDash(d dossier.Date) string {
	if d.IsZero() {
		return "–"
	}
	return d.NL()
}

// pad right-pads s with spaces to width runes.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}
