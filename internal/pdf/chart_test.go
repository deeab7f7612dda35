package pdf

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/document"
)

func testChart() *document.Chart {
	return &document.Chart{
		Days: 728, Now: 364, NowLabel: "31-12-2026", NowName: "peildatum",
		Ticks: []document.ChartTick{{Day: 90, Label: "wk 13"}, {Day: 727, Label: "wk 104"}},
		Rows: []document.ChartRow{
			{Label: "Ziek", Lanes: 1, Bars: []document.ChartBar{{From: 0, To: 728, Kind: document.BarZiek}}},
			{Label: "Spoor 2", Lanes: 2, Bars: []document.ChartBar{
				{From: 100, To: 200, Kind: document.BarAfgelopen, End: document.EndOverbelast},
				{From: 150, To: 364, Lane: 1, Kind: document.BarLopend},
			}},
			{Label: "Termijnen", Lanes: 1, Marks: []document.ChartMark{{Day: 41, Kind: document.MarkTijdig}, {Day: 500, Kind: document.MarkOpen}}},
		},
	}
}

// TestChartLayout lays out a chart after enough text that it does not fit
// on the first page: it moves whole to the next one, its bars span the
// axis, its lanes stack, and its labels and legend are text.
func TestChartLayout(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var blocks []document.Block
	for range 52 {
		blocks = append(blocks, document.Block{Kind: document.Paragraph, Text: []document.Span{{Text: "Een regel tekst."}}})
	}
	blocks = append(blocks, document.Block{Kind: document.ChartBlock, Chart: testChart()})
	pages := paginate(context.Background(), &document.Doc{Title: "Proef", Blocks: blocks}, fonts)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want the chart whole on a second page", len(pages))
	}
	var fills []op
	var texts []string
	kinds := map[opKind]int{}
	for _, o := range pages[1].ops {
		kinds[o.kind]++
		switch o.kind {
		case opFill:
			fills = append(fills, o)
		case opText:
			texts = append(texts, o.text)
		}
	}
	for _, o := range pages[0].ops {
		if o.kind == opText && o.text == "Ziek" {
			t.Error("part of the chart stayed on the first page")
		}
	}
	x0, x1 := marginL+chartLabelW, marginL+contentW-1
	ziek := fills[0]
	if ziek.x != x0 || ziek.x+ziek.x2 < x1-0.5 || ziek.x+ziek.x2 > x1 {
		t.Errorf("the bar over every day runs %.1f to %.1f, want %.1f to %.1f", ziek.x, ziek.x+ziek.x2, x0, x1)
	}
	if fills[1].y == fills[2].y {
		t.Error("overlapping bars share a lane")
	}
	if kinds[opTriangle] < 1 || kinds[opCircle] < 2 || kinds[opDashLine] < 1 {
		t.Errorf("shapes %v: want the overload triangle, two marks and the date line", kinds)
	}
	all := strings.Join(texts, " ")
	for _, want := range []string{"Ziek", "Spoor 2", "Termijnen", "wk 13", "wk 104", "31-12-2026", "gestopt: overbelast", "termijn op tijd", "nog niet nodig", "peildatum"} {
		if !strings.Contains(all, want) {
			t.Errorf("the chart's text lacks %q: %s", want, all)
		}
	}
	var buf bytes.Buffer
	if err := Render(&buf, &document.Doc{Title: "Proef", Blocks: blocks}, Options{}); err != nil {
		t.Fatal(err)
	}
}
