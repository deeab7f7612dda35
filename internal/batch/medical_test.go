package batch

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/testtool"
	"github.com/poortwachter/poortwachter/internal/workbook"
	"github.com/poortwachter/poortwachter/internal/workbook/workbooktest"
)

// medicalWorkbook holds a dossier in its second year whose free text
// names diagnoses (hernia, burn-out, depressie), medicines (oxazepam,
// ibuprofen) and treatments (fysiotherapie, operatie) in every column the
// documents print, next to words that only look alike (operationeel,
// medewerker, coöperatie).
const medicalWorkbook = `
== Dossiers
Dossiernummer | Naam werknemer | BSN | Functie | Werkgever | Casemanager | Bedrijfsarts | Eerste ziektedag | Re-integratiedoel | Contactafspraken | Oordeel arbeidsrelatie | Passend werk bij werkgever | Visie werknemer | Aard bedrijf | Vaardigheden | Geboortedatum | Loonheffingennummer
M-1 | Jan Jansen | 123456782 | Medewerker logistiek | ACME B.V. | P. Jansen | A. Arts | @2025-01-06 | Operationeel inzetbaar als medewerker | Elke week bellen; na de operatie elke twee weken | Goed, coöperatief | Planning 16 uur | Door mijn hernia kan ik niet tillen | Groothandel | Heftruck | @1980-01-01 | 123456789L01
== Documenten
Dossiernummer | Soort | Datum | Opgesteld door | Getekend werkgever | Getekend werknemer | Samenvatting | Functie opsteller | Visie werkgever | Visie werknemer
M-1 | Probleemanalyse | @2025-02-10 | A. Arts | Nee | Nee | Burn-out; gebruikt oxazepam. Beperkt belastbaar | Bedrijfsarts
M-1 | Plan van aanpak | @2025-02-20 | P. Jansen | Ja | Ja | Opbouw in eigen werk | Casemanager | Operationele inzet blijft mogelijk | Na de fysiotherapie wil ik opbouwen
M-1 | Eerstejaarsevaluatie | @2025-12-15 | P. Jansen | Ja | Ja | Depressie maakt terugkeer onzeker; spoor 2 | Casemanager | Spoor 2 naast spoor 1 | Ik slik ibuprofen en doe mee
M-1 | Bijstelling plan van aanpak | @2026-01-05 | P. Jansen | Ja | Ja | Spoor 2 toegevoegd | Casemanager | Coöperatie met het bureau is goed | Akkoord
M-1 | Actueel oordeel | @2026-07-01 | A. Arts | Nee | Nee | Hernia; geen tilwerk, 16 uur zittend werk | Bedrijfsarts
== Activiteiten
Dossiernummer | Spoor | Activiteit | Doel | Verantwoordelijke | Start | Eind | Status | Resultaat | Reden einde
M-1 | 1 | Opbouw na operatie | Terug naar 32 uur | P. Jansen | @2025-02-24 | @2025-11-30 | Afgerond | Fysiotherapie hielp; 16 uur
M-1 | 2 | Traject tweede spoor | Passend werk elders, operationeel | Bureau | @2026-01-12 | | Lopend
== Sollicitaties
Dossiernummer | Datum | Werkgever | Functie | Resultaat
M-1 | @2026-03-02 | Logistiek Oost | Medewerker planning | Afgewezen wegens depressie
`

var (
	medicalSeen = []string{"hernia", "burn-out", "oxazepam", "fysiotherapie", "depressie", "ibuprofen"}
	lookalikes  = []string{"operationeel", "medewerker", "coöperatie"}
)

