"""Loose comparison of actor names (token sets after rewrites): the rule fusion uses to
tell two perpetrators apart, and the one the scorer uses to score actor fields (SPEC)."""

from __future__ import annotations

import re

# Actor names are compared as token sets after these rewrites (SPEC: loose comparison).
_DROP = {
    "the",
    "of",
    "and",
    "a",
    "an",
    "in",
    "forces",
    "force",
    "group",
    "groups",
    "armed",
    "members",
    "member",
    "unit",
    "units",
    "al",
}
_SAME = {
    "army": "military",
    "troops": "military",
    "soldiers": "military",
    "soldier": "military",
    "iraqi": "iraq",
    "syrian": "syria",
    "yemeni": "yemen",
    "lebanese": "lebanon",
    "israeli": "israel",
    "iranian": "iran",
    "turkish": "turkey",
    "turkiye": "turkey",
    "russian": "russia",
    "american": "us",
    "u.s.": "us",
    "usa": "us",
    "united": "us",
    "states": "",
    "palestinian": "palestine",
    "libyan": "libya",
    "sudanese": "sudan",
    "kurdish": "kurd",
    "kurds": "kurd",
    "militias": "militia",
    "militiamen": "militia",
    "isis": "islamic_state",
    "isil": "islamic_state",
    "daesh": "islamic_state",
    "pro": "backed",
    "supported": "backed",
    "aligned": "backed",
    "loyal": "backed",
    "sdf": "syrian_democratic",
    "pmf": "popular_mobilization",
    "hashd": "popular_mobilization",
    "civilian": "civilians",
    "protester": "protesters",
    "demonstrators": "protesters",
    "police": "police",
    "policemen": "police",
    "unidentified": "unidentified",
    "unknown": "unidentified",
    "gunmen": "unidentified_gunmen",
}


def actor_tokens(name: str | None) -> set[str]:
    if not name:
        return set()
    out = set()
    for raw in re.split(r"[^\w.]+", name.lower().replace("-", " ")):
        t = _SAME.get(raw.strip("."), raw.strip("."))
        if not t or t in _DROP:
            continue
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        out.add(t)
    return out


def actor_similarity(a: str | None, b: str | None) -> float:
    ta, tb = actor_tokens(a), actor_tokens(b)
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))
