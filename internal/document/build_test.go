package document

import (
	"slices"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

func TestBuildMissingParts(t *testing.T) {
	// A dossier in week 30 has no eerstejaarsevaluatie, actueel oordeel or
	// eindevaluatie yet: the re-integratieverslag still renders, marks them
	// inline and lists them right after the title.
	d := testDossier()
	d.BSN = ""
	v := NewView(d, Concept(Reintegratieverslag, dossier.NewDate(2025, 8, 1)))
	doc, err := Build(v, NewLoader(""))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Re-integratieverslag" || doc.Dossier != "T-001" || doc.BSN != "" || doc.Author != d.Werkgever {
		t.Errorf("metadata: %+v", doc)
	}
	b := doc.Blocks
	if len(b) < 5 || b[0].Kind != Heading || b[1].Kind != Paragraph || !strings.HasPrefix(PlainText(b[1].Text), "Concept van 1 augustus 2025.") ||
		b[2].Kind != Heading || PlainText(b[2].Text) != "Ontbrekende onderdelen" || b[4].Kind != List {
		t.Fatalf("want title, the concept note, then the Ontbrekende onderdelen section; got:\n%s", dump(b[:min(len(b), 5)]))
	}
	if !doc.Concept || doc.Stamp != "concept van 1 augustus 2025" {
		t.Errorf("concept %v, stamp %q", doc.Concept, doc.Stamp)
	}
	var listed []string
	for _, it := range b[4].Items {
		if len(it) != 1 || !it[0].Missing {
			t.Errorf("list item %q is not a missing marker", spans(it))
		}
		listed = append(listed, it[0].Text)
	}
	for _, want := range []string{"[ontbreekt: BSN]", "[ontbreekt: eerstejaarsevaluatie]", "[ontbreekt: actueel oordeel van de bedrijfsarts]", "[ontbreekt: eindevaluatie]"} {
		if !strings.Contains(strings.Join(listed, "\n"), want) {
			t.Errorf("Ontbrekende onderdelen lacks %s; has %q", want, listed)
		}
	}
	// Every marker in the body is listed, and every listed one occurs.
	body := map[string]bool{}
	for _, s := range allSpans(b[5:]) {
		if s.Missing {
			body[s.Text] = true
		}
	}
	if len(body) != len(listed) {
		t.Errorf("body has %d distinct markers, list has %d", len(body), len(listed))
	}
}

func TestBuildComplete(t *testing.T) {
	// A document without missing parts has no Ontbrekende onderdelen.
	d := testDossier()
	v := NewView(d, stuk(t, d, dossier.PlanVanAanpak, "2025-02-20"))
	doc, err := Build(v, NewLoader(""))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range allSpans(doc.Blocks) {
		if s.Missing || s.Text == "Ontbrekende onderdelen" {
			t.Errorf("complete plan has missing part %q", s.Text)
		}
	}
	if got := doc.Date.Format("2006-01-02"); got != "2025-02-20" || doc.Stamp != "20 februari 2025" || doc.Concept {
		t.Errorf("Date = %s, stamp %q, concept %v; want the plan's own date 2025-02-20", got, doc.Stamp, doc.Concept)
	}
	var kinds []BlockKind
	for _, b := range doc.Blocks {
		kinds = append(kinds, b.Kind)
	}
	for _, k := range []BlockKind{Heading, Paragraph, List, KeyValue, TableBlock, SignatureBlock} {
		if !slices.Contains(kinds, k) {
			t.Errorf("plan van aanpak has no block of kind %d", k)
		}
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds() {
		if got, ok := ParseKind(" " + strings.ToUpper(string(k))); !ok || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, ok)
		}
	}
	if _, ok := ParseKind("ziekmelding"); ok {
		t.Error("ParseKind accepted a document the tool does not generate")
	}
}
