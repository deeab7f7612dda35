// Package templates holds the files embedded in the binary: the document
// templates and the fonts the PDFs are set in, with their licence.
package templates

import "embed"

// Fonts holds the TrueType faces of Liberation Sans (SIL Open Font License
// 1.1, see fonts/LICENSE) that every PDF embeds a subset of.
//
//go:embed fonts
var Fonts embed.FS
