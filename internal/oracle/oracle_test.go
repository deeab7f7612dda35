// Package oracle holds an independent reference implementation of the rule
// catalogue (oracle.py, Python with openpyxl), written from
// shared/poortwachter.md and shared/workbook.md without reading the Go code,
// and the differential test that holds `poortwachter check --format json` to
// it: the example workbook as written by this project, by LibreOffice, by
// openpyxl, in the 1904 date system and as an HR export with title rows and
// shuffled, odd-cased headers, and randomly generated workbooks whose dates
// cluster around the deadlines. The oracle reads the workbooks itself, so
// the reader is checked too. Where the spec left room, both sides document
// their reading (oracle.py's "Readings of the spec", docs/rules.md).
package oracle

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/cli"
	"github.com/poortwachter/poortwachter/internal/testtool"
)

// python returns a Python 3 that has openpyxl. Without one the test is
// skipped on a developer's machine and fails in CI, where .ci/run installs
// Debian's python3-openpyxl.
func python(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	testtool.Missing(t, "no python3 with openpyxl (apt-get install python3-openpyxl)")
	return ""
}

// check is the contract of poortwachter.md, the fields both sides give.
type check struct {
	Peildatum string `json:"peildatum"`
	Dossiers  []struct {
		Nummer          string  `json:"dossiernummer"`
		EersteZiektedag string  `json:"eerste_ziektedag"`
		EindeWachttijd  string  `json:"einde_wachttijd"`
		Oordeel         string  `json:"oordeel"`
		Bevindingen     []found `json:"bevindingen"`
	} `json:"dossiers"`
}

type found struct {
	Regel         string  `json:"regel"`
	Ernst         string  `json:"ernst"`
	Status        string  `json:"status"`
	UitersteDatum *string `json:"uiterste_datum"`
	Datum         *string `json:"datum"`
}

func (f found) String() string {
	s := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	return fmt.Sprintf("%s %s, uiterste datum %s, datum %s", f.Ernst, f.Status, s(f.UitersteDatum), s(f.Datum))
}

func runOracle(t *testing.T, py, workbook, peildatum string) check {
	t.Helper()
	cmd := exec.Command(py, "oracle.py", "--peildatum", peildatum, workbook)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle on %s: %v\n%s", workbook, err, stderr.String())
	}
	var c check
	if err := json.Unmarshal(out, &c); err != nil {
		t.Fatalf("oracle output: %v", err)
	}
	return c
}

func runCheck(t *testing.T, workbook, peildatum string) check {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := cli.Env{
		Stdout: &stdout, Stderr: &stderr,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC) },
		IsTerminal: func(io.Writer) bool { return false },
	}
	code := cli.Run(context.Background(), env, []string{"poortwachter", "check", "--peildatum", peildatum, "--format", "json", workbook})
	if code != cli.ExitOK && code != cli.ExitFindings && stdout.Len() == 0 {
		t.Fatalf("check %s: exit %d\n%s", workbook, code, stderr.String())
	}
	var c check
	if err := json.Unmarshal(stdout.Bytes(), &c); err != nil {
		t.Fatalf("check output: %v\n%s", err, stderr.String())
	}
	return c
}

