package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/rules"
)

func TestRulesCommand(t *testing.T) {
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
			Now: func() time.Time { return time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC) }}
		code := Run(context.Background(), env, append([]string{"poortwachter"}, args...))
		return code, out.String(), errb.String()
	}

	t.Run("table", func(t *testing.T) {
		code, out, errs := run("rules")
		if code != ExitOK || errs != "" {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		cat := rules.Catalogue()
		if len(lines) != len(cat)+1 {
			t.Fatalf("got %d lines, want a header and %d rules:\n%s", len(lines), len(cat), out)
		}
		if f := strings.Fields(lines[0]); strings.Join(f, " ") != "REGEL ERNST TERMIJN BRON" {
			t.Errorf("header = %q", lines[0])
		}
		// Every column starts at the same rune offset on every line.
		col := func(line, field string) int { return utf8.RuneCountInString(line[:strings.Index(line, field)]) }
		ernstCol, termijnCol := col(lines[0], "ERNST"), col(lines[0], "TERMIJN")
		for i, r := range cat {
			line := lines[i+1]
			if !strings.HasPrefix(line, r.ID+" ") {
				t.Errorf("line %d = %q, want rule %s first", i+1, line, r.ID)
				continue
			}
			if got := col(line, " "+string(r.Ernst)+" ") + 1; got != ernstCol {
				t.Errorf("%s: ernst at column %d, want %d", r.ID, got, ernstCol)
			}
			if got := col(line, r.Termijn); got != termijnCol {
				t.Errorf("%s: termijn at column %d, want %d", r.ID, got, termijnCol)
			}
			if !strings.HasSuffix(line, r.Bron) {
				t.Errorf("%s: line does not end with the bron: %q", r.ID, line)
			}
		}
	})

	t.Run("markdown", func(t *testing.T) {
		code, out, errs := run("rules", "--markdown")
		var want bytes.Buffer
		if err := rules.Markdown(&want); err != nil {
			t.Fatal(err)
		}
		if code != ExitOK || errs != "" || out != want.String() {
			t.Errorf("exit %d, stderr %q, output equal to rules.Markdown: %v", code, errs, out == want.String())
		}
	})

	t.Run("no arguments", func(t *testing.T) {
		code, out, errs := run("rules", "probleemanalyse")
		if code != ExitInput || out != "" || !strings.Contains(errs, "verwacht geen argumenten") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
	})
}
