package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTemplatesExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sjablonen")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
			Now: func() time.Time { return time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC) }}
		code := Run(context.Background(), env, append([]string{"poortwachter"}, args...))
		return code, out.String(), errb.String()
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"first export", []string{"templates", "export", dir}, ExitOK, "plan-van-aanpak.md.tmpl", ""},
		{"refuses to overwrite", []string{"templates", "export", dir}, ExitInput, "", "gebruik --force"},
		{"force", []string{"templates", "export", "--force", dir}, ExitOK, "README.md", ""},
		{"no dir", []string{"templates", "export"}, ExitInput, "", "map ontbreekt"},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(tt.args...)
		if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				tt.name, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
	for _, name := range []string{"plan-van-aanpak.md.tmpl", "eerstejaarsevaluatie.md.tmpl", "re-integratieverslag.md.tmpl", "README.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("export did not write %s: %v", name, err)
		}
	}
	if fonts, _ := filepath.Glob(filepath.Join(dir, "*.ttf")); len(fonts) > 0 {
		t.Errorf("export wrote fonts: %v", fonts)
	}
}
