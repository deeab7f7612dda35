package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

// Stuk is one document the tool makes for a dossier (poortwachter.md, "What
// the generated documents must contain"): a row of the workbook, rendered
// as the dossier stood on its own date, or a concept of a document that is
// due but has no row yet, rendered as of the peildatum for the casemanager
// to complete and have signed.
type Stuk struct {
	// Document is the row. A concept's row has only Soort and Datum, the
	// peildatum.
	Document dossier.Document
	Concept  bool
}

// Concept returns a concept of a document of soort s made on peildatum p:
// a row with only its Soort and Datum p.
func Concept(s dossier.Soort, p dossier.Date) Stuk {
	return Stuk{Document: dossier.Document{Soort: s, Datum: p}, Concept: true}
}

// Stukken returns the documents to make for d at peildatum p: every Plan
// van aanpak, Bijstelling plan van aanpak, Eerstejaarsevaluatie and
// Re-integratieverslag row dated on or before p, and a concept of each
// document that is due on p without a row: the plan van aanpak once its
// deadline has passed; a bijstelling while a reason to adjust the plan (a
// bijgestelde probleemanalyse, an activity stopped because of overload)
// has no plan or bijstelling dated on or after it; the eerstejaarsevaluatie
// from week 46 (S(316)); the re-integratieverslag from week 85 (S(589)). A
// moment that falls after the employee recovered (on or before p) is not
// due. The versions of the plan come first, by date, a concept last; then
// the eerstejaarsevaluatie, then the re-integratieverslag.
func Stukken(d *dossier.Dossier, p dossier.Date) []Stuk {
	c := NewContext(d, p)
	h := c.Hersteld()
	if h.After(p) {
		h = dossier.Date{}
	}
	due := func(from dossier.Date) bool {
		return !from.IsZero() && !from.After(p) && (h.IsZero() || !h.Before(from))
	}
	concept := func(s dossier.Soort) Stuk { return Concept(s, p) }
	var out []Stuk
	versions := c.planVersions()
	for _, v := range versions {
		out = append(out, Stuk{Document: v})
	}
	switch {
	case len(c.Documents(dossier.PlanVanAanpak)) == 0:
		if due(planDeadline(c)) {
			out = append(out, concept(dossier.PlanVanAanpak))
		}
	case unanswered(c, versions):
		out = append(out, concept(dossier.BijstellingPlanVanAanpak))
	}
	for _, k := range []struct {
		soort dossier.Soort
		from  int
	}{
		{dossier.Eerstejaarsevaluatie, EerstejaarsevaluatieVanaf},
		{dossier.Reintegratieverslag, ReintegratieverslagVanaf},
	} {
		docs := c.Documents(k.soort)
		for _, doc := range docs {
			out = append(out, Stuk{Document: doc})
		}
		if len(docs) == 0 && due(c.Cal.S(k.from)) {
			out = append(out, concept(k.soort))
		}
	}
	return out
}

// planVersions returns the versions of the plan van aanpak that count
// (dated on or before the peildatum), oldest first.
func (c *Context) planVersions() []dossier.Document {
	var out []dossier.Document
	for _, v := range c.Dossier.PlanVersions() {
		if !v.Datum.After(c.Peildatum) {
			out = append(out, v)
		}
	}
	return out
}

// unanswered reports whether a reason to adjust the plan has no version
// dated on or after it yet, while the adjustment is still asked for (the
// employee did not recover before its deadline).
func unanswered(c *Context, versions []dossier.Document) bool {
	for _, t := range triggers(c) {
		answered := false
		for _, v := range versions {
			if !v.Datum.Before(t.T) {
				answered = true
			}
		}
		if st := c.absentStatus(t.T.AddDays(PlanTermijn)); !answered && (st == Ontbreekt || st == NogNietNodig) {
			return true
		}
	}
	return false
}

// AsOf returns d as it stood on day t (dossier.Dossier.AsOf), for a
// document dated t. A voluntary extension of the waiting time (WIA art.
// 24) counts from week 85 (S(589)) on: employer and employee ask UWV for it
// with the WIA application, when the re-integratieverslag is prepared, so
// a document dated earlier cannot know it. The Dossiers row gives no date
// of its own for it.
func AsOf(d *dossier.Dossier, t dossier.Date) *dossier.Dossier {
	c := d.AsOf(t)
	if !c.EindeWachttijdVerlengdTot.IsZero() && t.Before(NewCalendar(c).S(ReintegratieverslagVanaf)) {
		c.EindeWachttijdVerlengdTot = dossier.Date{}
	}
	return c
}
