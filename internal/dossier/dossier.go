// Package dossier holds the domain types of a Poortwachter re-integration
// dossier: the employee's case, its sickness periods, documents, plan
// activities and spoor-2 applications, and the problems found while reading
// them. It does no I/O; adapters (the workbook reader, the report and PDF
// writers) speak these types.
package dossier

import "strings"

// Dossier is one sickness case of one employee, as exported by HR.
type Dossier struct {
	Nummer              string // Dossiernummer, unique within a workbook
	NaamWerknemer       string
	BSN                 string // nine digits after normalisation, "" when not given
	Geboortedatum       Date
	Functie             string
	UrenPerWeek         float64 // 0 when not given
	Vaardigheden        string
	Werkgever           string
	AardBedrijf         string
	Loonheffingennummer string
	Casemanager         string
	Bedrijfsarts        string
	Arbodienst          string
	Arbeidsdeskundige   string
	Reintegratiebureau  string

	EersteZiektedag Date
	DatumHersteld   Date // zero while still sick

	Reintegratiedoel     string
	Contactafspraken     string
	MotiveringGeenSpoor2 string
	// HerbeoordelingGeenSpoor2 is the date until which the motivation for
	// no spoor 2 holds; zero when not given.
	HerbeoordelingGeenSpoor2 Date
	OordeelArbeidsrelatie    string
	PassendWerk              string // Passend werk bij werkgever
	VisieWerknemer           string

	// EindeWachttijdVerlengdTot is the end of the waiting time after a
	// voluntary extension (WIA art. 24); zero when not extended.
	EindeWachttijdVerlengdTot Date

	Ziekteperiodes []SicknessPeriod // sorted by Van; never empty after reading
	Documenten     []Document
	Activiteiten   []Activity
	Sollicitaties  []Application

	Plaats string // the row in Dossiers, e.g. "Dossiers!A5"
	// Layout says where each column of the workbook is, so a message can
	// name any cell of a row (see Cell); nil for a dossier not read from a
	// workbook.
	Layout *Layout
}

// SicknessPeriod is one stretch of sickness. Tot is zero while the employee
// is still sick.
type SicknessPeriod struct {
	Van, Tot Date
	Plaats   string // the cell of Van, e.g. "Ziekteperiodes!B3"
}

// Document is one dossier document of a given Soort.
type Document struct {
	Soort             Soort
	Datum             Date
	OpgesteldDoor     string
	GetekendWerkgever bool
	GetekendWerknemer bool
	Samenvatting      string
	FunctieOpsteller  string // the function of OpgesteldDoor
	// VisieWerkgever and VisieWerknemer are the views of the parties as
	// recorded in a plan, bijstelling or eerstejaarsevaluatie.
	VisieWerkgever string
	VisieWerknemer string
	Plaats         string // the cell of Datum, e.g. "Documenten!C7"
}

// Activity is one activity of the plan van aanpak.
type Activity struct {
	Spoor             int // 1 or 2
	Activiteit        string
	Doel              string
	Verantwoordelijke string
	Start, Eind       Date
	Status            ActivityStatus
	Resultaat         string
	RedenEinde        RedenEinde
	Plaats            string // the cell of Activiteit
}

// Application is one job application in spoor 2.
type Application struct {
	Datum     Date
	Werkgever string
	Functie   string
	Resultaat string
	Plaats    string // the cell of Datum
}

// DocumentsOf returns the documents of soort s in the order they were read.
func (d *Dossier) DocumentsOf(s Soort) []Document {
	var out []Document
	for _, doc := range d.Documenten {
		if doc.Soort == s {
			out = append(out, doc)
		}
	}
	return out
}

// Spoor2Start returns the earliest Start of a spoor-2 activity, or the zero
// date when there is none.
func (d *Dossier) Spoor2Start() Date {
	var starts []Date
	for _, a := range d.Activiteiten {
		if a.Spoor == 2 {
			starts = append(starts, a.Start)
		}
	}
	return MinDate(starts...)
}

// Soort is the kind of a dossier document.
type Soort int

// The document kinds of the workbook contract, in dossier order.
const (
	Ziekmelding Soort = iota + 1
	Probleemanalyse
	BijgesteldeProbleemanalyse
	PlanVanAanpak
	BijstellingPlanVanAanpak
	Evaluatie
	WeekMelding42
	Eerstejaarsevaluatie
	ArbeidsdeskundigRapport
	Deskundigenoordeel
	ActueelOordeel
	Eindevaluatie
	Reintegratieverslag
	WIAAanvraag
	VoortgangsrapportageSpoor2
	Zoekprofiel
)

