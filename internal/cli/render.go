package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/batch"
	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

func init() { commands = append(commands, renderCommand) }

// renderOptions are the options of poortwachter render.
type renderOptions struct {
	Werkboek  string
	Dossier   string
	Document  string
	Peildatum dossier.Date
	Output    string
	Templates string
}

// documentAlle renders every generated document of the dossier.
const documentAlle = "alle"

func renderCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "render",
		Usage:     "de documenten van één dossier als PDF maken",
		UsageText: "render --dossier ID --document plan-van-aanpak|eerstejaarsevaluatie|re-integratieverslag|alle|overzicht [--peildatum DATUM] [--output MAP] [--templates MAP] WERKBOEK",
		Description: "Maakt de gevraagde documenten van het dossier ID uit WERKBOEK als PDF, zoals\n" +
			"batch ze per de peildatum (standaard vandaag) maakt; --document alle maakt ze alle\n" +
			"drie. Elk document staat zoals het dossier er op zijn eigen datum voor stond:\n" +
			"plan-van-aanpak maakt het plan en elke bijstelling met een datum op of voor de\n" +
			"peildatum, elk met die datum in de naam, bijvoorbeeld\n" +
			"D-011_bijstelling-plan-van-aanpak_2026-09-15.pdf. Een document dat nodig is maar\n" +
			"nog geen rij in het werkboek heeft (of dat u vraagt voordat het nodig is), wordt\n" +
			"een concept van de peildatum, bijvoorbeeld\n" +
			"D-006_bijstelling-plan-van-aanpak_concept_2026-12-31.pdf; wat ontbreekt staat\n" +
			"er zichtbaar in. --document overzicht maakt het overzicht van de toets.\n\n" +
			"Een bestand wordt eerst naast het doel geschreven en pas daarna op zijn plaats\n" +
			"gezet: bij een fout blijft er geen half bestand achter.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter render --dossier D-004 --document alle --output pdf verzuim.xlsx\n\n" +
			"Afsluitcode: 0 gelukt; 2 het werkboek kon niet worden gelezen, het dossier\n" +
			"bestaat niet of bevat fouten, een sjabloon is fout, of het commando is verkeerd\n" +
			"gebruikt.",
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "dossier", Usage: "het nummer (`ID`) van het dossier (verplicht)"},
			&ucli.StringFlag{Name: "document", Usage: "welk `DOCUMENT`: plan-van-aanpak, eerstejaarsevaluatie, re-integratieverslag, alle of overzicht (verplicht)"},
			peildatumFlag(),
			&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: ".", Usage: "de `MAP` voor de PDF's; wordt gemaakt als die niet bestaat"},
			templatesDirFlag(),
		},
		Action: func(c *ucli.Context) error {
			path, p, err := workbookAt(c, env)
			if err != nil {
				return err
			}
			return runRender(c, env, renderOptions{Werkboek: path, Dossier: c.String("dossier"),
				Document: c.String("document"), Peildatum: p, Output: c.String("output"),
				Templates: c.String("templates")})
		},
	}
}

// templatesDirFlag is the --templates option of render and batch.
func templatesDirFlag() ucli.Flag {
	return &ucli.StringFlag{Name: "templates", Usage: "sjablonen uit deze `MAP` gebruiken (zie 'poortwachter templates export'); wat er niet in staat, komt uit het programma"}
}

// templateLoader returns the loader for --templates dir, after checking
// that dir is a folder.
func templateLoader(dir string) (*document.Loader, error) {
	if dir != "" {
		fi, err := os.Stat(dir)
		if err != nil || !fi.IsDir() {
			return nil, usageError("--templates %s: geen map met sjablonen", dir)
		}
	}
	return document.NewLoader(dir), nil
}

// documentNames lists what --document accepts.
func documentNames() string {
	var names []string
	for _, k := range document.Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(append(names, documentAlle, batch.DocOverzicht), ", ")
}

func runRender(c *ucli.Context, env Env, opts renderOptions) error {
	if opts.Dossier == "" {
		return usageError("--dossier ontbreekt; gebruik: poortwachter %s", c.Command.UsageText)
	}
	var kinds []document.Kind
	overzicht := false
	switch d := strings.ToLower(strings.TrimSpace(opts.Document)); {
	case d == "":
		return usageError("--document ontbreekt; kies uit %s", documentNames())
	case d == documentAlle:
		kinds = document.Kinds()
	case d == batch.DocOverzicht:
		overzicht = true
	default:
		k, ok := document.ParseKind(d)
		if !ok {
			return usageError("onbekend document %q; kies uit %s", opts.Document, documentNames())
		}
		kinds = []document.Kind{k}
	}
	if err := needFolder("--output", opts.Output); err != nil {
		return err
	}
	loader, err := templateLoader(opts.Templates)
	if err != nil {
		return err
	}
	wb, err := readWorkbook(env, opts.Werkboek)
	if err != nil {
		return err
	}
	var d *dossier.Dossier
	nummers := make([]string, len(wb.Dossiers))
	for i, x := range wb.Dossiers {
		nummers[i] = x.Nummer
		if x.Nummer == opts.Dossier {
			d = x
		}
	}
	if d == nil {
		return inputError("dossier %q staat niet in %s", opts.Dossier, opts.Werkboek)
	}
	if wb.Problems.HasErrorFor(d.Nummer) {
		for _, p := range wb.Problems {
			if p.Dossier == d.Nummer && p.Ernst == dossier.Fout {
				fmt.Fprintf(env.Stderr, "%s\n", p)
			}
		}
		return inputError("dossier %s bevat fouten in de invoer; herstel die eerst", d.Nummer)
	}
	if err := os.MkdirAll(opts.Output, 0o755); err != nil {
		return outputError(&batch.WriteError{Path: opts.Output, Dir: true, Err: err})
	}
	name := batch.Names(nummers)[d.Nummer]
	p := opts.Peildatum
	written := func(path string, render func(io.Writer) error) error {
		if _, err := batch.WriteAtomic(c.Context, path, render); err != nil {
			if c.Context.Err() != nil {
				return interruptedExit(c.Context, "onderbroken; "+path+" is niet geschreven")
			}
			return outputError(err)
		}
		fmt.Fprintf(env.Stdout, "geschreven: %s\n", path)
		return nil
	}
	if overzicht {
		path := filepath.Join(opts.Output, batch.FileName(name, batch.OverzichtBase(p)))
		return written(path, func(w io.Writer) error {
			return batch.RenderOverzicht(c.Context, w, rules.Check(d, p), env.build().String())
		})
	}
	// Every document of the kinds asked for that batch would make: each
	// version of the plan up to the peildatum, as of its own date, and the
	// concepts of what is due; a kind with none gets a concept anyway.
	all := rules.Stukken(d, p)
	var stukken []rules.Stuk
	for _, k := range kinds {
		of := document.StukkenOf(all, k)
		if len(of) == 0 {
			of = []rules.Stuk{document.Concept(k, p)}
		}
		stukken = append(stukken, of...)
	}
	if err := loader.ParseAll(); err != nil {
		return inputError("%v", err)
	}
	for i, base := range batch.Bases(stukken) {
		s := stukken[i]
		path := filepath.Join(opts.Output, batch.FileName(name, base))
		if err := written(path, func(w io.Writer) error { return batch.RenderStuk(c.Context, w, d, s, env.build().String(), loader) }); err != nil {
			return err
		}
	}
	return nil
}
