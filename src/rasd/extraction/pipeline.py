"""The extraction pipeline: normalize → segment → mentions → events → arguments → merge.

`extract(text, published=…, outlet=…)` is the whole of rasd for one article.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Generic, TypeVar

import regex

from rasd import claims
from rasd.extraction import places as geocode
from rasd.extraction import sources as attribution
from rasd.extraction.actors import ActorMention, find_actors, state_actor
from rasd.extraction.casualties import Toll, find_munitions, find_tolls
from rasd.extraction.dates import DateMention, find_dates
from rasd.extraction.dedupe import merge_events
from rasd.extraction.places import PlaceMention
from rasd.extraction.sources import outlet_names
from rasd.extraction.triggers import Frame, Trigger, choose_type, lexicon
from rasd.gazetteer import load as load_gazetteer
from rasd.geo import km
from rasd.model import Article, Claim, Event, Evidence, Sentence
from rasd.text.matcher import Hit
from rasd.text.normalize import Normalized, normalize
from rasd.text.segment import sentences
from rasd.text.tokens import Token, tokenize

S = TypeVar("S")
BACKGROUND_DAYS = 30
# The article's own news is told in its first sentences; an undated event further down
# is background unless it continues an event already told.
LEAD_SENTENCES = 6
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# Markers that the actor after them did it: قصف شنه الحوثيون، على يد، من قبل، نسب إلى
AGENT_MARKERS = (
    "شنه",
    "شنته",
    "شنها",
    "نفذه",
    "نفذته",
    "نفذها",
    "من قبل",
    "علي يد",
    "نسب الي",
    "نسبته",
    "نسبت",
    "تبناه",
    "تبنته",
    "تبني",
    "اتهم",
    "متهما",
    "متهمه",
    "اعلن مسؤوليته",
    "مصدرها",
    "يشتبه",
)
TARGET_MARKERS = (
    "استهدف",
    "استهداف",
    "ضد",
    "علي",
    "تستهدف",
    "استهدفت",
    "باتجاه",
    "مواقع",
    "معسكر",
    "مقر",
    "مقرات",
)
_SETTLEMENT_AFTER = regex.compile(
    r"\s*(?:علي\s+)?(?:ال)?(?:مدينه|بلده|قريه|منطقه|مناطق|مواقع|موقع|قاعده|معسكر|حي|جبل|تله|مطار)"
)
_POSSESSIVE = frozenset({"ه", "ها", "هم", "هما", "نا", "كم"})
_RELATIVE_REF = regex.compile(
    r"(?:الذي|التي|الذين)\s+(?:وقع|وقعت|شهد|شهدت)\s*(?:فيه|فيها|فيهم)?\s*$"
)
_REFERENCE = regex.compile(
    r"(?<![\p{L}])(?:(?:و?ذلك\s+)?(?:غداه|عقب|اثر|بعيد|منذ)\s+(?:[\p{L}]+\s+)?"
    r"|بعد\s+(?:\d+\s+)?(?:ايام|ساعات|يوم|يومين|اسبوع|اسابيع|اشهر|شهر|ساعه|ساعتين)\s+(?:من|علي)\s+)$"
)
SPEECH_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:و|ف)?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت|اوضح|اوضحت|اضاف|اضافت|صرح|صرحت)(?![\p{L}])"
)
_SIMILAR = regex.compile(r"مماثل|مشابه")
_SOURCE_CONTEXT = regex.compile(
    r"(?:وفق|بحسب|حسب|نقلا عن|مصدر|مصادر|مسؤول|مسؤولين|مسؤولون|متحدث|المتحدث|الناطق|مراسل|بيان|اخر)"
    r"(?:\s+[\p{L}]+){0,3}\s+(?:في|من|باسم|ب|عن)\s*$"
)
# Speech verbs: the actor right after one is the speaker (a source), not a party.
SPEECH = regex.compile(
    r"(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت|اوضح|اوضحت|اضاف|اضافت|اتهم|اتهمت|نفي|نفت|حمل|حملت)\s*$"
)


@dataclass
class Mention:
    """One event mention: a frame with its arguments, before merging."""

    sentence: Sentence
    frame: Frame
    event_type: str
    sub_event_type: str
    weapon: str | None
    place: PlaceMention | None = None
    date_: DateMention | None = None
    tolls: list[Toll] = field(default_factory=list)
    actors1: list[tuple[ActorMention, str]] = field(default_factory=list)
    actors2: list[tuple[ActorMention, str]] = field(default_factory=list)
    munitions: tuple[int, int, int] | None = None
    sources: list[attribution.Source] = field(default_factory=list)
    inherited_place: bool = False
    index: int = 0  # the sentence's position in the article


class ByStart(Generic[S]):
    """Items sorted by start offset, sliced by a range in O(log n) (sentences of a long text)."""

    def __init__(self, items: list[S]) -> None:
        self.items = sorted(items, key=lambda h: h.start)  # type: ignore[attr-defined]
        self.starts = [h.start for h in self.items]  # type: ignore[attr-defined]

    def within(self, start: int, end: int, whole: bool = True) -> list[S]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        got = self.items[i:j]
        return [h for h in got if h.end <= end] if whole else got  # type: ignore[attr-defined]


def extract_article(article: Article) -> list[Event]:
    """Events of one article (see `rasd.extract` for the simple call)."""
    n = normalize(article.text, outlet_names())
    article.norm = n
    text = n.text
    article.sentences = sentences(text)
    lex = lexicon()
    gaz = load_gazetteer()
    pub = article.published

    triggers = lex.triggers.find_all(text)
    if not any(h.value.strength != "cue" for h in triggers):
        return []
    tokens = tokenize(text)
    token_starts = [t.start for t in tokens]
    place_hits = gaz.find(text)
    adjective_hits = gaz.adjectives.find(text)
    countries = geocode.context_countries(place_hits, [h.value for h in adjective_hits])
    admin1s = {
        (p.iso3, p.name)
        for h in place_hits
        for p in h.value
        if p.kind == "admin1" and len(h.value) == 1
    }
    settlement = lex.settlement.find(text)
    cues = geocode.PlaceCues(
        settlement_ends={h.end for h in settlement},
        near_ends={h.end for h in lex.near.find(text)},
        division_ends={h.end for h in settlement if h.value == "division"},
        establishment_ends={h.end for h in lex.establishment.find(text)},
        adjective_spans={(h.start, h.end) for h in adjective_hits},
        trigger_ends={h.end for h in triggers if h.value.strength != "cue"},
    )
    places = geocode.resolve(text, place_hits, countries, admin1s, cues)
    places = _capital_mentions(text, places, adjective_hits, countries)
    dates = find_dates(text, pub)
    actors = find_actors(text)
    not_event = lex.not_event.find(text)
    background = lex.background.find(text)
    civ = lex.civilians.find(text)
    sec = lex.security.find(text)
    ret = lex.return_fire.find(text)
    src_hits = attribution.matcher().find(text)
    main_country = countries.most_common(1)[0][0] if countries else None

    shifts = lex.topic_shift.find(text)
    # a trial report (several trial words) tells old events: undated ones are background
    trial_article = sum(1 for b in not_event if b.value[0] == "trial") >= 3
    by_trigger, by_place, by_block = ByStart(triggers), ByStart(places), ByStart(not_event)
    by_date, by_actor, by_src = ByStart(dates), ByStart(actors), ByStart(src_hits)
    by_civ, by_sec, by_ret = ByStart(civ), ByStart(sec), ByStart(ret)
    by_police = ByStart(lex.police.find(text))
    mentions: list[Mention] = []
    lead_start = 0  # index of the sentence that opened the current news item
    pending: Mention | None = None  # the lead's event still waiting for its place
    last_place: PlaceMention | None = None
    last_sources: list[attribution.Source] = []
    last_mention: Mention | None = None
    last_violent: Mention | None = None
    for index, sent in enumerate(article.sentences):
        s, e = sent.start, sent.end
        if any(s <= h.start < s + 6 for h in shifts):
            lead_start = index  # من جهة أخرى: a new item begins
        s_trig = by_trigger.within(s, e)
        s_all_places = by_place.within(s, e)
        s_places = [p for p in s_all_places if p.place.kind != "country"]
        s_countries = {p.place.iso3 for p in s_all_places if p.place.kind == "country"}
        specific = [
            p for p in s_places if p.place.kind in ("city", "facility", "district") and p.cued
        ]
        own_events = any(h.value.strength != "cue" for h in s_trig)
        if pending is not None and specific and pending.sentence is not sent and not own_events:
            # قتل 3 … في هجوم في جنوب شرق تركيا. وكان الشرطي جالسا أمام مقهى في مدينة تشينار
            if index - pending.index <= 2:
                pending.place, pending.inherited_place = specific[0], True
                mentions.append(pending)
            pending = None
        if not s_trig:
            if s_places:
                last_place = s_places[-1]
            _refine(last_mention, specific, index)
            continue
        blocks = by_block.within(s, e)
        if any(b.value[1] == "sentence" for b in blocks):
            if s_places:
                last_place = s_places[-1]
            continue
        s_tokens = tokens[bisect.bisect_left(token_starts, s) : bisect.bisect_left(token_starts, e)]
        tolls = find_tolls(s_tokens)
        s_dates = by_date.within(s, e, whole=False)
        s_actors = by_actor.within(s, e, whole=False)
        recent = last_mention is not None and index - last_mention.index <= 2
        prev_categories = (
            frozenset(last_mention.frame.categories) if recent and last_mention else frozenset()
        )
        frames = _frames(
            sent,
            s_trig,
            blocks,
            tolls,
            s_dates,
            text,
            s_actors,
            prev_categories,
            index == lead_start,
        )
        for fr in frames:
            fr.alone = len(frames) == 1
            fr.civilians = bool(by_civ.within(s, e))
            fr.security = bool(by_sec.within(s, e)) or any(
                a.entry.inter in (1, 8)
                and "{country}" not in a.entry.actor
                or a.entry.kind == "state_generic"
                for a in s_actors
                if a.start > fr.anchor.end
            )
            fr.return_fire = bool(by_ret.within(s, e))
            fr.police = bool(by_police.within(s, e))
            fr.landed = (
                any(t.value > 0 for t in tolls)
                or "impact" in fr.categories
                and not fr.categories & {"disrupt", "intercept"}
            )
            m = _mention(
                fr,
                sent,
                text,
                s_places,
                s_dates,
                tolls,
                s_actors,
                s_tokens,
                last_place,
            )
            if m is None:
                continue
            m.index = index
            m.sources = attribution.sentence_sources(by_src.within(s, e), s_actors, article.outlet)
            if m.sources and m.sources[0].rule == "anaphor":
                m.sources = last_sources or attribution.sentence_sources([], [], article.outlet)
            if m.sources and m.sources[0].rule != "outlet":
                last_sources = m.sources
            if last_violent is not None and _SIMILAR.search(
                text, max(s, fr.anchor.start - 10), min(e, fr.anchor.end + 40)
            ):
                # بتفجير مماثل، هجومين مماثلين: the same kind as the attack just told
                m.event_type, m.sub_event_type = (
                    last_violent.event_type,
                    last_violent.sub_event_type,
                )
                m.weapon = last_violent.weapon or m.weapon
            own_place = m.place is not None and (
                last_mention is None
                or last_mention.place is None
                or m.place.place != last_mention.place.place
            )
            if fr.anaphoric and fr.strong and own_place and last_mention is not None:
                fr.anaphoric = False  # وفي العراق أصابت الغارات … الموصل: the same kind, elsewhere
            if fr.anaphoric:
                # it adds sources, figures and spans to the event it refers to, nothing new
                if last_mention is None or last_mention.place is None:
                    continue
                m.event_type, m.sub_event_type = (
                    last_mention.event_type,
                    last_mention.sub_event_type,
                )
                m.place, m.date_, m.inherited_place = last_mention.place, last_mention.date_, True
                m.weapon = m.weapon or last_mention.weapon
            follow_up = (
                last_mention is not None
                and last_mention.sentence is not sent
                and _family(last_mention) == _family(m)
            )
            if follow_up and last_mention is not None:
                # a follow-up sentence: no day of its own → the day of the event just told
                if m.date_ is None:
                    m.date_ = last_mention.date_
                if (
                    m.place is None
                    and last_mention.event_type == m.event_type
                    and last_mention.place is not None
                    and _same_country(last_mention.place, s_countries)
                ):
                    m.place, m.inherited_place = last_mention.place, True
            if (
                m.place is None
                and m.sub_event_type == "Disrupted weapons use"
                and last_mention is not None
                and index - last_mention.index <= 2
                and (
                    m.date_ is None
                    or last_mention.date_ is None
                    or m.date_.day == last_mention.date_.day
                )
            ):
                # خبراء المفرقعات أبطلوا مفعول عبوة أخرى …: where the event just told happened
                m.place, m.inherited_place = last_mention.place, True
            own_day = (
                m.date_ is not None
                and m.date_.day is not None  # a bare year (لسنة 2015) names no day
                and not (trial_article and m.date_.relative)
            )
            recall = any(s <= b.start < s + 12 for b in background)
            if not own_day and (
                recall
                or trial_article  # a trial report dates the crimes it tries with calendar dates
                or (not follow_up and index - lead_start >= LEAD_SENTENCES)
            ):
                # an undated event outside the lead and not tied to one just told, or a
                # pluperfect recall (وكان انتحاري فجر نفسه …): background, not this news
                continue
            if not fr.anaphoric or own_place:
                last_mention = m  # even without a place it sets the day for what follows
                if m.event_type in VIOLENT:
                    last_violent = m
            if m.place is None:
                if own_day and index - lead_start < LEAD_SENTENCES and not fr.anaphoric:
                    pending = m  # its place may come in the next sentences
                continue
            mentions.append(m)
            if not fr.anaphoric:
                more = _siblings(m, s_places, s_dates, text) + _own_place_anchors(m, s_places, text)
                if more:
                    # one total given for several events is not split (SPEC): null on each
                    for x in (m, *more):
                        x.tolls = [t for t in x.tolls if t.value == 0]
                mentions.extend(more)
        if s_places:
            last_place = s_places[-1]

    events = [ev for m in mentions if (ev := _to_event(m, article, main_country)) is not None]
    merged = merge_events([ev for ev in events if _keep(ev, pub)])
    for ev in merged:
        claims.settle(ev)
    return merged


# what may stand between two places of one list: و، أو، commas, and "the second of
# them" with its own day (أولهما الإثنين … وثانيهما الثلاثاء)
_LIST_GAP = regex.compile(
    r"[\s،,]*(?:و|او)?(?:(?:ثانيهما|ثانيها|الثاني|الثانيه|الاخر|الاخري)\s+(?:[\p{L}]+\s+){0,2})?"
)


def _siblings(
    m: Mention, s_places: list[PlaceMention], s_dates: list[DateMention], text: str
) -> list[Mention]:
    """Places listed after the event's place (الموصل ومخمور والفلوجة): one event each."""
    out: list[Mention] = []
    if m.place is None or m.inherited_place:
        return out
    prev = m.place
    for p in s_places:
        if p.start <= prev.start:
            continue
        if not _LIST_GAP.fullmatch(text, prev.end, p.start) or p.place.kind not in (
            "city",
            "facility",
            "district",
        ):
            break
        own_day = next((d for d in s_dates if prev.end <= d.start and d.end <= p.start), None)
        sib = Mention(
            m.sentence,
            m.frame,
            m.event_type,
            m.sub_event_type,
            m.weapon,
            place=p,
            date_=own_day or m.date_,
        )
        sib.actors1, sib.actors2, sib.sources, sib.index = m.actors1, m.actors2, m.sources, m.index
        out.append(sib)
        prev = p
    return out


