package dossier

import (
	"strconv"
	"strings"
)

// Plural writes n with the Dutch singular or plural: "1 dossier", "3
// dossiers", "0 fouten".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// OrList and AndList join words the Dutch way: "a, b of c", "a, b en c".
func OrList(words []string) string  { return joinLast(words, " of ") }
func AndList(words []string) string { return joinLast(words, " en ") }

func joinLast(words []string, last string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + last + words[len(words)-1]
}
