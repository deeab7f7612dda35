package dossier

import "sort"

// This file holds what a document shows as of its own date: the dossier as
// it stood on that day, the versions of the plan van aanpak, which
// activities belong to which version, and each activity's state on a day
// (poortwachter.md, "Every document stands as of its own date").

// IsPlanVersion reports whether a document of soort s is a version of the
// plan van aanpak: the plan itself or a bijstelling.
func (s Soort) IsPlanVersion() bool { return s == PlanVanAanpak || s == BijstellingPlanVanAanpak }

// PlanVersions returns the versions of the plan van aanpak in d: every dated
// Plan van aanpak and Bijstelling plan van aanpak, oldest first (in reading
// order among equal dates).
func (d *Dossier) PlanVersions() []Document {
	var vs []Document
	for _, doc := range d.Documenten {
		if doc.Soort.IsPlanVersion() && !doc.Datum.IsZero() {
			vs = append(vs, doc)
		}
	}
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Datum.Before(vs[j].Datum) })
	return vs
}

// VersionOf returns the index in versions (oldest first) of the version
// that activity a belongs to: the latest one dated on or before its Start.
// An activity that starts before the first version, or has no Start,
// belongs to the first. It returns -1 when there are no versions.
func VersionOf(versions []Document, a Activity) int {
	if len(versions) == 0 {
		return -1
	}
	at := 0
	if !a.Start.IsZero() {
		for i, v := range versions {
			if !v.Datum.After(a.Start) {
				at = i
			}
		}
	}
	return at
}

// endKnown reports whether a's Eind is known on day t: it has passed, or
// the row does not say the activity ended, so Eind is the agreed end and
// was part of the plan. The Eind of an activity that was finished or
// stopped after t is how it turned out, which nobody knew on t.
func (a Activity) endKnown(t Date) bool {
	if !a.Eind.After(t) {
		return true
	}
	return a.Status != Afgerond && a.Status != Gestopt && a.RedenEinde == RedenOnbekend
}

// On returns a as it stood on day t: an activity that starts after t (or
// has no Start) is Gepland; one whose Eind is on or before t keeps its
// Status, Resultaat and Reden einde; any other runs, Lopend. Until it ends,
// it has no Resultaat or Reden einde yet, and an Eind that is how it turned
// out (see endKnown) is left out.
func (a Activity) On(t Date) Activity {
	if !a.Eind.IsZero() && !a.Eind.After(t) && !a.Start.IsZero() && !a.Start.After(t) {
		return a
	}
	if !a.endKnown(t) {
		a.Eind = Date{}
	}
	a.Resultaat, a.RedenEinde = "", RedenOnbekend
	if a.Start.IsZero() || a.Start.After(t) {
		a.Status = Gepland
	} else {
		a.Status = Lopend
	}
	return a
}

// Ended reports whether a ended on or before t (it has a Start and an Eind
// and both are on or before t).
func (a Activity) Ended(t Date) bool {
	return !a.Start.IsZero() && !a.Eind.IsZero() && !a.Start.After(t) && !a.Eind.After(t)
}

