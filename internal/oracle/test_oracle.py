#!/usr/bin/env python3
"""Self-test of oracle.py: hand-built workbooks at the boundaries of the rules.

Run: cd internal/oracle && /usr/bin/python3 -m unittest test_oracle -v
"""

import datetime
import os
import sys
import tempfile
import unittest

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

date = datetime.date
D = date(2024, 1, 1)  # eerste ziektedag of the default dossier


def dd(n):
    return datetime.timedelta(days=n)


DOSSIER_COLS = ["Dossiernummer", "Naam werknemer", "Werkgever", "Casemanager",
                "Eerste ziektedag", "Datum hersteld", "Motivering geen spoor 2",
                "Herbeoordeling geen spoor 2", "Visie werknemer",
                "Einde wachttijd verlengd tot"]
DOC_COLS = ["Dossiernummer", "Soort", "Datum", "Getekend werkgever", "Getekend werknemer",
            "Visie werkgever", "Visie werknemer"]
ACT_COLS = ["Dossiernummer", "Spoor", "Activiteit", "Doel", "Start", "Eind", "Reden einde"]


def dossier(did="T-1", **kw):
    row = {"Dossiernummer": did, "Naam werknemer": "N", "Werkgever": "W",
           "Casemanager": "CM", "Eerste ziektedag": D}
    row.update(kw)
    return row


def write(path, dossiers, docs=(), acts=(), periods=(), title_rows=0):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dossiers"
    for _ in range(title_rows):
        ws.append(["Verzuimexport"])
    ws.append(DOSSIER_COLS)
    for d in dossiers:
        ws.append([d.get(c) for c in DOSSIER_COLS])
    ws = wb.create_sheet("Documenten")
    ws.append(DOC_COLS)
    for x in docs:
        x = dict(x)
        x.setdefault("Dossiernummer", "T-1")
        ws.append([x.get(c) for c in DOC_COLS])
    ws = wb.create_sheet("Activiteiten")
    ws.append(ACT_COLS)
    for a in acts:
        a = dict(a)
        a.setdefault("Dossiernummer", "T-1")
        a.setdefault("Activiteit", "A")
        ws.append([a.get(c) for c in ACT_COLS])
    if periods:
        ws = wb.create_sheet("Ziekteperiodes")
        ws.append(["Dossiernummer", "Van", "Tot"])
        for p in periods:
            ws.append(list(p))
    wb.save(path)


def doc(soort, datum, **kw):
    x = {"Soort": soort, "Datum": datum}
    x.update(kw)
    return x


def act(spoor, start, eind=None, **kw):
    x = {"Spoor": spoor, "Start": start, "Eind": eind}
    x.update(kw)
    return x


class Base(unittest.TestCase):
    def run_check(self, P, dossiers=None, docs=(), acts=(), periods=(), title_rows=0):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.xlsx")
            write(path, dossiers or [dossier()], docs, acts, periods, title_rows)
            result, skipped = oracle.check_workbook(path, P)
        self.skipped = [s[0] for s in skipped]
        return result

    def finding(self, P, rule, **kw):
        res = self.run_check(P, **kw)
        self.assertEqual(len(res["dossiers"]), 1, self.skipped)
        f = {x["regel"]: x for x in res["dossiers"][0]["bevindingen"]}[rule]
        return f["status"], f["uiterste_datum"], f["datum"]

    def assertFinding(self, got, status, uiterste=None, datum=None):
        iso = lambda x: x.isoformat() if x else None  # noqa: E731
        self.assertEqual(got, (status, iso(uiterste), iso(datum)))


