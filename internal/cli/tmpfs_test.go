//go:build linux

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/testtool"
)

// inTmpfs runs the shell script in dir, in a mount namespace of its own in
// which dir/vol is a fresh tmpfs of size bytes (unshare from util-linux;
// root, or unprivileged user namespaces). The mount ends with the script,
// so the script copies out what the test should see. Where no tmpfs can
// be mounted the test skips, except in CI (CI=true), where it fails.
func inTmpfs(t *testing.T, dir string, size int, script string) {
	t.Helper()
	if err := os.Mkdir(filepath.Join(dir, "vol"), 0o755); err != nil {
		t.Fatal(err)
	}
	testtool.Need(t, "unshare")
	probe := exec.Command("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs vol && umount vol")
	probe.Dir = dir
	if out, err := probe.CombinedOutput(); err != nil {
		testtool.Missing(t, "cannot mount a tmpfs in a user and mount namespace (unshare -rm): "+err.Error()+"\n"+string(out))
	}
	cmd := exec.Command("unshare", "-rm", "sh", "-ec", "mount -t tmpfs -o size="+strconv.Itoa(size)+" tmpfs vol\n"+script)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("script in tmpfs: %v\n%s", err, out)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFullDiskTmpfs: batch on a real file system that fills up halfway
// (a tmpfs of 600 kB; the example's output is 1.4 MB). batch stops with
// exit 3 and a Dutch message naming the file and the cause; the manifest
// lists exactly the completed files, which verify; no temporary file and
// no empty folder is left.
func TestFullDiskTmpfs(t *testing.T) {
	dir := t.TempDir()
	inTmpfs(t, dir, 600<<10, `
set +e
poortwachter batch --jobs 1 --output vol/uit `+fixture(t, "voorbeeld.xlsx")+` >stdout.txt 2>stderr.txt
echo $? >code.txt
set -e
cp -a vol/uit kopie
find kopie -type d -empty >leeg.txt
`)
	if code := strings.TrimSpace(readFile(t, filepath.Join(dir, "code.txt"))); code != "3" {
		t.Errorf("exit %s, want 3\nstderr:\n%s", code, readFile(t, filepath.Join(dir, "stderr.txt")))
	}
	stderr := readFile(t, filepath.Join(dir, "stderr.txt"))
	want := `^poortwachter: vol/uit/D-\d+/D-\d+_[a-z0-9_-]+\.pdf kan niet worden geschreven: de schijf is vol; gestopt: vol/uit/manifest\.json noemt de voltooide bestanden \(\d+\)\n$`
	if !regexpMatch(want, stderr) {
		t.Errorf("stderr = %q\nwant %s", stderr, want)
	}
	if empty := readFile(t, filepath.Join(dir, "leeg.txt")); empty != "" {
		t.Errorf("empty folders left:\n%s", empty)
	}
	if left := tempFiles(filepath.Join(dir, "kopie")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	v := startChild(t, dir, "verify", "kopie")
	if code := v.wait(t); code != 0 {
		t.Errorf("verify: exit %d\n%s", code, v.stdout.String())
	}
	if strings.Contains(v.stdout.String(), ": 0 in orde") {
		t.Errorf("nothing was completed before the disk filled up:\n%s", v.stdout.String())
	}
}

// TestReadOnlyTmpfs: batch into a folder on a file system that was
// mounted read-only after a first run: exit 3, a Dutch message naming the
// file and the cause, and the first run's files and manifest untouched.
func TestReadOnlyTmpfs(t *testing.T) {
	dir := t.TempDir()
	inTmpfs(t, dir, 8<<20, `
poortwachter batch --output vol/uit `+fixture(t, "voorbeeld.xlsx")+` >/dev/null
mount -o remount,ro vol
set +e
poortwachter batch --peildatum 2027-01-31 --output vol/uit `+fixture(t, "voorbeeld.xlsx")+` >stdout.txt 2>stderr.txt
echo $? >code.txt
set -e
cp -a vol/uit kopie
`)
	if code := strings.TrimSpace(readFile(t, filepath.Join(dir, "code.txt"))); code != "3" {
		t.Errorf("exit %s, want 3\nstderr:\n%s", code, readFile(t, filepath.Join(dir, "stderr.txt")))
	}
	if want := "poortwachter: vol/uit/.poortwachter.lock kan niet worden geschreven: het bestandssysteem is alleen-lezen\n"; readFile(t, filepath.Join(dir, "stderr.txt")) != want {
		t.Errorf("stderr = %q, want %q", readFile(t, filepath.Join(dir, "stderr.txt")), want)
	}
	v := startChild(t, dir, "verify", "kopie")
	if code := v.wait(t); code != 0 || !strings.Contains(v.stdout.String(), "peildatum 2026-12-31") {
		t.Errorf("verify: exit %d\n%s", code, v.stdout.String())
	}
}