_PLACE_GAP = regex.compile(
    r"[\s\"']*(?:(?:في|علي|قرب)\s+)?(?:(?:ب|وب)?(?:مدينه|بلده|قريه|منطقه|محافظه|حي|مخيم|ناحيه|قضاء)\s+)?(?:ب|في\s+)?[\s\"']*"
)


def _own_place_anchors(m: Mention, s_places: list[PlaceMention], text: str) -> list[Mention]:
    """في هجوم بمدينة العريش … واشتباك بمدينة السويس: a further trigger with its own place
    right after it is its own event."""
    out: list[Mention] = []
    used = {m.place.start} if m.place is not None else set()
    for h in m.frame.others:
        p = next(
            (
                p
                for p in s_places
                if 0 <= p.start - h.end <= 24 and _PLACE_GAP.fullmatch(text, h.end, p.start)
            ),
            None,
        )
        if p is None or p.start in used or p.place.kind not in ("city", "facility", "district"):
            continue
        fr = Frame(
            h, categories={h.value.category}, weapons=[h.value.weapon] if h.value.weapon else []
        )
        fr.civilians, fr.security, fr.return_fire = (
            m.frame.civilians,
            m.frame.security,
            m.frame.return_fire,
        )
        etype, sub, weapon = choose_type(fr)
        sib = Mention(m.sentence, fr, etype, sub, weapon, place=p, date_=m.date_)
        sib.sources, sib.index = m.sources, m.index
        used.add(p.start)
        out.append(sib)
    return out


