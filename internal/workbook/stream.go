package workbook

import (
	"bytes"
	"strconv"
	"strings"
)

// The scanner stores values of at most maxInterned bytes once per sheet,
// up to maxInternedValues different ones.
const (
	maxInterned       = 256
	maxInternedValues = 1 << 20
)

// scanCells reads the rows of a worksheet part from s, calling yield for
// every row that holds a value or a formula, in order: its number (from
// the row's r attribute, or one more than the previous row), its raw cell
// values by column (what excelize's row iterator gives with RawCellValue:
// shared strings resolved, numbers and booleans as written) and the
// formulas of cells that have no value. Rows before <sheetData> and
// anything after it are ignored. A yield error stops the scan.
func scanCells(s *xmlStream, sst []string, yield func(sheetRow) error) error {
	var (
		inData       bool
		row, col     int
		cells        []string
		missing      []formulaCell
		typ          string
		inV, inF     bool
		inIs, inT    bool
		rph          int
		v, f, inline []byte
		hasFormula   bool
		hasCell      bool
	)
	// Values that repeat (dates, Ja/Nee, names of casemanagers, bureaus and
	// employers, standard texts) are stored once.
	known := map[string]string{}
	intern := func(b []byte) string {
		if s, ok := known[string(b)]; ok {
			return s
		}
		s := string(b)
		if len(b) <= maxInterned && len(known) < maxInternedValues {
			known[s] = s
		}
		return s
	}
	flush := func() error {
		if len(cells) == 0 && len(missing) == 0 {
			return nil
		}
		err := yield(sheetRow{num: row, cells: cells, missing: missing})
		cells, missing = nil, nil
		return err
	}
	endCell := func() {
		hasCell = false
		var value string
		switch typ {
		case "s":
			if n, err := strconv.Atoi(strings.TrimSpace(string(v))); err == nil && n >= 0 && n < len(sst) {
				value = sst[n]
			}
		case "inlineStr":
			if bytes.Contains(inline, []byte("_x")) {
				value = bstrUnescape(string(inline))
			} else {
				value = intern(inline)
			}
		default:
			value = intern(v)
		}
		if value == "" && !hasFormula {
			return
		}
		for len(cells) < col {
			cells = append(cells, "")
		}
		cells[col-1] = value
		if hasFormula && strings.TrimSpace(value) == "" {
			missing = append(missing, formulaCell{idx: col - 1, formula: string(f)})
		}
	}
	for {
		kind, name, attrs, text, selfClosing := s.next()
		switch kind {
		case tokEOF:
			if s.err != nil {
				return s.err
			}
			return flush()
		case tokText, tokCDATA:
			if !hasCell {
				continue
			}
			appendText := func(dst []byte) []byte {
				if kind == tokCDATA {
					return append(dst, text...)
				}
				return appendUnescaped(dst, text)
			}
			switch {
			case inV:
				v = appendText(v)
			case inF:
				f = appendText(f)
			case inIs && inT && rph == 0:
				inline = appendText(inline)
			}
		case tokStart:
			if !inData {
				inData = name == "sheetData" && !selfClosing
				continue
			}
			switch name {
			case "row":
				if err := flush(); err != nil {
					return err
				}
				row++
				// A cell left open (malformed input) does not go on into
				// the new row, whose columns start again.
				hasCell = false
				if a, ok := attr(attrs, "r"); ok {
					if n, err := strconv.Atoi(a); err == nil && n > 0 {
						row = n
					}
				}
				col = 0
			case "c":
				col++
				ref, t := cellAttrs(attrs)
				if c := colOf(ref); c > 0 {
					col = c
				}
				typ = t
				v, f, inline = v[:0], f[:0], inline[:0]
				hasFormula, inV, inF, inIs, inT, rph = false, false, false, false, false, 0
				hasCell = true
				if selfClosing {
					endCell()
				} else if text, isInline, ok := s.simpleCell(); ok {
					if isInline {
						inline = appendUnescaped(inline, text)
					} else {
						v = appendUnescaped(v, text)
					}
					endCell()
				}
			case "v":
				inV = !selfClosing && hasCell
			case "f":
				hasFormula = hasFormula || hasCell
				inF = !selfClosing && hasCell
			case "is":
				inIs = !selfClosing && hasCell
			case "t":
				inT = !selfClosing && inIs
			case "rPh":
				if !selfClosing && inIs {
					rph++
				}
			}
		case tokEnd:
			switch name {
			case "sheetData":
				if inData {
					if err := flush(); err != nil {
						return err
					}
					inData = false
				}
			case "c":
				if hasCell {
					endCell()
				}
			case "v":
				inV = false
			case "f":
				inF = false
			case "is":
				inIs = false
			case "t":
				inT = false
			case "rPh":
				if rph > 0 {
					rph--
				}
			}
		}
	}
}

