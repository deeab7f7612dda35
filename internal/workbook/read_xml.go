package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// The worksheet scanner below reads cell values straight from a worksheet
// part's XML. excelize opens and checks the workbook, but its row iterator
// decodes every cell through encoding/xml reflection, which for 10,000
// dossiers (150,000 document rows) costs seconds; this scanner reads the
// same values in a fraction of that. It yields what excelize's iterator
// gives with RawCellValue (TestScannerAgreesWithExcelize holds it to
// that), and also whether a cell holds a formula, which excelize's iterator
// does not tell.

// xcell is one cell as scanned: its raw value and its formula, if any.
type xcell struct {
	value      string
	formula    string
	hasFormula bool
	cached     bool // the cell has a <v> (or <is>): a formula's cached result
}

// sheetPaths maps each sheet name of the workbook to its worksheet part,
// following xl/workbook.xml and its relationships, and names the shared
// string part ("" when there is none).
func sheetPaths(part func(string) ([]byte, error)) (paths map[string]string, sharedStrings string, err error) {
	wbPath := "xl/workbook.xml"
	if rels, err := part("_rels/.rels"); err == nil {
		for _, r := range parseRels(rels) {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	wb, err := part(wbPath)
	if err != nil {
		return nil, "", err
	}
	var doc struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &doc); err != nil {
		return nil, "", err
	}
	dir, base := path.Split(wbPath)
	relsData, err := part(dir + "_rels/" + base + ".rels")
	if err != nil {
		return nil, "", err
	}
	targets := map[string]string{}
	for _, r := range parseRels(relsData) {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		targets[r.ID] = t
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sharedStrings = t
		}
	}
	paths = map[string]string{}
	for _, s := range doc.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				if t, ok := targets[a.Value]; ok {
					paths[s.Name] = t
				}
			}
		}
	}
	return paths, sharedStrings, nil
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func parseRels(data []byte) []relationship {
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	_ = xml.Unmarshal(data, &doc) // a broken part yields no relationships
	return doc.Rels
}

// zipParts returns a function that reads a part from the package: from
// excelize's unzipped parts when it holds them, else from the zip itself
// (excelize keeps large worksheets in temporary files instead).
func zipParts(data []byte, loaded func(string) ([]byte, bool)) func(string) ([]byte, error) {
	var zr *zip.Reader
	return func(name string) ([]byte, error) {
		if b, ok := loaded(name); ok {
			return b, nil
		}
		if zr == nil {
			var err error
			if zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
				return nil, err
			}
		}
		for _, zf := range zr.File {
			if strings.EqualFold(strings.TrimPrefix(zf.Name, "/"), name) {
				if zf.UncompressedSize64 > unzipSizeLimit {
					return nil, fmt.Errorf("onderdeel %s is te groot", name)
				}
				rc, err := zf.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(io.LimitReader(rc, unzipSizeLimit))
			}
		}
		return nil, fmt.Errorf("onderdeel %s ontbreekt", name)
	}
}

// parseSharedStrings reads the shared string table: per <si>, the text of
// its <t> elements (directly or in rich-text runs), leaving out phonetic
// runs (<rPh>), with OOXML's _xHHHH_ escapes decoded.
func parseSharedStrings(data []byte) []string {
	var out []string
	s := scanner{data: data}
	for {
		name, _, selfClosing, ok := s.next("sst")
		switch {
		case !ok:
			return out
		case name != "si":
			continue
		case selfClosing:
			out = append(out, "")
		default:
			out = append(out, bstrUnescape(s.richText("si")))
		}
	}
}

// scanner is a forward-only reader of the little XML that worksheet and
// shared-string parts use: elements, attributes, text and entities.
// Namespace prefixes are ignored.
type scanner struct {
	data []byte
	pos  int
}

// next moves past the next start tag and returns its local name, its
// attribute bytes and whether it closes itself. It returns false at the
// end tag </end> (any prefix), which it moves past, or at the end of the
// data. Other end tags, comments and the like are skipped.
func (s *scanner) next(end string) (name string, attrs []byte, selfClosing, ok bool) {
	for {
		i := bytes.IndexByte(s.data[s.pos:], '<')
		if i < 0 {
			s.pos = len(s.data)
			return "", nil, false, false
		}
		s.pos += i + 1
		if s.pos >= len(s.data) {
			return "", nil, false, false
		}
		switch s.data[s.pos] {
		case '/':
			atEnd := isEnd(s.data[s.pos+1:], end)
			s.skipSpecial()
			if atEnd {
				return "", nil, false, false
			}
			continue
		case '?', '!':
			s.skipSpecial()
			continue
		}
		name, attrs, selfClosing = s.tag()
		return name, attrs, selfClosing, true
	}
}

