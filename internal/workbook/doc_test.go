package workbook

import (
	"bytes"
	"testing"

	"github.com/poortwachter/poortwachter/internal/golden"
)

// TestContractDoc fails when docs/workbook.md no longer matches the
// contract in columns.go; -update rewrites it.
func TestContractDoc(t *testing.T) {
	var got bytes.Buffer
	if err := Markdown(&got); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "../../docs/workbook.md", got.Bytes(), *update)
}
