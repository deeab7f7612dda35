package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/poortwachter/poortwachter/internal/document"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files in testdata")
	outDir = flag.String("out", "", "also write the rendered test documents as PDF to this directory")
)

var testOpt = Options{Creator: "poortwachter 0.1.0"}

func renderBytes(t *testing.T, name string, doc *document.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, doc, testOpt); err != nil {
		t.Fatalf("%s: Render: %v", name, err)
	}
	if *outDir != "" {
		if err := os.WriteFile(filepath.Join(*outDir, name+".pdf"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update to accept):\n%s", path, diff.Diff(path, want, "got", got))
	}
}

var testDocs = []struct {
	name string
	doc  func() *document.Doc
}{
	{"sample", sampleDoc},
	{"longtable", longTableDoc},
	{"paragraphs", paragraphsDoc},
	{"odd", oddDoc},
}

// TestTextDump checks the pagination of the test documents against their
// readable golden files.
func TestTextDump(t *testing.T) {
	for _, tc := range testDocs {
		if tc.name == "odd" {
			continue // pages of x; TestOddCharacters covers it
		}
		t.Run(tc.name, func(t *testing.T) {
			checkGolden(t, tc.name+".txt", []byte(TextDump(tc.doc())))
		})
	}
}

// TestDeterministic renders every test document twice: fpdf keeps fonts
// and objects in maps, so any unsorted iteration would show here. The
// hashes of the bytes are golden too (rewrite them with -update when a
// change to the layout is intended; the .txt goldens show what changed).
func TestDeterministic(t *testing.T) {
	for _, tc := range testDocs {
		t.Run(tc.name, func(t *testing.T) {
			a := renderBytes(t, tc.name, tc.doc())
			b := renderBytes(t, tc.name, tc.doc())
			if !bytes.Equal(a, b) {
				t.Errorf("two renders differ (%d and %d bytes)", len(a), len(b))
			}
			if bytes.Contains(a, []byte("/ID")) {
				t.Errorf("trailer has an /ID, which may vary")
			}
			// The hash golden catches what one process cannot: output that
			// varies between runs, and unintended changes to the bytes.
			sum := sha256.Sum256(a)
			checkGolden(t, tc.name+".pdf.sha256", []byte(hex.EncodeToString(sum[:])+"\n"))
		})
	}
}

var pageObj = regexp.MustCompile(`/Type /Page\b[^s]`)

// TestPages checks that the PDF has as many pages as the dump and that each
// page says "pagina X van Y" with the right numbers.
func TestPages(t *testing.T) {
	for _, tc := range testDocs {
		t.Run(tc.name, func(t *testing.T) {
			pdf := renderBytes(t, tc.name, tc.doc())
			dump := TextDump(tc.doc())
			n := strings.Count(dump, "--- pagina ")
			if got := len(pageObj.FindAll(pdf, -1)); got != n {
				t.Fatalf("PDF has %d pages, dump %d", got, n)
			}
			pages := strings.Split(dump, "--- pagina ")[1:]
			for i, p := range pages {
				want := "pagina " + itoa(i+1) + " van " + itoa(n)
				if !strings.Contains(p, want) {
					t.Errorf("page %d lacks %q:\n%s", i+1, want, p)
				}
			}
		})
	}
}

// pdfString is a PDF text string as fpdf writes it: UTF-16BE with a BOM,
// with parentheses and backslashes escaped.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteString("(\xfe\xff")
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			switch c {
			case '(', ')', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\r':
				b.WriteString(`\r`)
			default:
				b.WriteByte(c)
			}
		}
	}
	b.WriteString(")")
	return b.String()
}

func TestMetadata(t *testing.T) {
	pdf := renderBytes(t, "sample", sampleDoc())
	for _, want := range []string{
		"/Title " + pdfString("Plan van aanpak"),
		"/Subject " + pdfString("Plan van aanpak re-integratie Şükrü Yılmaz"),
		"/Author " + pdfString("Bakkerij Łukasz Wróbel B.V."),
		"/Creator " + pdfString("poortwachter 0.1.0"),
		"/Producer " + pdfString(producer),
		"/Keywords " + pdfString("Wet verbetering poortwachter, dossier 2025-0042"),
		"/CreationDate (D:20250414093000)",
		"/ModDate (D:20250414093000)",
		"/Lang (nl-NL)",
		"/PageMode /UseOutlines",
		"/Title " + pdfString("2.1 Afspraken"), // a bookmark
	} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// TestOddCharacters renders text that makes fpdf panic or print garbage:
// emoji, unassigned and non-characters, control and bidi characters,
// invalid UTF-8, a 5000-character word, a 200-row table.
func TestOddCharacters(t *testing.T) {
	pdf := renderBytes(t, "odd", oddDoc())
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
		t.Fatalf("not a complete PDF")
	}
}

// TestLayoutInvariants checks every page of the test documents: text is
// sanitized and stays in the type area, body text stays between header and
// footer, and no bullet is left without its item.
func TestLayoutInvariants(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range testDocs {
		checkLayout(t, tc.name, paginate(context.Background(), tc.doc(), fonts), fonts)
	}
}

