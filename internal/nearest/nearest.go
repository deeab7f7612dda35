// Package nearest finds the word a user probably meant: the candidate
// closest to a misspelling, for messages that say "bedoelt u ...?".
package nearest

import "strings"

// Word returns the candidate closest to s, compared without regard to case,
// when it is close enough to be a typing error: at most max(2, len/4)
// edits away. The first of equally close candidates wins. It returns ""
// when none is close enough or s is itself a candidate.
func Word(s string, candidates []string) string {
	s = strings.ToLower(s)
	best, bestDist := "", 0
	for _, c := range candidates {
		d := Distance(s, strings.ToLower(c))
		if d == 0 {
			return ""
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(2, len([]rune(best))/4) {
		return ""
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