class TestCounting(Base):
    def test_S_without_gaps(self):
        d = oracle.Dossier(dossier())
        d.periods = [(D, None)]
        self.assertEqual(oracle.S(d, 1), D)
        self.assertEqual(oracle.S(d, 42), D + dd(41))

    def test_S_with_gap_and_after_closed_last_period(self):
        d = oracle.Dossier(dossier())
        # days 1..10, gap of 5 days, days 11..20, then S runs on after the closed period
        d.periods = [(D, D + dd(9)), (D + dd(15), D + dd(24))]
        self.assertEqual(oracle.S(d, 10), D + dd(9))
        self.assertEqual(oracle.S(d, 11), D + dd(15))
        self.assertEqual(oracle.S(d, 20), D + dd(24))
        self.assertEqual(oracle.S(d, 21), D + dd(25))

    def test_gap_27_ok_28_error(self):
        for gap, ok in ((27, True), (28, False)):
            periods = [("T-1", D, D + dd(9)), ("T-1", D + dd(10 + gap), None)]
            res = self.run_check(date(2024, 6, 1), periods=periods)
            self.assertEqual(len(res["dossiers"]) == 1, ok, gap)

    def test_first_period_not_on_D(self):
        res = self.run_check(date(2024, 6, 1), periods=[("T-1", D + dd(1), None)])
        self.assertEqual(res["dossiers"], [])

    def test_extension_only_when_later(self):
        P = date(2024, 6, 1)
        s728 = D + dd(727)
        for ext, end, riv in ((s728 - dd(1), s728, D + dd(636)),
                              (s728 + dd(30), s728 + dd(30), s728 + dd(30) - dd(91))):
            res = self.run_check(P, dossiers=[dossier(**{"Einde wachttijd verlengd tot": ext})])
            dos = res["dossiers"][0]
            self.assertEqual(dos["einde_wachttijd"], end.isoformat())
            f = {x["regel"]: x for x in dos["bevindingen"]}
            self.assertEqual(f["re-integratieverslag"]["uiterste_datum"], riv.isoformat())


class TestReading(Base):
    def test_title_rows_and_header_spelling(self):
        res = self.run_check(date(2024, 6, 1), title_rows=3)
        self.assertEqual(len(res["dossiers"]), 1)

    def test_text_dates(self):
        for s, ok in (("01-01-2024", True), ("1-1-2024", True), ("01/01/2024", True),
                      ("2024-01-01", True), ("1/1/2024", True), ("1/1-2024", False), ("2024-1-1", False),
                      ("31-02-2024", False), ("jan 2024", False)):
            res = self.run_check(date(2024, 6, 1),
                                 dossiers=[dossier(**{"Eerste ziektedag": s})])
            self.assertEqual(len(res["dossiers"]) == 1, ok, s)

    def test_serials(self):
        self.assertEqual(oracle.parse_date(45292, False), date(2024, 1, 1))
        self.assertEqual(oracle.parse_date(61, False), date(1900, 3, 1))
        self.assertEqual(oracle.parse_date(59, False), date(1900, 2, 28))
        self.assertEqual(oracle.parse_date(45292 - 1462, True), date(2024, 1, 1))
        with self.assertRaises(oracle.InputError):
            oracle.parse_date(60, False)

    def test_duplicate_dossier_both_left_out(self):
        res = self.run_check(date(2024, 6, 1), dossiers=[dossier(), dossier(), dossier("T-2")])
        self.assertEqual([d["dossiernummer"] for d in res["dossiers"]], ["T-2"])

    def test_bad_row_leaves_dossier_out(self):
        res = self.run_check(date(2024, 6, 1), dossiers=[dossier(), dossier("T-2")],
                             docs=[doc("Ziekmelding", "32-01-2024")],
                             acts=[act(1, D + dd(10), D + dd(5), Dossiernummer="T-2")])
        self.assertEqual(res["dossiers"], [])

    def test_hersteld_before_D(self):
        res = self.run_check(date(2024, 6, 1),
                             dossiers=[dossier(**{"Datum hersteld": D - dd(1)})])
        self.assertEqual(res["dossiers"], [])


