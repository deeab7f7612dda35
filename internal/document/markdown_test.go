package document

import (
	"strings"
	"testing"
)

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"headings", "# Titel\n\n## Sub\n\n### Diep\n", "H1 Titel\nH2 Sub\nH2 Diep\n"},
		{"emphasis", "Dit is **vet** en *schuin*.\nVolgende regel.\n", "P Dit is **vet** en *schuin*. Volgende regel.\n"},
		{"list", "- een\n- **twee**\n  - genest\n", "- een\n- **twee**\n- genest\n"},
		{"table", "| A | B |\n|---|---|\n| x | *y* |\n| 1 \\| 2 | |\n", "T A | B\nR x | *y*\nR 1 | 2 | \n"},
		{"missing", "Datum: [[ontbreekt: probleemanalyse]].\n", "P Datum: {[ontbreekt: probleemanalyse]}.\n"},
		{"escaped missing is text", "\\[\\[ontbreekt: x\\]\\]\n", "P [[ontbreekt: x]]\n"},
		{"pagebreak", "Een\n\n\\pagebreak\n\nTwee\n", "P Een\nPAGEBREAK\nP Twee\n"},
		{"gegevens", "```gegevens\nNaam: Jan *de* Vries\nBSN: [[ontbreekt: BSN]]\n```\n", "KV Naam = Jan *de* Vries\nKV BSN = {[ontbreekt: BSN]}\n"},
		{"tijdlijn", "Voor.\n\n```tijdlijn\n```\n\nNa.\n", "P Voor.\nCHART\nP Na.\n"},
		{"gegevens values stay text", "```gegevens\nA: - \nB: 1. een\nC: # geen kop\nD: *x*\n```\n", "KV A = -\nKV B = 1. een\nKV C = # geen kop\nKV D = *x*\n"},
		{"handtekeningen", "```handtekeningen\nWerkgever: Bakkerij \\*Ster\\*\nWerknemer: Jan\n```\n", "S Werkgever = Bakkerij *Ster*\nS Werknemer = Jan\n"},
		{"entities", "A &amp; B, \\&amp; blijft\n", "P A & B, &amp; blijft\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, err := ParseMarkdown(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(blocks); got != tt.want {
				t.Errorf("ParseMarkdown(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseMarkdownErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tekst\n\n```python\nx\n```\n", "regel 3: onbekend blok \"python\""},
		{"```gegevens\nNaam: a\ngeen dubbele punt\n```\n", "regel 3: verwacht \"Sleutel: waarde\""},
		{"```tijdlijn\nweek 1 tot 104\n```\n", "regel 2: het blok tijdlijn blijft leeg"},
	}
	for _, tt := range tests {
		_, err := ParseMarkdown(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseMarkdown(%q) error = %v, want containing %q", tt.in, err, tt.want)
		}
	}
}
