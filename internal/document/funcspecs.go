package document

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// funcSpec is what the guard knows about a template function beyond its
// signature.
type funcSpec struct {
	// formats is set for the functions that write their arguments as text
	// with fmt, which would print a pointer as a memory address.
	formats bool
	// guard checks, before the call, that what the function is about to
	// make stays within the limits: the size-making functions (repeat,
	// until, ...) could otherwise allocate gigabytes before their result
	// is seen.
	guard func(lim Limits, args []reflect.Value) error
}

// maxNumber bounds the numbers that size and count arguments may have, so
// no arithmetic on them can overflow.
const maxNumber = 1_000_000_000

// funcSpecs holds the spec of every function that needs more than the
// general checks.
var funcSpecs = map[string]funcSpec{
	"md":        {formats: true},
	"vereist":   {formats: true},
	"cat":       {formats: true},
	"quote":     {formats: true},
	"squote":    {formats: true},
	"toString":  {formats: true},
	"sortAlpha": {formats: true},
	"print":     {formats: true},
	"println":   {formats: true},
	"html":      {formats: true},
	"js":        {formats: true},
	"urlquery":  {formats: true},
	"fail":      {formats: true},
	"printf":    {formats: true},
	"join": {formats: true, guard: func(lim Limits, a []reflect.Value) error {
		// join sep list: the separator comes once per element.
		n := sizeOf(a[1], 0, int64(lim.Text)+1)
		return textSize(int64(a[0].Len())*count(a[1])+n, lim)
	}},
	"repeat": {guard: func(lim Limits, a []reflect.Value) error {
		n := a[0].Int()
		if err := number(n); err != nil {
			return err
		}
		return textSize(n*int64(a[1].Len()), lim)
	}},
	"indent":  {guard: indentGuard},
	"nindent": {guard: indentGuard},
	"replace": {guard: func(lim Limits, a []reflect.Value) error {
		old, nw, s := a[0].String(), a[1].String(), a[2].String()
		n := int64(strings.Count(s, old))
		if old == "" {
			n = int64(utf8.RuneCountInString(s)) + 1
		}
		return textSize(int64(len(s))+n*int64(len(nw)-len(old)), lim)
	}},
	"wrapWith": {guard: func(lim Limits, a []reflect.Value) error {
		// At worst the separator comes after every character.
		return textSize(int64(a[2].Len())*int64(1+a[1].Len()), lim)
	}},
	"splitList": {guard: func(lim Limits, a []reflect.Value) error {
		sep, s := a[0].String(), a[1].String()
		n := int64(strings.Count(s, sep)) + 1
		if sep == "" {
			n = int64(utf8.RuneCountInString(s))
		}
		return listSize(n, lim)
	}},
	"until": {guard: func(lim Limits, a []reflect.Value) error {
		n := a[0].Int()
		if n < 0 {
			n = -n
		}
		return listSize(n, lim)
	}},
	"untilStep": {guard: func(lim Limits, a []reflect.Value) error {
		start, stop, step := a[0].Int(), a[1].Int(), a[2].Int()
		for _, n := range []int64{start, stop, step} {
			if err := number(n); err != nil {
				return err
			}
		}
		if step == 0 || (stop-start)/step <= 0 {
			return nil // sprig returns an empty list
		}
		return listSize((stop-start)/step, lim)
	}},
}

// indentGuard bounds indent and nindent: the indentation comes once per
// line.
func indentGuard(lim Limits, a []reflect.Value) error {
	n := a[0].Int()
	if err := number(n); err != nil {
		return err
	}
	lines := int64(strings.Count(a[1].String(), "\n")) + 1
	return textSize(n*lines+int64(a[1].Len()), lim)
}

// number checks a count or size argument.
func number(n int64) error {
	if n < -maxNumber || n > maxNumber {
		return &LimitError{msg: fmt.Sprintf("het getal %d is te groot (hoogstens een miljard)", n)}
	}
	return nil
}

// textSize checks the size of the text a function is about to make.
func textSize(n int64, lim Limits) error {
	if n > int64(lim.Text) {
		return &LimitError{msg: fmt.Sprintf("de tekst wordt langer dan %s", mb(int64(lim.Text)))}
	}
	return nil
}

// listSize checks the length of the list a function is about to make.
func listSize(n int64, lim Limits) error {
	if n > int64(lim.Items) {
		return &LimitError{msg: fmt.Sprintf("de lijst krijgt %d elementen; hoogstens %d", n, lim.Items)}
	}
	return nil
}

// count returns the number of elements of a list argument, 1 for any
// other value.
func count(v reflect.Value) int64 {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return int64(v.Len())
	}
	return 1
}

// maxWidth bounds the width and precision in a printf format: fmt pads
// into memory before anything is checked.
const maxWidth = 1000

// printf is text/template's printf with the width and precision of every
// verb bounded by maxWidth and without '*' (a width taken from the
// arguments).
func printf(format string, args ...any) (string, error) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue // "%%" is a literal percent sign
		}
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			for i < len(format) && format[i] != ']' {
				i++
			}
			i++
		}
		for _, part := range []string{"breedte", "precisie"} {
			if part == "precisie" {
				if i >= len(format) || format[i] != '.' {
					break
				}
				i++
			}
			if i < len(format) && format[i] == '*' {
				return "", &LimitError{msg: "een " + part + " met * wordt niet ondersteund"}
			}
			n := 0
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				n = min(n*10+int(format[i]-'0'), maxWidth+1)
				i++
			}
			if n > maxWidth {
				return "", &LimitError{msg: fmt.Sprintf("een %s van meer dan %d tekens wordt niet ondersteund", part, maxWidth)}
			}
		}
		i-- // the loop's i++ steps onto the verb
	}
	return fmt.Sprintf(format, args...), nil
}
