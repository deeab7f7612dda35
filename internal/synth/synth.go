// Package synth generates deterministic synthetic input workbooks for
// benchmarks and load tests: any number of made-up dossiers in a realistic
// mix of stages (week 2 to week 104, some recovered, some with sickness
// periods added together, spoor 2 in the second year), each with about
// fifteen documents and six activities. The same n and seed always give the
// same bytes. No real person's data is involved; the BSNs are random
// numbers that pass the 11-proef.
package synth

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/workbook"
	"github.com/poortwachter/poortwachter/internal/xlsxzip"
)

// Peildatum is the date the generated dossiers are staged against: a
// dossier "in week 30" is in week 30 on this date. Check the workbook at
// this peildatum to get the intended mix.
var Peildatum = dossier.NewDate(2026, time.December, 31)

// Generate writes a workbook of n synthetic dossiers to w. It writes
// through excelize's StreamWriter, so 10,000 dossiers (about 250,000 rows)
// take little memory.
func Generate(w io.Writer, n int, seed int64) error {
	g := &generator{rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)), evaluations: maxEvaluations}
	// A worksheet holds at most 1,048,576 rows (Excel's limit, which every
	// program that reads xlsx keeps). Above 60,000 dossiers the evaluations
	// are thinned so the Documenten sheet fits: at 100,000 dossiers about
	// nine documents each.
	if n > 60_000 {
		g.evaluations = max(0, maxSheetRows/n-9)
	}
	rows := map[string][][]any{}
	for i := range n {
		g.dossier(i+1, rows)
	}
	return write(w, rows)
}

// maxEvaluations is the most evaluations and bijstellingen a dossier gets;
// maxSheetRows the rows a worksheet may hold, its header included.
const (
	maxEvaluations = 20
	maxSheetRows   = 1_048_576 - 1
)

type generator struct {
	evaluations int // the most evaluations per dossier
	rng         *rand.Rand
}

var (
	voornamen   = []string{"Anna", "Bram", "Carla", "Daan", "Eva", "Fatima", "Gerrit", "Hanna", "Ismail", "Joke", "Kees", "Lotte", "Mohamed", "Noor", "Olga", "Pieter", "Rik", "Saskia", "Tom", "Yara"}
	achternamen = []string{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "El Amrani"}
	functies    = []string{"Medewerker klantenservice", "Magazijnmedewerker", "Verpleegkundige", "Administratief medewerker", "Chauffeur", "Docent", "Monteur", "Schoonmaker", "Teamleider", "Accountmanager"}
	werkgevers  = []string{"Groothandel Noord B.V.", "Zorggroep Midden", "Transport Oost B.V.", "Gemeente Voorbeeld", "Bouwbedrijf West B.V.", "Stichting Onderwijs Zuid"}
	casemanager = []string{"Sandra Kok", "Peter Smits", "Ingrid Maas", "Yusuf Demir"}
	artsen      = []string{"M. Hoekstra", "R. Visser", "A. Yilmaz", "J. de Wit"}
	resultaten  = []string{"Afgewezen", "Uitgenodigd voor gesprek", "Geen reactie", "Aangenomen"}
)

func (g *generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// between returns a random int in [lo, hi].
func (g *generator) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.rng.IntN(hi-lo+1)
}

// bsn returns a random nine-digit number that passes the 11-proef.
func (g *generator) bsn() string {
	for {
		var d [9]int
		sum := 0
		for i := range 8 {
			d[i] = g.rng.IntN(10)
			sum += (9 - i) * d[i]
		}
		d[8] = sum % 11
		if d[8] == 10 || (d[0] == 0 && d[1] == 0) {
			continue
		}
		b := make([]byte, 9)
		for i, x := range d {
			b[i] = byte('0' + x)
		}
		return string(b)
	}
}

