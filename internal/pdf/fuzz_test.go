package pdf

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/document"
)

// FuzzLayout lays out and renders any text a template could produce (after
// ParseMarkdown) with any employee name in the header and footer: every
// page keeps the layout invariants (checkLayout), rendering succeeds, the
// PDF is complete, has the pages the layout made, and comes out the same
// twice. Templates are the user's to edit and the text in them comes from
// the workbook, so nothing here may be assumed to be well-behaved.
func FuzzLayout(f *testing.F) {
	for _, s := range [][2]string{
		{"# Titel\n\nTekst met **vet** en *schuin*.\n\n- een\n- twee\n", "Jan de Vries"},
		{"| Wat | Wanneer |\n|---|---|\n| a | b |\n", "Ayşe Yılmaz-Öztürk"},
		{"```gegevens\nWerknemer: Jan\nDatum: 3 maart 2026\n```\n", ""},
		{"```handtekeningen\nWerkgever: ACME\nWerknemer: Jan\n```\n", "x"},
		{"Voor\n\n\\pagebreak\n\nNa [[ontbreekt: probleemanalyse]]\n", "Jan"},
		{"## Sub\n\n" + strings.Repeat("woord ", 2000) + "\n", strings.Repeat("lang", 60)},
		{strings.Repeat("x", 3000) + "\n\n- " + strings.Repeat("y", 500) + "\n", "\u202eomgekeerd\u0007"},
		{"| a | b | c | d | e | f | g | h | i | j | k | l |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n| " +
			strings.Repeat("breed ", 30) + "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 |\n", "Jan"},
		{"lach 😀 \xff\xfe tab\there \u00ad\u200b\ufeff €½ Ĩ\u5c5c", "😀\xff"},
	} {
		f.Add(s[0], s[1])
	}
	fonts, err := loadFonts()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src, employee string) {
		blocks, err := document.ParseMarkdown(src)
		if err != nil {
			return // FuzzParseMarkdown holds the parser to its errors
		}
		doc := func() *document.Doc {
			return &document.Doc{
				Title: "Plan van aanpak", Subject: "Plan van aanpak", Author: "Werkgever BV",
				Dossier: "D-001", Employee: employee, BSN: "123456782",
				Date:   time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC),
				Stamp:  "3 maart 2026",
				Blocks: blocks,
			}
		}
		pages := paginate(context.Background(), doc(), fonts)
		checkLayout(t, "fuzz", pages, fonts)
		var a, b bytes.Buffer
		if err := Render(&a, doc(), testOpt); err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(a.Bytes()), []byte("%%EOF")) {
			t.Fatalf("not a complete PDF")
		}
		if n := len(pageObj.FindAll(a.Bytes(), -1)); n != len(pages) {
			t.Fatalf("PDF has %d pages, the layout %d", n, len(pages))
		}
		if err := Render(&b, doc(), testOpt); err != nil {
			t.Fatalf("second Render: %v", err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("two renders differ (%d and %d bytes)", a.Len(), b.Len())
		}
	})
}
