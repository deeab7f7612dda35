package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// goldenSum returns the SHA-256 in testdata/name.pdf.sha256. The goldens
// were written by unpatched fpdf, so they are what a cold render gives.
func goldenSum(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".pdf.sha256"))
	if err != nil {
		t.Fatalf("golden file missing (run go test -update): %v", err)
	}
	return strings.TrimSpace(string(b))
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestWarmCaches renders the test documents one after another, twice over,
// and then all at once: the patched fpdf (internal/thirdparty/fpdf) shares
// parsed fonts, font IDs and zlib writers between documents, and a document
// rendered with those caches warm, after documents with other faces and
// other characters, must be byte for byte the one a cold render gives. Run
// with -race.
func TestWarmCaches(t *testing.T) {
	want := map[string]string{}
	for _, tc := range testDocs {
		want[tc.name] = goldenSum(t, tc.name)
	}
	first := map[string][]byte{}
	for round := range 2 {
		for _, tc := range testDocs {
			got := renderBytes(t, tc.name, tc.doc())
			if s := sum(got); s != want[tc.name] {
				t.Errorf("round %d: %s has SHA-256 %s, golden %s", round, tc.name, s, want[tc.name])
			}
			if round == 0 {
				first[tc.name] = got
			} else if !bytes.Equal(got, first[tc.name]) {
				t.Errorf("%s: second render differs from the first", tc.name)
			}
		}
	}

	var wg sync.WaitGroup
	errs := make(chan error, 4*len(testDocs))
	for range 4 {
		for _, tc := range testDocs {
			wg.Go(func() {
				var b bytes.Buffer
				if err := Render(&b, tc.doc(), testOpt); err != nil {
					errs <- err
					return
				}
				if s := sum(b.Bytes()); s != want[tc.name] {
					errs <- fmt.Errorf("concurrent %s has SHA-256 %s, golden %s", tc.name, s, want[tc.name])
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
