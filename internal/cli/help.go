package cli

import (
	"fmt"
	"strings"

	ucli "github.com/urfave/cli/v2"
)

// appDescription is the top of 'poortwachter --help': where to start, and
// the exit codes every command shares.
const appDescription = "Toetst verzuimdossiers uit een Excel-werkboek aan de Wet verbetering\n" +
	"poortwachter en maakt de documenten op.\n\n" +
	"Voorbeeld: een werkboek om mee te beginnen, toetsen, en wat er moet gebeuren:\n" +
	"   poortwachter workbook new verzuim.xlsx\n" +
	"   poortwachter check verzuim.xlsx\n" +
	"   poortwachter agenda verzuim.xlsx\n\n" +
	"Afsluitcode: 0 alles in orde; 1 de invoer is gelezen en er klopt iets niet\n" +
	"(zie per commando); 2 de invoer kon niet worden gelezen, bevat fouten of het\n" +
	"commando is verkeerd gebruikt."

// helpCommand is 'poortwachter help [COMMANDO]': the same text as --help,
// for those who type it the other way round.
func helpCommand(Env) *ucli.Command {
	return &ucli.Command{
		Name:      "help",
		Usage:     "hulp bij poortwachter of bij één commando tonen",
		UsageText: "help [COMMANDO [SUBCOMMANDO]]",
		Description: "Toont dezelfde hulptekst als --help.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter help check\n" +
			"   poortwachter help workbook new\n\n" +
			"Afsluitcode: 0 gelukt; 2 onbekend commando.",
		Action: func(c *ucli.Context) error {
			if c.NArg() == 0 {
				return ucli.ShowAppHelp(c)
			}
			cmds, path := c.App.Commands, ""
			for _, name := range c.Args().Slice() {
				next := findCommand(cmds, name)
				if next == nil {
					return unknownCommand(name, path, cmds)
				}
				cmds, path = next.Subcommands, strings.TrimSpace(path+" "+name)
			}
			// Run the tool again as "COMMANDO --help", so both ways give
			// the very same text.
			return c.App.RunContext(c.Context, append(append([]string{c.App.Name}, c.Args().Slice()...), "--help"))
		},
	}
}

// versionCommand is 'poortwachter version': --version's line, then the
// revision the program was built from and the Go version.
func versionCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "version",
		Usage:     "de versie van poortwachter tonen, met de revisie waaruit het is gebouwd",
		UsageText: "version",
		Description: "Toont de versie (die ook in het manifest en in de PDF's staat), de\n" +
			"revisie en het tijdstip van de vastlegging waaruit het programma is gebouwd,\n" +
			"of er niet vastgelegde wijzigingen in zaten, en de Go-versie.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter version\n\n" +
			"Afsluitcode: 0.",
		Action: func(c *ucli.Context) error {
			writeVersion(env.Stdout, env.build())
			return nil
		},
	}
}

// Dutch help texts: urfave/cli's templates are English, and everything a
// user reads is Dutch.
func init() {
	ucli.AppHelpTemplate = `NAAM:
   {{template "helpNameTemplate" .}}

GEBRUIK:
   {{.HelpName}} [algemene opties] commando [opties] [argumenten]{{if .Version}}

VERSIE:
   {{.Version}}{{end}}{{if .Description}}

BESCHRIJVING:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

COMMANDO'S:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

ALGEMENE OPTIES:{{template "visibleFlagTemplate" .}}{{end}}

Meer over een commando: {{.HelpName}} COMMANDO --help
`
	ucli.CommandHelpTemplate = `NAAM:
   {{template "helpNameTemplate" .}}

GEBRUIK:
   {{if .UsageText}}poortwachter {{wrap .UsageText 3}}{{else}}{{template "usageTemplate" .}}{{end}}{{if .Description}}

BESCHRIJVING:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleFlags}}

OPTIES:{{template "visibleFlagTemplate" .}}{{end}}
`
	ucli.SubcommandHelpTemplate = `NAAM:
   {{template "helpNameTemplate" .}}

GEBRUIK:
   {{if .UsageText}}poortwachter {{wrap .UsageText 3}}{{else}}{{.HelpName}} COMMANDO [opties]{{end}}{{if .Description}}

BESCHRIJVING:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

COMMANDO'S:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

OPTIES:{{template "visibleFlagTemplate" .}}{{end}}
`
	ucli.HelpFlag = &ucli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "deze hulptekst tonen"}
	ucli.VersionFlag = &ucli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "de versie tonen"}
	ucli.VersionPrinter = func(c *ucli.Context) {
		fmt.Fprintf(c.App.Writer, "%s versie %s\n", c.App.Name, c.App.Version)
	}
	english := ucli.FlagStringer
	ucli.FlagStringer = func(f ucli.Flag) string {
		s := strings.Replace(english(f), "(default: ", "(standaard: ", 1)
		s = strings.TrimSuffix(s, " (standaard: false)")
		return strings.ReplaceAll(s, " value", " WAARDE")
	}
}
