package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/errmsg"
	"github.com/poortwachter/poortwachter/internal/report"
	"github.com/poortwachter/poortwachter/internal/rules"
)

func init() { commands = append(commands, checkCommand) }

// checkOptions are the options of poortwachter check.
type checkOptions struct {
	Werkboek  string
	Peildatum dossier.Date
	Dossiers  []string
	Format    string
	Output    string
}

// checkFormats are the values of check --format.
var checkFormats = []string{"tekst", "json", "xlsx"}

func checkCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "check",
		Usage:     "dossiers toetsen aan de termijnen van de Wet verbetering poortwachter",
		UsageText: "check [--peildatum DATUM] [--dossier ID]... [--format tekst|json|xlsx] [--output BESTAND] WERKBOEK",
		Description: "Leest de dossiers uit WERKBOEK en toetst elk dossier per de peildatum\n" +
			"(standaard vandaag) aan alle regels: per regel de status, de uiterste datum en\n" +
			"een toelichting, en per dossier een oordeel (onvolledig, aandacht, compleet).\n" +
			"Een dossier met fouten in de invoer wordt niet getoetst; de fouten staan bij\n" +
			"de meldingen.\n\n" +
			"--format json geeft het vaste JSON-formaat voor scripts; --format xlsx een\n" +
			"werkboek voor de auditor en vraagt om --output.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter check --peildatum 2026-12-31 --dossier D-005 verzuim.xlsx\n" +
			"   poortwachter check --format xlsx --output overzicht.xlsx verzuim.xlsx\n\n" +
			"Afsluitcode: 0 geen dossier onvolledig; 1 minstens één dossier onvolledig;\n" +
			"2 het werkboek kon niet (geheel) worden gelezen (ook bij een fout in één\n" +
			"dossier) of het commando is verkeerd gebruikt.",
		Flags: []ucli.Flag{
			peildatumFlag(),
			&ucli.StringSliceFlag{Name: "dossier", Usage: "alleen het dossier met dit nummer (`ID`) toetsen (herhaalbaar)"},
			&ucli.StringFlag{Name: "format", Value: "tekst", Usage: "uitvoer (`FORMAAT`): tekst, json of xlsx"},
			&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "naar dit `BESTAND` schrijven in plaats van het scherm"},
		},
		Action: func(c *ucli.Context) error {
			path, p, err := workbookAt(c, env)
			if err != nil {
				return err
			}
			opts := checkOptions{Werkboek: path, Peildatum: p, Dossiers: c.StringSlice("dossier"),
				Format: c.String("format"), Output: c.String("output")}
			return runCheck(env, opts)
		},
	}
}

func runCheck(env Env, opts checkOptions) error {
	if err := checkFormatOutput(opts.Format, checkFormats, opts.Output); err != nil {
		return err
	}
	wb, err := readWorkbook(env, opts.Werkboek)
	if err != nil {
		return err
	}
	ds, err := selectDossiers(wb.Dossiers, opts.Dossiers)
	if err != nil {
		return err
	}
	meldingen := problemsFor(wb.Problems, ds, len(opts.Dossiers) > 0)
	checkable := checkableDossiers(ds, meldingen)
	// The checks are made while the output is written, a chunk at a time,
	// so the findings of a large workbook are never all in memory.
	checks := report.Lazy(checkable, opts.Peildatum)
	var sum report.Summary
	write := func(w io.Writer) (err error) {
		switch opts.Format {
		case "json":
			sum, err = report.JSON(w, opts.Peildatum, checks, meldingen)
			return err
		case "xlsx":
			results := rules.CheckAll(checkable, opts.Peildatum)
			for _, r := range results {
				sum.Add(r)
			}
			return report.XLSX(w, opts.Peildatum, results, meldingen)
		}
		sum, err = report.Text(w, opts.Peildatum, checks, meldingen,
			report.TextOptions{Color: useColor(env, opts.Output), Unchecked: len(ds) - len(checkable)})
		return err
	}
	if err := writeOutput(env, opts.Output, write); err != nil {
		return err
	}
	return checkExit(sum, meldingen)
}

