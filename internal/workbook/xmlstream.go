package workbook

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlStream is a forward-only tokenizer of the little XML that worksheet
// and shared-string parts use (elements, attributes, text, entities, CDATA,
// comments), reading from a stream through a window that grows only to
// the largest token. Namespace prefixes are dropped from names. It is not
// a validating parser: whatever the input, it ends without panicking, and
// for the well-formed parts spreadsheet programs write it yields what an
// XML parser yields (TestStreamAgreesWithExcelize holds it to excelize).
type xmlStream struct {
	r   io.Reader
	buf []byte
	pos int // next unread byte in buf
	eof bool
	err error // a read error other than io.EOF
}

// token kinds.
const (
	tokEOF = iota
	tokStart
	tokEnd
	tokText  // raw text: entities not decoded
	tokCDATA // text to take as is
)

// maxToken bounds the window: one tag or text run may not exceed it. A
// cell's text is limited far below this by spreadsheet programs (32,767
// characters in Excel).
const maxToken = 64 << 20

func newXMLStream(r io.Reader) *xmlStream {
	return &xmlStream{r: r, buf: make([]byte, 0, 64<<10)}
}

// fill reads more input after the unread bytes; false when there is none.
func (s *xmlStream) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.buf, s.pos = s.buf[:n], 0
	}
	if len(s.buf) == cap(s.buf) {
		if cap(s.buf) >= maxToken {
			s.err = errTokenTooLarge
			s.eof = true
			return false
		}
		nb := make([]byte, len(s.buf), 2*cap(s.buf))
		copy(nb, s.buf)
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// find returns the offset from pos of the first occurrence of sep,
// reading more input as needed, or -1 when the input ends first.
func (s *xmlStream) find(sep []byte) int {
	from := 0
	for {
		if i := bytes.Index(s.buf[s.pos+from:], sep); i >= 0 {
			return from + i
		}
		// sep may straddle the end of what has been read.
		from = max(0, len(s.buf)-s.pos-len(sep)+1)
		if !s.fill() {
			return -1
		}
	}
}

// next returns the next token. The name is the local name; attrs and text
// are valid until the next call.
func (s *xmlStream) next() (kind int, name string, attrs, text []byte, selfClosing bool) {
	for {
		if s.pos >= len(s.buf) && !s.fill() {
			return tokEOF, "", nil, nil, false
		}
		if s.buf[s.pos] != '<' {
			i := s.find([]byte{'<'})
			if i < 0 {
				text, s.pos = s.buf[s.pos:], len(s.buf)
				return tokText, "", nil, text, false
			}
			text = s.buf[s.pos : s.pos+i]
			s.pos += i
			return tokText, "", nil, text, false
		}
		// A markup construct: make sure its kind can be told.
		for len(s.buf)-s.pos < 9 && s.fill() {
		}
		rest := s.buf[s.pos:]
		switch {
		case len(rest) > 1 && rest[1] != '!' && rest[1] != '?':
			// An element's start or end tag: the common case.
		case bytes.HasPrefix(rest, []byte("<!--")):
			if !s.skipPast([]byte("-->")) {
				return tokEOF, "", nil, nil, false
			}
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			s.pos += len("<![CDATA[")
			i := s.find([]byte("]]>"))
			if i < 0 {
				text, s.pos = s.buf[s.pos:], len(s.buf)
				return tokCDATA, "", nil, text, false
			}
			text = s.buf[s.pos : s.pos+i]
			s.pos += i + 3
			return tokCDATA, "", nil, text, false
		case bytes.HasPrefix(rest, []byte("<?")):
			if !s.skipPast([]byte("?>")) {
				return tokEOF, "", nil, nil, false
			}
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			if !s.skipPast([]byte(">")) {
				return tokEOF, "", nil, nil, false
			}
			continue
		}
		end := s.tagEnd()
		if end < 0 {
			s.pos = len(s.buf)
			return tokEOF, "", nil, nil, false
		}
		tag := s.buf[s.pos+1 : s.pos+end] // without '<' and '>'
		s.pos += end + 1
		if len(tag) > 0 && tag[0] == '/' {
			return tokEnd, localName(bytes.TrimSpace(tag[1:])), nil, nil, false
		}
		if len(tag) > 0 && tag[len(tag)-1] == '/' {
			tag, selfClosing = tag[:len(tag)-1], true
		}
		n := 0
		for n < len(tag) && !isSpace(tag[n]) {
			n++
		}
		return tokStart, localName(tag[:n]), tag[n:], nil, selfClosing
	}
}

// The bodies of a cell that simpleCell takes in one step: a value, or an
// inline string of one text element.
var (
	cellValueOpen   = []byte("<v>")
	cellValueClose  = []byte("</v></c>")
	cellInlineOpen  = []byte("<is><t>")
	cellInlineSpace = []byte(`<is><t xml:space="preserve">`)
	cellInlineClose = []byte("</t></is></c>")
)

// simpleCell is called after the start tag of a cell. When the cell goes
// on, in what has been read (or fits in a read ahead), exactly as
// <v>text</v></c> or <is><t>text</t></is></c> (the t may have
// xml:space="preserve"), it moves past the cell's end tag and returns the
// raw text and whether it is an inline string: what the tokens of those
// cells give, in one step instead of seven. Otherwise it moves nothing and
// reports false, and the tokens are read one by one.
func (s *xmlStream) simpleCell() (text []byte, inline, ok bool) {
	if len(s.buf)-s.pos < 1024 {
		s.fill()
	}
	b := s.buf[s.pos:]
	var open, end []byte
	switch {
	case bytes.HasPrefix(b, cellValueOpen):
		open, end = cellValueOpen, cellValueClose
	case bytes.HasPrefix(b, cellInlineOpen):
		open, end, inline = cellInlineOpen, cellInlineClose, true
	case bytes.HasPrefix(b, cellInlineSpace):
		open, end, inline = cellInlineSpace, cellInlineClose, true
	default:
		return nil, false, false
	}
	b = b[len(open):]
	i := bytes.IndexByte(b, '<')
	if i < 0 || !bytes.HasPrefix(b[i:], end) {
		return nil, false, false
	}
	s.pos += len(open) + i + len(end)
	return b[:i], inline, true
}

// skipPast moves past the next occurrence of sep; false at the end of the
// input.
func (s *xmlStream) skipPast(sep []byte) bool {
	i := s.find(sep)
	if i < 0 {
		s.pos = len(s.buf)
		return false
	}
	s.pos += i + len(sep)
	return true
}

// tagEnd returns the offset from pos of the '>' that ends the tag starting
// at pos, outside quoted attribute values; -1 at the end of the input.
func (s *xmlStream) tagEnd() int {
	// Tags are short: one pass, over a local slice of what has been read,
	// reading on only when a tag goes on past it.
	var quote byte
	for i, buf := 1, s.buf[s.pos:]; ; i++ {
		for i >= len(buf) {
			if !s.fill() {
				return -1
			}
			buf = s.buf[s.pos:]
		}
		switch c := buf[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
}

// trimLeftSpace is bytes.TrimLeft(b, " \t\r\n") without building the
// cutset per call.
func trimLeftSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// localName drops a namespace prefix and returns the names the readers
// look at without allocating.
func localName(b []byte) string {
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		b = b[i+1:]
	}
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
		rest := trimLeftSpace(attrs[eq+1:])
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

// appendUnescaped appends b to dst with XML entities decoded and line ends
// normalised as an XML parser does (CR LF and CR become LF).
func appendUnescaped(dst, b []byte) []byte {
	for len(b) > 0 {
		i := indexAmpCR(b)
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(dst, b[:i]...)
		b = b[i:]
		if b[0] == '\r' {
			dst = append(dst, '\n')
			b = b[1:]
			if len(b) > 0 && b[0] == '\n' {
				b = b[1:]
			}
			continue
		}
		end := bytes.IndexByte(b, ';')
		if end < 0 {
			return append(dst, b...)
		}
		if r, ok := entity(string(b[1:end])); ok {
			dst = utf8.AppendRune(dst, r)
			b = b[end+1:]
			continue
		}
		dst = append(dst, '&')
		b = b[1:]
	}
	return dst
}

// indexAmpCR returns the index of the first '&' or '\r' in b, or -1.
func indexAmpCR(b []byte) int {
	for i, c := range b {
		if c == '&' || c == '\r' {
			return i
		}
	}
	return -1
}

// entity decodes the name of an entity reference (without & and ;).
func entity(e string) (rune, bool) {
	switch e {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(e, "#x"):
		n, err = strconv.ParseUint(e[2:], 16, 32)
	case strings.HasPrefix(e, "#"):
		n, err = strconv.ParseUint(e[1:], 10, 32)
	default:
		return 0, false
	}
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}

// unescape decodes entities and normalises line ends.
func unescape(b []byte) string {
	if indexAmpCR(b) < 0 {
		return string(b)
	}
	return string(appendUnescaped(nil, b))
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
