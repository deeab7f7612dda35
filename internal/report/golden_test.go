package report

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/poortwachter/poortwachter/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// goldenDir holds the expected outputs of check and timeline.
const goldenDir = "../../golden"

// golden compares got with the golden file at name (relative to goldenDir).
// With -update it rewrites the file instead. A missing golden fails.
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join(goldenDir, name), got, *update)
}
