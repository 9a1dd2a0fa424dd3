#!/usr/bin/env python3
"""Check audit part "fresh_older": annotations parse, ids follow pointers.jsonl in order, every
event has SPEC's fields with values in SPEC's vocabularies; print the counts used in SOURCES.md.

    python audit/fresh_older/validate.py [--texts /tmp/fresh_older.jsonl]

With --texts (the output of scripts/audit_texts.py --part fresh_older) it also checks that each
`evidence` is an exact substring of its article and holds no line break.  Standard library only.
"""

import argparse
import collections
import datetime
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
WEAPONS = {None, "rocket", "missile", "mortar", "artillery", "drone", "airstrike", "ied", "car_bomb",
           "suicide_bomb", "grenade", "firearm", "knife", "other"}
FIELDS = ["event_type", "sub_event_type", "event_date", "time_precision", "country", "admin1",
          "location", "latitude", "longitude", "geo_precision", "actor1", "actor2", "fatalities",
          "injuries", "weapon", "munitions", "sources", "evidence"]


def check_event(e: dict) -> list[str]:
    err = []
    missing = [f for f in FIELDS if f not in e]
    extra = set(e) - set(FIELDS) - {"note"}
    if missing or extra:
        return [f"fields missing {missing} extra {sorted(extra)}"]
    if e["sub_event_type"] not in TYPES.get(e["event_type"], ()):
        err.append(f"type {e['event_type']} / {e['sub_event_type']}")
    if e["event_date"] is not None:
        datetime.date.fromisoformat(e["event_date"])
    if e["time_precision"] not in (1, 2, 3) or e["geo_precision"] not in (1, 2, 3):
        err.append("precision")
    if not (isinstance(e["country"], str) and len(e["country"]) == 3 and e["country"].isupper()):
        err.append(f"country {e['country']}")
    if not (-90 <= e["latitude"] <= 90 and -180 <= e["longitude"] <= 180):
        err.append("coordinates")
    for k in ("fatalities", "injuries", "munitions"):
        if e[k] is not None and not (isinstance(e[k], int) and e[k] >= 0):
            err.append(k)
    if e["weapon"] not in WEAPONS:
        err.append(f"weapon {e['weapon']}")
    if not (isinstance(e["sources"], list) and all(isinstance(s, str) for s in e["sources"])):
        err.append("sources")
    if not isinstance(e["evidence"], str) or not e["evidence"] or "\n" in e["evidence"]:
        err.append("evidence")
    if not isinstance(e["location"], str) or not e["location"]:
        err.append("location")
    return err


def main(argv=None, here: pathlib.Path = HERE) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", help="gold-format JSONL rebuilt by scripts/audit_texts.py")
    args = ap.parse_args(argv)
    pointers = [json.loads(x) for x in (here / "pointers.jsonl").open(encoding="utf-8")]
    ann = [json.loads(x) for x in (here / "annotations.jsonl").open(encoding="utf-8")]
    errors = []
    if [p["id"] for p in pointers] != [a["id"] for a in ann]:
        errors.append("ids of annotations.jsonl do not follow pointers.jsonl")
    texts = {}
    if args.texts:
        texts = {x["id"]: x["text"] for x in map(json.loads, open(args.texts, encoding="utf-8"))}
    kinds = {p["id"]: p["drawn_as"] for p in pointers}
    by_type, by_sub, by_country, doubtful = (collections.Counter() for _ in range(4))
    with_ev = collections.Counter()
    neg = collections.Counter()
    for a in ann:
        if set(a) - {"id", "events", "note"}:
            errors.append(f"{a['id']}: keys {sorted(a)}")
        if "doubtful" in (a.get("note") or "").lower():
            doubtful["article notes"] += 1
        (with_ev if a["events"] else neg)[kinds[a["id"]]] += 1
        for e in a["events"]:
            errors += [f"{a['id']}: {m}" for m in check_event(e)]
            if texts and e.get("evidence") not in texts.get(a["id"], ""):
                errors.append(f"{a['id']}: evidence not in text")
            by_type[e["event_type"]] += 1
            by_sub[(e["event_type"], e["sub_event_type"])] += 1
            by_country[e["country"]] += 1
            if "doubtful" in (e.get("note") or "").lower():
                doubtful["event notes"] += 1
    for m in errors:
        print("ERROR", m, file=sys.stderr)
    print(f"articles {len(ann)}; with events {sum(with_ev.values())} {dict(with_ev)}; "
          f"negatives {sum(neg.values())} {dict(neg)}")
    print(f"events {sum(by_type.values())}: {dict(by_type)}")
    for (t, s), n in sorted(by_sub.items()):
        print(f"  {t} / {s}: {n}")
    print(f"countries {dict(by_country.most_common())}")
    print(f"notes marked doubtful: {dict(doubtful)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
