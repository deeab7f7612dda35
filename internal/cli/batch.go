package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/batch"
	"github.com/poortwachter/poortwachter/internal/dossier"
)

func init() { commands = append(commands, batchCommand) }

// The soft memory limit while batch renders, after the workbook is read
// under the process-wide MemoryLimit, is batchMemoryLimit or
// batchMemoryPerDossier per dossier, whichever is more; the environment
// variable GOMEMLIMIT overrides both.
const (
	batchMemoryLimit      = 300 << 20
	batchMemoryPerDossier = 24 << 10
)

// renderMemoryLimit is the soft memory limit for rendering n dossiers. What
// a run keeps grows with its dossiers: the workbook (some 3-4 KB per
// dossier) and the check results kept for overzicht.xlsx (some 9 KB), 13
// KB per dossier in all, measured on 2 December 2026. Below about 12,000
// dossiers that fits under the fixed limit with room for the documents in
// the making; above it a fixed limit made the garbage collector run without
// pause (50,000 dossiers: ~20 dossiers/s instead of 50). Per dossier the
// limit leaves nearly twice what is kept.
func renderMemoryLimit(n int) int64 {
	return max(batchMemoryLimit, int64(n)*batchMemoryPerDossier)
}

// jobsPerCPU caps --jobs at this many workers per processor core.
const jobsPerCPU = 4

// ExitInterrupted is the exit status of a command stopped by Ctrl-C, as
// shells report a process ended by SIGINT; SIGTERM gives 143.
const ExitInterrupted = 130

// batchOptions are the options of poortwachter batch.
type batchOptions struct {
	Werkboek    string
	Peildatum   dossier.Date
	Output      string
	Jobs        int
	ChangedOnly bool
	Templates   string
}

func batchCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:      "batch",
		Usage:     "alle dossiers toetsen en hun documenten als PDF maken (jaarafsluiting)",
		UsageText: "batch [--peildatum DATUM] [--output MAP] [--jobs N] [--changed-only] [--templates MAP] WERKBOEK",
		Description: "Toetst elk dossier uit WERKBOEK per de peildatum (standaard vandaag) en maakt\n" +
			"de documenten, in één map per dossier:\n" +
			"  - een overzicht van het dossier (gegevens, oordeel, bevindingen, tijdlijn);\n" +
			"  - elk plan van aanpak, elke bijstelling, eerstejaarsevaluatie en elk\n" +
			"    re-integratieverslag met een datum op of voor de peildatum, elk zoals het\n" +
			"    dossier er op die datum voor stond en met die datum in de naam;\n" +
			"  - een concept (\"concept\" en de peildatum in de naam) van wat nodig is maar\n" +
			"    nog geen rij heeft: het plan van aanpak na de uiterste datum, een\n" +
			"    bijstelling na een bijgestelde probleemanalyse of overbelasting, de\n" +
			"    eerstejaarsevaluatie vanaf week 46, het re-integratieverslag vanaf week 85.\n" +
			"Een document waarvan het moment pas na het herstel zou liggen, wordt niet\n" +
			"gemaakt. In MAP komen verder overzicht.xlsx (het werkboek voor de auditor,\n" +
			"als bij check --format xlsx) en manifest.json: elk bestand met dossier,\n" +
			"document, eigen datum, of het een concept is, SHA-256, grootte, peildatum en\n" +
			"versie. Dezelfde invoer en peildatum geven steeds precies dezelfde bestanden;\n" +
			"controleer ze met 'poortwachter verify'. Een document met een eigen datum is bij\n" +
			"elke latere peildatum hetzelfde bestand.\n\n" +
			"--changed-only slaat dossiers over waarvan de gegevens, de peildatum, de versie\n" +
			"en de sjablonen niet veranderd zijn sinds het manifest in MAP, mits hun\n" +
			"bestanden nog bestaan met de vermelde grootte (de inhoud wordt dan niet\n" +
			"opnieuw gehasht; dat doet verify). Bestanden die niet (meer) in het manifest\n" +
			"staan, blijven staan maar worden niet vermeld.\n\n" +
			"Een dossier met fouten in de invoer of een mislukt document wordt gemeld en de\n" +
			"andere gaan door. Ctrl-C (of SIGTERM) stopt netjes, ook midden in een\n" +
			"sjabloon: er blijft geen half bestand achter en het manifest noemt precies de\n" +
			"voltooide bestanden; nog een Ctrl-C stopt meteen. Kan er niet worden\n" +
			"geschreven (schijf vol, map alleen-lezen, een bestand waar een map moet\n" +
			"staan), dan stopt batch op dezelfde nette manier.\n\n" +
			"Eén batch tegelijk per map: een tweede batch in dezelfde map stopt meteen en\n" +
			"noemt het proces dat er al schrijft. Wat een afgebroken batch achterliet\n" +
			"(tijdelijke bestanden, lege mappen), ruimt de volgende op.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter batch --peildatum 2026-12-31 --output jaareinde verzuim.xlsx\n" +
			"   poortwachter verify jaareinde\n\n" +
			"Afsluitcode: 0 alle dossiers gelukt; 1 minstens één dossier mislukt; 2 het\n" +
			"werkboek kon niet worden gelezen of het commando is verkeerd gebruikt; 3 de\n" +
			"uitvoer kon niet worden geschreven; 4 er schrijft al een batch in MAP;\n" +
			"130 onderbroken met Ctrl-C, 143 met SIGTERM.",
		Flags: []ucli.Flag{
			peildatumFlag(),
			&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "out", Usage: "de uitvoermap (`MAP`); wordt gemaakt als die niet bestaat"},
			&ucli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), DefaultText: "aantal processorkernen", Usage: "zoveel dossiers (`N`) tegelijk verwerken"},
			&ucli.BoolFlag{Name: "changed-only", Usage: "alleen dossiers verwerken die sinds het vorige manifest veranderd zijn"},
			templatesDirFlag(),
		},
		Action: func(c *ucli.Context) error {
			path, p, err := workbookAt(c, env)
			if err != nil {
				return err
			}
			return runBatch(c.Context, env, batchOptions{Werkboek: path, Peildatum: p,
				Output: c.String("output"), Jobs: c.Int("jobs"), ChangedOnly: c.Bool("changed-only"),
				Templates: c.String("templates")})
		},
	}
}

