// Package workbook is the Excel adapter: it reads the input workbook
// (the contract in README.md, "Het invoerwerkboek") into dossier types plus
// the problems found, and writes the empty input workbook. It is the only
// package that knows sheet and column names.
package workbook

import "github.com/poortwachter/poortwachter/internal/dossier"

// Result is what reading a workbook yields: every dossier that could be
// read, and every problem found, errors and warnings together. A dossier
// with an error (Problems.HasErrorFor) is returned too, so callers can name
// it, but must not be checked.
type Result struct {
	Dossiers []*dossier.Dossier // in workbook order
	Problems dossier.Problems   // sorted by place
}
