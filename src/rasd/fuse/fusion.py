"""Cross-outlet fusion: reports of one real event from several articles become one
canonical event with every report, source and claim.

Candidates are found by blocking on day and a 0.5-degree grid cell (linear in the
number of events, not all pairs). Two reports may fuse when they have the same event
type, the same day (or a day apart when either day is uncertain), places within a
radius that grows with imprecision (2 km between two named places, 15 km when one is
only "near", the same province when one is placed only at province level) and
compatible actors. Clusters grow best pair first, and never so that two of their
reports would be incompatible: a coarse "in Anbar" report cannot chain two bases hit
the same night into one event. Every merge records which fields matched.
"""

from __future__ import annotations

import copy
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.claims import settle
from rasd.evaluate import actor_similarity
from rasd.gazetteer import km
from rasd.model import Event

CELL_DEG = 0.5
NAMED_KM = 2.0  # two named places further apart are two places (two bases one night)
NEAR_KM = 15.0  # a report placed "near" a town may be about a place within this distance
GENERIC_ACTORS = {None, "Unidentified armed group", "Civilians", "Protesters", "Rioters"}
AGENCIES = {
    "AFP",
    "Reuters",
    "AP",
    "Anadolu Agency",
    "Dogan News Agency",
    "Xinhua",
    "DPA",
    "Interfax",
    "TASS",
}


@dataclass
class Merge:
    """Why two reports were fused."""

    a: str
    b: str
    matched: list[str]
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "matched": self.matched, "score": round(self.score, 2)}


@dataclass
class CanonicalEvent:
    """One real event and the reports it was fused from."""

    id: str
    event: Event
    reports: list[Event]
    report_ids: list[str]
    merges: list[Merge] = field(default_factory=list)
    source_scale: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = self.event.to_dict()
        d["id"] = self.id
        d["source_scale"] = self.source_scale
        d["reports"] = [
            {
                "report": rid,
                "article_id": r.article_id,
                "outlet": r.outlet,
                "published": r.published.isoformat() if r.published else None,
                "url": r.url,
                "sources": r.sources,
                "evidence": r.evidence,
                "evidence_span": list(r.evidence_span),
            }
            for rid, r in zip(self.report_ids, self.reports, strict=True)
        ]
        d["merges"] = [m.to_dict() for m in self.merges]
        return d


def report_id(ev: Event, n: int) -> str:
    return f"{ev.article_id}#{n}"


def _uncertain_day(ev: Event) -> bool:
    if ev.time_precision and ev.time_precision > 1:
        return True
    return any(e.rule.startswith("default") for e in ev.fields.get("event_date", []))


def compatible(a: Event, b: Event) -> tuple[bool, list[str], float]:
    """Whether two reports may describe one event, the fields that matched, and a cost."""
    if a.article_id is not None and a.article_id == b.article_id:
        return False, [], 0.0  # one article's events were already merged by the extractor
    if a.event_type != b.event_type:
        return False, [], 0.0
    matched = ["event_type"]
    if a.event_date is None or b.event_date is None:
        if a.event_date != b.event_date:
            return False, [], 0.0
        days = 0
    else:
        days = abs((a.event_date - b.event_date).days)
        if days > 1 or (days == 1 and not (_uncertain_day(a) or _uncertain_day(b))):
            return False, [], 0.0
    matched.append("event_date" if days == 0 else "event_date±1")
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return False, [], 0.0
    d = km((a.latitude, a.longitude), (b.latitude, b.longitude))
    pa, pb = a.geo_precision or 1, b.geo_precision or 1
    if a.location == b.location:
        matched.append("location")
    elif 3 in (pa, pb):
        if not (a.country == b.country and a.admin1 and a.admin1 == b.admin1):
            return False, [], 0.0
        matched.append(f"admin1 {a.admin1}")
    elif 2 in (pa, pb):
        # near a town: within NEAR_KM, but a named facility is itself the place (the
        # shelling "outside al-Mayadin" is not the rockets on the base 8 km away)
        limit = NAMED_KM if _facility(a) or _facility(b) else NEAR_KM
        if d > limit:
            return False, [], 0.0
        matched.append(f"near, {d:.1f} km")
    elif d > NAMED_KM:
        return False, [], 0.0
    else:
        matched.append(f"place {d:.1f} km")
    # the perpetrator, when both reports name one: two different attackers, two events
    # (targets are too often described loosely to tell events apart)
    x, y = a.actor1, b.actor1
    if (
        x not in GENERIC_ACTORS
        and y not in GENERIC_ACTORS
        and "actor1" in a.fields
        and "actor1" in b.fields
    ):
        if actor_similarity(x, y) < 0.6:
            return False, [], 0.0
        matched.append("actor1")
    return True, matched, d + 10.0 * days + (5.0 if 3 in (pa, pb) else 0.0)


def _facility(ev: Event) -> bool:
    return any(":facility:" in e.rule for e in ev.fields.get("location", []))


def _key(ev: Event) -> tuple[int, int, int] | None:
    if ev.event_date is None or ev.latitude is None or ev.longitude is None:
        return None
    return (
        ev.event_date.toordinal(),
        math.floor(ev.latitude / CELL_DEG),
        math.floor(ev.longitude / CELL_DEG),
    )


