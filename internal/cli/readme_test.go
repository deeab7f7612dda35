package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestREADME runs every example of README.md and docs/json.md, in order,
// each file in its own folder that holds the repository's fixtures, and
// compares what each prints with what the document shows: line by line,
// where a line "..." stands for any number of lines. A command shown
// without output must print nothing. So the documents cannot drift from
// the program.
func TestREADME(t *testing.T) {
	for _, doc := range []struct {
		path string
		min  int // examples at least: fewer means the parser broke
	}{
		{"../../README.md", 10},
		{"../../docs/json.md", 1},
	} {
		t.Run(filepath.Base(doc.path), func(t *testing.T) {
			src, err := os.ReadFile(doc.path)
			if err != nil {
				t.Fatal(err)
			}
			examples := readmeExamples(string(src))
			if len(examples) < doc.min {
				t.Fatalf("found %d examples in %s; the parser is broken", len(examples), doc.path)
			}
			runExamples(t, doc.path, examples)
		})
	}
}

// runExamples runs examples in a fresh folder with a fixtures link.
func runExamples(t *testing.T, name string, examples []readmeExample) {
	fixtures, err := filepath.Abs("../../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(fixtures, filepath.Join(dir, "fixtures")); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	for _, ex := range examples {
		var out bytes.Buffer
		env := Env{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out,
			Getenv:     func(string) string { return "" },
			Now:        func() time.Time { return testNow },
			IsTerminal: func(io.Writer) bool { return false },
			Build:      readmeBuild,
		}
		Run(context.Background(), env, append([]string{"poortwachter"}, ex.args...))
		if msg := matchOutput(ex.want, strings.Split(strings.TrimRight(out.String(), "\n"), "\n")); msg != "" {
			t.Errorf("%s line %d: $ %s\n%s\nit printed:\n%s", name, ex.line, strings.Join(ex.args, " "), msg, out.String())
		}
	}
}

// readmeBuild is the build the README's examples show: a release.
var readmeBuild = Build{Version: "1.2.0", Revision: "65c44a922e7ceee9dad83abe70b9b0f61c2dea88",
	Time: "2026-12-02T00:21:56Z", Go: "go1.26.8 linux/amd64"}

// readmeExample is one command of the README with the output it shows.
type readmeExample struct {
	line int // of the command in README.md
	args []string
	want []string
}

// readmeExamples returns the commands "$ poortwachter ..." of the README's
// code blocks, each with the lines that follow it up to the next command
// or the end of the block.
func readmeExamples(src string) []readmeExample {
	var out []readmeExample
	inBlock, cur := false, -1 // cur: the example whose output lines follow
	for i, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock, cur = !inBlock, -1
		case !inBlock:
		case strings.HasPrefix(line, "$ poortwachter"):
			out = append(out, readmeExample{line: i + 1, args: shellWords(strings.TrimPrefix(line, "$ poortwachter"))})
			cur = len(out) - 1
		case strings.HasPrefix(line, "$ "):
			cur = -1 // another program: not ours to run
		case cur >= 0:
			out[cur].want = append(out[cur].want, line)
		}
	}
	for i := range out {
		// Trailing empty lines of a block are not output.
		w := out[i].want
		for len(w) > 0 && strings.TrimSpace(w[len(w)-1]) == "" {
			w = w[:len(w)-1]
		}
		out[i].want = w
	}
	return out
}

// shellWords splits a command line as a shell would for the README's
// examples: on spaces, with double quotes keeping spaces.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	quoted, has := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, has = !quoted, true
		case r == ' ' && !quoted:
			if has {
				words = append(words, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if has {
		words = append(words, cur.String())
	}
	return words
}

// matchOutput compares got with want, where a want line "..." matches any
// number of lines; "" when they match, else what differs.
func matchOutput(want, got []string) string {
	for i := range got {
		got[i] = strings.TrimRight(got[i], " ")
	}
	if len(want) == 0 {
		if len(got) == 1 && got[0] == "" {
			return ""
		}
		return "the README shows no output"
	}
	var match func(w, g int) bool
	match = func(w, g int) bool {
		switch {
		case w == len(want):
			return g == len(got)
		case strings.TrimSpace(want[w]) == "...":
			for k := g; k <= len(got); k++ {
				if match(w+1, k) {
					return true
				}
			}
			return false
		case g < len(got) && strings.TrimRight(want[w], " ") == got[g]:
			return match(w+1, g+1)
		}
		return false
	}
	if match(0, 0) {
		return ""
	}
	// Name the first line that differs, for the message.
	g := 0
	for w, line := range want {
		if strings.TrimSpace(line) == "..." {
			return "the output differs after a \"...\" (line " + strconv.Itoa(w+1) + " of the example)"
		}
		if g >= len(got) || strings.TrimRight(line, " ") != got[g] {
			return "line " + strconv.Itoa(w+1) + " of the example, " + strings.TrimSpace(line) + ", differs"
		}
		g++
	}
	return "it printed more lines than the README shows"
}
