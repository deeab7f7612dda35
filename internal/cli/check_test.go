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

	"github.com/poortwachter/poortwachter/internal/golden"
)

// runIn runs the tool in-process with the test clock; terminal says
// whether stdout counts as a terminal, getenv supplies the environment.
func runIn(terminal bool, getenv func(string) string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: getenv,
		Now: func() time.Time { return testNow }, IsTerminal: func(io.Writer) bool { return terminal }}
	code := Run(context.Background(), env, append([]string{"poortwachter"}, args...))
	return code, out.String(), errb.String()
}

// TestCheckColor: colour only on a terminal, and never with NO_COLOR set
// (https://no-color.org: any non-empty value).
func TestCheckColor(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		noColor  string
		args     []string
		color    bool
	}{
		{"terminal", true, "", nil, true},
		{"terminal, NO_COLOR", true, "1", nil, false},
		{"terminal, empty NO_COLOR", true, "", nil, true},
		{"pipe", false, "", nil, false},
		{"terminal, --output", true, "", []string{"--output", "OUT"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string {
				if k == "NO_COLOR" {
					return tt.noColor
				}
				return ""
			}
			out := filepath.Join(t.TempDir(), "overzicht.txt")
			args := []string{"check"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "OUT", out))
			}
			code, stdout, stderr := runIn(tt.terminal, getenv, append(args, "../../fixtures/voorbeeld.xlsx")...)
			if code != ExitFindings {
				t.Fatalf("exit %d, want %d; stderr %s", code, ExitFindings, stderr)
			}
			if len(tt.args) > 0 {
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				stdout = string(data)
			}
			if got := strings.Contains(stdout, "\x1b["); got != tt.color {
				t.Errorf("colour = %v, want %v", got, tt.color)
			}
		})
	}
}

// TestTimelineGolden compares timeline's text and iCalendar output for
// dossiers that each show something: samentelling (D-008), lateness and a
// missing step (D-006), recovery (D-007), an extended waiting time (D-009),
// a motivated exception with its reassessment date (D-003), spoor 2 that
// stopped (D-005) and an overload answered by an adjusted plan (D-011).
func TestTimelineGolden(t *testing.T) {
	for _, id := range []string{"D-003", "D-005", "D-006", "D-007", "D-008", "D-009", "D-011"} {
		t.Run(id, func(t *testing.T) {
			ics := filepath.Join(t.TempDir(), id+".ics")
			code, stdout, stderr := runIn(false, func(string) string { return "" },
				"timeline", "--dossier", id, "--ics", ics, "../../fixtures/voorbeeld.xlsx")
			if code != ExitOK {
				t.Fatalf("exit %d; stderr %s", code, stderr)
			}
			stdout = strings.ReplaceAll(stdout, ics, id+".ics")
			goldenFile(t, "timeline/"+id+".txt", []byte(stdout))
			data, err := os.ReadFile(ics)
			if err != nil {
				t.Fatal(err)
			}
			goldenFile(t, "timeline/"+id+".ics", data)
		})
	}
}

// goldenFile compares got with golden/<name>; -update rewrites it. A
// missing golden fails.
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("../../golden", name), got, *update)
}