var soortNames = [...]string{
	Ziekmelding:                "Ziekmelding",
	Probleemanalyse:            "Probleemanalyse",
	BijgesteldeProbleemanalyse: "Bijgestelde probleemanalyse",
	PlanVanAanpak:              "Plan van aanpak",
	BijstellingPlanVanAanpak:   "Bijstelling plan van aanpak",
	Evaluatie:                  "Evaluatie",
	WeekMelding42:              "42e-weekmelding",
	Eerstejaarsevaluatie:       "Eerstejaarsevaluatie",
	ArbeidsdeskundigRapport:    "Arbeidsdeskundig rapport",
	Deskundigenoordeel:         "Deskundigenoordeel",
	ActueelOordeel:             "Actueel oordeel",
	Eindevaluatie:              "Eindevaluatie",
	Reintegratieverslag:        "Re-integratieverslag",
	WIAAanvraag:                "WIA-aanvraag",
	VoortgangsrapportageSpoor2: "Voortgangsrapportage spoor 2",
	Zoekprofiel:                "Zoekprofiel",
}

// Soorten lists every document kind in dossier order.
func Soorten() []Soort {
	out := make([]Soort, 0, len(soortNames)-1)
	for s := Ziekmelding; s <= Zoekprofiel; s++ {
		out = append(out, s)
	}
	return out
}

// String returns the Dutch name of s as written in the workbook.
func (s Soort) String() string {
	if s < Ziekmelding || s > Zoekprofiel {
		return "onbekend"
	}
	return soortNames[s]
}

// ParseSoort matches a workbook value case-insensitively, with white space
// collapsed.
func ParseSoort(v string) (Soort, bool) {
	v = NormalizeSpace(v)
	for _, s := range Soorten() {
		if strings.EqualFold(v, s.String()) {
			return s, true
		}
	}
	return 0, false
}

// ActivityStatus is the state of a plan activity.
type ActivityStatus int

// The activity states of the workbook contract; StatusOnbekend when empty.
const (
	StatusOnbekend ActivityStatus = iota
	Gepland
	Lopend
	Afgerond
	Gestopt
)

var statusNames = [...]string{"", "Gepland", "Lopend", "Afgerond", "Gestopt"}

// ActivityStatuses lists the states a workbook may name.
func ActivityStatuses() []ActivityStatus { return []ActivityStatus{Gepland, Lopend, Afgerond, Gestopt} }

// String returns the Dutch name of s ("" when unknown).
func (s ActivityStatus) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return ""
	}
	return statusNames[s]
}

// ParseActivityStatus matches a workbook value case-insensitively.
func ParseActivityStatus(v string) (ActivityStatus, bool) {
	v = NormalizeSpace(v)
	for _, s := range ActivityStatuses() {
		if strings.EqualFold(v, s.String()) {
			return s, true
		}
	}
	return StatusOnbekend, false
}

// RedenEinde is why an activity ended (column Reden einde).
type RedenEinde int

// The closing reasons of the workbook contract; RedenOnbekend when empty.
const (
	RedenOnbekend RedenEinde = iota
	// Plaatsing: work was found, in spoor 1 or spoor 2.
	Plaatsing
	// RedenHersteld: the employee recovered.
	RedenHersteld
	// GeenBenutbareMogelijkheden: the bedrijfsarts finds no usable capacity.
	GeenBenutbareMogelijkheden
	// Overbelasting: stopped because the employee was overloaded.
	Overbelasting
	// Anders: any other reason.
	Anders
)

var redenNames = [...]string{"", "Plaatsing", "Hersteld", "Geen benutbare mogelijkheden", "Overbelasting", "Anders"}

// RedenenEinde lists the closing reasons a workbook may name.
func RedenenEinde() []RedenEinde {
	return []RedenEinde{Plaatsing, RedenHersteld, GeenBenutbareMogelijkheden, Overbelasting, Anders}
}

// String returns the Dutch name of r ("" when unknown).
func (r RedenEinde) String() string {
	if r < 0 || int(r) >= len(redenNames) {
		return ""
	}
	return redenNames[r]
}

// Closes reports whether an activity that ended for reason r closes the
// re-integration obligation: work found, recovery, or no usable capacity.
// Overload does not: it calls for an adjusted plan, not a dropped spoor.
func (r RedenEinde) Closes() bool {
	return r == Plaatsing || r == RedenHersteld || r == GeenBenutbareMogelijkheden
}

// ParseRedenEinde matches a workbook value case-insensitively, with white
// space collapsed.
func ParseRedenEinde(v string) (RedenEinde, bool) {
	v = NormalizeSpace(v)
	for _, r := range RedenenEinde() {
		if strings.EqualFold(v, r.String()) {
			return r, true
		}
	}
	return RedenOnbekend, false
}

// NormalizeSpace trims s and collapses inner runs of white space to one
// space.
func NormalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
