package rules

import "github.com/poortwachter/poortwachter/internal/dossier"

// catalogue lists the rules in the order of poortwachter.md "The rule
// catalogue"; the order is the order of every Result's Bevindingen.
var catalogue = []*Rule{
	ziekmeldingArbodienst,
	probleemanalyse,
	planVanAanpak,
	planVanAanpakInhoud,
	visiesVastgelegd,
	bijstellingPlan,
	evaluatieFrequentie,
	weekmelding42,
	eerstejaarsevaluatie,
	spoor2,
	arbeidsdeskundigOnderzoek,
	spoor2Doorlopend,
	spoor1TijdensSpoor2,
	zoekprofiel,
	actueelOordeel,
	eindevaluatie,
	visieWerknemer,
	reintegratieverslag,
	wiaAanvraag,
}

// Catalogue returns the rules in catalogue order. The slice is a copy;
// changing it changes nothing for Check.
func Catalogue() []Rule {
	out := make([]Rule, len(catalogue))
	for i, r := range catalogue {
		out[i] = *r
	}
	return out
}

// Lookup returns the rule with id, and whether there is one.
func Lookup(id string) (Rule, bool) {
	for _, r := range catalogue {
		if r.ID == id {
			return *r, true
		}
	}
	return Rule{}, false
}

// documentRule is a rule about one document of soort s judged by the
// general logic: the earliest that counts against deadline.
func documentRule(r Rule, s dossier.Soort, deadline func(*Context) dossier.Date) *Rule {
	r.Decide = func(c *Context) Finding { return c.document(s, deadline(c)) }
	return &r
}

// sickDay returns a deadline function for S(k).
func sickDay(k int) func(*Context) dossier.Date {
	return func(c *Context) dossier.Date { return c.Cal.S(k) }
}