def _refine(last: Mention | None, specific: list[PlaceMention], index: int) -> None:
    """A sentence that only adds where (في ضاحية مصر الجديدة) narrows the event just told
    to a district or facility of its town."""
    if last is None or last.place is None or not specific or index - last.index > 2:
        return
    town = last.place.place
    for p in specific:
        inner = p.place
        if inner.kind in ("district", "facility") and (
            inner.parent == town.name
            or (town.kind == "city" and km((town.lat, town.lon), (inner.lat, inner.lon)) <= 15)
        ):
            last.place = p
            return


_CAPITAL = regex.compile(r"(?<![\p{L}])(?:و|ف)?(?:ب|في\s+)?العاصمه(?![\p{L}])")


def _capital_mentions(
    text: str, places: list[PlaceMention], adjectives: list[Hit[str]], countries: Counter[str]
) -> list[PlaceMention]:
    """في العاصمة with no name after it: the capital of the country the article is about
    (العاصمة الليبية: of the country its adjective names)."""
    gaz = load_gazetteer()
    starts = {p.start for p in places}
    adj_at = {h.start: h.value for h in adjectives}
    extra = []
    for m in _CAPITAL.finditer(text):
        k = m.end() + 1
        iso3 = adj_at.get(k)
        after = next((h for h in adjectives if h.start == k), None)
        name_at = after.end + 1 if after is not None else k
        if name_at in starts or any(p.start in (name_at, name_at + 1) for p in places):
            continue  # العاصمة طرابلس: the name itself is the place
        iso3 = iso3 or (countries.most_common(1)[0][0] if countries else None)
        cap = gaz.national_capitals.get(iso3 or "")
        if cap is None:
            continue
        end = after.end if after is not None else m.end()
        start = m.end() - len("العاصمه")
        extra.append(PlaceMention(start, end, cap, False, f"capital of {iso3}: العاصمة", True))
    return sorted(places + extra, key=lambda p: p.start) if extra else places