class TestDocuments(Base):
    def test_deadline_boundaries(self):
        P = date(2024, 12, 31)
        self.assertFinding(self.finding(P, "probleemanalyse",
                                        docs=[doc("Probleemanalyse", D + dd(41))]),
                           "tijdig", D + dd(41), D + dd(41))
        self.assertFinding(self.finding(P, "probleemanalyse",
                                        docs=[doc("Probleemanalyse", D + dd(42))]),
                           "te-laat", D + dd(41), D + dd(42))
        # absent: deadline on P is nog-niet-nodig, before P ontbreekt
        self.assertFinding(self.finding(D + dd(41), "probleemanalyse"),
                           "nog-niet-nodig", D + dd(41))
        self.assertFinding(self.finding(D + dd(42), "probleemanalyse"),
                           "ontbreekt", D + dd(41))
        # recovered before the deadline
        self.assertFinding(self.finding(P, "probleemanalyse",
                                        dossiers=[dossier(**{"Datum hersteld": D + dd(40)})]),
                           "niet-van-toepassing", D + dd(41))

    def test_documents_after_P_ignored(self):
        P = D + dd(50)
        self.assertFinding(self.finding(P, "probleemanalyse",
                                        docs=[doc("Probleemanalyse", P + dd(1))]),
                           "ontbreekt", D + dd(41))

    def test_plan_inhoud(self):
        P = date(2024, 12, 31)
        plan = doc("Plan van aanpak", D + dd(50), **{"Getekend werkgever": "Ja",
                                                     "Getekend werknemer": "x"})
        goal = act(1, D + dd(50), Doel="doel")
        self.assertFinding(self.finding(P, "plan-van-aanpak-inhoud", docs=[plan], acts=[goal]),
                           "tijdig", D + dd(55), D + dd(50))
        self.assertFinding(self.finding(P, "plan-van-aanpak-inhoud", docs=[plan],
                                        acts=[act(1, D + dd(50))]),
                           "gebrekkig", D + dd(55), D + dd(50))
        self.assertFinding(self.finding(P, "plan-van-aanpak-inhoud", docs=[plan], acts=[goal],
                                        dossiers=[dossier(Casemanager=" ")]),
                           "gebrekkig", D + dd(55), D + dd(50))

    def test_actueel_oordeel(self):
        P = date(2026, 12, 31)
        R = D + dd(636)
        for t, status in ((R - dd(92), "verouderd"), (R - dd(91), "tijdig"), (R, "tijdig"),
                          (R + dd(1), "te-laat")):
            self.assertFinding(self.finding(P, "actueel-oordeel",
                                            docs=[doc("Actueel oordeel", t)]), status, R, t)
        # after the eindevaluatie: gebrekkig, also when late
        for t in (R - dd(10), R + dd(3)):
            got = self.finding(P, "actueel-oordeel",
                               docs=[doc("Actueel oordeel", t),
                                     doc("Eindevaluatie", R - dd(20))])
            self.assertFinding(got, "gebrekkig", R, t)

    def test_evaluatie_frequentie(self):
        plan = doc("Plan van aanpak", D + dd(50))
        P = D + dd(92)
        self.assertFinding(self.finding(P, "evaluatie-frequentie", docs=[plan]),
                           "tijdig", D + dd(92), D + dd(50))
        self.assertFinding(self.finding(P + dd(1), "evaluatie-frequentie", docs=[plan]),
                           "te-laat", D + dd(92), D + dd(50))
        self.assertFinding(self.finding(P, "evaluatie-frequentie"),
                           "niet-van-toepassing")


