package cli

import (
	"strings"
	"testing"

	ucli "github.com/urfave/cli/v2"
)

// TestEveryHelp: the help of the tool and of every command, subcommands
// included, has an example and its exit codes, names option values by
// what they are (DATUM, ID, BESTAND, MAP, N) and holds no English from
// urfave/cli.
func TestEveryHelp(t *testing.T) {
	var paths [][]string
	var walk func(prefix []string, cmds []*ucli.Command)
	walk = func(prefix []string, cmds []*ucli.Command) {
		for _, c := range cmds {
			p := append(append([]string{}, prefix...), c.Name)
			paths = append(paths, p)
			walk(p, c.Subcommands)
		}
	}
	walk(nil, newApp(Env{}).Commands)
	paths = append(paths, nil) // the tool itself
	for _, p := range paths {
		name := strings.Join(append([]string{"poortwachter"}, p...), " ")
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runIn(false, func(string) string { return "" }, append(p, "--help")...)
			if code != ExitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, want := range []string{"Voorbeeld", "Afsluitcode"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("no %q in:\n%s", want, stdout)
				}
			}
			for _, bad := range []string{"WAARDE", "value", "Shows a list", "USAGE", "OPTIONS", "default:"} {
				if strings.Contains(stdout, bad) {
					t.Errorf("%q in:\n%s", bad, stdout)
				}
			}
			// "help COMMANDO" gives the same text as "COMMANDO --help".
			if len(p) > 0 {
				_, viaHelp, _ := runIn(false, func(string) string { return "" }, append([]string{"help"}, p...)...)
				if viaHelp != stdout {
					t.Errorf("help %s differs from %s --help:\n%s", strings.Join(p, " "), strings.Join(p, " "), viaHelp)
				}
			}
		})
	}
}
