package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// testLoader returns a Loader over the given files; Common is added empty
// when missing.
func testLoader(files map[string]string) *Loader {
	fsys := fstest.MapFS{Common: {Data: []byte("")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return &Loader{BuiltIn: fsys}
}

func TestAutoEscape(t *testing.T) {
	data := map[string]any{
		"Naam":         "Jan *Ster* de_Vries",
		"Samenvatting": "beperkt | 4 uur\nper dag [[ontbreekt: x]]",
		"Begin":        "- geen lijst",
		"Kop":          "# geen kop",
	}
	l := testLoader(map[string]string{"t.md.tmpl": "Naam: {{.Naam}}\n\n" +
		"| Wat | Samenvatting |\n|---|---|\n| a | {{.Samenvatting}} |\n\n" +
		"{{.Begin}}\n\n{{.Kop}}\n\n{{$x := .Naam}}{{$x | upper}}\n\n{{ontbreekt \"probleemanalyse\"}}\n"})
	tp, err := l.Parse("t.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	out, err := tp.Execute(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := ParseMarkdown(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "P Naam: Jan *Ster* de_Vries\n" +
		"T Wat | Samenvatting\n" +
		"R a | beperkt | 4 uur per dag [[ontbreekt: x]]\n" +
		"P - geen lijst\n" +
		"P # geen kop\n" +
		"P JAN *STER* DE_VRIES\n" +
		"P {[ontbreekt: probleemanalyse]}\n"
	if got := dump(blocks); got != want {
		t.Errorf("workbook text changed the structure:\nmarkdown:\n%s\n got:\n%s\nwant:\n%s", out, got, want)
	}
	if n := len(blocks[1].Table.Rows[0]); n != 2 {
		t.Errorf("table row has %d cells, want 2", n)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"gewoon tekst", "gewoon tekst"},
		{"a*b_c", `a\*b\_c`},
		{"1. eerste", `1\. eerste`},
		{"versie 1.2", "versie 1.2"},
		{"-5", `\-5`},
		{"a-b", "a-b"},
		{"  twee\n\nregels  ", "twee regels"},
		{`\pagebreak`, `\\pagebreak`},
		{"x | y", `x \| y`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		blocks, err := ParseMarkdown(Escape(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if len(blocks) != 1 || blocks[0].Kind != Paragraph || PlainText(blocks[0].Text) != strings.Join(strings.Fields(tt.in), " ") {
			t.Errorf("Escape(%q) does not round-trip: %s", tt.in, dump(blocks))
		}
	}
}

// TestHermeticFuncs: the Sprig functions that read the environment, the
// clock, the local time zone, the network or a random source, iterate a map
// in random order, or follow the operating system's path rules, are not
// available to templates, nor are the ones that make text without bound.
func TestHermeticFuncs(t *testing.T) {
	for _, name := range []string{
		"env", "expandenv", "getHostByName", "now", "ago", "date", "dateInZone",
		"dateModify", "htmlDate", "toDate", "unixEpoch", "duration", "randAlphaNum",
		"randAlpha", "randInt", "randBytes", "uuidv4", "shuffle", "genPrivateKey",
		"derivePassword", "encryptAES", "bcrypt", "keys", "values", "osBase",
		"osClean", "osDir", "seq", "regexReplaceAll", "fromJson", "deepCopy",
	} {
		l := testLoader(map[string]string{"t.md.tmpl": "{{" + name + "}}"})
		_, err := l.Parse("t.md.tmpl")
		if err == nil {
			t.Errorf("template calling %s parsed; want it undefined", name)
			continue
		}
		want := `sjabloon t.md.tmpl, regel 1: functie "` + name + `" bestaat niet`
		if !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error = %q, want prefix %q", err, want)
		}
	}
}

// TestTemplateErrors: errors are Dutch, name the template file and the
// line in it (for a block never closed, the line where it opened), and
// suggest the function that was probably meant.
func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name, text string
		data       any
		want       string
	}{
		{"parse", "regel 1\nregel 2\n{{if}}\n", nil, "sjabloon t.md.tmpl, regel 3: "},
		{"missing field", "a\n{{.Geen}}\n", struct{ Naam string }{}, "sjabloon t.md.tmpl, regel 2: bij .Geen: veld bestaat niet: Geen (de velden staan in README.md)"},
		{"fail", "\n\n\n{{fail \"kapot\"}}", nil, "sjabloon t.md.tmpl, regel 4: kapot"},
		{"unclosed if", "# Titel\n\n{{if .Naam}}\nalleen met naam\n\nmeer tekst\n", struct{ Naam string }{},
			"sjabloon t.md.tmpl, regel 3: {{if}} wordt nergens afgesloten; zet {{end}} waar het blok ophoudt"},
		{"unclosed range inside a closed if", "{{if .}}a{{end}}\n{{range .}}\n{{- if .}}b{{end}}\nc\n", nil,
			"sjabloon t.md.tmpl, regel 2: {{range}} wordt nergens afgesloten"},
		{"unclosed with trim markers", "{{/* {{if}} in een opmerking telt niet */}}\n\n{{- with .Naam -}}\n{{.}}\n", nil,
			"sjabloon t.md.tmpl, regel 3: {{with}} wordt nergens afgesloten"},
		{"an end too many", "a\n{{end}}\n", nil, "sjabloon t.md.tmpl, regel 2: {{end}} zonder {{if}}, {{range}} of {{with}} om af te sluiten"},
		{"typo in a function", "\n{{datm .}}\n", nil, `sjabloon t.md.tmpl, regel 2: functie "datm" bestaat niet; bedoelt u datum?`},
		{"typo in a sprig function", "{{uper .}}", nil, `sjabloon t.md.tmpl, regel 1: functie "uper" bestaat niet; bedoelt u upper?`},
		{"unknown function, nothing near", "{{geheimefunctie .}}", nil, `sjabloon t.md.tmpl, regel 1: functie "geheimefunctie" bestaat niet (de functies`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := testLoader(map[string]string{"t.md.tmpl": tt.text})
			tp, err := l.Parse("t.md.tmpl")
			if err == nil {
				_, err = tp.Execute(tt.data, nil)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

// TestTemplateEncoding: a byte order mark is dropped; a file that is not
// UTF-8 is refused, naming the file and the line of the first bad byte.
func TestTemplateEncoding(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bom.md.tmpl", append([]byte("\xef\xbb\xbf"), "# Titel {{.}}"...))
	write("ansi.md.tmpl", []byte("# Titel\n\nCoöperatie met caf\xe9\n")) // Windows-1252
	l := testLoader(nil)
	l.Dir = dir
	tp, err := l.Parse("bom.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := tp.Execute("x", nil); err != nil || out != "# Titel x" {
		t.Errorf("with a byte order mark: %q, %v", out, err)
	}
	_, err = l.Parse("ansi.md.tmpl")
	want := "sjabloon " + filepath.Join(dir, "ansi.md.tmpl") + ", regel 3: het bestand is niet als UTF-8 opgeslagen"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %q", err, want)
	}
}

// TestTemplateOutputErrors: a problem in the Markdown a template produces
// names the template, not a line of text nobody sees.
func TestTemplateOutputErrors(t *testing.T) {
	l := testLoader(map[string]string{"plan-van-aanpak.md.tmpl": "# {{.Titel}}\n\n```tabel\nx\n```\n"})
	d := testDossier()
	_, err := Render(NewView(d, Concept(PlanVanAanpak, d.EersteZiektedag.AddDays(60))), l)
	want := "sjabloon plan-van-aanpak.md.tmpl: de tekst die het sjabloon maakt, klopt niet: onbekend blok \"tabel\""
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %q", err, want)
	}
	if err != nil && strings.Contains(err.Error(), "regel") {
		t.Errorf("error cites a line of generated text: %v", err)
	}
}

func TestLoaderOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md.tmpl"), []byte("eigen {{.}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := testLoader(map[string]string{"a.md.tmpl": "ingebouwd {{.}}", "b.md.tmpl": "ingebouwd b"})
	l.Dir = dir
	tests := []struct{ name, want, origin string }{
		{"a.md.tmpl", "eigen x", filepath.Join(dir, "a.md.tmpl")},
		{"b.md.tmpl", "ingebouwd b", "b.md.tmpl"},
	}
	for _, tt := range tests {
		tp, err := l.Parse(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tp.Execute("x", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want || tp.origins[tt.name] != tt.origin {
			t.Errorf("%s: got %q from %s, want %q from %s", tt.name, got, tp.origins[tt.name], tt.want, tt.origin)
		}
	}
	// A Loader reads each file once: every document of a run comes from
	// the same text, even when the file is edited during the run.
	os.WriteFile(filepath.Join(dir, "a.md.tmpl"), []byte("\n{{end}}"), 0o644)
	if again, err := l.Parse("a.md.tmpl"); err != nil || again.origins["a.md.tmpl"] != filepath.Join(dir, "a.md.tmpl") {
		t.Fatalf("second Parse = %v, %v; want the template parsed before", again, err)
	} else if got, _ := again.Execute("x", nil); got != "eigen x" {
		t.Errorf("second Parse executes to %q, want the text read first", got)
	}
	// An error in an override names its path (a new run: a new Loader).
	l = testLoader(map[string]string{"a.md.tmpl": "ingebouwd {{.}}"})
	l.Dir = dir
	_, err := l.Parse("a.md.tmpl")
	if want := "sjabloon " + filepath.Join(dir, "a.md.tmpl") + ", regel 2:"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %q", err, want)
	}
}

// TestVersionParagraph follows templates/README.md: a paragraph between
// {{if .Bijstelling}} and {{end}} in a copy of the plan's template appears
// in every bijstelling and in no plan; one under {{if eq .Versie.Number
// 1}} only in the first plan.
func TestVersionParagraph(t *testing.T) {
	builtin, _, err := NewLoader("").Read(PlanVanAanpak.File())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := builtin + "\n{{if .Bijstelling}}\nAlleen in een bijstelling.\n{{end}}\n\n{{if eq .Versie.Number 1}}\nAlleen in het eerste plan.\n{{end}}\n"
	if err := os.WriteFile(filepath.Join(dir, PlanVanAanpak.File()), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader(dir)
	d := testDossier()
	for _, tc := range []struct {
		stuk              rules.Stuk
		bijstelling, plan bool
	}{
		{stuk(t, d, dossier.PlanVanAanpak, "2025-02-20"), false, true},
		{stuk(t, d, dossier.BijstellingPlanVanAanpak, "2025-06-20"), true, false},
		{rules.Concept(dossier.BijstellingPlanVanAanpak, dossier.NewDate(2025, 9, 1)), true, false},
	} {
		out, err := Render(NewView(d, tc.stuk), l)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out, "Alleen in een bijstelling."); got != tc.bijstelling {
			t.Errorf("%s: bijstelling paragraph present %v, want %v", FileBase(tc.stuk), got, tc.bijstelling)
		}
		if got := strings.Contains(out, "Alleen in het eerste plan."); got != tc.plan {
			t.Errorf("%s: first-plan paragraph present %v, want %v", FileBase(tc.stuk), got, tc.plan)
		}
	}
}