def _same_country(place: PlaceMention, countries: set[str]) -> bool:
    """A sentence that names only other countries (في شمال شرق سوريا) is not about a place in
    the country of the event just told."""
    return not countries or place.place.iso3 in countries


def _family(m: Mention) -> str:
    """Fighting of any kind is one family: a roundup of fronts shares its day."""
    return "violence" if m.event_type in VIOLENT else m.event_type


def _frames(
    sent: Sentence,
    trig: list[Hit[Trigger]],
    blocks: list[Hit[tuple[str, str]]],
    tolls: list[Toll],
    s_dates: list[DateMention],
    text: str,
    s_actors: list[ActorMention] | None = None,
    prev_categories: frozenset[str] = frozenset(),
    lead: bool = True,
) -> list[Frame]:
    """Group a sentence's triggers into frames: one per clause that holds an event trigger."""
    frames: list[Frame] = []
    # وذلك غداة تبادل لإطلاق النار: an event named as a time reference is another event
    trig = [
        h
        for h in trig
        if not _REFERENCE.search(text, max(sent.start, h.word_start - 16), h.word_start)
        # في معاركه المصيرية: a battle that belongs to someone is a figure of speech
        and not (h.value.category == "clash" and text[h.end : h.word_end] in _POSSESSIVE)
    ]
    for c_start, c_end in sent.clauses:
        c_trig = [h for h in trig if c_start <= h.start < c_end]
        if not c_trig:
            continue
        anchors = [h for h in c_trig if h.value.strength in ("strong", "weak")]
        if not anchors:
            if frames:
                fr = frames[-1]
                for h in c_trig:
                    fr.categories.add(h.value.category)
                    if h.value.weapon:
                        fr.weapons.append(h.value.weapon)
            continue
        # منذ يونيو، منذ اندلاع …: the clause tells a running total or old background
        since = _SINCE.search(text, c_start, c_end) or _SINCE.match(text, sent.start)
        if since is not None or any(
            b.value[1] == "clause" and c_start <= b.start < c_end for b in blocks
        ):
            anchors = []
        # a threat, plan or speculation word next to a trigger cancels that trigger
        anchors = [
            h
            for h in anchors
            if not any(
                b.value[1] == "before" and h.start - 45 <= b.start < h.end + 20 for b in blocks
            )
        ]
        if not anchors:
            continue
        support = (
            any(c_start - 80 <= t.start <= c_end + 80 for t in tolls)
            # وأضافت المصادر أنهم طردوا أيضا …: the same kind of event as the one just told
            or any(h.value.category in prev_categories for h in anchors)
            or any(c_start - 40 <= d.start <= c_end + 40 for d in s_dates)
            # مسلحون اقتحموا …: an armed party in the clause makes a violent verb an event
            or any(
                c_start <= a.start < c_end
                and (
                    a.entry.kind == "unidentified"
                    # الجيش أوقف …: security forces make an arrest verb an arrest
                    or (
                        a.entry.kind in ("state", "state_generic")
                        and "arrest" in {h.value.category for h in anchors}
                    )
                )
                for a in (s_actors or [])
            )
        )
        strong = any(h.value.strength == "strong" for h in anchors)
        cats = {h.value.category for h in c_trig}
        toll_here = any(c_start - 80 <= t.start <= c_end + 80 for t in tolls)
        # الهجوم، الانفجار with nothing new: a reference to an event already told (after the
        # lead sentence even التفجير، الاشتباكات with no day and no figures of their own)
        own_day_here = any(c_start - 40 <= d.start <= c_end + 40 for d in s_dates)
        anaphoric = (
            (not strong or (not lead and not own_day_here))
            and not toll_here
            and all(_definite(text, h) for h in anchors)
        ) or all(
            # المسجد الذي وقع فيه التفجير: the event is only pointed at
            _definite(text, h)
            and bool(_RELATIVE_REF.search(text, max(sent.start, h.word_start - 24), h.word_start))
            for h in anchors
        )
        if (
            not strong
            and not support
            and not (cats & {"impact", "firearm"} and len(cats) > 1)
            and len({h.value.category for h in anchors}) < 2
            and not frames
            and not anaphoric
        ):
            # a weak trigger alone (هجوم، قذائف) with nothing to say it happened here
            continue
        anchor = next((h for h in anchors if h.value.strength == "strong"), anchors[0])
        if frames and _compatible(frames[-1], cats) and not _new_event(text, frames[-1], anchor):
            fr = frames[-1]
            fr.anaphoric = fr.anaphoric and anaphoric
        else:
            fr = Frame(anchor, anaphoric=anaphoric)
            frames.append(fr)
        fr.strong = fr.strong or strong
        fr.span = (
            (min(fr.span[0], c_start), max(fr.span[1], c_end)) if fr.span else (c_start, c_end)
        )
        fr.others.extend(h for h in anchors if h is not fr.anchor)
        fr.hits.extend(c_trig)
        for h in c_trig:
            fr.categories.add(h.value.category)
            if h.value.weapon:
                fr.weapons.append(h.value.weapon)
    return frames


