package dossier

import (
	"fmt"
	"sort"
	"strings"
)

// Ernst is the weight of a Problem found in the input.
type Ernst int

// Input problems are errors (the dossier cannot be checked) or warnings.
const (
	Fout Ernst = iota + 1
	Waarschuwing
)

// String returns the Dutch word used in output ("fout", "waarschuwing").
func (e Ernst) String() string {
	if e == Fout {
		return "fout"
	}
	return "waarschuwing"
}

// Problem is something wrong with the input, pinned to a place in it.
type Problem struct {
	Plaats string // "Documenten!C7", or a sheet name when no cell applies
	Ernst  Ernst
	Tekst  string // Dutch; says what was expected and what was found
	// Dossier is the Dossiernummer the problem belongs to, "" when it
	// concerns the workbook as a whole.
	Dossier string
}

// Error makes a Problem usable as an error.
func (p Problem) Error() string { return p.String() }

// String formats the problem as "Documenten!C7: fout: tekst".
func (p Problem) String() string {
	if p.Plaats == "" {
		return fmt.Sprintf("%s: %s", p.Ernst, p.Tekst)
	}
	return fmt.Sprintf("%s: %s: %s", p.Plaats, p.Ernst, p.Tekst)
}

// Errorf returns an error Problem at plaats.
func Errorf(plaats, format string, args ...any) Problem {
	return Problem{Plaats: plaats, Ernst: Fout, Tekst: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning Problem at plaats.
func Warnf(plaats, format string, args ...any) Problem {
	return Problem{Plaats: plaats, Ernst: Waarschuwing, Tekst: fmt.Sprintf(format, args...)}
}

// Problems is a list of input problems.
type Problems []Problem

// Count returns the number of errors and warnings.
func (ps Problems) Count() (fouten, waarschuwingen int) {
	for _, p := range ps {
		if p.Ernst == Fout {
			fouten++
		} else {
			waarschuwingen++
		}
	}
	return
}

// HasErrorFor reports whether any error belongs to dossier nummer.
func (ps Problems) HasErrorFor(nummer string) bool {
	for _, p := range ps {
		if p.Ernst == Fout && p.Dossier == nummer {
			return true
		}
	}
	return false
}

// Sort orders problems by place, keeping the original order among equal
// places, so output is stable. Problems about a whole sheet or workbook
// (a place without a cell, such as a missing required sheet) come first,
// errors before warnings: they explain the rest. Then the cells, by
// sheet, row and column.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		wa, wb := wholeSheet(a.Plaats), wholeSheet(b.Plaats)
		if wa != wb {
			return wa
		}
		if wa && a.Ernst != b.Ernst {
			return a.Ernst == Fout
		}
		return placeLess(a.Plaats, b.Plaats)
	})
}

// wholeSheet reports whether place names a sheet or the workbook rather
// than a cell or row in it.
func wholeSheet(place string) bool { return !strings.Contains(place, "!") }

// placeLess orders "Sheet!C7" places by sheet name, row number, then column.
func placeLess(a, b string) bool {
	sa, ca, ra := splitPlace(a)
	sb, cb, rb := splitPlace(b)
	if sa != sb {
		return sa < sb
	}
	if ra != rb {
		return ra < rb
	}
	if len(ca) != len(cb) {
		return len(ca) < len(cb)
	}
	return ca < cb
}

func splitPlace(p string) (sheet, col string, row int) {
	bang := -1
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '!' {
			bang = i
			break
		}
	}
	if bang < 0 {
		return p, "", 0
	}
	sheet, cell := p[:bang], p[bang+1:]
	i := 0
	for i < len(cell) && cell[i] >= 'A' && cell[i] <= 'Z' {
		i++
	}
	col = cell[:i]
	for _, c := range cell[i:] {
		if c < '0' || c > '9' {
			return sheet, col, 0
		}
		row = row*10 + int(c-'0')
	}
	return sheet, col, row
}
