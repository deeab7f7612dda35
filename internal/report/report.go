// Package report writes the outcome of a check: a readable text overview,
// the JSON contract auditors script against, the auditor's xlsx workbook and
// an iCalendar of upcoming deadlines. It is an adapter: it speaks rules and
// dossier types over an io.Writer and reads neither the clock nor files.
package report

import (
	"strings"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// Statuses lists every finding status in the order reports count them.
var Statuses = []rules.Status{
	rules.Tijdig, rules.TeLaat, rules.Ontbreekt, rules.NogNietNodig,
	rules.NietVanToepassing, rules.Verouderd, rules.Gebrekkig,
}

// Oordelen lists the verdicts from worst to best.
var Oordelen = []rules.Oordeel{rules.Onvolledig, rules.Aandacht, rules.Compleet}

// Meldingen returns the input problems (meldingen, as the workbook reader
// found them) together with the warnings the checks found, sorted by place
// so output is stable. The arguments are not changed.
func Meldingen(found, meldingen dossier.Problems) dossier.Problems {
	out := append(append(dossier.Problems(nil), meldingen...), found...)
	out.Sort()
	return out
}

// resultMeldingen returns the warnings of results.
func resultMeldingen(results []rules.Result) dossier.Problems {
	var out dossier.Problems
	for _, r := range results {
		out = append(out, r.Meldingen...)
	}
	return out
}

// countStatus returns how many findings of r have each status.
func countStatus(r rules.Result) map[rules.Status]int {
	n := map[rules.Status]int{}
	for _, f := range r.Bevindingen {
		n[f.Status]++
	}
	return n
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}
