package rules

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// medicalWords are Dutch words (lower case) that name a diagnosis, a
// treatment or a medicine: data an employer's dossier may not hold (AVG
// art. 9; AP beleidsregels "De zieke werknemer"). The list is deliberately
// short and specific: functional limitations ("niet tillen", "beperkt
// belastbaar") and the fact of being sick ("ziekte") are allowed and must
// not be flagged, nor everyday words ("behandeling van de aanvraag"). Words match whole, so
// "operationeel" or "coöperatie" do not hit "operatie".
var medicalWords = wordSet(
	// diagnoses and conditions
	"hernia", "burn-out", "burnout", "overspannen", "overspannenheid", "depressie", "depressief", "depressieve",
	"kanker", "tumor", "tumoren", "tumour", "carcinoom", "leukemie", "metastasen", "uitzaaiingen",
	"diabetes", "suikerziekte", "artrose", "reuma", "reumatoïde", "artritis", "fractuur", "fracturen",
	"whiplash", "migraine", "epilepsie", "astma", "copd", "hartinfarct", "herseninfarct", "infarct",
	"beroerte", "ptss", "adhd", "autisme", "bipolair", "schizofrenie", "psychose",
	"angststoornis", "paniekstoornis", "eetstoornis", "verslaving", "alcoholisme", "dementie",
	"parkinson", "alzheimer", "fibromyalgie", "hiv", "covid", "long-covid", "hepatitis",
	"sclerose", "rsi", "diagnose", "gediagnosticeerd",
	// treatment
	"operatie", "operaties", "geopereerd", "chemo", "chemotherapie", "bestraling", "bestralingen",
	"radiotherapie", "therapie", "fysiotherapie", "psychotherapie", "revalidatie", "ziekenhuisopname",
	"psychiater", "psycholoog", "medicatie", "medicijn", "medicijnen",
	// medicines
	"ibuprofen", "paracetamol", "diclofenac", "naproxen", "oxazepam", "diazepam", "lorazepam",
	"temazepam", "antidepressiva", "antidepressivum", "sertraline", "citalopram", "escitalopram",
	"paroxetine", "fluoxetine", "venlafaxine", "methylfenidaat", "ritalin", "morfine", "oxycodon",
	"tramadol", "codeïne", "insuline", "metformine", "prednison", "lithium", "quetiapine",
)

// medicalUpper are abbreviations that are medical only in capitals ("MS" is
// multiple sclerose, "ms" too common in other senses; "Tia" is a name).
var medicalUpper = wordSet("MS", "CVA", "TIA", "AIDS")

// medicalPhrases are two-word terms, lower case.
var medicalPhrases = wordSet("multiple sclerose", "long covid")

// phraseStarts are the first words of medicalPhrases: only after one of
// them is the next word looked at.
var phraseStarts = func() map[string]bool {
	m := map[string]bool{}
	for p := range medicalPhrases {
		m[strings.Fields(p)[0]] = true
	}
	return m
}()

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// MedicalTerms returns the words of text that look medical (a diagnosis,
// treatment or medicine), as written, each once, in order of appearance.
// Matching is on whole words and case-insensitive; a hyphenated word also
// matches on its parts ("knie-operatie").
func MedicalTerms(text string) []string {
	if !mayBeMedical(text) {
		return nil
	}
	return medicalTerms(text)
}

// medicalTerms is MedicalTerms without the quick look first.
func medicalTerms(text string) []string {
	words := splitWords(text)
	var out []string
	var seen map[string]bool // made on the first hit; most text has none
	hit := func(w string) {
		if seen == nil {
			seen = map[string]bool{}
		}
		if k := strings.ToLower(w); !seen[k] {
			seen[k] = true
			out = append(out, w)
		}
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		lw := strings.ToLower(w)
		if i+1 < len(words) && phraseStarts[lw] && medicalPhrases[lw+" "+strings.ToLower(words[i+1])] {
			hit(w + " " + words[i+1])
			i++
			continue
		}
		if medicalWords[lw] || medicalUpper[w] {
			hit(w)
			continue
		}
		if strings.Contains(w, "-") {
			for _, part := range strings.Split(w, "-") {
				if medicalWords[strings.ToLower(part)] || medicalUpper[part] {
					hit(w)
					break
				}
			}
		}
	}
	return out
}

