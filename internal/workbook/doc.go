package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// kindNames describes each column kind in Dutch for the contract
// documentation.
var kindNames = map[ColumnKind]string{
	KindText:                "tekst",
	KindDate:                "datum",
	KindNumber:              "getal",
	KindJaNee:               "Ja/Nee",
	KindSoort:               "soort document (lijst)",
	KindSpoor:               "1 of 2",
	KindStatus:              orList(dossier.ActivityStatuses()),
	KindRedenEinde:          orList(dossier.RedenenEinde()),
	KindBSN:                 "BSN (9 cijfers, 11-proef)",
	KindLoonheffingennummer: "123456789L01",
}

// Markdown writes the workbook contract (sheets, columns, kinds, whether
// required, and each header's explanation) as Markdown. docs/workbook.md is
// generated from it, so the documentation cannot drift from the reader.
func Markdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Het invoerwerkboek\n\n")
	b.WriteString("<!-- Gegenereerd uit internal/workbook/columns.go; niet met de hand wijzigen. " +
		"Bijwerken: go test ./internal/workbook -run TestContractDoc -update -->\n\n")
	b.WriteString("Eén `.xlsx`-werkboek bevat een willekeurig aantal dossiers. `poortwachter workbook new BESTAND` " +
		"schrijft een leeg werkboek met deze tabbladen, kopteksten met uitleg, keuzelijsten en één voorbeelddossier.\n\n")
	b.WriteString("## Leesregels\n\n")
	for _, r := range []string{
		fmt.Sprintf("De kopregel is de eerste rij, binnen de eerste %d rijen van een tabblad, die alle verplichte kolomkoppen "+
			"van dat tabblad bevat; de rijen erboven (bijvoorbeeld een titel en een lege regel in een export) worden overgeslagen. "+
			"Heeft geen van die rijen alle verplichte kolomkoppen, dan is de eerste niet-lege rij de kopregel en worden de "+
			"ontbrekende kolommen gemeld. Rijnummers in meldingen zijn altijd die van het tabblad zelf.", headerSearchRows),
		"Kopteksten worden herkend ongeacht hoofdletters, met spaties aan de randen weggelaten en meerdere spaties als één. " +
			"De volgorde van de kolommen is vrij.",
		"Een ontbrekend verplicht tabblad of een ontbrekende verplichte kolom is een fout. Een onbekende kolom is een waarschuwing. Lege rijen worden overgeslagen.",
		"Elke fout of waarschuwing noemt de cel (bijvoorbeeld `Documenten!C7`), wat werd verwacht en wat werd gevonden. " +
			"Alle problemen worden in één keer gemeld; dossiers zonder fouten worden gewoon gelezen.",
		"Datums: echte datumcellen (datumsysteem 1900 en 1904), een getal in een datumkolom (een Excel-datumserienummer) " +
			"en tekst in de vorm " + dossier.DateFormats + ". Al het andere is een fout; er wordt nooit gegokt. " +
			"Van een formule wordt de opgeslagen uitkomst gelezen; een formule zonder uitkomst is een fout.",
		"Ja/Nee: `Ja`, `Nee`, `J`, `N`, `Yes`, `No`, `TRUE`, `FALSE`, `1`, `0`, `X` (= ja); leeg = nee.",
		"Keuzelijsten (Soort, Spoor, Status, Reden einde) worden herkend ongeacht hoofdletters.",
		"Een rij op een ander tabblad met een Dossiernummer dat niet op `Dossiers` staat, is een fout.",
		"Ziekteperiodes van één dossier mogen elkaar niet overlappen, de eerste begint op de eerste ziektedag, " +
			"en een onderbreking van 28 dagen of meer is een fout (dat is een nieuw ziektegeval: een apart dossier). " +
			"Zonder rijen op `Ziekteperiodes` heeft een dossier één periode van Eerste ziektedag tot Datum hersteld.",
	} {
		fmt.Fprintf(&b, "- %s\n", r)
	}
	for _, s := range Contract {
		req := "optioneel"
		if s.Required {
			req = "verplicht"
		}
		fmt.Fprintf(&b, "\n## Tabblad `%s` (%s)\n\n", s.Name, req)
		b.WriteString("| kolom | soort waarde | verplicht | uitleg |\n|---|---|---|---|\n")
		for _, c := range s.Columns {
			r := "nee"
			if c.Required {
				r = "ja"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.Header, kindNames[c.Kind], r, strings.ReplaceAll(c.Comment, "|", "\\|"))
		}
	}
	b.WriteString("\n## Soorten documenten\n\n")
	for _, s := range dossier.Soorten() {
		fmt.Fprintf(&b, "- %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
