"""Records that flow through the pipeline: an Article in, Events out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.text.normalize import Normalized


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: the original characters [start, end) and the rule behind it."""

    start: int
    end: int
    text: str
    rule: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
        }
        if self.source:
            d["source"] = self.source
        return d

    @classmethod
    def at(
        cls, n: Normalized, start: int, end: int, rule: str, source: str | None = None
    ) -> Evidence:
        """Evidence for the normalized slice [start, end), quoted from the original text."""
        a, b = n.span(start, end)
        return cls(a, b, n.original[a:b], rule, source)


@dataclass(frozen=True, slots=True)
class Claim:
    """One thing one source asserts about an event (a figure, the impact point, damage …)."""

    field: str  # fatalities, injuries, munitions, weapon, impact, distance_km, damage, responsibility, intercepted
    value: Any
    source: str
    source_kind: str  # official, anonymous, monitor, agency, body, witness, outlet
    outlet: str | None
    article_id: str | None
    start: int  # original offsets of the words that say it
    end: int
    quote: str
    hedge: str | None = None  # the softening words (قال … إن، وفق، أنباء عن)

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": self.value,
            "source": self.source,
            "source_kind": self.source_kind,
            "outlet": self.outlet,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "hedge": self.hedge,
        }


@dataclass(frozen=True, slots=True)
class Teller:
    """Who asserts what a sentence says: the source, its kind, the outlet and article it is
    read in, and the words that hedge it."""

    source: str
    kind: str
    outlet: str | None
    article_id: str | None
    hedge: str | None = None

    def claim(self, n: Normalized, field: str, value: Any, start: int, end: int) -> Claim:
        """The claim that the normalized slice [start, end) makes, quoted from the original."""
        a, b = n.span(start, end)
        return Claim(
            field,
            value,
            self.source,
            self.kind,
            self.outlet,
            self.article_id,
            a,
            b,
            n.original[a:b],
            self.hedge,
        )


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two claims on one field of one event that cannot both be true."""

    field: str
    a: Claim
    b: Claim
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "reason": self.reason,
            "claims": [self.a.to_dict(), self.b.to_dict()],
        }


@dataclass(slots=True)
class Sentence:
    """A sentence at normalized offsets [start, end), split into clauses."""

    start: int
    end: int
    clauses: list[tuple[int, int]]
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False  # no final stop: a title or a line of a listing


@dataclass(slots=True)
class Article:
    """One input document and what the pipeline stages found in it."""

    id: str
    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    norm: Normalized | None = None
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def n(self) -> Normalized:
        if self.norm is None:
            raise ValueError("article is not normalized yet")
        return self.norm


@dataclass(slots=True)
class Event:
    """One ACLED-style event (SPEC.md), with the evidence behind each field."""

    event_type: str
    sub_event_type: str
    event_date: date | None = None
    time_precision: int = 1
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    weapon: str | None = None
    munitions: int | None = None
    sources: list[str] = field(default_factory=list)
    evidence: str = ""
    evidence_span: tuple[int, int] = (0, 0)
    fields: dict[str, list[Evidence]] = field(default_factory=dict)
    article_id: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    mentions: int = 1
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)
    notes: str | None = None

    def cite(self, name: str, ev: Evidence) -> None:
        """Record evidence for a field."""
        self.fields.setdefault(name, []).append(ev)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """The inverse of `to_dict` (records read back from a store)."""
        names = set(cls.__dataclass_fields__)
        kw = {k: v for k, v in d.items() if k in names}
        for k in ("event_date", "published"):
            kw[k] = date.fromisoformat(kw[k]) if kw.get(k) else None
        kw["evidence_span"] = tuple(kw.get("evidence_span") or (0, 0))
        kw["fields"] = {
            k: [Evidence(e["start"], e["end"], e["text"], e["rule"], e.get("source")) for e in v]
            for k, v in (d.get("fields") or {}).items()
        }
        kw["claims"] = [Claim(**c) for c in d.get("claims") or []]
        kw["conflicts"] = [
            Conflict(c["field"], Claim(**c["claims"][0]), Claim(**c["claims"][1]), c["reason"])
            for c in d.get("conflicts") or []
        ]
        return cls(**kw)

    def to_dict(self) -> dict[str, Any]:
        """The SPEC's JSON record plus rasd's provenance (`fields`, `evidence_span`, article info)."""
        d = {f: getattr(self, f) for f in _EVENT_FIELDS}
        d["sources"] = list(self.sources)
        d["event_date"] = self.event_date.isoformat() if self.event_date else None
        d["published"] = self.published.isoformat() if self.published else None
        d["evidence_span"] = list(self.evidence_span)
        d["fields"] = {k: [e.to_dict() for e in v] for k, v in self.fields.items()}
        d["claims"] = [c.to_dict() for c in self.claims]
        d["conflicts"] = [c.to_dict() for c in self.conflicts]
        d["confidence"] = dict(self.confidence)
        return d


_EVENT_FIELDS = [
    f
    for f in Event.__dataclass_fields__
    if f not in ("fields", "claims", "conflicts", "confidence")
]
