"""The claims ledger: who said what about an event, where they disagree, and how sure
rasd can be of each field.

Every value a text asserts (a toll, the number of rockets, where they fell, the damage,
who is blamed) becomes a `Claim` tied to its source and its words. Claims from
different sources that cannot both be true become `Conflict`s (inside the base vs two
kilometres away; no damage vs material damage; 3 killed vs 7 killed). The headline
value follows ACLED (the lowest credible toll); the disagreement goes into `notes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import regex

from rasd.model import Claim, Conflict, Event, Teller
from rasd.resources import Resources, resources
from rasd.text.matcher import Matcher, Scan
from rasd.text.normalize import Normalized, key
from rasd.text.words import alternation

DAMAGE_ORDER = {"none": 0, "minor": 1, "material": 2, "severe": 3}
# how much one source of a kind counts toward a field's confidence
KIND_WEIGHT = {
    "official": 1.0,
    "body": 1.0,
    "monitor": 0.9,
    "agency": 0.9,
    "witness": 0.7,
    "outlet": 0.6,
    "anonymous": 0.5,
}


@dataclass(frozen=True)
class _Vocab:
    cues: Matcher[tuple[str, str]]  # (field, value)
    hedges: Matcher[str]
    distance: regex.Pattern[str]
    units: dict[str, float]


def _vocab() -> _Vocab:
    """Impact, damage, responsibility, interception and hedge cues (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> _Vocab:
    y = res.yaml("lexicon/claims.yaml")
    rows: list[tuple[str, tuple[str, str]]] = []
    for value, forms in y["impact"].items():
        rows += [(f, ("impact", value)) for f in forms]
    for value, forms in y["damage"].items():
        rows += [(f, ("damage", value)) for f in forms]
    for value, forms in y["responsibility"].items():
        rows += [(f, ("responsibility", value)) for f in forms]
    rows += [(f, ("intercepted", "some")) for f in y["intercepted"]]
    units = {key(k): float(v) for k, v in y["distance_units"].items()}
    alt = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True))
    heads = alternation(y["distance_heads"], spaces=r"\s+")
    about = alternation(y["approximators"])
    distance = regex.compile(
        rf"{heads}\s+(?:{about}\s+)?(?P<n>\d+(?:[.,]\d+)?\s+)?(?P<u>{alt})(?![\p{{L}}])"
    )
    cues, hedges = Matcher(rows), Matcher([(h, "hedge") for h in y["hedges"]])
    Scan([cues, hedges])  # each sentence asks both: the text is scanned once for both
    return _Vocab(cues, hedges, distance, units)


def source_kind(rule: str) -> str:
    """The kind of a source from the attribution rule that found it."""
    if rule == "outlet":
        return "outlet"
    if "agency" in rule and "+" not in rule:
        return "agency"
    for kind in ("official", "anonymous", "monitor", "witness", "body"):
        if kind in rule:
            return kind
    return "outlet"


def sentence_claims(
    n: Normalized,
    start: int,
    end: int,
    teller: Teller,
    actors: Sequence[tuple[int, str]] = (),
) -> list[Claim]:
    """Impact, distance, damage, responsibility and interception claims of one sentence.
    `actors`: (normalized start, canonical name) of the sentence's actor mentions, to name
    who is blamed, claimed or denied."""
    v = _vocab()
    text = n.text
    hedge_hit = next(iter(v.hedges.find(text, start, end)), None)
    hedge = n.quote(hedge_hit.start, hedge_hit.end) if hedge_hit else None
    teller = replace(teller, hedge=hedge)
    out: list[Claim] = []

    def claim(field: str, value: object, s: int, e: int) -> None:
        out.append(teller.claim(n, field, value, s, e))

    for h in v.cues.find(text, start, end):
        field, value = h.value
        if field == "responsibility":
            # who: the actor named right after the verb (اتهم مجموعات موالية لإيران), or
            # before it for a claim or denial (داعش التي أعلنت مسؤوليتها)
            after = [name for s, name in actors if 0 <= s - h.end <= 40]
            if value == "blamed" and len(after) > 1 and any(0 <= s - h.end <= 2 for s, _ in actors):
                after = after[1:]  # اتهم التحالف مجموعات …: the accuser comes first (VSO)
            before = [name for s, name in actors if 0 <= h.start - s <= 40]
            who = (after or before[-1:] if value != "blamed" else after) or []
            value = f"{value}: {who[0]}" if who else value
        claim(field, value, h.start, h.end)
    for m in v.distance.finditer(text, start, end):
        unit = v.units[m.group("u")]
        count = float(m.group("n").replace(",", ".")) if m.group("n") else 1.0
        claim("distance_km", round(count * unit, 3), m.start(), m.end())
        claim("impact", "outside", m.start(), m.end())
    return out


