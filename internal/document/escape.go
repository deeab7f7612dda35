package document

import (
	"fmt"
	"strings"
	"text/template/parse"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Markdown is text that is already Markdown and is written into a document
// as is, like html/template's HTML. The functions that produce markup on
// purpose (ontbreekt, vereist) return it; everything else a template prints
// is escaped.
type Markdown string

// md escapes a value for Markdown unless it already is Markdown. Loader
// appends it to every printing action of every template, so text from the
// workbook can never change a document's structure, whatever it contains.
func md(v any) Markdown {
	switch x := v.(type) {
	case Markdown:
		return x
	case nil:
		return ""
	case string:
		return Markdown(Escape(x))
	case dossier.Date:
		return Markdown(Escape(datum(x)))
	case float64:
		return Markdown(getal(x))
	}
	return Markdown(Escape(fmt.Sprint(v)))
}

// Escape makes s literal text in Markdown: white space, line breaks
// included, collapses to single spaces (so a value cannot end a table row or
// start a block), and the characters that make emphasis, links, code, HTML,
// tables, headings, entities or our own markers get a backslash. A dash,
// plus, equals sign or "1. " at the start is escaped too, so it cannot start
// a list or underline a heading.
func Escape(s string) string {
	s = dossier.NormalizeSpace(s)
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&':
			b.WriteByte('\\')
		case '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if i > 0 && strings.Trim(s[:i], "0123456789") == "" && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// autoEscape appends "| md" to every action in t that prints, so templates
// need not remember to escape. Actions that only declare or assign a
// variable print nothing and are left alone, as are those already ending
// in md.
func autoEscape(t *parse.Tree) {
	if t == nil || t.Root == nil {
		return
	}
	walk(t.Root)
}

func walk(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c)
		}
	case *parse.ActionNode:
		p := n.Pipe
		if len(p.Decl) > 0 || len(p.Cmds) == 0 {
			return
		}
		last := p.Cmds[len(p.Cmds)-1]
		if id, ok := last.Args[0].(*parse.IdentifierNode); ok && id.Ident == "md" {
			return
		}
		p.Cmds = append(p.Cmds, &parse.CommandNode{
			NodeType: parse.NodeCommand,
			Pos:      n.Pos,
			Args:     []parse.Node{parse.NewIdentifier("md").SetTree(nil).SetPos(n.Pos)},
		})
	case *parse.IfNode:
		walk(n.List)
		walk(n.ElseList)
	case *parse.RangeNode:
		walk(n.List)
		walk(n.ElseList)
	case *parse.WithNode:
		walk(n.List)
		walk(n.ElseList)
	}
}
