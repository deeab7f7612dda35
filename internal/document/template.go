package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/errmsg"
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
	// Limits bound what one document's template may cost; a zero field
	// means its value in DefaultLimits.
	Limits Limits

	// parsed keeps each template parsed once: a batch renders thousands
	// of documents from the same few files, and a run reads each file
	// once, so all its documents come from the same text. Set Dir,
	// BuiltIn and Limits before the first Parse.
	parsed struct {
		sync.Mutex
		m map[string]*Template
	}
}

// TimeLimit is how long one document may take (Limits.Time).
func (l *Loader) TimeLimit() time.Duration {
	if l == nil {
		return DefaultLimits.Time
	}
	return l.Limits.orDefault().Time
}

// maxTemplateSize bounds a template file: the built-in ones are a few
// kilobytes.
const maxTemplateSize = 1 << 20

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
		b, err := readLimited(p, maxTemplateSize)
		if err == nil {
			text, err := templateText(p, b)
			return text, p, err
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", p, errmsg.Wrap(err, "sjabloon %s kan niet worden gelezen: %s", p, errmsg.System(err))
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

// readLimited reads the file at path, failing when it is larger than max.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(b)) > max {
		err = errmsg.Wrap(nil, "het bestand is groter dan %s", mb(max))
	}
	return b, err
}

// Template is a parsed document template with the shared blocks.
type Template struct {
	t       *template.Template
	origins map[string]string // template file name -> path shown in errors
	texts   map[string]string // template file name -> its text
	name    string            // the document's template file
	used    map[string]bool   // the functions its trees call
	limits  Limits
}

// Parse parses template file name together with Common, with the hermetic
// function map, and escapes every printed value (see md). Errors name the
// file and line, in Dutch.
func (l *Loader) Parse(name string) (*Template, error) {
	if l == nil {
		return l.parse(name)
	}
	l.parsed.Lock()
	defer l.parsed.Unlock()
	if tp, ok := l.parsed.m[name]; ok {
		return tp, nil
	}
	tp, err := l.parse(name)
	if err != nil {
		return nil, err
	}
	if l.parsed.m == nil {
		l.parsed.m = map[string]*Template{}
	}
	l.parsed.m[name] = tp
	return tp, nil
}

// parse is Parse without the cache. A Template is read-only once parsed,
// so documents rendered in parallel share it.
func (l *Loader) parse(name string) (*Template, error) {
	tp := &Template{origins: map[string]string{}, texts: map[string]string{}, name: name, used: map[string]bool{}}
	if l != nil {
		tp.limits = l.Limits
	}
	tp.limits = tp.limits.orDefault()
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
		prepare(t.Tree, tp.used)
	}
	tp.t = root
	return tp, nil
}

// Execute runs the template on data like ExecuteContext, without a way to
// interrupt it; the limits still hold.
func (tp *Template) Execute(data any, fm template.FuncMap) (string, error) {
	return tp.ExecuteContext(context.Background(), data, fm)
}

// ExecuteContext runs the template on data with the functions of fm added
// (the per-dossier ones) and returns its Markdown text. It stops with a
// LimitError, naming the template, when the template goes over its Limits
// or ctx is done (Ctrl-C): every loop iteration, function call and write
// checks, so that happens within moments.
func (tp *Template) ExecuteContext(ctx context.Context, data any, fm template.FuncMap) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, tp.limits.Time)
	defer cancel()
	g := &guard{ctx: ctx, lim: tp.limits}
	t, err := tp.t.Clone()
	if err != nil {
		return "", tp.wrap(err)
	}
	t.Funcs(g.funcs(fm, tp.used))
	out := &output{g: g}
	if err := t.Execute(out, data); err != nil {
		return "", tp.wrap(err)
	}
	return out.buf.String(), nil
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
// in Dutch, with the line in the template file (for a block that is never
// closed, the line where it opened), keeping err as the cause. A template
// over its limits says which limit, and which function when a function
// call went over it.
func (tp *Template) wrap(err error) error {
	own, isOwn := ownMessage(err)
	m := reTemplateErr.FindStringSubmatch(err.Error())
	if m == nil {
		msg := dutchTemplateMsg(err.Error())
		if isOwn {
			msg = own
		}
		return errmsg.Wrap(err, "sjabloon %s: %s", tp.origin(tp.name), msg)
	}
	file, line, msg := m[1], m[2], m[3]
	origin := tp.origin(file)
	if e := reExecuting.FindStringSubmatch(msg); e != nil {
		rest := strings.TrimPrefix(msg, e[0])
		switch fn := calledFunc(rest); {
		case fn == "fail":
			msg = strings.TrimPrefix(rest, "error calling fail: ") // the template's own message
		case isOwn && fn != "":
			msg = "bij " + fn + ": " + own
		case isOwn:
			msg = own
		default:
			msg = "bij " + e[1] + ": " + dutchTemplateMsg(rest)
		}
		return errmsg.Wrap(err, "sjabloon %s, regel %s: %s", origin, line, msg)
	}
	if isOwn {
		return errmsg.Wrap(err, "sjabloon %s, regel %s: %s", origin, line, own)
	}
	if msg == "unexpected EOF" {
		if kw, at := unclosed(tp.texts[file]); kw != "" {
			return errmsg.Wrap(err, "sjabloon %s, regel %d: {{%s}} wordt nergens afgesloten; zet {{end}} waar het blok ophoudt", origin, at, kw)
		}
		return errmsg.Wrap(err, "sjabloon %s, regel %s: het sjabloon houdt midden in een {{...}} op", origin, line)
	}
	if f := reUndefined.FindStringSubmatch(msg); f != nil {
		msg = fmt.Sprintf("functie %q bestaat niet", f[1])
		if near := nearest.Word(f[1], funcNames()); near != "" {
			msg += fmt.Sprintf("; bedoelt u %s?", near)
		}
		return errmsg.Wrap(err, "sjabloon %s, regel %s: %s (de functies staan in README.md)", origin, line, msg)
	}
	return errmsg.Wrap(err, "sjabloon %s, regel %s: %s", origin, line, dutchTemplateMsg(msg))
}

// ownMessage returns the Dutch message of the first error in err's chain
// that this program made: a LimitError or an error of one of our template
// functions.
func ownMessage(err error) (string, bool) {
	var le *LimitError
	if errors.As(err, &le) {
		return le.Error(), true
	}
	var de *errmsg.Error
	if errors.As(err, &de) {
		return de.Error(), true
	}
	return "", false
}

// calledFunc returns the function name of an "error calling f: " message,
// or "" for the inserted loop check and any other message.
func calledFunc(msg string) string {
	rest, ok := strings.CutPrefix(msg, "error calling ")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, ":")
	if name == tickFunc {
		return ""
	}
	return name
}

// origin returns the path shown in errors for template file name.
func (tp *Template) origin(name string) string {
	if o, ok := tp.origins[name]; ok {
		return o
	}
	return name
}

// reUndefined matches text/template's message for an unknown function.
var reUndefined = regexp.MustCompile(`^function "([^"]*)" not defined$`)

// funcNames lists the functions a template can call: ours first, so a
// near miss is matched to one of them before a sprig function.
func funcNames() []string {
	var ours, others []string
	for name := range baseFuncs() {
		if name == tickFunc {
			continue
		}
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
