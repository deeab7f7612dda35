package document

import (
	"sort"
	"strconv"
	"text/template"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// View is what a document template sees: the dossier, its check at the
// peildatum and what follows from them. Documents are only those dated on
// or before the peildatum, like the check counts them. Templates read it
// as {{.Dossier.NaamWerknemer}}, {{.Plan.Datum}}, {{range .Spoor1}}...
type View struct {
	Dossier   *dossier.Dossier
	Peildatum dossier.Date
	Result    rules.Result
	Cal       rules.Calendar
	Timeline  []rules.Event

	EindeWachttijd dossier.Date
	RIVDeadline    dossier.Date
	WIADeadline    dossier.Date

	// The dossier documents that count, by kind; a nil pointer when there
	// is none. Lists are oldest first.
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
	// LaatsteEvaluatie is the latest contact moment after the plan: a
	// bijstelling, evaluatie, eerstejaarsevaluatie or eindevaluatie.
	LaatsteEvaluatie *dossier.Document
	// Contactmomenten are the evaluations held: bijstellingen,
	// evaluaties, eerstejaarsevaluatie and eindevaluatie, by date.
	Contactmomenten []dossier.Document
	// Bijlagen are the documents that go with the re-integratieverslag:
	// every document that counts except the verslag and the WIA-aanvraag.
	Bijlagen []dossier.Document

	// PlanDatum is the date of the first plan, or its deadline when there
	// is none yet; EvaluatieMomenten are the agreed evaluations every six
	// weeks from it, before the eerstejaarsevaluatie window
	// EerstejaarsVan..EerstejaarsTot.
	PlanDatum         dossier.Date
	EvaluatieMomenten []dossier.Date
	EerstejaarsVan    dossier.Date
	EerstejaarsTot    dossier.Date

	// Spoor1 and Spoor2 are the plan's activities, planned ones included.
	Spoor1, Spoor2 []dossier.Activity
	Spoor2Start    dossier.Date
	// Sollicitaties are the applications dated on or before the peildatum.
	Sollicitaties []dossier.Application
	// Hersteld is the recovery date when it is on or before the peildatum.
	Hersteld dossier.Date

	// OpKoers is the conclusion of the first year: true when, checked at
	// the eerstejaarsevaluatie (EJEDatum, or the peildatum when that is
	// earlier), no rule of the first year is late, missing or short;
	// Knelpunten are the findings that say otherwise.
	OpKoers    bool
	Knelpunten []rules.Finding
}

// yearOneRules are the rules whose findings decide whether the first
// year's re-integration is on course.
var yearOneRules = map[string]bool{
	"ziekmelding-arbodienst": true, "probleemanalyse": true, "plan-van-aanpak": true,
	"plan-van-aanpak-inhoud": true, "evaluatie-frequentie": true, "42e-weekmelding": true,
	"eerstejaarsevaluatie": true, "spoor-2": true,
}

// NewView checks d at peildatum p and gathers what the templates need.
func NewView(d *dossier.Dossier, p dossier.Date) *View {
	res := rules.Check(d, p)
	d = res.Dossier // with medical-looking text left out
	c := rules.NewContext(d, p)
	v := &View{
		Dossier: d, Peildatum: p, Result: res, Cal: c.Cal, Timeline: rules.Timeline(res),
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
		EerstejaarsVan:          c.Cal.S(rules.EerstejaarsevaluatieVanaf),
		EerstejaarsTot:          c.Cal.S(rules.EerstejaarsevaluatieUiterlijk),
		Spoor2Start:             d.Spoor2Start(),
	}
	for _, s := range dossier.Soorten() {
		switch s {
		case dossier.Reintegratieverslag, dossier.WIAAanvraag:
		default:
			v.Bijlagen = append(v.Bijlagen, c.Documents(s)...)
		}
		switch s {
		case dossier.BijstellingPlanVanAanpak, dossier.Evaluatie, dossier.Eerstejaarsevaluatie, dossier.Eindevaluatie:
			v.Contactmomenten = append(v.Contactmomenten, c.Documents(s)...)
		}
	}
	sortDocs(v.Bijlagen)
	sortDocs(v.Contactmomenten)
	v.LaatsteEvaluatie = last(v.Contactmomenten)
	for _, a := range d.Sollicitaties {
		if !a.Datum.After(p) {
			v.Sollicitaties = append(v.Sollicitaties, a)
		}
	}
	for _, a := range d.Activiteiten {
		if a.Spoor == 2 {
			v.Spoor2 = append(v.Spoor2, a)
		} else {
			v.Spoor1 = append(v.Spoor1, a)
		}
	}
	if h := d.DatumHersteld; !h.IsZero() && !h.After(p) {
		v.Hersteld = h
	}
	v.PlanDatum = planDatum(v)
	if !v.PlanDatum.IsZero() {
		for t := v.PlanDatum.AddDays(rules.MaxEvaluatieGap); t.Before(v.EerstejaarsVan); t = t.AddDays(rules.MaxEvaluatieGap) {
			v.EvaluatieMomenten = append(v.EvaluatieMomenten, t)
		}
	}
	atEJE := res
	if t := v.EJEDatum(); t.Before(p) {
		atEJE = rules.Check(d, t)
	}
	for _, f := range atEJE.Bevindingen {
		if !yearOneRules[f.Regel] {
			continue
		}
		switch f.Status {
		case rules.TeLaat, rules.Ontbreekt, rules.Gebrekkig, rules.Verouderd:
			v.Knelpunten = append(v.Knelpunten, f)
		}
	}
	v.OpKoers = len(v.Knelpunten) == 0
	return v
}

// planDatum is the first plan's date, or else the plan-van-aanpak deadline.
func planDatum(v *View) dossier.Date {
	if v.Plan != nil {
		return v.Plan.Datum
	}
	f, _ := v.Result.Finding("plan-van-aanpak")
	return f.UitersteDatum
}

// Activiteiten returns the activities of both sporen, spoor 1 first.
func (v *View) Activiteiten() []dossier.Activity {
	return append(append([]dossier.Activity(nil), v.Spoor1...), v.Spoor2...)
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

// EJEDatum returns the date of the eerstejaarsevaluatie, or the end of
// week 52 (S(364)) while there is none.
func (v *View) EJEDatum() dossier.Date {
	if v.Eerstejaarsevaluatie != nil {
		return v.Eerstejaarsevaluatie.Datum
	}
	return v.EerstejaarsTot
}

// ContactmomentenTot returns the evaluations held on or before t.
func (v *View) ContactmomentenTot(t dossier.Date) []dossier.Document {
	var out []dossier.Document
	for _, d := range v.Contactmomenten {
		if !d.Datum.After(t) {
			out = append(out, d)
		}
	}
	return out
}

// ActiviteitenTot returns the activities, spoor 1 first, that started on
// or before t or have no start date.
func (v *View) ActiviteitenTot(t dossier.Date) []dossier.Activity {
	var out []dossier.Activity
	for _, a := range v.Activiteiten() {
		if !a.Start.After(t) {
			out = append(out, a)
		}
	}
	return out
}

// OpenActiviteiten returns the activities, spoor 1 first, that are not
// finished or stopped: what the second year carries on with.
func (v *View) OpenActiviteiten() []dossier.Activity {
	var out []dossier.Activity
	for _, a := range v.Activiteiten() {
		if a.Status != dossier.Afgerond && a.Status != dossier.Gestopt {
			out = append(out, a)
		}
	}
	return out
}

// Bevinding returns the finding of rule id (the zero Finding when the
// catalogue has no such rule).
func (v *View) Bevinding(id string) rules.Finding {
	f, _ := v.Result.Finding(id)
	return f
}
