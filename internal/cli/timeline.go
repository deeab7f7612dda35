package cli

import (
	"bytes"
	"fmt"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/errmsg"
	"github.com/poortwachter/poortwachter/internal/report"
	"github.com/poortwachter/poortwachter/internal/rules"
)

func init() { commands = append(commands, timelineCommand) }

func timelineCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "timeline",
		Usage:     "de tijdlijn van één dossier tonen: termijnen, wat wanneer gedaan is en wat nog komt",
		UsageText: "timeline [--peildatum DATUM] --dossier ID [--ics BESTAND] [--herinnering DAGEN] WERKBOEK",
		Description: "Toont voor één dossier elke uiterste datum met ziekteweek en datum, wat\n" +
			"wanneer gedaan is, waar de peildatum ligt (▶), en de volgende stappen.\n" +
			"Met --ics komen de stappen die nog open staan of over hun uiterste datum\n" +
			"zijn in een agendabestand (iCalendar) dat Outlook, Google Agenda en Apple\n" +
			"Agenda kunnen importeren, elk met een herinnering (--herinnering). Opnieuw\n" +
			"importeren na een nieuwe peildatum werkt de afspraken bij in plaats van ze\n" +
			"te verdubbelen.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter timeline --dossier D-011 verzuim.xlsx\n" +
			"   poortwachter timeline --dossier D-011 --ics D-011.ics verzuim.xlsx\n\n" +
			"Afsluitcode: 0 gelukt; 2 het werkboek of het dossier kon niet worden\n" +
			"gelezen of het commando is verkeerd gebruikt.",
		Flags: []ucli.Flag{
			peildatumFlag(),
			&ucli.StringFlag{Name: "dossier", Usage: "het nummer (`ID`) van het dossier (verplicht)"},
			&ucli.StringFlag{Name: "ics", Usage: "de open en verlopen stappen als iCalendar naar dit `BESTAND` schrijven"},
			herinneringFlag(),
		},
		Action: func(c *ucli.Context) error {
			path, p, err := workbookAt(c, env)
			if err != nil {
				return err
			}
			herinnering, err := herinneringDagen(c)
			if err != nil {
				return err
			}
			if ics := c.String("ics"); ics != "" {
				if err := needFile(ics); err != nil {
					return err
				}
			}
			id := strings.TrimSpace(c.String("dossier"))
			if id == "" {
				return usageError("--dossier ontbreekt; gebruik: poortwachter %s", c.Command.UsageText)
			}
			wb, err := readWorkbook(env, path)
			if err != nil {
				return err
			}
			ds, err := selectDossiers(wb.Dossiers, []string{id})
			if err != nil {
				return err
			}
			if ps := problemsFor(wb.Problems, ds, true); len(checkableDossiers(ds, ps)) == 0 {
				for _, pr := range ps {
					if pr.Dossier == id || pr.Dossier == "" {
						fmt.Fprintf(env.Stderr, "%s\n", pr)
					}
				}
				if !ps.HasErrorFor(id) {
					return inputError("dossier %s kan niet worden getoetst: het werkboek heeft fouten die elk dossier kunnen raken", id)
				}
				return inputError("dossier %s heeft fouten in de invoer en kan niet worden getoetst", id)
			}
			r := rules.Check(ds[0], p)
			var out bytes.Buffer
			writeTimeline(&out, r)
			if _, err := env.Stdout.Write(out.Bytes()); err != nil {
				return stdoutError(err)
			}
			if ics := c.String("ics"); ics != "" {
				var buf bytes.Buffer
				opt := report.ICSOptions{Naam: "Poortwachter dossier " + r.Dossier.Nummer, Herinnering: herinnering}
				if err := report.ICS(&buf, p, rules.Steps(r, dossier.Date{}), opt); err != nil {
					return errmsg.Wrap(err, "de agenda kan niet worden gemaakt: %s", errmsg.System(err))
				}
				if err := writeFileAtomic(ics, buf.Bytes()); err != nil {
					return outputError(err)
				}
				fmt.Fprintf(env.Stdout, "\ngeschreven: %s\n", ics)
			}
			return nil
		},
	}
}

// writeTimeline writes the timeline of r: a header, every event in date
// order with a ▶ line where the peildatum falls, and the next steps.
func writeTimeline(w *bytes.Buffer, r rules.Result) {
	d := r.Dossier
	cal := rules.NewCalendar(d)
	head := []string{"Dossier " + d.Nummer}
	if d.NaamWerknemer != "" {
		head = append(head, d.NaamWerknemer)
	}
	head = append(head, "eerste ziektedag "+d.EersteZiektedag.NL(), "einde wachttijd "+r.EindeWachttijd.NL())
	fmt.Fprintf(w, "%s\n", strings.Join(head, "  ·  "))
	fmt.Fprintf(w, "Peildatum %s (ziekteweek %d), oordeel %s\n\n", r.Peildatum.NL(), cal.Week(r.Peildatum), strings.ToUpper(string(r.Oordeel)))

	fmt.Fprintf(w, "Tijdlijn\n")
	events := rules.Timeline(r)
	width := 0
	for _, e := range events {
		if e.Status != "" {
			width = max(width, len([]rune(e.Titel)))
		}
	}
	marked := false
	mark := func() {
		fmt.Fprintf(w, "▶ %s  week %3d  peildatum\n", r.Peildatum.NL(), cal.Week(r.Peildatum))
		marked = true
	}
	for _, e := range events {
		if !marked && e.Datum.After(r.Peildatum) {
			mark()
		}
		line := fmt.Sprintf("  %s  week %3d  %s", e.Datum.NL(), e.Week, e.Titel)
		if e.Status != "" {
			line += strings.Repeat(" ", width-len([]rune(e.Titel))) + "  " + string(e.Status)
		}
		fmt.Fprintf(w, "%s\n", line)
	}
	if !marked {
		mark()
	}

	var problems []rules.Finding
	for _, f := range r.Bevindingen {
		if f.Status.Problem() {
			problems = append(problems, f)
		}
	}
	if len(problems) > 0 {
		fmt.Fprintf(w, "\nAandachtspunten\n")
		for _, f := range problems {
			fmt.Fprintf(w, "  %s (%s, %s): %s\n", f.Titel, f.Status, f.Ernst, f.Toelichting)
		}
	}

	fmt.Fprintf(w, "\nVolgende stappen\n")
	next := rules.Next(r)
	if len(next) == 0 {
		fmt.Fprintf(w, "  Geen open termijnen.\n")
	}
	for _, e := range next {
		fmt.Fprintf(w, "  %s  week %3d  %s (%s)\n", e.Datum.NL(), e.Week, e.Stap, inDays(e.Datum.DaysSince(r.Peildatum)))
	}
}

// inDays says in Dutch how far ahead a date is: "vandaag", "over 1 dag",
// "over 12 dagen".
func inDays(n int) string {
	switch n {
	case 0:
		return "vandaag"
	case 1:
		return "over 1 dag"
	}
	return fmt.Sprintf("over %d dagen", n)
}
