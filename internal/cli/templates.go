package cli

import (
	"fmt"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/document"
)

func init() { commands = append(commands, templatesCommand) }

// templatesCommand groups the commands about the document templates.
func templatesCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:  "templates",
		Usage: "de documentsjablonen beheren",
		Description: "De documenten zijn Markdown-sjablonen; 'templates export' schrijft ze naar\n" +
			"een map om de formuleringen aan te passen.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter templates export mijn-sjablonen\n\n" +
			"Afsluitcode: zie 'poortwachter templates export --help'.",
		Subcommands: []*ucli.Command{{
			Name:      "export",
			Usage:     "de ingebouwde sjablonen naar een map schrijven om ze aan te passen",
			UsageText: "templates export [--force] MAP",
			Description: "Schrijft de sjablonen van plan van aanpak, eerstejaarsevaluatie en\n" +
				"re-integratieverslag, met de uitleg README.md, naar MAP. Pas ze daar aan en\n" +
				"gebruik ze met 'poortwachter render --templates MAP'. Een sjabloon dat niet\n" +
				"in MAP staat, komt uit het programma zelf. Bestaande bestanden worden alleen\n" +
				"overschreven met --force.\n\n" +
				"Voorbeeld:\n" +
				"   poortwachter templates export mijn-sjablonen\n" +
				"   poortwachter render --templates mijn-sjablonen --dossier D-004 --document alle verzuim.xlsx\n\n" +
				"Afsluitcode: 0 geschreven; 2 een bestand bestaat al (zonder --force), kon\n" +
				"niet worden geschreven of het commando is verkeerd gebruikt.",
			Flags: []ucli.Flag{
				&ucli.BoolFlag{Name: "force", Usage: "bestaande bestanden overschrijven"},
			},
			Action: func(c *ucli.Context) error {
				dir, err := oneArg(c, "map")
				if err != nil {
					return err
				}
				return runTemplatesExport(env, dir, c.Bool("force"))
			},
		}},
	}
}

func runTemplatesExport(env Env, dir string, force bool) error {
	if err := needFolder("", dir); err != nil {
		return err
	}
	written, err := document.NewLoader("").Export(dir, force)
	for _, p := range written {
		fmt.Fprintf(env.Stdout, "geschreven: %s\n", p)
	}
	if err != nil {
		return outputError(err)
	}
	return nil
}