// dossier appends the rows of dossier number i to rows.
func (g *generator) dossier(i int, rows map[string][][]any) {
	nummer := fmt.Sprintf("S-%06d", i)
	week := g.between(2, 104)
	d := Peildatum.AddDays(-(week-1)*7 - g.rng.IntN(7))
	// s maps sick day k to a date; shifted after a samentelling gap.
	gapAt, gap := 0, 0
	var hersteld dossier.Date
	switch r := g.rng.IntN(10); {
	case r == 0 && week > 4: // recovered
		hersteld = d.AddDays(g.between(14, (week-1)*7))
	case r == 1 && week > 10: // two periods added together
		gapAt = g.between(20, (week-4)*7)
		gap = g.between(3, 27)
	}
	s := func(k int) dossier.Date {
		if gapAt > 0 && k > gapAt {
			return d.AddDays(k - 1 + gap)
		}
		return d.AddDays(k - 1)
	}
	// until is the last day documents can carry: the peildatum, or the
	// recovery.
	until := Peildatum
	if !hersteld.IsZero() {
		until = hersteld
	}
	naam := g.pick(voornamen) + " " + g.pick(achternamen)
	cm, arts := g.pick(casemanager), g.pick(artsen)
	geboren := dossier.NewDate(g.between(1960, 2002), time.Month(g.between(1, 12)), g.between(1, 28))

	var docs [][]any
	doc := func(soort dossier.Soort, t dossier.Date, door string, signed bool, samenvatting string) {
		if t.After(until) || g.rng.IntN(40) == 0 { // now and then a document is missing
			return
		}
		functie := "Casemanager"
		if door == arts {
			functie = "Bedrijfsarts"
		}
		row := []any{nummer, soort.String(), t, door, janee(signed), janee(signed), samenvatting, functie}
		switch soort {
		case dossier.PlanVanAanpak, dossier.BijstellingPlanVanAanpak, dossier.Eerstejaarsevaluatie:
			// Most plans record both views; now and then one is missing.
			if g.rng.IntN(12) != 0 {
				row = append(row, "Passend werk in eigen tempo is haalbaar.", "Ik wil graag weer aan het werk.")
			}
		}
		docs = append(docs, row)
	}
	doc(dossier.Ziekmelding, s(g.between(1, 9)), cm, false, "Ziekmelding bij de arbodienst.")
	pa := s(g.between(30, 45))
	doc(dossier.Probleemanalyse, pa, arts, false, "Beperkt in langdurig staan en tillen; herstel binnen enkele maanden verwacht.")
	plan := pa.AddDays(g.between(5, 18))
	doc(dossier.PlanVanAanpak, plan, cm, g.rng.IntN(20) != 0, "Opbouw in aangepast werk; evaluatie elke zes weken.")
	for t, n := plan.AddDays(g.between(28, 42)), 0; !t.After(until) && n < g.evaluations; t, n = t.AddDays(g.between(28, 42)), n+1 {
		soort := dossier.Evaluatie
		if n%4 == 2 {
			soort = dossier.BijstellingPlanVanAanpak
		}
		doc(soort, t, cm, true, "Opbouw besproken; afspraken bijgesteld waar nodig.")
	}
	doc(dossier.BijgesteldeProbleemanalyse, s(g.between(120, 180)), arts, false, "Belastbaarheid toegenomen; opbouw kan doorgaan.")
	doc(dossier.WeekMelding42, s(g.between(285, 296)), cm, false, "Ziekmelding bij UWV na 42 weken.")
	ad := s(g.between(300, 340))
	if g.rng.IntN(2) == 0 {
		doc(dossier.ArbeidsdeskundigRapport, ad, "P. de Graaf", false, "Eigen functie niet passend; spoor 2 geadviseerd.")
	}
	eje := s(g.between(320, 366))
	doc(dossier.Eerstejaarsevaluatie, eje, cm, true, "Terugkeer in eigen functie niet te verwachten; spoor 2 wordt ingezet.")
	spoor2 := eje.AddDays(g.between(10, 45))
	if week >= 56 {
		doc(dossier.Zoekprofiel, spoor2.AddDays(g.between(14, 50)), "Re-integratiebureau Voorbeeld", false, "Zoekprofiel: passend werk in de regio, tot 24 uur.")
	}
	if !spoor2.After(until) {
		for t := spoor2.AddDays(60); !t.After(until); t = t.AddDays(60) {
			doc(dossier.VoortgangsrapportageSpoor2, t, "Re-integratiebureau Voorbeeld", false, "Voortgang spoor 2: sollicitaties en scholing.")
		}
	}
	doc(dossier.ActueelOordeel, s(g.between(560, 610)), arts, false, "Functionele mogelijkheden ongewijzigd.")
	doc(dossier.Eindevaluatie, s(g.between(600, 630)), cm, true, "Eindevaluatie met werkgever en werknemer.")
	doc(dossier.Reintegratieverslag, s(g.between(610, 640)), cm, true, "Re-integratieverslag opgesteld, kopie aan de werknemer.")
	doc(dossier.WIAAanvraag, s(g.between(630, 655)), cm, false, "WIA-aanvraag ingediend.")

	var acts [][]any
	act := func(spoor int, wat, doel string, start, eind dossier.Date, reden string) {
		if start.After(until) {
			return
		}
		status, resultaat := "Lopend", ""
		var e any = ""
		if !eind.After(until) {
			status, e = "Afgerond", eind
			switch reden {
			case dossier.Overbelasting.String():
				status, resultaat = "Gestopt", "Te zwaar naast het werk in spoor 1"
			case dossier.Plaatsing.String():
				resultaat = "Geplaatst bij een andere werkgever"
			}
		} else {
			reden = ""
		}
		acts = append(acts, []any{nummer, strconv.Itoa(spoor), wat, doel, cm, start, e, status, resultaat, reden})
	}
	act(1, "Intakegesprek met de casemanager", "Afspraken over contact en opbouw", plan, plan.AddDays(7), "")
	act(1, "Begeleiding door een coach", "Grip op belastbaarheid en planning", plan.AddDays(7), plan.AddDays(120), "")
	act(1, "Aangepast werk in de eigen functie, opbouw in uren", "Terugkeer naar de eigen uren", plan.AddDays(3), plan.AddDays(90), "")
	act(1, "Werkplekonderzoek en aangepaste werkplek", "Minder fysieke belasting", plan.AddDays(10), plan.AddDays(50), "")
	act(1, "Gesprekken met de bedrijfsarts over belastbaarheid", "Belastbaarheid in beeld", plan.AddDays(20), plan.AddDays(180), "")
	act(1, "Tijdelijk passend werk op een andere afdeling", "Arbeidsritme behouden", plan.AddDays(100), plan.AddDays(300), "")
	if week >= 56 {
		// Now and then the first spoor-2 traject stops early: overload
		// (which asks for an adjusted plan) or a placement (which closes
		// the obligation).
		first, reden := spoor2.AddDays(300), ""
		switch g.rng.IntN(10) {
		case 0:
			first, reden = spoor2.AddDays(g.between(40, 150)), dossier.Overbelasting.String()
			doc(dossier.BijstellingPlanVanAanpak, first.AddDays(g.between(3, 20)), cm, true, "Plan bijgesteld: spoor 2 in een lichtere vorm.")
		case 1:
			first, reden = spoor2.AddDays(g.between(60, 200)), dossier.Plaatsing.String()
		}
		act(2, "Re-integratietraject tweede spoor", "Passend werk bij een andere werkgever", spoor2, first, reden)
		act(2, "Scholing en sollicitatietraining", "Kansen op de arbeidsmarkt vergroten", spoor2.AddDays(30), spoor2.AddDays(120), "")
		act(2, "Proefplaatsing bij een andere werkgever", "Werkervaring in een passende functie", spoor2.AddDays(120), spoor2.AddDays(240), "")
	}

	var sols [][]any
	if week >= 60 {
		for t := spoor2.AddDays(20); !t.After(until); t = t.AddDays(g.between(20, 60)) {
			sols = append(sols, []any{nummer, t, g.pick(werkgevers), g.pick(functies), g.pick(resultaten)})
		}
	}

	var periods [][]any
	if gapAt > 0 {
		periods = append(periods, []any{nummer, d, d.AddDays(gapAt - 1)})
		var tot any = ""
		if !hersteld.IsZero() {
			tot = hersteld
		}
		periods = append(periods, []any{nummer, d.AddDays(gapAt + gap), tot})
	}

	var h any = ""
	if !hersteld.IsZero() {
		h = hersteld
	}
	var motivering string
	var herbeoordeling any = ""
	if week >= 56 && g.rng.IntN(15) == 0 {
		motivering = "Concrete terugkeer in eigen functie binnen drie maanden verwacht."
		if g.rng.IntN(2) == 0 {
			herbeoordeling = eje.AddDays(g.between(60, 120))
		}
	}
	rows[workbook.SheetDossiers] = append(rows[workbook.SheetDossiers], []any{
		nummer, naam, g.bsn(), geboren, g.pick(functies), float64(g.between(16, 40)),
		"MBO-4; jarenlange ervaring in het vak", g.pick(werkgevers), "Middelgroot bedrijf",
		fmt.Sprintf("%09dL01", g.rng.IntN(1_000_000_000)), cm, arts, "Arbodienst Voorbeeld", "P. de Graaf",
		"Re-integratiebureau Voorbeeld", d, h, "Duurzame terugkeer in passend werk",
		"Elke twee weken contact met de casemanager", motivering, herbeoordeling, "Goed; geen conflict",
		"Tijdelijk aangepast werk mogelijk", "Ik wil graag weer aan het werk.", "",
	})
	rows[workbook.SheetZiekteperiodes] = append(rows[workbook.SheetZiekteperiodes], periods...)
	rows[workbook.SheetDocumenten] = append(rows[workbook.SheetDocumenten], docs...)
	rows[workbook.SheetActiviteiten] = append(rows[workbook.SheetActiviteiten], acts...)
	rows[workbook.SheetSollicitaties] = append(rows[workbook.SheetSollicitaties], sols...)
}