def _definite(text: str, h: Hit[Trigger]) -> bool:
    """The trigger carries the article (الهجوم، بالانفجار, وللقصف)."""
    word = text[h.word_start : h.end]
    return "ال" in word[:4] or word.startswith("لل")


def _compatible(fr: Frame, cats: set[str]) -> bool:
    violent = {
        "clash",
        "explosion",
        "exchange",
        "air",
        "drone",
        "shelling",
        "ied",
        "suicide",
        "grenade",
        "attack",
        "kill",
        "chemical",
        "territory",
    }
    if fr.categories & violent and cats & violent:
        return True
    return bool(fr.categories & cats) or not (
        cats - {"impact", "firearm", "intervention", "weapon"}
    )


def _new_event(text: str, fr: Frame, anchor: Hit[Trigger]) -> bool:
    """A second clause describes another event when it has its own strong trigger of another kind."""
    return (
        anchor.value.strength == "strong"
        and anchor.value.category not in fr.categories
        and (
            anchor.value.category in {"arrest", "disrupt", "intercept", "protest", "abduction"}
            or bool(fr.categories & {"arrest", "disrupt", "intercept", "protest", "abduction"})
        )
    )


def _distance(it: PlaceMention, pos: int) -> float:
    return it.start - pos if it.start >= pos else (pos - it.end) * 1.5


