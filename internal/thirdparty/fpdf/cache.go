// Copyright ©2026 The poortwachter Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

// This file is poortwachter's patch to fpdf v0.9.0 (see PATCHES.md): caches
// that let documents share work which only depends on a font file's bytes.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"sort"
	"sync"
	"unicode/utf8"
)

// parsedUTF8Font is what AddUTF8FontFromBytes derives from a font file
// independently of the document: the metrics parseFile reads and the font
// ID generateFontID hashes from them. cw is shared by every document that
// uses the font and must not be written to (fpdf only reads Cw).
type parsedUTF8Font struct {
	desc   FontDescType
	up, ut int
	cw     []int

	mu  sync.Mutex
	ids map[string]string // font key -> generateFontID of the definition

	cutOnce sync.Once
	cut     *cutTables // nil if readCutTables fails

	subsets map[string]*utf8Subset // under mu; key: subsetKey of the used runes
}

// utf8FontCache maps the contents of font files passed to
// AddUTF8FontFromBytes to their parse. It is keyed on the bytes themselves
// (a map lookup with string(b) neither allocates nor trusts the caller to
// leave the slice alone), and it keeps one copy of each distinct font file
// for the life of the process.
var utf8FontCache struct {
	sync.RWMutex
	m map[string]*parsedUTF8Font
}

// parseUTF8FontCached returns the parse of utf8Bytes, parsing them only the
// first time a font file with these contents is seen. A file that fails to
// parse is not cached, so every call reports its error as upstream does.
func parseUTF8FontCached(utf8Bytes []byte) (*parsedUTF8Font, error) {
	utf8FontCache.RLock()
	p := utf8FontCache.m[string(utf8Bytes)]
	utf8FontCache.RUnlock()
	if p != nil {
		return p, nil
	}
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
	if err := utf8File.parseFile(); err != nil {
		return nil, err
	}
	p = &parsedUTF8Font{
		desc: FontDescType{
			Ascent:       int(utf8File.Ascent),
			Descent:      int(utf8File.Descent),
			CapHeight:    utf8File.CapHeight,
			Flags:        utf8File.Flags,
			FontBBox:     utf8File.Bbox,
			ItalicAngle:  utf8File.ItalicAngle,
			StemV:        utf8File.StemV,
			MissingWidth: round(utf8File.DefaultWidth),
		},
		up:  int(round(utf8File.UnderlinePosition)),
		ut:  round(utf8File.UnderlineThickness),
		cw:  utf8File.CharWidths,
		ids: make(map[string]string),
	}
	utf8FontCache.Lock()
	defer utf8FontCache.Unlock()
	if q := utf8FontCache.m[string(utf8Bytes)]; q != nil {
		return q, nil // parsed concurrently by another document
	}
	if utf8FontCache.m == nil {
		utf8FontCache.m = make(map[string]*parsedUTF8Font)
	}
	utf8FontCache.m[string(utf8Bytes)] = p
	return p, nil
}

// fontID returns generateFontID(def) for a definition built from p,
// computing it once per font key: the JSON encoding it hashes holds the
// 65,536-entry width table.
func (p *parsedUTF8Font) fontID(def fontDefType) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	id, ok := p.ids[def.Name]
	if !ok {
		id, _ = generateFontID(def)
		p.ids[def.Name] = id
	}
	return id
}

// cutTables is the state readCutTables leaves in a utf8FontFile, which
// depends only on the font file. The maps and slices are shared by every
// document that subsets the font and must not be written to; the rest of
// GenerateCutFont only reads them.
type cutTables struct {
	readerPosition       int64
	tableDescriptions    map[string]*tableDescription
	charSymbolDictionary map[int]int
	symbolPosition       []int
	charWidths           []int
	defaultWidth         float64
	oldMetrics           int
}

