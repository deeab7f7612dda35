package workbook

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadLimits goes over each limit and expects "te groot" with the limit
// and the environment variable that raises it, never "beschadigd".
func TestReadLimits(t *testing.T) {
	good := mustBuild(t, "== Dossiers\nDossiernummer|Naam werknemer|Werkgever|Eerste ziektedag\nD1|Jan Jansen|ACME|@2026-01-05\n== Documenten\nDossiernummer|Soort|Datum\nD1|Ziekmelding|@2026-01-05\n")

	// A zip bomb: a worksheet of 40 MB of empty rows, some 40 KB zipped.
	sheet := `<worksheet><sheetData>` + strings.Repeat(`<row/>`, 40<<20/6) + `</sheetData></worksheet>`
	bomb := patchPart(t, good, "xl/worksheets/sheet1.xml", func(string) string { return sheet })

	tests := []struct {
		name   string
		data   []byte
		limits Limits
		says   []string
	}{
		{"ratio", bomb, DefaultLimits, []string{"te groot", "pakt uit tot meer dan 250 keer", EnvMaxRatio + "=1000"}},
		{"ratio raised", bomb, Limits{File: DefaultLimits.File, Unzipped: DefaultLimits.Unzipped, Ratio: 100_000}, nil},
		{"unzipped", good, Limits{File: DefaultLimits.File, Unzipped: 2000, Ratio: DefaultLimits.Ratio}, []string{"te groot", "uitgepakt groter dan 2000", EnvMaxUnzipped + "="}},
		{"unzipped in M", bomb, Limits{File: DefaultLimits.File, Unzipped: 8 << 20, Ratio: 100_000}, []string{"te groot", "groter dan 8M (de grens)", EnvMaxUnzipped + "=16M"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := read("werkboek.xlsx", bytes.NewReader(tt.data), int64(len(tt.data)), tt.limits)
			if tt.says == nil {
				if err != nil {
					t.Fatalf("read: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("read %d dossiers, want an error", len(res.Dossiers))
			}
			for _, s := range tt.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
			if strings.Contains(err.Error(), "beschadigd") {
				t.Errorf("error %q calls the file damaged", err)
			}
		})
	}

	// The file itself.
	path := filepath.Join(t.TempDir(), "groot.xlsx")
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFileLimits(path, Limits{File: 1 << 10, Unzipped: DefaultLimits.Unzipped, Ratio: DefaultLimits.Ratio})
	if err == nil || !strings.Contains(err.Error(), "te groot") || !strings.Contains(err.Error(), "de grens is 1K") || !strings.Contains(err.Error(), EnvMaxFile+"=2K") {
		t.Errorf("a file over the limit: %v", err)
	}
	if _, err := ReadFileLimits(path, DefaultLimits); err != nil {
		t.Errorf("the same file within the limit: %v", err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"16G": 16 << 30, "512m": 512 << 20, " 3K ": 3 << 10, "1000": 1000} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1G", "1T", "G", "1.5G", "99999999999G"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) succeeded", in)
		}
	}
}

// TestPrefetch reads through the prefetcher whole, in odd-sized reads, and
// stops one early: the bytes are the source's, an error of the source
// arrives after its data, and Close returns with the goroutine gone.
func TestPrefetch(t *testing.T) {
	src := bytes.Repeat([]byte("0123456789abcdef"), 3*prefetchChunk/16+7)
	p := prefetch(bytes.NewReader(src))
	var got []byte
	buf := make([]byte, 1000)
	for {
		n, err := p.Read(buf)
		got = append(got, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	p.Close()
	if !bytes.Equal(got, src) {
		t.Fatalf("read %d bytes, want the %d of the source", len(got), len(src))
	}

	boom := errors.New("boom")
	p = prefetch(io.MultiReader(bytes.NewReader(src[:prefetchChunk+5]), iotest.ErrReader(boom)))
	all, err := io.ReadAll(p)
	if !errors.Is(err, boom) || len(all) != prefetchChunk+5 {
		t.Errorf("read %d bytes and %v, want %d and the source's error", len(all), err, prefetchChunk+5)
	}
	p.Close()

	p = prefetch(bytes.NewReader(src))
	if _, err := p.Read(buf); err != nil {
		t.Fatal(err)
	}
	p.Close() // with chunks still on their way
}
