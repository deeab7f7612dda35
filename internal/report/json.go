package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// jsonDate is a date written as "jjjj-mm-dd", or null when absent.
type jsonDate dossier.Date

func (d jsonDate) MarshalJSON() ([]byte, error) {
	if dossier.Date(d).IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + dossier.Date(d).String() + `"`), nil
}

// The types below are the JSON contract of poortwachter.md "Machine-readable
// output of a check". Field names and order may not change; fields may be
// added.
type (
	// jsonCheck is the whole object; JSON writes it piecewise, and the
	// tests encode it whole to compare.
	jsonCheck struct {
		Peildatum jsonDate      `json:"peildatum"`
		Dossiers  []jsonDossier `json:"dossiers"`
		Meldingen []jsonMelding `json:"meldingen"`
	}
	jsonDossier struct {
		Dossiernummer   string        `json:"dossiernummer"`
		EersteZiektedag jsonDate      `json:"eerste_ziektedag"`
		EindeWachttijd  jsonDate      `json:"einde_wachttijd"`
		Oordeel         rules.Oordeel `json:"oordeel"`
		Bevindingen     []jsonFinding `json:"bevindingen"`
	}
	jsonFinding struct {
		Regel         string       `json:"regel"`
		Ernst         rules.Ernst  `json:"ernst"`
		Status        rules.Status `json:"status"`
		UitersteDatum jsonDate     `json:"uiterste_datum"`
		Datum         jsonDate     `json:"datum"`
		Toelichting   string       `json:"toelichting"`
	}
	jsonMelding struct {
		Plaats string `json:"plaats"`
		Ernst  string `json:"ernst"`
		Tekst  string `json:"tekst"`
		// Dossier is an addition to the contract: the dossiernummer the
		// melding is about, null for the workbook as a whole.
		Dossier *string `json:"dossier"`
	}
)

