package document

import (
	"regexp"
	"strings"
)

// templateMsgs translate the messages of text/template (parse and
// execution errors) and of the Go runtime (a panic in a function), which
// are English. Each pattern matches a whole message, or the part after
// "error calling f: "; the replacement may use the pattern's groups.
var templateMsgs = []struct {
	re    *regexp.Regexp
	dutch string
}{
	{regexp.MustCompile(`^function (".*") not defined$`), `functie $1 bestaat niet`},
	{regexp.MustCompile(`^(".*") is not a defined function$`), `functie $1 bestaat niet`},
	{regexp.MustCompile(`^template (".*") not defined$`), `blok $1 bestaat niet`},
	{regexp.MustCompile(`^(".*") is an incomplete or empty template$`), `blok $1 is leeg of onvolledig`},
	{regexp.MustCompile(`^template: multiple definition of template (".*")$`), `blok $1 is meer dan eens gedefinieerd`},
	{regexp.MustCompile(`^can't evaluate field (\S+) in type (.*)$`), `veld bestaat niet: $1 (de velden staan in README.md)`},
	{regexp.MustCompile(`^(\S+) is an unexported field of struct type (.*)$`), `veld $1 is niet beschikbaar`},
	{regexp.MustCompile(`^map has no entry for key (".*")$`), `onbekende sleutel $1`},
	{regexp.MustCompile(`^nil data; no entry for key (".*")$`), `geen gegevens voor sleutel $1`},
	{regexp.MustCompile(`^nil pointer evaluating (.*)$`), `leeg (nil) bij $1; gebruik {{with}} of {{if}}`},
	{regexp.MustCompile(`^unexpected EOF$`), `het sjabloon houdt onverwacht op; ontbreekt er een {{end}}?`},
	{regexp.MustCompile(`^unexpected \{\{end\}\}(.*)$`), `{{end}} zonder {{if}}, {{range}} of {{with}} om af te sluiten$1`},
	{regexp.MustCompile(`^unexpected (.*) in input$`), `onverwacht $1 in de invoer`},
	{regexp.MustCompile(`^unexpected (.*) in (.*)$`), `onverwacht $1 in $2`},
	{regexp.MustCompile(`^unexpected (.*)$`), `onverwacht $1`},
	{regexp.MustCompile(`^unclosed action$`), `een {{ zonder }}`},
	{regexp.MustCompile(`^unclosed action started at .*$`), `een {{ zonder }}`},
	{regexp.MustCompile(`^unclosed comment$`), `een commentaar zonder einde`},
	{regexp.MustCompile(`^unclosed left paren$`), `een ( zonder )`},
	{regexp.MustCompile(`^unterminated (raw )?quoted string$`), `een tekst tussen aanhalingstekens zonder einde`},
	{regexp.MustCompile(`^unterminated character constant$`), `een teken tussen enkele aanhalingstekens zonder einde`},
	{regexp.MustCompile(`^undefined variable:? "?([^"]*)"?$`), `variabele $1 bestaat niet`},
	{regexp.MustCompile(`^missing value for (.*)$`), `waarde ontbreekt bij $1`},
	{regexp.MustCompile(`^bad number syntax: (.*)$`), `ongeldig getal $1`},
	{regexp.MustCompile(`^bad character (.*)$`), `ongeldig teken $1`},
	{regexp.MustCompile(`^unrecognized character in action: (.*)$`), `ongeldig teken $1 binnen {{ }}`},
	{regexp.MustCompile(`^empty command$`), `lege opdracht`},
	{regexp.MustCompile(`^(\{\{break\}\}|\{\{continue\}\}) outside \{\{range\}\}$`), `$1 buiten {{range}}`},
	{regexp.MustCompile(`^exceeded maximum template depth \((\d+)\)$`), `blokken roepen elkaar te diep aan (meer dan $1 niveaus); roept een blok zichzelf aan?`},
	{regexp.MustCompile(`^max expression depth exceeded$`), `de uitdrukking is te diep genest`},
	{regexp.MustCompile(`^wrong number of args for (\S+): want (at least )?(\d+) got (\d+)$`), `$1 verwacht $2$3 argumenten, gekregen $4`},
	{regexp.MustCompile(`^wrong number of args for (\S+): got (\d+) want (at least )?(\d+)$`), `$1 verwacht $3$4 argumenten, gekregen $2`},
	{regexp.MustCompile(`^wrong type for value; expected (.*); got (.*)$`), `verkeerde soort waarde: verwacht $1, gekregen $2`},
	{regexp.MustCompile(`^invalid value; expected (.*)$`), `ongeldige waarde; verwacht $1`},
	{regexp.MustCompile(`^expected (\w+); found (.*)$`), `verwacht een $1, gevonden $2`},
	{regexp.MustCompile(`^range can't iterate over (.*)$`), `range kan niet over $1 lopen`},
	{regexp.MustCompile(`^can't give argument to non-function (.*)$`), `$1 is geen functie en neemt geen argumenten`},
	{regexp.MustCompile(`^(.*) is not a method but has arguments$`), `$1 is geen functie en neemt geen argumenten`},
	{regexp.MustCompile(`^can't (?:index|slice) item of type (.*)$`), `kan geen deel nemen van een waarde van soort $1`},
	{regexp.MustCompile(`^index out of range: (.*)$`), `index $1 valt buiten de lijst`},
	{regexp.MustCompile(`^(?:slice|index|len) of (?:nil pointer|untyped nil)$`), `de waarde is leeg`},
	{regexp.MustCompile(`^incompatible types for comparison.*$`), `deze waarden kunnen niet worden vergeleken`},
	{regexp.MustCompile(`^(?:invalid|non-comparable) types? for comparison.*$`), `deze waarden kunnen niet worden vergeleken`},
	{regexp.MustCompile(`^non-comparable types? .*$`), `deze waarden kunnen niet worden vergeleken`},
	{regexp.MustCompile(`^missing argument for comparison$`), `een vergelijking mist een argument`},
	{regexp.MustCompile(`^runtime error: integer divide by zero$`), `deling door nul`},
	{regexp.MustCompile(`^runtime error: index out of range.*$`), `index buiten bereik`},
	{regexp.MustCompile(`^runtime error: slice bounds out of range.*$`), `deel buiten bereik`},
	{regexp.MustCompile(`^runtime error: .*$`), `interne fout bij het uitvoeren`},
	{regexp.MustCompile(`^strings: negative Repeat count$`), `een negatief aantal`},
	{regexp.MustCompile(`^value is nil; should be of type (.*)$`), `de waarde is leeg; verwacht een $1`},
	{regexp.MustCompile(`^value has type (.*); should be (.*)$`), `verkeerde soort waarde: verwacht $2, gekregen $1`},
	{regexp.MustCompile(`^arg (\d+): (.*)$`), `argument $1: $2`},
}

// dutchTemplateMsg translates a text/template message. "error calling f: "
// becomes "fout in f: " and what follows is translated in turn; a message
// it does not know is said to be one, with the original in brackets.
func dutchTemplateMsg(msg string) string {
	if rest, ok := strings.CutPrefix(msg, "error calling "); ok {
		name, inner, ok := strings.Cut(rest, ": ")
		if ok {
			return "fout in " + name + ": " + dutchTemplateMsg(inner)
		}
	}
	for _, m := range templateMsgs {
		if m.re.MatchString(msg) {
			out := m.re.ReplaceAllString(msg, m.dutch)
			if loc := m.re.FindStringSubmatchIndex(msg); len(loc) > 4 && strings.HasPrefix(m.dutch, "argument ") {
				return "argument " + msg[loc[2]:loc[3]] + ": " + dutchTemplateMsg(msg[loc[4]:loc[5]])
			}
			return out
		}
	}
	return "fout in het sjabloon (" + msg + ")"
}
