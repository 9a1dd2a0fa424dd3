"""One sentence, several events: places listed after the event's place (الموصل ومخمور
والفلوجة) and further triggers with a place of their own (هجوم بمدينة العريش … واشتباك
بمدينة السويس) each make an event."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from rasd.extraction.dates import DateMention
from rasd.extraction.mention import Mention
from rasd.extraction.places import SPECIFIC, PlaceMention
from rasd.extraction.triggers import Frame, choose_type
from rasd.resources import Resources, resources
from rasd.text.words import alternation, grammar


@dataclass(frozen=True)
class _Gaps:
    # what may stand between two places of one list: و، أو، commas, and "the second of
    # them" with its own day (أولهما الإثنين … وثانيهما الثلاثاء)
    list_gap: regex.Pattern[str]
    # what may stand between a trigger and its own place (هجوم بمدينة العريش)
    place_gap: regex.Pattern[str]


def _gaps(res: Resources) -> _Gaps:
    g = grammar
    return _Gaps(
        regex.compile(
            # زبيد ومركز محافظة الحديدة: a seat joined by و (not the apposition «X، عاصمة Y»)
            rf"[\s،,]*(?:\u0648{alternation(g('seat_words'))}\s+|{alternation(g('list_conjunctions'))}?)"
            rf"(?:{alternation(g('list_ordinals'))}\s+(?:[\p{{L}}]+\s+){{0,2}})?"
        ),
        regex.compile(
            rf"[\s\"']*(?:{alternation(g('place_gap_prepositions'))}\s+)?"
            rf"(?:(?:ب|وب)?{alternation(g('place_gap_nouns'))}\s+)?(?:ب|في\s+)?[\s\"']*"
        ),
    )


# بين, right before the list or before its settlement word (بين مدينتي الموصل وأربيل)
_BETWEEN = regex.compile(r"(?<!\p{L})\u0628\u064a\u0646\s+(?:\p{L}+\s+)?$")


def siblings(
    m: Mention,
    s_places: list[PlaceMention],
    s_dates: list[DateMention],
    text: str,
    inherited: bool = False,
) -> list[Mention]:
    """Places listed with the event's place (الموصل ومخمور والفلوجة), after it and, where
    the event took a later member of the list (بلدات الزويك والدويركة), before it: one
    event each. `inherited`: the place came from a later sentence that names the list (a
    lead event placed where the next sentence says), and so do its siblings."""
    place = m.place
    if place is None or (m.inherited_place and not inherited):
        return []
    gaps = resources().get(_gaps)

    def listed(ps: list[PlaceMention], after: bool) -> list[PlaceMention]:
        out, prev = [], place
        for p in ps:
            a, b = (prev, p) if after else (p, prev)
            if not gaps.list_gap.fullmatch(text, a.end, b.start) or p.place.kind not in SPECIFIC:
                break
            # a district after a comma holds the village before it (في منطقة الزوب، مديرية
            # القريشية); before the event's place, only towns joined by و
            joined = "\u0648" in text[a.end : b.start]
            if (after and not joined and b.place.kind != "city") or (
                not after and not (p.cued and p.place.kind == "city" and joined)
            ):
                break
            out.append(p)
            prev = p
        return out

    later = listed([p for p in s_places if p.start > place.start], after=True)
    earlier = listed([p for p in reversed(s_places) if p.start < place.start], after=False)
    first = earlier[-1] if earlier else place
    if _BETWEEN.search(text, max(0, first.start - 20), first.start):
        return []  # التوتر بين بغداد وأنقرة: two sides, not the places of one event
    out = []
    for p in [*reversed(earlier), *later]:
        lo, hi = (place.end, p.start) if p.start > place.start else (p.end, place.start)
        own_day = next((d for d in s_dates if lo <= d.start and d.end <= hi), None)
        sib = Mention(
            m.sentence,
            m.frame,
            m.event_type,
            m.sub_event_type,
            m.weapon,
            place=p,
            date_=own_day or m.date_,
            inherited_place=inherited,
        )
        sib.actors1, sib.actors2, sib.sources, sib.index = m.actors1, m.actors2, m.sources, m.index
        out.append(sib)
    return out


def own_place_anchors(m: Mention, s_places: list[PlaceMention], text: str) -> list[Mention]:
    """في هجوم بمدينة العريش … واشتباك بمدينة السويس: a further trigger with its own place
    right after it is its own event."""
    out: list[Mention] = []
    used = {m.place.start} if m.place is not None else set()
    gap = resources().get(_gaps).place_gap
    for h in m.frame.others:
        p = next(
            (
                p
                for p in s_places
                if 0 <= p.start - h.end <= 24 and gap.fullmatch(text, h.end, p.start)
            ),
            None,
        )
        if p is None or p.start in used or p.place.kind not in SPECIFIC:
            continue
        fr = Frame(
            h, categories={h.value.category}, weapons=[h.value.weapon] if h.value.weapon else []
        )
        fr.civilians, fr.security, fr.return_fire, fr.militants = (
            m.frame.civilians,
            m.frame.security,
            m.frame.return_fire,
            m.frame.militants,
        )
        etype, sub, weapon = choose_type(fr)
        sib = Mention(m.sentence, fr, etype, sub, weapon, place=p, date_=m.date_)
        sib.sources, sib.index = m.sources, m.index
        used.add(p.start)
        out.append(sib)
    return out
