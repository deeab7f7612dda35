package rules

import (
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

func TestCalendarS(t *testing.T) {
	gap27 := periods("2025-01-06", "2025-01-15", "2025-02-12", "") // 10 sick days, 27 gap days
	tests := []struct {
		name string
		d    *dossier.Dossier
		k    int
		want string
	}{
		{"day 1 is D", newDossier(), 1, "2025-01-06"},
		{"day 0 is nothing", newDossier(), 0, ""},
		{"week 1", newDossier(), 7, "2025-01-12"},
		{"week 6", newDossier(), 42, "2025-02-16"},
		{"week 8", newDossier(), 56, "2025-03-02"},
		{"day 295", newDossier(), 295, "2025-10-27"},
		{"week 52", newDossier(), 364, "2026-01-04"},
		{"week 91", newDossier(), 637, "2026-10-04"},
		{"week 93", newDossier(), 651, "2026-10-18"},
		{"week 104", newDossier(), 728, "2027-01-03"},
		{"no periods: from D", &dossier.Dossier{EersteZiektedag: D}, 42, "2025-02-16"},
		{"empty calendar", &dossier.Dossier{}, 42, ""},
		{"gap: last day before", newDossier(gap27), 10, "2025-01-15"},
		{"gap: first day after", newDossier(gap27), 11, "2025-02-12"},
		{"gap: week 6 shifts 27 days", newDossier(gap27), 42, "2025-03-15"},
		{"gap: week 104 shifts 27 days", newDossier(gap27), 728, "2027-01-30"},
		{"two gaps", newDossier(periods("2025-01-06", "2025-01-10", "2025-01-13", "2025-01-14", "2025-01-20", "")), 8, "2025-01-20"},
		{"after a closed last period: day by day", newDossier(periods("2025-01-06", "2025-01-10")), 6, "2025-01-11"},
		{"after a closed last period: far on", newDossier(periods("2025-01-06", "2025-01-10")), 42, "2025-02-16"},
		{"after gaps and a closed last period", newDossier(periods("2025-01-06", "2025-01-15", "2025-02-12", "2025-02-13")), 13, "2025-02-14"},
		{"leap: 29 February counts", newDossier(periods("2024-02-28", "")), 2, "2024-02-29"},
		{"leap: after 29 February", newDossier(periods("2024-02-28", "")), 3, "2024-03-01"},
		{"leap: week 104", newDossier(periods("2024-02-28", "")), 728, "2026-02-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewCalendar(tt.d).S(tt.k); got != day(t, tt.want) {
				t.Errorf("S(%d) = %s, want %s", tt.k, got, tt.want)
			}
		})
	}
}

func TestCalendarEndOfWeek(t *testing.T) {
	c := NewCalendar(newDossier())
	for n, want := range map[int]string{1: "2025-01-12", 6: "2025-02-16", 52: "2026-01-04", 104: "2027-01-03"} {
		if got := c.EndOfWeek(n); got != day(t, want) {
			t.Errorf("EndOfWeek(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestCalendarSickDayAndWeek(t *testing.T) {
	gap27 := newDossier(periods("2025-01-06", "2025-01-15", "2025-02-12", ""))
	closed := newDossier(periods("2025-01-06", "2025-01-10"))
	tests := []struct {
		name      string
		d         *dossier.Dossier
		t         string
		day       int
		week      int
		roundTrip bool // S(day) == t
	}{
		{"before D", newDossier(), "2025-01-05", 0, 0, false},
		{"zero date", newDossier(), "", 0, 0, false},
		{"D", newDossier(), "2025-01-06", 1, 1, true},
		{"end of week 1", newDossier(), "2025-01-12", 7, 1, true},
		{"start of week 2", newDossier(), "2025-01-13", 8, 2, true},
		{"end of week 6", newDossier(), "2025-02-16", 42, 6, true},
		{"end of week 104", newDossier(), "2027-01-03", 728, 104, true},
		{"last day before gap", gap27, "2025-01-15", 10, 2, true},
		{"first gap day", gap27, "2025-01-16", 10, 2, false},
		{"last gap day", gap27, "2025-02-11", 10, 2, false},
		{"first day after gap", gap27, "2025-02-12", 11, 2, true},
		{"week 6 after gap", gap27, "2025-03-15", 42, 6, true},
		{"week 7 after gap", gap27, "2025-03-16", 43, 7, true},
		{"after closed last period", closed, "2025-01-11", 6, 1, true},
		{"after closed last period, week 2", closed, "2025-01-13", 8, 2, true},
		{"leap day", newDossier(periods("2024-02-28", "")), "2024-02-29", 2, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCalendar(tt.d)
			at := day(t, tt.t)
			if got := c.SickDay(at); got != tt.day {
				t.Errorf("SickDay(%s) = %d, want %d", tt.t, got, tt.day)
			}
			if got := c.Week(at); got != tt.week {
				t.Errorf("Week(%s) = %d, want %d", tt.t, got, tt.week)
			}
			if tt.roundTrip {
				if got := c.S(tt.day); got != at {
					t.Errorf("S(SickDay(%s)) = %s", tt.t, got)
				}
			}
		})
	}
}

func TestCalendarWachttijd(t *testing.T) {
	tests := []struct {
		name            string
		d               *dossier.Dossier
		einde, riv, wia string
		verlengd        bool
	}{
		{"no extension", newDossier(), "2027-01-03", "2026-10-04", "2026-10-18", false},
		{"extension", newDossier(verlengd(mustDay("2027-07-04"))), "2027-07-04", "2027-04-04", "2027-04-18", true},
		{"extension by one day", newDossier(verlengd(mustDay("2027-01-04"))), "2027-01-04", "2026-10-05", "2026-10-19", true},
		{"extension equal to S(728) is ignored", newDossier(verlengd(mustDay("2027-01-03"))), "2027-01-03", "2026-10-04", "2026-10-18", false},
		{"extension before S(728) is ignored", newDossier(verlengd(mustDay("2026-12-01"))), "2027-01-03", "2026-10-04", "2026-10-18", false},
		{"samentelling shifts all", newDossier(periods("2025-01-06", "2025-01-15", "2025-02-12", "")), "2027-01-30", "2026-10-31", "2026-11-14", false},
		{"leap year", newDossier(periods("2024-02-28", "")), "2026-02-24", "2025-11-25", "2025-12-09", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCalendar(tt.d)
			if got := c.EindeWachttijd(); got != day(t, tt.einde) {
				t.Errorf("EindeWachttijd = %s, want %s", got, tt.einde)
			}
			if got := c.RIVDeadline(); got != day(t, tt.riv) {
				t.Errorf("RIVDeadline = %s, want %s", got, tt.riv)
			}
			if got := c.WIADeadline(); got != day(t, tt.wia) {
				t.Errorf("WIADeadline = %s, want %s", got, tt.wia)
			}
			if got := c.Verlengd(); got != tt.verlengd {
				t.Errorf("Verlengd = %v, want %v", got, tt.verlengd)
			}
		})
	}
}