def _nearest(items: list, pos: int, prefer_after: bool = False):  # type: ignore[no-untyped-def]
    best, best_d = None, 1e9
    for it in items:
        d = it.start - pos if it.start >= pos else (pos - it.end) * (1.5 if prefer_after else 1.0)
        if d < best_d:
            best, best_d = it, d
    return best


def _mention(
    fr: Frame,
    sent: Sentence,
    text: str,
    s_places: list[PlaceMention],
    s_dates: list[DateMention],
    tolls: list[Toll],
    s_actors: list[ActorMention],
    s_tokens: list[Token],
    last_place: PlaceMention | None,
) -> Mention | None:
    pos = fr.anchor.start
    territory = [h for h in fr.hits if h.value.category == "territory"]
    if territory and not any(
        0 <= p.start - h.end <= 40 or _SETTLEMENT_AFTER.match(text, h.end)
        for h in territory
        for p in s_places
    ):
        # سيطر / حرر take a place as object (حرر مدينة X); تحرير طفل مختطف is no territory
        fr.categories.discard("territory")
        if not fr.categories - {"impact", "firearm", "intervention", "weapon", "aircraft"}:
            return None
    actor_terr = _actor_side(fr, s_actors, text)
    fr.state_actor1 = actor_terr
    etype, sub, weapon = choose_type(fr, protest_victims=_protest_victims(fr, tolls))
    m = Mention(sent, fr, etype, sub, weapon)
    # place: the most specific place nearest the trigger; a province after a town is its container
    if s_places:
        # the place nearest the trigger among the specific ones introduced as places (في،
        # ب، قرب، مدينة …) and the provinces; a bare capital may stand for its government
        # (سمحت أنقرة); a province that holds a specific place of the sentence yields to it
        specific = [p for p in s_places if p.place.kind in ("city", "facility", "district")]
        provinces = [p for p in s_places if p.place.kind == "admin1"]
        pool = [p for p in specific if p.cued or p.place.kind != "city"] or specific
        town = _nearest(pool, pos, prefer_after=True)
        # تعرضت قاعدة القرية الخضراء في ريف دير الزور لقصف: the named facility is the target
        facilities = [p for p in pool if p.place.kind == "facility" and abs(p.start - pos) < 80]
        if facilities and town is not None and town.place.kind != "facility":
            town = _nearest(facilities, pos, prefer_after=True)
        province = _nearest(provinces, pos, prefer_after=True)
        # a province wins only when it is clearly closer to the trigger than any town
        m.place = town or province
        if (
            town is not None
            and province is not None
            and _distance(province, pos) + 25 < _distance(town, pos)
        ):
            m.place = province
        if m.place is not None and m.place.place.kind == "admin1":
            inside = [
                p
                for p in specific
                if p.place.admin1 == m.place.place.name and p.place.iso3 == m.place.place.iso3
            ]
            if inside:
                m.place = _nearest(inside, pos, prefer_after=True)
        # "القاعدة الواقعة في محافظة الأنبار": the province of the place just named
        if (
            m.place is not None
            and m.place.place.kind == "admin1"
            and last_place is not None
            and last_place.place.admin1 == m.place.place.name
            and last_place.place.kind != "admin1"
        ):
            m.place, m.inherited_place = last_place, True
    # date: the day expression nearest the trigger in the sentence
    if s_dates:
        # قال X، الأربعاء، إن …: a day before the complementizer dates the statement
        def statement_day(d: DateMention) -> bool:
            # قال X، الأربعاء، إن … / أكدت الشرطة اليوم …: the day of the statement
            return d.end <= pos and bool(
                (
                    _COMPLEMENTIZER.search(text, d.end, pos)
                    and SPEECH_BEFORE.search(text, sent.start, d.start)
                )
                or SPEECH_BEFORE.search(text, max(sent.start, d.start - 35), d.start)
            )

        usable = [d for d in s_dates if d.year_only is None]
        days = [d for d in usable if not statement_day(d)] or usable
        if not days or all(statement_day(d) for d in days):
            # only the statement's day: it dates the event when the sentence has no other
            days = [d for d in days if not _COMPLEMENTIZER.search(text, d.end, pos)] if days else []
        m.date_ = _nearest(days or [d for d in s_dates if d.year_only is not None], pos)
        if m.place is not None and m.place.start > pos:
            # استهدف أولهما الإثنين مجمعا في مطار بغداد: the day between trigger and place
            between = [d for d in days if pos <= d.start and d.end <= m.place.start]
            if between:
                m.date_ = between[-1]
    # casualties nearest the trigger, per field, from the frame's own clauses (a toll in
    # a clause about another event of the sentence is not this event's)
    lo, hi = fr.span or (sent.start, sent.end)
    own = [t for t in tolls if lo - 2 <= t.start < hi]
    if not own and fr.alone:
        own = [t for t in tolls if lo - 80 <= t.start < hi + 80]
    for f in ("fatalities", "injuries"):
        ts = [t for t in own if t.field == f]
        if ts:
            m.tolls.append(min(ts, key=lambda t: abs(t.start - pos)))
    # munitions: a precise count before a weapon word of the frame
    for i, t in enumerate(s_tokens):
        if t.start >= sent.start and any(
            w in t.text
            for w in ("قذائف", "صواريخ", "مقذوفات", "قذيفه", "صاروخ", "طائرات", "قنابل", "عبوات")
        ):
            mu = find_munitions(s_tokens, i)
            if mu is not None:
                m.munitions = mu
                break
    _roles(m, s_actors, text)
    return m


