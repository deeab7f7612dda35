package rules

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
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

	p("\n## Spoor 2 en het plan: hoe de inhoudelijke regels beslissen\n\n")
	p("De termijnregels zeggen of een stap op tijd is gezet. UWV weegt bij de WIA-aanvraag meer: liep spoor 2 door,\n")
	p("ging het zoeken binnen de eigen organisatie door, werd het plan bijgesteld toen er iets veranderde. De regels\n")
	p("`%s`, `%s`, `%s`, `%s` en `%s` vangen de\n", bijstellingPlan.ID, spoor2Doorlopend.ID, spoor1TijdensSpoor2.ID, zoekprofiel.ID, visiesVastgelegd.ID)
	p("meest voorkomende redenen voor een loonsanctie. Begrippen:\n\n")
	p("- **B** is de datum van de vroegste eerstejaarsevaluatie (zonder evaluatie S(%d)).\n", EerstejaarsevaluatieUiterlijk)
	p("- **E**, het einde van het venster, is de vroegste van peildatum, hersteldatum en einde wachttijd.\n")
	p("- Een activiteit loopt van *Start* tot en met *Eind*; zonder *Eind* loopt ze door tot E. Activiteiten zonder\n")
	p("  *Start*, of met een *Start* na de peildatum, tellen niet mee. Een activiteit met status Afgerond of Gestopt\n")
	p("  maar zonder *Eind* telt als lopend (de lezer waarschuwt daarvoor); een *Eind* na de peildatum telt tot de\n")
	p("  peildatum.\n")
	p("- **Afsluitende redenen**: een activiteit van een van beide sporen met *Reden einde* %s, %s of %s\n",
		dossier.Plaatsing, dossier.RedenHersteld, dossier.GeenBenutbareMogelijkheden)
	p("  en een *Eind* op of voor de peildatum sluit de verplichting vanaf die *Eind*; C is de vroegste zo'n *Eind*, en\n")
	p("  E' is de vroegste van E en C. %s en %s sluiten niets af: wie overbelast raakt krijgt een\n", dossier.Overbelasting, dossier.Anders)
	p("  bijgesteld plan, geen einde van spoor 2.\n")
	p("- **De stilstandtoets** voor één spoor, van een begin W0 tot E': loop de activiteiten van dat spoor af in volgorde\n")
	p("  van *Start*, afgekapt op [W0, E'], met een cursor die op W0 begint en steeds naar de laatste gedekte dag\n")
	p("  schuift. Begint de volgende activiteit meer dan %d dagen na de cursor (start − cursor > %d), of ligt E' meer\n", ZesWeken, ZesWeken)
	p("  dan %d dagen na de laatste cursor, dan stond het spoor te lang stil; de eerste zo'n cursor is de **stopdatum**.\n", ZesWeken)
	p("  Een herstart precies %d dagen na de laatste dag is dus op tijd, %d dagen niet.\n", ZesWeken, ZesWeken+1)
	p("- **X**, bij een ingevulde *Motivering geen spoor 2*: de datum in *Herbeoordeling geen spoor 2*, of zonder die\n")
	p("  datum B + %d dagen. Tot en met X is `%s` niet van toepassing (uiterste datum X + %d); daarna moet\n", UitzonderingGeenSpoor2, spoor2.ID, ZesWeken)
	p("  spoor 2 uiterlijk X + %d dagen starten en is het arbeidsdeskundig rapport uiterlijk X nodig.\n", ZesWeken)

	p("\nKeuzes waar de wet en de beleidsregels zwijgen (zoals een zorgvuldige arbeidsdeskundige zou kiezen):\n\n")
	p("- `%s` heeft tijdens een geldende motivering als uiterste datum X: de dag waarop de mogelijkheden\n", arbeidsdeskundigOnderzoek.ID)
	p("  in beeld moeten zijn als de motivering dan vervalt.\n")
	p("- Een activiteit zonder *Start* telt nergens mee, ook niet als afsluitende reden of als aanleiding\n")
	p("  (Overbelasting) voor `%s`; de lezer meldt zo'n rij niet, dus vul *Start* in.\n", bijstellingPlan.ID)
	p("- Bij `niet-van-toepassing` hebben `%s` en `%s` geen datum: de status rust op herstel of\n", spoor2.ID, arbeidsdeskundigOnderzoek.ID)
	p("  de motivering, niet op een start of rapport.\n")
	p("- Een *Herbeoordeling geen spoor 2* zonder *Motivering geen spoor 2* telt niet mee en geeft een waarschuwing.\n")
	p("- Bij `%s` telt een plan of bijstelling op dezelfde dag als de aanleiding als antwoord.\n", bijstellingPlan.ID)
	p("- `%s` wordt beoordeeld als een document: alleen herstel voor de uiterste datum maakt het niet van\n", zoekprofiel.ID)
	p("  toepassing, een plaatsing niet; een traject dat binnen zes weken slaagt, legt zijn zoekprofiel toch vast.\n")

	p("\n## De regels\n")
	for _, r := range Catalogue() {
		p("\n### `%s`: %s\n\n", r.ID, r.Titel)
		p("- **Ernst:** %s\n", r.Ernst)
		p("- **Wat:** %s\n", r.Wat)
		p("- **Termijn:** %s\n", r.Termijn)
		p("- **Volgende stap:** %s\n", r.Stap)
		p("- **Bron:** %s\n", r.Bron)
	}
	return b.Flush()
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