func runBatch(ctx context.Context, env Env, opts batchOptions) error {
	if opts.Jobs < 1 {
		return usageError("--jobs moet minstens 1 zijn, gevonden %d", opts.Jobs)
	}
	if err := needFolder("--output", opts.Output); err != nil {
		return err
	}
	// More workers than cores only add memory: each holds a document.
	if most := jobsPerCPU * runtime.NumCPU(); opts.Jobs > most {
		fmt.Fprintf(env.Stderr, "poortwachter: --jobs %d is meer dan %d keer het aantal processorkernen (%d); er worden %d gebruikt\n",
			opts.Jobs, jobsPerCPU, runtime.NumCPU(), most)
		opts.Jobs = most
	}
	loader, err := templateLoader(opts.Templates)
	if err != nil {
		return err
	}
	terminal := env.IsTerminal != nil && env.IsTerminal(env.Stderr)
	var reading *activity
	if terminal {
		reading = startActivity(env.Stderr, env.Now, opts.Werkboek+" lezen")
	}
	wb, err := readWorkbook(env, opts.Werkboek)
	if reading != nil {
		reading.Stop()
	}
	if err != nil {
		return err
	}
	// An error that belongs to no dossier (a missing sheet or column, a
	// row without a Dossiernummer) could concern any of them: render none.
	general := 0
	for _, p := range wb.Problems {
		if p.Dossier == "" && p.Ernst == dossier.Fout {
			fmt.Fprintf(env.Stderr, "%s\n", p)
			general++
		}
	}
	if general > 0 {
		return inputError("%s kan niet worden verwerkt; herstel eerst de fouten hierboven", opts.Werkboek)
	}
	var bar *progressBar
	var writing *activity
	bopts := batch.Options{Dir: opts.Output, Peildatum: opts.Peildatum, Jobs: opts.Jobs,
		ChangedOnly: opts.ChangedOnly, Version: env.build().String(), Build: env.build().Fingerprint(),
		Loader: loader, Owner: owner(env)}
	if terminal {
		bar = newProgressBar(env.Stderr, env.Now, "dossiers")
		bopts.Progress = bar.Update
		bopts.Stage = func(what string) {
			bar.Clear()
			if writing != nil {
				writing.Stop()
			}
			writing = startActivity(env.Stderr, env.Now, what)
		}
	}
	if env.Getenv("GOMEMLIMIT") == "" {
		// A soft limit makes the GC work harder only when the heap comes
		// near it. Rendering itself (1-4 MB per PDF with the fonts shared
		// between documents, see internal/thirdparty/fpdf) does not grow
		// with the run; what the run keeps does (see renderMemoryLimit).
		// Measured on 2 cores (2 Dec 2026): 1,000 dossiers peak at 131 MB,
		// 10,000 at 421 MB (616 MB and 20% faster without a limit). A limit
		// that grew with the live heap was tried and pushed 10,000 over
		// 500 MB. The GC percent stays at its default: GOGC=200 or 400
		// saved some 8% CPU at 1,000 dossiers for 40-90 MB more memory,
		// and nothing at 10,000.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(renderMemoryLimit(len(wb.Dossiers))))
	}
	sum, err := batch.Run(ctx, wb, bopts)
	if writing != nil {
		writing.Stop()
	}
	if bar != nil {
		bar.Clear()
	}
	var locked *batch.LockedError
	var we *batch.WriteError
	switch {
	case errors.As(err, &locked):
		return &exitError{code: ExitBusy, msg: err.Error()}
	case sum == nil && errors.As(err, &we):
		return &exitError{code: ExitWrite, msg: err.Error()}
	case sum == nil:
		return inputError("%v", err)
	}
	if sum.Stale != "" {
		fmt.Fprintf(env.Stderr, "poortwachter: de vergrendeling van een eerdere batch die niet netjes is gestopt (%s) is overgenomen\n", sum.Stale)
	}
	if sum.Cleaned > 0 {
		fmt.Fprintf(env.Stderr, "poortwachter: %s van een onderbroken run opgeruimd\n", dossier.Plural(sum.Cleaned, "tijdelijk bestand", "tijdelijke bestanden"))
	}
	for _, f := range sum.Failed {
		fmt.Fprintf(env.Stderr, "dossier %s mislukt: %s\n", f.Dossiernummer, f.Reden)
	}
	manifest := filepath.Join(opts.Output, batch.ManifestName)
	done := manifest + " kon niet worden geschreven"
	if sum.Manifest != nil {
		done = fmt.Sprintf("%s noemt de voltooide bestanden (%d)", manifest, len(sum.Manifest.Bestanden))
	}
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return interruptedExit(ctx, "onderbroken; "+done)
	case errors.As(err, &we):
		return &exitError{code: ExitWrite, msg: err.Error() + "; gestopt: " + done}
	case err != nil:
		return &exitError{code: ExitWrite, msg: err.Error()}
	}
	fmt.Fprintf(env.Stdout, "%s: %d verwerkt, %d ongewijzigd overgeslagen, %d mislukt; %s geschreven in %s\n",
		dossier.Plural(sum.Dossiers, "dossier", "dossiers"), sum.Rendered, sum.Reused, len(sum.Failed),
		dossier.Plural(sum.Files, "bestand", "bestanden"), opts.Output)
	if len(sum.Failed) > 0 {
		return findingsExit()
	}
	return nil
}

// owner says which process this is, for the lock on batch's output
// folder: a second run into the same folder names it.
func owner(env Env) string {
	host, err := os.Hostname()
	if err != nil {
		host = "onbekende computer"
	}
	return fmt.Sprintf("proces %d op %s, gestart %s", os.Getpid(), host, env.Now().Format("02-01-2006 15:04:05"))
}
