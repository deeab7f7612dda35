package document

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/nearest"
	"github.com/poortwachter/poortwachter/templates"
)

// Common is the template file with the blocks the documents share
// (parties, signatures); every document template is parsed together with
// it, so {{template "..."}} can use them.
const Common = "algemeen.md.tmpl"

// Loader finds template files: in Dir first, when set, then among the
// built-in templates. Overriding a template is copying it (poortwachter
// templates export) and editing it in place.
type Loader struct {
	Dir     string // "" uses the built-in templates only
	BuiltIn fs.FS  // the built-in templates; templates.Docs by default
}

// NewLoader returns a Loader that looks in dir first; dir may be "".
func NewLoader(dir string) *Loader {
	return &Loader{Dir: dir, BuiltIn: templates.Docs}
}

// Names lists the built-in template files (the .md.tmpl files), sorted.
func (l *Loader) Names() ([]string, error) {
	names, err := fs.Glob(l.builtIn(), "*.md.tmpl")
	sort.Strings(names)
	return names, err
}

func (l *Loader) builtIn() fs.FS {
	if l == nil || l.BuiltIn == nil {
		return templates.Docs
	}
	return l.BuiltIn
}

// Read returns the text of template file name and where it came from: the
// path in Dir when it is there, else the name of the built-in one. Editors
// on Windows may start a file with a byte order mark; it is dropped. A
// file that is not UTF-8 (saved as "ANSI" or Latin-1) is refused with a
// message that says how to save it, rather than printing é as garbage.
func (l *Loader) Read(name string) (text, origin string, err error) {
	if l != nil && l.Dir != "" {
		p := filepath.Join(l.Dir, name)
		b, err := os.ReadFile(p)
		if err == nil {
			text, err := templateText(p, b)
			return text, p, err
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", p, fmt.Errorf("sjabloon %s kan niet worden gelezen: %v", p, errors.Unwrap(err))
		}
	}
	b, err := fs.ReadFile(l.builtIn(), name)
	if err != nil {
		return "", name, fmt.Errorf("sjabloon %s bestaat niet", name)
	}
	text, err = templateText(name, b)
	return text, name, err
}

// templateText returns the text of the template file at path: without a
// UTF-8 byte order mark, and only when it is UTF-8.
func templateText(path string, b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		bad := len(b)
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				bad = i
				break
			}
			i += n
		}
		line := bytes.Count(b[:bad], []byte("\n")) + 1
		return "", fmt.Errorf("sjabloon %s, regel %d: het bestand is niet als UTF-8 opgeslagen (bijvoorbeeld als ANSI of Latin-1), "+
			"dus letters als é en ë komen verkeerd over; open het in uw teksteditor en bewaar het met de codering UTF-8", path, line)
	}
	return string(b), nil
}

// Template is a parsed document template with the shared blocks.
type Template struct {
	t       *template.Template
	origins map[string]string // template file name -> path shown in errors
	texts   map[string]string // template file name -> its text
}

// Parse parses template file name together with Common, with the hermetic
// function map, and escapes every printed value (see md). Errors name the
// file and line, in Dutch.
func (l *Loader) Parse(name string) (*Template, error) {
	tp := &Template{origins: map[string]string{}, texts: map[string]string{}}
	root := template.New(name).Funcs(baseFuncs()).Option("missingkey=error")
	for _, file := range []string{name, Common} {
		text, origin, err := l.Read(file)
		if err != nil {
			return nil, err
		}
		tp.origins[file] = origin
		tp.texts[file] = text
		t := root
		if file != name {
			t = root.New(file)
		}
		if _, err := t.Parse(text); err != nil {
			return nil, tp.wrap(err)
		}
	}
	for _, t := range root.Templates() {
		autoEscape(t.Tree)
	}
	tp.t = root
	return tp, nil
}

// Execute runs the template on data with the functions of fm added (the
// per-dossier ones) and returns its Markdown text.
func (tp *Template) Execute(data any, fm template.FuncMap) (string, error) {
	t := tp.t
	if fm != nil {
		var err error
		if t, err = t.Clone(); err != nil {
			return "", err
		}
		t.Funcs(fm)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", tp.wrap(err)
	}
	return buf.String(), nil
}

// outputError reports a problem found in the Markdown a template produced
// (an unknown fenced block, a malformed line in a gegevens block). Its line
// numbers are lines of the generated text, which the user never sees, so
// the message names the template and says what to look for instead.
func (tp *Template) outputError(err error) error {
	msg := reOutputLine.ReplaceAllString(err.Error(), "")
	return fmt.Errorf("sjabloon %s: de tekst die het sjabloon maakt, klopt niet: %s", tp.origins[tp.t.Name()], msg)
}

// reOutputLine matches the "regel n: " that ParseMarkdown puts first.
var reOutputLine = regexp.MustCompile(`^regel \d+: `)

