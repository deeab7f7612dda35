package dossier

import "strconv"

// Plural writes n with the Dutch singular or plural: "1 dossier", "3
// dossiers", "0 fouten".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