# منذ يونيو، منذ 15 عاما، ومنذ الهجوم: a running total or old background
_SINCE = regex.compile(
    r"(?<![\p{L}])و?منذ\s+(?:\d+\s+|[\p{L}]+\s+)?(?:عاما|اعوام|سنوات|سنه|شهرا|اشهر|شهور|"
    r"يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|الهجوم|هجوم|بدء|بدايه|مطلع|بدات|بدا|انطلاق|اندلاع)(?![\p{L}])"
)
_COMPLEMENTIZER = regex.compile(r"(?<![\p{L}])(?:ان|بان|انه|انها|بانه)(?![\p{L}])")


def _protest_victims(fr: Frame, tolls: list[Toll]) -> bool:
    return "protest" in fr.categories and any(
        t.field == "fatalities" and t.value > 0 for t in tolls
    )


def _actor_side(fr: Frame, s_actors: list[ActorMention], text: str) -> bool | None:
    """For territory changes: whether the side that took the place is the state."""
    if "territory" not in fr.categories:
        return None
    for a in s_actors:
        if a.start < fr.anchor.start + 60:
            return (
                a.entry.inter == 1
                or a.entry.kind in ("state", "state_generic")
                or "Popular Resistance" in a.entry.actor
            )
    return None


def _roles(m: Mention, s_actors: list[ActorMention], text: str) -> None:
    """actor1 (who acted) and actor2 (on whom) from position and markers around the trigger."""
    anchor = m.frame.anchor
    pos = anchor.start
    killing = anchor.value.category == "kill"
    for a in s_actors:
        if a.entry.kind in ("civilians", "protesters") and m.event_type not in (
            "Protests",
            "Riots",
        ):
            m.actors2.append((a, "victims"))
            continue
        before = text[max(0, a.start - 25) : a.start]
        if SPEECH.search(before) and m.event_type != "Strategic developments":
            continue  # وقال التحالف …: the speaker reports the attack, it did not make it
        if _SOURCE_CONTEXT.search(text, max(0, a.start - 40), a.start):
            continue  # وفق مصدر … في التحالف: a source's affiliation, not a party
        marker = next((k for k in AGENT_MARKERS if k in before), None)
        target = next(
            (k for k in TARGET_MARKERS if before.rstrip().endswith(k) or f" {k} " in before[-12:]),
            None,
        )
        partitive = bool(_PARTITIVE.search(before[-16:]))
        if marker:
            m.actors1.append((a, f"agent marker {marker}"))
        elif target:
            m.actors2.append((a, f"target marker {target}"))
        elif partitive and a.start > pos - 40:
            m.actors2.append((a, "victims counted from it (3 من أفراد الشرطة)"))
        elif a.start < pos and pos - a.end < 60 and not _COMPLEMENTIZER.search(text, a.end, pos):
            m.actors1.append((a, "subject before trigger"))
        elif killing and a.start > pos:
            m.actors2.append((a, "killed (passive قتل X)"))
        elif a.start > pos and a.start - anchor.end < 25:
            m.actors1.append((a, "subject after verb"))
        elif a.start > pos:
            m.actors2.append((a, "after trigger"))


_PARTITIVE = regex.compile(r"(?:\d+|[\p{L}]+)\s+من\s+(?:[\p{L}]+\s+)?$")


def _default_actors(ev: Event, m: Mention) -> None:
    if ev.event_type in VIOLENT and ev.actor1 is None:
        ev.actor1 = "Unidentified armed group"
        ev.inter1 = 3
    if ev.event_type == "Protests" and ev.actor1 is None:
        ev.actor1 = "Protesters"
        ev.inter1 = 6
    if ev.event_type == "Riots" and ev.actor1 is None:
        ev.actor1 = "Rioters"
        ev.inter1 = 5
    if ev.actor2 is None and (
        ev.event_type == "Violence against civilians"
        or (m.frame.civilians and not m.frame.security and ev.event_type in VIOLENT)
    ):
        ev.actor2 = "Civilians"
        ev.inter2 = 7
    if ev.actor2 is None and ev.event_type in VIOLENT and m.frame.security and ev.country:
        # a police station, a patrol, soldiers: the state forces of the event's country
        country = load_gazetteer().countries.get(ev.country)
        if country is not None:
            kind = "Police" if m.frame.police else "Military"
            ev.actor2, ev.inter2 = f"{kind} Forces of {country.name}", 1
            if ev.actor1 == ev.actor2:
                ev.actor1, ev.inter1 = "Unidentified armed group", 3
    if ev.sub_event_type in ("Arrests", "Disrupted weapons use") and ev.actor2 is None:
        ev.actor2 = "Unidentified armed group"
        ev.inter2 = 3


