#!/usr/bin/env python3
"""listing_check.py: what a planner's colleague would write instead of oldc-check.

The benchmark's comparison for `make bench`: PyYAML with its libyaml C loader reads
each dossier and applies the listing rules in their simplest reading (built by 2005,
the four preconditions, the two reviews, the 2/3 and 3/4 tally), printing one line per
dossier. No schema check, no positions, no ballots sheets: a floor for a script, not an
equal of oldc. Usage: listing_check.py FILE... or @LIST (one path per line).
"""
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def paths(args):
    for a in args:
        if a.startswith("@"):
            with open(a[1:], encoding="utf-8") as f:
                yield from (line.rstrip("\n") for line in f if line.strip())
        else:
            yield a


def verdict(d):
    reasons = []
    if int(d.get("built_year", 9999)) > 2005:
        return "ineligible", ["BC-1.3.1"]
    pre = d.get("preconditions") or {}
    oc = pre.get("owners_committee") or {}
    if not oc.get("committee_elected"):
        reasons.append("OP-3")
    if not (pre.get("red_heart_property") or {}).get("formed"):
        reasons.append("OP-4")
    if (pre.get("illegal_structures") or {}).get("status") != "cleared":
        reasons.append("OP-5")
    tally = (pre.get("consultation") or {}).get("tally")
    if not tally or tally["consulted"] * 3 < tally["owners"] * 2 or tally["agreed"] * 4 < tally["consulted"] * 3:
        reasons.append("OP-6")
    reviews = d.get("reviews") or {}
    if any((reviews.get(k) or {}).get("result") != "passed" for k in ("joint", "expert")):
        reasons.append("OP-7")
    return ("deferred" if reasons else "eligible"), reasons


def main():
    out = []
    for path in paths(sys.argv[1:]):
        with open(path, "rb") as f:
            d = yaml.load(f, Loader=Loader)
        v, reasons = verdict(d)
        out.append(f"{path}: {d.get('id')}: {v} {' '.join(reasons)}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
