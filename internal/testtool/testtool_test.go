package testtool

import (
	"testing"
)

// recorder is a testing.TB that records how the test would end.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()              {}
func (r *recorder) Skip(...any)          { r.skipped = true }
func (r *recorder) Fatal(...any)         { r.failed = true }
func (r *recorder) Skipf(string, ...any) { r.skipped = true }

func TestNeed(t *testing.T) {
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		r := &recorder{TB: t}
		Need(r, "sh")
		if r.skipped || r.failed {
			t.Errorf("CI=%q: sh counts as missing", ci)
		}
		r = &recorder{TB: t}
		Need(r, "geen-programma-met-deze-naam")
		if ci == "" && (!r.skipped || r.failed) || ci != "" && (r.skipped || !r.failed) {
			t.Errorf("CI=%q: missing program: skipped %v, failed %v", ci, r.skipped, r.failed)
		}
	}
}