// cutBase returns the result of readCutTables on data, the font file p was
// parsed from, running it the first time only. It returns nil for a nil p
// (a font not from the cache) and for a font readCutTables fails on, so
// that GenerateCutFont runs readCutTables itself and reports as upstream.
func (p *parsedUTF8Font) cutBase(data []byte) *cutTables {
	if p == nil {
		return nil
	}
	p.cutOnce.Do(func() {
		utf := newUTF8Font(&fileReader{readerPosition: 0, array: data})
		oldMetrics, ok := utf.readCutTables()
		if !ok {
			return
		}
		p.cut = &cutTables{
			readerPosition:       utf.fileReader.readerPosition,
			tableDescriptions:    utf.tableDescriptions,
			charSymbolDictionary: utf.charSymbolDictionary,
			symbolPosition:       utf.symbolPosition,
			charWidths:           utf.CharWidths,
			defaultWidth:         utf.DefaultWidth,
			oldMetrics:           oldMetrics,
		}
	})
	return p.cut
}

// restore puts utf in the state readCutTables would leave it in and returns
// what readCutTables would return.
func (c *cutTables) restore(utf *utf8FontFile) (oldMetrics int) {
	utf.fileReader.readerPosition = c.readerPosition
	utf.symbolPosition = c.symbolPosition
	utf.charSymbolDictionary = c.charSymbolDictionary
	utf.tableDescriptions = c.tableDescriptions
	utf.outTablesData = make(map[string][]byte)
	utf.Ascent = 0
	utf.Descent = 0
	utf.LastRune = 0
	utf.CharWidths = c.charWidths
	utf.DefaultWidth = c.defaultWidth
	return c.oldMetrics
}

// zlibWriters holds zlib writers at BestSpeed for xmempool.compress;
// flate.NewWriter allocates about 1 MB of tables, once per stream upstream.
// A writer that is Reset writes the same bytes as a new one.
var zlibWriters = sync.Pool{
	New: func() interface{} {
		zw, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
		if err != nil {
			panic(err) // BestSpeed is a valid level
		}
		return zw
	},
}

// utf8Subset is what putfonts writes for a UTF-8 font that depends on the
// runes a document uses: the /W entry, the compressed CIDToGIDMap and the
// compressed subset font file with its uncompressed size. Cached values
// are shared: do not write to them.
type utf8Subset struct {
	widths       string
	cidToGidMap  []byte
	fontFile     []byte
	fontFileSize int
}

func (s *utf8Subset) size() int {
	return len(s.widths) + len(s.cidToGidMap) + len(s.fontFile)
}

// subsetCacheMax bounds the bytes of all cached subsets together (each is
// some 10-30 KB); once it is reached, new rune sets are subset every time.
const subsetCacheMax = 32 << 20

// subsetCacheSize is the bytes the cached subsets of all fonts hold, under
// subsetCacheMu.
var (
	subsetCacheMu   sync.Mutex
	subsetCacheSize int
)

// cachedSubset returns the subset of font for its used runes: from the
// cache of its font file when it was made before, else made as upstream's
// putfonts makes it (and cached while there is room). The font's usedRunes
// must no longer change. encrypted documents get copies, since putstream
// encrypts in place.
func cachedSubset(font *fontDefType, encrypted bool) *utf8Subset {
	p := font.utf8File.parsed
	if p == nil {
		return makeSubset(font)
	}
	key := subsetKey(font.usedRunes)
	p.mu.Lock()
	sub := p.subsets[key]
	p.mu.Unlock()
	if sub == nil {
		sub = makeSubset(font)
		subsetCacheMu.Lock()
		room := subsetCacheSize+len(key)+sub.size() <= subsetCacheMax
		if room {
			subsetCacheSize += len(key) + sub.size()
		}
		subsetCacheMu.Unlock()
		if room {
			p.mu.Lock()
			if p.subsets == nil {
				p.subsets = make(map[string]*utf8Subset)
			}
			p.subsets[key] = sub // a concurrent twin made the same bytes
			p.mu.Unlock()
		}
	}
	if encrypted {
		c := *sub
		c.cidToGidMap = append([]byte(nil), sub.cidToGidMap...)
		c.fontFile = append([]byte(nil), sub.fontFile...)
		return &c
	}
	return sub
}

