package document

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
	"github.com/poortwachter/poortwachter/templates"
)

// reLine is the start of every error of ParseMarkdown.
var reLine = regexp.MustCompile(`^regel (\d+): `)

// FuzzParseMarkdown parses any text as a rendered template: the parser
// never panics; an error names a line of the text; blocks are of a known
// kind with their parts filled in.
func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Titel\n\nTekst met **vet** en *schuin*.\n\n- een\n- twee\n",
		"| Wat | Wanneer |\n|---|---|\n| a | b |\n",
		"```gegevens\nWerknemer: Jan\nDatum: 3 maart 2026\n```\n",
		"```handtekeningen\nWerkgever: ACME\nWerknemer: Jan\n```\n",
		"Voor\n\n\\pagebreak\n\nNa [[ontbreekt: probleemanalyse]]\n",
		"```onbekend\nx\n```\n", "```gegevens\ngeen dubbele punt\n```", "```\n```", "```gegevens",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		blocks, err := ParseMarkdown(src)
		if err != nil {
			m := reLine.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error does not name a line: %q", err)
			}
			if n, _ := strconv.Atoi(m[1]); n < 1 || n > strings.Count(src, "\n")+1 {
				t.Fatalf("error names line %d of a text of %d lines: %q", n, strings.Count(src, "\n")+1, err)
			}
			return
		}
		for _, b := range blocks {
			switch b.Kind {
			case Heading:
				if b.Level < 1 || b.Level > 2 {
					t.Fatalf("heading of level %d", b.Level)
				}
			case TableBlock:
				if b.Table == nil {
					t.Fatalf("table block without a table")
				}
			case Paragraph, List, KeyValue, SignatureBlock, PageBreak:
			default:
				t.Fatalf("block of unknown kind %v", b.Kind)
			}
		}
	})
}

// FuzzEscape: text from the workbook, escaped as every template prints it,
// never changes a document's structure: alone, in a table cell and as the
// value in a gegevens block it stays exactly that text, its white space
// collapsed.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"gewoon", "a*b_c", "1. eerste", "- geen lijst", "# geen kop", "x | y",
		`\pagebreak`, "[[ontbreekt: x]]", "<b>&amp;</b>", "```", "  twee\n\nregels  ", "Sleutel: waarde",
		"~~doorgehaald~~", "[link](http://x)", "![beeld](x.png)", "    code", "> citaat", "***", "1) een"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := dossier.NormalizeSpace(s)
		if want == "" || !utf8.ValidString(s) {
			return // workbook text is UTF-8: the XML reader sees to that
		}
		e := Escape(s)
		check := func(where string, got []Span, wantBlocks int, blocks []Block) {
			t.Helper()
			if len(blocks) != wantBlocks {
				t.Fatalf("%s: Escape(%q) = %q gives %d blocks, want %d:\n%s", where, s, e, len(blocks), wantBlocks, dump(blocks))
			}
			if PlainText(got) != want {
				t.Fatalf("%s: Escape(%q) = %q reads back as %q", where, s, e, PlainText(got))
			}
			for _, sp := range got {
				if sp.Missing {
					t.Fatalf("%s: Escape(%q) = %q makes a missing marker", where, s, e)
				}
			}
		}
		blocks, err := ParseMarkdown(e)
		if err != nil || len(blocks) == 0 || blocks[0].Kind != Paragraph {
			t.Fatalf("alone: Escape(%q) = %q: %v\n%s", s, e, err, dump(blocks))
		}
		check("alone", blocks[0].Text, 1, blocks)

		blocks, err = ParseMarkdown("| Wat | Waarde |\n|---|---|\n| x | " + e + " |\n")
		if err != nil || len(blocks) != 1 || blocks[0].Table == nil || len(blocks[0].Table.Rows) != 1 || len(blocks[0].Table.Rows[0]) != 2 {
			t.Fatalf("table: Escape(%q) = %q: %v\n%s", s, e, err, dump(blocks))
		}
		check("table", blocks[0].Table.Rows[0][1], 1, blocks)

		blocks, err = ParseMarkdown("```gegevens\nSleutel: " + e + "\n```\n")
		if err != nil || len(blocks) != 1 || len(blocks[0].Pairs) != 1 {
			t.Fatalf("gegevens: Escape(%q) = %q: %v\n%s", s, e, err, dump(blocks))
		}
		check("gegevens", blocks[0].Pairs[0].Value, 1, blocks)
	})
}

// fuzzLimits keep each execution of a fuzzed template short.
var fuzzLimits = Limits{Output: 64 << 10, Text: 16 << 10, Items: 100, Budget: 1 << 20, Time: 100 * time.Millisecond}

// FuzzTemplate executes any template text on a real document (D-005's
// re-integratieverslag in the example) with small limits: it never panics or runs away; what it writes
// stays within the output limit; an error names the template; and a
// template that succeeds gives the same text twice (the functions on offer
// are deterministic).
func FuzzTemplate(f *testing.F) {
	names, err := NewLoader("").Names()
	if err != nil {
		f.Fatal(err)
	}
	common, err := templates.Docs.ReadFile(Common)
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		b, err := templates.Docs.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		`{{range $i := until 200}}{{ repeat 5000000 "x" }}{{end}}`,
		`{{range 1000000}}{{range 1000000}}{{end}}{{end}}`,
		`{{ $s := "x" }}{{range until 40}}{{ $s = cat $s $s }}{{end}}{{ $s }}`,
		`{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}`,
		`{{ printf "%v %d %s" .Peildatum 3 .Dossier.NaamWerknemer }} {{ toString .Result }}`,
		`{{ join ", " (list (upper .Dossier.Werkgever) (datum .EindeWachttijd) (week .Peildatum)) }}`,
		`{{ with .Plan }}{{ .Datum | datum }}{{ else }}{{ ontbreekt "plan" }}{{ end }}`,
		`{{ dict "a" 1 "b" (list 1 2) | toString }} {{ sortAlpha (list "b" "a") }} {{ uniq (list 1 1 2) }}`,
	} {
		f.Add(s)
	}
	wb, err := workbook.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	var d *dossier.Dossier
	for _, x := range wb.Dossiers {
		if x.Nummer == "D-005" {
			d = x
		}
	}
	stukken := rules.Stukken(d, dossier.NewDate(2026, 12, 31))
	v := NewView(d, stukken[len(stukken)-1]) // the re-integratieverslag
	f.Fuzz(func(t *testing.T, text string) {
		l := &Loader{BuiltIn: fstest.MapFS{"t.md.tmpl": {Data: []byte(text)}, Common: {Data: common}}, Limits: fuzzLimits}
		tp, err := l.Parse("t.md.tmpl")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "sjabloon t.md.tmpl") && !strings.HasPrefix(err.Error(), "sjabloon "+Common) {
				t.Fatalf("parse error does not name the template: %q", err)
			}
			return
		}
		run := func() (string, error) {
			out, err := tp.ExecuteContext(context.Background(), v, v.funcs())
			if len(out) > fuzzLimits.Output {
				t.Fatalf("output of %d bytes, over the limit of %d", len(out), fuzzLimits.Output)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "sjabloon ") {
				t.Fatalf("error does not name the template: %q", err)
			}
			return out, err
		}
		a, errA := run()
		b, errB := run()
		if errA == nil && errB == nil && a != b {
			t.Fatalf("two executions differ:\n%s\n---\n%s", a, b)
		}
	})
}
