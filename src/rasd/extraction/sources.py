"""Who said so: news agencies, monitors, officials and anonymous sources in a sentence.

`نقلت وكالة فرانس برس عن مسؤول في التحالف` → "coalition official (AFP)";
`وفق المرصد السوري` → "Syrian Observatory for Human Rights"; no cue → the outlet.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.extraction.actors import ActorMention
from rasd.resources import Resources, resources
from rasd.text.matcher import Hit, Matcher


@dataclass(frozen=True, slots=True)
class SourceEntry:
    name: str
    kind: str  # agency, monitor, anonymous, official, body, witness


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    start: int
    end: int
    rule: str


def matcher() -> Matcher[SourceEntry]:
    """The source lexicon as a matcher (built once)."""
    return resources().get(_build_matcher)


def _build_matcher(res: Resources) -> Matcher[SourceEntry]:
    rows = [
        (r["arabic"], SourceEntry(r["source"], r["kind"])) for r in res.tsv("lexicon/sources.tsv")
    ]
    return Matcher(rows, article_optional=False)


def outlet_names() -> tuple[str, ...]:
    """Arabic names of outlets and agencies, longest first (to unglue الحرةقال)."""
    return resources().get(_build_outlet_names)


def _build_outlet_names(res: Resources) -> tuple[str, ...]:
    """Arabic names of outlets and agencies, longest first (to unglue الحرةقال); not the
    three-letter ones (واس، وفا، قنا), which begin too many words (واستعادت، وفاة، قناة)."""
    names = [r["arabic"] for r in res.tsv("lexicon/sources.tsv") if r["kind"] == "agency"]
    return tuple(sorted({n for n in names if len(n) >= 4}, key=len, reverse=True))


def _org_label(actor: str) -> str:
    """'Coalition forces' → 'coalition', 'Police Forces of Iraq' → 'Iraqi police'-like short label;
    an actor whose country the text leaves open is named generically ('police', 'military')."""
    a = actor.replace("Military Forces of {country}", "military")
    a = a.replace("Police Forces of {country}", "police")
    a = a.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", "").strip()
    a = a.replace("Military Forces of ", "").replace("Police Forces of ", "police of ")
    a = a.replace(" forces", "").replace(" Forces", "")
    return a[:1].lower() + a[1:] if a[:2] != a[:2].upper() else a


def sentence_sources(
    hits: list[Hit[SourceEntry]], actors: list[ActorMention], outlet: str | None
) -> list[Source]:
    """The sources of one sentence, given its source and actor hits (normalized offsets)."""
    agencies = [h for h in hits if h.value.kind == "agency"]
    others: list[Source] = []
    for h in hits:
        e = h.value
        if e.kind in ("agency", "anaphor"):
            continue
        if e.kind == "official":
            # مسؤول في التحالف / المتحدث باسم الجيش: the organisation right after the role
            org = next((a for a in actors if 0 <= a.start - h.end <= 8), None)
            body = next(
                (b for b in hits if b.value.kind == "body" and 0 <= b.start - h.end <= 8), None
            )
            if org is not None:
                others.append(
                    Source(
                        f"{_org_label(org.entry.actor)} {e.name}",
                        h.start,
                        org.end,
                        "official+actor",
                    )
                )
            elif body is not None:
                others.append(
                    Source(f"{body.value.name} {e.name}", h.start, body.end, "official+body")
                )
            continue
        if e.kind == "body" and any(o.start <= h.start < o.end for o in others):
            continue
        if e.kind == "body" and e.name in ("statement", "army", "police", "coalition"):
            continue
        others.append(Source(e.name, h.start, h.end, e.kind))
    out: list[Source] = []
    if agencies and others:
        ag = agencies[0].value.name
        out = [Source(f"{o.name} ({ag})", o.start, o.end, o.rule + "+agency") for o in others]
    elif agencies:
        out = [Source(a.value.name, a.start, a.end, "agency") for a in agencies]
    else:
        out = others
    if not out and any(h.value.kind == "anaphor" for h in hits):
        return [Source("", -1, -1, "anaphor")]  # وقال المسؤول: the source just named
    if not out and outlet:
        out = [Source(outlet, -1, -1, "outlet")]
    seen: set[str] = set()
    uniq = []
    for s in out:
        if s.name not in seen:
            seen.add(s.name)
            uniq.append(s)
    return uniq