func janee(b bool) string {
	if b {
		return "Ja"
	}
	return "Nee"
}

// write streams rows, per Contract sheet, in Contract column order.
func write(w io.Writer, rows map[string][][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "poortwachter synth", LastModifiedBy: "poortwachter synth",
		Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z",
		Title: "Synthetische verzuimdossiers", Language: "nl-NL",
	}); err != nil {
		return err
	}
	df := "dd-mm-yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &df})
	if err != nil {
		return err
	}
	for i, sh := range workbook.Contract {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sh.Name)
		if err != nil {
			return err
		}
		header := make([]any, len(sh.Columns))
		for c, col := range sh.Columns {
			header[c] = col.Header
		}
		if err := sw.SetRow("A1", header); err != nil {
			return err
		}
		for r, row := range rows[sh.Name] {
			cells := make([]any, len(row))
			for c, v := range row {
				switch x := v.(type) {
				case dossier.Date:
					// A date serial with a date format, as Excel stores it.
					cells[c] = excelize.Cell{StyleID: dateStyle, Value: serial(x)}
				case string:
					if x != "" {
						cells[c] = x
					}
				default:
					cells[c] = x
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	// excelize writes streamed sheets in map order, which varies from run
	// to run; in canonical order the same workbook gives the same bytes.
	return xlsxzip.Write(w, f)
}

// excelEpoch is day 0 of Excel's 1900 date system (for dates after
// February 1900).
var excelEpoch = dossier.NewDate(1899, time.December, 30)

func serial(d dossier.Date) int { return d.DaysSince(excelEpoch) }
