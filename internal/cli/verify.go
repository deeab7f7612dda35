package cli

import (
	"errors"
	"fmt"
	"runtime"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/batch"
	"github.com/poortwachter/poortwachter/internal/dossier"
)

func init() { commands = append(commands, verifyCommand) }

func verifyCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "verify",
		Usage:     "de uitvoer van batch controleren tegen het manifest",
		UsageText: "verify MAP",
		Description: "Leest MAP/manifest.json, berekent van elk vermeld bestand opnieuw de SHA-256\n" +
			"en meldt, één per regel, welke bestanden ontbreken, gewijzigd zijn (andere\n" +
			"grootte of inhoud) of extra zijn (wel in MAP, niet in het manifest), met een\n" +
			"samenvatting. Een tijdelijk bestand van een onderbroken (of nog lopende)\n" +
			"batch wordt als zodanig genoemd en telt niet als verschil; de volgende batch\n" +
			"ruimt het op.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter verify jaareinde\n\n" +
			"Afsluitcode: 0 alles klopt; 1 minstens één verschil; 2 geen leesbaar manifest.",
		Action: func(c *ucli.Context) error {
			dir, err := oneArg(c, "map")
			if err != nil {
				return err
			}
			return runVerify(env, dir)
		},
	}
}

func runVerify(env Env, dir string) error {
	if err := needFolder("", dir); err != nil {
		return err
	}
	res, err := batch.Verify(dir, runtime.NumCPU())
	if err != nil {
		if errors.Is(err, batch.ErrNoManifest) {
			return inputError("%v; is MAP de uitvoermap van 'poortwachter batch'?", err)
		}
		return inputError("%v", err)
	}
	counts := map[batch.DiffKind]int{}
	for _, d := range res.Differences {
		counts[d.Kind]++
		switch d.Kind {
		case batch.Ontbreekt:
			fmt.Fprintf(env.Stdout, "ontbreekt: %s\n", d.Pad)
		case batch.Extra:
			fmt.Fprintf(env.Stdout, "extra:     %s (niet in het manifest)\n", d.Pad)
		case batch.Tijdelijk:
			fmt.Fprintf(env.Stdout, "tijdelijk: %s (van een onderbroken of nog lopende batch; de volgende batch ruimt het op)\n", d.Pad)
		case batch.Gewijzigd:
			switch {
			case d.GotSize < 0:
				fmt.Fprintf(env.Stdout, "gewijzigd: %s (kan niet worden gelezen)\n", d.Pad)
			case d.GotSize != d.WantSize:
				fmt.Fprintf(env.Stdout, "gewijzigd: %s (%d bytes, verwacht %d)\n", d.Pad, d.GotSize, d.WantSize)
			default:
				fmt.Fprintf(env.Stdout, "gewijzigd: %s (inhoud wijkt af)\n", d.Pad)
			}
		}
	}
	ok := res.Checked - counts[batch.Ontbreekt] - counts[batch.Gewijzigd]
	summary := fmt.Sprintf("%s gecontroleerd (peildatum %s, versie %s): %d in orde",
		dossier.Plural(res.Checked, "bestand", "bestanden"), res.Manifest.Peildatum, res.Manifest.Versie, ok)
	var parts []string
	if n := counts[batch.Ontbreekt]; n > 0 {
		parts = append(parts, dossier.Plural(n, "ontbreekt", "ontbreken"))
	}
	if n := counts[batch.Gewijzigd]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d gewijzigd", n))
	}
	if n := counts[batch.Extra]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d extra", n))
	}
	if n := counts[batch.Tijdelijk]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d tijdelijk", n))
	}
	if len(parts) > 0 {
		summary += ", " + strings.Join(parts, ", ")
	}
	fmt.Fprintln(env.Stdout, summary+".")
	if res.Differ() {
		return findingsExit()
	}
	return nil
}
