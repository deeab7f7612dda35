package document

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// execLimited parses and executes text as template t.md.tmpl with limits
// lim and returns the output and error.
func execLimited(t *testing.T, ctx context.Context, text string, lim Limits) (string, error) {
	t.Helper()
	l := testLoader(map[string]string{"t.md.tmpl": text})
	l.Limits = lim
	tp, err := l.Parse("t.md.tmpl")
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return tp.ExecuteContext(ctx, map[string]any{"Naam": "Jan"}, nil)
}

// TestTemplateLimits runs templates that go over each limit: each stops
// with a LimitError whose message names the template, the line where one
// applies, and what was exceeded. Without the limits, the first case writes
// a gigabyte and the time case never ends.
func TestTemplateLimits(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		lim        Limits // zero fields: DefaultLimits
		want       string
	}{
		// The template of issue 11: 200 × 5 MB of output.
		{"output", `{{range $i := until 200}}{{range $j := until 5}}{{ repeat 1000000 "x" }}{{end}}{{end}}`,
			Limits{}, "sjabloon t.md.tmpl: de uitvoer wordt groter dan 20 MB; loopt er een lus die niet stopt?"},
		{"repeat", "\n{{ repeat 5000000 \"x\" }}",
			Limits{}, "sjabloon t.md.tmpl, regel 2: bij repeat: de tekst wordt langer dan 1 MB"},
		{"repeat huge count", `{{ repeat 9000000000000000000 "x" }}`,
			Limits{}, "bij repeat: het getal 9000000000000000000 is te groot (hoogstens een miljard)"},
		{"until", `{{range until 100000}}.{{end}}`,
			Limits{}, "bij until: de lijst krijgt 100000 elementen; hoogstens 1000"},
		{"until negative", `{{range until -100000}}.{{end}}`,
			Limits{}, "bij until: de lijst krijgt 100000 elementen; hoogstens 1000"},
		{"untilStep", `{{range untilStep 0 1000000000 2}}.{{end}}`,
			Limits{}, "bij untilStep: de lijst krijgt 500000000 elementen; hoogstens 1000"},
		{"untilStep overflow", `{{range untilStep 9223372036854775800 9223372036854775807 9223372036854775807}}.{{end}}`,
			Limits{}, "bij untilStep: het getal 9223372036854775800 is te groot"},
		{"indent", `{{ indent 600000 "a\nb" }}`,
			Limits{}, "bij indent: de tekst wordt langer dan 1 MB"},
		{"nindent", `{{ nindent 2000000 "a" }}`,
			Limits{}, "bij nindent: de tekst wordt langer dan 1 MB"},
		{"replace", `{{ $s := repeat 1000 "x" }}{{ replace "" (repeat 2000 "y") $s }}`,
			Limits{}, "bij replace: de tekst wordt langer dan 1 MB"},
		{"wrapWith", `{{ wrapWith 1 (repeat 1000 "-") (repeat 2000 "x") }}`,
			Limits{}, "bij wrapWith: de tekst wordt langer dan 1 MB"},
		{"splitList", `{{ splitList "" (repeat 5000 "x") }}`,
			Limits{}, "bij splitList: de lijst krijgt 5000 elementen; hoogstens 1000"},
		{"join", `{{ $l := list }}{{range until 600}}{{ $l = append $l (repeat 1000 "x") }}{{end}}{{ join (repeat 1000 ",") $l }}`,
			Limits{}, "bij join: de tekst wordt langer dan 1 MB"},
		{"printf width", `{{ printf "%1000000000d" 1 }}`,
			Limits{}, "bij printf: een breedte van meer dan 1000 tekens wordt niet ondersteund"},
		{"printf star", `{{ printf "%*d" 1000000000 1 }}`,
			Limits{}, "bij printf: een breedte met * wordt niet ondersteund"},
		{"printf precision", `{{ printf "%.5000f" 1.0 }}`,
			Limits{}, "bij printf: een precisie van meer dan 1000 tekens wordt niet ondersteund"},
		// Doubling a text: every result is checked.
		{"doubling", `{{ $s := "x" }}{{range until 40}}{{ $s = cat $s $s }}{{end}}`,
			Limits{}, "bij cat: de argumenten zijn samen langer dan 1 MB"},
		// Many texts under the limit each: the budget.
		{"budget", `{{range until 1000}}{{ $s := repeat 900000 "x" }}{{end}}`,
			Limits{}, "bij repeat: de functies van dit sjabloon maken samen meer dan 100 MB tekst"},
		{"list of lists", `{{ $l := list 1 }}{{range until 20}}{{ $l = concat $l $l }}{{end}}`,
			Limits{}, "bij concat: de lijst krijgt 1024 elementen; hoogstens 1000"},
		// Recursion without end: text/template's own depth limit.
		{"recursion", `{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}`,
			Limits{}, "blokken roepen elkaar te diep aan (meer dan 100000 niveaus); roept een blok zichzelf aan?"},
		// Loops without a function call or output: the time limit, seen by
		// the check inserted into every loop body.
		{"time", `{{range 1000000}}{{range 1000000}}{{range 1000000}}{{end}}{{end}}{{end}}`,
			Limits{Time: 50 * time.Millisecond}, "sjabloon t.md.tmpl, regel 1: afgebroken na 50 ms, de tijdslimiet per document; loopt er een lus die niet stopt?"},
		{"time in recursion", `{{define "r"}}{{if lt (len .) 64}}{{template "r" (append . 1)}}{{template "r" (append . 1)}}{{end}}{{end}}{{template "r" list}}`,
			Limits{Time: 50 * time.Millisecond}, "afgebroken na 50 ms"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := execLimited(t, context.Background(), tc.text, tc.lim)
			if err == nil {
				t.Fatalf("no error; output %d bytes", len(out))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %q\nwant it to contain %q", err, tc.want)
			}
			if tc.name != "recursion" {
				var le *LimitError
				if !errors.As(err, &le) {
					t.Errorf("err %v is no LimitError", err)
				}
			}
		})
	}
}

