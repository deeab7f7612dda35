package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/nearest"
	"github.com/poortwachter/poortwachter/internal/report"
	"github.com/poortwachter/poortwachter/internal/rules"
)

func init() { commands = append(commands, agendaCommand) }

// agendaOptions are the options of poortwachter agenda.
type agendaOptions struct {
	Werkboek    string
	Peildatum   dossier.Date
	Weken       int
	Casemanager string
	Format      string
	Output      string
	Herinnering int
}

// agendaFormats are the values of agenda --format.
var agendaFormats = []string{"tekst", "xlsx", "ics"}

// DefaultWeken is how far ahead the agenda looks unless --weken says
// otherwise.
const DefaultWeken = 6

func agendaCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "agenda",
		Usage:     "wat er de komende weken moet gebeuren, in alle dossiers",
		UsageText: "agenda [--peildatum DATUM] [--weken N] [--casemanager NAAM] [--format tekst|xlsx|ics] [--output BESTAND] [--herinnering DAGEN] WERKBOEK",
		Description: "Toetst elk dossier uit WERKBOEK per de peildatum (standaard vandaag) en zet\n" +
			"alle stappen die moeten gebeuren onder elkaar: eerst wat al over zijn\n" +
			"uiterste datum is (achterstallig), dan wat de komende --weken (standaard 6)\n" +
			"moet gebeuren, op datum. Per stap de datum, de ziekteweek, het dossier, de\n" +
			"werknemer, de casemanager en wat er moet gebeuren, bijvoorbeeld \"Plan\n" +
			"bijstellen\" of \"42e-weekmelding alsnog indienen bij UWV\". Dossiers van\n" +
			"werknemers die hersteld zijn of van wie de wachttijd voorbij is, staan er\n" +
			"niet in. --casemanager toont alleen de dossiers van die casemanager.\n\n" +
			"--format tekst (standaard) past in de breedte van het terminalvenster;\n" +
			"--format xlsx schrijft een werkboek om te filteren en vraagt om --output;\n" +
			"--format ics schrijft een agendabestand (iCalendar) met een herinnering\n" +
			"--herinnering werkdagen vooraf. Opnieuw importeren na een nieuwe peildatum\n" +
			"werkt de afspraken bij in plaats van ze te verdubbelen.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter agenda --casemanager \"Sandra Kok\" verzuim.xlsx\n" +
			"   poortwachter agenda --weken 4 --format ics --output agenda.ics verzuim.xlsx\n\n" +
			"Afsluitcode: 0 geen achterstallige stappen; 1 minstens één achterstallige\n" +
			"stap; 2 het werkboek kon niet (geheel) worden gelezen (ook bij een fout in\n" +
			"één dossier) of het commando is verkeerd gebruikt.",
		Flags: []ucli.Flag{
			peildatumFlag(),
			&ucli.IntFlag{Name: "weken", Value: DefaultWeken, Usage: "zoveel weken (`N`) vooruit kijken"},
			&ucli.StringFlag{Name: "casemanager", Usage: "alleen de dossiers van de casemanager met deze `NAAM`"},
			&ucli.StringFlag{Name: "format", Value: "tekst", Usage: "uitvoer (`FORMAAT`): tekst, xlsx of ics"},
			&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "naar dit `BESTAND` schrijven in plaats van het scherm"},
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
			return runAgenda(env, agendaOptions{Werkboek: path, Peildatum: p, Weken: c.Int("weken"),
				Casemanager: c.String("casemanager"), Format: c.String("format"), Output: c.String("output"),
				Herinnering: herinnering})
		},
	}
}

func runAgenda(env Env, opts agendaOptions) error {
	if err := checkFormatOutput(opts.Format, agendaFormats, opts.Output); err != nil {
		return err
	}
	if opts.Weken < 0 {
		return usageError("--weken moet 0 of meer zijn, gevonden %d", opts.Weken)
	}
	wb, err := readWorkbook(env, opts.Werkboek)
	if err != nil {
		return err
	}
	ds := wb.Dossiers
	if opts.Casemanager != "" {
		if ds, err = byCasemanager(ds, opts.Casemanager); err != nil {
			return err
		}
	}
	meldingen := problemsFor(wb.Problems, ds, opts.Casemanager != "")
	checkable := checkableDossiers(ds, meldingen)
	if n := len(ds) - len(checkable); n > 0 {
		fmt.Fprintf(env.Stderr, "poortwachter: %s niet in de agenda wegens fouten in de invoer; zie 'poortwachter validate %s'\n",
			dossier.Plural(n, "dossier", "dossiers"), opts.Werkboek)
	}
	a := report.Agenda{Peildatum: opts.Peildatum, Tot: opts.Peildatum.AddDays(7 * opts.Weken), Weken: opts.Weken}
	a.Steps = rules.AgendaOf(checkable, opts.Peildatum, a.Tot)

	write := func(w io.Writer) error {
		switch opts.Format {
		case "xlsx":
			return report.AgendaXLSX(w, a)
		case "ics":
			naam := "Poortwachter agenda"
			if opts.Casemanager != "" {
				naam += " " + dossier.NormalizeSpace(opts.Casemanager)
			}
			return report.ICS(w, opts.Peildatum, a.Steps, report.ICSOptions{Naam: naam, Herinnering: opts.Herinnering})
		}
		topt := report.AgendaTextOptions{Color: useColor(env, opts.Output)}
		if opts.Output == "" && env.TerminalWidth != nil {
			topt.Width = env.TerminalWidth(env.Stdout)
		}
		return report.AgendaText(w, a, topt)
	}
	if err := writeOutput(env, opts.Output, write); err != nil {
		return err
	}
	if fouten, _ := meldingen.Count(); fouten > 0 {
		return silentExit(ExitInput)
	}
	for _, s := range a.Steps {
		if s.Achterstallig {
			return findingsExit()
		}
	}
	return nil
}

// byCasemanager returns the dossiers whose casemanager is naam, ignoring
// case and extra spaces. No such dossier is a usage error that names the
// casemanagers there are.
func byCasemanager(ds []*dossier.Dossier, naam string) ([]*dossier.Dossier, error) {
	want := strings.ToLower(dossier.NormalizeSpace(naam))
	var out []*dossier.Dossier
	known := map[string]bool{}
	for _, d := range ds {
		cm := dossier.NormalizeSpace(d.Casemanager)
		if strings.ToLower(cm) == want {
			out = append(out, d)
		}
		if cm != "" {
			known[cm] = true
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	names := make([]string, 0, len(known))
	for n := range known {
		names = append(names, n)
	}
	sort.Strings(names)
	msg := fmt.Sprintf("geen dossier met casemanager %q", naam)
	if near := nearest.Word(naam, names); near != "" {
		return nil, usageError("%s; bedoelt u %q?", msg, near)
	}
	if len(names) > 0 {
		return nil, usageError("%s; de casemanagers in het werkboek zijn: %s", msg, strings.Join(names, ", "))
	}
	return nil, usageError("%s; het werkboek noemt geen casemanagers", msg)
}
