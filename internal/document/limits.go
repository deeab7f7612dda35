package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"text/template"
	"text/template/parse"
	"time"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Limits bound what executing one document's template may cost. A user's
// template is input like the workbook: a mistake in it (a loop that does
// not end, a repeat of millions) must end in a clear message, not in
// gigabytes of memory or a process that ignores Ctrl-C.
type Limits struct {
	// Output is the most Markdown one document's template may write.
	Output int
	// Text is the longest text a template function may take in (all its
	// arguments together) or give back.
	Text int
	// Items is the longest list a template function may give back.
	Items int
	// Budget is the most all function results of one document may add up
	// to, in bytes, so a loop cannot keep making new texts.
	Budget int64
	// Time is how long one document may take, template and PDF together.
	Time time.Duration
}

// DefaultLimits are the limits of every document unless a Loader sets
// others. A generated document is some tens of kilobytes of Markdown and
// renders in milliseconds; 20 MB of Markdown lays out as some 7,000 pages
// in about 7 s on the project's 2-core machine.
var DefaultLimits = Limits{
	Output: 20 << 20,
	Text:   1 << 20,
	Items:  1000,
	Budget: 100 << 20,
	Time:   30 * time.Second,
}

// orDefault returns l with every zero field set to its default.
func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.Output > 0 {
		d.Output = l.Output
	}
	if l.Text > 0 {
		d.Text = l.Text
	}
	if l.Items > 0 {
		d.Items = l.Items
	}
	if l.Budget > 0 {
		d.Budget = l.Budget
	}
	if l.Time > 0 {
		d.Time = l.Time
	}
	return d
}

// LimitError is a template that went over one of its Limits, or was
// interrupted; Unwrap gives the context error for those two cases.
type LimitError struct {
	msg string // Dutch, without the template's name
	err error  // context.Canceled or context.DeadlineExceeded, or nil
}

func (e *LimitError) Error() string { return e.msg }
func (e *LimitError) Unwrap() error { return e.err }

// mb writes a byte count as whole megabytes ("20 MB") for messages.
func mb(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// guard holds the limits and what was spent of them during one execution.
// The functions a template calls, the checks inserted into its loops and
// its output all go through it.
type guard struct {
	ctx   context.Context
	lim   Limits
	spent int64 // bytes of function results so far
}

// alive returns a LimitError when the execution must stop: the document's
// time is up or the run was interrupted (Ctrl-C, SIGTERM).
func (g *guard) alive() error {
	err := g.ctx.Err()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return &LimitError{msg: fmt.Sprintf("afgebroken na %s, de tijdslimiet per document; loopt er een lus die niet stopt?", dutchDuration(g.lim.Time)), err: err}
	}
	return &LimitError{msg: "onderbroken", err: err}
}

// dutchDuration writes d as "30 s" or "250 ms".
func dutchDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%g s", d.Seconds())
}

// output is the writer a template executes into: it stops the execution at
// the first write past the output limit, or once the guard says stop.
type output struct {
	g   *guard
	buf bytes.Buffer
}

func (o *output) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil // an empty value, such as the loop check's
	}
	if err := o.g.alive(); err != nil {
		return 0, err
	}
	if o.buf.Len()+len(p) > o.g.lim.Output {
		return 0, &LimitError{msg: fmt.Sprintf("de uitvoer wordt groter dan %s; loopt er een lus die niet stopt?", mb(int64(o.g.lim.Output)))}
	}
	return o.buf.Write(p)
}

// tickFunc is the function prepare inserts at the start of every range
// body and every template definition: loops and recursion are the only
// ways a template can run long without calling a function or writing, so
// a template stops within one iteration of being told to.
const tickFunc = "_poortwachterTick"

// prepare readies a parsed template tree for execution: it escapes every
// printed value (autoEscape), inserts the tick at the start of every loop
// body and of the template itself, and records in used the names of the
// functions the tree calls.
func prepare(t *parse.Tree, used map[string]bool) {
	if t == nil || t.Root == nil {
		return
	}
	autoEscape(t)
	insertTicks(t.Root)
	t.Root.Nodes = append([]parse.Node{tickNode(t.Root.Pos)}, t.Root.Nodes...)
	collectFuncs(t.Root, used)
}

func tickNode(pos parse.Pos) parse.Node {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: &parse.PipeNode{
		NodeType: parse.NodePipe, Pos: pos,
		Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos,
			Args: []parse.Node{parse.NewIdentifier(tickFunc).SetTree(nil).SetPos(pos)}}},
	}}
}

func insertTicks(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			insertTicks(c)
		}
	case *parse.RangeNode:
		insertTicks(n.List)
		insertTicks(n.ElseList)
		if n.List != nil {
			n.List.Nodes = append([]parse.Node{tickNode(n.Pos)}, n.List.Nodes...)
		}
	case *parse.IfNode:
		insertTicks(n.List)
		insertTicks(n.ElseList)
	case *parse.WithNode:
		insertTicks(n.List)
		insertTicks(n.ElseList)
	}
}

