package cli

import (
	"fmt"
	"io"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

func init() { commands = append(commands, validateCommand) }

func validateCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "validate",
		Usage:     "het invoerwerkboek controleren zonder te toetsen",
		UsageText: "validate WERKBOEK",
		Description: "Leest WERKBOEK en meldt alles wat niet aan het invoerformaat voldoet, elke\n" +
			"melding met de cel waar het om gaat (bijvoorbeeld Documenten!C7), en daarna\n" +
			"een samenvatting. De termijnen worden niet getoetst; gebruik daarvoor check.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter validate verzuim.xlsx\n\n" +
			"Afsluitcode: 0 geen fouten (waarschuwingen mogen); 2 het werkboek bevat fouten,\n" +
			"kon niet worden gelezen of het commando is verkeerd gebruikt.",
		Action: func(c *ucli.Context) error {
			path, err := oneArg(c, "werkboek")
			if err != nil {
				return err
			}
			return runValidate(env, path)
		},
	}
}

func runValidate(env Env, path string) error {
	wb, err := readWorkbook(env, path)
	if err != nil {
		return err
	}
	if err := writeValidation(env.Stdout, wb); err != nil {
		return stdoutError(err)
	}
	if fouten, _ := wb.Problems.Count(); fouten > 0 {
		return silentExit(ExitInput)
	}
	return nil
}

// writeValidation writes every problem on a line of its own, then the
// summary line.
func writeValidation(w io.Writer, wb *workbook.Result) error {
	for _, p := range wb.Problems {
		if _, err := fmt.Fprintln(w, p); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, validationSummary(len(wb.Dossiers), wb.Problems))
	return err
}

// validationSummary says in one line how many dossiers were read and how
// many errors and warnings were found, e.g. "12 dossiers gelezen, 3 fouten,
// 1 waarschuwing".
func validationSummary(dossiers int, ps dossier.Problems) string {
	fouten, waarschuwingen := ps.Count()
	return fmt.Sprintf("%s gelezen, %s, %s",
		dossier.Plural(dossiers, "dossier", "dossiers"),
		dossier.Plural(fouten, "fout", "fouten"),
		dossier.Plural(waarschuwingen, "waarschuwing", "waarschuwingen"))
}
