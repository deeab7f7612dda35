package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The process tests run the tool as a child process (the "poortwachter" of
// TestMain, on PATH) and signal or kill it, as a user or a service
// manager would.

// endless is a plan-van-aanpak template that would run for days: loops over
// numbers, without output or function calls. Only the checks the template
// engine inserts into every loop body stop it.
const endless = `{{range 1000000}}{{range 1000000}}{{range 1000000}}{{end}}{{end}}{{end}}`

// hang is how long a test waits for something that takes moments when
// the code works; it only keeps a broken build from hanging the test run.
const hang = 2 * time.Minute

// child is a running poortwachter process.
type child struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan struct{}
}

func startChild(t *testing.T, dir string, args ...string) *child {
	t.Helper()
	bin, err := exec.LookPath("poortwachter")
	if err != nil {
		t.Fatalf("poortwachter not on PATH (TestMain puts it there): %v", err)
	}
	c := &child{cmd: exec.Command(bin, args...), done: make(chan struct{})}
	c.cmd.Dir = dir
	c.cmd.Stdout, c.cmd.Stderr = &c.stdout, &c.stderr
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.cmd.Wait(); close(c.done) }()
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			c.cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

// wait waits for the child to exit and returns its exit status (-1 when a
// signal ended it); the test fails when it does not exit within hang.
func (c *child) wait(t *testing.T) int {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(hang):
		c.cmd.Process.Kill()
		<-c.done
		t.Fatalf("%s did not stop within %s\nstderr:\n%s", c.cmd.Args, hang, c.stderr.String())
	}
	return c.cmd.ProcessState.ExitCode()
}

