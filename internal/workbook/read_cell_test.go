package workbook

import (
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

func TestParseDateCell(t *testing.T) {
	d := dossier.NewDate
	tests := []struct {
		raw      string
		date1904 bool
		want     dossier.Date
		wantErr  string // fragment of the message; "" when valid
	}{
		// 1900 date system, around Excel's phantom 29-02-1900.
		{"1", false, d(1900, time.January, 1), ""},
		{"59", false, d(1900, time.February, 28), ""},
		{"60", false, dossier.Date{}, "29-02-1900"},
		{"61", false, d(1900, time.March, 1), ""},
		{"0", false, dossier.Date{}, "geen geldig datumserienummer"},
		{"-1", false, dossier.Date{}, "geen geldig datumserienummer"},
		{"46027", false, d(2026, time.January, 5), ""},
		{"46027.75", false, d(2026, time.January, 5), ""}, // a time of day is dropped
		{"46027.99999999", false, d(2026, time.January, 5), ""},
		{"4.6027E4", false, d(2026, time.January, 5), ""},
		{"47177", false, d(2029, time.February, 28), ""},
		{"47178", false, d(2029, time.March, 1), ""},
		{"46812", false, d(2028, time.February, 29), ""}, // leap year
		{"2958465", false, d(9999, time.December, 31), ""},
		{"2958466", false, dossier.Date{}, "geen geldig datumserienummer"},
		// 1904 date system: serial 0 is 01-01-1904, 1462 days after 1900's.
		{"0", true, d(1904, time.January, 1), ""},
		{"59", true, d(1904, time.February, 29), ""},
		{"60", true, d(1904, time.March, 1), ""},
		{"44565", true, d(2026, time.January, 5), ""},
		// Cells of type d, as some libraries write dates.
		{"2026-01-05T00:00:00Z", false, d(2026, time.January, 5), ""},
		{"2026-01-05T00:00:00", false, d(2026, time.January, 5), ""},
		{"2026-02-30T00:00:00Z", false, dossier.Date{}, "geen bestaande datum"},
		// Text.
		{"05-01-2026", false, d(2026, time.January, 5), ""},
		{"5-1-2026", false, d(2026, time.January, 5), ""},
		{"05/01/2026", false, d(2026, time.January, 5), ""},
		{"2026-01-05", true, d(2026, time.January, 5), ""},
		{"29-02-2028", false, d(2028, time.February, 29), ""},
		{"29-02-2027", false, dossier.Date{}, "geen bestaande datum"},
		{"31-02-2026", false, dossier.Date{}, "geen bestaande datum"},
		{"2026/13/01", false, dossier.Date{}, "verwacht een datum"},
		{"1-1-26", false, dossier.Date{}, "verwacht een datum"},
		{"morgen", false, dossier.Date{}, "verwacht een datum"},
		{"46027,5", false, dossier.Date{}, "verwacht een datum"},
	}
	for _, tt := range tests {
		got, err := parseDateCell(tt.raw, tt.date1904)
		if tt.wantErr == "" {
			if err != nil || got != tt.want {
				t.Errorf("parseDateCell(%q, 1904=%v) = %v, %v; want %v", tt.raw, tt.date1904, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("parseDateCell(%q, 1904=%v) = %v, %v; want error containing %q", tt.raw, tt.date1904, got, err, tt.wantErr)
		}
	}
}

func TestParseCells(t *testing.T) {
	type result struct {
		v   any
		err bool
	}
	wrap := func(v any, err error) result { return result{v, err != nil} }
	tests := []struct {
		name string
		got  result
		want result
	}{
		{"uren numeric", wrap(parseUren("32.5")), result{32.5, false}},
		{"uren decimal comma", wrap(parseUren("32,5")), result{32.5, false}},
		{"uren integer", wrap(parseUren(" 24 ")), result{24.0, false}},
		{"uren too many", wrap(parseUren("200")), result{0.0, true}},
		{"uren negative", wrap(parseUren("-1")), result{0.0, true}},
		{"uren thousands", wrap(parseUren("1.000,5")), result{0.0, true}},
		{"uren text", wrap(parseUren("veel")), result{0.0, true}},
		{"spoor 1", wrap(parseSpoor("1")), result{1, false}},
		{"spoor 2.0", wrap(parseSpoor("2.0")), result{2, false}},
		{"spoor 3", wrap(parseSpoor("3")), result{0, true}},
		{"spoor 1.5", wrap(parseSpoor("1.5")), result{0, true}},
		{"spoor text", wrap(parseSpoor("een")), result{0, true}},
		{"bsn number", wrap(parseBSN("123456782")), result{"123456782", false}},
		{"bsn E notation", wrap(parseBSN("1.23456782E8")), result{"123456782", false}},
		{"bsn lost zero", wrap(parseBSN("12345672")), result{"012345672", false}},
		{"bsn lost zero E", wrap(parseBSN("1.2345672E7")), result{"012345672", false}},
		{"bsn 11-proef", wrap(parseBSN("123456789")), result{"", true}},
		{"soort any case", wrap(parseSoortCell("  plan VAN  aanpak ")), result{dossier.PlanVanAanpak, false}},
		{"soort unknown", wrap(parseSoortCell("Plan")), result{dossier.Soort(0), true}},
		{"status", wrap(parseStatusCell("lopend")), result{dossier.Lopend, false}},
		{"status empty", wrap(parseStatusCell("")), result{dossier.StatusOnbekend, false}},
		{"status unknown", wrap(parseStatusCell("klaar")), result{dossier.ActivityStatus(0), true}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if got := parseText(" 1.001E3 "); got != "1001" {
		t.Errorf("parseText(1.001E3) = %q, want 1001", got)
	}
	if got := parseText("Ernst & Young"); got != "Ernst & Young" {
		t.Errorf("parseText kept %q", got)
	}
}

func TestNearestHeader(t *testing.T) {
	spec := SheetByName(SheetDossiers)
	for in, want := range map[string]string{
		"naam werkneemer":   "Naam werknemer",
		"eerste ziekte dag": "Eerste ziektedag",
		"bsn nummer":        "",
		"Postcode":          "",
	} {
		if got := nearestHeader(in, spec); got != want {
			t.Errorf("nearestHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSerialDateAgreesWithExcelize cross-checks serialDate against
// excelize's own conversion for whole serials in both date systems (from
// 01-03-1900 on, where excelize and Excel agree).
func TestSerialDateAgreesWithExcelize(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		for n := 61; n <= maxSerial-1462; n += 7 {
			got, err := serialDate(float64(n)+0.5, date1904)
			want, werr := excelize.ExcelDateToTime(float64(n), date1904)
			if err != nil || werr != nil || got != dossier.DateOf(want) {
				t.Fatalf("serial %d (1904=%v): got %v, %v; excelize says %v, %v", n, date1904, got, err, want, werr)
			}
		}
	}
}
