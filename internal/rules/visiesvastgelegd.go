package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// VisiesVanaf is the day from which a plan, a bijstelling and the
// eerstejaarsevaluatie record the views of employer and employee: the
// amended Regeling art. 4 (Stcrt. 2023, 13931).
var VisiesVanaf = dossier.NewDate(2023, 7, 1)

// visieSoorten are the documents that record both views.
var visieSoorten = []dossier.Soort{dossier.PlanVanAanpak, dossier.BijstellingPlanVanAanpak, dossier.Eerstejaarsevaluatie}

var visiesVastgelegd = &Rule{
	ID:     "visies-vastgelegd",
	Titel:  "Visies werkgever en werknemer vastgelegd",
	Ernst:  Waarschuwing,
	Stap:   "Visies van werkgever en werknemer vastleggen",
	Alsnog: "Visies van werkgever en werknemer alsnog vastleggen",
	Wat: fmt.Sprintf("Elk Plan van aanpak, elke Bijstelling plan van aanpak en elke Eerstejaarsevaluatie gedateerd vanaf %s "+
		"vermeldt de visie van de werkgever en van de werknemer (Visie werkgever, Visie werknemer op de rij). Ontbreekt er een: "+
		"gebrekkig, met de datum van het vroegste document zonder beide visies.", VisiesVanaf.Lang()),
	Termijn: "geen",
	Bron:    "Regeling procesgang art. 4, zoals gewijzigd per 1 juli 2023 (Stcrt. 2023, 13931)",
	Decide:  decideVisies,
}

func decideVisies(c *Context) Finding {
	var docs, lacking []dossier.Document
	for _, s := range visieSoorten {
		for _, d := range c.Documents(s) {
			if !d.Datum.Before(VisiesVanaf) {
				docs = append(docs, d)
			}
		}
	}
	if len(docs) == 0 {
		return Finding{Status: NietVanToepassing, Toelichting: fmt.Sprintf(
			"Geen plan van aanpak, bijstelling of eerstejaarsevaluatie vanaf %s; de regel is (nog) niet van toepassing.", VisiesVanaf.Lang())}
	}
	sortByDate(docs)
	var missing []string
	for _, d := range docs {
		var lacks []string
		if strings.TrimSpace(d.VisieWerkgever) == "" {
			lacks = append(lacks, "werkgever")
		}
		if strings.TrimSpace(d.VisieWerknemer) == "" {
			lacks = append(lacks, "werknemer")
		}
		if len(lacks) > 0 {
			lacking = append(lacking, d)
			missing = append(missing, fmt.Sprintf("%s van %s (%s, visie %s)", lowerFirst(d.Soort.String()), d.Datum.Lang(), d.Plaats, strings.Join(lacks, " en ")))
		}
	}
	if len(lacking) > 0 {
		const shown = 3
		more := ""
		if len(missing) > shown {
			more = fmt.Sprintf(" en %d andere", len(missing)-shown)
			missing = missing[:shown]
		}
		return Finding{Status: Gebrekkig, Datum: lacking[0].Datum, Toelichting: fmt.Sprintf(
			"Zonder de visie van beide partijen: %s%s. Leg de visie van werkgever en werknemer vast op elk plan, elke bijstelling en de eerstejaarsevaluatie (verplicht sinds %s).",
			strings.Join(missing, "; "), more, VisiesVanaf.Lang())}
	}
	last := docs[len(docs)-1]
	if len(docs) == 1 {
		return Finding{Status: Tijdig, Datum: last.Datum, Toelichting: fmt.Sprintf(
			"%s van %s vermeldt de visie van werkgever en werknemer.", last.Soort, last.Datum.Lang())}
	}
	return Finding{Status: Tijdig, Datum: last.Datum, Toelichting: fmt.Sprintf(
		"De visie van werkgever en werknemer staat op elk plan, elke bijstelling en eerstejaarsevaluatie vanaf %s (%d documenten, het laatste van %s).",
		VisiesVanaf.Lang(), len(docs), last.Datum.Lang())}
}

// sortByDate sorts documents by date, keeping reading order among equal
// dates.
func sortByDate(ds []dossier.Document) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Datum.Before(ds[j].Datum) })
}