// JSON writes the checks at peildatum as the JSON contract: one object,
// two-space indent, dates jjjj-mm-dd, absent values null. Dossiers with
// input errors are not among the checks; their problems are in meldingen,
// followed (sorted by place) by the warnings each check found.
func JSON(w io.Writer, peildatum dossier.Date, checks Checks, meldingen dossier.Problems) (Summary, error) {
	// The object is written piece by piece, the dossiers checked and
	// encoded in parallel chunks, instead of building the whole document
	// (or all findings) in memory. The bytes are those of json.Encoder with
	// a two-space indent on the whole object (TestJSONContract and the
	// golden hold it to that).
	var sum Summary
	bw := bufio.NewWriterSize(w, 1<<16)
	date, _ := jsonDate(peildatum).MarshalJSON()
	bw.WriteString("{\n  \"peildatum\": ")
	bw.Write(date)
	bw.WriteString(",\n  \"dossiers\": ")
	type encoded struct {
		json []byte
		err  error
		r    rules.Result // without findings: the summary needs the rest
	}
	if checks.Len() == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[\n")
		err := eachChunk(checks, func(i int, r rules.Result) encoded {
			b := appendDossierJSON(nil, toJSONDossier(r))
			r.Bevindingen = nil
			return encoded{b, nil, r}
		}, func(start int, out []encoded) error {
			for i, e := range out {
				if e.err != nil {
					return e.err
				}
				if start+i > 0 {
					bw.WriteString(",\n")
				}
				bw.WriteString("    ")
				bw.Write(e.json)
				sum.Add(e.r)
			}
			return nil
		})
		if err != nil {
			return sum, err
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString(",\n  \"meldingen\": ")
	ms := Meldingen(sum.Meldingen, meldingen)
	err := writeArray(bw, len(ms), func(i int) any {
		p := ms[i]
		m := jsonMelding{Plaats: p.Plaats, Ernst: p.Ernst.String(), Tekst: p.Tekst}
		if p.Dossier != "" {
			nr := p.Dossier
			m.Dossier = &nr
		}
		return m
	})
	if err != nil {
		return sum, err
	}
	bw.WriteString("\n}\n")
	return sum, bw.Flush()
}

func toJSONDossier(r rules.Result) jsonDossier {
	jd := jsonDossier{
		Dossiernummer:   r.Dossier.Nummer,
		EersteZiektedag: jsonDate(r.Dossier.EersteZiektedag),
		EindeWachttijd:  jsonDate(r.EindeWachttijd),
		Oordeel:         r.Oordeel,
		Bevindingen:     make([]jsonFinding, 0, len(r.Bevindingen)),
	}
	for _, f := range r.Bevindingen {
		jd.Bevindingen = append(jd.Bevindingen, jsonFinding{
			Regel: f.Regel, Ernst: f.Ernst, Status: f.Status,
			UitersteDatum: jsonDate(f.UitersteDatum), Datum: jsonDate(f.Datum),
			Toelichting: f.Toelichting,
		})
	}
	return jd
}

// jsonChunk is how many array elements are encoded in parallel at a time.
const jsonChunk = 512

// writeArray writes a JSON array of n elements at nesting level one, as
// json.Encoder with SetIndent("", "  ") would inside the top-level object:
// "[]" when empty, else one element per line indented four spaces.
// Elements are encoded in parallel, a chunk at a time, and written in order.
func writeArray(bw *bufio.Writer, n int, elem func(int) any) error {
	if n == 0 {
		bw.WriteString("[]")
		return nil
	}
	bw.WriteString("[\n")
	type encoded struct {
		b   []byte
		err error
	}
	err := inChunks(n, jsonChunk, func(i int) encoded {
		b, err := encodeIndented(elem(i), "    ")
		return encoded{b, err}
	}, func(start int, out []encoded) error {
		for j, e := range out {
			if e.err != nil {
				return e.err
			}
			if start+j > 0 {
				bw.WriteString(",\n")
			}
			bw.WriteString("    ")
			bw.Write(e.b)
		}
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n  ]")
	return nil
}

// encodeIndented encodes v without HTML escaping, every line after the first
// prefixed, without the trailing newline.
func encodeIndented(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// appendDossierJSON appends d as json.Encoder with SetIndent("    ", "  ")
// and no HTML escaping writes it, without the final newline: the dossiers
// are nearly all of check's JSON, and encoding them by reflection and then
// indenting was a quarter of check's time. TestJSONStreamed holds the bytes
// to json.Encoder's.
func appendDossierJSON(b []byte, d jsonDossier) []byte {
	b = append(b, "{\n      \"dossiernummer\": "...)
	b = appendJSONString(b, d.Dossiernummer)
	b = append(b, ",\n      \"eerste_ziektedag\": "...)
	b = appendJSONDate(b, d.EersteZiektedag)
	b = append(b, ",\n      \"einde_wachttijd\": "...)
	b = appendJSONDate(b, d.EindeWachttijd)
	b = append(b, ",\n      \"oordeel\": "...)
	b = appendJSONString(b, string(d.Oordeel))
	b = append(b, ",\n      \"bevindingen\": "...)
	if d.Bevindingen == nil {
		b = append(b, "null"...)
	} else if len(d.Bevindingen) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, f := range d.Bevindingen {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n        {\n          \"regel\": "...)
			b = appendJSONString(b, f.Regel)
			b = append(b, ",\n          \"ernst\": "...)
			b = appendJSONString(b, string(f.Ernst))
			b = append(b, ",\n          \"status\": "...)
			b = appendJSONString(b, string(f.Status))
			b = append(b, ",\n          \"uiterste_datum\": "...)
			b = appendJSONDate(b, f.UitersteDatum)
			b = append(b, ",\n          \"datum\": "...)
			b = appendJSONDate(b, f.Datum)
			b = append(b, ",\n          \"toelichting\": "...)
			b = appendJSONString(b, f.Toelichting)
			b = append(b, "\n        }"...)
		}
		b = append(b, "\n      ]"...)
	}
	return append(b, "\n    }"...)
}

func appendJSONDate(b []byte, d jsonDate) []byte {
	if dossier.Date(d).IsZero() {
		return append(b, "null"...)
	}
	return append(append(append(b, '"'), dossier.Date(d).String()...), '"')
}

// appendJSONString appends s as encoding/json writes a string without HTML
// escaping: quotes, backslashes and control characters escaped, invalid
// UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(b, s[start:]...), '"')
}
