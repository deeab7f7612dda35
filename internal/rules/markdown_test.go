package rules

import (
	"bytes"
	"testing"
)

// TestDocsUpToDate fails when docs/rules.md no longer matches the
// catalogue; go test -update regenerates it.
func TestDocsUpToDate(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf); err != nil {
		t.Fatal(err)
	}
	goldenFile(t, "../../docs/rules.md", buf.Bytes())
}