def _to_event(m: Mention, article: Article, main_country: str | None) -> Event | None:
    n = article.n
    pm = m.place
    if pm is None:
        return None
    place = geocode.coded_place(pm)
    s0, s1 = n.span(m.sentence.start, m.sentence.end)
    ev = Event(m.event_type, m.sub_event_type)
    ev.article_id, ev.outlet, ev.published, ev.url = (
        article.id,
        article.outlet,
        article.published,
        article.url,
    )
    ev.evidence, ev.evidence_span = n.original[s0:s1], (s0, s1)
    a = m.frame.anchor
    # who said what: every value read from this sentence carries its source
    said_by = m.sources[0].name if m.sources else article.outlet
    ev.cite(
        "event_type", _ev(n, a.start, a.end, f"trigger:{a.value.category}:{a.surface}", said_by)
    )
    ev.country, ev.admin1, ev.location = place.iso3, place.admin1, place.name
    ev.latitude, ev.longitude = place.lat, place.lon
    ev.geo_precision = geocode.precision(pm)
    ev.cite(
        "location",
        _ev(n, pm.start, pm.end, pm.rule + (" (inherited)" if m.inherited_place else "")),
    )
    if m.date_ is not None and m.date_.future:
        return None  # تنظر المحكمة غدا: announced, not happened
    if m.date_ is not None and m.date_.day is not None:
        ev.event_date, ev.time_precision = m.date_.day, m.date_.precision
        ev.cite("event_date", _ev(n, m.date_.start, m.date_.end, f"date:{m.date_.rule}"))
    elif m.date_ is not None and m.date_.year_only is not None:
        return (
            None
            if article.published and m.date_.year_only < article.published.year
            else _undated(ev, article)
        )
    else:
        _undated(ev, article)
    for t in m.tolls:
        setattr(ev, t.field, t.value)
        ev.cite(t.field, _ev(n, t.start, t.end, f"toll:{t.rule}", said_by))
    if m.munitions:
        ev.munitions = m.munitions[0]
        ev.cite("munitions", _ev(n, m.munitions[1], m.munitions[2], "count before weapon", said_by))
    ev.weapon = m.weapon
    country = ev.country or main_country
    for role, lst in (("actor1", m.actors1), ("actor2", m.actors2)):
        for am, rule in lst:
            name = state_actor(am, country)
            if name is None or (role == "actor2" and name == ev.actor1):
                continue
            name = _coalition(name, am, country)
            if getattr(ev, role) is None:
                setattr(ev, role, name)
                setattr(ev, "inter1" if role == "actor1" else "inter2", am.entry.inter)
                ev.cite(role, _ev(n, am.start, am.end, f"actor:{am.surface}:{rule}", said_by))
    _default_actors(ev, m)
    ev.sources = [s.name for s in m.sources]
    first = m.sources[0] if m.sources else None
    name = first.name if first else (article.outlet or "the outlet")
    kind = claims.source_kind(first.rule) if first else "outlet"

    def claim(field: str, value: object, start: int, end: int) -> None:
        a, b = n.span(start, end)
        ev.claims.append(
            Claim(field, value, name, kind, article.outlet, article.id, a, b, n.original[a:b])
        )

    for t in m.tolls:
        claim(t.field, t.value, t.start, t.end)
    if m.munitions:
        claim("munitions", m.munitions[0], m.munitions[1], m.munitions[2])
    ev.claims.extend(
        claims.sentence_claims(
            n,
            m.sentence.start,
            m.sentence.end,
            name,
            kind,
            article.outlet,
            article.id,
            [
                (am.start, state_actor(am, country) or am.entry.actor)
                for am, _ in m.actors1 + m.actors2
            ],
        )
    )
    for s in m.sources:
        if s.start >= 0:
            ev.cite("sources", _ev(n, s.start, s.end, f"source:{s.rule}"))
    return ev


def _coalition(name: str, am: ActorMention, country: str | None) -> str:
    """التحالف alone: the Saudi-led coalition in Yemen, the US-led one elsewhere."""
    if am.entry.kind != "ambiguous_coalition":
        return name
    return "Saudi-led coalition" if country in ("YEM", "SAU") else "Coalition forces"


def _undated(ev: Event, article: Article) -> Event:
    # the article's own news with no day word: the publication day (SPEC)
    if article.published is not None:
        ev.event_date, ev.time_precision = article.published, 1
    else:
        ev.event_date, ev.time_precision = None, 1
    ev.cite(
        "event_date",
        Evidence(-1, -1, "", "default: publication date" if article.published else "unknown"),
    )
    return ev


def _ev(n: Normalized, start: int, end: int, rule: str, source: str | None = None) -> Evidence:
    a, b = n.span(start, end)
    return Evidence(a, b, n.original[a:b], rule, source)


def _keep(ev: Event, pub: date | None) -> bool:
    if pub is None or ev.event_date is None:
        return True
    if ev.event_date > pub + timedelta(days=1):
        return False  # a future or planned event
    return (pub - ev.event_date).days <= BACKGROUND_DAYS


def extract(
    text: str, published: date | None = None, outlet: str | None = None, id: str = "doc"
) -> list[Event]:
    """Events in one Arabic article."""
    return extract_article(Article(id=id, text=text, published=published, outlet=outlet))
