package cli

import (
	"strings"

	ucli "github.com/urfave/cli/v2"
)

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
   {{template "usageTemplate" .}}{{if .Description}}

BESCHRIJVING:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleFlags}}

OPTIES:{{template "visibleFlagTemplate" .}}{{end}}
`
	ucli.SubcommandHelpTemplate = `NAAM:
   {{template "helpNameTemplate" .}}

GEBRUIK:
   {{if .UsageText}}{{wrap .UsageText 3}}{{else}}{{.HelpName}} COMMANDO [opties]{{end}}{{if .Description}}

BESCHRIJVING:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

COMMANDO'S:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

OPTIES:{{template "visibleFlagTemplate" .}}{{end}}
`
	ucli.HelpFlag = &ucli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "deze hulptekst tonen"}
	ucli.VersionFlag = &ucli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "de versie tonen"}
	english := ucli.FlagStringer
	ucli.FlagStringer = func(f ucli.Flag) string {
		s := strings.Replace(english(f), "(default: ", "(standaard: ", 1)
		s = strings.TrimSuffix(s, " (standaard: false)")
		return strings.ReplaceAll(s, " value", " WAARDE")
	}
}