// skipSpecial moves past a comment, CDATA section, processing instruction,
// declaration or end tag whose '<' was just read.
func (s *scanner) skipSpecial() {
	rest := s.data[s.pos:]
	end := []byte(">")
	switch {
	case bytes.HasPrefix(rest, []byte("!--")):
		end = []byte("-->")
	case bytes.HasPrefix(rest, []byte("![CDATA[")):
		end = []byte("]]>")
	case bytes.HasPrefix(rest, []byte("?")):
		end = []byte("?>")
	}
	if i := bytes.Index(rest, end); i >= 0 {
		s.pos += i + len(end)
	} else {
		s.pos = len(s.data)
	}
}

// tag reads a start tag whose '<' was just read: its local name, its raw
// attributes and whether it ends in "/>".
func (s *scanner) tag() (name string, attrs []byte, selfClosing bool) {
	start := s.pos
	for s.pos < len(s.data) && !isNameEnd(s.data[s.pos]) {
		s.pos++
	}
	raw := s.data[start:s.pos]
	if i := bytes.IndexByte(raw, ':'); i >= 0 {
		raw = raw[i+1:]
	}
	name = internName(raw)
	aStart := s.pos
	// Attribute values may contain '>' only when quoted.
	var quote byte
	for ; s.pos < len(s.data); s.pos++ {
		c := s.data[s.pos]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			attrs = s.data[aStart:s.pos]
			s.pos++
			if len(attrs) > 0 && attrs[len(attrs)-1] == '/' {
				return name, attrs[:len(attrs)-1], true
			}
			return name, attrs, false
		}
	}
	return name, s.data[aStart:], false
}

func isNameEnd(c byte) bool {
	return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'
}

// internName returns the element names the scanner looks at without
// allocating.
func internName(b []byte) string {
	switch string(b) {
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "t":
		return "t"
	case "r":
		return "r"
	case "is":
		return "is"
	case "si":
		return "si"
	case "row":
		return "row"
	case "rPh":
		return "rPh"
	case "sheetData":
		return "sheetData"
	}
	return string(b)
}

// attr returns the value of attribute name (local name, prefix ignored)
// in raw attribute bytes, entities decoded.
func attr(attrs []byte, name string) (string, bool) {
	for len(attrs) > 0 {
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return "", false
		}
		key := bytes.TrimSpace(attrs[:eq])
		if i := bytes.IndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return "", false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		if string(key) == name {
			return unescape(rest[1 : 1+end]), true
		}
		attrs = rest[end+2:]
	}
	return "", false
}

// leafText returns the text of an element without children (<v>, <f>)
// whose start tag was just read, and moves past its end tag.
func (s *scanner) leafText() string {
	i := bytes.IndexByte(s.data[s.pos:], '<')
	if i < 0 {
		text := unescape(s.data[s.pos:])
		s.pos = len(s.data)
		return text
	}
	text := unescape(s.data[s.pos : s.pos+i])
	s.pos += i + 1
	if s.pos < len(s.data) && s.data[s.pos] == '/' {
		s.skipSpecial()
	} else {
		s.pos-- // not our end tag: leave it for the caller
	}
	return text
}

// richText returns the text of the <t> elements inside the element (<is>,
// <si>) whose start tag was just read, outside phonetic runs (<rPh>), and
// moves past its end tag </end>.
func (s *scanner) richText(end string) string {
	var b strings.Builder
	inT, inRPh := false, 0
	for s.pos < len(s.data) {
		i := bytes.IndexByte(s.data[s.pos:], '<')
		if i < 0 {
			s.pos = len(s.data)
			break
		}
		if inT && inRPh == 0 {
			b.WriteString(unescape(s.data[s.pos : s.pos+i]))
		}
		s.pos += i + 1
		if s.pos >= len(s.data) {
			break
		}
		switch c := s.data[s.pos]; {
		case c == '/':
			switch {
			case isEnd(s.data[s.pos+1:], end):
				s.skipSpecial()
				return b.String()
			case isEnd(s.data[s.pos+1:], "t"):
				inT = false
			case isEnd(s.data[s.pos+1:], "rPh"):
				inRPh--
			}
			s.skipSpecial()
		case bytes.HasPrefix(s.data[s.pos:], []byte("![CDATA[")):
			j := bytes.Index(s.data[s.pos:], []byte("]]>"))
			if j < 0 {
				s.pos = len(s.data)
				break
			}
			if inT && inRPh == 0 {
				b.Write(s.data[s.pos+8 : s.pos+j])
			}
			s.pos += j + 3
		case c == '?' || c == '!':
			s.skipSpecial()
		default:
			n, _, sc := s.tag()
			switch {
			case n == "t" && !sc:
				inT = true
			case n == "rPh" && !sc:
				inRPh++
			}
		}
	}
	return b.String()
}

