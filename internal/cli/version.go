package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

// version is the release version. A release build sets it:
//
//	go build -ldflags "-X github.com/poortwachter/poortwachter/internal/cli.version=1.2.0" ./cmd/poortwachter
//
// (make build VERSION=1.2.0). Other builds take their version from the
// build information that the go command records.
var version string

// develVersion is the version of a build without a release version or a
// module version, such as a test binary.
const develVersion = "ontwikkelversie"

// Build identifies the running program: it goes into the output of
// version, the PDFs' Creator, the manifest, and the per-dossier
// fingerprint, so that batch --changed-only renders again after the tool
// changed.
type Build struct {
	// Version is the release version (ldflags), else the module version
	// the go command recorded (for a build in a git checkout a
	// pseudo-version such as v0.0.0-20261202002156-65c44a922e7c, with
	// +dirty for uncommitted changes), else develVersion.
	Version  string
	Revision string // the VCS commit, "" when unknown
	Time     string // the commit's time, RFC 3339
	Modified bool   // the checkout had uncommitted changes
	Go       string // Go version and platform, "go1.26.8 linux/amd64"
	// binary returns the SHA-256 of the executable, "" when it cannot be
	// read; computed once, when a fingerprint needs it.
	binary func() string
}

// readBuild returns the Build of the running executable.
func readBuild() Build {
	info, _ := debug.ReadBuildInfo()
	b := buildFrom(info, version)
	b.binary = sync.OnceValue(func() string {
		path, err := os.Executable()
		if err != nil {
			return ""
		}
		f, err := os.Open(path)
		if err != nil {
			return ""
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return ""
		}
		return hex.EncodeToString(h.Sum(nil))
	})
	return b
}

// buildFrom derives a Build from the go command's build information (nil
// when there is none) and the release version set by ldflags ("" when
// none).
func buildFrom(info *debug.BuildInfo, release string) Build {
	b := Build{Version: release, Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if info == nil {
		if b.Version == "" {
			b.Version = develVersion
		}
		return b
	}
	b.Go = info.GoVersion + " " + runtime.GOOS + "/" + runtime.GOARCH
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	if b.Version == "" {
		b.Version = develVersion
	}
	return b
}

// short is a revision as git abbreviates it in a pseudo-version.
func short(rev string) string { return rev[:min(12, len(rev))] }

// String is the version as the manifest, the PDFs and verify show it: the
// version, with the revision and whether it had uncommitted changes when
// the version does not say so itself.
func (b Build) String() string {
	if b.Version == "" {
		return develVersion
	}
	s := b.Version
	var extra []string
	if b.Revision != "" && !strings.Contains(s, short(b.Revision)) {
		extra = append(extra, short(b.Revision))
	}
	if b.Modified && !strings.HasSuffix(s, "+dirty") {
		extra = append(extra, "gewijzigd")
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}

// Fingerprint identifies the build for batch's per-dossier fingerprints:
// String, and for a build that no commit pins down (no revision, or
// uncommitted changes) the SHA-256 of the executable as well, so that any
// change of the code renders the documents again.
func (b Build) Fingerprint() string {
	s := b.String()
	if (b.Revision == "" || b.Modified) && b.binary != nil {
		if h := b.binary(); h != "" {
			s += " sha256:" + h
		}
	}
	return s
}

// writeVersion writes the Build for people: the version as --version
// shows it, then the revision and the Go version.
func writeVersion(w io.Writer, b Build) {
	fmt.Fprintf(w, "poortwachter versie %s\n", b)
	rev := "onbekend (gebouwd zonder versiebeheer)"
	if b.Revision != "" {
		rev = b.Revision
		if b.Modified {
			rev += " met niet vastgelegde wijzigingen"
		}
		if b.Time != "" {
			rev += ", vastgelegd " + b.Time
		}
	}
	fmt.Fprintf(w, "revisie: %s\n", rev)
	fmt.Fprintf(w, "go:      %s\n", b.Go)
}