// compare reports every difference between the oracle and the check: the
// dossiers checked (both leave out the dossiers with input errors), their
// key dates and verdicts, and every finding. It returns the number of
// findings compared.
func compare(t *testing.T, name string, want, got check) int {
	t.Helper()
	if want.Peildatum != got.Peildatum {
		t.Errorf("%s: peildatum %s, oracle %s", name, got.Peildatum, want.Peildatum)
	}
	ids := func(c check) string {
		var s []string
		for _, d := range c.Dossiers {
			s = append(s, d.Nummer)
		}
		return strings.Join(s, " ")
	}
	if ids(want) != ids(got) {
		t.Errorf("%s: the check has dossiers\n  %s\nthe oracle\n  %s", name, ids(got), ids(want))
		return 0
	}
	n, diffs := 0, 0
	for i, w := range want.Dossiers {
		g := got.Dossiers[i]
		if w.EersteZiektedag != g.EersteZiektedag || w.EindeWachttijd != g.EindeWachttijd || w.Oordeel != g.Oordeel {
			t.Errorf("%s %s: eerste ziektedag %s, einde wachttijd %s, oordeel %s; oracle %s, %s, %s", name, w.Nummer,
				g.EersteZiektedag, g.EindeWachttijd, g.Oordeel, w.EersteZiektedag, w.EindeWachttijd, w.Oordeel)
		}
		if len(w.Bevindingen) != len(g.Bevindingen) {
			t.Errorf("%s %s: %d findings, oracle %d", name, w.Nummer, len(g.Bevindingen), len(w.Bevindingen))
			continue
		}
		for j, wf := range w.Bevindingen {
			gf := g.Bevindingen[j]
			n++
			if wf.Regel != gf.Regel || wf.String() != gf.String() {
				if diffs++; diffs <= 20 {
					t.Errorf("%s %s %s: %s\n\toracle %s: %s", name, w.Nummer, gf.Regel, gf, wf.Regel, wf)
				}
			}
		}
	}
	if diffs > 20 {
		t.Errorf("%s: %d differences in all", name, diffs)
	}
	return n
}

// TestOracle compares the check with the oracle on the example workbook in
// every form other programs write it, at the example's peildatum and at two
// earlier ones.
func TestOracle(t *testing.T) {
	py := python(t)
	for _, f := range []string{"voorbeeld", "voorbeeld-1904", "voorbeeld-libreoffice", "voorbeeld-openpyxl", "voorbeeld-export"} {
		for _, p := range []string{"2026-12-31", "2026-06-30", "2025-10-01"} {
			t.Run(f+"/"+p, func(t *testing.T) {
				t.Parallel()
				wb := filepath.Join("..", "..", "fixtures", f+".xlsx")
				n := compare(t, f, runOracle(t, py, wb, p), runCheck(t, wb, p))
				if n != 11*19 {
					t.Errorf("compared %d findings, want 11 dossiers x 19 rules", n)
				}
			})
		}
	}
}

// TestOracleGenerated compares the check with the oracle on workbooks full
// of boundary cases (fuzz_workbook.py: dates around every deadline, the
// substance rules' triggers, closing reasons and stretches of 41 to 44
// days, dates written in every allowed form; one workbook with input
// errors), each at several peildatums.
func TestOracleGenerated(t *testing.T) {
	py := python(t)
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	for _, seed := range []string{"1", "2", "3"} {
		wb := filepath.Join(dir, "fuzz-"+seed+".xlsx")
		args := []string{"fuzz_workbook.py", "-n", "200", "--seed", seed}
		if seed == "3" {
			args = append(args, "--errors")
		}
		if out, err := exec.Command(py, append(args, wb)...).CombinedOutput(); err != nil {
			t.Fatalf("fuzz_workbook.py: %v\n%s", err, out)
		}
		for _, p := range []string{"2024-09-15", "2025-06-30", "2026-12-31"} {
			t.Run("seed "+seed+" op "+p, func(t *testing.T) {
				t.Parallel()
				n := compare(t, "seed "+seed+" op "+p, runOracle(t, py, wb, p), runCheck(t, wb, p))
				if n < 150*19 {
					t.Errorf("compared only %d findings", n)
				}
			})
		}
	}
}

// TestOracleSelfTest runs the oracle's own boundary tests (test_oracle.py).
func TestOracleSelfTest(t *testing.T) {
	py := python(t)
	if out, err := exec.Command(py, "-m", "unittest", "-q", "test_oracle").CombinedOutput(); err != nil {
		t.Fatalf("test_oracle.py: %v\n%s", err, out)
	}
}