// collectFuncs adds to used every function name called in n.
func collectFuncs(n parse.Node, used map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			collectFuncs(c, used)
		}
	case *parse.ActionNode:
		collectFuncs(n.Pipe, used)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			collectFuncs(c, used)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			collectFuncs(a, used)
		}
	case *parse.ChainNode:
		collectFuncs(n.Node, used)
	case *parse.IdentifierNode:
		used[n.Ident] = true
	case *parse.IfNode:
		collectBranch(&n.BranchNode, used)
	case *parse.RangeNode:
		collectBranch(&n.BranchNode, used)
	case *parse.WithNode:
		collectBranch(&n.BranchNode, used)
	case *parse.TemplateNode:
		collectFuncs(n.Pipe, used)
	}
}

func collectBranch(n *parse.BranchNode, used map[string]bool) {
	collectFuncs(n.Pipe, used)
	collectFuncs(n.List, used)
	collectFuncs(n.ElseList, used)
}

// funcs returns the guarded versions of the functions in used, taken from
// fm (the per-document ones) or else from the base functions: every call
// first checks that the execution may go on, that its arguments are within
// the limits (and, for size-making functions, that their result will be),
// and then that its result is.
func (g *guard) funcs(fm template.FuncMap, used map[string]bool) template.FuncMap {
	base := baseFuncs()
	out := template.FuncMap{tickFunc: func() (string, error) { return "", g.alive() }}
	for name := range used {
		fn, ok := fm[name]
		if !ok {
			fn, ok = base[name]
		}
		if !ok || name == tickFunc {
			continue // a builtin such as len or eq, or a variable
		}
		out[name] = g.wrap(name, fn)
	}
	return out
}

