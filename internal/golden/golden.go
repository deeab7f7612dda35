// Package golden compares test output with golden files, the way gofmt's
// tests do: with update set (each test package's -update flag) the file is
// rewritten, a mismatch fails with a line diff, and a missing golden fails.
// It is for tests only.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

// Check compares got with the file at path, or rewrites the file when update
// is set.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (run go test -update to create it, then review it)", path, err)
		return
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (review, then run go test -update to accept):\n%s", path, diff.Diff(path, want, "got", got))
	}
}
