package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
		if i+1 < len(words) && medicalPhrases[lw+" "+strings.ToLower(words[i+1])] {
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
func splitWords(text string) []string {
	var words []string
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if r == '-' && start >= 0 {
			if next, _ := utf8.DecodeRuneInString(text[i+1:]); isWordRune(next) {
				continue // a hyphen between two letters stays inside the word
			}
		}
		if start >= 0 {
			words = append(words, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, text[start:])
	}
	return words
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
