package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper()                      {}
func (r *recorder) Errorf(f string, args ...any) { r.msgs = append(r.msgs, f) }
func (r *recorder) Fatalf(f string, args ...any) { r.msgs = append(r.msgs, f) }
func (r *recorder) Fatal(args ...any)            { r.msgs = append(r.msgs, "fatal") }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.txt")

	r := &recorder{TB: t}
	Check(r, path, []byte("a\n"), false)
	if len(r.msgs) != 1 || !strings.Contains(r.msgs[0], "golden file") {
		t.Errorf("missing golden: got %q, want one failure", r.msgs)
	}

	r = &recorder{TB: t}
	Check(r, path, []byte("a\n"), true)
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\n" || len(r.msgs) != 0 {
		t.Errorf("update: file %q, err %v, failures %q", b, err, r.msgs)
	}

	r = &recorder{TB: t}
	Check(r, path, []byte("a\n"), false)
	if len(r.msgs) != 0 {
		t.Errorf("equal: failures %q", r.msgs)
	}

	r = &recorder{TB: t}
	Check(r, path, []byte("b\n"), false)
	if len(r.msgs) != 1 || !strings.Contains(r.msgs[0], "differs") {
		t.Errorf("different: got %q, want one diff failure", r.msgs)
	}
}
