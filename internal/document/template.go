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
// path in Dir when it is there, else "ingebouwd" plus the name.
func (l *Loader) Read(name string) (text, origin string, err error) {
	if l != nil && l.Dir != "" {
		p := filepath.Join(l.Dir, name)
		b, err := os.ReadFile(p)
		if err == nil {
			return string(b), p, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", p, fmt.Errorf("sjabloon %s kan niet worden gelezen: %v", p, err)
		}
	}
	b, err := fs.ReadFile(l.builtIn(), name)
	if err != nil {
		return "", name, fmt.Errorf("sjabloon %s bestaat niet", name)
	}
	return string(b), name, nil
}

// Template is a parsed document template with the shared blocks.
type Template struct {
	t       *template.Template
	origins map[string]string // template file name -> path shown in errors
}

// Parse parses template file name together with Common, with the hermetic
// function map, and escapes every printed value (see md). Errors name the
// file and line, in Dutch.
func (l *Loader) Parse(name string) (*Template, error) {
	tp := &Template{origins: map[string]string{}}
	root := template.New(name).Funcs(baseFuncs()).Option("missingkey=error")
	for _, file := range []string{name, Common} {
		text, origin, err := l.Read(file)
		if err != nil {
			return nil, err
		}
		tp.origins[file] = origin
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

// wrap turns a text/template error into "sjabloon file, regel n: msg".
func (tp *Template) wrap(err error) error {
	m := reTemplateErr.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("sjabloon: %v", err)
	}
	file := m[1]
	if o, ok := tp.origins[file]; ok {
		file = o
	}
	msg := m[3]
	if e := reExecuting.FindStringSubmatch(msg); e != nil {
		rest := strings.TrimPrefix(msg, e[0])
		if r, ok := strings.CutPrefix(rest, "error calling fail: "); ok {
			msg = r // the template's own message
		} else {
			msg = "bij " + e[1] + ": " + rest
		}
	}
	return fmt.Errorf("sjabloon %s, regel %s: %s", file, m[2], dutchTemplateMsg(msg))
}

// dutchTemplateMsg translates the most common text/template messages.
func dutchTemplateMsg(msg string) string {
	r := strings.NewReplacer(
		"function ", "functie ",
		" not defined", " bestaat niet",
		"can't evaluate field ", "veld bestaat niet: ",
		"unexpected ", "onverwacht ",
		"error calling ", "fout in ",
		"map has no entry for key ", "onbekende sleutel ",
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
