package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

func TestWorkbookNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "verzuim.xlsx")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
			Now: func() time.Time { return time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC) }}
		code := Run(context.Background(), env, append([]string{"poortwachter"}, args...))
		return code, out.String(), errb.String()
	}
	var template bytes.Buffer
	if err := workbook.WriteTemplate(&template, dossier.NewDate(2026, 12, 31)); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
		file   string // "template", "old" or "" (unchanged/absent)
	}{
		{"new file", []string{"workbook", "new", path}, ExitOK, "geschreven: " + path, "", "template"},
		{"refuses to overwrite", []string{"workbook", "new", path}, ExitInput, "", "bestaat al; gebruik --force", "old"},
		{"force", []string{"workbook", "new", "--force", path}, ExitOK, "geschreven", "", "template"},
		{"no file", []string{"workbook", "new"}, ExitInput, "", "bestand ontbreekt", ""},
		{"not xlsx", []string{"workbook", "new", filepath.Join(dir, "verzuim.csv")}, ExitInput, "", "moet eindigen op .xlsx", ""},
		{"no such dir", []string{"workbook", "new", filepath.Join(dir, "nergens", "x.xlsx")}, ExitInput, "", "bestaat niet", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == "old" || tt.name == "force" {
				if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, stdout, stderr := run(tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
					code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
			got, _ := os.ReadFile(path)
			switch tt.file {
			case "template":
				if !bytes.Equal(got, template.Bytes()) {
					t.Errorf("%s holds %d bytes, want the template (%d bytes)", path, len(got), template.Len())
				}
			case "old":
				if string(got) != "old" {
					t.Errorf("%s was overwritten", path)
				}
			}
			if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmps) > 0 {
				t.Errorf("temporary files left behind: %v", tmps)
			}
		})
	}
}
