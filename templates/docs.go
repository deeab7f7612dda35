package templates

import "embed"

// Docs holds the built-in document templates and their guide for people
// who change the wording (README.md). A template of the same file name in
// the folder given with --templates takes precedence.
//
//go:embed *.md.tmpl README.md
var Docs embed.FS
