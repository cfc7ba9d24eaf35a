#!/usr/bin/env python3
"""Compares oldc-report's JSON with a hand count.

    build/bin/oldc-report --as-of 2026-11-28 --format json tests/report/city \\
        | python3 tests/report/check-hand-count.py tests/report/city/hand-count.json

Runs nothing itself: reads the report (its JSON, as oldc-report(1) describes it) on standard input and the hand count
(tests/report/city/README.md says how it was made) from argv[1]. Prints one line per figure
that differs, then "hand count: N figures agree"; exit status 1 on any difference, 2 when an
input cannot be read. Every figure of the hand count is compared; a figure the report lacks
is a difference. Areas compare as text with two decimals, never as floats.
"""
import json
import os
import sys


class Check:
    def __init__(self):
        self.agree = 0
        self.differ = 0

    def same(self, where, hand, oldc):
        if hand == oldc:
            self.agree += 1
        else:
            self.differ += 1
            print(f"{where}: hand {show(hand)}, oldc {show(oldc)}")


ABSENT = object()


def show(v):
    if v is ABSENT:
        return "(absent)"
    return json.dumps(v, ensure_ascii=False)


def area(v):
    """An area as text with two decimals (a JSON number such as 1218679.90 reads as a float)."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f"{v:.2f}"
    return v


def sums(c, where, hand, oldc):
    """A sums object: count, floor_area_m2, households and, when the hand count has them,
    missing_floor_area and missing_households."""
    if not isinstance(oldc, dict):
        c.same(where, hand, oldc)
        return
    for k, v in hand.items():
        got = oldc.get(k, ABSENT)
        if k == "floor_area_m2":
            c.same(f"{where}.{k}", area(v), area(got))
        else:
            c.same(f"{where}.{k}", v, got)


def percent(c, where, hand, oldc):
    if not isinstance(oldc, dict):
        c.same(where, hand, oldc)
        return
    if hand is None:  # the review year: no target, every percentage null
        for k, v in oldc.items():
            c.same(f"{where}.{k}", None, v)
        return
    for k, v in hand.items():
        got = oldc.get(k, ABSENT)
        c.same(f"{where}.{k}", area(v), area(got) if got is not None else None)


def by_key(items, key):
    out = {}
    for e in items or []:
        out[e.get(key)] = e
    return out


def main():
    if len(sys.argv) != 2:
        print("usage: oldc-report --format json ... | check-hand-count.py HAND-COUNT.json", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            hand = json.load(f)
        oldc = json.load(sys.stdin)
    except (OSError, ValueError) as e:
        print(f"check-hand-count: {e}", file=sys.stderr)
        return 2
    c = Check()
    c.same("as_of", hand["as_of"], oldc.get("as_of", ABSENT))
    c.same("files", hand["files"], oldc.get("files", ABSENT))
    c.same("valid", hand["valid"], oldc.get("valid", ABSENT))

    years = by_key(oldc.get("years"), "year")
    for y in hand["years"]:
        o = years.get(y["year"])
        w = f"years[{y['year']}]"
        if o is None:
            c.same(w, "present", ABSENT)
            continue
        sums(c, f"{w}.planned", y["planned"], o.get("planned", ABSENT))
        sums(c, f"{w}.completed", y["completed"], o.get("completed", ABSENT))
        percent(c, f"{w}.percent", y["percent"], o.get("percent", ABSENT))
    sums(c, "outside_years", hand["outside_years"], oldc.get("outside_years", ABSENT))
    if "not_counted" in hand:  # oldc-report(1): ineligible and new-build dossiers, listed apart
        c.same("not_counted (id, file, reason)",
               sorted([e["id"], e["file"], e["reason"]] for e in hand["not_counted"]),
               sorted([e.get("id"), os.path.basename(e.get("file", "")), e.get("reason")]
                      for e in oldc.get("not_counted") or []))

    c.same("districts (names, in order)", [d["name"] for d in hand["districts"]],
           [d.get("name") for d in oldc.get("districts") or []])
    districts = by_key(oldc.get("districts"), "name")
    for d in hand["districts"]:
        o = districts.get(d["name"])
        w = f"districts[{d['name']}]"
        if o is None:
            c.same(w, "present", ABSENT)
            continue
        sums(c, f"{w}.planned", d["planned"], o.get("planned", ABSENT))
        sums(c, f"{w}.completed", d["completed"], o.get("completed", ABSENT))
        c.same(f"{w}.pilots", d["pilots"], o.get("pilots", ABSENT))

    hp, op = hand["pilots"], oldc.get("pilots") or {}
    c.same("pilots.total", hp["total"], op.get("total", ABSENT))
    for group in ("by_type", "by_verdict", "by_colour"):
        for k, v in hp[group].items():
            c.same(f"pilots.{group}.{k}", v, (op.get(group) or {}).get(k, ABSENT))
    c.same("pilots.started.count (BC-1.3)", hp["started"]["count"], (op.get("started") or {}).get("count", ABSENT))
    c.same("pilots.completed.count (BC-1.3)", hp["completed"]["count"],
           (op.get("completed") or {}).get("count", ABSENT))
    listed = by_key(op.get("list"), "id")
    c.same("pilots.list (ids)", sorted(p["id"] for p in hp["list"]), sorted(listed))
    for p in hp["list"]:
        o = listed.get(p["id"])
        if o is None:
            continue
        for k in ("type", "verdict", "colour"):
            c.same(f"pilots.list[{p['id']}].{k}", p[k], o.get(k, ABSENT))

    rw = oldc.get("rewards") or {}
    c.same("rewards.candidates (BC-4.4)", hand["rewards"]["candidates"], rw.get("candidates", ABSENT))
    c.same("rewards.payable (BC-4.4)", hand["rewards"]["payable"], rw.get("payable", ABSENT))
    if "beyond_first_batch" in hand["rewards"]:
        c.same("rewards.beyond_first_batch (BC-4.4)", hand["rewards"]["beyond_first_batch"],
               rw.get("beyond_first_batch", ABSENT))

    for k, v in hand["verdicts"].items():
        c.same(f"verdicts.{k}", v, (oldc.get("verdicts") or {}).get(k, ABSENT))

    if "deferrals" in hand:  # the deferred by their set of clauses, whatever the order of the sets
        have = {", ".join(e.get("clauses", [])): e.get("count") for e in oldc.get("deferrals") or []}
        for e in hand["deferrals"]:
            k = ", ".join(e["clauses"])
            c.same(f"deferrals[{k}]", e["count"], have.pop(k, ABSENT))
        for k, n in have.items():
            c.same(f"deferrals[{k}]", ABSENT, n)

    got = oldc.get("attention") or []
    for i, a in enumerate(hand["attention"]):
        want = [a["kind"], a["id"], a["urgency"], a["file"], a["line"], a["column"]]
        if i < len(got):
            g = got[i]
            have = [g.get("kind"), g.get("id"), g.get("urgency"), os.path.basename(g.get("file", "")),
                    g.get("line"), g.get("column")]
        else:
            have = ABSENT
        c.same(f"attention[{i}] (kind, id, urgency, file, line, column)", want, have)
    for i in range(len(hand["attention"]), len(got)):
        g = got[i]
        c.same(f"attention[{i}] (kind, id, urgency, file, line, column)", ABSENT,
               [g.get("kind"), g.get("id"), g.get("urgency"), os.path.basename(g.get("file", "")),
                g.get("line"), g.get("column")])

    c.same("invalid (files)", [e["file"] for e in hand["invalid"]],
           [os.path.basename(e.get("file", "")) for e in oldc.get("invalid") or []])

    print(f"hand count: {c.agree} figures agree" + (f", {c.differ} differ" if c.differ else ""))
    return 1 if c.differ else 0


if __name__ == "__main__":
    sys.exit(main())
