package cli

import (
	ucli "github.com/urfave/cli/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/report"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// peildatumFlag is the --peildatum option shared by the commands that check
// dossiers (check, timeline, render, batch); read it with peildatum.
func peildatumFlag() ucli.Flag {
	return &ucli.StringFlag{
		Name:        "peildatum",
		Usage:       "toetsen per deze `DATUM` (jjjj-mm-dd of dd-mm-jjjj)",
		DefaultText: "vandaag",
	}
}

// peildatum returns the --peildatum of c, or today from env's clock when it
// is not given. The clock is read here, once, so every dossier of a run is
// checked at the same date.
func peildatum(c *ucli.Context, env Env) (dossier.Date, error) {
	s := c.String("peildatum")
	if s == "" {
		return dossier.DateOf(env.Now()), nil
	}
	d, err := dossier.ParseDate(s)
	if err != nil {
		return dossier.Date{}, usageError("--peildatum: %v", err)
	}
	return d, nil
}

// workbookAt returns the one WERKBOEK argument and the peildatum of a
// command that checks a workbook (check, timeline, render, batch).
func workbookAt(c *ucli.Context, env Env) (string, dossier.Date, error) {
	path, err := oneArg(c, "werkboek")
	if err != nil {
		return "", dossier.Date{}, err
	}
	p, err := peildatum(c, env)
	return path, p, err
}

// readWorkbook reads the input workbook within the limits (raised by the
// environment, see workbookLimits); a file that is no readable workbook is
// an input error (exit 2) with the reader's Dutch message.
func readWorkbook(env Env, path string) (*workbook.Result, error) {
	limits, err := workbookLimits(env)
	if err != nil {
		return nil, err
	}
	wb, err := workbook.ReadFileLimits(path, limits)
	if err != nil {
		return nil, inputError("%v", err)
	}
	return wb, nil
}

// workbookLimits returns the reader's limits, each raised (or lowered) by
// its environment variable when set.
func workbookLimits(env Env) (workbook.Limits, error) {
	l := workbook.DefaultLimits
	for _, v := range []struct {
		name string
		to   *int64
	}{
		{workbook.EnvMaxFile, &l.File},
		{workbook.EnvMaxUnzipped, &l.Unzipped},
		{workbook.EnvMaxRatio, &l.Ratio},
	} {
		s := ""
		if env.Getenv != nil {
			s = env.Getenv(v.name)
		}
		if s == "" {
			continue
		}
		n, err := workbook.ParseSize(s)
		if err != nil {
			return l, usageError("%s: %v", v.name, err)
		}
		*v.to = n
	}
	return l, nil
}

// herinneringFlag is the --herinnering option of the commands that write
// a calendar (agenda, timeline); read it with herinneringDagen.
func herinneringFlag() ucli.Flag {
	return &ucli.IntFlag{
		Name:  "herinnering",
		Value: report.DefaultHerinnering,
		Usage: "in de agenda een herinnering zoveel werkdagen (`DAGEN`) voor de uiterste datum, om 9.00 uur; 0 is op de dag zelf",
	}
}

// herinneringDagen returns --herinnering of c: a number of working days,
// 0 or more.
func herinneringDagen(c *ucli.Context) (int, error) {
	n := c.Int("herinnering")
	if n < 0 {
		return 0, usageError("--herinnering moet 0 of meer werkdagen zijn, gevonden %d", n)
	}
	return n, nil
}
