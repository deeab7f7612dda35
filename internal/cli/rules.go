package cli

import (
	"fmt"
	"text/tabwriter"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/rules"
)

func init() { commands = append(commands, rulesCommand) }

func rulesCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "rules",
		Usage:     "de regelcatalogus tonen: elke regel met ernst, termijn en wettelijke bron",
		UsageText: "rules [--markdown]",
		Description: "Toont de regels waaraan een dossier wordt getoetst, in de volgorde\n" +
			"van de uitkomst van 'check'. Met --markdown volgt de volledige uitleg\n" +
			"als Markdown (dezelfde tekst als docs/rules.md).\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter rules\n" +
			"   poortwachter rules --markdown > regels.md\n\n" +
			"Afsluitcode: 0 gelukt; 2 het commando is verkeerd gebruikt.",
		Flags: []ucli.Flag{
			&ucli.BoolFlag{Name: "markdown", Usage: "de uitleg als Markdown schrijven"},
		},
		Action: func(c *ucli.Context) error {
			if c.NArg() > 0 {
				return usageError("rules verwacht geen argumenten, gevonden %q; gebruik: poortwachter %s", c.Args().First(), c.Command.UsageText)
			}
			if c.Bool("markdown") {
				return rules.Markdown(env.Stdout)
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 8, 2, ' ', 0)
			fmt.Fprintln(tw, "REGEL\tERNST\tTERMIJN\tBRON")
			for _, r := range rules.Catalogue() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Ernst, r.Termijn, r.Bron)
			}
			return tw.Flush()
		},
	}
}
