package workbook

import (
	"fmt"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// ColumnKind says what a column holds, so the reader knows how to parse a
// cell and the writer knows which format and drop-down list to give it.
type ColumnKind int

// The column kinds of the workbook contract.
const (
	KindText                ColumnKind = iota // free text
	KindDate                                  // a date cell, serial or dd-mm-jjjj text
	KindNumber                                // a decimal number
	KindJaNee                                 // Ja/Nee and its variants
	KindSoort                                 // a document kind (dossier.Soort)
	KindSpoor                                 // 1 or 2
	KindStatus                                // an activity state (dossier.ActivityStatus)
	KindRedenEinde                            // why an activity ended (dossier.RedenEinde)
	KindBSN                                   // nine digits, 11-proef
	KindLoonheffingennummer                   // 123456789L01
)

// Column is one column of a sheet in the workbook contract.
type Column struct {
	Header   string // as written in the header row
	Required bool
	Kind     ColumnKind
	Comment  string // Dutch; shown as the header cell's comment
}

// Sheet is one sheet of the workbook contract.
type Sheet struct {
	Name     string
	Required bool
	Columns  []Column
}

// Sheet and column names that code refers to by name.
const (
	SheetDossiers       = "Dossiers"
	SheetZiekteperiodes = "Ziekteperiodes"
	SheetDocumenten     = "Documenten"
	SheetActiviteiten   = "Activiteiten"
	SheetSollicitaties  = "Sollicitaties"

	ColDossiernummer = "Dossiernummer"
)

// Contract is the input workbook as data: its sheets in order, and per sheet
// its columns in the order the template writes them. It is the one place
// the sheet and column names live; the reader, the writer and the
// documentation all follow it.
var Contract = []Sheet{
	{Name: SheetDossiers, Required: true, Columns: []Column{
		{ColDossiernummer, true, KindText, "Uniek nummer van het verzuimdossier; verbindt de rijen op de andere tabbladen met dit dossier."},
		{"Naam werknemer", true, KindText, "Volledige naam van de zieke werknemer."},
		{"BSN", false, KindBSN, "Burgerservicenummer: 9 cijfers die voldoen aan de 11-proef. Nodig voor het re-integratieverslag."},
		{"Geboortedatum", false, KindDate, "Geboortedatum van de werknemer (dd-mm-jjjj)."},
		{"Functie", false, KindText, "Functie van de werknemer bij de werkgever."},
		{"Uren per week", false, KindNumber, "Contracturen per week, bijvoorbeeld 32 of 24,5."},
		{"Vaardigheden", false, KindText, "Opleiding, ervaring en vaardigheden van de werknemer (van belang voor passend werk)."},
		{"Werkgever", true, KindText, "Naam van de werkgever (juridische entiteit)."},
		{"Aard bedrijf", false, KindText, "Korte omschrijving van het bedrijf en de sector."},
		{"Loonheffingennummer", false, KindLoonheffingennummer, "Loonheffingennummer van de werkgever: 9 cijfers, de letter L en 2 cijfers, bijvoorbeeld 123456789L01."},
		{"Casemanager", false, KindText, "Naam van de casemanager die het dossier begeleidt."},
		{"Bedrijfsarts", false, KindText, "Naam van de bedrijfsarts."},
		{"Arbodienst", false, KindText, "Naam van de arbodienst."},
		{"Arbeidsdeskundige", false, KindText, "Naam van de arbeidsdeskundige, als die betrokken is."},
		{"Re-integratiebureau", false, KindText, "Naam van het re-integratiebureau voor spoor 2, als dat is ingeschakeld."},
		{"Eerste ziektedag", true, KindDate, "Eerste dag van ziekte (dd-mm-jjjj). Alle termijnen van de Wet verbetering poortwachter tellen vanaf deze dag."},
		{"Datum hersteld", false, KindDate, "Datum van volledig herstel (dd-mm-jjjj); leeg zolang de werknemer ziek is."},
		{"Re-integratiedoel", false, KindText, "Het doel van de re-integratie, zoals afgesproken in het plan van aanpak."},
		{"Contactafspraken", false, KindText, "Afspraken over contact tussen werkgever en werknemer tijdens het verzuim."},
		{"Motivering geen spoor 2", false, KindText, "Als er geen spoor 2 is ingezet: waarom niet."},
		{"Herbeoordeling geen spoor 2", false, KindDate, "Bij een Motivering geen spoor 2: tot wanneer die motivering geldt (dd-mm-jjjj); daarna wordt opnieuw beoordeeld of spoor 2 nodig is. Leeg: de motivering geldt tot uiterlijk 13 weken na de eerstejaarsevaluatie."},
		{"Oordeel arbeidsrelatie", false, KindText, "Oordeel over de arbeidsrelatie (bijvoorbeeld een arbeidsconflict), als dat speelt."},
		{"Passend werk bij werkgever", false, KindText, "Is er passend werk bij de eigen werkgever, en zo ja welk."},
		{"Visie werknemer", false, KindText, "De visie van de werknemer op de re-integratie, in eigen woorden."},
		{"Einde wachttijd verlengd tot", false, KindDate, "Alleen bij een vrijwillige verlenging van de wachttijd: de nieuwe einddatum (dd-mm-jjjj)."},
	}},
	{Name: SheetZiekteperiodes, Required: false, Columns: []Column{
		{ColDossiernummer, true, KindText, "Dossiernummer uit het tabblad Dossiers."},
		{"Van", true, KindDate, "Eerste dag van deze ziekteperiode (dd-mm-jjjj). De eerste periode begint op de eerste ziektedag."},
		{"Tot", false, KindDate, "Laatste ziektedag van deze periode (dd-mm-jjjj); leeg als de werknemer nog ziek is. Perioden met minder dan 28 dagen herstel ertussen worden samengeteld."},
	}},
	{Name: SheetDocumenten, Required: true, Columns: []Column{
		{ColDossiernummer, true, KindText, "Dossiernummer uit het tabblad Dossiers."},
		{"Soort", true, KindSoort, "Soort document; kies uit de lijst (Ziekmelding, Probleemanalyse, Plan van aanpak, Evaluatie, 42e-weekmelding, ...)."},
		{"Datum", true, KindDate, "Datum van het document (dd-mm-jjjj)."},
		{"Opgesteld door", false, KindText, "Wie het document heeft opgesteld, bijvoorbeeld de bedrijfsarts of de casemanager."},
		{"Getekend werkgever", false, KindJaNee, "Ja als de werkgever het document heeft ondertekend; leeg is Nee."},
		{"Getekend werknemer", false, KindJaNee, "Ja als de werknemer het document heeft ondertekend; leeg is Nee."},
		{"Samenvatting", false, KindText, "Korte samenvatting van de inhoud. Geen medische gegevens: alleen beperkingen en mogelijkheden."},
		{"Functie opsteller", false, KindText, "Functie van wie het document heeft opgesteld, bijvoorbeeld casemanager, bedrijfsarts of arbeidsdeskundige."},
		{"Visie werkgever", false, KindText, "De visie van de werkgever op de re-integratie, zoals in het document vastgelegd. Sinds 1 juli 2023 verplicht in het plan van aanpak, de bijstelling daarvan en de eerstejaarsevaluatie."},
		{"Visie werknemer", false, KindText, "De visie van de werknemer op de re-integratie, zoals in het document vastgelegd. Sinds 1 juli 2023 verplicht in het plan van aanpak, de bijstelling daarvan en de eerstejaarsevaluatie."},
	}},
	{Name: SheetActiviteiten, Required: false, Columns: []Column{
		{ColDossiernummer, true, KindText, "Dossiernummer uit het tabblad Dossiers."},
		{"Spoor", true, KindSpoor, "1 = werk bij de eigen werkgever, 2 = werk bij een andere werkgever."},
		{"Activiteit", true, KindText, "Wat er gedaan wordt, zoals afgesproken in het plan van aanpak."},
		{"Doel", false, KindText, "Wat de activiteit moet opleveren."},
		{"Verantwoordelijke", false, KindText, "Wie ervoor zorgt dat de activiteit wordt uitgevoerd."},
		{"Start", false, KindDate, "Startdatum (dd-mm-jjjj). De vroegste start van een spoor-2-activiteit is de start van spoor 2."},
		{"Eind", false, KindDate, "(Geplande) einddatum (dd-mm-jjjj)."},
		{"Status", false, KindStatus, "Stand van zaken; kies uit Gepland, Lopend, Afgerond of Gestopt."},
		{"Resultaat", false, KindText, "Wat de activiteit heeft opgeleverd."},
		{"Reden einde", false, KindRedenEinde, redenEindeComment()},
	}},
	{Name: SheetSollicitaties, Required: false, Columns: []Column{
		{ColDossiernummer, true, KindText, "Dossiernummer uit het tabblad Dossiers."},
		{"Datum", true, KindDate, "Datum van de sollicitatie (dd-mm-jjjj)."},
		{"Werkgever", false, KindText, "Bij welke werkgever is gesolliciteerd."},
		{"Functie", false, KindText, "Op welke functie is gesolliciteerd."},
		{"Resultaat", false, KindText, "Uitkomst, bijvoorbeeld uitgenodigd, afgewezen of aangenomen."},
	}},
}

// redenEindeComment explains Reden einde, naming the reasons from the
// domain so the comment cannot drift from what the rules weigh.
func redenEindeComment() string {
	var closing []dossier.RedenEinde
	for _, r := range dossier.RedenenEinde() {
		if r.Closes() {
			closing = append(closing, r)
		}
	}
	return "Waarom de activiteit is beëindigd; kies uit " + orList(dossier.RedenenEinde()) + ". " +
		"Alleen " + andList(closing) + " sluiten spoor 2 af; na " + dossier.Overbelasting.String() +
		" hoort binnen 14 dagen een bijgesteld plan van aanpak. Telt pas mee als Eind is ingevuld."
}

// orList and andList join names the Dutch way: "a, b of c", "a, b en c".
func orList[T fmt.Stringer](vs []T) string  { return dossier.OrList(stringsOf(vs)) }
func andList[T fmt.Stringer](vs []T) string { return dossier.AndList(stringsOf(vs)) }

func stringsOf[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// SheetByName returns the contract sheet called name (exact), or nil.
func SheetByName(name string) *Sheet {
	for i := range Contract {
		if Contract[i].Name == name {
			return &Contract[i]
		}
	}
	return nil
}

// SameName reports whether a header or sheet name found in a workbook names
// the contract's name: case-insensitively, surrounding white space trimmed
// and inner white space collapsed (the reading rule of the contract).
func SameName(found, contract string) bool {
	return strings.EqualFold(dossier.NormalizeSpace(found), contract)
}

// ColumnIndex returns the index in s.Columns of the column a header found in
// a workbook names, or -1.
func (s *Sheet) ColumnIndex(header string) int {
	for i, c := range s.Columns {
		if SameName(header, c.Header) {
			return i
		}
	}
	return -1
}