// TestTemplatePointer: a template cannot print a value that holds a pointer
// below its top level, since fmt would write its memory address, which
// differs between runs.
func TestTemplatePointer(t *testing.T) {
	type inner struct{ N int }
	type outer struct{ P *inner }
	l := testLoader(map[string]string{
		"a.md.tmpl": `{{ . }}`,
		"b.md.tmpl": `{{ cat "x" . }}`,
		"c.md.tmpl": `{{ .P }}`, // a pointer to a struct at the top prints as &{1}
	})
	for name, want := range map[string]string{
		"a.md.tmpl": "sjabloon a.md.tmpl, regel 1: bij md: kan een samengestelde waarde (document.outer) niet als tekst schrijven",
		"b.md.tmpl": "sjabloon b.md.tmpl, regel 1: bij cat: kan een samengestelde waarde (document.outer) niet als tekst schrijven",
		"c.md.tmpl": "",
	} {
		tp, err := l.Parse(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := tp.Execute(outer{P: &inner{1}}, nil)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case want == "" && out != `\&{1}`:
			t.Errorf("%s: output %q, want \\&{1}", name, out)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%s: err = %v, want prefix %q", name, err, want)
		}
	}
}

// TestTemplateCancel: a template that would run for hours stops when its
// context is cancelled (Ctrl-C), with an error that wraps
// context.Canceled, also while it is busy.
func TestTemplateCancel(t *testing.T) {
	forever := `{{range 1000000}}{{range 1000000}}{{range 1000000}}{{end}}{{end}}{{end}}`
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := execLimited(t, ctx, forever, Limits{})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond) // let it start; the test does not depend on it
	cancel()
	err := <-done
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if want := "sjabloon t.md.tmpl, regel 1: onderbroken"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

// TestTemplateWithinLimits: the built-in templates stay far from the
// limits (see TestVoorbeeld for their output), and the guarded functions
// give the same results as unguarded ones.
func TestTemplateWithinLimits(t *testing.T) {
	for text, want := range map[string]string{
		`{{ repeat 3 "ab" }}`:                            "ababab",
		`{{ range until 3 }}{{ . }}{{ end }}`:            "012",
		`{{ range untilStep 10 0 -4 }}{{ . }} {{ end }}`: "10 6 2 ",
		`{{ printf "%05.1f/%-4s/%%5d" 3.14159 "a" }}`:    "003.1/a /%5d",
		`{{ join ", " (list "a" "b") }}`:                 "a, b",
		`{{ indent 2 "a" | len }}`:                       "3",
		`{{ replace "a" "bb" "banana" }}`:                "bbbnbbnbb",
		`{{ upper .Naam }}`:                              "JAN",
	} {
		out, err := execLimited(t, context.Background(), text, Limits{})
		if err != nil {
			t.Errorf("%s: %v", text, err)
			continue
		}
		if out != want {
			t.Errorf("%s = %q, want %q", text, out, want)
		}
	}
}

