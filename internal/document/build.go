package document

import (
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Kind is one of the documents the tool generates.
type Kind string

// The generated documents; the value is the file name of the template
// without ".md.tmpl", and the name used on the command line.
const (
	PlanVanAanpak        Kind = "plan-van-aanpak"
	Eerstejaarsevaluatie Kind = "eerstejaarsevaluatie"
	Reintegratieverslag  Kind = "re-integratieverslag"
)

// Kinds lists the generated documents in dossier order.
func Kinds() []Kind { return []Kind{PlanVanAanpak, Eerstejaarsevaluatie, Reintegratieverslag} }

// ParseKind returns the Kind named s.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds() {
		if string(k) == strings.ToLower(strings.TrimSpace(s)) {
			return k, true
		}
	}
	return "", false
}

// Title returns the Dutch title of the document, e.g. "Plan van aanpak".
func (k Kind) Title() string {
	switch k {
	case PlanVanAanpak:
		return "Plan van aanpak"
	case Eerstejaarsevaluatie:
		return "Eerstejaarsevaluatie"
	case Reintegratieverslag:
		return "Re-integratieverslag"
	}
	return string(k)
}

// File returns the template file name of the document.
func (k Kind) File() string { return string(k) + ".md.tmpl" }

// soort is the dossier document kind the generated document becomes.
func (k Kind) soort() dossier.Soort {
	switch k {
	case PlanVanAanpak:
		return dossier.PlanVanAanpak
	case Eerstejaarsevaluatie:
		return dossier.Eerstejaarsevaluatie
	}
	return dossier.Reintegratieverslag
}

// Render executes the template of kind on v and returns its Markdown, with
// the list of missing parts ("Ontbrekende onderdelen") added after the
// title when the text holds missing markers. This is the text the readable
// golden files hold.
func Render(kind Kind, v *View, l *Loader) (string, error) {
	tp, err := l.Parse(kind.File())
	if err != nil {
		return "", err
	}
	out, err := tp.Execute(v, v.funcs())
	if err != nil {
		return "", err
	}
	text, err := addMissingList(out)
	if err != nil {
		return "", fmt.Errorf("sjabloon %s, in de uitvoer: %v", kind.File(), err)
	}
	return text, nil
}

// Build renders the document kind for the dossier in v and parses it into
// the document model.
func Build(kind Kind, v *View, l *Loader) (*Doc, error) {
	text, err := Render(kind, v, l)
	if err != nil {
		return nil, err
	}
	blocks, err := ParseMarkdown(text)
	if err != nil {
		return nil, err
	}
	d := v.Dossier
	doc := &Doc{
		Title:    kind.Title(),
		Subject:  kind.Title() + " " + d.NaamWerknemer + " (dossier " + d.Nummer + ")",
		Author:   d.Werkgever,
		Dossier:  d.Nummer,
		Employee: d.NaamWerknemer,
		BSN:      bsn(d.BSN),
		Date:     v.Peildatum.Time(),
		Blocks:   blocks,
	}
	if own := first(d.DocumentsOf(kind.soort())); own != nil && !own.Datum.After(v.Peildatum) {
		doc.Date = own.Datum.Time()
	}
	return doc, nil
}

// addMissingList inserts, after the title (the first level-1 heading), a
// section that lists every missing part once, in order of appearance, so
// nobody misses what a document still lacks. It finds the markers by
// parsing, so it sees exactly what the document will show.
func addMissingList(text string) (string, error) {
	blocks, err := ParseMarkdown(text)
	if err != nil {
		return "", err
	}
	var wat []string
	seen := map[string]bool{}
	for _, s := range allSpans(blocks) {
		w := strings.TrimSuffix(strings.TrimPrefix(s.Text, "[ontbreekt: "), "]")
		if s.Missing && !seen[w] {
			seen[w] = true
			wat = append(wat, w)
		}
	}
	if len(wat) == 0 {
		return text, nil
	}
	var b strings.Builder
	b.WriteString("\n## Ontbrekende onderdelen\n\n")
	b.WriteString("Dit document is nog niet volledig. Deze onderdelen ontbreken in het dossier:\n\n")
	for _, w := range wat {
		fmt.Fprintf(&b, "- %s\n", ontbreekt(w))
	}
	at := 0 // after the title line, or at the top without one
	for off := 0; off < len(text); {
		line, _, _ := strings.Cut(text[off:], "\n")
		if strings.HasPrefix(line, "# ") {
			at = min(off+len(line)+1, len(text))
			break
		}
		off += len(line) + 1
	}
	return text[:at] + b.String() + text[at:], nil
}

// allSpans returns every span of blocks, in document order.
func allSpans(blocks []Block) []Span {
	var out []Span
	for _, b := range blocks {
		out = append(out, b.Text...)
		for _, it := range b.Items {
			out = append(out, it...)
		}
		for _, p := range b.Pairs {
			out = append(out, p.Value...)
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r {
					out = append(out, c...)
				}
			}
		}
	}
	return out
}
