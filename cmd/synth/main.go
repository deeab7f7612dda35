// Command synth writes a synthetic input workbook for benchmarks:
//
//	go run ./cmd/synth -n 10000 -o /tmp/synth-10000.xlsx
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/poortwachter/poortwachter/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "aantal dossiers")
	seed := flag.Int64("seed", 1, "startwaarde van de toevalsgenerator")
	out := flag.String("o", "", "uitvoerbestand (.xlsx)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "gebruik: synth [-n AANTAL] [-seed N] -o BESTAND.xlsx")
		os.Exit(2)
	}
	if err := run(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(path string, n int, seed int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := synth.Generate(bw, n, seed); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
