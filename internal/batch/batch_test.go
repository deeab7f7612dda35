package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/synth"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

func TestSafeName(t *testing.T) {
	long := strings.Repeat("x", 200)
	for _, tc := range []struct{ in, want string }{
		{"D-001", "D-001"},
		{"d_001", "d_001"},
		{"../etc", "___etc"},
		{"..", "__"},
		{".", "_"},
		{"a/b", "a_b"},
		{`a\b`, "a_b"},
		{"C:x", "C_x"},
		{"D 001", "D_001"},
		{"CON", "CON_"},
		{"con", "con_"},
		{"LPT1", "LPT1_"},
		{"CONTRACT", "CONTRACT"},
		{"", "dossier"},
		{"Dossier-é", "Dossier-_"},
		{"日本", "__"},
		{"a\x00b", "a_b"},
		{long, long[:maxNameLen]},
	} {
		if got := SafeName(tc.in); got != tc.want {
			t.Errorf("SafeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		name    string
		nummers []string
		want    map[string]string
	}{
		{"no collisions", []string{"D-001", "D-002", "a/b"},
			map[string]string{"D-001": "D-001", "D-002": "D-002", "a/b": "a_b"}},
		{"the exact one keeps its name", []string{"D-001", "D/001"},
			map[string]string{"D-001": "D-001", "D/001": "D_001"}},
		{"both sanitised", []string{"a/b", "a:b"},
			map[string]string{"a/b": "a_b-" + shortHash("a/b"), "a:b": "a_b-" + shortHash("a:b")}},
		{"exact and sanitised", []string{"a_b", "a/b"},
			map[string]string{"a_b": "a_b", "a/b": "a_b-" + shortHash("a/b")}},
		{"case only", []string{"d-001", "D-001"},
			map[string]string{"d-001": "d-001-" + shortHash("d-001"), "D-001": "D-001-" + shortHash("D-001")}},
		{"empty", []string{""}, map[string]string{"": "dossier"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Names(tc.nummers)
			for n, want := range tc.want {
				if got[n] != want {
					t.Errorf("Names()[%q] = %q, want %q", n, got[n], want)
				}
			}
			// Order does not matter.
			rev := append([]string(nil), tc.nummers...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			again := Names(rev)
			seen := map[string]string{}
			for _, n := range tc.nummers {
				if again[n] != got[n] {
					t.Errorf("reversed order: Names()[%q] = %q, want %q", n, again[n], got[n])
				}
				k := strings.ToLower(got[n])
				if other, dup := seen[k]; dup {
					t.Errorf("%q and %q both get %q", other, n, got[n])
				}
				seen[k] = n
			}
		})
	}
}

func TestManifestEncodeDeterministic(t *testing.T) {
	m := func() *Manifest {
		return &Manifest{Versie: "1", Peildatum: "2026-12-31",
			Dossiers: []DossierEntry{{"B", "B", "2"}, {"A", "A", "1"}},
			Bestanden: []FileEntry{
				{Pad: "B/x.pdf", Dossier: "B"}, {Pad: "A/y.pdf", Dossier: "A"}, {Pad: "A/x.pdf", Dossier: "A"},
			}}
	}
	var a, b bytes.Buffer
	if err := m().Encode(&a); err != nil {
		t.Fatal(err)
	}
	other := m()
	other.Bestanden[0], other.Bestanden[2] = other.Bestanden[2], other.Bestanden[0]
	other.Dossiers[0], other.Dossiers[1] = other.Dossiers[1], other.Dossiers[0]
	if err := other.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("encoding depends on order:\n%s\n---\n%s", a.String(), b.String())
	}
	if i, j := strings.Index(a.String(), `"A/x.pdf"`), strings.Index(a.String(), `"A/y.pdf"`); i < 0 || j < i {
		t.Errorf("files not sorted by path:\n%s", a.String())
	}
}

func TestFingerprint(t *testing.T) {
	base := func() *dossier.Dossier {
		return &dossier.Dossier{Nummer: "D-1", NaamWerknemer: "Jan", EersteZiektedag: dossier.NewDate(2026, 1, 5),
			Documenten: []dossier.Document{{Soort: dossier.Ziekmelding, Datum: dossier.NewDate(2026, 1, 6)}}}
	}
	p := dossier.NewDate(2026, 12, 31)
	want := Fingerprint(base(), p, "1", "t")
	if got := Fingerprint(base(), p, "1", "t"); got != want {
		t.Fatalf("same input, different fingerprint")
	}
	for _, tc := range []struct {
		name   string
		change func(d *dossier.Dossier) (dossier.Date, string, string)
	}{
		{"peildatum", func(d *dossier.Dossier) (dossier.Date, string, string) { return p.AddDays(1), "1", "t" }},
		{"version", func(d *dossier.Dossier) (dossier.Date, string, string) { return p, "2", "t" }},
		{"templates", func(d *dossier.Dossier) (dossier.Date, string, string) { return p, "1", "u" }},
		{"name", func(d *dossier.Dossier) (dossier.Date, string, string) { d.NaamWerknemer = "Piet"; return p, "1", "t" }},
		{"date", func(d *dossier.Dossier) (dossier.Date, string, string) {
			d.Documenten[0].Datum = d.Documenten[0].Datum.AddDays(1)
			return p, "1", "t"
		}},
		{"signed", func(d *dossier.Dossier) (dossier.Date, string, string) {
			d.Documenten[0].GetekendWerkgever = true
			return p, "1", "t"
		}},
		{"added document", func(d *dossier.Dossier) (dossier.Date, string, string) {
			d.Documenten = append(d.Documenten, dossier.Document{Soort: dossier.Evaluatie})
			return p, "1", "t"
		}},
		// Strings are length-prefixed: moving text between fields counts.
		{"shifted text", func(d *dossier.Dossier) (dossier.Date, string, string) {
			d.Nummer, d.NaamWerknemer = "D-1J", "an"
			return p, "1", "t"
		}},
	} {
		d := base()
		pd, v, tmpl := tc.change(d)
		if Fingerprint(d, pd, v, tmpl) == want {
			t.Errorf("%s: fingerprint did not change", tc.name)
		}
	}
}

// synthResult reads a small synthetic workbook.
func synthResult(t *testing.T, n int) *workbook.Result {
	t.Helper()
	var buf bytes.Buffer
	if err := synth.Generate(&buf, n, 7); err != nil {
		t.Fatal(err)
	}
	wb, err := workbook.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range wb.Problems {
		if p.Ernst == dossier.Fout {
			t.Fatalf("synthetic workbook has an error: %s", p)
		}
	}
	return wb
}

// TestCancel cancels a run midway: no temporary file or empty folder is
// left, the manifest lists exactly the completed files, and they verify.
func TestCancel(t *testing.T) {
	wb := synthResult(t, 30)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sum, err := Run(ctx, wb, Options{Dir: dir, Peildatum: synth.Peildatum, Jobs: 2, Version: "test",
		Progress: func(done, total int) {
			if done == 5 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: err = %v, want context.Canceled", err)
	}
	if sum == nil || sum.Manifest == nil {
		t.Fatal("no summary or manifest after cancelling")
	}
	if n := len(sum.Manifest.Bestanden); n == 0 || len(sum.Manifest.Dossiers) >= len(wb.Dossiers) {
		t.Errorf("manifest lists %d files of %d complete dossiers; want some, not all %d dossiers",
			n, len(sum.Manifest.Dossiers), len(wb.Dossiers))
	}
	checkStopped(t, dir)
}

// TestRunAgain runs twice into one folder and once into another: the bytes
// of every file are the same; ChangedOnly renders nothing the second time.
func TestRunAgain(t *testing.T) {
	wb := synthResult(t, 6)
	a, b := t.TempDir(), t.TempDir()
	opt := Options{Dir: a, Peildatum: synth.Peildatum, Jobs: 2, Version: "test"}
	if _, err := Run(context.Background(), wb, opt); err != nil {
		t.Fatal(err)
	}
	opt.Dir, opt.Jobs = b, 1
	if _, err := Run(context.Background(), wb, opt); err != nil {
		t.Fatal(err)
	}
	ma, _ := os.ReadFile(filepath.Join(a, ManifestName))
	mb, _ := os.ReadFile(filepath.Join(b, ManifestName))
	if len(ma) == 0 || !bytes.Equal(ma, mb) {
		t.Fatalf("manifests differ between runs")
	}
	opt.ChangedOnly = true
	sum, err := Run(context.Background(), wb, opt)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rendered != 0 || sum.Reused != len(wb.Dossiers) {
		t.Errorf("ChangedOnly: rendered %d, reused %d; want 0 and %d", sum.Rendered, sum.Reused, len(wb.Dossiers))
	}
	if mc, _ := os.ReadFile(filepath.Join(b, ManifestName)); !bytes.Equal(ma, mc) {
		t.Errorf("ChangedOnly changed the manifest")
	}
	res, err := Verify(b, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Differences) > 0 {
		t.Errorf("differences after ChangedOnly: %+v", res.Differences)
	}
}