def _incompatible(a: Claim, b: Claim) -> str | None:
    """Why two claims on one field cannot both be true, or None."""
    if a.field != b.field or a.source == b.source:
        return None
    if a.field in ("fatalities", "injuries", "munitions") and a.value != b.value:
        return f"{a.value} vs {b.value}"
    if a.field == "impact" and a.value != b.value:
        return f"{a.value} vs {b.value}"
    if a.field == "damage":
        x, y = DAMAGE_ORDER.get(str(a.value), 0), DAMAGE_ORDER.get(str(b.value), 0)
        if (0 in (x, y) and x != y) or abs(x - y) >= 2:
            return f"{a.value} vs {b.value}"
    if a.field == "responsibility":
        ka, kb = str(a.value).split(":")[0], str(b.value).split(":")[0]
        if {ka, kb} == {"claimed", "denied"}:
            return f"{a.value} vs {b.value}"
    return None


def find_conflicts(claims: list[Claim]) -> list[Conflict]:
    """Pairs of claims from different sources that contradict each other (one per value pair)."""
    out: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    by_field: dict[str, list[Claim]] = {}
    for c in claims:
        by_field.setdefault(c.field, []).append(c)
    for field, cs in by_field.items():
        for a, b in combinations(cs, 2):
            reason = _incompatible(a, b)
            if reason is None:
                continue
            k = (field, *sorted((f"{a.source}={a.value}", f"{b.source}={b.value}")))
            if k in seen:
                continue
            seen.add(k)
            out.append(Conflict(field, a, b, reason))
    return out


def field_confidence(claims: list[Claim], conflicts: list[Conflict]) -> dict[str, float]:
    """0..1 per field: independent sources agreeing raise it, a lone anonymous source or a
    contradiction lowers it."""
    out: dict[str, float] = {}
    fields = dict.fromkeys(c.field for c in claims)  # in claim order: stable output
    contested = {c.field for c in conflicts}
    for f in fields:
        sources = {c.source: KIND_WEIGHT.get(c.source_kind, 0.6) for c in claims if c.field == f}
        hedged = all(c.hedge for c in claims if c.field == f)
        score = 1.0 - 0.5 ** sum(sources.values())
        if hedged:
            score *= 0.9
        if f in contested:
            score *= 0.5
        out[f] = round(score, 2)
    return out


def ledger_notes(ev: Event) -> str:
    """An ACLED-style English note: what happened, and where the sources disagree."""
    day = ev.event_date.isoformat() if ev.event_date else "an unknown date"
    s = f"On {day}, {ev.actor1 or 'unidentified actors'}: {ev.sub_event_type.lower()}"
    if ev.actor2:
        s += f" against {ev.actor2}"
    s += f" in {ev.location or 'an unknown place'}."
    if ev.munitions:
        s += f" {ev.munitions} {ev.weapon or 'munitions'} reported."
    if ev.fatalities is not None:
        s += f" Fatalities: {ev.fatalities}."
    for c in ev.conflicts:
        s += f" Sources disagree on {c.field.replace('_', ' ')}: {c.a.source} says {c.a.value}, {c.b.source} says {c.b.value}."
    if ev.fatalities is not None and any(c.field == "fatalities" for c in ev.conflicts):
        s += " The lowest figure is coded."
    if ev.sources:
        s += f" Reported by {', '.join(ev.sources)}."
    return s


def settle(ev: Event) -> None:
    """Recompute the event's conflicts, per-field confidence and notes from its claims."""
    ev.conflicts = find_conflicts(ev.claims)
    ev.confidence = field_confidence(ev.claims, ev.conflicts)
    ev.notes = ledger_notes(ev)
