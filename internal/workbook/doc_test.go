package workbook

import (
	"bytes"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

// TestContractDoc fails when docs/workbook.md no longer matches the
// contract in columns.go; -update rewrites it.
func TestContractDoc(t *testing.T) {
	var got bytes.Buffer
	if err := Markdown(&got); err != nil {
		t.Fatal(err)
	}
	const path = "../../docs/workbook.md"
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/workbook -run TestContractDoc -update)", err)
	}
	if !bytes.Equal(want, got.Bytes()) {
		t.Errorf("docs/workbook.md is stale (run go test ./internal/workbook -run TestContractDoc -update):\n%s",
			diff.Diff(path, want, "generated", got.Bytes()))
	}
}
