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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.claims import settle
from rasd.fuse.blocking import candidate_pairs
from rasd.fuse.compat import compatible, generic_actor
from rasd.model import Event
from rasd.resources import Resources, resources


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
        if generic_actor(getattr(ev, role)):
            named = next(
                (getattr(r, role) for r in reports if not generic_actor(getattr(r, role))), None
            )
            if named is not None:
                setattr(ev, role, named)
    ev.mentions = sum(r.mentions for r in reports)
    settle(ev)
    return ev


def _international(res: Resources) -> frozenset[str]:
    """Agencies of international scale (sources.tsv)."""
    return frozenset(
        r["source"] for r in res.tsv("lexicon/sources.tsv") if r["scale"] == "International"
    )


def _scale(reports: list[Event]) -> str:
    outlets = sorted({r.outlet or r.article_id or "?" for r in reports})
    agencies = resources().get(_international)
    agency = any(
        s.split(" (")[-1].rstrip(")") in agencies or s in agencies
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
