package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runWide runs the tool in-process like runIn, on a terminal of width
// columns (0: no terminal).
func runWide(width int, getenv func(string) string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: getenv,
		Now:           func() time.Time { return testNow },
		IsTerminal:    func(io.Writer) bool { return width > 0 },
		TerminalWidth: func(io.Writer) int { return width }}
	code := Run(context.Background(), env, append([]string{"poortwachter"}, args...))
	return code, out.String(), errb.String()
}

// TestAgendaGolden: the agenda of the example at the test clock's
// peildatum (31-12-2026), as text in a pipe, on a terminal of 80 columns
// (colours, names shortened, steps wrapped) and of 60 (a step under its
// dossier), as a workbook and as a calendar. D-006 has four overdue steps,
// so the exit status is 1.
func TestAgendaGolden(t *testing.T) {
	noEnv := func(string) string { return "" }
	for _, tt := range []struct {
		golden string
		width  int
	}{{"agenda/voorbeeld.txt", 0}, {"agenda/voorbeeld-80-kleur.txt", 80}, {"agenda/voorbeeld-60-kleur.txt", 60}} {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := runWide(tt.width, noEnv, "agenda", "../../fixtures/voorbeeld.xlsx")
			if code != ExitFindings || stderr != "" {
				t.Fatalf("exit %d, stderr %q; want exit 1 and no message", code, stderr)
			}
			goldenFile(t, tt.golden, []byte(stdout))
		})
	}
	t.Run("ics", func(t *testing.T) {
		ics := filepath.Join(t.TempDir(), "agenda.ics")
		code, stdout, stderr := runWide(0, noEnv, "agenda", "--format", "ics", "--output", ics, "../../fixtures/voorbeeld.xlsx")
		if code != ExitFindings || stdout != "geschreven: "+ics+"\n" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		data, err := os.ReadFile(ics)
		if err != nil {
			t.Fatal(err)
		}
		goldenFile(t, "agenda/voorbeeld.ics", data)
	})
}

// TestAgendaFitsTerminal: on a terminal every line fits its width and the
// columns stay aligned, whatever the width; in a pipe nothing is cut.
func TestAgendaFitsTerminal(t *testing.T) {
	noColor := func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	for _, width := range []int{200, 120, 100, 90, 80, 72, 60, 50, 40} {
		_, stdout, _ := runWide(width, noColor, "agenda", "--weken", "52", "../../fixtures/voorbeeld.xlsx")
		if strings.Contains(stdout, "\x1b[") {
			t.Errorf("width %d: colour despite NO_COLOR", width)
		}
		stapCol := -1
		for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
			if n := len([]rune(line)); n > width {
				t.Errorf("width %d: line of %d columns: %q", width, n, line)
			}
			// In the table, "stap" heads the column where every step
			// starts.
			if i := strings.Index(line, "  stap"); strings.HasPrefix(line, "  datum") && i > 0 {
				col := len([]rune(line[:i])) + 2
				if stapCol >= 0 && col != stapCol {
					t.Errorf("width %d: the step column moved from %d to %d", width, stapCol, col)
				}
				stapCol = col
			}
		}
	}
	_, pipe, _ := runWide(0, noColor, "agenda", "--weken", "52", "../../fixtures/voorbeeld.xlsx")
	if strings.Contains(pipe, "…") {
		t.Error("in a pipe a name was shortened")
	}
}
