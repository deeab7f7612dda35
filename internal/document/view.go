package document

import (
	"sort"
	"strconv"
	"text/template"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// View is what a document template sees: one document, a row of the
// workbook or a concept, and the dossier as it stood on that document's own
// date (rules.AsOf) with its check on that day. The date comes in once, with
// the document; everything else is derived from the dossier as of that day,
// so rendering the document at any later peildatum gives the same text.
// Medical-looking free text is left out (rules.Redact). Templates read it as
// {{.Dossier.NaamWerknemer}}, {{.Plan.Datum}}, {{range .Spoor1}}...
type View struct {
	// Dossier is the dossier as it stood on Datum.
	Dossier *dossier.Dossier
	// Datum is the document's own date: its row's date, or for a concept
	// the peildatum it was made on.
	Datum dossier.Date
	// Concept is set for a document that is due but has no row yet.
	Concept bool
	// Document is the document's own row; a concept's has only Soort and
	// Datum, so what the casemanager still has to fill in shows as missing.
	Document dossier.Document
	// Titel is the document's title: "Plan van aanpak", "Bijstelling plan
	// van aanpak", "Eerstejaarsevaluatie" or "Re-integratieverslag".
	Titel string
	// Versie is, for a plan or a bijstelling, its number, the version before
	// it and what changed since; nil for other documents.
	Versie *dossier.PlanChange

	Result   rules.Result // the check on Datum
	Cal      rules.Calendar
	Timeline []rules.Event

	EindeWachttijd dossier.Date
	RIVDeadline    dossier.Date
	WIADeadline    dossier.Date

	// The dossier documents dated on or before Datum, by kind; a nil
	// pointer when there is none. Lists are oldest first.
	Ziekmelding             *dossier.Document
	Probleemanalyse         *dossier.Document // the first
	BijgesteldeAnalyses     []dossier.Document
	Plan                    *dossier.Document // the first plan van aanpak
	Bijstellingen           []dossier.Document
	Evaluaties              []dossier.Document // kind Evaluatie
	WeekMelding42           *dossier.Document
	Eerstejaarsevaluatie    *dossier.Document
	ArbeidsdeskundigRapport *dossier.Document // the latest
	Deskundigenoordelen     []dossier.Document
	ActueelOordeel          *dossier.Document // the latest
	Eindevaluatie           *dossier.Document
	Reintegratieverslag     *dossier.Document
	Voortgangsrapportages   []dossier.Document // spoor 2
	Zoekprofiel             *dossier.Document  // the latest
	// LaatsteEvaluatie is the latest contact moment after the plan: a
	// bijstelling, evaluatie, eerstejaarsevaluatie or eindevaluatie.
	LaatsteEvaluatie *dossier.Document
	// Contactmomenten are the evaluations held: bijstellingen,
	// evaluaties, eerstejaarsevaluatie and eindevaluatie, by date.
	Contactmomenten []dossier.Document
	// Bijlagen are the documents that go with the re-integratieverslag:
	// every document dated on or before Datum except the verslag and the
	// WIA-aanvraag.
	Bijlagen []dossier.Document

	// EvaluatieMomenten are the evaluations a plan version agrees on: every
	// six weeks from its date, up to the eerstejaarsevaluatie window
	// EerstejaarsVan..EerstejaarsTot while that evaluation has not been
	// held, else up to the RIV deadline.
	EvaluatieMomenten []dossier.Date
	EerstejaarsVan    dossier.Date
	EerstejaarsTot    dossier.Date

	// Spoor1 and Spoor2 are the activities of the plan as it stood on
	// Datum, each in its state that day: the ones that had started, and the
	// planned ones of the versions dated on or before Datum.
	Spoor1, Spoor2 []dossier.Activity
	// Spoor2Start is the earliest Start of a spoor-2 activity, planned or
	// begun; zero without one.
	Spoor2Start dossier.Date
	// Sollicitaties are the applications dated on or before Datum.
	Sollicitaties []dossier.Application
	// Hersteld is the recovery date when it is on or before Datum.
	Hersteld dossier.Date
	// Herbeoordeling is the day a motivation for no spoor 2 is to be
	// reassessed (Herbeoordeling geen spoor 2, or the eerstejaarsevaluatie
	// plus 13 weeks); zero without a motivation.
	Herbeoordeling dossier.Date
}

// NewView gathers what the template of document s of dossier d needs: the
// dossier as it stood on the document's own date (s.Document.Datum), with
// its check on that day.
func NewView(d *dossier.Dossier, s rules.Stuk) *View {
	t := s.Document.Datum
	res := rules.Check(rules.AsOf(d, t), t)
	content := res.Dossier
	if s.Concept && s.Document.Soort.IsPlanVersion() {
		// A concept of a plan version is the newest version: the planned
		// activities that start from its date on belong to it.
		withRow := *d
		withRow.Documenten = append(append([]dossier.Document(nil), d.Documenten...), s.Document)
		content, _ = rules.Redact(rules.AsOf(&withRow, t))
	}
	c := rules.NewContext(content, t)
	v := &View{
		Dossier: content, Datum: t, Concept: s.Concept, Document: ownRow(content, s.Document), Titel: s.Document.Soort.String(),
		Result: res, Cal: c.Cal, Timeline: rules.Timeline(res),
		EindeWachttijd: res.EindeWachttijd, RIVDeadline: c.Cal.RIVDeadline(), WIADeadline: c.Cal.WIADeadline(),
		Ziekmelding:             first(c.Documents(dossier.Ziekmelding)),
		Probleemanalyse:         first(c.Documents(dossier.Probleemanalyse)),
		BijgesteldeAnalyses:     c.Documents(dossier.BijgesteldeProbleemanalyse),
		Plan:                    first(c.Documents(dossier.PlanVanAanpak)),
		Bijstellingen:           c.Documents(dossier.BijstellingPlanVanAanpak),
		Evaluaties:              c.Documents(dossier.Evaluatie),
		WeekMelding42:           first(c.Documents(dossier.WeekMelding42)),
		Eerstejaarsevaluatie:    first(c.Documents(dossier.Eerstejaarsevaluatie)),
		ArbeidsdeskundigRapport: last(c.Documents(dossier.ArbeidsdeskundigRapport)),
		Deskundigenoordelen:     c.Documents(dossier.Deskundigenoordeel),
		ActueelOordeel:          last(c.Documents(dossier.ActueelOordeel)),
		Eindevaluatie:           first(c.Documents(dossier.Eindevaluatie)),
		Reintegratieverslag:     first(c.Documents(dossier.Reintegratieverslag)),
		Voortgangsrapportages:   c.Documents(dossier.VoortgangsrapportageSpoor2),
		Zoekprofiel:             last(c.Documents(dossier.Zoekprofiel)),
		EerstejaarsVan:          c.Cal.S(rules.EerstejaarsevaluatieVanaf),
		EerstejaarsTot:          c.Cal.S(rules.EerstejaarsevaluatieUiterlijk),
		Spoor2Start:             content.Spoor2Start(),
		Sollicitaties:           content.Sollicitaties,
		Hersteld:                content.DatumHersteld,
		Herbeoordeling:          rules.HerbeoordelingGeenSpoor2(c),
	}
	if s.Document.Soort.IsPlanVersion() {
		pc := content.PlanChangeOf(v.Document)
		v.Versie = &pc
	}
	for _, k := range dossier.Soorten() {
		switch k {
		case dossier.Reintegratieverslag, dossier.WIAAanvraag:
		default:
			v.Bijlagen = append(v.Bijlagen, c.Documents(k)...)
		}
		switch k {
		case dossier.BijstellingPlanVanAanpak, dossier.Evaluatie, dossier.Eerstejaarsevaluatie, dossier.Eindevaluatie:
			v.Contactmomenten = append(v.Contactmomenten, c.Documents(k)...)
		}
	}
	sortDocs(v.Bijlagen)
	sortDocs(v.Contactmomenten)
	v.LaatsteEvaluatie = last(v.Contactmomenten)
	for _, a := range content.Activiteiten {
		if a.Spoor == 2 {
			v.Spoor2 = append(v.Spoor2, a)
		} else {
			v.Spoor1 = append(v.Spoor1, a)
		}
	}
	if v.Versie != nil {
		until := v.RIVDeadline
		if v.Eerstejaarsevaluatie == nil {
			until = v.EerstejaarsVan
		}
		for m := t.AddDays(rules.ZesWeken); m.Before(until); m = m.AddDays(rules.ZesWeken) {
			v.EvaluatieMomenten = append(v.EvaluatieMomenten, m)
		}
	}
	return v
}

// ownRow returns the document's own row as content holds it: with its
// medical-looking text left out, as everything else the view shows.
func ownRow(content *dossier.Dossier, row dossier.Document) dossier.Document {
	for _, d := range content.Documenten {
		if d.Soort == row.Soort && d.Datum == row.Datum && d.Plaats == row.Plaats {
			return d
		}
	}
	return row
}

// Bijstelling reports whether the document is a bijstelling of the plan
// van aanpak, so a template can hold a paragraph for bijstellingen only.
func (v *View) Bijstelling() bool { return v.Document.Soort == dossier.BijstellingPlanVanAanpak }

// VisiesVereist reports whether the document must record the views of
// employer and employee: a plan, bijstelling or eerstejaarsevaluatie dated
// from 1 July 2023 (rules.VisiesVanaf).
func (v *View) VisiesVereist() bool { return !v.Datum.Before(rules.VisiesVanaf) }

// Spoor2Gestart reports whether spoor 2 had started on the document's
// date.
func (v *View) Spoor2Gestart() bool { return !v.Spoor2Start.IsZero() && !v.Spoor2Start.After(v.Datum) }

// Activiteiten returns the activities of both sporen, spoor 1 first.
func (v *View) Activiteiten() []dossier.Activity {
	return append(append([]dossier.Activity(nil), v.Spoor1...), v.Spoor2...)
}

// Gestart returns the activities, spoor 1 first, that had started on the
// document's date: what a look back can report on.
func (v *View) Gestart() []dossier.Activity {
	var out []dossier.Activity
	for _, a := range v.Activiteiten() {
		if a.Status != dossier.Gepland {
			out = append(out, a)
		}
	}
	return out
}

// OpenActiviteiten returns the activities, spoor 1 first, that had not
// ended on the document's date: what carries on, or is still to begin.
func (v *View) OpenActiviteiten() []dossier.Activity {
	var out []dossier.Activity
	for _, a := range v.Activiteiten() {
		if !a.Ended(v.Datum) {
			out = append(out, a)
		}
	}
	return out
}

// EerdereContactmomenten returns the evaluations held before this
// document: Contactmomenten without the document itself.
func (v *View) EerdereContactmomenten() []dossier.Document {
	var out []dossier.Document
	for _, d := range v.Contactmomenten {
		if d != v.Document {
			out = append(out, d)
		}
	}
	return out
}

// Probleemanalyses returns the probleemanalyse and its updates dated on or
// before the document: the bedrijfsarts's advice the plan rests on.
func (v *View) Probleemanalyses() []dossier.Document {
	var out []dossier.Document
	if v.Probleemanalyse != nil {
		out = append(out, *v.Probleemanalyse)
	}
	return append(out, v.BijgesteldeAnalyses...)
}

// funcs returns the template functions bound to this dossier.
func (v *View) funcs() template.FuncMap {
	return template.FuncMap{
		"week": func(d dossier.Date) string {
			if d.IsZero() {
				return ""
			}
			return strconv.Itoa(v.Cal.Week(d))
		},
	}
}

func first(ds []dossier.Document) *dossier.Document {
	if len(ds) == 0 {
		return nil
	}
	return &ds[0]
}

func last(ds []dossier.Document) *dossier.Document {
	if len(ds) == 0 {
		return nil
	}
	return &ds[len(ds)-1]
}

// sortDocs orders documents by date, keeping dossier order on equal dates.
func sortDocs(ds []dossier.Document) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Datum.Before(ds[j].Datum) })
}

// Bevinding returns the finding of rule id on the document's date (the
// zero Finding when the catalogue has no such rule).
func (v *View) Bevinding(id string) rules.Finding {
	f, _ := v.Result.Finding(id)
	return f
}
