package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
	"github.com/poortwachter/poortwachter/internal/workbook"
)

// exampleWorkbooks are the example and its copies written by other
// programs (fixtures/README.md): the same dossiers, so the same documents.
var exampleWorkbooks = []string{
	"voorbeeld.xlsx", "voorbeeld-libreoffice.xlsx", "voorbeeld-openpyxl.xlsx", "voorbeeld-export.xlsx", "voorbeeld-1904.xlsx",
}

// TestDatedDocumentsStand is the property of poortwachter.md "Every document
// stands as of its own date": a document with a row dated T is rendered as
// the dossier stood on T, so batch at a later peildatum writes it under the
// same name with the same bytes. It runs batch on the example and on every
// copy written by another program at two peildatums, and requires of every
// dated document of the first run that the second run wrote it byte for
// byte alike, and that every copy gives the very files the example gives.
func TestDatedDocumentsStand(t *testing.T) {
	p1, p2 := dossier.NewDate(2026, 12, 31), dossier.NewDate(2028, 6, 30)
	example := map[string][]byte{} // file -> bytes, from voorbeeld.xlsx at p1
	for _, name := range exampleWorkbooks {
		t.Run(name, func(t *testing.T) {
			wb, err := workbook.ReadFile(filepath.Join("../../fixtures", name))
			if err != nil {
				t.Fatal(err)
			}
			first, later := t.TempDir(), t.TempDir()
			m1 := runBatch(t, wb, first, p1)
			runBatch(t, wb, later, p2)
			dated := 0
			for _, f := range m1.Bestanden {
				if f.Dossier == "" || f.Document == DocOverzicht {
					continue
				}
				a := readFile(t, first, f.Pad)
				if name == exampleWorkbooks[0] {
					example[f.Pad] = a
				} else if !bytes.Equal(a, example[f.Pad]) {
					t.Errorf("%s differs from what voorbeeld.xlsx gives", f.Pad)
				}
				if f.Concept {
					continue
				}
				dated++
				if b := readFile(t, later, f.Pad); !bytes.Equal(a, b) {
					t.Errorf("%s (dated %s) differs at peildatum %s", f.Pad, f.Datum, p2)
				}
			}
			// 25 rows of the example are plans, bijstellingen,
			// eerstejaarsevaluaties and re-integratieverslagen.
			if dated != 25 {
				t.Errorf("%d dated documents, want the example's 25", dated)
			}
		})
	}
}

func runBatch(t *testing.T, wb *workbook.Result, dir string, p dossier.Date) *Manifest {
	t.Helper()
	sum, err := Run(context.Background(), wb, Options{Dir: dir, Peildatum: p, Version: goldenVersion, Jobs: 2})
	if err != nil || len(sum.Failed) > 0 {
		t.Fatalf("batch at %s: %v %v", p, err, sum.Failed)
	}
	return sum.Manifest
}

func readFile(t *testing.T, dir, pad string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(pad)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDatedDocumentsIgnoreLaterRows adds to each dossier of the example,
// for each of its dated documents (T), rows dated after T: a document of
// every kind, a later bijstelling with an activity of its own, an
// application, the end of the sickness and a new period, and the recovery.
// Rendered at a later peildatum, the document must give the same bytes as
// without those rows.
func TestDatedDocumentsIgnoreLaterRows(t *testing.T) {
	wb, err := workbook.ReadFile("../../fixtures/voorbeeld.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p1, p2 := dossier.NewDate(2026, 12, 31), dossier.NewDate(2029, 1, 1)
	l := document.NewLoader("")
	n := 0
	for _, d := range wb.Dossiers {
		for _, s := range rules.Stukken(d, p1) {
			if s.Concept {
				continue
			}
			n++
			base := document.FileBase(s)
			t.Run(d.Nummer+"/"+base, func(t *testing.T) {
				var want bytes.Buffer
				if err := RenderStuk(context.Background(), &want, d, s, goldenVersion, l); err != nil {
					t.Fatal(err)
				}
				more := withLaterRows(d, s.Document.Datum)
				var got bytes.Buffer
				i := slices.IndexFunc(rules.Stukken(more, p2), func(x rules.Stuk) bool { return document.FileBase(x) == base })
				if i < 0 {
					t.Fatalf("%s is not made at %s once later rows are added", base, p2)
				}
				if err := RenderStuk(context.Background(), &got, more, rules.Stukken(more, p2)[i], goldenVersion, l); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(want.Bytes(), got.Bytes()) {
					t.Errorf("%s changes when rows dated after %s are added", base, s.Document.Datum)
				}
			})
		}
	}
	if n != 25 {
		t.Errorf("%d dated documents, want the example's 25", n)
	}
}

// withLaterRows returns a copy of d with rows dated after t added. A later
// version of the plan is dated after every activity's Start, so it takes
// over no activity that a version dated on or before t planned (the one
// way a later row may change an earlier document: dossier.AsOf).
func withLaterRows(d *dossier.Dossier, t dossier.Date) *dossier.Dossier {
	c := *d
	after := t.AddDays(1)
	c.Documenten = slices.Clone(d.Documenten)
	for _, s := range dossier.Soorten() {
		if s.IsPlanVersion() {
			continue
		}
		c.Documenten = append(c.Documenten, dossier.Document{Soort: s, Datum: after, OpgesteldDoor: "Later",
			Samenvatting: "Later toegevoegd.", VisieWerkgever: "Later", VisieWerknemer: "Later", Plaats: "Documenten!C900"})
	}
	latest := after
	for _, a := range d.Activiteiten {
		if a.Start.After(latest) {
			latest = a.Start
		}
	}
	bijstelling := latest.AddDays(1)
	c.Documenten = append(c.Documenten, dossier.Document{Soort: dossier.BijstellingPlanVanAanpak, Datum: bijstelling,
		OpgesteldDoor: "Later", Plaats: "Documenten!C901"})
	c.Activiteiten = append(slices.Clone(d.Activiteiten), dossier.Activity{Spoor: 2, Activiteit: "Later traject",
		Start: bijstelling.AddDays(3), Status: dossier.Lopend, Plaats: "Activiteiten!C900"})
	c.Sollicitaties = append(slices.Clone(d.Sollicitaties), dossier.Application{Datum: after, Werkgever: "Later B.V.", Plaats: "Sollicitaties!B900"})
	c.Ziekteperiodes = slices.Clone(d.Ziekteperiodes)
	if last := &c.Ziekteperiodes[len(c.Ziekteperiodes)-1]; last.Tot.IsZero() || last.Tot.After(t) {
		last.Tot = t.AddDays(10)
		c.Ziekteperiodes = append(c.Ziekteperiodes, dossier.SicknessPeriod{Van: t.AddDays(20), Plaats: "Ziekteperiodes!B900"})
	}
	if c.DatumHersteld.IsZero() || c.DatumHersteld.After(t) {
		c.DatumHersteld = t.AddDays(400)
		c.Ziekteperiodes[len(c.Ziekteperiodes)-1].Tot = c.DatumHersteld
	}
	return &c
}
