package document

import (
	"strconv"

	"github.com/poortwachter/poortwachter/internal/rules"
)

// OverzichtTitle is the title of the per-dossier overview document.
const OverzichtTitle = "Overzicht poortwachterdossier"

// Overzicht builds the overview of one dossier that batch puts next to its
// documents, from its check r at the peildatum: key data, the verdict,
// every finding, the timeline and the next steps. It is for the employer:
// the tool's own findings on the completeness of the dossier belong here,
// not in the documents for UWV. It is built in Go rather than from a
// template: it is a report of the check, not a document anybody signs or
// edits.
func Overzicht(r rules.Result) *Doc {
	d := r.Dossier
	p := r.Peildatum
	cal := rules.NewCalendar(d)
	doc := &Doc{
		Title:    OverzichtTitle,
		Subject:  OverzichtTitle + " " + d.NaamWerknemer + " (dossier " + d.Nummer + ")",
		Author:   d.Werkgever,
		Dossier:  d.Nummer,
		Employee: d.NaamWerknemer,
		BSN:      bsn(d.BSN),
		Date:     p.Time(),
		Stamp:    "peildatum " + datum(p),
	}
	add := func(b Block) { doc.Blocks = append(doc.Blocks, b) }
	text := func(s string) []Span { return []Span{{Text: s}} }
	orMissing := func(s, wat string) []Span {
		if s == "" {
			return []Span{{Text: "[ontbreekt: " + wat + "]", Missing: true}}
		}
		return text(s)
	}

	add(Block{Kind: Heading, Level: 1, Text: text(OverzichtTitle)})
	week := ""
	if !d.EersteZiektedag.IsZero() && !d.EersteZiektedag.After(p) {
		week = "week " + strconv.Itoa(cal.Week(p))
	}
	pairs := []Pair{
		{Key: "Dossiernummer", Value: text(d.Nummer)},
		{Key: "Werknemer", Value: text(d.NaamWerknemer)},
		{Key: "Werkgever", Value: text(d.Werkgever)},
		{Key: "Casemanager", Value: orMissing(d.Casemanager, "casemanager")},
		{Key: "Bedrijfsarts", Value: orMissing(d.Bedrijfsarts, "bedrijfsarts")},
		{Key: "Eerste ziektedag", Value: text(datum(d.EersteZiektedag))},
		{Key: "Einde wachttijd", Value: text(datum(r.EindeWachttijd))},
		{Key: "Peildatum", Value: text(joinNonEmpty(datum(p), week))},
	}
	if h := d.DatumHersteld; !h.IsZero() && !h.After(p) {
		pairs = append(pairs, Pair{Key: "Hersteld", Value: text(datum(h))})
	}
	pairs = append(pairs, Pair{Key: "Oordeel", Value: []Span{{Text: oordeelTekst(r.Oordeel), Bold: true}}})
	add(Block{Kind: KeyValue, Pairs: pairs})
	chart := NewChart(r, true)
	if chart != nil {
		chart.NowName = "peildatum"
		chart.NowLabel = "peildatum " + chart.NowLabel
	}
	add(Block{Kind: ChartBlock, Chart: chart})

	add(Block{Kind: Heading, Level: 1, Text: text("Bevindingen")})
	add(Block{Kind: Paragraph, Text: text("Elke regel van de Wet verbetering poortwachter, getoetst per de peildatum " + datum(p) + ".")})
	findings := &Table{
		Header: []string{"Regel", "Ernst", "Status", "Uiterste datum", "Datum", "Toelichting"},
	}
	for _, f := range r.Bevindingen {
		findings.Rows = append(findings.Rows, [][]Span{
			text(f.Titel),
			text(string(f.Ernst)),
			{{Text: statusTekst(f.Status), Bold: f.Status.Problem()}},
			text(f.UitersteDatum.NL()),
			text(f.Datum.NL()),
			text(f.Toelichting),
		})
	}
	add(Block{Kind: TableBlock, Table: findings})

	if len(r.Meldingen) > 0 {
		add(Block{Kind: Heading, Level: 2, Text: text("Meldingen over de invoer")})
		var items [][]Span
		for _, m := range r.Meldingen {
			items = append(items, text(m.String()))
		}
		add(Block{Kind: List, Items: items})
	}

	add(Block{Kind: Heading, Level: 1, Text: text("Tijdlijn")})
	timeline := &Table{
		Header: []string{"Datum", "Week", "Gebeurtenis", "Status"},
	}
	for _, e := range rules.Timeline(r) {
		timeline.Rows = append(timeline.Rows, [][]Span{
			text(e.Datum.NL()),
			text(strconv.Itoa(e.Week)),
			text(e.Titel),
			text(statusOrEmpty(e.Status)),
		})
	}
	add(Block{Kind: TableBlock, Table: timeline})

	add(Block{Kind: Heading, Level: 1, Text: text("Volgende stappen")})
	next := rules.Next(r)
	if len(next) == 0 {
		add(Block{Kind: Paragraph, Text: text("Er staan geen termijnen meer open.")})
	} else {
		var items [][]Span
		for _, e := range next {
			items = append(items, []Span{{Text: e.Datum.NL(), Bold: true}, {Text: " (week " + strconv.Itoa(e.Week) + "): " + e.Stap}})
		}
		add(Block{Kind: List, Items: items})
	}
	return doc
}

func statusOrEmpty(s rules.Status) string {
	if s == "" {
		return ""
	}
	return statusTekst(s)
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " (" + b + ")"
}