// TestTypedWrappersAgree holds wrapTyped's closures to wrapReflect, which
// every other function goes through: for each function that gets a typed
// wrapper, the same arguments give the same result, the same error and the
// same spending of the budget, also when an argument is too long, when a
// value would print a pointer and when the document's time is up.
func TestTypedWrappersAgree(t *testing.T) {
	type inner struct{ N int }
	type outer struct{ P *inner }
	day, err := dossier.ParseDate("2026-03-03")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", DefaultLimits.Text+1)     // too long an argument
	big := strings.Repeat("y", DefaultLimits.Text-10)     // results that use up the budget
	stars := strings.Repeat("*", DefaultLimits.Text/2+10) // md's escaping makes it too long
	samples := map[reflect.Type][]reflect.Value{
		reflect.TypeFor[string](): {reflect.ValueOf(""), reflect.ValueOf("Jan (*vet*)"), reflect.ValueOf("123456782"),
			reflect.ValueOf(long), reflect.ValueOf(big), reflect.ValueOf(stars)},
		reflect.TypeFor[any](): {reflect.Zero(reflect.TypeFor[any]()), reflect.ValueOf(any("tekst")), reflect.ValueOf(any(42)),
			reflect.ValueOf(any(day)), reflect.ValueOf(any(outer{&inner{1}})), reflect.ValueOf(any(long)), reflect.ValueOf(any(stars))},
		reflect.TypeFor[dossier.Date](): {reflect.ValueOf(dossier.Date{}), reflect.ValueOf(day)},
	}
	// argLists returns every combination of samples for the parameters.
	var argLists func(ft reflect.Type, i int) [][]reflect.Value
	argLists = func(ft reflect.Type, i int) [][]reflect.Value {
		if i == ft.NumIn() {
			return [][]reflect.Value{nil}
		}
		var out [][]reflect.Value
		for _, rest := range argLists(ft, i+1) {
			for _, a := range samples[ft.In(i)] {
				out = append(out, append([]reflect.Value{a}, rest...))
			}
		}
		return out
	}
	funcs := map[string]any{"week": func(d dossier.Date) string { return "week " + d.NL() }}
	for name, fn := range baseFuncs() {
		funcs[name] = fn
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	typed := 0
	for name, fn := range funcs {
		for _, ctx := range []context.Context{context.Background(), cancelled} {
			lim := DefaultLimits
			lim.Budget = 3 * int64(len(long)) // repeated calls with big go over it
			gt, gr := &guard{ctx: ctx, lim: lim}, &guard{ctx: ctx, lim: lim}
			wt := gt.wrapTyped(funcSpecs[name], fn)
			if wt == nil {
				break
			}
			if ctx == context.Background() {
				typed++
			}
			vt, vr := reflect.ValueOf(wt), reflect.ValueOf(gr.wrapReflect(name, fn))
			if vt.Type() != vr.Type() {
				t.Fatalf("%s: typed wrapper is %v, reflect wrapper %v", name, vt.Type(), vr.Type())
			}
			for _, args := range argLists(vt.Type(), 0) {
				for round := 0; round < 4; round++ { // spend the budget
					ot, or := vt.Call(args), vr.Call(args)
					if !reflect.DeepEqual(ot[0].Interface(), or[0].Interface()) || fmt.Sprint(ot[1]) != fmt.Sprint(or[1]) {
						t.Fatalf("%s%v: typed wrapper gives (%.40q, %v), reflect wrapper (%.40q, %v)", name, args, ot[0], ot[1], or[0], or[1])
					}
					if gt.spent != gr.spent {
						t.Fatalf("%s%v: typed wrapper spent %d, reflect wrapper %d", name, args, gt.spent, gr.spent)
					}
				}
			}
		}
	}
	// ours that templates call most, plus week and some of Sprig's
	if typed < 12 {
		t.Errorf("%d functions got a typed wrapper; want at least 12", typed)
	}
}
