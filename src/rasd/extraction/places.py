"""Choosing which place a name refers to, and how precisely an event is placed.

A name may belong to many places (GeoNames holds several بيت لحم). The choice weighs
the countries and provinces the article names, the place's population and kind, and
refuses names that are common words unless a settlement word introduces them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import regex

from rasd.gazetteer import Place, load
from rasd.text.matcher import Hit

# Where Arabic conflict news mostly happens: a small prior for ambiguous names.
CORE = {
    "IRQ",
    "SYR",
    "YEM",
    "LBN",
    "PSE",
    "ISR",
    "JOR",
    "EGY",
    "LBY",
    "TUN",
    "SDN",
    "SSD",
    "SOM",
    "SAU",
    "AFG",
    "IRN",
    "TUR",
    "MLI",
    "NER",
    "NGA",
    "DZA",
    "MAR",
    "ARE",
    "KWT",
    "QAT",
    "BHR",
    "OMN",
}
PREPOSITIONS = {
    "في",
    "من",
    "الي",
    "علي",
    "قرب",
    "داخل",
    "عند",
    "نحو",
    "باتجاه",
    "حتي",
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    near: bool  # قرب X، شمال X …: the event is near / part of the place
    rule: str
    cued: bool = True  # introduced by في، ب، قرب or a settlement word (not a bare subject)


def _cue_before(text: str, start: int, cue_ends: set[int]) -> bool:
    """A settlement word, preposition or proclitic ب/في right before the name."""
    j = start
    while j > 0 and text[j - 1] != " " and j > start - 3:
        j -= 1
    if j < start and text[j:start] in ("ب", "وب", "فب", "لل", "ول", "فل"):
        return True  # بالأنبار، وبغداد is not a cue: و only joins
    k = j - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    if k + 1 in cue_ends:
        return True
    w = k
    while w > 0 and text[w - 1] not in " \n":
        w -= 1
    prev = text[w : k + 1]
    return prev in PREPOSITIONS or prev.lstrip("وف") in PREPOSITIONS


def context_countries(hits: list[Hit[tuple[Place, ...]]], adjectives: list[str]) -> Counter[str]:
    """How strongly the article points at each country (countries, provinces, sure places)."""
    c: Counter[str] = Counter(adjectives)
    for h in hits:
        isos = {p.iso3 for p in h.value}
        if len(isos) == 1:
            kind_weight = (
                2 if any(p.kind in ("country", "admin1", "facility") for p in h.value) else 1
            )
            c[next(iter(isos))] += kind_weight
    return c


def resolve(
    text: str,
    hits: list[Hit[tuple[Place, ...]]],
    countries: Counter[str],
    admin1s: set[tuple[str, str]],
    cues: PlaceCues,
) -> list[PlaceMention]:
    """One place per name found in the text, or none when the name is only a word here."""
    out: list[PlaceMention] = []
    total = sum(countries.values()) or 1
    common = load().common
    cue_ends = cues.settlement_ends | cues.near_ends | cues.trigger_ends
    for h in hits:
        if (h.start, h.end) in cues.adjective_spans:
            continue  # الهندية is "Indian" before it is Al-Hindiyah
        prev = _end_before(text, h.start)
        intro = prev in cues.settlement_ends
        if text[h.word_start : h.word_end] in common and not intro:
            continue  # وكالة is a word, not و + Calais
        before_intro = _end_before(text, _word_start(text, prev)) if intro else -1
        if (
            prev in cues.establishment_ends
            or before_intro in cues.establishment_ends
            or _DISTANCE.search(text, max(0, h.word_start - 22), h.word_start)
            # قبل أن تعود إلى قاعدة ديار بكر: where the planes came from, not the target
            or _MOVEMENT.search(text, max(0, h.word_start - 30), h.word_start)
        ):
            continue  # فندق بيبلوس names a hotel; تبعد 620 كلم من باماكو is a yardstick
        cue = intro or _cue_before(text, h.start, cue_ends)
        division_word = prev in cues.division_ends  # محافظة، ولاية، إقليم، منطقة
        best, best_score = None, -1e9
        if h.surface in common and not intro:
            continue  # بيان، المصدر: a word first; قرية بيان is a place
        for p in h.value:
            if p.kind == "city":
                # a town abroad (Lille, Kirby) only when introduced as a place in an
                # article that names its country
                if p.iso3 not in CORE and not intro and not (countries.get(p.iso3) and cue):
                    continue
                # villages of unknown or tiny population (GeoNames often gives 0): after a
                # settlement word (قرية X), or after في/ب in an article naming their country
                if p.population < 1000 and not intro and not (cue and countries.get(p.iso3)):
                    continue
                if p.population < 20000 and not cue and (p.iso3, p.admin1 or "") not in admin1s:
                    continue
            score = 0.35 * math.log10(p.population + 10)
            score += 4.0 * countries.get(p.iso3, 0) / total
            score += 2.5 if (p.iso3, p.admin1 or "") in admin1s else 0.0
            score += 1.0 if p.iso3 in CORE else 0.0
            score += {"facility": 3.0, "district": 1.0, "admin1": 1.5, "country": 1.0}.get(
                p.kind, 0.0
            )
            if division_word and p.kind == "admin1":
                score += 5.0  # بمنطقة أضنة، في محافظة حلب: the province, not its capital
            if score > best_score:
                best, best_score = p, score
        if best is None:
            continue
        # قرب مدينة تكريت: the near word may stand before the settlement word
        near = prev in cues.near_ends or (
            intro and _end_before(text, _word_start(text, prev)) in cues.near_ends
        )
        out.append(
            PlaceMention(h.start, h.end, best, near, f"gazetteer:{best.kind}:{h.surface}", cue)
        )
    return out


_MOVEMENT = regex.compile(
    r"(?:تعود|عادت|عاد|عودتها|عودته|عودتهم|انطلقت|انطلق|انطلاقا|اقلعت|اقلع|اقلاعها|نقلوا|نقل|نقلت)\s+"
    r"(?:الي|من)\s+(?:(?:قاعده|مطار|مستشفي|مدينه)\s+)?$"
)
_DISTANCE = regex.compile(r"(?:كلم|كم|كيلومترا|كيلومترات|كيلومتر|ميلا|اميال)\s+(?:من|عن)\s*$")


@dataclass(frozen=True)
class PlaceCues:
    """Where cue words end in the text (normalized offsets)."""

    settlement_ends: set[int]
    near_ends: set[int]
    division_ends: set[int]
    establishment_ends: set[int]
    adjective_spans: set[tuple[int, int]]
    trigger_ends: set[int] = field(default_factory=set)  # هجوم مونستر: a place after an attack noun


def _end_before(text: str, start: int) -> int:
    """Offset where the previous word ends (skipping spaces, quotes and a clitic stuck to the name)."""
    j = start
    while j > 0 and text[j - 1] not in " \n\"'(" and start - j < 3:
        j -= 1
    k = j
    while k > 0 and text[k - 1] in " \"'(":
        k -= 1
    return k


def _word_start(text: str, end: int) -> int:
    j = end
    while j > 0 and text[j - 1] not in " \n":
        j -= 1
    return j


def precision(pm: PlaceMention) -> int:
    """SPEC geo_precision: 1 the place itself, 2 near / part of it, 3 only a province."""
    if pm.place.kind == "admin1":
        return 3
    return 2 if pm.near else 1


def coded_place(pm: PlaceMention) -> Place:
    """The place written in the record: a province-only mention is coded to its capital."""
    if pm.place.kind != "admin1":
        return pm.place
    cap = load().capitals.get((pm.place.iso3, pm.place.name))
    return cap or pm.place
