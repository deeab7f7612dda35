package document

import (
	"fmt"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

// show executes a one-line template with the document functions and prints
// its output, or the error.
func show(text string, data any) {
	tp, err := testLoader(map[string]string{"voorbeeld.md.tmpl": text}).Parse("voorbeeld.md.tmpl")
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := tp.Execute(data, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out)
}

func Example_datum() {
	show(`{{datum .}}`, dossier.NewDate(2026, 3, 3))
	show(`[{{datum .}}]`, dossier.Date{})
	// Output:
	// 3 maart 2026
	// []
}

func Example_datumKort() {
	show(`{{datumKort .}}`, dossier.NewDate(2026, 3, 3))
	// Output:
	// 03-03-2026
}

func Example_bsn() {
	show(`{{bsn .}}`, "123456782")
	show(`{{bsn .}}`, "onbekend")
	// Output:
	// 1234.56.782
	// onbekend
}

func Example_janee() {
	show(`{{janee true}}, {{janee false}}`, nil)
	// Output:
	// ja, nee
}

func Example_ontbreekt() {
	show(`{{ontbreekt "datum probleemanalyse"}}`, nil)
	// Output:
	// [[ontbreekt: datum probleemanalyse]]
}

func Example_vereist() {
	show(`{{.Casemanager | vereist "casemanager"}}`, dossier.Dossier{Casemanager: "P. *Jansen*"})
	show(`{{.Casemanager | vereist "casemanager"}}`, dossier.Dossier{})
	show(`{{.DatumHersteld | vereist "datum hersteld"}}`, dossier.Dossier{})
	// Output:
	// P. \*Jansen\*
	// [[ontbreekt: casemanager]]
	// [[ontbreekt: datum hersteld]]
}

func Example_md() {
	show(`{{.}}`, "Bakkerij *Ster* | filiaal #2")
	show(`{{ontbreekt "x" | md}}`, nil)
	// Output:
	// Bakkerij \*Ster\* \| filiaal \#2
	// [[ontbreekt: x]]
}

func Example_aantal() {
	show(`{{aantal 1 "week" "weken"}}, {{aantal 6 "week" "weken"}}`, nil)
	// Output:
	// 1 week, 6 weken
}

func Example_getal() {
	show(`{{getal 32.0}} en {{getal 22.5}}`, nil)
	// Output:
	// 32 en 22,5
}

func Example_hoofdletter() {
	show(`{{janee false | hoofdletter}}`, nil)
	// Output:
	// Nee
}

func Example_statusTekst() {
	show(`{{statusTekst "te-laat"}}, {{statusTekst "nog-niet-nodig"}}, {{statusTekst "ontbreekt"}}`, nil)
	// Output:
	// te laat, nog niet nodig, ontbreekt
}

func Example_oordeelTekst() {
	show(`{{oordeelTekst "aandacht"}}`, nil)
	// Output:
	// aandacht nodig: onderdelen zijn te laat of ontbreken
}

func Example_dagenTussen() {
	show(`{{dagenTussen .A .B}}`, map[string]dossier.Date{"A": dossier.NewDate(2026, 1, 5), "B": dossier.NewDate(2026, 2, 16)})
	// Output:
	// 42
}

func Example_heeftDatum() {
	show(`{{if heeftDatum .}}wel{{else}}geen{{end}} datum`, dossier.Date{})
	// Output:
	// geen datum
}

func Example_periode() {
	d := map[string]dossier.Date{"Van": dossier.NewDate(2026, 3, 3), "Tot": dossier.NewDate(2026, 4, 14), "Leeg": {}}
	show(`{{periode .Van .Tot}}; {{periode .Van .Leeg}}; {{periode .Leeg .Tot}}`, d)
	// Output:
	// 3 maart 2026 t/m 14 april 2026; vanaf 3 maart 2026; tot en met 14 april 2026
}
