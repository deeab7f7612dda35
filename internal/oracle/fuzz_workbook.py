#!/usr/bin/env python3
"""Write a random workbook full of boundary cases, for the differential test.

Usage: fuzz_workbook.py [-n 400] [--seed 1] [--errors] OUT.xlsx

Dates are placed around the deadlines (deadline -2 .. +2 days and wider), with all newer
columns present, dates written as date cells, serial numbers and text in the allowed
formats. With --errors some rows carry input errors (the dossier must be left out).
"""

import argparse
import datetime
import random

import openpyxl

D0 = datetime.date(2023, 1, 2)


def d(x):
    return datetime.timedelta(days=x)


def write_date(rng, x):
    """A date in one of the forms the contract allows."""
    if x is None:
        return None
    r = rng.random()
    if r < 0.6:
        return x
    if r < 0.7:
        return (x - datetime.date(1899, 12, 30)).days  # serial, 1900 system
    if r < 0.8:
        return x.strftime("%d-%m-%Y")
    if r < 0.85:
        return "%d-%d-%d" % (x.day, x.month, x.year)
    if r < 0.9:
        return x.strftime("%d/%m/%Y")
    return " " + x.isoformat() + " "


def around(rng, base, spread=3):
    if rng.random() < 0.7:
        return base + d(rng.randint(-spread, spread))
    return base + d(rng.randint(-60, 60))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-zoekprofiel", action="store_true",
                    help="leave out Zoekprofiel documents (for readers that predate them)")
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    wb = openpyxl.Workbook()
    wsd = wb.active
    wsd.title = "Dossiers"
    dcols = ["Dossiernummer", "Naam werknemer", "BSN", "Werkgever", "Casemanager",
             "Eerste ziektedag", "Datum hersteld", "Motivering geen spoor 2",
             "Herbeoordeling geen spoor 2", "Visie werknemer", "Einde wachttijd verlengd tot"]
    wsd.append(dcols)
    wsp = wb.create_sheet("Ziekteperiodes")
    wsp.append(["Dossiernummer", "Van", "Tot"])
    wsdoc = wb.create_sheet("Documenten")
    wsdoc.append(["Dossiernummer", "Soort", "Datum", "Getekend werkgever", "Getekend werknemer",
                  "Visie werkgever", "Visie werknemer"])
    wsa = wb.create_sheet("Activiteiten")
    wsa.append(["Dossiernummer", "Spoor", "Activiteit", "Doel", "Start", "Eind", "Status",
                "Reden einde"])

    janee = ["Ja", "Nee", "j", "N", "yes", "NO", True, False, 1, 0, "X", None]
    for i in range(a.n):
        did = "F-%04d" % (i + 1)
        D = D0 + d(rng.randint(0, 1300))
        # sickness periods
        periods = []
        if rng.random() < 0.3:
            van = D
            for _ in range(rng.randint(2, 3)):
                tot = van + d(rng.randint(5, 300))
                periods.append((van, tot))
                van = tot + d(rng.choice([1, 2, 10, 27, 28, rng.randint(1, 27)]))
            if rng.random() < 0.6:
                periods[-1] = (periods[-1][0], None)
        H = None
        if rng.random() < 0.25:
            H = D + d(rng.choice([rng.randint(0, 800), 363, 364, 365, 405, 406]))
        ext = None
        if rng.random() < 0.15:
            ext = D + d(rng.choice([727, 728, 760, 900]))
        motiv = rng.random() < 0.2
        herb = D + d(rng.randint(300, 600)) if motiv and rng.random() < 0.5 else None
        wsd.append([did, "Naam %d" % i, None, "Werkgever", rng.choice(["CM", "", None, "CM"]),
                    write_date(rng, D), write_date(rng, H),
                    "Terugkeer binnen drie maanden" if motiv else rng.choice([None, "  "]),
                    write_date(rng, herb), rng.choice(["Ik wil werken", None, "", "Ja"]),
                    write_date(rng, ext)])
        for van, tot in periods:
            wsp.append([did, write_date(rng, van), write_date(rng, tot)])

        def doc(soort, base, p=0.8, spread=3, many=1):
            for _ in range(many):
                if rng.random() < p:
                    wsdoc.append([did, rng.choice([soort, soort.upper(), soort.lower()]),
                                  write_date(rng, around(rng, base, spread)),
                                  rng.choice(janee), rng.choice(janee),
                                  rng.choice(["Visie wg", None, " "]),
                                  rng.choice(["Visie wn", None, ""])])

        doc("Ziekmelding", D + d(6), many=2)
        doc("Probleemanalyse", D + d(41))
        doc("Plan van aanpak", D + d(55), many=2)
        doc("Bijstelling plan van aanpak", D + d(rng.randint(60, 600)), p=0.5, many=3)
        doc("Bijgestelde probleemanalyse", D + d(rng.randint(60, 600)), p=0.4, many=2)
        for k in range(1, 18):
            doc("Evaluatie", D + d(55 + 42 * k), p=0.75, spread=5)
        doc("42e-weekmelding", D + d(294))
        doc("Eerstejaarsevaluatie", D + d(363), many=2)
        doc("Arbeidsdeskundig rapport", D + d(363), p=0.6)
        if not a.no_zoekprofiel:
            doc("Zoekprofiel", D + d(420), p=0.5)
        doc("Actueel oordeel", D + d(rng.choice([545, 546, 560, 600, 636, 637])), many=2,
            spread=4)
        doc("Eindevaluatie", D + d(rng.choice([590, 600, 636])), spread=4)
        doc("Re-integratieverslag", D + d(636))
        doc("WIA-aanvraag", D + d(650))
        doc("Deskundigenoordeel", D + d(400), p=0.1)
        # activities
        for sp in (1, 2):
            t = D + d(rng.randint(40, 80) if sp == 1 else rng.randint(330, 420))
            for _ in range(rng.randint(0, 5)):
                start = t + d(rng.choice([0, 1, 40, 41, 42, 43, 44, rng.randint(0, 90)]))
                end = start + d(rng.randint(0, 200)) if rng.random() < 0.8 else None
                reden = rng.choice([None] * 6 + ["Plaatsing", "Hersteld", "Overbelasting",
                                                 "overbelasting", "Anders",
                                                 "Geen benutbare mogelijkheden"])
                if end is None and reden is not None:
                    reden = None
                startv = write_date(rng, start) if rng.random() < 0.95 else None
                wsa.append([did, rng.choice([sp, str(sp)]), "Activiteit",
                            rng.choice(["Doel", None, ""]), startv, write_date(rng, end),
                            rng.choice(["Afgerond", "lopend", None]), reden])
                t = end if end is not None else start
        if a.errors and rng.random() < 0.05:
            kind = rng.randint(0, 3)
            if kind == 0:
                wsdoc.append([did, "Ziekmelding", "31-02-2025", None, None, None, None])
            elif kind == 1:
                wsdoc.append([did, "Onbekend", D, None, None, None, None])
            elif kind == 2:
                wsa.append([did, 3, "x", None, D, None, None, None])
            else:
                wsa.append([did, 1, "x", None, D + d(5), D, None, None])
    wb.save(a.out)


if __name__ == "__main__":
    main()