// useColor reports whether text output gets colour: only on a terminal,
// not into a file (--output), and not with NO_COLOR set
// (https://no-color.org).
func useColor(env Env, output string) bool {
	return output == "" && env.IsTerminal != nil && env.IsTerminal(env.Stdout) && env.Getenv("NO_COLOR") == ""
}

// writeOutput lets write write a command's output to stdout, or, with
// output set, atomically to that file, saying so on stdout.
func writeOutput(env Env, output string, write func(io.Writer) error) error {
	if output == "" {
		if err := write(env.Stdout); err != nil {
			return stdoutError(err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return errmsg.Wrap(err, "de uitvoer kan niet worden gemaakt: %s", errmsg.System(err))
	}
	if err := writeFileAtomic(output, buf.Bytes()); err != nil {
		return outputError(err)
	}
	fmt.Fprintf(env.Stdout, "geschreven: %s\n", output)
	return nil
}

// checkExit maps the outcome of a check to its exit status: 2 when any
// dossier could not be read (an input error: like validate), 1 when a
// checked dossier is onvolledig, else 0.
func checkExit(sum report.Summary, meldingen dossier.Problems) error {
	if fouten, _ := meldingen.Count(); fouten > 0 {
		return silentExit(ExitInput)
	}
	if sum.Onvolledig() {
		return findingsExit()
	}
	return nil
}

// checkableDossiers returns the dossiers of ds that can be checked: those
// without an input error of their own, and none at all when an error
// belongs to no dossier (a missing sheet or column could concern any of
// them), as batch does.
func checkableDossiers(ds []*dossier.Dossier, meldingen dossier.Problems) []*dossier.Dossier {
	if meldingen.HasErrorFor("") {
		return nil
	}
	var out []*dossier.Dossier
	for _, d := range ds {
		if !meldingen.HasErrorFor(d.Nummer) {
			out = append(out, d)
		}
	}
	return out
}

// selectDossiers returns the dossiers named by ids, in workbook order, or
// all when ids is empty. An id not in the workbook is a usage error.
func selectDossiers(all []*dossier.Dossier, ids []string) ([]*dossier.Dossier, error) {
	if len(ids) == 0 {
		return all, nil
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[strings.TrimSpace(id)] = true
	}
	var out []*dossier.Dossier
	for _, d := range all {
		if want[d.Nummer] {
			out = append(out, d)
			delete(want, d.Nummer)
		}
	}
	if len(want) > 0 {
		var missing []string
		for _, id := range ids {
			if want[strings.TrimSpace(id)] {
				missing = append(missing, strings.TrimSpace(id))
				delete(want, strings.TrimSpace(id))
			}
		}
		return nil, usageError("dossier %s staat niet in het werkboek", strings.Join(missing, ", "))
	}
	return out, nil
}

// problemsFor keeps the problems that concern the selected dossiers or the
// workbook as a whole; all of them when nothing was selected.
func problemsFor(ps dossier.Problems, ds []*dossier.Dossier, selected bool) dossier.Problems {
	if !selected {
		return ps
	}
	keep := map[string]bool{"": true}
	for _, d := range ds {
		keep[d.Nummer] = true
	}
	var out dossier.Problems
	for _, p := range ps {
		if keep[p.Dossier] {
			out = append(out, p)
		}
	}
	return out
}

// checkFormatOutput checks --format against the formats a command knows
// and --output against it: a workbook needs a file, and an output file
// must not be a folder.
func checkFormatOutput(format string, formats []string, output string) error {
	if !slices.Contains(formats, format) {
		return usageError("onbekend formaat %q; kies %s", format, dossier.OrList(formats))
	}
	if format == "xlsx" && output == "" {
		return usageError("--format xlsx schrijft een werkboek en vraagt om --output BESTAND")
	}
	if output != "" {
		return needFile(output)
	}
	return nil
}
