package rules

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Check runs every rule of the catalogue on d at peildatum p. It works on
// d with its medical-looking free text left out (Redact): the Result's
// Dossier is that redacted dossier, and a melding names each cell left out.
func Check(d *dossier.Dossier, p dossier.Date) Result {
	d, weggelaten := Redact(d)
	c := NewContext(d, p)
	r := Result{Dossier: d, Peildatum: p, EindeWachttijd: c.Cal.EindeWachttijd()}
	for _, rule := range Catalogue() {
		f := rule.Decide(c)
		f.Regel, f.Titel, f.Ernst = rule.ID, rule.Titel, rule.Ernst
		f.Stap = step(&rule, f, c)
		r.Bevindingen = append(r.Bevindingen, f)
	}
	r.Oordeel = Verdict(r.Bevindingen)
	r.Meldingen = meldingen(c, weggelaten)
	r.Meldingen.Sort()
	return r
}

// step returns what to do about finding f of rule at the peildatum: the
// step Decide named, else by status: the rule's Stap before a deadline,
// its Alsnog after one. A step done late (te-laat) needs nothing more,
// unless Decide says so (the next evaluation). An ended dossier has no
// steps at all.
func step(rule *Rule, f Finding, c *Context) string {
	if c.ended() {
		return ""
	}
	if rule.ID == planVanAanpakInhoud.ID && f.Datum.IsZero() {
		// Without a plan this rule only repeats plan-van-aanpak; drawing
		// up the plan is the one step.
		return ""
	}
	if f.Stap != "" {
		return f.Stap
	}
	switch f.Status {
	case NogNietNodig:
		return rule.Stap
	case Ontbreekt:
		return rule.Alsnog
	case Gebrekkig, Verouderd:
		// Present but short: mend it by the deadline, or at once when the
		// deadline has passed. A rule without a deadline dates the finding
		// by the document that falls short.
		due := f.UitersteDatum
		if due.IsZero() {
			due = f.Datum
		}
		if due.Before(c.Peildatum) {
			return rule.Alsnog
		}
		return rule.Stap
	}
	return ""
}

// Verdict is the verdict of a dossier with findings fs: onvolledig if any
// vereist finding is ontbreekt, verouderd or gebrekkig; else aandacht if any
// vereist or waarschuwing finding is te-laat, or any waarschuwing finding is
// ontbreekt or gebrekkig; else compleet. Advies findings never count.
func Verdict(fs []Finding) Oordeel {
	o := Compleet
	for _, f := range fs {
		switch f.Ernst {
		case Vereist:
			switch f.Status {
			case Ontbreekt, Verouderd, Gebrekkig:
				return Onvolledig
			case TeLaat:
				o = Aandacht
			}
		case Waarschuwing:
			switch f.Status {
			case TeLaat, Ontbreekt, Gebrekkig:
				o = Aandacht
			}
		}
	}
	return o
}

// meldingen collects the warnings about d's input that a check finds: a
// first sick day after the peildatum, a missing BSN once the
// re-integratieverslag is near (workbook contract), a reassessment date
// without a motivation, documents the peildatum leaves out, an extension
// that does not extend, and free text that looks medical (weggelaten, as
// Redact found it).
func meldingen(c *Context, weggelaten []Weglating) dossier.Problems {
	d := c.Dossier
	var ps dossier.Problems
	warn := func(plaats, format string, args ...any) {
		p := dossier.Warnf(plaats, format, args...)
		p.Dossier = d.Nummer
		ps = append(ps, p)
	}
	if d.EersteZiektedag.After(c.Peildatum) {
		warn(d.Plaats, "de eerste ziektedag %s ligt na de peildatum %s; alle termijnen liggen nog in de toekomst (klopt de peildatum?)",
			d.EersteZiektedag.NL(), c.Peildatum.NL())
	}
	if d.BSN == "" && (!c.Peildatum.Before(c.Cal.S(ReintegratieverslagVanaf)) || len(c.Documents(dossier.Reintegratieverslag)) > 0) {
		warn(d.Plaats, "het BSN ontbreekt; het re-integratieverslag (vanaf week 85 in voorbereiding) en elk stuk voor UWV moeten het BSN van de werknemer vermelden")
	}
	if v := d.EindeWachttijdVerlengdTot; !v.IsZero() && !c.Cal.Verlengd() {
		warn(d.Plaats, "Einde wachttijd verlengd tot %s ligt niet na het einde van de wachttijd %s (S(728)); de verlenging telt niet mee",
			v.NL(), c.Cal.S(Wachttijd).NL())
	}
	if !d.HerbeoordelingGeenSpoor2.IsZero() && strings.TrimSpace(d.MotiveringGeenSpoor2) == "" {
		warn(d.Plaats, "Herbeoordeling geen spoor 2 (%s) is ingevuld zonder Motivering geen spoor 2 en telt niet mee; vul de motivering in, of maak de datum leeg",
			d.HerbeoordelingGeenSpoor2.NL())
	}
	for _, doc := range d.Documenten {
		if doc.Datum.After(c.Peildatum) {
			warn(doc.Plaats, "%s van %s ligt na de peildatum %s en telt niet mee", doc.Soort, doc.Datum.NL(), c.Peildatum.NL())
		}
	}
	for _, w := range weggelaten {
		// The words themselves are not repeated: the melding goes where
		// the text may not go (the overview, the auditor's workbook).
		warn(w.Plaats, "%s lijkt medische gegevens te bevatten; een werkgeversdossier mag niets vastleggen over de aard of oorzaak van de ziekte "+
			"of over een behandeling (AVG art. 9). De documenten tonen deze tekst niet; verwijder hem uit het werkboek", w.Veld)
	}
	return ps
}

// CheckAll checks every dossier of ds at peildatum p, spread over the
// machine's cores; the results are in the order of ds. Each check is
// independent of the others, so the outcome is the same as one by one.
func CheckAll(ds []*dossier.Dossier, p dossier.Date) []Result {
	out := make([]Result, len(ds))
	eachDossier(len(ds), func(i int) { out[i] = Check(ds[i], p) })
	return out
}

// eachDossier calls do(i) for every i below n, spread over the machine's
// cores, and returns when all calls have.
func eachDossier(n int, do func(i int)) {
	workers := min(runtime.NumCPU(), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		}()
	}
	wg.Wait()
}
