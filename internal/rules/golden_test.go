package rules

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"text/tabwriter"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// TestCheckGolden renders the full check and timeline of a few whole
// dossiers, so a change in any toelichting, order or date shows as a diff.
func TestCheckGolden(t *testing.T) {
	d := mustDay
	tests := []struct {
		name string
		d    *dossier.Dossier
		p    string
	}{
		{"compleet", newDossier(append(evaluations(d("2025-02-20"), d("2026-12-31")),
			casemanager("Jan Jansen"), visie("Ik wil terug naar mijn eigen werk."),
			activity(1, "Opbouw uren in eigen functie", d("2025-03-03")),
			activity(2, "Oriëntatie op ander werk", d("2026-01-20")),
			doc(dossier.Ziekmelding, d("2025-01-06")),
			doc(dossier.Probleemanalyse, d("2025-02-10")),
			doc(dossier.PlanVanAanpak, d("2025-02-20")), both,
			doc(dossier.WeekMelding42, d("2025-10-20")),
			doc(dossier.ArbeidsdeskundigRapport, d("2025-12-01")),
			doc(dossier.Eerstejaarsevaluatie, d("2025-12-15")), both,
			doc(dossier.Zoekprofiel, d("2026-02-24")),
			doc(dossier.ActueelOordeel, d("2026-08-20")),
			doc(dossier.Eindevaluatie, d("2026-09-01")),
			doc(dossier.Reintegratieverslag, d("2026-09-20")),
			doc(dossier.WIAAanvraag, d("2026-10-01")),
		)...), "2026-12-31"},
		{"rommelig", newDossier(
			periods("2025-01-06", "2025-01-15", "2025-02-12", ""),
			verlengd(d("2027-07-04")),
			doc(dossier.Probleemanalyse, d("2025-03-20")),
			unsigned(dossier.PlanVanAanpak, d("2025-04-10"), true, false),
			doc(dossier.Evaluatie, d("2025-07-01")),
			doc(dossier.ActueelOordeel, d("2026-05-01")),
			doc(dossier.Eindevaluatie, d("2027-02-01")),
			func(dd *dossier.Dossier) {
				dd.Documenten[0].Samenvatting = "Hernia; gebruikt ibuprofen."
				dd.Sollicitaties = append(dd.Sollicitaties, dossier.Application{Datum: d("2026-04-01"), Werkgever: "Bakkerij Smit", Plaats: "Sollicitaties!B2"})
			},
		), "2026-12-31"},
		{"hersteld", newDossier(
			casemanager("Jan Jansen"), activity(1, "Terug in eigen werk", d("2025-03-01")),
			hersteld(d("2025-04-01")),
			doc(dossier.Ziekmelding, d("2025-01-08")),
			doc(dossier.Probleemanalyse, d("2025-02-14")),
			doc(dossier.PlanVanAanpak, d("2025-02-28")), both,
		), "2026-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			goldenFile(t, filepath.Join("testdata", tt.name+".golden"), render(Check(tt.d, day(t, tt.p))))
		})
	}
}

// evaluations adds an Evaluatie every 42 days after from, up to before to.
func evaluations(from, to dossier.Date) []opt {
	var out []opt
	for at := from.AddDays(42); at.Before(to); at = at.AddDays(42) {
		out = append(out, doc(dossier.Evaluatie, at))
	}
	return out
}

func render(r Result) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "dossier %s, peildatum %s, einde wachttijd %s, oordeel %s\n\n", r.Dossier.Nummer, r.Peildatum.NL(), r.EindeWachttijd.NL(), r.Oordeel)
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	for _, f := range r.Bevindingen {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", f.Regel, f.Ernst, f.Status, f.UitersteDatum.NL(), f.Datum.NL(), f.Toelichting)
	}
	tw.Flush()
	fmt.Fprintf(&b, "\nmeldingen:\n")
	for _, m := range r.Meldingen {
		fmt.Fprintf(&b, "  %s\n", m)
	}
	fmt.Fprintf(&b, "\ntijdlijn:\n")
	tw = tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	for _, e := range Timeline(r) {
		fmt.Fprintf(tw, "  %s\tweek %d\t%s\t%s\t%s\t%s\t%s\n", e.Datum.NL(), e.Week, e.Soort, e.Titel, e.Regel, e.Status, e.Plaats)
	}
	tw.Flush()
	// The steps, overdue ones marked "!": Next gives the others.
	fmt.Fprintf(&b, "\nstappen:\n")
	tw = tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	for _, s := range Steps(r, dossier.Date{}) {
		mark := " "
		if s.Achterstallig {
			mark = "!"
		}
		fmt.Fprintf(tw, "%s %s\tweek %d\t%s\t%s\t%s\n", mark, s.Datum.NL(), s.Week, s.Sleutel, s.Status, s.Stap)
	}
	tw.Flush()
	return b.Bytes()
}
