package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"sync"

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
			b, err := encodeIndented(toJSONDossier(r), "    ")
			r.Bevindingen = nil
			return encoded{b, err, r}
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
	parts := make([][]byte, jsonChunk)
	errs := make([]error, jsonChunk)
	for start := 0; start < n; start += jsonChunk {
		end := min(start+jsonChunk, n)
		var wg sync.WaitGroup
		workers := min(runtime.NumCPU(), end-start)
		for wk := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := start + wk; i < end; i += workers {
					parts[i-start], errs[i-start] = encodeIndented(elem(i), "    ")
				}
			}()
		}
		wg.Wait()
		for i := start; i < end; i++ {
			if errs[i-start] != nil {
				return errs[i-start]
			}
			if i > 0 {
				bw.WriteString(",\n")
			}
			bw.WriteString("    ")
			bw.Write(parts[i-start])
		}
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
