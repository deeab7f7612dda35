// Package testtool is for tests that need a program outside Go (qpdf,
// pdftotext, unshare, python3): on a developer's machine such a test is
// skipped with a message when the program is missing; in CI (CI set, as
// .ci/run sets it, which installs them) it fails instead, so a check the
// README promises cannot silently stop running.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// CI reports whether the tests run in CI.
func CI() bool { return os.Getenv("CI") != "" }

// Need skips the test, or fails it in CI, unless every named program is on
// PATH.
func Need(t testing.TB, programs ...string) {
	t.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			Missing(t, p+" is not installed (.ci/run installs it; on Debian: apt-get install qpdf poppler-utils util-linux python3-openpyxl)")
			return
		}
	}
}

// Have reports whether every named program is on PATH, for a test that
// does part of its work without them: when one is missing it logs so, or
// fails the test in CI.
func Have(t testing.TB, programs ...string) bool {
	t.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			msg := p + " is not installed (.ci/run installs it): the checks that need it are skipped"
			if CI() {
				t.Fatal(msg)
				return false
			}
			t.Log(msg)
			return false
		}
	}
	return true
}

// Missing skips the test with msg, or fails it in CI.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if CI() {
		t.Fatal(msg)
		return
	}
	t.Skip(msg)
}