var (
	errorType    = reflect.TypeFor[error]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// wrap returns fn with the checks of funcs around it. The wrapper returns
// (result, error) whatever fn returns; text/template accepts both forms.
func (g *guard) wrap(name string, fn any) any {
	if w := g.wrapTyped(funcSpecs[name], fn); w != nil {
		return w
	}
	return g.wrapReflect(name, fn)
}

// wrapTyped is wrap for the signatures of the functions templates call
// most (ours; no size-making check of their own): a Go closure instead of
// reflect.MakeFunc, which spares each call a second trip through reflect.
// The checks are the same, in the same order, on the same values. It
// returns nil for other functions.
func (g *guard) wrapTyped(spec funcSpec, fn any) any {
	if spec.guard != nil {
		return nil
	}
	switch f := fn.(type) {
	case func(any) Markdown:
		return guarded1(g, spec, f)
	case func(string) Markdown:
		return guarded1(g, spec, f)
	case func(string) string:
		return guarded1(g, spec, f)
	case func(dossier.Date) string:
		return guarded1(g, spec, f)
	case func(dossier.Date) bool:
		return guarded1(g, spec, f)
	case func(string, any) Markdown:
		return guarded2(g, spec, f)
	case func(dossier.Date, dossier.Date) string:
		return guarded2(g, spec, f)
	}
	return nil
}

// guarded1 and guarded2 are wrapTyped's closures for one and two arguments.
func guarded1[A, R any](g *guard, spec funcSpec, f func(A) R) func(A) (R, error) {
	return func(a A) (R, error) {
		return guardedCall(g, spec, []reflect.Value{reflect.ValueOf(a)}, func() R { return f(a) })
	}
}

func guarded2[A, B, R any](g *guard, spec funcSpec, f func(A, B) R) func(A, B) (R, error) {
	return func(a A, b B) (R, error) {
		return guardedCall(g, spec, []reflect.Value{reflect.ValueOf(a), reflect.ValueOf(b)}, func() R { return f(a, b) })
	}
}

// guardedCall runs f between the checks wrapReflect makes: alive, before
// on the arguments, after on the result.
func guardedCall[R any](g *guard, spec funcSpec, args []reflect.Value, f func() R) (R, error) {
	var zero R
	if err := g.alive(); err != nil {
		return zero, err
	}
	if err := g.before(spec, args); err != nil {
		return zero, err
	}
	r := f()
	if err := g.after(reflect.ValueOf(r)); err != nil {
		return zero, err
	}
	return r, nil
}

// wrapReflect is wrap for any function, through reflect.MakeFunc.
func (g *guard) wrapReflect(name string, fn any) any {
	v := reflect.ValueOf(fn)
	t := v.Type()
	if t.Kind() != reflect.Func || t.NumOut() == 0 || t.NumOut() > 2 {
		return fn
	}
	ins := make([]reflect.Type, t.NumIn())
	for i := range ins {
		ins[i] = t.In(i)
	}
	res := t.Out(0)
	wt := reflect.FuncOf(ins, []reflect.Type{res, errorType}, t.IsVariadic())
	spec := funcSpecs[name]
	fail := func(err error) []reflect.Value {
		return []reflect.Value{reflect.Zero(res), reflect.ValueOf(&err).Elem()}
	}
	return reflect.MakeFunc(wt, func(args []reflect.Value) []reflect.Value {
		if err := g.alive(); err != nil {
			return fail(err)
		}
		if err := g.before(spec, flatten(args, t.IsVariadic())); err != nil {
			return fail(err)
		}
		var out []reflect.Value
		if t.IsVariadic() {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		if len(out) == 2 && !out[1].IsNil() {
			return out
		}
		if err := g.after(out[0]); err != nil {
			return fail(err)
		}
		return []reflect.Value{out[0], reflect.Zero(errorType)}
	}).Interface()
}

// before checks the arguments of a call: all text in them together is at
// most Limits.Text; a function that formats its arguments as text may not
// get a value that holds a pointer below its top level (fmt would print a
// memory address, different on every run); and a size-making function's
// own check.
func (g *guard) before(spec funcSpec, args []reflect.Value) error {
	var n int64
	for _, a := range args {
		n += sizeOf(a, 0, int64(g.lim.Text)-n+1)
		if n > int64(g.lim.Text) {
			return &LimitError{msg: fmt.Sprintf("de argumenten zijn samen langer dan %s", mb(int64(g.lim.Text)))}
		}
		if spec.formats && nestedPointer(a, 0) {
			return &LimitError{msg: fmt.Sprintf("kan een samengestelde waarde (%s) niet als tekst schrijven; kies een veld ervan, zoals .Datum of .Titel", typeName(a))}
		}
	}
	if spec.guard != nil {
		return spec.guard(g.lim, args)
	}
	return nil
}

// flatten returns the arguments of a call, the variadic ones one by one.
func flatten(args []reflect.Value, variadic bool) []reflect.Value {
	if !variadic || len(args) == 0 {
		return args
	}
	last := args[len(args)-1]
	out := append([]reflect.Value(nil), args[:len(args)-1]...)
	for i := 0; i < last.Len(); i++ {
		out = append(out, last.Index(i))
	}
	return out
}

// after checks a function's result and adds its size to the budget.
func (g *guard) after(v reflect.Value) error {
	var n int64
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return g.after(v.Elem())
	case reflect.String:
		n = int64(v.Len())
		if n > int64(g.lim.Text) {
			return &LimitError{msg: fmt.Sprintf("de tekst wordt langer dan %s", mb(int64(g.lim.Text)))}
		}
	case reflect.Slice, reflect.Map:
		if v.Len() > g.lim.Items {
			return &LimitError{msg: fmt.Sprintf("de lijst krijgt %d elementen; hoogstens %d", v.Len(), g.lim.Items)}
		}
		n = int64(v.Len()) * 16
	}
	g.spent += n
	if g.spent > g.lim.Budget {
		return &LimitError{msg: fmt.Sprintf("de functies van dit sjabloon maken samen meer dan %s tekst; loopt er een lus die niet stopt?", mb(g.lim.Budget))}
	}
	return nil
}

// sizeOf returns the bytes of text in v, counting 8 for each element of a
// list or map and looking no deeper than a few levels (a dict can hold
// itself); it stops counting once past limit. Struct fields are not
// counted: they come from the dossier, which a template cannot grow.
func sizeOf(v reflect.Value, depth int, limit int64) int64 {
	if depth > 4 || !v.IsValid() {
		return 0
	}
	switch v.Kind() {
	case reflect.String:
		return int64(v.Len())
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return sizeOf(v.Elem(), depth, limit)
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return int64(v.Len())
		}
		var n int64
		for i := 0; i < v.Len() && n <= limit; i++ {
			n += 8 + sizeOf(v.Index(i), depth+1, limit-n)
		}
		return n
	case reflect.Map:
		var n int64
		it := v.MapRange()
		for it.Next() && n <= limit {
			n += 8 + sizeOf(it.Key(), depth+1, limit-n)
			n += sizeOf(it.Value(), depth+1, limit-n)
		}
		return n
	}
	return 0
}

// nestedPointer reports whether fmt would print a memory address for v:
// a pointer, function or channel anywhere but as a pointer to a composite
// value at the top.
func nestedPointer(v reflect.Value, depth int) bool {
	if depth > 6 || !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return false
		}
		return nestedPointer(v.Elem(), depth)
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return !v.IsNil()
	}
	if depth > 0 && v.CanInterface() && v.Type().Implements(stringerType) {
		return false // fmt prints what String returns
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return false
		}
		switch v.Elem().Kind() {
		case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
			if depth == 0 {
				return nestedPointer(v.Elem(), depth+1)
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if nestedPointer(v.Field(i), depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if nestedPointer(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if nestedPointer(it.Key(), depth+1) || nestedPointer(it.Value(), depth+1) {
				return true
			}
		}
	}
	return false
}

func typeName(v reflect.Value) string {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !v.IsValid() {
		return "niets"
	}
	return v.Type().String()
}
