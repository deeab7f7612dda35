package rules

import (
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// TestCatalogueSteps: every rule says what to do before and after its
// deadline, in different words.
func TestCatalogueSteps(t *testing.T) {
	for _, r := range Catalogue() {
		if r.Stap == "" || r.Alsnog == "" || r.Stap == r.Alsnog {
			t.Errorf("rule %s: Stap %q, Alsnog %q", r.ID, r.Stap, r.Alsnog)
		}
		if !strings.Contains(strings.ToLower(r.Alsnog), "alsnog") {
			t.Errorf("rule %s: Alsnog %q does not say alsnog", r.ID, r.Alsnog)
		}
	}
}

// stepsOf returns "sleutel stap" for each step, "!" before overdue ones.
func stepsOf(ss []Step) []string {
	var out []string
	for _, s := range ss {
		line := s.Sleutel + " " + s.Datum.String() + " " + s.Stap
		if s.Achterstallig {
			line = "!" + line
		}
		out = append(out, line)
	}
	return out
}

func TestSteps(t *testing.T) {
	d := mustDay
	// Sick since D; probleemanalyse on time, no plan van aanpak (due
	// 2025-02-24), 42e-weekmelding due 2025-10-27.
	base := []opt{casemanager("Jan Jansen"),
		doc(dossier.Ziekmelding, d("2025-01-07")), doc(dossier.Probleemanalyse, d("2025-02-10"))}
	tests := []struct {
		name string
		d    *dossier.Dossier
		p    string
		tot  string
		want []string
	}{
		{"overdue first, then the window", newDossier(base...), "2025-03-10", "2025-04-21", []string{
			"!plan-van-aanpak 2025-02-24 Plan van aanpak alsnog opstellen",
		}},
		{"no limit", newDossier(base...), "2025-02-12", "", []string{
			"plan-van-aanpak 2025-02-24 Plan van aanpak opstellen",
			"42e-weekmelding 2025-10-27 42e-weekmelding indienen bij UWV",
			"eerstejaarsevaluatie 2026-01-04 Eerstejaarsevaluatie houden",
			"arbeidsdeskundig-onderzoek 2026-01-04 Arbeidsdeskundig onderzoek laten doen",
			"spoor-2 2026-02-15 Spoor 2 starten",
			"actueel-oordeel 2026-10-04 Actueel oordeel laten opstellen",
			"eindevaluatie 2026-10-04 Eindevaluatie houden",
			"visie-werknemer 2026-10-04 Visie van de werknemer vastleggen",
			"re-integratieverslag 2026-10-04 Re-integratieverslag opstellen",
			"wia-aanvraag 2026-10-18 WIA-aanvraag indienen",
		}},
		{"window end is included", newDossier(base...), "2025-02-12", "2025-02-24", []string{
			"plan-van-aanpak 2025-02-24 Plan van aanpak opstellen",
		}},
		{"an unsigned plan is mended by its deadline", newDossier(append(base,
			unsigned(dossier.PlanVanAanpak, d("2025-02-17"), true, false), both,
			activity(1, "Opbouw", d("2025-02-17")))...), "2025-02-20", "2025-03-20", []string{
			"plan-van-aanpak-inhoud 2025-02-24 Plan van aanpak aanvullen",
		}},
		{"the next evaluation, overdue", newDossier(append(base,
			doc(dossier.PlanVanAanpak, d("2025-02-17")), both,
			activity(1, "Opbouw", d("2025-02-17")))...), "2025-05-01", "2025-05-08", []string{
			"!evaluatie-frequentie 2025-03-31 Evaluatie alsnog houden",
		}},
		{"recovered: nothing to do", newDossier(append(base, hersteld(d("2025-03-01")))...), "2025-03-10", "", nil},
		{"past the waiting time: nothing to do", newDossier(base...), "2027-01-04", "", nil},
		{"exempt from spoor 2: reassess", newDossier(append(base,
			doc(dossier.PlanVanAanpak, d("2025-02-17")), both, activity(1, "Opbouw", d("2025-02-17")),
			doc(dossier.Eerstejaarsevaluatie, d("2025-12-15")), both,
			doc(dossier.ArbeidsdeskundigRapport, d("2025-12-01")),
			doc(dossier.WeekMelding42, d("2025-10-20")),
			motivering("Terugkeer in eigen werk binnen drie maanden verwacht."), herbeoordeling(d("2026-03-01")),
		)...), "2026-01-10", "2026-03-01", []string{
			"evaluatie-frequentie 2026-01-26 Evaluatie houden",
			"spoor-2-herbeoordeling 2026-03-01 Motivering geen spoor 2 herbeoordelen",
		}},
		{"spoor 2 standing still: resume", newDossier(append(base,
			ended(2, d("2026-01-05"), d("2026-02-01"), dossier.Anders), ended(1, d("2025-03-01"), dossier.Date{}, 0))...),
			"2026-04-01", "2026-04-01", []string{
				"!plan-van-aanpak 2025-02-24 Plan van aanpak alsnog opstellen",
				"!42e-weekmelding 2025-10-27 42e-weekmelding alsnog indienen bij UWV",
				"!eerstejaarsevaluatie 2026-01-04 Eerstejaarsevaluatie alsnog houden",
				"!arbeidsdeskundig-onderzoek 2026-01-04 Arbeidsdeskundig onderzoek alsnog laten doen",
				"!zoekprofiel 2026-02-16 Zoekprofiel alsnog opstellen",
				"!spoor-2-doorlopend 2026-03-15 Spoor 2 alsnog hervatten",
			}},
		{"spoor 2 resumed: account for the standstill", newDossier(append(base,
			ended(2, d("2026-01-05"), d("2026-02-01"), dossier.Anders), ended(2, d("2026-03-20"), dossier.Date{}, 0),
			ended(1, d("2025-03-01"), dossier.Date{}, 0))...),
			"2026-04-01", "2026-04-01", []string{
				"!plan-van-aanpak 2025-02-24 Plan van aanpak alsnog opstellen",
				"!42e-weekmelding 2025-10-27 42e-weekmelding alsnog indienen bij UWV",
				"!eerstejaarsevaluatie 2026-01-04 Eerstejaarsevaluatie alsnog houden",
				"!arbeidsdeskundig-onderzoek 2026-01-04 Arbeidsdeskundig onderzoek alsnog laten doen",
				"!zoekprofiel 2026-02-16 Zoekprofiel alsnog opstellen",
				"!spoor-2-doorlopend 2026-03-15 Stilstand van spoor 2 verantwoorden",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stepsOf(Steps(Check(tt.d, day(t, tt.p)), day(t, tt.tot)))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestAgenda: the overdue steps of every dossier come first, then the open
// ones by date; on one day the order of the results holds.
func TestAgenda(t *testing.T) {
	d := mustDay
	a := newDossier(doc(dossier.Ziekmelding, d("2025-01-07")))
	a.Nummer = "A"
	b := newDossier(periods("2025-01-20", ""), doc(dossier.Ziekmelding, d("2025-01-21")))
	b.Nummer = "B"
	p := d("2025-02-20")
	var got []string
	for _, s := range Agenda([]Result{Check(a, p), Check(b, p)}, d("2025-03-20")) {
		line := s.Dossier.Nummer + " " + s.Sleutel + " " + s.Datum.String()
		if s.Achterstallig {
			line = "!" + line
		}
		got = append(got, line)
	}
	want := []string{
		"!A probleemanalyse 2025-02-16",
		"A plan-van-aanpak 2025-03-02",
		"B probleemanalyse 2025-03-02",
		"B plan-van-aanpak 2025-03-16",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("agenda:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAgendaOf: checking the dossiers on the way gives the same agenda as
// checking them first.
func TestAgendaOf(t *testing.T) {
	d := mustDay
	a := newDossier(doc(dossier.Ziekmelding, d("2025-01-07")))
	a.Nummer = "A"
	b := newDossier(periods("2025-01-20", ""), doc(dossier.Ziekmelding, d("2025-01-21")))
	b.Nummer = "B"
	p, tot := d("2025-02-20"), d("2025-03-20")
	want := Agenda([]Result{Check(a, p), Check(b, p)}, tot)
	got := AgendaOf([]*dossier.Dossier{a, b}, p, tot)
	if len(got) != len(want) {
		t.Fatalf("%d steps, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Dossier != want[i].Dossier || got[i].Sleutel != want[i].Sleutel || got[i].Datum != want[i].Datum {
			t.Errorf("step %d: %s %s %s, want %s %s %s", i, got[i].Dossier.Nummer, got[i].Sleutel, got[i].Datum,
				want[i].Dossier.Nummer, want[i].Sleutel, want[i].Datum)
		}
	}
}
