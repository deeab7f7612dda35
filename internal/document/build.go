package document

import (
	"context"
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// Kind is one of the documents the tool generates, as the command line
// names it; each has one template.
type Kind string

// The generated documents; the value is the file name of the template
// without ".md.tmpl", and the name used on the command line. A plan van
// aanpak and each of its bijstellingen are documents of kind PlanVanAanpak.
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

// KindOf returns the kind of document a workbook row of soort s is, and
// whether the tool generates it.
func KindOf(s dossier.Soort) (Kind, bool) {
	switch s {
	case dossier.PlanVanAanpak, dossier.BijstellingPlanVanAanpak:
		return PlanVanAanpak, true
	case dossier.Eerstejaarsevaluatie:
		return Eerstejaarsevaluatie, true
	case dossier.Reintegratieverslag:
		return Reintegratieverslag, true
	}
	return "", false
}

// File returns the template file name of the document.
func (k Kind) File() string { return string(k) + ".md.tmpl" }

// Name returns the name of a document of soort s in file names and the
// manifest: "plan-van-aanpak", "bijstelling-plan-van-aanpak",
// "eerstejaarsevaluatie", "re-integratieverslag".
func Name(s dossier.Soort) string {
	if s == dossier.BijstellingPlanVanAanpak {
		return "bijstelling-" + string(PlanVanAanpak)
	}
	k, _ := KindOf(s)
	return string(k)
}

// FileBase returns the name of document s without dossier and extension:
// its Name and its own date, "bijstelling-plan-van-aanpak_2026-09-15", or
// for a concept "plan-van-aanpak_concept_2026-12-31".
func FileBase(s rules.Stuk) string {
	name := Name(s.Document.Soort)
	if s.Concept {
		name += "_concept"
	}
	return name + "_" + s.Document.Datum.String()
}

// StukkenOf returns the documents of kind k among all, in their order.
func StukkenOf(all []rules.Stuk, k Kind) []rules.Stuk {
	var out []rules.Stuk
	for _, s := range all {
		if kind, _ := KindOf(s.Document.Soort); kind == k {
			out = append(out, s)
		}
	}
	return out
}

// Concept returns a concept of a document of kind k dated p, for when one
// is asked for that is not due yet (rules.Stukken makes none).
func Concept(k Kind, p dossier.Date) rules.Stuk {
	s := dossier.PlanVanAanpak
	switch k {
	case Eerstejaarsevaluatie:
		s = dossier.Eerstejaarsevaluatie
	case Reintegratieverslag:
		s = dossier.Reintegratieverslag
	}
	return rules.Concept(s, p)
}

// Render executes the template of the document in v and returns its
// Markdown, with a note that it is a concept (for a concept) and the list
// of missing parts ("Ontbrekende onderdelen") added after the title. This
// is the text the readable golden files hold.
func Render(v *View, l *Loader) (string, error) {
	return RenderContext(context.Background(), v, l)
}

// RenderContext is Render that stops when ctx is done (see
// Template.ExecuteContext).
func RenderContext(ctx context.Context, v *View, l *Loader) (string, error) {
	text, _, err := render(ctx, v, l)
	return text, err
}

// render is RenderContext that also returns the blocks of the text when
// it has them at hand: the template's output is parsed once to find what
// is missing, and when nothing is added to it, that parse is the
// document's (a batch would otherwise parse every document twice).
func render(ctx context.Context, v *View, l *Loader) (string, []Block, error) {
	kind, ok := KindOf(v.Document.Soort)
	if !ok {
		return "", nil, fmt.Errorf("geen sjabloon voor %s", v.Document.Soort)
	}
	tp, err := l.Parse(kind.File())
	if err != nil {
		return "", nil, err
	}
	out, err := tp.ExecuteContext(ctx, v, v.funcs())
	if err != nil {
		return "", nil, err
	}
	blocks, err := ParseMarkdown(out)
	if err != nil {
		return "", nil, tp.outputError(err)
	}
	text := out
	if list := missingList(blocks); list != "" {
		text, blocks = afterTitle(text, list), nil
	}
	if v.Concept {
		text, blocks = afterTitle(text, conceptNote(v)), nil
	}
	return text, blocks, nil
}

// conceptNote says, right under the title, that the document is a concept
// and what to do with it.
func conceptNote(v *View) string {
	return "\n**Concept van " + Escape(datum(v.Datum)) + ".** Dit document is nog niet opgesteld: het dossier bevat geen " +
		Escape(strings.ToLower(v.Titel)) + ". Het programma heeft dit concept gemaakt zoals het dossier er op deze datum voor staat. " +
		"Vul aan wat ontbreekt, bespreek het met de werknemer en laat het ondertekenen; leg het daarna vast in het werkboek " +
		"(tabblad Documenten), dan wordt het met zijn eigen datum opgemaakt.\n"
}

// Build renders the document in v and parses it into the document model.
func Build(v *View, l *Loader) (*Doc, error) {
	return BuildContext(context.Background(), v, l)
}

// BuildContext is Build that stops when ctx is done (see
// Template.ExecuteContext).
func BuildContext(ctx context.Context, v *View, l *Loader) (*Doc, error) {
	text, blocks, err := render(ctx, v, l)
	if err != nil {
		return nil, err
	}
	if blocks == nil {
		if blocks, err = ParseMarkdown(text); err != nil {
			return nil, err
		}
	}
	for i := range blocks {
		if blocks[i].Kind == ChartBlock {
			blocks[i].Chart = NewChart(v.Result, false)
		}
	}
	d := v.Dossier
	stamp := datum(v.Datum)
	if v.Concept {
		stamp = "concept van " + stamp
	}
	return &Doc{
		Title:    v.Titel,
		Subject:  v.Titel + " van " + datum(v.Datum) + ", " + d.NaamWerknemer + " (dossier " + d.Nummer + ")",
		Author:   d.Werkgever,
		Dossier:  d.Nummer,
		Employee: d.NaamWerknemer,
		BSN:      bsn(d.BSN),
		Date:     v.Datum.Time(),
		Stamp:    stamp,
		Concept:  v.Concept,
		Blocks:   blocks,
	}, nil
}

// afterTitle inserts text after the title line (the first level-1
// heading), or at the top without one.
func afterTitle(text, insert string) string {
	at := 0
	for off := 0; off < len(text); {
		line, _, _ := strings.Cut(text[off:], "\n")
		if strings.HasPrefix(line, "# ") {
			at = min(off+len(line)+1, len(text))
			break
		}
		off += len(line) + 1
	}
	return text[:at] + insert + text[at:]
}

// missingList returns the list of missing parts ("Ontbrekende
// onderdelen") of a document made of blocks, to go after its title, or ""
// when nothing is missing: each [ontbreekt: ...] marker once, in the order
// they appear.
func missingList(blocks []Block) string {
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
		return ""
	}
	var b strings.Builder
	b.WriteString("\n## Ontbrekende onderdelen\n\n")
	b.WriteString("Dit document is nog niet volledig. Deze onderdelen ontbreken in het dossier:\n\n")
	for _, w := range wat {
		fmt.Fprintf(&b, "- %s\n", ontbreekt(w))
	}
	return b.String()
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
