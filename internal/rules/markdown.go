package rules

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Markdown writes the rule documentation (docs/rules.md) generated from
// the catalogue, so code and documentation cannot drift apart.
func Markdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("<!-- Gegenereerd uit internal/rules (Catalogue) met `go test ./internal/rules -update`; niet met de hand bewerken. -->\n\n")
	p("# Regels van de poortwachtertoets\n\n")
	p("Elk dossier wordt op een peildatum getoetst aan de regels hieronder. Elke regel komt in de uitkomst\n")
	p("precies één keer voor, in deze volgorde. `poortwachter rules` toont dezelfde lijst.\n\n")

	p("## Overzicht\n\n")
	p("| id | titel | ernst | termijn |\n|---|---|---|---|\n")
	for _, r := range Catalogue() {
		p("| `%s` | %s | %s | %s |\n", r.ID, cell(r.Titel), r.Ernst, cell(r.Termijn))
	}

	p("\n## Dagen tellen\n\n")
	p("- **D**, de eerste ziektedag, is ziektedag 1. **S(k)** is de kalenderdatum van ziektedag k.\n")
	p("- Ziekteperiodes met minder dan 28 dagen ertussen worden samengeteld; de dagen ertussen tellen niet mee.\n")
	p("  Na de laatste bekende periode loopt S dag voor dag door.\n")
	p("- Week n zijn de ziektedagen 7(n−1)+1 … 7n; \"einde week n\" is S(7n). Een dag tussen twee\n")
	p("  periodes hoort bij de week van de laatste ziektedag ervoor.\n")
	p("- **Einde wachttijd** is S(728). Bij een vrijwillige verlenging (WIA art. 24) is het de datum in\n")
	p("  *Einde wachttijd verlengd tot*, en schuiven de termijnen van re-integratieverslag (91 dagen ervoor)\n")
	p("  en WIA-aanvraag (77 dagen ervoor) mee. Een verlengingsdatum die niet na S(728) ligt telt niet mee\n")
	p("  en geeft een waarschuwing.\n")
	p("- Documenten gedateerd na de peildatum tellen niet mee en geven een waarschuwing. Van meerdere\n")
	p("  documenten van één soort telt het vroegste; bij `actueel-oordeel` het laatste.\n")

	p("\n## Statussen\n\n")
	p("| status | betekenis |\n|---|---|\n")
	for _, s := range []struct {
		s    Status
		text string
	}{
		{Tijdig, "aanwezig, op of voor de uiterste datum"},
		{TeLaat, "aanwezig, na de uiterste datum"},
		{Ontbreekt, "afwezig, uiterste datum ligt voor de peildatum"},
		{NogNietNodig, "afwezig, uiterste datum ligt op of na de peildatum"},
		{NietVanToepassing, "de regel geldt niet (eerder hersteld, gemotiveerde uitzondering)"},
		{Verouderd, "aanwezig maar te oud (alleen `actueel-oordeel`)"},
		{Gebrekkig, "aanwezig maar inhoudelijk onvoldoende (niet getekend, geen casemanager, …)"},
	} {
		p("| `%s` | %s |\n", s.s, s.text)
	}
	p("\nEen aanwezig document is `tijdig` op of voor de uiterste datum, anders `te-laat` (ook na herstel).\n")
	p("Een afwezig document is `niet-van-toepassing` als de werknemer vóór de uiterste datum hersteld is,\n")
	p("`nog-niet-nodig` als de uiterste datum op of na de peildatum ligt, en anders `ontbreekt`.\n")

	p("\n## Ernst en oordeel\n\n")
	p("- `%s`: UWV kan een loonsanctie of boete opleggen.\n", Vereist)
	p("- `%s`: praktijk of richtlijn.\n", Waarschuwing)
	p("- `%s`: advies; telt nooit mee voor het oordeel.\n\n", Advies)
	p("Het oordeel over een dossier is `%s` als een vereiste regel `ontbreekt`, `verouderd` of `gebrekkig` is;\n", Onvolledig)
	p("anders `%s` als een vereiste of waarschuwingsregel `te-laat` is, of een waarschuwingsregel `ontbreekt`\n", Aandacht)
	p("of `gebrekkig` is; anders `%s`.\n", Compleet)

	p("\n## De regels\n")
	for _, r := range Catalogue() {
		p("\n### `%s`: %s\n\n", r.ID, r.Titel)
		p("- **Ernst:** %s\n", r.Ernst)
		p("- **Wat:** %s\n", r.Wat)
		p("- **Termijn:** %s\n", r.Termijn)
		p("- **Bron:** %s\n", r.Bron)
	}
	return b.Flush()
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
