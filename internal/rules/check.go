package rules

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Check runs every rule of the catalogue on d at peildatum p.
func Check(d *dossier.Dossier, p dossier.Date) Result {
	c := NewContext(d, p)
	r := Result{Dossier: d, Peildatum: p, EindeWachttijd: c.Cal.EindeWachttijd()}
	for _, rule := range Catalogue() {
		f := rule.Decide(c)
		f.Regel, f.Titel, f.Ernst = rule.ID, rule.Titel, rule.Ernst
		r.Bevindingen = append(r.Bevindingen, f)
	}
	r.Oordeel = Verdict(r.Bevindingen)
	r.Meldingen = meldingen(c)
	r.Meldingen.Sort()
	return r
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
// that does not extend, and free text that looks medical.
func meldingen(c *Context) dossier.Problems {
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
	medical := func(plaats, veld, text string) {
		if ts := MedicalTerms(text); len(ts) > 0 {
			warn(plaats, "%s lijkt medische gegevens te bevatten (%s); een werkgeversdossier mag geen diagnose, oorzaak of behandeling bevatten (AVG art. 9): verwijder deze tekst",
				veld, strings.Join(ts, ", "))
		}
	}
	// Functie and Vaardigheden are left out: a job title such as
	// "psycholoog" or "operatie-assistent" is not medical data.
	for _, f := range []struct{ veld, text string }{
		{"Re-integratiedoel", d.Reintegratiedoel},
		{"Contactafspraken", d.Contactafspraken},
		{"Motivering geen spoor 2", d.MotiveringGeenSpoor2},
		{"Oordeel arbeidsrelatie", d.OordeelArbeidsrelatie},
		{"Passend werk bij werkgever", d.PassendWerk},
		{"Visie werknemer", d.VisieWerknemer},
	} {
		medical(d.Plaats, "Kolom "+f.veld, f.text)
	}
	for _, doc := range d.Documenten {
		soort := lowerFirst(doc.Soort.String())
		medical(doc.Plaats, "De samenvatting van "+soort, doc.Samenvatting)
		medical(doc.Plaats, "De visie van de werkgever in "+soort, doc.VisieWerkgever)
		medical(doc.Plaats, "De visie van de werknemer in "+soort, doc.VisieWerknemer)
	}
	for _, a := range d.Activiteiten {
		medical(a.Plaats, "Activiteit", a.Activiteit)
		medical(a.Plaats, "Het doel van de activiteit", a.Doel)
		medical(a.Plaats, "Het resultaat van de activiteit", a.Resultaat)
	}
	for _, s := range d.Sollicitaties {
		medical(s.Plaats, "Het resultaat van de sollicitatie", s.Resultaat)
	}
	return ps
}

// CheckAll checks every dossier of ds at peildatum p, spread over the
// machine's cores; the results are in the order of ds. Each check is
// independent of the others, so the outcome is the same as one by one.
func CheckAll(ds []*dossier.Dossier, p dossier.Date) []Result {
	out := make([]Result, len(ds))
	workers := min(runtime.NumCPU(), len(ds))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(ds); i = int(next.Add(1)) - 1 {
				out[i] = Check(ds[i], p)
			}
		}()
	}
	wg.Wait()
	return out
}