def candidate_pairs(events: list[Event]) -> Iterable[tuple[int, int]]:
    """Index pairs that share a day (±1) and a grid cell (±1), or a province when one is
    placed only at province level (a pair may come twice; callers keep the first)."""
    blocks: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        k = _key(ev)
        if k is not None:
            blocks[k].append(i)
    # a report placed only at province level is coded to the province capital, which may
    # lie far from the place meant: it is compared with every report of its province
    provinces: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        if ev.event_date is not None and ev.admin1:
            provinces[(ev.event_date.toordinal(), str(ev.country), ev.admin1)].append(i)
    for i, ev in enumerate(events):
        if ev.geo_precision != 3 or ev.event_date is None or not ev.admin1:
            continue
        for dd in (-1, 0, 1):
            for j in provinces.get(
                (ev.event_date.toordinal() + dd, str(ev.country), ev.admin1), []
            ):
                if j != i:
                    yield (i, j)
    steps = [(dd, dla, dlo) for dd in (-1, 0, 1) for dla in (-1, 0, 1) for dlo in (-1, 0, 1)]
    for k, members in blocks.items():
        for dd, dla, dlo in steps:
            nk = (k[0] + dd, k[1] + dla, k[2] + dlo)
            if nk < k or nk not in blocks:
                continue  # each pair of neighbouring blocks once
            if nk == k:
                for a, i in enumerate(members):
                    for j in members[a + 1 :]:
                        yield (i, j)
            else:
                for i in members:
                    for j in blocks[nk]:
                        yield (i, j)


def _headline(reports: list[Event]) -> Event:
    """The canonical record: the most precise report, figures settled over all reports."""
    best = min(reports, key=lambda r: (r.geo_precision or 9, r.time_precision or 9, -len(r.claims)))
    ev = copy.deepcopy(best)
    ev.claims = [c for r in reports for c in r.claims]
    ev.sources = list(dict.fromkeys(s for r in reports for s in r.sources))
    for f in ("fatalities", "injuries"):
        values = [getattr(r, f) for r in reports if getattr(r, f) is not None]
        setattr(ev, f, min(values) if values else None)  # ACLED: the lowest credible figure
    counts = [r.munitions for r in reports if r.munitions is not None]
    if counts:
        ev.munitions = max(set(counts), key=lambda v: (counts.count(v), -v))
    for role in ("actor1", "actor2"):
        if getattr(ev, role) in GENERIC_ACTORS:
            named = next(
                (getattr(r, role) for r in reports if getattr(r, role) not in GENERIC_ACTORS), None
            )
            if named is not None:
                setattr(ev, role, named)
    ev.mentions = sum(r.mentions for r in reports)
    settle(ev)
    return ev


def _scale(reports: list[Event]) -> str:
    outlets = sorted({r.outlet or r.article_id or "?" for r in reports})
    agency = any(
        s.split(" (")[-1].rstrip(")") in AGENCIES or s in AGENCIES
        for r in reports
        for s in r.sources
    )
    return ("International; " if agency else "") + (
        f"{len(outlets)} outlets" if len(outlets) > 1 else "1 outlet"
    )


def fuse(events: Iterable[Event], ids: Iterable[str] | None = None) -> list[CanonicalEvent]:
    """Canonical events of a set of reports; the same input always gives the same output.
    `ids` names the reports (a store passes its own stable ids); by default they are
    numbered per article in text order."""
    evs = list(events)
    given = list(ids) if ids is not None else None

    # a stable order, whatever order the reports came in
    def stable(i: int) -> tuple[str, int, str, str, str, float, float]:
        e = evs[i]
        return (
            str(e.article_id),
            e.evidence_span[0],
            str(e.event_date),
            e.location or "",
            e.sub_event_type,
            e.latitude or 0.0,
            e.longitude or 0.0,
        )

    order = sorted(range(len(evs)), key=stable)
    evs = [evs[i] for i in order]
    counters: dict[str, int] = defaultdict(int)
    names: list[str] = []
    for i, ev in zip(order, evs, strict=True):
        counters[str(ev.article_id)] += 1
        names.append(given[i] if given is not None else report_id(ev, counters[str(ev.article_id)]))
    ids = names

    scored = []
    for i, j in candidate_pairs(evs):
        ok, matched, cost = compatible(evs[i], evs[j])
        if ok:
            scored.append((cost, min(i, j), max(i, j), matched))
    scored.sort(key=lambda t: (t[0], t[1], t[2]))

    cluster = list(range(len(evs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(evs))}
    merges: dict[int, list[Merge]] = defaultdict(list)

    def root(i: int) -> int:
        while cluster[i] != i:
            cluster[i] = cluster[cluster[i]]
            i = cluster[i]
        return i

    for cost, i, j, matched in scored:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        # no chaining: every report of one cluster must fit every report of the other
        if not all(compatible(evs[x], evs[y])[0] for x in members[ri] for y in members[rj]):
            continue
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        cluster[gone] = keep
        members[keep].extend(members.pop(gone))
        merges[keep].extend(merges.pop(gone, []))
        merges[keep].append(Merge(ids[i], ids[j], matched, cost))

    out = []
    for r, idx in members.items():
        idx.sort(key=lambda k: (evs[k].published or evs[k].event_date or date.min, ids[k]))
        reports = [evs[k] for k in idx]
        first = ids[idx[0]]
        cid = "rasd-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]
        out.append(
            CanonicalEvent(
                cid,
                _headline(reports),
                reports,
                [ids[k] for k in idx],
                merges.get(r, []),
                _scale(reports),
            )
        )
    out.sort(key=lambda c: (c.event.event_date.isoformat() if c.event.event_date else "", c.id))
    return out
