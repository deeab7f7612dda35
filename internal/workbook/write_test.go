package workbook

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

func writeTemplate(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, TemplatePeildatum); err != nil {
		t.Fatalf("WriteTemplate: %v", err)
	}
	return buf.Bytes()
}

func TestWriteTemplateDeterministic(t *testing.T) {
	a, b := writeTemplate(t), writeTemplate(t)
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs of WriteTemplate differ (%d and %d bytes)", len(a), len(b))
	}
}

// TestWriteTemplateContract reads the template back and checks it carries
// the whole contract: sheets, headers with comments, drop-down lists, date
// formats, a frozen header row and the example dossier.
func TestWriteTemplateContract(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeTemplate(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var want []string
	for _, sh := range Contract {
		want = append(want, sh.Name)
	}
	want = append(want, SheetLijsten)
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	if v, _ := f.GetSheetVisible(SheetLijsten); v {
		t.Errorf("sheet %s is visible, want hidden", SheetLijsten)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != fixedTime || props.Modified != fixedTime {
		t.Errorf("doc props created=%q modified=%q (err %v), want %s", props.Created, props.Modified, err, fixedTime)
	}

	for _, sh := range Contract {
		t.Run(sh.Name, func(t *testing.T) {
			rows, err := f.GetRows(sh.Name)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 2 {
				t.Fatalf("%d rows, want a header and at least one example row", len(rows))
			}
			var headers []string
			for _, c := range sh.Columns {
				headers = append(headers, c.Header)
			}
			if !slices.Equal(rows[0], headers) {
				t.Errorf("header row = %q, want %q", rows[0], headers)
			}
			for _, r := range rows[1:] {
				if r[0] != "VOORBEELD-001" {
					t.Errorf("example row belongs to %q, want VOORBEELD-001", r[0])
				}
			}

			comments, err := f.GetComments(sh.Name)
			if err != nil {
				t.Fatal(err)
			}
			commented := map[string]string{}
			for _, c := range comments {
				var text strings.Builder
				for _, p := range c.Paragraph {
					text.WriteString(p.Text)
				}
				commented[c.Cell] = text.String() + c.Text
			}
			for i, col := range sh.Columns {
				cell, _ := excelize.CoordinatesToCellName(i+1, 1)
				if !strings.Contains(commented[cell], col.Comment) {
					t.Errorf("%s (%s): comment %q, want it to hold %q", cell, col.Header, commented[cell], col.Comment)
				}
			}

			dvs, err := f.GetDataValidations(sh.Name)
			if err != nil {
				t.Fatal(err)
			}
			lists := map[string]string{} // column letter -> formula
			for _, dv := range dvs {
				col, _, _ := strings.Cut(dv.Sqref, "2:")
				lists[col] = dv.Formula1
				if !strings.HasSuffix(dv.Sqref, "5001") {
					t.Errorf("validation range %s, want it to reach row 5001", dv.Sqref)
				}
			}
			for i, col := range sh.Columns {
				name, _ := excelize.ColumnNumberToName(i + 1)
				wantList := map[ColumnKind]string{
					KindJaNee:      `"Ja,Nee"`,
					KindSpoor:      `"1,2"`,
					KindStatus:     `"Gepland,Lopend,Afgerond,Gestopt"`,
					KindRedenEinde: `"Plaatsing,Hersteld,Geen benutbare mogelijkheden,Overbelasting,Anders"`,
					KindSoort:      fmt.Sprintf("Lijsten!$A$1:$A$%d", len(dossier.Soorten())),
				}[col.Kind]
				if got := lists[name]; got != wantList {
					t.Errorf("column %s (%s): drop-down %q, want %q", name, col.Header, got, wantList)
				}
			}

			panes, err := f.GetPanes(sh.Name)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("panes %+v (err %v), want the header row frozen", panes, err)
			}

			// Date cells are real dates shown as dd-mm-jjjj.
			for i, col := range sh.Columns {
				if col.Kind != KindDate {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(i+1, 2)
				raw, _ := f.GetCellValue(sh.Name, cell, excelize.Options{RawCellValue: true})
				shown, _ := f.GetCellValue(sh.Name, cell)
				if raw == "" {
					continue
				}
				if _, err := dossier.ParseDate(shown); err != nil || strings.Contains(raw, "-") {
					t.Errorf("%s (%s): raw %q shown %q, want a serial shown as dd-mm-jjjj", cell, col.Header, raw, shown)
				}
			}
		})
	}

	lijst, _ := f.GetCols(SheetLijsten)
	var soorten []string
	for _, s := range dossier.Soorten() {
		soorten = append(soorten, s.String())
	}
	if len(lijst) != 1 || !slices.Equal(lijst[0], soorten) {
		t.Errorf("%s = %q, want the soorten %q", SheetLijsten, lijst, soorten)
	}
}

func TestDateSerial(t *testing.T) {
	tests := []struct {
		d        dossier.Date
		date1904 bool
		want     int
	}{
		{dossier.NewDate(1900, 3, 1), false, 61},
		{dossier.NewDate(2026, 1, 5), false, 46027},
		{dossier.NewDate(2026, 1, 5), true, 46027 - 1462},
		{dossier.NewDate(1904, 1, 1), true, 0},
	}
	for _, tt := range tests {
		if got := DateSerial(tt.d, tt.date1904); got != tt.want {
			t.Errorf("DateSerial(%s, %v) = %d, want %d", tt.d, tt.date1904, got, tt.want)
		}
	}
}

func TestWriteRejectsBadCells(t *testing.T) {
	tests := []struct {
		name string
		rows Rows
		want string
	}{
		{"date", Rows{SheetDossiers: {{"D1", "A", "", "31-02-2020"}}}, "Dossiers!D2 (Geboortedatum)"},
		{"bsn", Rows{SheetDossiers: {{"D1", "A", "123456789"}}}, "11-proef"},
		{"soort", Rows{SheetDocumenten: {{"D1", "Brief", "2026-01-05"}}}, "onbekende soort document"},
		{"spoor", Rows{SheetActiviteiten: {{"D1", "3", "x"}}}, "verwacht spoor 1 of 2"},
		{"reden einde", Rows{SheetActiviteiten: {{"D1", "1", "x", "", "", "", "", "", "", "klaar"}}}, "Activiteiten!J2 (Reden einde): onbekende reden einde"},
		{"janee", Rows{SheetDocumenten: {{"D1", "Evaluatie", "2026-01-05", "", "misschien"}}}, "Documenten!E2"},
		{"number", Rows{SheetDossiers: {{"D1", "A", "", "", "", "veel"}}}, "verwacht een getal"},
		{"sheet", Rows{"Notities": {{"x"}}}, "onbekend tabblad"},
		{"too wide", Rows{SheetSollicitaties: {{"D1", "2026-01-05", "", "", "", "extra"}}}, "6 cellen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tt.rows, WriteOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseRowsText(t *testing.T) {
	src := "comment\n-- Sollicitaties.tsv --\n# a remark\nfunctie\tDATUM\tDossiernummer\n\nKok\t2026-01-05\tD1\n\t2026-02-01\tD1\n"
	got, err := ParseRowsText([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"D1", "2026-01-05", "", "Kok"}, {"D1", "2026-02-01"}}
	if len(got) != 1 || !slices.EqualFunc(got[SheetSollicitaties], want, slices.Equal) {
		t.Errorf("ParseRowsText = %q, want %q", got, want)
	}

	bad := []struct{ src, want string }{
		{"-- Notities.tsv --\na\n", "Notities.tsv"},
		{"-- Dossiers.tsv --\nDossiernummer\tKleur\n", "onbekende kolom \"Kleur\""},
		{"-- Dossiers.tsv --\nDossiernummer\tdossiernummer\n", "twee keer"},
		{"-- Dossiers.tsv --\nDossiernummer\nD1\tx\n", "Dossiers.tsv:2"},
	}
	for _, b := range bad {
		if _, err := ParseRowsText([]byte(b.src)); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("ParseRowsText(%q) = %v, want an error containing %q", b.src, err, b.want)
		}
	}
}

// TestTemplateReadsBack reads the template with the reader: the example
// dossier comes back whole and without errors.
func TestTemplateReadsBack(t *testing.T) {
	res, err := Read(bytes.NewReader(writeTemplate(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		if p.Ernst == dossier.Fout {
			t.Errorf("%s", p)
		}
	}
	if len(res.Dossiers) != 1 {
		t.Fatalf("read %d dossiers, want the one example", len(res.Dossiers))
	}
	d := res.Dossiers[0]
	if d.Nummer != "VOORBEELD-001" || d.EersteZiektedag != dossier.NewDate(2025, 3, 3) ||
		len(d.Documenten) != 15 || len(d.Activiteiten) != 4 || len(d.Sollicitaties) != 2 || len(d.Ziekteperiodes) != 1 {
		t.Errorf("example dossier read as %s from %s with %d documents, %d activities, %d applications, %d periods",
			d.Nummer, d.EersteZiektedag, len(d.Documenten), len(d.Activiteiten), len(d.Sollicitaties), len(d.Ziekteperiodes))
	}
	// The plan of action shows the columns of issue 8 filled in.
	for _, doc := range d.Documenten {
		if doc.FunctieOpsteller == "" {
			t.Errorf("%s %s: no Functie opsteller", doc.Soort, doc.Datum)
		}
		if doc.Soort == dossier.PlanVanAanpak && (doc.VisieWerkgever == "" || doc.VisieWerknemer == "") {
			t.Errorf("%s %s: views %q and %q, want both filled in", doc.Soort, doc.Datum, doc.VisieWerkgever, doc.VisieWerknemer)
		}
	}
}

// TestTemplateHasNoMedicalWords keeps the example dossier of "workbook
// new" an example to follow: no cell may hold a diagnosis, treatment or
// medicine, as the check would flag it in a user's dossier.
func TestTemplateHasNoMedicalWords(t *testing.T) {
	rows, err := ParseRowsText(templateText)
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range Contract {
		for r, row := range rows[sh.Name] {
			for c, text := range row {
				if ts := rules.MedicalTerms(text); len(ts) > 0 {
					t.Errorf("%s row %d, %s: medical words %q in %q", sh.Name, r+2, sh.Columns[c].Header, ts, text)
				}
			}
		}
	}
}

// TestTemplateStartsRight checks the example dossier of "workbook new" the
// way a new user would, straight after writing it: at the peildatum it was
// written for, in every week after it and before it, the workbook reads
// without a problem, the check says compleet without a warning, nothing is
// overdue and a next step is near. The dates keep their weekdays.
func TestTemplateStartsRight(t *testing.T) {
	for _, p := range []dossier.Date{
		TemplatePeildatum, TemplatePeildatum.AddDays(1), TemplatePeildatum.AddDays(6), TemplatePeildatum.AddDays(7),
		TemplatePeildatum.AddDays(-1), TemplatePeildatum.AddDays(-7),
		dossier.NewDate(2026, 12, 1), dossier.NewDate(2027, 2, 28), dossier.NewDate(2031, 7, 15), dossier.NewDate(2024, 1, 1),
	} {
		t.Run(p.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteTemplate(&buf, p); err != nil {
				t.Fatal(err)
			}
			res, err := Read(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Problems) != 0 || len(res.Dossiers) != 1 {
				t.Fatalf("%d dossiers, problems %v", len(res.Dossiers), res.Problems)
			}
			d := res.Dossiers[0]
			if d.EersteZiektedag.Weekday() != time.Monday {
				t.Errorf("first sick day %s is a %s, want the template's Monday", d.EersteZiektedag, d.EersteZiektedag.Weekday())
			}
			r := rules.Check(d, p)
			if r.Oordeel != rules.Compleet || len(r.Meldingen) > 0 {
				t.Errorf("oordeel %s, meldingen %v; want compleet without meldingen", r.Oordeel, r.Meldingen)
			}
			for _, f := range r.Bevindingen {
				if f.Status.Problem() {
					t.Errorf("%s: %s: %s", f.Regel, f.Status, f.Toelichting)
				}
			}
			steps := rules.Steps(r, p.AddDays(14))
			if len(steps) == 0 || steps[0].Achterstallig {
				t.Errorf("steps %+v; want a next step within two weeks and nothing overdue", steps)
			}
			if week := rules.NewCalendar(d).Week(p); week < 61 || week > 62 {
				t.Errorf("sick week %d at the peildatum, want 61 or 62", week)
			}
		})
	}
	// The same peildatum gives the same bytes; another week, other dates.
	var a, b, c bytes.Buffer
	p := dossier.NewDate(2026, 12, 1)
	for _, w := range []struct {
		buf *bytes.Buffer
		p   dossier.Date
	}{{&a, p}, {&b, p}, {&c, p.AddDays(7)}} {
		if err := WriteTemplate(w.buf, w.p); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same peildatum gives different bytes")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("a week later gives the same workbook")
	}
}