// unescape decodes XML entities and normalises line ends as an XML parser
// does.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\r':
			out.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case c == '&':
			end := bytes.IndexByte(b[i:], ';')
			if end < 0 {
				out.WriteByte(c)
				continue
			}
			ent := string(b[i+1 : i+end])
			switch {
			case ent == "lt":
				out.WriteByte('<')
			case ent == "gt":
				out.WriteByte('>')
			case ent == "amp":
				out.WriteByte('&')
			case ent == "quot":
				out.WriteByte('"')
			case ent == "apos":
				out.WriteByte('\'')
			case strings.HasPrefix(ent, "#x"):
				n, err := strconv.ParseUint(ent[2:], 16, 32)
				if err != nil {
					out.WriteByte(c)
					continue
				}
				out.WriteRune(rune(n))
			case strings.HasPrefix(ent, "#"):
				n, err := strconv.ParseUint(ent[1:], 10, 32)
				if err != nil {
					out.WriteByte(c)
					continue
				}
				out.WriteRune(rune(n))
			default:
				out.WriteByte(c)
				continue
			}
			i += end
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// bstrUnescape decodes OOXML's _xHHHH_ escapes of characters XML cannot
// hold (e.g. _x000D_ for a carriage return); _x005F_ is a literal '_'.
func bstrUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				if n == 0x5F {
					out.WriteByte('_')
				} else {
					out.WriteRune(rune(n))
				}
				i += 6
				continue
			}
		}
		out.WriteByte(s[i])
	}
	return out.String()
}

// sheetRows iterates over the rows of a worksheet part.
type sheetRows struct {
	s     scanner
	sst   []string
	row   int
	cells []xcell
	done  bool
}

func newSheetRows(data []byte, sst []string) *sheetRows {
	r := &sheetRows{s: scanner{data: data}, sst: sst}
	if i := bytes.Index(data, []byte("sheetData")); i >= 0 {
		r.s.pos = i
	} else {
		r.done = true
	}
	return r
}

// Next moves to the next row element that holds cells; row numbers come
// from its r attribute, or count on from the previous row.
func (r *sheetRows) Next() bool {
	for !r.done {
		name, attrs, selfClosing, ok := r.s.next("sheetData")
		if !ok {
			r.done = true
			return false
		}
		if name != "row" {
			continue
		}
		if v, ok := attr(attrs, "r"); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				r.row = n
			} else {
				r.row++
			}
		} else {
			r.row++
		}
		r.cells = r.cells[:0]
		if selfClosing {
			continue
		}
		r.readCells()
		if len(r.cells) > 0 {
			return true
		}
	}
	return false
}

// isEnd reports whether b starts the name of end tag name (any prefix).
func isEnd(b []byte, name string) bool {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return false
	}
	n := bytes.TrimSpace(b[:end])
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		n = n[i+1:]
	}
	return string(n) == name
}

// readCells reads the cells of the current row up to </row>.
func (r *sheetRows) readCells() {
	col := 0
	for {
		name, attrs, selfClosing, ok := r.s.next("row")
		if !ok {
			return
		}
		if name != "c" {
			continue
		}
		if ref, ok := attr(attrs, "r"); ok && colOf(ref) > 0 {
			col = colOf(ref)
		} else {
			col++
		}
		typ, _ := attr(attrs, "t")
		var c xcell
		if !selfClosing {
			c = r.readCell(typ)
		}
		if c.value == "" && !c.hasFormula {
			continue
		}
		for len(r.cells) < col {
			r.cells = append(r.cells, xcell{})
		}
		r.cells[col-1] = c
	}
}

// readCell reads the children of a <c> element of type typ up to </c>.
func (r *sheetRows) readCell(typ string) xcell {
	var c xcell
	var v, inline string
	for {
		name, _, selfClosing, ok := r.s.next("c")
		if !ok {
			break
		}
		switch name {
		case "v":
			c.cached = true
			if !selfClosing {
				v = r.s.leafText()
			}
		case "f":
			c.hasFormula = true
			if !selfClosing {
				c.formula = r.s.leafText()
			}
		case "is":
			c.cached = true
			if !selfClosing {
				inline = bstrUnescape(r.s.richText("is"))
			}
		}
	}
	switch typ {
	case "s":
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 && n < len(r.sst) {
			c.value = r.sst[n]
		}
	case "inlineStr":
		c.value = inline
	default:
		c.value = v
	}
	return c
}

// colOf returns the 1-based column of a cell reference like "AB12", or 0.
func colOf(ref string) int {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			if i == 0 {
				return 0
			}
			return col
		}
		if col > 16384 {
			return 0
		}
	}
	return col
}