class TestSpoor2(Base):
    EJE = D + dd(360)  # B

    def test_deadline_min_B42_S406(self):
        P = date(2026, 1, 1)
        self.assertFinding(self.finding(P, "spoor-2", docs=[doc("Eerstejaarsevaluatie",
                                                                 self.EJE)]),
                           "ontbreekt", min(self.EJE + dd(42), D + dd(405)))
        late_eje = D + dd(370)
        self.assertFinding(self.finding(P, "spoor-2", docs=[doc("Eerstejaarsevaluatie",
                                                                 late_eje)]),
                           "ontbreekt", D + dd(405))
        self.assertFinding(self.finding(P, "spoor-2"), "ontbreekt", D + dd(405))

    def test_recovered_on_B(self):
        got = self.finding(date(2026, 1, 1), "spoor-2",
                           dossiers=[dossier(**{"Datum hersteld": self.EJE})],
                           docs=[doc("Eerstejaarsevaluatie", self.EJE)])
        self.assertEqual(got[0], "niet-van-toepassing")

    def test_exemption_X_and_X_plus_1(self):
        X = D + dd(450)
        ds = [dossier(**{"Motivering geen spoor 2": "terugkeer binnen drie maanden",
                         "Herbeoordeling geen spoor 2": X})]
        docs = [doc("Eerstejaarsevaluatie", self.EJE)]
        self.assertFinding(self.finding(X, "spoor-2", dossiers=ds, docs=docs),
                           "niet-van-toepassing", X + dd(42))
        self.assertFinding(self.finding(X, "arbeidsdeskundig-onderzoek", dossiers=ds,
                                        docs=docs),
                           "niet-van-toepassing", X)
        self.assertFinding(self.finding(X + dd(1), "spoor-2", dossiers=ds, docs=docs),
                           "nog-niet-nodig", X + dd(42))
        self.assertFinding(self.finding(X + dd(43), "spoor-2", dossiers=ds, docs=docs),
                           "ontbreekt", X + dd(42))
        self.assertFinding(self.finding(X + dd(1), "arbeidsdeskundig-onderzoek", dossiers=ds,
                                        docs=docs),
                           "ontbreekt", X)
        got = self.finding(X + dd(60), "spoor-2", dossiers=ds, docs=docs,
                           acts=[act(2, X + dd(42))])
        self.assertFinding(got, "tijdig", X + dd(42), X + dd(42))

    def test_exemption_default_X_is_B_plus_91(self):
        ds = [dossier(**{"Motivering geen spoor 2": "AOW binnen een jaar"})]
        docs = [doc("Eerstejaarsevaluatie", self.EJE)]
        X = self.EJE + dd(91)
        self.assertFinding(self.finding(X, "spoor-2", dossiers=ds, docs=docs),
                           "niet-van-toepassing", X + dd(42))


