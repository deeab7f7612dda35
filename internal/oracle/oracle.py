#!/usr/bin/env python3
"""Independent reference implementation ("oracle") of the poortwachter rule catalogue.

Written from /work/shared/poortwachter.md and /work/shared/workbook.md only, without
reading the Go code of the project. Used to cross-check `poortwachter check --format json`.

Usage:
    /usr/bin/python3 oracle.py --peildatum YYYY-MM-DD WORKBOOK.xlsx > out.json

Prints one JSON object in the contract of poortwachter.md, "Machine-readable output of a
check" (without "toelichting" and "meldingen"). Dossiers whose input holds an error are left
out; their ids are printed on stderr.

Readings of the spec
====================
Where the text leaves room, this oracle takes the most literal reading:

 1. S(k): periods are walked in order of Van; gap days do not count. After the last known
    period S runs on day by day, also when the last period is closed (S(k) = last Tot + rest).
    Without Ziekteperiodes rows the chain is the one period Eerste ziektedag .. Datum hersteld.
 2. Einde wachttijd = S(728); "Einde wachttijd verlengd tot" replaces it only when later than
    S(728). Only then do the RIV and WIA deadlines become end - 91 and end - 77; otherwise they
    are S(637) and S(651) (which may differ from S(728) - 91 when a gap lies between them).
 3. Every document dated after P is ignored by every rule (also B, the eindevaluatie that
    actueel-oordeel compares with, the contact moments, the triggers).
 4. Generic document logic: present (earliest <= P): tijdig when date <= deadline else te-laat,
    whatever H is. Absent: niet-van-toepassing when H < deadline (H as given, also when H > P),
    else nog-niet-nodig when deadline >= P, else ontbreekt. uiterste_datum is always the
    deadline, datum the document's date or null.
 5. plan-van-aanpak-inhoud: with a (first) plan the status is gebrekkig when the plan is not
    signed by both, or Casemanager is empty, or no activity row of the dossier (any spoor, any
    Start, also none) has a non-empty Doel; otherwise the plan's timeliness (tijdig/te-laat)
    against the plan-van-aanpak deadline. datum = the first plan's date.
 6. actueel-oordeel (latest <= P): the conditions "dated before R - 91 -> verouderd",
    "after R -> te-laat", "after the eindevaluatie -> gebrekkig" (the earliest Eindevaluatie
    dated <= P) can hold together; the status that weighs most in the verdict wins
    (verouderd/gebrekkig over te-laat), between verouderd and gebrekkig the one listed first
    (verouderd). None holds: tijdig. Absent: generic logic against R.
 7. eindevaluatie (earliest <= P): after R -> te-laat, not signed by both -> gebrekkig; both
    hold: gebrekkig (as in 6). None holds: tijdig.
 8. visie-werknemer: the Dossiers column Visie werknemer non-empty (trimmed) -> tijdig; else
    generic absent logic against R. datum always null.
 9. evaluatie-frequentie: window from the first Plan van aanpak (<= P) to
    end = min(P, H, einde wachttijd). Gaps are checked between the first plan and the contact
    moments (Plan van aanpak, Bijstelling plan van aanpak, Evaluatie, Eerstejaarsevaluatie,
    Eindevaluatie) dated after it and on or before end, and from the last of these to end; a
    gap is the difference in days, te-laat when one is > 42. datum = "the last contact moment"
    taken unqualified: the latest contact moment dated <= P (also after H or einde
    wachttijd); uiterste_datum = that + 42. Without a plan: niet-van-toepassing, nulls.
10. spoor-2: deadline = X + 42 when Motivering geen spoor 2 is filled in (X = Herbeoordeling
    geen spoor 2, else B + 91), otherwise min(B + 42, S(406)) with an eerstejaarsevaluatie,
    S(406) without one. "Recovered on or before B" (H <= B) -> niet-van-toepassing; then the
    exemption while P <= X -> niet-van-toepassing; then the start of spoor 2 judged like a
    document. uiterste_datum is that deadline in every case; datum is the first spoor-2 start
    (<= P), but null when niet-van-toepassing: the status then rests on the recovery or the
    motivation, not on a start. (This oracle first gave the start there too; the project
    chose null and says so in docs/rules.md, and the oracle follows that documented choice.)
11. arbeidsdeskundig-onderzoek: deadline X when Motivering geen spoor 2 is filled in, else B;
    niet-van-toepassing whenever spoor-2 is; uiterste_datum is that deadline in every case and
    datum the earliest rapport (<= P), null when niet-van-toepassing (as in 10).
12. Activities (for the substance rules: spoor-2 start, stretch tests, closing reasons,
    Overbelasting triggers) without Start or with Start > P are left out.
13. Closing reasons: an activity (either spoor) with Reden einde Plaatsing / Hersteld / Geen
    benutbare mogelijkheden and Eind <= P; C = earliest such Eind; E' = min(E, C).
14. Stretch test: activities of the spoor in order of Start, each clipped to
    [max(Start, W0), min(Eind or E, E')]; clipped-empty ones are skipped. The cursor starts at
    W0 (also for spoor 1 when no spoor-1 activity covers W0) and is the last day covered;
    too long when clipped start - cursor > 42 days, or E' - final cursor > 42 days; the stop
    date is the first such cursor (the cursor itself, not the day after).
15. spoor-2-doorlopend / spoor-1-tijdens-spoor-2 / zoekprofiel when niet-van-toepassing (no
    spoor-2 start <= P, or E' < W0): datum and uiterste_datum null.
16. zoekprofiel: earliest Zoekprofiel dated <= P (any date, also before W0), generic document
    logic against W0 + 42.
17. bijstelling-plan: triggers are Bijgestelde probleemanalyse documents dated T <= P and
    activities (with a Start <= P, reading 12) with Reden einde Overbelasting and Eind T <= P.
    The answer is the earliest Plan van aanpak or Bijstelling plan van aanpak with
    T <= date <= P, generic document logic against T + 14. Worst trigger wins in the order
    ontbreekt, te-laat, nog-niet-nodig, tijdig, niet-van-toepassing; ties go to the earliest T.
18. visies-vastgelegd: a document "records both views" when Visie werkgever and Visie werknemer
    on its own row are both non-empty after trimming (a workbook without these columns has
    them empty).
19. Reading: a dossier is left out when any row that belongs to it (Dossiers, Ziekteperiodes,
    Documenten, Activiteiten, Sollicitaties) holds an error: missing required value, a date /
    Ja/Nee / enumeration / Spoor / number that does not parse, Eind before Start, Tot before
    Van, Datum hersteld before Eerste ziektedag, periods overlapping (an open period that is
    not the last overlaps), a gap of 28 days or more (gap = days strictly between Tot and the
    next Van), first period not starting on Eerste ziektedag, duplicate Dossiernummer (all
    copies). BSN and Loonheffingennummer that do not match their format are errors too.
    Text dates: dd-mm-jjjj and d-m-jjjj (1 or 2 digits with '-'), dd/mm/jjjj and d/m/jjjj
    (1 or 2 digits with '/', as docs/workbook.md lists), jjjj-mm-dd; surrounding spaces trimmed. A number in a date column is an
    Excel serial in the workbook's date system (fraction = time of day, dropped); serial 60 in
    the 1900 system (29-02-1900) and serials below 1 (below 0 in 1904) are errors. Ja/Nee and
    enumerations match case-insensitively after trimming.
"""

import argparse
import datetime
import json
import math
import re
import sys

import openpyxl

DAY = datetime.timedelta(days=1)


def days(n):
    return datetime.timedelta(days=n)


# ---------------------------------------------------------------------------------------
# Catalogue (poortwachter.md, "The rule catalogue"): id and severity, in table order.
# ---------------------------------------------------------------------------------------
VEREIST, WAARSCHUWING, ADVIES = "vereist", "waarschuwing", "advies"
CATALOGUE = [
    ("ziekmelding-arbodienst", WAARSCHUWING),
    ("probleemanalyse", VEREIST),
    ("plan-van-aanpak", VEREIST),
    ("plan-van-aanpak-inhoud", VEREIST),
    ("visies-vastgelegd", WAARSCHUWING),
    ("bijstelling-plan", VEREIST),
    ("evaluatie-frequentie", WAARSCHUWING),
    ("42e-weekmelding", VEREIST),
    ("eerstejaarsevaluatie", VEREIST),
    ("spoor-2", VEREIST),
    ("arbeidsdeskundig-onderzoek", WAARSCHUWING),
    ("spoor-2-doorlopend", VEREIST),
    ("spoor-1-tijdens-spoor-2", WAARSCHUWING),
    ("zoekprofiel", WAARSCHUWING),
    ("actueel-oordeel", VEREIST),
    ("eindevaluatie", VEREIST),
    ("visie-werknemer", VEREIST),
    ("re-integratieverslag", VEREIST),
    ("wia-aanvraag", VEREIST),
]

TIJDIG, TE_LAAT, ONTBREEKT = "tijdig", "te-laat", "ontbreekt"
NOG_NIET_NODIG, NVT = "nog-niet-nodig", "niet-van-toepassing"
VEROUDERD, GEBREKKIG = "verouderd", "gebrekkig"

# ---------------------------------------------------------------------------------------
# Workbook contract (workbook.md)
# ---------------------------------------------------------------------------------------
SOORTEN = [
    "Ziekmelding", "Probleemanalyse", "Bijgestelde probleemanalyse", "Plan van aanpak",
    "Bijstelling plan van aanpak", "Evaluatie", "42e-weekmelding", "Eerstejaarsevaluatie",
    "Arbeidsdeskundig rapport", "Deskundigenoordeel", "Actueel oordeel", "Eindevaluatie",
    "Re-integratieverslag", "WIA-aanvraag", "Voortgangsrapportage spoor 2", "Zoekprofiel",
]
STATUSSEN = ["Gepland", "Lopend", "Afgerond", "Gestopt"]
REDENEN = ["Plaatsing", "Hersteld", "Geen benutbare mogelijkheden", "Overbelasting", "Anders"]
CONTACT_KINDS = ("Plan van aanpak", "Bijstelling plan van aanpak", "Evaluatie",
                 "Eerstejaarsevaluatie", "Eindevaluatie")
CLOSING_REASONS = {"Plaatsing", "Hersteld", "Geen benutbare mogelijkheden"}

# column -> type; required columns per sheet
SHEETS = {
    "dossiers": {
        "required": ["Dossiernummer", "Naam werknemer", "Werkgever", "Eerste ziektedag"],
        "types": {
            "Dossiernummer": "text", "Naam werknemer": "text", "BSN": "bsn",
            "Geboortedatum": "date", "Functie": "text", "Uren per week": "number",
            "Vaardigheden": "text", "Werkgever": "text", "Aard bedrijf": "text",
            "Loonheffingennummer": "lhn", "Casemanager": "text", "Bedrijfsarts": "text",
            "Arbodienst": "text", "Arbeidsdeskundige": "text", "Re-integratiebureau": "text",
            "Eerste ziektedag": "date", "Datum hersteld": "date", "Re-integratiedoel": "text",
            "Contactafspraken": "text", "Motivering geen spoor 2": "text",
            "Herbeoordeling geen spoor 2": "date", "Oordeel arbeidsrelatie": "text",
            "Passend werk bij werkgever": "text", "Visie werknemer": "text",
            "Einde wachttijd verlengd tot": "date",
        },
    },
    "ziekteperiodes": {
        "required": ["Dossiernummer", "Van"],
        "types": {"Dossiernummer": "text", "Van": "date", "Tot": "date"},
    },
    "documenten": {
        "required": ["Dossiernummer", "Soort", "Datum"],
        "types": {
            "Dossiernummer": "text", "Soort": ("enum", SOORTEN), "Datum": "date",
            "Opgesteld door": "text", "Getekend werkgever": "janee",
            "Getekend werknemer": "janee", "Samenvatting": "text", "Functie opsteller": "text",
            "Visie werkgever": "text", "Visie werknemer": "text",
        },
    },
    "activiteiten": {
        "required": ["Dossiernummer", "Spoor", "Activiteit"],
        "types": {
            "Dossiernummer": "text", "Spoor": "spoor", "Activiteit": "text", "Doel": "text",
            "Verantwoordelijke": "text", "Start": "date", "Eind": "date",
            "Status": ("enum", STATUSSEN), "Resultaat": "text",
            "Reden einde": ("enum", REDENEN),
        },
    },
    "sollicitaties": {
        "required": ["Dossiernummer", "Datum"],
        "types": {
            "Dossiernummer": "text", "Datum": "date", "Werkgever": "text", "Functie": "text",
            "Resultaat": "text",
        },
    },
}
REQUIRED_SHEETS = ["dossiers", "documenten"]


class InputError(Exception):
    pass


class WorkbookError(Exception):
    """The workbook as a whole cannot be read (exit 2)."""


def norm_name(s):
    # "Headers match case-insensitively, with surrounding spaces trimmed and inner white
    # space collapsed." (the same for sheet names)
    return " ".join(str(s).split()).lower()


def is_empty(v):
    return v is None or (isinstance(v, str) and v.strip() == "")


def as_text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()
    return str(v).strip()


DATE_PATTERNS = [
    # "text in dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj and jjjj-mm-dd"
    (re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), ("d", "m", "y")),
    # The project also takes d/m/jjjj (docs/workbook.md): the same order as dd/mm/jjjj, so
    # no guess; the oracle follows that documented superset.
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), ("y", "m", "d")),
]


def parse_date(v, date1904):
    """Returns a date, None for empty, raises InputError otherwise."""
    if is_empty(v):
        return None
    if isinstance(v, bool):
        raise InputError("date expected, found boolean")
    if isinstance(v, datetime.datetime):
        return v.date()
    if isinstance(v, datetime.date):
        return v
    if isinstance(v, (int, float)):
        # "a plain number in a date column (an Excel date serial ...)", 1900 and 1904 systems
        if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
            raise InputError("bad serial")
        n = math.floor(v)
        if date1904:
            if n < 0:
                raise InputError("serial below 0")
            return datetime.date(1904, 1, 1) + days(n)
        if n < 1:
            raise InputError("serial below 1")
        if n == 60:
            raise InputError("serial 60 is 29-02-1900, which does not exist")
        if n < 60:
            return datetime.date(1899, 12, 31) + days(n)
        return datetime.date(1899, 12, 30) + days(n)
    if isinstance(v, str):
        s = v.strip()
        for rx, order in DATE_PATTERNS:
            m = rx.match(s)
            if m:
                parts = dict(zip(order, (int(g) for g in m.groups())))
                try:
                    return datetime.date(parts["y"], parts["m"], parts["d"])
                except ValueError:
                    raise InputError("no such date: %r" % s)
        raise InputError("date expected, found %r" % s)
    raise InputError("date expected, found %r" % (v,))


JA = {"ja", "j", "yes", "true", "1", "x"}
NEE = {"nee", "n", "no", "false", "0"}


def parse_janee(v):
    # "Ja, Nee, J, N, Yes, No, TRUE, FALSE, 1, 0, X (= ja); empty = nee."
    if is_empty(v):
        return False
    if isinstance(v, bool):
        return v
    s = as_text(v).lower()
    if s in JA:
        return True
    if s in NEE:
        return False
    raise InputError("Ja/Nee expected, found %r" % (v,))


def parse_enum(v, values):
    if is_empty(v):
        return None
    s = as_text(v).lower()
    for val in values:
        if val.lower() == s:
            return val
    raise InputError("one of %s expected, found %r" % (values, v))


def parse_spoor(v):
    if is_empty(v):
        return None
    if isinstance(v, bool):
        raise InputError("spoor 1 or 2 expected")
    if isinstance(v, (int, float)):
        if v in (1, 2):
            return int(v)
        raise InputError("spoor 1 or 2 expected, found %r" % v)
    s = str(v).strip()
    if s in ("1", "2"):
        return int(s)
    raise InputError("spoor 1 or 2 expected, found %r" % v)


def parse_number(v):
    if is_empty(v):
        return None
    if isinstance(v, bool):
        raise InputError("number expected")
    if isinstance(v, (int, float)):
        return v
    s = str(v).strip().replace(",", ".")
    try:
        return float(s)
    except ValueError:
        raise InputError("number expected, found %r" % v)


def parse_bsn(v):
    # "9 digits (an 8-digit number gets a leading zero); 11-proef ...; 000000000 is invalid."
    if is_empty(v):
        return None
    s = as_text(v)
    if not re.fullmatch(r"\d{8,9}", s):
        raise InputError("BSN expected, found %r" % s)
    s = s.zfill(9)
    if s == "000000000":
        raise InputError("BSN 000000000")
    d = [int(c) for c in s]
    total = sum((9 - i) * d[i] for i in range(8)) - d[8]
    if total % 11 != 0:
        raise InputError("BSN fails 11-proef")
    return s


def parse_lhn(v):
    if is_empty(v):
        return None
    s = as_text(v)
    if not re.fullmatch(r"\d{9}L\d{2}", s):
        raise InputError("loonheffingennummer expected, found %r" % s)
    return s


def parse_value(kind, v, date1904):
    if kind == "text":
        return as_text(v)
    if kind == "date":
        return parse_date(v, date1904)
    if kind == "janee":
        return parse_janee(v)
    if kind == "spoor":
        return parse_spoor(v)
    if kind == "number":
        return parse_number(v)
    if kind == "bsn":
        return parse_bsn(v)
    if kind == "lhn":
        return parse_lhn(v)
    if isinstance(kind, tuple) and kind[0] == "enum":
        return parse_enum(v, kind[1])
    raise AssertionError(kind)


def read_sheet(ws_values, ws_formulas, spec, date1904):
    """Returns list of (row_dict, errors) for the data rows of one sheet."""
    rows_v = list(ws_values.iter_rows(values_only=True))
    rows_f = list(ws_formulas.iter_rows(values_only=True)) if ws_formulas is not None else None
    required = [norm_name(h) for h in spec["required"]]
    canon = {norm_name(h): h for h in spec["types"]}

    # "The header row is the first row, among the first 20, that holds the sheet's required
    # headers ... When no such row exists, the first non-empty row is taken"
    header_idx = None
    for i, row in enumerate(rows_v[:20]):
        names = {norm_name(c) for c in row if not is_empty(c)}
        if all(r in names for r in required):
            header_idx = i
            break
    if header_idx is None:
        for i, row in enumerate(rows_v):
            if any(not is_empty(c) for c in row):
                header_idx = i
                break
    if header_idx is None:
        raise WorkbookError("sheet %s is empty" % ws_values.title)
    colmap = {}
    for j, c in enumerate(rows_v[header_idx]):
        if is_empty(c):
            continue
        n = norm_name(c)
        if n in canon and canon[n] not in colmap:
            colmap[canon[n]] = j
    for r in spec["required"]:
        if r not in colmap:
            # "A missing required sheet or column is an error that names the sheet and column."
            raise WorkbookError("sheet %s misses column %s" % (ws_values.title, r))

    out = []
    for i in range(header_idx + 1, len(rows_v)):
        row = rows_v[i]
        # "Empty rows are skipped."
        if all(is_empty(c) for c in row):
            frow = rows_f[i] if rows_f is not None and i < len(rows_f) else ()
            if all(is_empty(c) for c in frow):
                continue
        rec, errors = {}, []
        for col, j in colmap.items():
            v = row[j] if j < len(row) else None
            if v is None and rows_f is not None and i < len(rows_f):
                fr = rows_f[i]
                fv = fr[j] if j < len(fr) else None
                if isinstance(fv, str) and fv.startswith("="):
                    # "a formula without one [a cached value] is an error for that cell"
                    errors.append("%s: formula without cached value" % col)
                    rec[col] = None
                    continue
            try:
                val = parse_value(spec["types"][col], v, date1904)
            except InputError as e:
                errors.append("%s: %s" % (col, e))
                val = None
            rec[col] = val
            if col in spec["required"] and (val is None or val == ""):
                errors.append("%s: required value missing" % col)
        out.append((rec, errors))
    return out


def load(path):
    try:
        wbv = openpyxl.load_workbook(path, data_only=True)
        wbf = openpyxl.load_workbook(path, data_only=False)
    except Exception as e:  # noqa: BLE001
        raise WorkbookError("cannot open %s: %s" % (path, e))
    date1904 = wbv.epoch == openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheets = {}
    for ws in wbv.worksheets:
        # "Hidden sheets are ignored."
        if ws.sheet_state != "visible":
            continue
        n = norm_name(ws.title)
        if n in SHEETS and n not in sheets:
            sheets[n] = (ws, wbf[ws.title])
    for r in REQUIRED_SHEETS:
        if r not in sheets:
            raise WorkbookError("sheet %s missing" % r)
    data = {}
    for n, spec in SHEETS.items():
        if n in sheets:
            data[n] = read_sheet(sheets[n][0], sheets[n][1], spec, date1904)
        else:
            data[n] = []
    return data


# ---------------------------------------------------------------------------------------
# Dossier model
# ---------------------------------------------------------------------------------------
class Dossier:
    def __init__(self, rec):
        self.id = rec["Dossiernummer"]
        self.rec = rec
        self.D = rec["Eerste ziektedag"]
        self.H = rec.get("Datum hersteld")
        self.periods = []  # (van, tot|None)
        self.docs = []     # dict rows
        self.acts = []     # dict rows
        self.errors = []

    def field(self, name):
        v = self.rec.get(name)
        return v if v is not None else ""


def build_dossiers(data):
    dossier_rows = data["dossiers"]
    ids = {}
    order = []
    bad_ids = set()
    for rec, errors in dossier_rows:
        did = rec.get("Dossiernummer") or ""
        if did == "":
            continue  # an error without a dossier to attach it to
        if did in ids:
            bad_ids.add(did)  # "duplicate Dossiernummer (both copies left out)"
            continue
        d = Dossier(rec)
        d.errors.extend(errors)
        ids[did] = d
        order.append(d)
    for sheet, attr in (("ziekteperiodes", "periods"), ("documenten", "docs"),
                        ("activiteiten", "acts"), ("sollicitaties", None)):
        for rec, errors in data[sheet]:
            did = rec.get("Dossiernummer") or ""
            if did not in ids:
                continue  # "A row in any sheet whose Dossiernummer is not in Dossiers is an error"
            d = ids[did]
            d.errors.extend(errors)
            if attr == "periods":
                d.periods.append((rec.get("Van"), rec.get("Tot")))
            elif attr is not None:
                getattr(d, attr).append(rec)
    for d in order:
        if d.id in bad_ids:
            d.errors.append("duplicate Dossiernummer")
        if d.errors:
            continue
        validate_dossier(d)
    return order


def validate_dossier(d):
    if d.H is not None and d.H < d.D:
        d.errors.append("Datum hersteld before Eerste ziektedag")
    for a in d.acts:
        if a.get("Start") and a.get("Eind") and a["Eind"] < a["Start"]:
            d.errors.append("Eind before Start")
    if not d.periods:
        # "Without rows the dossier has one period from Eerste ziektedag to Datum hersteld
        # (or open)."
        d.periods = [(d.D, d.H)]
        return
    ps = sorted(d.periods, key=lambda p: p[0])
    for van, tot in ps:
        if tot is not None and tot < van:
            d.errors.append("Tot before Van")
    # "the first must start on the dossier's Eerste ziektedag"
    if ps[0][0] != d.D:
        d.errors.append("first period does not start on Eerste ziektedag")
    for (v1, t1), (v2, _t2) in zip(ps, ps[1:]):
        if t1 is None or v2 <= t1:
            d.errors.append("sickness periods overlap")
        elif (v2 - t1).days - 1 >= 28:
            # "gaps of 28 days or more are an error"
            d.errors.append("gap of 28 days or more")
    d.periods = ps


# ---------------------------------------------------------------------------------------
# Counting days (poortwachter.md "Counting days")
# ---------------------------------------------------------------------------------------
def S(d, k):
    """S(k): "the calendar date of sick day k of the chain ... the gap days do not count.
    After the last known period S continues day by day (the employee is still sick)." """
    rest = k
    for van, tot in d.periods:
        if tot is None:
            return van + days(rest - 1)
        length = (tot - van).days + 1
        if rest <= length:
            return van + days(rest - 1)
        rest -= length
    return d.periods[-1][1] + days(rest)


def judge_document(doc_date, deadline, H, P):
    """"How a rule about one document decides: a present document is tijdig when dated on or
    before the deadline, else te-laat (whatever H is). An absent document is
    niet-van-toepassing when H is before the deadline, nog-niet-nodig when the deadline is on
    or after P, else ontbreekt." """
    if doc_date is not None:
        return TIJDIG if doc_date <= deadline else TE_LAAT
    if H is not None and H < deadline:
        return NVT
    if deadline >= P:
        return NOG_NIET_NODIG
    return ONTBREEKT


def worst(holds):
    """When several conditions of one rule hold, the status that weighs most in the verdict
    wins (verouderd / gebrekkig make a vereist rule onvolledig, te-laat only aandacht); between
    equal weights the one the rule text lists first. None holding: tijdig (reading 6)."""
    for s in holds:
        if s in (VEROUDERD, GEBREKKIG):
            return s
    return holds[0] if holds else TIJDIG


def iso(x):
    return x.isoformat() if x is not None else None


# ---------------------------------------------------------------------------------------
# The check of one dossier
# ---------------------------------------------------------------------------------------
class Check:
    def __init__(self, d, P):
        self.d = d
        self.P = P
        self.H = d.H
        # "Documents dated after P are ignored"
        self.docs = sorted((x for x in d.docs if x["Datum"] <= P), key=lambda x: x["Datum"])
        # "Activities without Start, or with Start after P, are left out."
        self.acts = [a for a in d.acts if a.get("Start") is not None and a["Start"] <= P]

        # "Einde wachttijd = S(728) ... With a voluntary extension ... the end is the date the
        # workbook gives, and the RIV and WIA deadlines move with it (13 and 11 weeks before)"
        s728 = S(d, 728)
        ext = d.rec.get("Einde wachttijd verlengd tot")
        if ext is not None and ext > s728:
            self.ew = ext
            self.riv = ext - days(91)
            self.wia = ext - days(77)
        else:
            self.ew = s728
            self.riv = S(d, 637)   # "without extension: S(637), end of week 91"
            self.wia = S(d, 651)   # "without extension: S(651), end of week 93"

        # B: "the date of the earliest Eerstejaarsevaluatie (S(364) without one)"
        eje = self.earliest("Eerstejaarsevaluatie")
        self.has_eje = eje is not None
        self.B = eje["Datum"] if eje else S(d, 364)
        # E: "min(P, H when set, einde wachttijd)"
        self.E = min(x for x in (P, self.H, self.ew) if x is not None)
        # "Closing reasons: an activity of either spoor whose Reden einde is Plaatsing,
        # Hersteld or Geen benutbare mogelijkheden and whose Eind is on or before P closes the
        # obligation from that Eind on; C is the earliest such Eind. E' = min(E, C)."
        closing = [a["Eind"] for a in self.acts
                   if a.get("Reden einde") in CLOSING_REASONS and a.get("Eind") is not None
                   and a["Eind"] <= P]
        self.C = min(closing) if closing else None
        self.E2 = min(self.E, self.C) if self.C is not None else self.E
        # "The start of spoor 2 is the earliest Start of an activity with Spoor 2."
        starts2 = [a["Start"] for a in self.acts if a["Spoor"] == 2]
        self.W0 = min(starts2) if starts2 else None
        # Motivated exception
        self.exempt = self.d.field("Motivering geen spoor 2").strip() != ""
        herb = d.rec.get("Herbeoordeling geen spoor 2")
        self.X = (herb if herb is not None else self.B + days(91)) if self.exempt else None

    def of_kind(self, *kinds):
        return [x for x in self.docs if x["Soort"] in kinds]

    def earliest(self, kind):
        xs = self.of_kind(kind)
        return xs[0] if xs else None

    def latest(self, kind):
        xs = self.of_kind(kind)
        return xs[-1] if xs else None

    def document_rule(self, kind, deadline):
        doc = self.earliest(kind)
        date = doc["Datum"] if doc else None
        return judge_document(date, deadline, self.H, self.P), deadline, date

    # --- deadline rules -------------------------------------------------------------------
    def ziekmelding_arbodienst(self):
        # "document Ziekmelding ... deadline S(7)"
        return self.document_rule("Ziekmelding", S(self.d, 7))

    def probleemanalyse(self):
        # "document Probleemanalyse ... S(42), end of week 6"
        return self.document_rule("Probleemanalyse", S(self.d, 42))

    def pva_deadline(self):
        # "probleemanalyse date + 14 days; without a probleemanalyse S(56)"
        pa = self.earliest("Probleemanalyse")
        return pa["Datum"] + days(14) if pa else S(self.d, 56)

    def plan_van_aanpak(self):
        return self.document_rule("Plan van aanpak", self.pva_deadline())

    def plan_van_aanpak_inhoud(self):
        # "the (first) plan is signed by employer and employee, the dossier names a
        # casemanager, and at least one activity has a goal; gebrekkig otherwise; without a
        # plan it shares the status of plan-van-aanpak" ; deadline "same as plan-van-aanpak"
        deadline = self.pva_deadline()
        plan = self.earliest("Plan van aanpak")
        if plan is None:
            return self.plan_van_aanpak()
        signed = plan.get("Getekend werkgever") and plan.get("Getekend werknemer")
        casemanager = self.d.field("Casemanager").strip() != ""
        goal = any((a.get("Doel") or "").strip() for a in self.d.acts)
        if not (signed and casemanager and goal):
            return GEBREKKIG, deadline, plan["Datum"]
        return judge_document(plan["Datum"], deadline, self.H, self.P), deadline, plan["Datum"]

    def visies_vastgelegd(self):
        # "The documents Plan van aanpak, Bijstelling plan van aanpak and Eerstejaarsevaluatie
        # dated from 2023-07-01 up to P. None: niet-van-toepassing. One or more without both
        # Visie werkgever and Visie werknemer (after trimming): gebrekkig, datum = the earliest
        # such document's date. Else tijdig, datum = the latest such document's date.
        # uiterste_datum is null."
        docs = [x for x in self.of_kind("Plan van aanpak", "Bijstelling plan van aanpak",
                                        "Eerstejaarsevaluatie")
                if x["Datum"] >= datetime.date(2023, 7, 1)]
        if not docs:
            return NVT, None, None
        lacking = [x for x in docs
                   if not ((x.get("Visie werkgever") or "").strip()
                           and (x.get("Visie werknemer") or "").strip())]
        if lacking:
            return GEBREKKIG, None, min(x["Datum"] for x in lacking)
        return TIJDIG, None, max(x["Datum"] for x in docs)

    def bijstelling_plan(self):
        # "Triggers: each Bijgestelde probleemanalyse dated T <= P, and each activity with
        # Reden einde Overbelasting and Eind T <= P. For each trigger the answer is the
        # earliest Plan van aanpak or Bijstelling plan van aanpak dated on or after T (and on
        # or before P), judged like a document against T + 14. The finding is the worst
        # trigger, in the order ontbreekt, te-laat, nog-niet-nodig, tijdig,
        # niet-van-toepassing (the earliest trigger on a tie), with its deadline and its
        # answer's date. No trigger: niet-van-toepassing, dates null."
        triggers = [x["Datum"] for x in self.of_kind("Bijgestelde probleemanalyse")]
        triggers += [a["Eind"] for a in self.acts
                     if a.get("Reden einde") == "Overbelasting" and a.get("Eind") is not None
                     and a["Eind"] <= self.P]
        if not triggers:
            return NVT, None, None
        plans = [x["Datum"] for x in self.of_kind("Plan van aanpak",
                                                  "Bijstelling plan van aanpak")]
        rank = {ONTBREEKT: 0, TE_LAAT: 1, NOG_NIET_NODIG: 2, TIJDIG: 3, NVT: 4}
        best = None
        for T in sorted(triggers):
            answers = [p for p in plans if p >= T]
            answer = min(answers) if answers else None
            deadline = T + days(14)
            status = judge_document(answer, deadline, self.H, self.P)
            if best is None or rank[status] < rank[best[0]]:
                best = (status, deadline, answer)
        return best

    def contact_window(self):
        first = self.earliest("Plan van aanpak")
        if first is None:
            return None, None, None
        end = min(x for x in (self.P, self.H, self.ew) if x is not None)
        moments = [first["Datum"]] + [
            x["Datum"] for x in self.of_kind(*CONTACT_KINDS)
            if first["Datum"] < x["Datum"] <= end]
        return sorted(moments), end, first

    def evaluatie_frequentie(self):
        # "from the first plan of action up to min(P, H, einde wachttijd), no gap between
        # consecutive contact moments (plan, bijstelling, evaluatie, eerstejaarsevaluatie,
        # eindevaluatie; the end date closes the last gap) exceeds 42 days: tijdig, else
        # te-laat; without a plan niet-van-toepassing" ; deadline "last contact moment + 42"
        moments, end, first = self.contact_window()
        if first is None:
            return NVT, None, None
        points = moments + ([end] if end > moments[-1] else [])
        too_long = any((b - a).days > 42 for a, b in zip(points, points[1:]))
        # "last contact moment + 42 days": the last contact moment of the dossier (dated on
        # or before P), also when it lies after H or einde wachttijd (reading 9).
        last = max(x["Datum"] for x in self.of_kind(*CONTACT_KINDS) if x["Datum"] >= first["Datum"])
        return (TE_LAAT if too_long else TIJDIG), last + days(42), last

    def weekmelding_42(self):
        # "document 42e-weekmelding ... S(295), the first day after 42 weeks"
        return self.document_rule("42e-weekmelding", S(self.d, 295))

    def eerstejaarsevaluatie(self):
        # "document Eerstejaarsevaluatie ... S(364), end of week 52"
        return self.document_rule("Eerstejaarsevaluatie", S(self.d, 364))

    # --- spoor 2 --------------------------------------------------------------------------
    def spoor2_deadline(self):
        # "after a lapsed exemption X + 42"; "Otherwise the deadline is min(B + 42, S(406))
        # with an eerstejaarsevaluatie, S(406) without one."
        if self.exempt:
            return self.X + days(42)
        if self.has_eje:
            return min(self.B + days(42), S(self.d, 406))
        return S(self.d, 406)

    def spoor_2(self):
        deadline = self.spoor2_deadline()
        # "Recovered on or before B: niet-van-toepassing."
        if self.H is not None and self.H <= self.B:
            return NVT, deadline, None
        # "A filled-in Motivering geen spoor 2 exempts through X ...: while P <= X
        # niet-van-toepassing (uiterste_datum X + 42); after that the rule applies with
        # deadline X + 42."
        if self.exempt and self.P <= self.X:
            return NVT, deadline, None
        # "The start of spoor 2 (earliest Start of a spoor-2 activity, on or before P) is
        # judged against the deadline like a document"
        return judge_document(self.W0, deadline, self.H, self.P), deadline, self.W0

    def arbeidsdeskundig_onderzoek(self):
        # "niet-van-toepassing whenever spoor-2 is; otherwise the earliest Arbeidsdeskundig
        # rapport judged like a document against B (after a lapsed exemption: against X)."
        deadline = self.X if self.exempt else self.B
        doc = self.earliest("Arbeidsdeskundig rapport")
        date = doc["Datum"] if doc else None
        if self.spoor_2()[0] == NVT:
            return NVT, deadline, None
        return judge_document(date, deadline, self.H, self.P), deadline, date

    def stretch_test(self, spoor):
        """"walk the activities of that spoor in order of Start, clipped to [W0, E'], with a
        cursor that starts at W0 and moves to the last day covered so far. When the next
        activity starts more than 42 days after the cursor (start - cursor > 42), or when E'
        is more than 42 days after the final cursor, the stretch is too long; the first such
        cursor is the stop date."  Returns (stop_date or None, final_cursor)."""
        W0, E2 = self.W0, self.E2
        cursor = W0
        for a in sorted((a for a in self.acts if a["Spoor"] == spoor), key=lambda a: a["Start"]):
            # "an empty Eind means it runs on through E"
            end = a["Eind"] if a.get("Eind") is not None else self.E
            start, end = max(a["Start"], W0), min(end, E2)
            if end < start:
                continue
            if (start - cursor).days > 42:
                return cursor, cursor
            cursor = max(cursor, end)
        if (E2 - cursor).days > 42:
            return cursor, cursor
        return None, cursor

    def running_spoor(self, spoor):
        # "niet-van-toepassing when no spoor-2 activity has started on or before P, or E' is
        # before the first spoor-2 start. Otherwise the stretch test ...: a stretch too long is
        # gebrekkig (datum = the stop date, uiterste_datum = stop date + 42). With no stretch
        # too long: when E' = P, E' is not C, and spoor 2 is not running on P (final cursor
        # before P), nog-niet-nodig (datum = final cursor, uiterste_datum = final cursor +
        # 42); else tijdig (datum and uiterste_datum null)."
        if self.W0 is None or self.E2 < self.W0:
            return NVT, None, None
        stop, cursor = self.stretch_test(spoor)
        if stop is not None:
            return GEBREKKIG, stop + days(42), stop
        if self.E2 == self.P and self.E2 != self.C and cursor < self.P:
            return NOG_NIET_NODIG, cursor + days(42), cursor
        return TIJDIG, None, None

    def spoor_2_doorlopend(self):
        return self.running_spoor(2)

    def spoor_1_tijdens_spoor_2(self):
        # "The same as spoor-2-doorlopend, with the same W0 (the first spoor-2 start) and E',
        # but the stretch test runs on the spoor-1 activities"
        return self.running_spoor(1)

    def zoekprofiel(self):
        # "niet-van-toepassing when no spoor-2 activity has started on or before P, or E' is
        # before the first spoor-2 start; otherwise the earliest Zoekprofiel (any date up to
        # P) judged like a document against the first spoor-2 start + 42 days."
        if self.W0 is None or self.E2 < self.W0:
            return NVT, None, None
        return self.document_rule("Zoekprofiel", self.W0 + days(42))

    # --- end of the waiting time ----------------------------------------------------------
    def actueel_oordeel(self):
        # "the latest one: dated before RIV deadline - 91 days is verouderd; after the RIV
        # deadline te-laat; after the eindevaluatie gebrekkig" ; deadline "the RIV deadline"
        R = self.riv
        doc = self.latest("Actueel oordeel")
        if doc is None:
            return judge_document(None, R, self.H, self.P), R, None
        t = doc["Datum"]
        eind = self.earliest("Eindevaluatie")
        holds = []
        if t < R - days(91):
            holds.append(VEROUDERD)
        if t > R:
            holds.append(TE_LAAT)
        if eind is not None and t > eind["Datum"]:
            holds.append(GEBREKKIG)
        status = worst(holds)
        return status, R, t

    def eindevaluatie(self):
        # "document Eindevaluatie; after the deadline te-laat; not signed by both gebrekkig"
        R = self.riv
        doc = self.earliest("Eindevaluatie")
        if doc is None:
            return judge_document(None, R, self.H, self.P), R, None
        t = doc["Datum"]
        holds = []
        if t > R:
            holds.append(TE_LAAT)
        if not (doc.get("Getekend werkgever") and doc.get("Getekend werknemer")):
            holds.append(GEBREKKIG)
        status = worst(holds)
        return status, R, t

    def visie_werknemer(self):
        # "the employee's view (Visie werknemer) is filled in" ; deadline "RIV deadline";
        # datum: "for visie-werknemer null"
        R = self.riv
        if self.d.field("Visie werknemer").strip():
            return TIJDIG, R, None
        return judge_document(None, R, self.H, self.P), R, None

    def re_integratieverslag(self):
        # "the RIV deadline: einde wachttijd - 91 days (without extension: S(637))"
        return self.document_rule("Re-integratieverslag", self.riv)

    def wia_aanvraag(self):
        # "einde wachttijd - 77 days (without extension: S(651), end of week 93)"
        return self.document_rule("WIA-aanvraag", self.wia)

    RULES = {
        "ziekmelding-arbodienst": ziekmelding_arbodienst,
        "probleemanalyse": probleemanalyse,
        "plan-van-aanpak": plan_van_aanpak,
        "plan-van-aanpak-inhoud": plan_van_aanpak_inhoud,
        "visies-vastgelegd": visies_vastgelegd,
        "bijstelling-plan": bijstelling_plan,
        "evaluatie-frequentie": evaluatie_frequentie,
        "42e-weekmelding": weekmelding_42,
        "eerstejaarsevaluatie": eerstejaarsevaluatie,
        "spoor-2": spoor_2,
        "arbeidsdeskundig-onderzoek": arbeidsdeskundig_onderzoek,
        "spoor-2-doorlopend": spoor_2_doorlopend,
        "spoor-1-tijdens-spoor-2": spoor_1_tijdens_spoor_2,
        "zoekprofiel": zoekprofiel,
        "actueel-oordeel": actueel_oordeel,
        "eindevaluatie": eindevaluatie,
        "visie-werknemer": visie_werknemer,
        "re-integratieverslag": re_integratieverslag,
        "wia-aanvraag": wia_aanvraag,
    }

    def run(self):
        findings = []
        for rule, ernst in CATALOGUE:
            status, deadline, date = self.RULES[rule](self)
            findings.append({"regel": rule, "ernst": ernst, "status": status,
                             "uiterste_datum": iso(deadline), "datum": iso(date)})
        return {
            "dossiernummer": self.d.id,
            "eerste_ziektedag": iso(self.d.D),
            "einde_wachttijd": iso(self.ew),
            "oordeel": verdict(findings),
            "bevindingen": findings,
        }


def verdict(findings):
    # "Verdict of a dossier: onvolledig if any vereist rule is ontbreekt, verouderd or
    # gebrekkig; else aandacht if any vereist or waarschuwing rule is te-laat, or any
    # waarschuwing rule is ontbreekt or gebrekkig; else compleet. advies findings never
    # change the verdict."
    if any(f["ernst"] == VEREIST and f["status"] in (ONTBREEKT, VEROUDERD, GEBREKKIG)
           for f in findings):
        return "onvolledig"
    if any(f["ernst"] in (VEREIST, WAARSCHUWING) and f["status"] == TE_LAAT for f in findings):
        return "aandacht"
    if any(f["ernst"] == WAARSCHUWING and f["status"] in (ONTBREEKT, GEBREKKIG)
           for f in findings):
        return "aandacht"
    return "compleet"


def check_workbook(path, P):
    data = load(path)
    dossiers = build_dossiers(data)
    out, skipped = [], []
    for d in dossiers:
        if d.errors:
            skipped.append((d.id, d.errors))
            continue
        out.append(Check(d, P).run())
    return {"peildatum": P.isoformat(), "dossiers": out}, skipped


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peildatum", required=True, help="jjjj-mm-dd")
    ap.add_argument("workbook")
    args = ap.parse_args(argv)
    P = datetime.date.fromisoformat(args.peildatum)
    try:
        result, skipped = check_workbook(args.workbook, P)
    except WorkbookError as e:
        print("oracle: %s" % e, file=sys.stderr)
        return 2
    for did, errs in skipped:
        print("skipped %s: %s" % (did, "; ".join(dict.fromkeys(errs))), file=sys.stderr)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