// checkLayout checks the invariants of TestLayoutInvariants on the pages of
// the document called name.
func checkLayout(t *testing.T, name string, pages []*page, fonts *fontSet) {
	t.Helper()
	for i, p := range pages {
		texts := map[float64]int{}
		for _, o := range p.ops {
			if o.kind != opText {
				continue
			}
			texts[o.y]++
			for _, r := range o.text {
				if r > 0xFFFF || invisible(r) || !fonts.coveredByAll(r) {
					t.Fatalf("%s page %d: unsanitized rune %U in %q", name, i+1, r, o.text)
				}
			}
			right := o.x + mm(fonts.faces[o.style].width(o.text), o.size)
			if o.x < marginL-0.01 || right > marginL+contentW+0.01 {
				t.Errorf("%s page %d: text %.40q outside the type area (x %.1f..%.1f)", name, i+1, o.text, o.x, right)
			}
			margin := o.y == headerBaseline || o.y == footerBaseline
			if !margin && (o.y < bodyTop || o.y > bodyBottom) {
				t.Errorf("%s page %d: body text %.40q at y %.1f, outside %v..%v", name, i+1, o.text, o.y, bodyTop, bodyBottom)
			}
		}
		for _, o := range p.ops {
			if o.kind == opText && o.text == "•" && texts[o.y] < 2 {
				t.Errorf("%s page %d: bullet without its item at y %.1f", name, i+1, o.y)
			}
		}
	}
}

func TestSanitize(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	r := string(fonts.replacement)
	for _, tc := range []struct{ in, want string }{
		{"Şükrü Yılmaz", "Şükrü Yılmaz"},
		{"Łukasz Wróbel", "Łukasz Wróbel"},
		{"Zoë Ñúñez", "Zoë Ñúñez"},
		{"Ayşe Doğan", "Ayşe Doğan"},
		{"Ærø Øster Åsa Ðorđe Čapek Škoda Žižek Ő Ű ß", "Ærø Øster Åsa Ðorđe Čapek Škoda Žižek Ő Ű ß"},
		{"€ 1.234,56 – „citaat” • …", "€ 1.234,56 – „citaat” • …"},
		{"a\tb\nc\r\n", "a b c  "},
		{"bel\x07\x00\x1b", "bel"},
		{"zero\u200bwidth soft\u00adhyphen \u202eevil", "zerowidth softhyphen evil"},
		{"lach 😀", "lach " + r},
		{"שלום مرحبا", r + r + r + r + " " + r + r + r + r + r},
		{"\U0001F4A9\uFFFF\U000E0001", r + r},
		{"ongeldig \xff", "ongeldig " + r},
	} {
		if got := fonts.sanitize(tc.in); got != tc.want {
			t.Errorf("sanitize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSanitizeTable holds the plain-rune table sanitize uses to pass text
// through unchanged to its definition, for every BMP rune and beyond.
func TestSanitizeTable(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for r := rune(0); r <= 0x10FFFF+1; r++ {
		want := r != utf8.RuneError && !invisible(r) && fonts.coveredByAll(r)
		if got := fonts.isPlain(string(r)); got != want {
			t.Fatalf("isPlain(%U) = %v, want %v", r, got, want)
		}
	}
	if fonts.isPlain("a\xffb") {
		t.Error("isPlain passes invalid UTF-8")
	}
}

// TestAllCoveredRunes renders every rune the font covers, in every face, so
// no rune that passes sanitize can trip fpdf's subsetter.
func TestAllCoveredRunes(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	n := 0
	for r := rune(0x20); r < 0x10000; r++ {
		if fonts.coveredByAll(r) && !invisible(r) {
			b.WriteRune(r)
			n++
			if n%40 == 0 {
				b.WriteByte(' ')
			}
		}
	}
	if n < 1000 {
		t.Fatalf("font covers only %d runes", n)
	}
	s := b.String()
	doc := &document.Doc{Title: "Tekens", Blocks: []document.Block{
		para(sText(s)), para(sBold(s)), para(sItalic(s)), para(document.Span{Text: s, Bold: true, Italic: true}),
	}}
	renderBytes(t, "runes", doc)
}

func TestParseTTFRejectsJunk(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"text", []byte("dit is geen lettertype, echt niet")},
		{"truncated", func() []byte {
			f, _ := loadFonts()
			return f.faces[regular].data[:200]
		}()},
	} {
		if _, err := parseTTF(tc.data); err == nil {
			t.Errorf("%s: parseTTF accepted it", tc.name)
		}
	}
}

func TestNilDoc(t *testing.T) {
	if err := Render(&bytes.Buffer{}, nil, testOpt); err == nil {
		t.Error("Render(nil) succeeded")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("schijf vol") }

func TestWriteError(t *testing.T) {
	err := Render(failingWriter{}, sampleDoc(), testOpt)
	if err == nil || !strings.Contains(err.Error(), "schijf vol") {
		t.Errorf("Render to a failing writer: %v", err)
	}
}

// TestConcurrent renders documents in parallel: the parsed fonts are shared,
// so fpdf must not write to their bytes. Run with -race.
func TestConcurrent(t *testing.T) {
	want := renderBytes(t, "sample", sampleDoc())
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			var b bytes.Buffer
			if err := Render(&b, sampleDoc(), testOpt); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(b.Bytes(), want) {
				errs <- errors.New("concurrent render differs from serial one")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

type panickyWriter struct{}

func (panickyWriter) Write([]byte) (int, error) { panic("kapot") }

// TestRecover checks that a panic during rendering (fpdf panics on input it
// cannot handle) comes back as an error instead of ending a whole batch.
func TestRecover(t *testing.T) {
	err := Render(panickyWriter{}, sampleDoc(), testOpt)
	if err == nil || !strings.Contains(err.Error(), "kapot") || !strings.Contains(err.Error(), "Plan van aanpak") {
		t.Errorf("Render with a panicking writer: %v", err)
	}
}
