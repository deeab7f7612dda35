package pdf

import (
	"strings"
	"time"

	"github.com/poortwachter/poortwachter/internal/document"
)

// Test documents, kept inline so a test shows what it lays out.

func sText(s string) document.Span    { return document.Span{Text: s} }
func sBold(s string) document.Span    { return document.Span{Text: s, Bold: true} }
func sItalic(s string) document.Span  { return document.Span{Text: s, Italic: true} }
func sMissing(s string) document.Span { return document.Span{Text: s, Missing: true} }

func para(spans ...document.Span) document.Block {
	return document.Block{Kind: document.Paragraph, Text: spans}
}

func heading(level int, s string) document.Block {
	return document.Block{Kind: document.Heading, Level: level, Text: []document.Span{sText(s)}}
}

// sampleDoc has every block kind with Dutch content and names from all over
// Europe.
func sampleDoc() *document.Doc {
	acties := &document.Table{
		Header: []string{"Datum", "Actie", "Wie", "Status"},
		Widths: []float64{1.2, 4, 1.6, 1.2},
	}
	for i, a := range []string{
		"Ziekmelding bij de arbodienst en eerste contact met de bedrijfsarts.",
		"Probleemanalyse door de bedrijfsarts: belastbaarheid, beperkingen en mogelijkheden, prognose.",
		"Opstellen plan van aanpak samen met de werknemer; casemanager aangewezen.",
		"Eerste evaluatie van het plan van aanpak; afspraken over opbouw van uren in aangepast werk.",
		"Eerstejaarsevaluatie: terugblik op het eerste ziektejaar en vooruitblik, met de vraag of het re-integratiedoel nog haalbaar is en of een tweede spoor nodig is.",
	} {
		acties.Rows = append(acties.Rows, [][]document.Span{
			{sText(time.Date(2025, 3, 3+14*i, 0, 0, 0, 0, time.UTC).Format("02-01-2006"))},
			{sText(a)},
			{sText([]string{"Bedrijfsarts", "Werkgever", "Casemanager"}[i%3])},
			{sBold("gereed")},
		})
	}
	acties.Rows = append(acties.Rows, [][]document.Span{
		{sMissing("[ontbreekt: datum]")},
		{sText("Tweede evaluatie")},
		{sText("Werkgever")},
		{sItalic("gepland")},
	})
	return &document.Doc{
		Title:    "Plan van aanpak",
		Subject:  "Plan van aanpak re-integratie Şükrü Yılmaz",
		Author:   "Bakkerij Łukasz Wróbel B.V.",
		Dossier:  "2025-0042",
		Employee: "Şükrü Yılmaz",
		BSN:      "1234.56.782",
		Date:     time.Date(2025, 4, 14, 9, 30, 0, 0, time.UTC),
		Blocks: []document.Block{
			heading(1, "1. Gegevens"),
			{Kind: document.KeyValue, Pairs: []document.Pair{
				{Key: "Werknemer", Value: []document.Span{sText("Şükrü Yılmaz")}},
				{Key: "Werkgever", Value: []document.Span{sText("Bakkerij Łukasz Wróbel B.V., Hoofdstraat 12, 1234 AB Amsterdam")}},
				{Key: "Eerste ziektedag", Value: []document.Span{sText("3 maart 2025")}},
				{Key: "Datum probleemanalyse", Value: []document.Span{sMissing("[ontbreekt: datum probleemanalyse]")}},
				{Key: "Casemanager", Value: []document.Span{sText("Zoë Ñúñez (HR), bereikbaar op werkdagen tussen 9.00 en 17.00 uur via het algemene nummer van de afdeling personeelszaken")}},
			}},
			heading(1, "2. Doel van de re-integratie"),
			para(sText("Werkgever en werknemer streven naar "), sBold("volledige terugkeer in het eigen werk"),
				sText(" binnen zes maanden. Uitgangspunt is de "), sItalic("probleemanalyse"),
				sText(" van de bedrijfsarts van "), sMissing("[ontbreekt: datum probleemanalyse]"),
				sText(". Als terugkeer in het eigen werk niet haalbaar blijkt, wordt gekeken naar "),
				sBold("ander passend werk"), sText(" bij de eigen werkgever (eerste spoor) of, als dat er niet is, bij een andere werkgever (tweede spoor).")),
			heading(2, "2.1 Afspraken"),
			{Kind: document.List, Items: [][]document.Span{
				{sText("De werknemer werkt mee aan de re-integratie en houdt zich aan de afspraken uit dit plan.")},
				{sText("De werkgever zorgt voor "), sBold("aangepast werk"), sText(" en bespreekt de voortgang ten minste eens per zes weken.")},
				{sText("Contact met de bedrijfsarts: Ayşe Doğan, telefonisch bereikbaar.")},
			}},
			heading(1, "3. Activiteiten"),
			{Kind: document.TableBlock, Table: acties},
			para(sText("Dit plan van aanpak wordt bijgesteld zodra de situatie daarom vraagt.\nBijstellingen worden schriftelijk vastgelegd.")),
			{Kind: document.SignatureBlock, Signatures: []document.Signature{
				{Role: "Werkgever", Name: "Łukasz Wróbel", Date: "14-04-2025", Place: "Amsterdam"},
				{Role: "Werknemer", Name: "Şükrü Yılmaz"},
			}},
			{Kind: document.PageBreak},
			heading(1, "Bijlage: toelichting"),
			para(sText(strings.Repeat("De Wet verbetering poortwachter verplicht werkgever en werknemer om zich in te spannen voor re-integratie. ", 8))),
		},
	}
}

