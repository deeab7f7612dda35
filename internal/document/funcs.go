package document

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// removedFuncs are the sprig functions a document template may not call:
// they read the environment, the clock, the local time zone, the network or
// a random source, iterate a map in random order, or depend on the
// operating system's path rules. Without them a template's output depends
// only on its data, so documents and goldens are reproducible.
var removedFuncs = []string{
	// environment and network
	"env", "expandenv", "getHostByName",
	// clock and local time zone
	"now", "ago", "date", "dateInZone", "date_in_zone", "dateModify",
	"date_modify", "mustDateModify", "must_date_modify", "htmlDate",
	"htmlDateInZone", "toDate", "mustToDate", "unixEpoch", "duration",
	"durationRound",
	// random sources, and crypto built on them
	"randAlphaNum", "randAlpha", "randAscii", "randNumeric", "randBytes",
	"randInt", "uuidv4", "shuffle", "genPrivateKey", "derivePassword",
	"buildCustomCert", "genCA", "genCAWithKey", "genSelfSignedCert",
	"genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey",
	"encryptAES", "decryptAES", "bcrypt", "htpasswd",
	// map iteration order is random
	"keys", "values",
	// results differ per operating system
	"osBase", "osClean", "osDir", "osExt", "osIsAbs",
}

// baseFuncs returns sprig's text functions minus removedFuncs, plus ours.
// The functions that need the dossier (week) are bound per document by
// View.funcs; here they are stubs, so a template parses without a View.
func baseFuncs() template.FuncMap {
	m := sprig.TxtFuncMap()
	for _, name := range removedFuncs {
		delete(m, name)
	}
	for name, f := range ourFuncs {
		m[name] = f
	}
	m["week"] = func(dossier.Date) (string, error) {
		return "", fmt.Errorf("week: geen dossier bekend")
	}
	return m
}

// ourFuncs are the project's own template functions; see templates/README.md.
var ourFuncs = template.FuncMap{
	"md":           md,
	"datum":        datum,
	"datumKort":    datumKort,
	"bsn":          bsn,
	"janee":        janee,
	"ontbreekt":    ontbreekt,
	"vereist":      vereist,
	"aantal":       aantal,
	"getal":        getal,
	"statusTekst":  statusTekst,
	"oordeelTekst": oordeelTekst,
	"dagenTussen":  dagenTussen,
	"heeftDatum":   heeftDatum,
	"periode":      periode,
	"hoofdletter":  hoofdletter,
}

// datum formats d the Dutch way, "3 maart 2026"; the zero date gives "".
func datum(d dossier.Date) string { return d.Lang() }

// datumKort formats d as "03-03-2026"; the zero date gives "".
func datumKort(d dossier.Date) string { return d.NL() }

// periode writes the time frame from van to tot: "3 maart 2026 t/m 14
// april 2026", "vanaf 3 maart 2026", "tot en met 14 april 2026", or "" when
// both are absent.
func periode(van, tot dossier.Date) string {
	switch {
	case van.IsZero() && tot.IsZero():
		return ""
	case tot.IsZero():
		return "vanaf " + datum(van)
	case van.IsZero():
		return "tot en met " + datum(tot)
	}
	return datum(van) + " t/m " + datum(tot)
}

// heeftDatum reports whether d is a date (not the empty cell).
func heeftDatum(d dossier.Date) bool { return !d.IsZero() }

// dagenTussen returns the number of calendar days from a to b (b - a).
func dagenTussen(a, b dossier.Date) int { return b.DaysSince(a) }

// bsn formats a nine-digit BSN as 1234.56.782, the grouping UWV prints on
// its own letters; anything else is returned unchanged.
func bsn(s string) string {
	if len(s) != 9 || strings.Trim(s, "0123456789") != "" {
		return s
	}
	return s[:4] + "." + s[4:6] + "." + s[6:]
}

// janee writes a boolean as "ja" or "nee".
func janee(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

// ontbreekt returns the missing marker for wat: "[[ontbreekt: wat]]", which
// the document shows as a visible "[ontbreekt: wat]" and lists under
// "Ontbrekende onderdelen".
func ontbreekt(wat string) Markdown {
	return Markdown("[[ontbreekt: " + dossier.NormalizeSpace(wat) + "]]")
}

// vereist returns v, escaped, when it is not empty, else the missing marker
// for wat. It takes v last so it ends a pipeline: {{.Casemanager | vereist
// "casemanager"}}. A zero dossier.Date, zero number and false count as empty.
func vereist(wat string, v any) Markdown {
	if isEmpty(v) {
		return ontbreekt(wat)
	}
	if d, ok := v.(dossier.Date); ok {
		return Markdown(Escape(datum(d)))
	}
	return md(v)
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case Markdown:
		return strings.TrimSpace(string(x)) == ""
	case dossier.Date:
		return x.IsZero()
	case int:
		return x == 0
	case float64:
		return x == 0
	case bool:
		return !x
	}
	return false
}

// aantal writes a count with the Dutch singular or plural noun: aantal 1
// "week" "weken" is "1 week", aantal 3 "week" "weken" is "3 weken".
func aantal(n int, enkelvoud, meervoud string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + enkelvoud
	}
	return strconv.Itoa(n) + " " + meervoud
}

// getal writes a number with a decimal comma and at most two decimals, no
// trailing zeros: 32 is "32", 22.5 is "22,5".
func getal(f float64) string {
	f = math.Round(f*100) / 100
	s := strconv.FormatFloat(f, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}

// hoofdletter upper-cases the first letter of s ("nee" → "Nee").
func hoofdletter(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// statusTekst returns the Dutch label of a rule status ("te-laat" → "te
// laat"); s is a rules.Status or its string.
func statusTekst(s any) string {
	switch v := fmt.Sprint(s); v {
	case "tijdig", "ontbreekt", "verouderd", "gebrekkig":
		return v
	case "te-laat":
		return "te laat"
	case "nog-niet-nodig":
		return "nog niet nodig"
	case "niet-van-toepassing":
		return "niet van toepassing"
	default:
		return strings.ReplaceAll(v, "-", " ")
	}
}

// oordeelTekst returns the Dutch label of a dossier verdict.
func oordeelTekst(o any) string {
	switch v := fmt.Sprint(o); v {
	case "onvolledig":
		return "onvolledig: er ontbreken vereiste onderdelen"
	case "aandacht":
		return "aandacht nodig: onderdelen zijn te laat of ontbreken"
	case "compleet":
		return "compleet"
	default:
		return v
	}
}