class TestStretch(Base):
    W0 = D + dd(400)

    def test_restart_after_42_and_43(self):
        c = self.W0 + dd(10)  # last day covered by the first activity
        for gap, status in ((42, "tijdig"), (43, "gebrekkig")):
            acts = [act(2, self.W0, c), act(2, c + dd(gap))]
            P = c + dd(200)
            got = self.finding(P, "spoor-2-doorlopend", acts=acts)
            if status == "tijdig":
                self.assertFinding(got, "tijdig")
            else:
                self.assertFinding(got, "gebrekkig", c + dd(42), c)

    def test_trailing_stretch_before_P(self):
        c = self.W0 + dd(10)
        acts = [act(2, self.W0, c)]
        self.assertFinding(self.finding(c + dd(42), "spoor-2-doorlopend", acts=acts),
                           "nog-niet-nodig", c + dd(42), c)
        self.assertFinding(self.finding(c + dd(43), "spoor-2-doorlopend", acts=acts),
                           "gebrekkig", c + dd(42), c)
        # running on P (open Eind): tijdig
        self.assertFinding(self.finding(c + dd(43), "spoor-2-doorlopend",
                                        acts=[act(2, self.W0)]), "tijdig")

    def test_trailing_stretch_before_closing_reason(self):
        c = self.W0 + dd(10)
        for gap, status in ((42, "tijdig"), (43, "gebrekkig")):
            C = c + dd(gap)
            acts = [act(2, self.W0, c), act(1, D + dd(50), C, **{"Reden einde": "Plaatsing"})]
            got = self.finding(C + dd(100), "spoor-2-doorlopend", acts=acts)
            self.assertEqual(got[0], status)

    def test_closing_reason_after_P_does_not_close(self):
        c = self.W0 + dd(10)
        P = c + dd(43)
        acts = [act(2, self.W0, c), act(1, D + dd(50), P + dd(1), **{"Reden einde": "Hersteld"})]
        self.assertEqual(self.finding(P, "spoor-2-doorlopend", acts=acts)[0], "gebrekkig")

    def test_closing_on_P_is_tijdig(self):
        c = self.W0 + dd(10)
        P = c + dd(20)
        acts = [act(2, self.W0, c),
                act(1, D + dd(50), P, **{"Reden einde": "Geen benutbare mogelijkheden"})]
        self.assertEqual(self.finding(P, "spoor-2-doorlopend", acts=acts)[0], "tijdig")

    def test_overbelasting_does_not_close(self):
        c = self.W0 + dd(10)
        acts = [act(2, self.W0, c, **{"Reden einde": "Overbelasting"})]
        self.assertEqual(self.finding(c + dd(43), "spoor-2-doorlopend", acts=acts)[0],
                         "gebrekkig")

    def test_end_of_wachttijd_closes_window(self):
        ew = D + dd(727)
        c = ew - dd(42)
        acts = [act(2, self.W0, c)]
        self.assertFinding(self.finding(ew + dd(100), "spoor-2-doorlopend", acts=acts),
                           "tijdig")
        acts = [act(2, self.W0, c - dd(1))]
        self.assertFinding(self.finding(ew + dd(100), "spoor-2-doorlopend", acts=acts),
                           "gebrekkig", c - dd(1) + dd(42), c - dd(1))

    def test_not_applicable(self):
        self.assertFinding(self.finding(self.W0, "spoor-2-doorlopend"), "niet-van-toepassing")
        # E' before W0: recovered before spoor 2 started
        got = self.finding(self.W0 + dd(10), "spoor-2-doorlopend",
                           dossiers=[dossier(**{"Datum hersteld": self.W0 - dd(1)})],
                           acts=[act(2, self.W0)])
        self.assertFinding(got, "niet-van-toepassing")

    def test_spoor1_covering_W0(self):
        P = self.W0 + dd(100)
        acts = [act(2, self.W0), act(1, D + dd(50), self.W0 + dd(60)), act(1, self.W0 + dd(102))]
        self.assertFinding(self.finding(P, "spoor-1-tijdens-spoor-2", acts=acts),
                           "nog-niet-nodig", self.W0 + dd(102), self.W0 + dd(60))
        # no spoor 1 at all: the cursor stays on W0
        self.assertFinding(self.finding(P, "spoor-1-tijdens-spoor-2", acts=[act(2, self.W0)]),
                           "gebrekkig", self.W0 + dd(42), self.W0)

    def test_zoekprofiel(self):
        acts = [act(2, self.W0)]
        P = self.W0 + dd(100)
        self.assertFinding(self.finding(P, "zoekprofiel", acts=acts,
                                        docs=[doc("Zoekprofiel", self.W0 + dd(42))]),
                           "tijdig", self.W0 + dd(42), self.W0 + dd(42))
        self.assertFinding(self.finding(P, "zoekprofiel", acts=acts,
                                        docs=[doc("Zoekprofiel", self.W0 + dd(43))]),
                           "te-laat", self.W0 + dd(42), self.W0 + dd(43))
        self.assertFinding(self.finding(self.W0 + dd(42), "zoekprofiel", acts=acts),
                           "nog-niet-nodig", self.W0 + dd(42))
        self.assertFinding(self.finding(P, "zoekprofiel"), "niet-van-toepassing")