// oddDoc has everything that makes fpdf panic or misbehave.
func oddDoc() *document.Doc {
	long := strings.Repeat("x", 5000)
	odd := "emoji 😀 \U0001F600 onbekend \U000E0001 \u0378 \uFFFF \uFFFE ctrl \x00\x01\x07\x1b[31m\u200b\u00ad bidi \u202e tab\there \r\n ongeldig \xff\xfe utf8 Ω ж ☃ 中文 ﷽"
	tbl := &document.Table{Header: []string{"Nr", "Tekst " + odd, "😀"}}
	for i := 0; i < 200; i++ {
		tbl.Rows = append(tbl.Rows, [][]document.Span{{sText(itoa(i))}, {sText(odd)}, {sMissing("😀")}})
	}
	tbl.Rows = append(tbl.Rows, [][]document.Span{{sText("lang")}, {sText(long)}, {}})
	return &document.Doc{
		Title:    "Vreemde tekens " + odd,
		Subject:  odd,
		Author:   odd,
		Dossier:  "😀-" + long[:40],
		Employee: "Zoë 😀 \x00" + long[:300],
		BSN:      "\x07😀",
		Date:     time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		Blocks: []document.Block{
			{Kind: document.Heading, Level: 2, Text: []document.Span{sText("Kop niveau 2 zonder niveau 1 " + odd)}},
			para(sText(odd), sBold(odd), sItalic(odd), sMissing(odd)),
			para(sText(long)),
			para(sBold(long[:100]), sMissing(long[:100]), sItalic("")),
			para(),
			{Kind: document.List, Items: [][]document.Span{{sText(odd)}, {}, {sText(long)}}},
			{Kind: document.KeyValue, Pairs: []document.Pair{{Key: odd + long[:200], Value: []document.Span{sText(long)}}, {}}},
			{Kind: document.TableBlock, Table: tbl},
			{Kind: document.TableBlock, Table: &document.Table{}},
			{Kind: document.TableBlock},
			{Kind: document.SignatureBlock, Signatures: []document.Signature{
				{Role: odd, Name: long, Date: odd, Place: long},
				{}, {Role: "Derde"},
			}},
			{Kind: document.PageBreak}, {Kind: document.PageBreak},
			{Kind: document.Heading, Level: 7, Text: []document.Span{sMissing(odd)}},
			{Kind: document.BlockKind(99)},
		},
	}
}

// longTableDoc has a table over several pages, to show the header repeating
// and rows never splitting when they fit on a page.
func longTableDoc() *document.Doc {
	tbl := &document.Table{Header: []string{"Week", "Gewerkte uren", "Toelichting"}, Widths: []float64{1, 1.5, 5}}
	for i := 1; i <= 70; i++ {
		note := "Opbouw volgens plan."
		if i%7 == 0 {
			note = "Gesprek met de bedrijfsarts over de belastbaarheid; de opbouw wordt twee weken aangehouden omdat de klachten toenamen na de uitbreiding van het aantal uren."
		}
		tbl.Rows = append(tbl.Rows, [][]document.Span{{sText(itoa(i))}, {sText(itoa(4 + i/3))}, {sText(note)}})
	}
	return &document.Doc{
		Title:    "Re-integratieverslag",
		Dossier:  "2025-0007",
		Employee: "Ayşe Doğan",
		Date:     time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
		Blocks: []document.Block{
			heading(1, "Urenopbouw"),
			{Kind: document.TableBlock, Table: tbl},
		},
	}
}

// paragraphsDoc is running text over several pages, to show paragraphs
// breaking without a lone line at the foot or head of a page.
func paragraphsDoc() *document.Doc {
	zin := "De werkgever heeft de werknemer uitgenodigd voor een gesprek over de voortgang van de re-integratie; "
	var blocks []document.Block
	for i := 1; i <= 14; i++ {
		if i%5 == 1 {
			blocks = append(blocks, heading(2, "Gesprek "+itoa(i/5+1)))
		}
		blocks = append(blocks, para(sText(strings.Repeat(zin, 1+(i*7)%6)+"afspraak "+itoa(i)+".")))
	}
	return &document.Doc{Title: "Gespreksverslagen", Dossier: "2025-0100", Employee: "Zoë Ñúñez", Date: time.Date(2025, 5, 5, 0, 0, 0, 0, time.UTC), Blocks: blocks}
}
