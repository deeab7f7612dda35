package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeOpens opens the auditor's workbook (also split over
// several sheets) and the agenda workbook of the example in LibreOffice
// (soffice, headless) and saves them again as xlsx. LibreOffice converts
// even a workbook it cannot read without a word, into an empty one, so the
// test compares what came back with what was written: every sheet, every
// cell, the header row repeated on printed pages, landscape pages one page
// wide. Anything LibreOffice had to drop or repair shows up as a
// difference.
//
// Without soffice the test is skipped, except in CI (CI=true, set by
// .ci/run, which installs Debian's libreoffice-calc-nogui), where it
// fails.
func TestLibreOfficeOpens(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not found; CI must install it (.ci/run: libreoffice-calc-nogui)")
		}
		t.Skip("soffice not found (Debian: apt-get install libreoffice-calc-nogui)")
	}
	results, problems := checkVoorbeeld(t)
	dir := t.TempDir()
	written := map[string][]byte{}
	var b bytes.Buffer
	if err := XLSX(&b, voorbeeldPeildatum, results, problems); err != nil {
		t.Fatal(err)
	}
	written["overzicht.xlsx"] = append([]byte(nil), b.Bytes()...)
	b.Reset()
	if err := AgendaXLSX(&b, voorbeeldAgenda(results)); err != nil {
		t.Fatal(err)
	}
	written["agenda.xlsx"] = append([]byte(nil), b.Bytes()...)
	// A workbook with more findings than a sheet holds (see
	// TestXLSXSplitsSheets), here from 40 rows on.
	b.Reset()
	withMaxSheetRows(t, 40)
	if err := XLSX(&b, voorbeeldPeildatum, results, problems); err != nil {
		t.Fatal(err)
	}
	written["overzicht-gesplitst.xlsx"] = append([]byte(nil), b.Bytes()...)
	var args []string
	for name, data := range written {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}

	// A profile of its own, so the test neither disturbs nor waits for a
	// LibreOffice the user has open. The deadline only stops a hung
	// soffice; it asserts nothing about speed.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "libreoffice")
	cmd := exec.CommandContext(ctx, soffice, append([]string{"--headless", "--norestore",
		"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out}, args...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for name, data := range written {
		t.Run(name, func(t *testing.T) {
			saved, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatalf("LibreOffice wrote nothing: %v", err)
			}
			compareWorkbooks(t, data, saved)
		})
	}
}

// compareWorkbooks checks that LibreOffice's copy saved holds what ours
// holds: the same sheets, cell values and print set-up.
func compareWorkbooks(t *testing.T, ours, saved []byte) {
	t.Helper()
	a, err := excelize.OpenReader(bytes.NewReader(ours))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := excelize.OpenReader(bytes.NewReader(saved))
	if err != nil {
		t.Fatalf("LibreOffice's copy does not open: %v", err)
	}
	defer b.Close()
	if got, want := b.GetSheetList(), a.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %v after LibreOffice, want %v", got, want)
	}
	titles := map[string]string{}
	for _, n := range b.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			titles[n.Scope] = n.RefersTo
		}
	}
	for _, sheet := range a.GetSheetList() {
		want, err := a.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := b.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d rows after LibreOffice, want %d", sheet, len(got), len(want))
		}
		for r := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[r], want[r]) {
				t.Errorf("%s row %d after LibreOffice:\n%q\nwant\n%q", sheet, r+1, got[r], want[r])
			}
		}
		if got := titles[sheet]; got != "'"+sheet+"'!$1:$1" && got != sheet+"!$1:$1" {
			t.Errorf("%s: print titles %q after LibreOffice, want the first row", sheet, got)
		}
		layout, err := b.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := b.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if deref(layout.Orientation) != "landscape" || deref(layout.FitToWidth) != 1 || deref(layout.FitToHeight) != 0 || !deref(props.FitToPage) {
			t.Errorf("%s: after LibreOffice orientation %q, fit to page %v, %d wide, %d high; want landscape, one page wide",
				sheet, deref(layout.Orientation), deref(props.FitToPage), deref(layout.FitToWidth), deref(layout.FitToHeight))
		}
	}
}
