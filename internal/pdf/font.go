package pdf

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/templates"
)

// style is one of the four faces of the body font.
type style int

const (
	regular style = iota
	bold
	italic
	boldItalic
	numStyles
)

// fpdfStyle is the style string fpdf's SetFont expects.
func (s style) fpdfStyle() string {
	return [...]string{"", "B", "I", "BI"}[s]
}

func styleOf(b, i bool) style {
	switch {
	case b && i:
		return boldItalic
	case b:
		return bold
	case i:
		return italic
	}
	return regular
}

// fontFiles are the embedded faces, indexed by style.
var fontFiles = [numStyles]string{
	regular:    "fonts/LiberationSans-Regular.ttf",
	bold:       "fonts/LiberationSans-Bold.ttf",
	italic:     "fonts/LiberationSans-Italic.ttf",
	boldItalic: "fonts/LiberationSans-BoldItalic.ttf",
}

// fontFamily is the family name the faces are registered under in fpdf.
const fontFamily = "body"

// face is a parsed TrueType face: the raw bytes fpdf embeds a subset of, and
// the metrics our layout measures with. It is parsed once per process and
// shared by all documents.
type face struct {
	data []byte
	// widths are the advance widths of the BMP runes in 1/1000 em, as fpdf
	// computes them for the /W array.
	widths [0x10000]uint16
	// covered says which BMP runes the cmap maps to a glyph.
	covered [0x10000 / 64]uint64
	ascent  float64 // in 1/1000 em
}

func (f *face) has(r rune) bool {
	return r >= 0 && r < 0x10000 && f.covered[r/64]&(1<<(r%64)) != 0
}

// width returns the width of s in 1/1000 em. s must be sanitized.
func (f *face) width(s string) int {
	w := 0
	for _, r := range s {
		if r < 0x10000 {
			w += int(f.widths[r])
		}
	}
	return w
}

// fontSet holds the four faces and the rune set all of them cover.
type fontSet struct {
	faces [numStyles]*face
	// replacement stands in for runes the font lacks.
	replacement rune
	// plain marks the runes sanitize keeps as they are: covered by every
	// face, not invisible and not U+FFFD (which stands for invalid UTF-8).
	plain [0x10000 / 64]uint64
}

var (
	fontsOnce sync.Once
	fontsVal  *fontSet
	fontsErr  error
)

// loadFonts parses the embedded faces once.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		fontsVal, fontsErr = parseFontSet(templates.Fonts)
	})
	return fontsVal, fontsErr
}

func parseFontSet(fsys fs.FS) (*fontSet, error) {
	set := &fontSet{}
	for s, name := range fontFiles {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("lettertype %s niet gevonden: %w", name, err)
		}
		f, err := parseTTF(data)
		if err != nil {
			return nil, fmt.Errorf("lettertype %s onleesbaar: %w", name, err)
		}
		f.keepOnly(keptRanges)
		set.faces[s] = f
	}
	set.replacement = '?'
	if set.coveredByAll('\uFFFD') {
		set.replacement = '\uFFFD'
	}
	for r := rune(0); r < 0x10000; r++ {
		if r != utf8.RuneError && !invisible(r) && set.coveredByAll(r) {
			set.plain[r/64] |= 1 << (r % 64)
		}
	}
	return set, nil
}

// keptRanges are the Unicode blocks we set text in: Latin, Greek and Cyrillic
// with their diacritics, punctuation, currency, letterlike symbols, arrows
// and geometric shapes. Scripts fpdf cannot shape or order (Hebrew, Arabic)
// become replacement characters rather than printing reversed or unjoined.
var keptRanges = [][2]rune{
	{0x0020, 0x052F},
	{0x1E00, 0x1EFF},
	{0x2000, 0x21FF},
	{0x2200, 0x22FF},
	{0x25A0, 0x25FF},
	{0xFB00, 0xFB06},
}

// keepOnly drops the coverage of runes outside ranges.
func (f *face) keepOnly(ranges [][2]rune) {
	var keep [len(f.covered)]uint64
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			keep[r/64] |= 1 << (r % 64)
		}
	}
	for i := range f.covered {
		f.covered[i] &= keep[i]
	}
}

func (set *fontSet) coveredByAll(r rune) bool {
	for _, f := range set.faces {
		if !f.has(r) {
			return false
		}
	}
	return true
}

// sanitize makes s safe to hand to fpdf: control and format characters go
// (tabs and line breaks become spaces), invalid UTF-8, runes outside the BMP and runes
// any face lacks become the replacement character. fpdf panics or prints
// garbage on all of these.
func (set *fontSet) sanitize(s string) string {
	if set.isPlain(s) {
		return s
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b = append(b, ' ')
		case invisible(r):
			// dropped
		case !set.coveredByAll(r):
			b = append(b, set.replacement)
		default:
			b = append(b, r)
		}
	}
	return string(b)
}