// subsetKey encodes usedRunes (rune -> rune, or 0 for the runes fpdf adds
// unused) as its sorted pairs: GenerateCutFont and generateCIDFontMap read
// both keys and values.
func subsetKey(usedRunes map[int]int) string {
	keys := make([]int, 0, len(usedRunes))
	for k := range usedRunes {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	b := make([]byte, 0, 2*binary.MaxVarintLen64*len(keys))
	for _, k := range keys {
		b = binary.AppendVarint(b, int64(k))
		b = binary.AppendVarint(b, int64(usedRunes[k]))
	}
	return string(b)
}

// makeSubset is upstream putfonts' code for the UTF-8 subset, moved here.
func makeSubset(font *fontDefType) *utf8Subset {
	usedRunes := font.usedRunes
	utf8FontStream := font.utf8File.GenerateCutFont(usedRunes)
	utf8FontSize := len(utf8FontStream)
	CodeSignDictionary := font.utf8File.CodeSymbolDictionary
	delete(CodeSignDictionary, 0)

	sub := &utf8Subset{
		widths:       cidWidths(font, font.utf8File.LastRune),
		fontFileSize: utf8FontSize,
	}

	cidToGidMap := make([]byte, 256*256*2)
	for cc, glyph := range CodeSignDictionary {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	mem := xmem.compress(cidToGidMap)
	sub.cidToGidMap = mem.copy()
	mem.release()

	mem = xmem.compress(utf8FontStream)
	sub.fontFile = mem.copy()
	mem.release()
	return sub
}

// pageBuffers and docBuffers hold the page content buffers and the
// document buffers of documents that Output has written, for the pages and
// documents that follow (patch 7). Upstream starts every page and document
// with an empty buffer that doubles as content is written, some 200 KB of
// garbage per document in poortwachter. What a buffer holds is reset
// before reuse, so the bytes written are the same. Buffers larger than
// maxPooledBuffer are left to the garbage collector.
var (
	pageBuffers = sync.Pool{New: func() interface{} { return new(bytes.Buffer) }}
	docBuffers  = sync.Pool{New: func() interface{} { return new([]byte) }}
)

const maxPooledBuffer = 4 << 20

// newPageBuffer returns an empty buffer for a page's content.
func newPageBuffer() *bytes.Buffer {
	b := pageBuffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// newDocBuffer returns an empty slice to build a document in.
func newDocBuffer() []byte {
	return (*docBuffers.Get().(*[]byte))[:0]
}

// releaseBuffers gives the buffers of a written document back. The pages
// are gone from f afterwards (f.pages keeps its length, so PageCount still
// answers); upstream says f's methods are not to be called after Output.
func (f *Fpdf) releaseBuffers() {
	for i, b := range f.pages {
		if b != nil && b.Cap() <= maxPooledBuffer {
			pageBuffers.Put(b)
		}
		f.pages[i] = nil
	}
	if b := f.buffer.AvailableBuffer(); f.buffer.Len() == 0 && cap(b) > 0 && cap(b) <= maxPooledBuffer {
		docBuffers.Put(&b)
	}
	f.buffer = fmtBuffer{}
}

// fastText reports whether Text may take patch 8's path for s: valid UTF-8
// of runes in the Basic Multilingual Plane, where utf8toutf16 writes each
// rune as its two bytes, big-endian. (Upstream's utf8toutf16 mangles runes
// beyond it and reads past the end of invalid text; those go its way.)
func fastText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xF0 {
			return false
		}
	}
	return utf8.ValidString(s)
}

// appendUTF16Escaped appends what f.escape(utf8toutf16(s, false)) returns
// for a string fastText accepts: escape's replacements, done one after the
// other upstream, come to one per byte, since only the first brings in a
// backslash and no later one looks for it.
func appendUTF16Escaped(b []byte, s string) []byte {
	for _, r := range s {
		for _, c := range [2]byte{byte(r >> 8), byte(r)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	return b
}

// markUsed does what Text's loop over s does upstream, usedRunes[r] = r
// for every rune, writing the map only the first time a rune is seen.
// fastText must accept s.
func (font *fontDefType) markUsed(s string) {
	bits := font.usedBits
	for _, r := range s {
		if bits[r/64]&(1<<(r%64)) == 0 {
			font.usedRunes[int(r)] = int(r)
			bits[r/64] |= 1 << (r % 64)
		}
	}
}
