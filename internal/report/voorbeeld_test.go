package report

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// voorbeeldPeildatum is the peildatum of every golden file of the example
// workbook.
var voorbeeldPeildatum = dossier.NewDate(2026, 12, 31)

// checkVoorbeeld checks the bundled example workbook the way the check
// command does: dossiers with input errors are left out.
func checkVoorbeeld(t *testing.T) ([]rules.Result, dossier.Problems) {
	t.Helper()
	return checkVoorbeeldAt(t, voorbeeldPeildatum)
}

// checkVoorbeeldAt is checkVoorbeeld at peildatum p.
func checkVoorbeeldAt(t *testing.T, p dossier.Date) ([]rules.Result, dossier.Problems) {
	t.Helper()
	wb, err := workbook.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var results []rules.Result
	for _, d := range wb.Dossiers {
		if !wb.Problems.HasErrorFor(d.Nummer) {
			results = append(results, rules.Check(d, p))
		}
	}
	return results, wb.Problems
}

func TestVoorbeeldGolden(t *testing.T) {
	results, problems := checkVoorbeeld(t)
	if len(results) == 0 {
		t.Fatal("the example workbook has no dossier to check")
	}
	tests := []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"check/voorbeeld.txt", func(b *bytes.Buffer) error {
			_, err := Text(b, voorbeeldPeildatum, Results(results), problems, TextOptions{})
			return err
		}},
		{"check/voorbeeld-kleur.txt", func(b *bytes.Buffer) error {
			_, err := Text(b, voorbeeldPeildatum, Results(results), problems, TextOptions{Color: true})
			return err
		}},
		{"check/voorbeeld.json", func(b *bytes.Buffer) error {
			_, err := JSON(b, voorbeeldPeildatum, Results(results), problems)
			return err
		}},
		{"check/voorbeeld.xlsx.txt", func(b *bytes.Buffer) error {
			var x bytes.Buffer
			if err := XLSX(&x, voorbeeldPeildatum, results, problems); err != nil {
				return err
			}
			return dumpXLSX(b, x.Bytes())
		}},
		{"agenda/voorbeeld.xlsx.txt", func(b *bytes.Buffer) error {
			var x bytes.Buffer
			if err := AgendaXLSX(&x, voorbeeldAgenda(results)); err != nil {
				return err
			}
			return dumpXLSX(b, x.Bytes())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			goldenFile(t, tt.golden, b.Bytes())
		})
	}
}

// voorbeeldAgenda is the agenda of the example: six weeks from
// voorbeeldPeildatum.
func voorbeeldAgenda(results []rules.Result) Agenda {
	tot := voorbeeldPeildatum.AddDays(42)
	return Agenda{Peildatum: voorbeeldPeildatum, Tot: tot, Weken: 6, Steps: rules.Agenda(results, tot)}
}

// TestXLSXDeterministic: the same check gives the same bytes, so auditors
// can compare workbooks by hash.
func TestXLSXDeterministic(t *testing.T) {
	results, problems := checkVoorbeeld(t)
	var a, b bytes.Buffer
	if err := XLSX(&a, voorbeeldPeildatum, results, problems); err != nil {
		t.Fatal(err)
	}
	if err := XLSX(&b, voorbeeldPeildatum, results, problems); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two runs give different bytes (%d and %d)", a.Len(), b.Len())
	}
	a.Reset()
	b.Reset()
	if err := AgendaXLSX(&a, voorbeeldAgenda(results)); err != nil {
		t.Fatal(err)
	}
	if err := AgendaXLSX(&b, voorbeeldAgenda(results)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two agenda runs give different bytes (%d and %d)", a.Len(), b.Len())
	}
}

// dumpXLSX writes a workbook readably: its properties, then per sheet the
// frozen panes, the auto-filter, the column widths, and every cell with
// its type, raw value, shown value, number format and fill.
func dumpXLSX(w *bytes.Buffer, data []byte) error {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "title: %s\ncreator: %s\ncreated: %s\nmodified: %s\n", props.Title, props.Creator, props.Created, props.Modified)
	names := f.GetDefinedName()
	sort.Slice(names, func(i, j int) bool { return names[i].RefersTo < names[j].RefersTo })
	for _, n := range names {
		fmt.Fprintf(w, "defined name %s (%s): %s\n", n.Name, n.Scope, n.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(w, "\n== %s\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "panes: freeze=%v ysplit=%d topleft=%s\n", panes.Freeze, panes.YSplit, panes.TopLeftCell)
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			return err
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "page: size=%d orientation=%s fit-to-page=%v width=%d height=%d\n",
			deref(layout.Size), deref(layout.Orientation), deref(props.FitToPage), deref(layout.FitToWidth), deref(layout.FitToHeight))
		if hf, err := f.GetHeaderFooter(sheet); err != nil {
			return err
		} else if hf != nil {
			fmt.Fprintf(w, "footer: %s\n", hf.OddFooter)
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		ncols := 0
		for _, r := range rows {
			ncols = max(ncols, len(r))
		}
		var widths []string
		for c := 1; c <= ncols; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			wd, _ := f.GetColWidth(sheet, col)
			widths = append(widths, fmt.Sprintf("%s=%g", col, wd))
		}
		fmt.Fprintf(w, "widths: %s\n", strings.Join(widths, " "))
		for r, row := range rows {
			if h, err := f.GetRowHeight(sheet, r+1); err == nil && h != 15 {
				fmt.Fprintf(w, "row %d: height %g\n", r+1, h)
			}
			for c, raw := range row {
				if raw == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, cell)
				shown, _ := f.GetCellValue(sheet, cell)
				line := fmt.Sprintf("%s %s %q", cell, cellTypeName(typ), raw)
				if shown != raw {
					line += fmt.Sprintf(" shown %q", shown)
				}
				if id, _ := f.GetCellStyle(sheet, cell); id != 0 {
					st, err := f.GetStyle(id)
					if err != nil {
						return err
					}
					if st.CustomNumFmt != nil {
						line += " fmt=" + *st.CustomNumFmt
					}
					if st.Font != nil && st.Font.Bold {
						line += " bold"
					}
					if st.Alignment != nil && st.Alignment.WrapText {
						line += " wrap"
					}
					if st.Font != nil && st.Font.Bold && st.Font.Family != "" {
						line += fmt.Sprintf(" font=%s/%g", st.Font.Family, st.Font.Size)
					}
					if len(st.Fill.Color) > 0 {
						line += " fill=" + strings.Join(st.Fill.Color, ",")
					}
				}
				fmt.Fprintln(w, line)
			}
		}
	}
	return nil
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeBool:
		return "bool"
	case excelize.CellTypeDate:
		return "date"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "number"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "text"
	}
	return fmt.Sprintf("type%d", t)
}

// deref returns what p points to, or the zero value.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