// splitWords cuts text into words of letters and digits; a hyphen between
// two letters stays inside the word ("burn-out").
func splitWords(text string) []string { return slices.Collect(words(text)) }

// words yields the words of text as splitWords returns them, without
// making the list.
func words(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(text); {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			switch {
			case isWordRune(r):
				if start < 0 {
					start = i
				}
			case r == '-' && start >= 0 && nextIsWordRune(text[i+1:]):
				// a hyphen between two letters stays inside the word
			case start >= 0:
				if !yield(text[start:i]) {
					return
				}
				start = -1
			}
			i += size
		}
		if start >= 0 {
			yield(text[start:])
		}
	}
}

func nextIsWordRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWordByte[r]
	}
	return isWordRuneNonASCII(r)
}

// asciiWordByte tells the ASCII letters and digits, as a table so that
// isWordRune is inlined.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRuneNonASCII(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Weggelaten returns the marker that stands in every output for free text
// that looks medical: "[weggelaten: mogelijk medische gegevens, zie
// Documenten!G7]", naming the cell so the user can find and clear it.
func Weggelaten(cell string) string {
	return "[weggelaten: mogelijk medische gegevens, zie " + cell + "]"
}

// Weglating is one free-text value that Redact left out: the cell it is in
// and, in Dutch, what it is ("De samenvatting van probleemanalyse").
type Weglating struct {
	Plaats string
	Veld   string
}

// Redact returns d with every free-text value that looks medical (see
// MedicalTerms) replaced by the Weggelaten marker for its cell, and what
// it left out, in dossier order. The employer's dossier may not hold such
// data, so no output shows it: checks, timelines and documents all work on
// the redacted dossier. d is not changed; when nothing looks medical, d
// itself is returned.
//
// Functie and Vaardigheden are not scanned: a job title such as
// "psycholoog" or "operatie-assistent" is not medical data.
func Redact(d *dossier.Dossier) (*dossier.Dossier, []Weglating) {
	c := *d
	var out []Weglating
	// veld names the field in a message; of, when set, is the document kind
	// it belongs to. Both are joined only for a hit: most text has none.
	scan := func(text *string, plaats, header, veld string, of dossier.Soort) {
		if *text != "" && len(MedicalTerms(*text)) > 0 {
			if of != 0 {
				veld += lowerFirst(of.String())
			}
			cell := d.Cell(plaats, header)
			out = append(out, Weglating{Plaats: cell, Veld: veld})
			*text = Weggelaten(cell)
		}
	}
	for _, f := range []struct {
		header string
		text   *string
	}{
		{"Re-integratiedoel", &c.Reintegratiedoel},
		{"Contactafspraken", &c.Contactafspraken},
		{"Motivering geen spoor 2", &c.MotiveringGeenSpoor2},
		{"Oordeel arbeidsrelatie", &c.OordeelArbeidsrelatie},
		{"Passend werk bij werkgever", &c.PassendWerk},
		{"Visie werknemer", &c.VisieWerknemer},
	} {
		scan(f.text, d.Plaats, f.header, "Kolom "+f.header, 0)
	}
	hits := func() int { return len(out) }
	c.Documenten = redactEach(d.Documenten, hits, func(doc *dossier.Document) {
		scan(&doc.Samenvatting, doc.Plaats, "Samenvatting", "De samenvatting van ", doc.Soort)
		scan(&doc.VisieWerkgever, doc.Plaats, "Visie werkgever", "De visie van de werkgever in ", doc.Soort)
		scan(&doc.VisieWerknemer, doc.Plaats, "Visie werknemer", "De visie van de werknemer in ", doc.Soort)
	})
	c.Activiteiten = redactEach(d.Activiteiten, hits, func(a *dossier.Activity) {
		scan(&a.Activiteit, a.Plaats, "Activiteit", "Activiteit", 0)
		scan(&a.Doel, a.Plaats, "Doel", "Het doel van de activiteit", 0)
		scan(&a.Resultaat, a.Plaats, "Resultaat", "Het resultaat van de activiteit", 0)
	})
	c.Sollicitaties = redactEach(d.Sollicitaties, hits, func(s *dossier.Application) {
		scan(&s.Resultaat, s.Plaats, "Resultaat", "Het resultaat van de sollicitatie", 0)
	})
	if len(out) == 0 {
		return d, nil
	}
	return &c, out
}

