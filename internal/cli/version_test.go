package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/testtool"
)

func TestBuildFrom(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: "2026-12-02T00:21:56Z"}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "65c44a922e7ceee9dad83abe70b9b0f61c2dea88"
	for _, tc := range []struct {
		name      string
		info      *debug.BuildInfo
		release   string
		want      string
		pinned    bool // Fingerprint is String: a commit pins the build down
		revision  string
		modified  bool
		versioned bool
	}{
		{"no build information", nil, "", "ontwikkelversie", false, "", false, false},
		{"test binary", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "", "ontwikkelversie", false, "", false, false},
		{"git checkout", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202002156-65c44a922e7c"}, Settings: vcs(rev, "false")},
			"", "v0.0.0-20261202002156-65c44a922e7c", true, rev, false, true},
		{"uncommitted changes", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202002156-65c44a922e7c+dirty"}, Settings: vcs(rev, "true")},
			"", "v0.0.0-20261202002156-65c44a922e7c+dirty", false, rev, true, true},
		{"release", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")},
			"1.2.0", "1.2.0 (65c44a922e7c)", true, rev, false, true},
		{"release with changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")},
			"1.2.0", "1.2.0 (65c44a922e7c, gewijzigd)", false, rev, true, true},
		{"release without vcs", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "1.2.0", "1.2.0", false, "", false, true},
		{"go install module@version", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "", "v1.2.0", false, "", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := buildFrom(tc.info, tc.release)
			b.binary = func() string { return "abc" }
			if got := b.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
			if b.Revision != tc.revision || b.Modified != tc.modified {
				t.Errorf("revision %q modified %v, want %q %v", b.Revision, b.Modified, tc.revision, tc.modified)
			}
			want := tc.want
			if !tc.pinned {
				want += " sha256:abc"
			}
			if got := b.Fingerprint(); got != want {
				t.Errorf("Fingerprint() = %q, want %q", got, want)
			}
		})
	}
}

// runBuild runs the tool in-process as build b.
func runBuild(b Build, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
		Now: func() time.Time { return testNow }, IsTerminal: func(io.Writer) bool { return false }, Build: b}
	code := Run(context.Background(), env, append([]string{"poortwachter"}, args...))
	return code, out.String(), errb.String()
}

// TestChangedOnlyAfterUpgrade: batch --changed-only reuses the files of a
// run by the same build, and renders everything again after the tool
// changed: a new version, a new commit, or (for a build with uncommitted
// changes) a different executable. Issue 11: the version was a constant,
// so an upgraded tool reused the old tool's PDFs.
func TestChangedOnlyAfterUpgrade(t *testing.T) {
	out := filepath.Join(t.TempDir(), "uit")
	wb := fixture(t, "voorbeeld.xlsx")
	bin := func(h string) func() string { return func() string { return h } }
	old := Build{Version: "1.2.0", Revision: "65c44a922e7ceee9dad83abe70b9b0f61c2dea88"}
	for _, step := range []struct {
		name  string
		build Build
		want  string
	}{
		{"first run", old, "11 dossiers: 11 verwerkt, 0 ongewijzigd overgeslagen"},
		{"same build", old, "11 dossiers: 0 verwerkt, 11 ongewijzigd overgeslagen"},
		{"new version", Build{Version: "1.3.0", Revision: old.Revision}, "11 dossiers: 11 verwerkt, 0 ongewijzigd overgeslagen"},
		{"new commit", Build{Version: "1.3.0", Revision: "75c44a922e7ceee9dad83abe70b9b0f61c2dea88"}, "11 dossiers: 11 verwerkt, 0 ongewijzigd overgeslagen"},
		{"uncommitted change", Build{Version: "1.3.0", Revision: "75c44a922e7ceee9dad83abe70b9b0f61c2dea88", Modified: true, binary: bin("a")}, "11 dossiers: 11 verwerkt, 0 ongewijzigd overgeslagen"},
		{"same executable", Build{Version: "1.3.0", Revision: "75c44a922e7ceee9dad83abe70b9b0f61c2dea88", Modified: true, binary: bin("a")}, "11 dossiers: 0 verwerkt, 11 ongewijzigd overgeslagen"},
		{"another uncommitted change", Build{Version: "1.3.0", Revision: "75c44a922e7ceee9dad83abe70b9b0f61c2dea88", Modified: true, binary: bin("b")}, "11 dossiers: 11 verwerkt, 0 ongewijzigd overgeslagen"},
	} {
		code, stdout, stderr := runBuild(step.build, "batch", "--changed-only", "--output", out, wb)
		if code != 0 || !strings.HasPrefix(stdout, step.want) {
			t.Errorf("%s: exit %d, stdout %q, want prefix %q\n%s", step.name, code, stdout, step.want, stderr)
		}
		m, err := os.ReadFile(filepath.Join(out, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		if want := `"versie": "` + step.build.String() + `"`; !bytes.Contains(m, []byte(want)) {
			t.Errorf("%s: manifest lacks %s", step.name, want)
		}
	}
}

// TestBuiltBinary builds the tool as a release would (make build
// VERSION=...): version shows the release version and, when the tests run
// in a git checkout, the revision from the build information; the manifest
// and the PDFs' Creator carry the same version.
func TestBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "poortwachter")
	build := exec.Command("go", "build", "-buildvcs=auto", "-ldflags", "-X github.com/poortwachter/poortwachter/internal/cli.version=9.8.7", "-o", bin, "../../cmd/poortwachter")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", args, err, out)
		}
		return string(out)
	}
	ver := run("version")
	first, _, _ := strings.Cut(ver, "\n")
	if !regexp.MustCompile(`^poortwachter versie 9\.8\.7( \([0-9a-f]{12}(, gewijzigd)?\))?$`).MatchString(first) {
		t.Errorf("version:\n%s", ver)
	}
	if head, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil {
		if rev := strings.TrimSpace(string(head)); !strings.Contains(ver, "revisie: "+rev) {
			t.Errorf("version does not show the checkout's revision %s:\n%s", rev, ver)
		}
	} else {
		t.Logf("not in a git checkout (%v): revision not checked", err)
	}
	if got := run("--version"); got != first+"\n" {
		t.Errorf("--version = %q, want the first line of version", got)
	}
	version := strings.TrimPrefix(first, "poortwachter versie ")
	run("batch", "--peildatum", "2026-12-31", "--output", "uit", fixture(t, "voorbeeld.xlsx"))
	m, err := os.ReadFile(filepath.Join(dir, "uit", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(m, []byte(`"versie": "`+version+`"`)) {
		t.Errorf("manifest does not carry version %q", version)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "uit", "D-004", "D-004_plan-van-aanpak_*.pdf"))
	if len(pdfs) == 0 {
		t.Fatal("batch wrote no plan van aanpak for D-004")
	}
	pdf := pdfs[0]
	testtool.Need(t, "pdfinfo")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "Creator:         poortwachter "+version+"\n") {
		t.Errorf("pdfinfo: Creator is not poortwachter %s:\n%s", version, info)
	}
}
