package document

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/Masterminds/sprig/v3"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// sprigFuncs are the functions of the Sprig library a template may call,
// an allow-list: each gives the same result for the same arguments (no
// clock, environment, network, random source, map order or operating
// system's path rules) and costs time and memory in proportion to its
// arguments, or has a check in funcSpecs that bounds what it makes.
// templates/README.md documents each one; TestSprigFuncsDocumented keeps
// the two in step. Everything else Sprig offers is left out.
var sprigFuncs = []string{
	// text
	"upper", "lower", "title", "untitle", "trim", "trimAll", "trimPrefix",
	"trimSuffix", "nospace", "trunc", "abbrev", "substr", "initials",
	"wrap", "wrapWith", "indent", "nindent", "replace", "repeat", "cat",
	"quote", "squote", "contains", "hasPrefix", "hasSuffix", "plural",
	"toString", "join", "splitList", "sortAlpha",
	// choices
	"default", "empty", "coalesce", "ternary", "fail",
	// numbers
	"add", "add1", "sub", "mul", "div", "mod", "max", "min", "round",
	"floor", "ceil", "atoi", "int", "float64",
	// lists
	"list", "first", "last", "rest", "initial", "append", "prepend",
	"concat", "reverse", "uniq", "without", "has", "compact", "until",
	"untilStep",
	// dictionaries
	"dict", "get", "set", "hasKey", "pick", "omit", "dig",
}

// builtinFuncs are text/template's own functions that make text; funcs
// replaces them with guarded versions, so they fall under the same limits.
var builtinFuncs = template.FuncMap{
	"printf":   printf,
	"print":    fmt.Sprint,
	"println":  fmt.Sprintln,
	"html":     template.HTMLEscaper,
	"js":       template.JSEscaper,
	"urlquery": template.URLQueryEscaper,
}

// baseFuncs returns the functions a template may call: the allowed Sprig
// functions, the guarded builtins and ours. The functions that need the
// dossier (week) are bound per document by View.funcs; here they are
// stubs, so a template parses without a View. The map is made once (sprig
// builds its whole map of some 200 functions on every call) and shared:
// read it, never change it.
var baseFuncs = sync.OnceValue(makeBaseFuncs)

func makeBaseFuncs() template.FuncMap {
	all := sprig.TxtFuncMap()
	m := template.FuncMap{}
	for _, name := range sprigFuncs {
		m[name] = all[name]
	}
	for name, f := range builtinFuncs {
		m[name] = f
	}
	for name, f := range ourFuncs {
		m[name] = f
	}
	m["week"] = func(dossier.Date) (string, error) {
		return "", errmsg.Wrap(nil, "geen dossier bekend")
	}
	m[tickFunc] = func() string { return "" }
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
