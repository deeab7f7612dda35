// Command poortwachter checks Dutch sickness-absence dossiers against the Wet
// verbetering poortwachter and renders their documents.
package main

import (
	"os"

	"github.com/poortwachter/poortwachter/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args)) }