// redactEach runs redact on a copy of each element of xs and returns xs
// itself when hits did not change, else a new slice with the redacted
// elements.
func redactEach[T any](xs []T, hits func() int, redact func(*T)) []T {
	var out []T
	for i, x := range xs {
		n := hits()
		redact(&x)
		if hits() == n {
			continue
		}
		if out == nil {
			out = slices.Clone(xs)
		}
		out[i] = x
	}
	if out == nil {
		return xs
	}
	return out
}

// mayBeMedical reports whether text may hold a medical term: a word (or a
// part of a hyphenated word) that is one, or that starts a medical phrase.
// It allocates nothing, for the common case of text without any; a true
// answer is made exact by MedicalTerms.
func mayBeMedical(text string) bool {
	for w := range words(text) {
		if mayBeMedicalWord(w) {
			return true
		}
		if strings.IndexByte(w, '-') >= 0 {
			for part := range strings.SplitSeq(w, "-") {
				if mayBeMedicalWord(part) {
					return true
				}
			}
		}
	}
	return false
}

// mayBeMedicalWord reports whether w, in any case, is a medical word or the
// start of a medical phrase, or is a medical abbreviation as written.
func mayBeMedicalWord(w string) bool {
	// Lowering can make a word shorter (the Kelvin sign, 3 bytes, becomes
	// "k"), never shorter than a third.
	if len(w) < medicalKeys.minLen || len(w) > 3*medicalKeys.maxLen {
		return false
	}
	var lengths uint32
	if w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
		// Lowering a string lowers its first two ASCII bytes alone, so
		// only keys that start like the word can match it.
		if lengths = medicalKeys.starts[lowerPair(w)]; lengths == 0 {
			return false // most words end here
		}
	}
	var buf [64]byte
	if n := len(w); n <= len(buf) {
		ascii := true
		for i := 0; i < n; i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			buf[i] = lowerASCII(c)
		}
		if ascii {
			// An ASCII word keeps its length when lowered.
			if lengths&lengthBit(n) == 0 {
				return false
			}
			return medicalUpper[w] || medicalWords[string(buf[:n])] || phraseStarts[string(buf[:n])]
		}
	}
	lw := strings.ToLower(w)
	return medicalUpper[w] || medicalWords[lw] || phraseStarts[lw]
}

// lowerPair is the first two bytes of w, ASCII letters lowered, as one
// number.
func lowerPair(w string) uint16 {
	return uint16(lowerASCII(w[0]))<<8 | uint16(lowerASCII(w[1]))
}

// lowerASCII lowers an ASCII capital and leaves any other byte as it is.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// lengthBit is the bit of a key length in medicalKeys.starts; lengths from
// 31 bytes share one.
func lengthBit(n int) uint32 { return 1 << min(n, 31) }

// medicalKeys summarises the keys mayBeMedicalWord looks up (medicalWords,
// phraseStarts and medicalUpper), so that most words are passed over
// without a lookup: the shortest and longest key in bytes and, for the
// first two bytes (lowered) of keys that start with two ASCII bytes, the
// lengths of those keys. A key that does not start so can only be matched
// by a word that does not either (lowering changes no ASCII byte into
// another byte but its lower case), and such words are always looked up.
var medicalKeys = func() (k struct {
	minLen, maxLen int
	starts         [1 << 16]uint32
}) {
	k.minLen = 1 << 30
	for _, set := range []map[string]bool{medicalWords, phraseStarts, medicalUpper} {
		for w := range set {
			k.minLen = min(k.minLen, len(w))
			k.maxLen = max(k.maxLen, len(w))
			if len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
				k.starts[lowerPair(w)] |= lengthBit(len(w))
			}
		}
	}
	return k
}()
