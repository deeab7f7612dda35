package cli

import (
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/poortwachter/poortwachter/internal/workbook/workbooktest"
)

// update makes golden tests rewrite their expectations; for testscripts, the
// cmp files inside the txtar archives.
var update = flag.Bool("update", false, "rewrite golden files and testscript expectations")

// testNow is the fixed clock of every end-to-end test: the peildatum that
// "make run" uses, so output does not depend on the day the tests run.
var testNow = time.Date(2026, time.December, 31, 12, 0, 0, 0, time.UTC)

// TestMain lets testscripts (and the process tests) run the tool as the
// command "poortwachter", in a subprocess, with the fixed clock, no
// terminal and the signal handling of Main.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"poortwachter": func() {
			env := Env{
				Stdin:      os.Stdin,
				Stdout:     os.Stdout,
				Stderr:     os.Stderr,
				Getenv:     os.Getenv,
				Now:        func() time.Time { return testNow },
				IsTerminal: func(io.Writer) bool { return false },
				Build:      readBuild(),
			}
			ctx, stop := SignalContext()
			code := Run(ctx, env, os.Args)
			stop()
			os.Exit(code)
		},
	})
}

// TestScripts runs testdata/*.txtar. Besides the poortwachter command,
// scripts have:
//
//	mkxlsx SPEC OUT        build the workbook described by file SPEC (the
//	                       workbooktest format) and write it to OUT
//	exits CODE CMD ARGS... run CMD like exec and require exit status CODE
//	                       (exec and ! exec only tell zero from non-zero)
//
// and the variables $FIXTURES (the repository's fixtures/ folder) and
// $CASES (the workbook reader's test cases, internal/workbook/testdata/cases),
// so a script can use "mkxlsx $CASES/bad-date.txt bad.xlsx".
func TestScripts(t *testing.T) {
	fixtures, err := filepath.Abs("../../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := filepath.Abs("../workbook/testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("FIXTURES", fixtures)
			e.Setenv("CASES", cases)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkxlsx": cmdMkxlsx,
			"exits":  cmdExits,
		},
	})
}

func cmdMkxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkxlsx SPEC OUT")
	}
	spec, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	data, err := workbooktest.Build(string(spec))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o666))
}

func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE CMD [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}