// reTemplateErr matches text/template's "template: name:line:[col:] msg".
var reTemplateErr = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:\d+:)? ?(.*)$`)

// reExecuting matches the "executing "x" at <.Y>: " part of an exec error.
var reExecuting = regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: `)

// wrap turns a text/template error into "sjabloon file, regel n: msg",
// in Dutch, with the line in the template file: for a block that is never
// closed, the line where it opened.
func (tp *Template) wrap(err error) error {
	m := reTemplateErr.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("sjabloon: %v", err)
	}
	file, line, msg := m[1], m[2], m[3]
	origin := file
	if o, ok := tp.origins[file]; ok {
		origin = o
	}
	if e := reExecuting.FindStringSubmatch(msg); e != nil {
		rest := strings.TrimPrefix(msg, e[0])
		if r, ok := strings.CutPrefix(rest, "error calling fail: "); ok {
			msg = r // the template's own message
		} else {
			msg = "bij " + e[1] + ": " + dutchTemplateMsg(rest)
		}
		return fmt.Errorf("sjabloon %s, regel %s: %s", origin, line, msg)
	}
	if msg == "unexpected EOF" {
		if kw, at := unclosed(tp.texts[file]); kw != "" {
			return fmt.Errorf("sjabloon %s, regel %d: {{%s}} wordt nergens afgesloten; zet {{end}} waar het blok ophoudt", origin, at, kw)
		}
		return fmt.Errorf("sjabloon %s, regel %s: het sjabloon houdt midden in een {{...}} op", origin, line)
	}
	if f := reUndefined.FindStringSubmatch(msg); f != nil {
		msg = fmt.Sprintf("functie %q bestaat niet", f[1])
		if near := nearest.Word(f[1], funcNames()); near != "" {
			msg += fmt.Sprintf("; bedoelt u %s?", near)
		}
		return fmt.Errorf("sjabloon %s, regel %s: %s (de functies staan in README.md)", origin, line, msg)
	}
	return fmt.Errorf("sjabloon %s, regel %s: %s", origin, line, dutchTemplateMsg(msg))
}

// reUndefined matches text/template's message for an unknown function.
var reUndefined = regexp.MustCompile(`^function "([^"]*)" not defined$`)

// funcNames lists the functions a template can call: ours first, so a
// near miss is matched to one of them before a sprig function.
func funcNames() []string {
	var ours, others []string
	for name := range baseFuncs() {
		if _, ok := ourFuncs[name]; ok || name == "week" {
			ours = append(ours, name)
		} else {
			others = append(others, name)
		}
	}
	sort.Strings(ours)
	sort.Strings(others)
	return append(ours, others...)
}

// reAction matches a template action and its first word: {{if .X}},
// {{- end -}}, {{/* comment */}}.
var reAction = regexp.MustCompile(`(?s)\{\{-?\s*(/\*.*?\*/|[a-z]+)?.*?\}\}`)

// unclosed returns the innermost block of text (if, range, with, define,
// block) that no {{end}} closes, and the line it opens on; "" when every
// block is closed.
func unclosed(text string) (keyword string, line int) {
	type open struct {
		kw   string
		line int
	}
	var stack []open
	for _, loc := range reAction.FindAllStringSubmatchIndex(text, -1) {
		if loc[2] < 0 {
			continue
		}
		switch kw := text[loc[2]:loc[3]]; kw {
		case "if", "range", "with", "define", "block":
			stack = append(stack, open{kw, strings.Count(text[:loc[0]], "\n") + 1})
		case "end":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return "", 0
	}
	top := stack[len(stack)-1]
	return top.kw, top.line
}

// dutchTemplateMsg translates the most common text/template messages.
func dutchTemplateMsg(msg string) string {
	if f, ok := strings.CutPrefix(msg, "can't evaluate field "); ok {
		name, _, _ := strings.Cut(f, " ")
		return "veld bestaat niet: " + name + " (de velden staan in README.md)"
	}
	if rest, ok := strings.CutPrefix(msg, "unexpected {{end}}"); ok {
		return "{{end}} zonder {{if}}, {{range}} of {{with}} om af te sluiten" + rest
	}
	r := strings.NewReplacer(
		"unexpected ", "onverwacht ",
		"error calling ", "fout in ",
		"map has no entry for key ", "onbekende sleutel ",
		"nil pointer evaluating ", "leeg (nil) bij ",
		"unclosed action", "{{ zonder }}",
		"in input", "in de invoer",
	)
	return r.Replace(msg)
}

// ParseAll parses the template of every generated document, so a broken
// template is reported once, before anything is written.
func (l *Loader) ParseAll() error {
	for _, k := range Kinds() {
		if _, err := l.Parse(k.File()); err != nil {
			return err
		}
	}
	return nil
}
