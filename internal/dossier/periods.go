package dossier

import "sort"

// SamentellingGap is the shortest gap, in calendar days between the end of
// one period and the start of the next, that starts a new case (WIA art.
// 23(3), BW 7:629(10), ZW art. 38(1)): gaps of fewer than 28 days are added
// together, 28 or more are a separate dossier.
const SamentellingGap = 28

// GapDays returns the number of healthy calendar days between period a
// (ending a.Tot) and the next period b (starting b.Van): the days strictly
// between them.
func GapDays(a, b SicknessPeriod) int {
	return b.Van.DaysSince(a.Tot) - 1
}

// SetPeriods gives d its sickness periods. With no rows from the
// Ziekteperiodes sheet, the dossier has one period from Eerste ziektedag to
// Datum hersteld (open when not recovered). The periods are sorted by Van.
func (d *Dossier) SetPeriods(rows []SicknessPeriod) {
	if len(rows) == 0 {
		d.Ziekteperiodes = []SicknessPeriod{{Van: d.EersteZiektedag, Tot: d.DatumHersteld, Plaats: d.Plaats}}
		return
	}
	ps := append([]SicknessPeriod(nil), rows...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Van.Before(ps[j].Van) })
	d.Ziekteperiodes = ps
}

// CheckPeriods reports what is wrong with the sickness periods as given in
// the Ziekteperiodes sheet, in the order given: every period ends on or after
// it starts, only the last may be open, the periods are in order and do not
// overlap, the first starts on Eerste ziektedag, and no gap is 28 days or
// more. Each problem names the cell of the period it is about.
func CheckPeriods(eersteZiektedag Date, rows []SicknessPeriod) Problems {
	var ps Problems
	for i, p := range rows {
		if !p.Tot.IsZero() && p.Tot.Before(p.Van) {
			ps = append(ps, Errorf(p.Plaats, "ziekteperiode eindigt (%s) voor ze begint (%s)", p.Tot.NL(), p.Van.NL()))
		}
		if i == 0 {
			if p.Van != eersteZiektedag {
				ps = append(ps, Errorf(p.Plaats, "de eerste ziekteperiode moet beginnen op de eerste ziektedag %s, gevonden %s", eersteZiektedag.NL(), p.Van.NL()))
			}
			continue
		}
		prev := rows[i-1]
		switch {
		case p.Van.Before(prev.Van):
			ps = append(ps, Errorf(p.Plaats, "ziekteperiodes staan niet in volgorde: %s begint voor de vorige periode (%s)", p.Van.NL(), prev.Van.NL()))
		case prev.Tot.IsZero():
			ps = append(ps, Errorf(p.Plaats, "ziekteperiode vanaf %s overlapt de vorige periode, die geen einddatum heeft (alleen de laatste periode mag open zijn)", p.Van.NL()))
		case !p.Van.After(prev.Tot):
			ps = append(ps, Errorf(p.Plaats, "ziekteperiode vanaf %s overlapt de vorige periode (tot %s)", p.Van.NL(), prev.Tot.NL()))
		default:
			if gap := GapDays(prev, p); gap >= SamentellingGap {
				ps = append(ps, Errorf(p.Plaats, "tussen %s en %s ligt %d dagen herstel; bij 28 dagen of meer is het een nieuw ziektegeval (verwacht een apart dossier)", prev.Tot.NL(), p.Van.NL(), gap))
			}
		}
	}
	return ps
}
