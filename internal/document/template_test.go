package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
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

func TestHermeticFuncs(t *testing.T) {
	for _, name := range removedFuncs {
		l := testLoader(map[string]string{"t.md.tmpl": "{{" + name + "}}"})
		_, err := l.Parse("t.md.tmpl")
		if err == nil {
			t.Errorf("template calling %s parsed; want it undefined", name)
			continue
		}
		want := `sjabloon t.md.tmpl, regel 1: functie "` + name + `" bestaat niet`
		if err.Error() != want {
			t.Errorf("error = %q, want %q", err, want)
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name, text string
		data       any
		want       string
	}{
		{"parse", "regel 1\nregel 2\n{{if}}\n", nil, "sjabloon t.md.tmpl, regel 3: "},
		{"missing field", "a\n{{.Geen}}\n", struct{ Naam string }{}, "sjabloon t.md.tmpl, regel 2: bij .Geen: veld bestaat niet: Geen"},
		{"fail", "\n\n\n{{fail \"kapot\"}}", nil, "sjabloon t.md.tmpl, regel 4: kapot"},
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
	// An error in an override names its path.
	os.WriteFile(filepath.Join(dir, "a.md.tmpl"), []byte("\n{{end}}"), 0o644)
	_, err := l.Parse("a.md.tmpl")
	if want := "sjabloon " + filepath.Join(dir, "a.md.tmpl") + ", regel 2:"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %q", err, want)
	}
}
