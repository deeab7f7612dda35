package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/batch"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/errmsg"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

func init() { commands = append(commands, workbookCommand) }

// workbookCommand groups the commands about the input workbook.
func workbookCommand(env Env) *ucli.Command {
	return &ucli.Command{
		Name:  "workbook",
		Usage: "het invoerwerkboek beheren",
		Description: "'workbook new' schrijft een leeg invoerwerkboek met één voorbeelddossier.\n\n" +
			"Voorbeeld:\n" +
			"   poortwachter workbook new verzuim.xlsx\n\n" +
			"Afsluitcode: zie 'poortwachter workbook new --help'.",
		Subcommands: []*ucli.Command{{
			Name:      "new",
			Usage:     "een leeg invoerwerkboek met een voorbeelddossier schrijven",
			UsageText: "workbook new [--peildatum DATUM] [--force] BESTAND",
			Description: "Schrijft een Excel-werkboek (.xlsx) met de tabbladen en kolommen die\n" +
				"poortwachter leest: Dossiers, Ziekteperiodes, Documenten, Activiteiten en\n" +
				"Sollicitaties. Elke kolomkop heeft een opmerking met uitleg, keuzelijsten\n" +
				"helpen bij Soort, Spoor, Status, Reden einde en Ja/Nee, en één\n" +
				"voorbeelddossier laat zien hoe het werkboek wordt ingevuld. Vervang het\n" +
				"voorbeeld door uw eigen dossiers.\n\n" +
				"De datums van het voorbeeld liggen rond de peildatum (standaard vandaag): op\n" +
				"die dag is de werknemer ruim een jaar ziek, loopt spoor 2 en is het dossier\n" +
				"compleet, zodat 'poortwachter check' en 'poortwachter agenda' meteen iets\n" +
				"zinnigs laten zien. Met dezelfde --peildatum is het bestand byte voor byte\n" +
				"hetzelfde. Een bestaand bestand wordt alleen overschreven met --force.\n\n" +
				"Voorbeeld:\n" +
				"   poortwachter workbook new verzuim.xlsx\n" +
				"   poortwachter check verzuim.xlsx\n\n" +
				"Afsluitcode: 0 geschreven; 2 het bestand bestaat al (zonder --force), kon\n" +
				"niet worden geschreven of het commando is verkeerd gebruikt.",
			Flags: []ucli.Flag{
				&ucli.StringFlag{Name: "peildatum", DefaultText: "vandaag",
					Usage: "het voorbeelddossier dateren rond deze `DATUM` (jjjj-mm-dd of dd-mm-jjjj)"},
				&ucli.BoolFlag{Name: "force", Usage: "een bestaand bestand overschrijven"},
			},
			Action: func(c *ucli.Context) error {
				path, err := oneArg(c, "bestand")
				if err != nil {
					return err
				}
				p, err := peildatum(c, env)
				if err != nil {
					return err
				}
				return runWorkbookNew(env, path, p, c.Bool("force"))
			},
		}},
	}
}

func runWorkbookNew(env Env, path string, p dossier.Date, force bool) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return usageError("%s: de bestandsnaam moet eindigen op .xlsx", path)
	}
	if err := needFile(path); err != nil {
		return err
	}
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return usageError("%s bestaat al; gebruik --force om het te overschrijven", path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return inputError("%s kan niet worden gelezen: %s", path, errmsg.System(err))
		}
	}
	var buf bytes.Buffer
	if err := workbook.WriteTemplate(&buf, p); err != nil {
		return errmsg.Wrap(err, "het werkboek kan niet worden gemaakt: %s", errmsg.System(err))
	}
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return outputError(err)
	}
	fmt.Fprintf(env.Stdout, "geschreven: %s\n", path)
	return nil
}

// writeFileAtomic writes data to path through batch.WriteAtomic (a
// temporary file next to path, renamed into place), so a reader never sees
// half a file and a failed write leaves any earlier file intact. A missing
// folder, or a folder where the file should go, is named in Dutch before
// any writing starts (needFile).
func writeFileAtomic(path string, data []byte) error {
	if err := needFile(path); err != nil {
		return err
	}
	_, err := batch.WriteAtomic(context.Background(), path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return err
}