class TestBijstelling(Base):
    T = D + dd(100)

    def test_T_plus_14_and_15(self):
        P = self.T + dd(100)
        trig = doc("Bijgestelde probleemanalyse", self.T)
        self.assertFinding(self.finding(P, "bijstelling-plan",
                                        docs=[trig, doc("Bijstelling plan van aanpak",
                                                        self.T + dd(14))]),
                           "tijdig", self.T + dd(14), self.T + dd(14))
        self.assertFinding(self.finding(P, "bijstelling-plan",
                                        docs=[trig, doc("Plan van aanpak", self.T + dd(15))]),
                           "te-laat", self.T + dd(14), self.T + dd(15))
        self.assertFinding(self.finding(self.T + dd(14), "bijstelling-plan", docs=[trig]),
                           "nog-niet-nodig", self.T + dd(14))
        self.assertFinding(self.finding(self.T + dd(15), "bijstelling-plan", docs=[trig]),
                           "ontbreekt", self.T + dd(14))
        # a plan before T does not answer
        self.assertFinding(self.finding(P, "bijstelling-plan",
                                        docs=[trig, doc("Plan van aanpak", self.T - dd(1))]),
                           "ontbreekt", self.T + dd(14))

    def test_overbelasting_trigger_and_worst(self):
        T2 = self.T + dd(50)
        P = T2 + dd(100)
        acts = [act(1, D + dd(50), self.T, **{"Reden einde": "Overbelasting"}),
                act(1, D + dd(50), T2, **{"Reden einde": "overbelasting"})]
        # first trigger answered late, second answered in time: te-laat wins
        docs = [doc("Bijstelling plan van aanpak", self.T + dd(20)),
                doc("Bijstelling plan van aanpak", T2 + dd(1))]
        self.assertFinding(self.finding(P, "bijstelling-plan", acts=acts, docs=docs),
                           "te-laat", self.T + dd(14), self.T + dd(20))
        # both tijdig: the earliest trigger
        docs = [doc("Bijstelling plan van aanpak", self.T + dd(2)),
                doc("Bijstelling plan van aanpak", T2 + dd(1))]
        self.assertFinding(self.finding(P, "bijstelling-plan", acts=acts, docs=docs),
                           "tijdig", self.T + dd(14), self.T + dd(2))

    def test_no_trigger(self):
        self.assertFinding(self.finding(self.T, "bijstelling-plan"), "niet-van-toepassing")


class TestVisies(Base):
    def test_visies(self):
        P = date(2025, 1, 1)
        full = {"Visie werkgever": "wg", "Visie werknemer": "wn"}
        old = doc("Plan van aanpak", date(2023, 6, 30))
        self.assertFinding(self.finding(P, "visies-vastgelegd", docs=[old]),
                           "niet-van-toepassing")
        docs = [old, doc("Plan van aanpak", date(2023, 7, 1), **full),
                doc("Eerstejaarsevaluatie", date(2024, 3, 1), **full)]
        self.assertFinding(self.finding(P, "visies-vastgelegd", docs=docs),
                           "tijdig", None, date(2024, 3, 1))
        docs += [doc("Bijstelling plan van aanpak", date(2024, 5, 1),
                     **{"Visie werkgever": "wg", "Visie werknemer": "  "}),
                 doc("Bijstelling plan van aanpak", date(2024, 6, 1))]
        self.assertFinding(self.finding(P, "visies-vastgelegd", docs=docs),
                           "gebrekkig", None, date(2024, 5, 1))


class TestVerdict(Base):
    def test_verdict(self):
        f = lambda ernst, status: {"ernst": ernst, "status": status}  # noqa: E731
        self.assertEqual(oracle.verdict([f("vereist", "gebrekkig")]), "onvolledig")
        self.assertEqual(oracle.verdict([f("waarschuwing", "ontbreekt")]), "aandacht")
        self.assertEqual(oracle.verdict([f("vereist", "te-laat")]), "aandacht")
        self.assertEqual(oracle.verdict([f("advies", "ontbreekt")]), "compleet")
        self.assertEqual(oracle.verdict([f("waarschuwing", "nog-niet-nodig")]), "compleet")


if __name__ == "__main__":
    unittest.main()
