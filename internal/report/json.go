package report

import (
	"encoding/json"
	"io"

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

// JSON writes the check of results at peildatum as the JSON contract: one
// object, two-space indent, dates jjjj-mm-dd, absent values null. Dossiers
// with input errors are not in results; their problems are in meldingen,
// followed (sorted by place) by the warnings each check found.
func JSON(w io.Writer, peildatum dossier.Date, results []rules.Result, meldingen dossier.Problems) error {
	out := jsonCheck{Peildatum: jsonDate(peildatum), Dossiers: []jsonDossier{}, Meldingen: []jsonMelding{}}
	for _, r := range results {
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
		out.Dossiers = append(out.Dossiers, jd)
	}
	for _, p := range Meldingen(results, meldingen) {
		m := jsonMelding{Plaats: p.Plaats, Ernst: p.Ernst.String(), Tekst: p.Tekst}
		if p.Dossier != "" {
			nr := p.Dossier
			m.Dossier = &nr
		}
		out.Meldingen = append(out.Meldingen, m)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