// TestNoMedicalTextInOutput runs batch on medicalWorkbook and reads every
// output back: no flagged word is in any document model, any PDF (through
// pdftotext, when installed) or any cell of overzicht.xlsx, and each value
// left out is there as the marker naming its own cell.
func TestNoMedicalTextInOutput(t *testing.T) {
	data, err := workbooktest.Build(medicalWorkbook)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := workbook.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := wb.Problems.Count(); f > 0 {
		t.Fatalf("input errors: %v", wb.Problems)
	}
	p := dossier.NewDate(2026, 12, 31)
	dir := t.TempDir()
	sum, err := Run(context.Background(), wb, Options{Dir: dir, Peildatum: p, Version: goldenVersion})
	if err != nil || len(sum.Failed) > 0 {
		t.Fatalf("batch: %v %v", err, sum.Failed)
	}

	// The document models, as batch builds them: every span, the title,
	// the subject.
	d := wb.Dossiers[0]
	var models strings.Builder
	stukken := rules.Stukken(d, p)
	if len(stukken) != 4 {
		t.Fatalf("want plan, bijstelling, eerstejaarsevaluatie and a concept RIV; got %d", len(stukken))
	}
	for _, s := range stukken {
		m, err := document.Build(document.NewView(d, s), document.NewLoader(""))
		if err != nil {
			t.Fatal(err)
		}
		writeModel(&models, m)
	}
	writeModel(&models, document.Overzicht(rules.Check(d, p)))
	checkText(t, "document models", models.String())
	for _, marker := range []string{
		"[weggelaten: mogelijk medische gegevens, zie Dossiers!M2]", // Visie werknemer
		"[weggelaten: mogelijk medische gegevens, zie Dossiers!J2]", // Contactafspraken
		"[weggelaten: mogelijk medische gegevens, zie Documenten!G2]",
		"[weggelaten: mogelijk medische gegevens, zie Documenten!J3]",
		"[weggelaten: mogelijk medische gegevens, zie Documenten!G4]",
		"[weggelaten: mogelijk medische gegevens, zie Documenten!J4]",
		"[weggelaten: mogelijk medische gegevens, zie Documenten!G6]",
		"[weggelaten: mogelijk medische gegevens, zie Activiteiten!C2]",
		"[weggelaten: mogelijk medische gegevens, zie Activiteiten!I2]",
		"[weggelaten: mogelijk medische gegevens, zie Sollicitaties!E2]",
	} {
		if !strings.Contains(models.String(), marker) {
			t.Errorf("document models lack %s", marker)
		}
	}

	// The auditor's workbook: every cell of every sheet.
	x, err := excelize.OpenFile(filepath.Join(dir, WerkboekName))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var cells strings.Builder
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			cells.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	checkMedical(t, WerkboekName, cells.String())

	// The PDFs as a reader sees them.
	if !testtool.Have(t, "pdftotext") {
		return // the PDFs were checked through their models only
	}
	var pdfs strings.Builder
	for _, f := range sum.Manifest.Bestanden {
		if !strings.HasSuffix(f.Pad, ".pdf") {
			continue
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(dir, filepath.FromSlash(f.Pad)), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f.Pad, err)
		}
		pdfs.Write(out)
	}
	checkText(t, "pdftotext", strings.Join(strings.Fields(pdfs.String()), " "))
}

func writeModel(b *strings.Builder, m *document.Doc) {
	b.WriteString(m.Title + "\n" + m.Subject + "\n")
	for _, bl := range m.Blocks {
		for _, s := range bl.Text {
			b.WriteString(s.Text)
		}
		for _, it := range bl.Items {
			b.WriteString(document.PlainText(it) + "\n")
		}
		for _, p := range bl.Pairs {
			b.WriteString(p.Key + ": " + document.PlainText(p.Value) + "\n")
		}
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r {
					b.WriteString(document.PlainText(c) + " | ")
				}
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}
}

// checkText requires that text holds no flagged word and every lookalike.
func checkText(t *testing.T, what, text string) {
	t.Helper()
	checkMedical(t, what, text)
	for _, w := range lookalikes {
		if !strings.Contains(strings.ToLower(text), w) {
			t.Errorf("%s: %q, which is not medical, was left out", what, w)
		}
	}
}

// checkMedical requires that text holds no flagged word.
func checkMedical(t *testing.T, what, text string) {
	t.Helper()
	low := strings.ToLower(text)
	for _, w := range medicalSeen {
		if strings.Contains(low, w) {
			t.Errorf("%s holds %q", what, strings.TrimSpace(w))
		}
	}
	if terms := rules.MedicalTerms(text); len(terms) > 0 {
		t.Errorf("%s holds medical-looking words %q", what, terms)
	}
}