// waitFor waits until a file whose name matches pattern exists under dir
// (the child got that far), and returns its path.
func waitFor(t *testing.T, c *child, dir, pattern string) string {
	t.Helper()
	deadline := time.Now().Add(hang)
	for time.Now().Before(deadline) {
		var found string
		filepath.WalkDir(dir, func(path string, de fs.DirEntry, err error) error {
			if err != nil {
				return nil // not there yet
			}
			if ok, _ := filepath.Match(pattern, de.Name()); ok {
				found = path
				return filepath.SkipAll
			}
			return nil
		})
		if found != "" {
			return found
		}
		select {
		case <-c.done:
			t.Fatalf("%s exited before %s appeared\nstdout:\n%s\nstderr:\n%s", c.cmd.Args, pattern, c.stdout.String(), c.stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("no %s under %s within %s", pattern, dir, hang)
	return ""
}

// tempFiles lists the temporary files left under dir.
func tempFiles(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, de fs.DirEntry, err error) error {
		if err == nil && !de.IsDir() && strings.HasSuffix(de.Name(), ".tmp") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// endlessTemplates writes a template folder whose plan van aanpak runs
// for days.
func endlessTemplates(t *testing.T, dir string) string {
	t.Helper()
	tmpl := filepath.Join(dir, "sjablonen")
	if err := os.MkdirAll(tmpl, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmpl, "plan-van-aanpak.md.tmpl"), []byte(endless), 0o644); err != nil {
		t.Fatal(err)
	}
	return tmpl
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("../../fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSignalStopsTemplate: Ctrl-C (SIGINT) or SIGTERM while a batch runs
// a template that would loop for days stops the batch cleanly: exit status
// 130 or 143, a Dutch message, no temporary file, and a manifest of the
// completed files that verifies. The time from signal to exit is logged
// (no assertion on it: the machine's speed varies).
func TestSignalStopsTemplate(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			tmpl := endlessTemplates(t, dir)
			out := filepath.Join(dir, "uit")
			c := startChild(t, dir, "batch", "--jobs", "1", "--templates", tmpl, "--output", out, fixture(t, "voorbeeld.xlsx"))
			waitFor(t, c, out, ".*plan-van-aanpak*.tmp")
			sent := time.Now()
			if err := c.cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			code := c.wait(t)
			t.Logf("%s: exit %d after %s", tc.sig, code, time.Since(sent).Round(time.Millisecond))
			if code != tc.code {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", code, tc.code, c.stderr.String())
			}
			if want := "poortwachter: onderbroken; " + filepath.Join(out, "manifest.json") + " noemt de "; !strings.HasPrefix(c.stderr.String(), want) {
				t.Errorf("stderr = %q, want prefix %q", c.stderr.String(), want)
			}
			if left := tempFiles(out); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			v := startChild(t, dir, "verify", out)
			if code := v.wait(t); code != 0 {
				t.Errorf("verify: exit %d\n%s%s", code, v.stdout.String(), v.stderr.String())
			}
		})
	}
}

// TestSignalStopsRender: the same for render, which writes one document.
func TestSignalStopsRender(t *testing.T) {
	dir := t.TempDir()
	tmpl := endlessTemplates(t, dir)
	c := startChild(t, dir, "render", "--dossier", "D-004", "--document", "plan-van-aanpak", "--templates", tmpl, "--output", "pdf", fixture(t, "voorbeeld.xlsx"))
	waitFor(t, c, filepath.Join(dir, "pdf"), ".*plan-van-aanpak*.tmp")
	if err := c.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := c.wait(t); code != 130 {
		t.Errorf("exit status %d, want 130\nstderr:\n%s", code, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "onderbroken") {
		t.Errorf("stderr = %q, want it to say onderbroken", c.stderr.String())
	}
	if left := tempFiles(dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if done, _ := filepath.Glob(filepath.Join(dir, "pdf", "D-004_plan-van-aanpak*.pdf")); len(done) > 0 {
		t.Errorf("the unfinished PDF exists: %v", done)
	}
}

// TestKillThenRerun: a batch killed with SIGKILL (no chance to clean up)
// leaves temporary files and its lock. verify names the temporary files
// as such and does not fail on them; the next batch takes the lock over,
// saying so, removes the leftovers, and its output verifies.
func TestKillThenRerun(t *testing.T) {
	dir := t.TempDir()
	tmpl := endlessTemplates(t, dir)
	out := filepath.Join(dir, "uit")
	wb := fixture(t, "voorbeeld.xlsx")
	if c := startChild(t, dir, "batch", "--output", out, wb); c.wait(t) != 0 {
		t.Fatalf("first batch failed:\n%s", c.stderr.String())
	}
	c := startChild(t, dir, "batch", "--jobs", "1", "--templates", tmpl, "--output", out, wb)
	tmp := waitFor(t, c, out, ".*plan-van-aanpak*.tmp")
	if err := c.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	c.wait(t)
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the killed batch left no temporary file: %v", err)
	}

	v := startChild(t, dir, "verify", out)
	if code := v.wait(t); code != 0 {
		t.Errorf("verify after the kill: exit %d, want 0\n%s", code, v.stdout.String())
	}
	rel, _ := filepath.Rel(out, tmp)
	if want := "tijdelijk: " + filepath.ToSlash(rel) + " (van een onderbroken of nog lopende batch"; !strings.Contains(v.stdout.String(), want) {
		t.Errorf("verify does not name the temporary file:\n%s\nwant %q", v.stdout.String(), want)
	}
	if strings.Contains(v.stdout.String(), "extra:") {
		t.Errorf("verify calls a temporary file extra:\n%s", v.stdout.String())
	}

	again := startChild(t, dir, "batch", "--output", out, wb)
	if code := again.wait(t); code != 0 {
		t.Fatalf("batch after the kill: exit %d\n%s", code, again.stderr.String())
	}
	stderr := again.stderr.String()
	if want := fmt.Sprintf("poortwachter: de vergrendeling van een eerdere batch die niet netjes is gestopt (proces %d op ", c.cmd.Process.Pid); !strings.Contains(stderr, want) {
		t.Errorf("stderr = %q, want it to contain %q", stderr, want)
	}
	if !regexp.MustCompile(`poortwachter: \d+ tijdelijke? bestand(en)? van een onderbroken run opgeruimd`).MatchString(stderr) {
		t.Errorf("stderr = %q, want it to report the removed temporary file", stderr)
	}
	if left := tempFiles(out); len(left) > 0 {
		t.Errorf("temporary files left after the re-run: %v", left)
	}
	v = startChild(t, dir, "verify", out)
	if code := v.wait(t); code != 0 || strings.Contains(v.stdout.String(), "tijdelijk") {
		t.Errorf("verify after the re-run: exit %d\n%s", code, v.stdout.String())
	}
}

// TestOneWriterPerFolder: while one batch writes into a folder, a second
// batch into the same folder stops at once (exit 4) naming the first
// process; once the first has stopped, the folder is free again.
func TestOneWriterPerFolder(t *testing.T) {
	dir := t.TempDir()
	tmpl := endlessTemplates(t, dir)
	out := filepath.Join(dir, "uit")
	wb := fixture(t, "voorbeeld.xlsx")
	first := startChild(t, dir, "batch", "--jobs", "1", "--templates", tmpl, "--output", out, wb)
	waitFor(t, first, out, ".*plan-van-aanpak*.tmp")

	second := startChild(t, dir, "batch", "--output", out, wb)
	if code := second.wait(t); code != 4 {
		t.Errorf("second batch: exit %d, want 4\n%s", code, second.stderr.String())
	}
	want := fmt.Sprintf("poortwachter: map %s is in gebruik door een andere batch (proces %d op ", out, first.cmd.Process.Pid)
	if !strings.HasPrefix(second.stderr.String(), want) || !strings.Contains(second.stderr.String(), "); wacht tot die klaar is, of stop die eerst") {
		t.Errorf("second batch: stderr = %q, want prefix %q", second.stderr.String(), want)
	}
	if len(tempFiles(out)) == 0 {
		t.Errorf("the second batch removed the first one's work in progress")
	}

	if err := first.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := first.wait(t); code != 130 {
		t.Fatalf("first batch: exit %d, want 130\n%s", code, first.stderr.String())
	}
	third := startChild(t, dir, "batch", "--output", out, wb)
	if code := third.wait(t); code != 0 {
		t.Errorf("batch after the first stopped: exit %d\n%s", code, third.stderr.String())
	}
	if strings.Contains(third.stderr.String(), "overgenomen") {
		t.Errorf("a cleanly stopped batch's lock counted as stale: %s", third.stderr.String())
	}
}

func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }
