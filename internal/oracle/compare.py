#!/usr/bin/env python3
"""Compare two check outputs (JSON contract of poortwachter.md) per dossier and rule.

Usage: compare.py A.json B.json [--rules id,id,...] [--quiet]

Compares per dossier the oordeel (only without --rules) and per rule status,
uiterste_datum and datum. Prints every difference and a per-rule count of agreeing
findings; exit 1 on any difference, 0 otherwise.
"""

import argparse
import collections
import json
import sys

FIELDS = ("status", "uiterste_datum", "datum")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--rules", help="comma-separated rule ids to compare (default: all)")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    args = ap.parse_args(argv)
    with open(args.a, encoding="utf-8") as f:
        A = json.load(f)
    with open(args.b, encoding="utf-8") as f:
        B = json.load(f)
    rules = set(args.rules.split(",")) if args.rules else None

    da = {d["dossiernummer"]: d for d in A["dossiers"]}
    db = {d["dossiernummer"]: d for d in B["dossiers"]}
    diffs = 0
    agree = collections.Counter()
    differ = collections.Counter()
    for did in sorted(set(da) | set(db)):
        if did not in da or did not in db:
            print("%s: only in %s" % (did, args.a if did in da else args.b))
            diffs += 1
            continue
        x, y = da[did], db[did]
        for key in ("eerste_ziektedag", "einde_wachttijd") + (("oordeel",) if rules is None else ()):
            if x.get(key) != y.get(key):
                print("%s: %s %s != %s" % (did, key, x.get(key), y.get(key)))
                diffs += 1
        fa = {f["regel"]: f for f in x["bevindingen"]}
        fb = {f["regel"]: f for f in y["bevindingen"]}
        for rule in sorted(set(fa) | set(fb)):
            if rules is not None and rule not in rules:
                continue
            if rule not in fa or rule not in fb:
                if not args.quiet:
                    print("%s %s: only in %s" % (did, rule, args.a if rule in fa else args.b))
                differ[rule] += 1
                diffs += 1
                continue
            bad = [(k, fa[rule].get(k), fb[rule].get(k)) for k in FIELDS
                   if fa[rule].get(k) != fb[rule].get(k)]
            if bad:
                differ[rule] += 1
                diffs += 1
                if not args.quiet:
                    print("%s %s: %s" % (did, rule, "; ".join(
                        "%s %s != %s" % b for b in bad)))
            else:
                agree[rule] += 1
    print("-- per rule: agree / differ")
    for rule in sorted(set(agree) | set(differ)):
        print("%-28s %6d %6d" % (rule, agree[rule], differ[rule]))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