// scanSharedStrings reads the shared string table: per <si>, the text of
// its <t> elements (directly or in rich-text runs), leaving out phonetic
// runs (<rPh>), with OOXML's _xHHHH_ escapes decoded. Equal strings are
// stored once.
func scanSharedStrings(s *xmlStream) ([]string, error) {
	var (
		out   []string
		inSI  bool
		inT   bool
		rph   int
		text  []byte
		known = map[string]string{}
	)
	for {
		kind, name, _, raw, selfClosing := s.next()
		switch kind {
		case tokEOF:
			return out, s.err
		case tokText, tokCDATA:
			if inSI && inT && rph == 0 {
				if kind == tokCDATA {
					text = append(text, raw...)
				} else {
					text = appendUnescaped(text, raw)
				}
			}
		case tokStart:
			switch name {
			case "si":
				if selfClosing {
					out = append(out, "")
					continue
				}
				inSI, inT, rph, text = true, false, 0, text[:0]
			case "t":
				inT = inSI && !selfClosing
			case "rPh":
				if inSI && !selfClosing {
					rph++
				}
			}
		case tokEnd:
			switch name {
			case "si":
				if inSI {
					str := bstrUnescape(string(text))
					if k, ok := known[str]; ok {
						str = k
					} else {
						known[str] = str
					}
					out = append(out, str)
					inSI = false
				}
			case "t":
				inT = false
			case "rPh":
				if rph > 0 {
					rph--
				}
			}
		}
	}
}

// cellAttrs returns the r and t attributes of a <c> tag without
// allocating: the reference as bytes, the type as one of the few strings
// the scanner tells apart. It is attr's answer for well-formed attributes
// without entities, which cell references and types never hold; anything
// else goes to attr.
func cellAttrs(attrs []byte) (ref []byte, typ string) {
	var hasRef, hasTyp bool // the first of a repeated attribute counts, as in attr
	// The same steps as attr, so both stop alike on malformed input.
	for len(attrs) > 0 {
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			break
		}
		key := bytes.TrimSpace(attrs[:eq])
		if i := bytes.IndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		rest := trimLeftSpace(attrs[eq+1:])
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			break
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			break
		}
		val := rest[1 : 1+end]
		if indexAmpCR(val) >= 0 {
			break // an entity or a CR: let attr decode it
		}
		switch string(key) {
		case "r":
			if !hasRef {
				ref, hasRef = val, true
			}
		case "t":
			if !hasTyp {
				typ, hasTyp = cellType(val), true
			}
		}
		attrs = rest[end+2:]
	}
	if len(attrs) == 0 || hasRef && hasTyp {
		return ref, typ
	}
	if r, ok := attr(attrs, "r"); ok && !hasRef {
		ref = []byte(r)
	}
	if t, ok := attr(attrs, "t"); ok && !hasTyp {
		typ = t
	}
	return ref, typ
}

// cellType returns the cell types the scanner tells apart without
// allocating.
func cellType(b []byte) string {
	switch string(b) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "str":
		return "str"
	case "n":
		return "n"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return string(b)
}

// colOf returns the 1-based column of a cell reference like "AB12", or 0.
func colOf[T []byte | string](ref T) int {
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