// AsOf returns d as it stood on day t: the documents and applications
// dated on or before t, recovery only when it came on or before t, the
// sickness periods as known on t (a period that began later is left out,
// one that ended later is still open), and the activities that had started
// by t or belong to a version of the plan dated on or before t, each in
// its state on t (Activity.On). d is not changed.
//
// Rows dated after t can change what AsOf shows in one way only: a later
// version of the plan takes over the planned activities that start on or
// after its date (VersionOf), so they leave the earlier version.
func (d *Dossier) AsOf(t Date) *Dossier {
	c := *d
	c.Documenten = nil
	for _, doc := range d.Documenten {
		if !doc.Datum.IsZero() && !doc.Datum.After(t) {
			c.Documenten = append(c.Documenten, doc)
		}
	}
	c.Sollicitaties = nil
	for _, s := range d.Sollicitaties {
		if !s.Datum.IsZero() && !s.Datum.After(t) {
			c.Sollicitaties = append(c.Sollicitaties, s)
		}
	}
	if c.DatumHersteld.After(t) {
		c.DatumHersteld = Date{}
	}
	c.Ziekteperiodes = nil
	for _, p := range d.Ziekteperiodes {
		if p.Van.After(t) {
			continue
		}
		if p.Tot.After(t) {
			p.Tot = Date{}
		}
		c.Ziekteperiodes = append(c.Ziekteperiodes, p)
	}
	if len(c.Ziekteperiodes) == 0 && len(d.Ziekteperiodes) > 0 {
		// t before the first sick day: the first period, still open.
		c.Ziekteperiodes = []SicknessPeriod{{Van: d.Ziekteperiodes[0].Van, Plaats: d.Ziekteperiodes[0].Plaats}}
	}
	versions := d.PlanVersions()
	c.Activiteiten = nil
	for _, a := range d.Activiteiten {
		started := !a.Start.IsZero() && !a.Start.After(t)
		v := VersionOf(versions, a)
		if started || v >= 0 && !versions[v].Datum.After(t) {
			c.Activiteiten = append(c.Activiteiten, a.On(t))
		}
	}
	return &c
}

// PlanChange is what a version of the plan van aanpak changed since the
// version before it, as it stood on the version's own date: what the
// bijstelling says it adjusted, and why.
type PlanChange struct {
	Version  Document  // the version itself
	Number   int       // 1 for the first version, 2 for the first bijstelling, ...
	Previous *Document // the version before; nil for the first
	// Added are the activities that belong to this version.
	Added []Activity
	// Ended are the activities of earlier versions that ended after the
	// previous version's date, on or before this one's, with their
	// Status, Resultaat and Reden einde.
	Ended []Activity
	// Started are the activities of earlier versions that were planned on
	// the previous version's date and have started since.
	Started []Activity
	// Analyses are the bijgestelde probleemanalyses dated after the
	// previous version, on or before this one: why the plan changed.
	Analyses []Document
	// Overloaded are the activities among Ended that stopped because the
	// employee was overloaded: also a reason to adjust the plan.
	Overloaded []Activity
}

// PlanChangeOf returns what version changed, version being one of d's
// PlanVersions (or, for a concept, a version row d does not hold yet:
// PlanChangeOf then treats it as the newest). Activities are in
// workbook order, each in its state on the version's date.
func (d *Dossier) PlanChangeOf(version Document) PlanChange {
	versions := d.PlanVersions()
	at := -1
	for i, v := range versions {
		if v == version {
			at = i
		}
	}
	if at < 0 {
		versions = append(versions, version)
		sort.SliceStable(versions, func(i, j int) bool { return versions[i].Datum.Before(versions[j].Datum) })
		for i, v := range versions {
			if v == version {
				at = i
			}
		}
	}
	t := version.Datum
	pc := PlanChange{Version: version, Number: at + 1}
	var since Date // the previous version's date; zero for the first
	if at > 0 {
		prev := versions[at-1]
		pc.Previous, since = &prev, prev.Datum
	}
	for _, a := range d.Activiteiten {
		v := VersionOf(versions, a)
		switch {
		case v == at:
			pc.Added = append(pc.Added, a.On(t))
		case v > at || at == 0:
			// A later version's, or nothing came before the first.
		case a.Ended(t) && a.Eind.After(since):
			pc.Ended = append(pc.Ended, a)
			if a.RedenEinde == Overbelasting {
				pc.Overloaded = append(pc.Overloaded, a)
			}
		case !a.Start.IsZero() && a.Start.After(since) && !a.Start.After(t):
			pc.Started = append(pc.Started, a.On(t))
		}
	}
	if at > 0 {
		for _, doc := range d.Documenten {
			if doc.Soort == BijgesteldeProbleemanalyse && doc.Datum.After(since) && !doc.Datum.After(t) {
				pc.Analyses = append(pc.Analyses, doc)
			}
		}
		sort.SliceStable(pc.Analyses, func(i, j int) bool { return pc.Analyses[i].Datum.Before(pc.Analyses[j].Datum) })
	}
	return pc
}