// isPlain reports whether sanitize would return s unchanged.
func (set *fontSet) isPlain(s string) bool {
	for _, r := range s {
		if r >= 0x10000 || set.plain[r/64]&(1<<(r%64)) == 0 {
			return false
		}
	}
	return true
}

// invisible reports control and format characters (zero-width space, soft
// hyphen, bidi overrides): the font draws boxes for them, and a bidi override
// could make a printed document lie about its contents.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// sanitizeMeta makes s safe for a PDF info string: fpdf's UTF-16 encoder
// knows no surrogate pairs, so runes outside the BMP are replaced.
func sanitizeMeta(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b = append(b, ' ')
		case invisible(r):
		case r > 0xFFFF || r == utf8.RuneError:
			b = append(b, '?')
		default:
			b = append(b, r)
		}
	}
	return string(b)
}

// parseTTF reads the tables the layout needs (head, hhea, hmtx, cmap) and
// checks the file is a TrueType font fpdf can embed, because fpdf itself
// only prints its parse errors.
func parseTTF(data []byte) (*face, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("te kort voor een TrueType-bestand")
	}
	be := binary.BigEndian
	if v := be.Uint32(data); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("geen TrueType-bestand (versie %#x)", v)
	}
	numTables := int(be.Uint16(data[4:]))
	tables := map[string][]byte{}
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, fmt.Errorf("tabellenlijst afgekapt")
		}
		tag := string(data[rec : rec+4])
		off, n := int(be.Uint32(data[rec+8:])), int(be.Uint32(data[rec+12:]))
		if off < 0 || n < 0 || off+n > len(data) {
			return nil, fmt.Errorf("tabel %s buiten het bestand", tag)
		}
		tables[tag] = data[off : off+n]
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "cmap", "maxp", "loca", "glyf"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("tabel %s ontbreekt", tag)
		}
	}
	head, hhea, hmtx := tables["head"], tables["hhea"], tables["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || len(tables["maxp"]) < 6 {
		return nil, fmt.Errorf("head-, hhea- of maxp-tabel te kort")
	}
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		return nil, fmt.Errorf("unitsPerEm is 0")
	}
	numGlyphs := int(be.Uint16(tables["maxp"][4:]))
	numHMetrics := int(be.Uint16(hhea[34:]))
	if numHMetrics == 0 || len(hmtx) < 4*numHMetrics {
		return nil, fmt.Errorf("hmtx-tabel te kort")
	}
	advance := func(gid int) int {
		if gid >= numHMetrics {
			gid = numHMetrics - 1
		}
		return int(be.Uint16(hmtx[4*gid:]))
	}
	f := &face{data: data, ascent: float64(int16(be.Uint16(hhea[4:]))) * 1000 / upem}
	sub, err := findCmap4(tables["cmap"])
	if err != nil {
		return nil, err
	}
	err = walkCmap4(sub, func(r rune, gid int) {
		if gid == 0 || gid >= numGlyphs {
			return
		}
		f.covered[r/64] |= 1 << (r % 64)
		f.widths[r] = uint16(float64(advance(gid))*1000/upem + 0.5)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// findCmap4 returns the Unicode BMP subtable (format 4), the one fpdf uses.
func findCmap4(cmap []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return nil, fmt.Errorf("cmap-tabel te kort")
	}
	n := int(be.Uint16(cmap[2:]))
	var found []byte
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, fmt.Errorf("cmap-tabel afgekapt")
		}
		platform, enc := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if off+4 > len(cmap) || be.Uint16(cmap[off:]) != 4 {
			continue
		}
		if (platform == 3 && enc == 1) || (platform == 0 && found == nil) {
			found = cmap[off:]
		}
	}
	if found == nil {
		return nil, fmt.Errorf("geen Unicode-cmap (formaat 4)")
	}
	return found, nil
}

func walkCmap4(sub []byte, fn func(r rune, gid int)) error {
	be := binary.BigEndian
	if len(sub) < 14 {
		return fmt.Errorf("cmap-subtabel te kort")
	}
	segX2 := int(be.Uint16(sub[6:]))
	ends := 14
	starts := ends + segX2 + 2
	deltas := starts + segX2
	rangeOffs := deltas + segX2
	if rangeOffs+segX2 > len(sub) {
		return fmt.Errorf("cmap-subtabel afgekapt")
	}
	for i := 0; i < segX2; i += 2 {
		end := int(be.Uint16(sub[ends+i:]))
		start := int(be.Uint16(sub[starts+i:]))
		delta := int(be.Uint16(sub[deltas+i:]))
		ro := int(be.Uint16(sub[rangeOffs+i:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			var gid int
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else {
				p := rangeOffs + i + ro + 2*(c-start)
				if p+2 > len(sub) {
					continue
				}
				gid = int(be.Uint16(sub[p:]))
				if gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			fn(rune(c), gid)
		}
	}
	return nil
}
