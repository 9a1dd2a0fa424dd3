"""Choosing which place a name refers to, and how precisely an event is placed.

A name may belong to many places (GeoNames holds several بيت لحم). The choice weighs
the countries and provinces the article names, the place's population and kind, and
refuses names that are common words unless a settlement word introduces them.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass, field, replace
from typing import Protocol

import regex

from rasd.extraction.spans import distance, nearest
from rasd.extraction.speech import speech
from rasd.extraction.triggers import Trigger, lexicon
from rasd.gazetteer import Gazetteer, Place, load, sea_coasts
from rasd.geo import km
from rasd.resources import Resources, resources, split_forms
from rasd.settings import SETTINGS
from rasd.text.matcher import Hit
from rasd.text.normalize import key
from rasd.text.words import alternation, clitics, grammar


@dataclass(frozen=True)
class _Patterns:
    core: frozenset[str]  # where Arabic conflict news mostly happens: a prior for ambiguous names
    prepositions: frozenset[str]  # words before a place name that make it the event's place
    movement: regex.Pattern[str]  # قبل أن تعود إلى قاعدة …: where planes came from, not the target
    launched: regex.Pattern[str]  # aircraft or missiles from a base: where they came from
    base_word: regex.Pattern[str]  # a base or airport word at the start of a name
    fired_from: regex.Pattern[str]  # shelling from their positions in …: where fire came from
    visit: regex.Pattern[str]  # بعد زيارة رئيس الوزراء إلى موسكو: where someone went, not the event
    distance: regex.Pattern[str]  # تبعد 620 كلم من باماكو: a yardstick, not the place
    capital: regex.Pattern[str]  # في العاصمة with no name after it
    reception: regex.Pattern[str]  # استقبال الجرحى في مستشفى …: where victims were taken
    river: regex.Pattern[str]  # سد النهضة على النيل الأزرق: a dam's river, not a place
    reporter: regex.Pattern[str]  # أفاد مراسلنا في أربيل: where the reporter is
    support: regex.Pattern[str]  # دعما لغزة، تضامنا مع غزة: whom the act stands for
    origin: regex.Pattern[str]  # ينحدر من مدينة الزنتان: where a person comes from
    toward: regex.Pattern[str]  # … من (مدينة صعدة) باتجاه: the name before a direction
    taken: regex.Pattern[str]  # سيطرت القوات على …: the preposition a territory verb takes
    listed: regex.Pattern[str]  # مديريات شدا وباقم …: a name further on in a headed list
    capital_word: str  # as written in grammar.yaml, for the rule label


def _patterns(res: Resources) -> _Patterns:
    g = grammar
    conj = alternation(clitics().conjunctions)
    movement = (
        alternation(g("movement_verbs"))
        + r"\s+"
        + alternation(g("movement_prepositions"))
        + r"\s+(?:"
        + alternation(g("movement_places"))
        + r"\s+)?$"
    )
    distance = (
        alternation(g("distance_units"))
        + r"\s+(?:"
        + alternation(g("distance_prepositions"))
        + r"|(?:\p{L}+\s+){0,2}"
        + alternation(g("distance_directions"))
        + rf"(?:\s+{alternation(g('capital'))})?)"
    )
    capital = alternation(g("capital"))
    chains = alternation((clitics().article_chains | clitics().bare_chains) - {""})
    return _Patterns(
        core=frozenset(r["iso3"] for r in res.tsv("gazetteer/countries.tsv") if r.get("core")),
        prepositions=frozenset(g("place_prepositions")),
        movement=regex.compile(movement),
        launched=regex.compile(
            rf"(?<!\p{{L}}){chains}?{alternation(g('munition_nouns'))}(?:\s+\S+){{0,3}}\s+"
            rf"{alternation(g('launch_prepositions'))}\s+{alternation(g('launch_places'))}\s+$"
        ),
        base_word=regex.compile(rf"{alternation(g('launch_places'))}\s+"),
        # up to three words of the list of places after «في» (في الجراحي وجبل راس), none
        # of them a preposition of the target (على، إلى، نحو …)
        fired_from=regex.compile(
            rf"(?<!\p{{L}}){chains}?{alternation(g('fire_words') + g('munition_nouns'))}"
            rf"(?:\s+\S+){{0,4}}\s+{alternation(g('launch_prepositions'))}\s+"
            rf"{alternation(g('fire_positions'))}\s+(?:{alternation(g('position_links'))}\s+)?"
            rf"(?:(?!{alternation(g('target_prepositions'))}\s)[^\s.\u060c\u061b]+\s+){{0,3}}?$"
        ),
        visit=regex.compile(
            rf"(?<!\p{{L}}){alternation(g('visit_words'))}(?:\s+\S+){{0,5}}\s+"
            rf"{alternation(g('visit_prepositions'))}\s+$"
        ),
        distance=regex.compile(distance + r"\s*$"),
        capital=regex.compile(
            rf"(?<![\p{{L}}]){conj}?(?:ب|في\s+)?(?P<cap>{capital})(?![\p{{L}}])"
            rf"(?!\s+{alternation(g('capital_qualifiers'))})"
        ),
        capital_word=res.yaml("lexicon/grammar.yaml")["capital"][0],
        reception=regex.compile(alternation(g("reception_words"))),
        river=regex.compile(
            rf"(?<![\p{{L}}]){alternation(g('dams'))}(?:\s+[\p{{L}}]+){{0,2}}\s+"
            + alternation(g("dam_prepositions"))
            + r"\s*$"
        ),
        # the reporter and up to three words of his outlet, then في or a clitic ب
        reporter=regex.compile(
            rf"(?<!\p{{L}})[وف]?{alternation(g('reporter_words'))}"
            rf"(?:\s+(?!{alternation(g('complementizers'))}(?!\p{{L}}))[^\s.،؛]+){{0,3}}"
            r"\s+(?:في\s+)?$"
        ),
        # where a person comes from (ينتمي إلى، ينحدر من), a settlement word between
        origin=regex.compile(
            rf"(?<!\p{{L}})[\u0648\u0641]?{alternation(g('origin_words'))}\s+"
            rf"(?:{alternation(g('place_gap_nouns'))}\s+)?$"
        ),
        toward=regex.compile(
            rf"[\s)»\"]*(?:\p{{L}}+\s+){{0,2}}?{alternation(g('direction_words'))}(?!\p{{L}})"
        ),
        listed=_list_pattern(),
        # the verb, up to four words of its subject, then its preposition
        taken=regex.compile(
            rf"(?:\s+[^\s.،؛]+){{0,4}}?\s+{alternation(g('territory_prepositions'))}(?!\p{{L}})"
        ),
        # a word of support, up to three words (no في), then ل on the name, مع or لكل من
        support=regex.compile(
            rf"(?<!\p{{L}})[وبف]?{alternation(g('support_words'))}"
            rf"(?:\s+(?!في(?!\p{{L}}))[^\s.،؛]+){{0,3}}?"
            rf"(?:\s+(?:{alternation(g('support_links'))}))?\s+$"
        ),
    )


def _list_pattern() -> regex.Pattern[str]:
    """A plural or dual settlement word and one to four names after it (one or two words
    each, the second not beginning with و), each followed by a comma or a space: what
    stands before a further name of the list."""
    item = r"[^\s.\u060c,\u061b]+(?:\s+(?!\u0648)[^\s.\u060c,\u061b]+)?"
    sep = r"(?:\s*[\u060c,]\s*|\s+)"
    return regex.compile(
        rf"(?<!\p{{L}})(?P<head>{alternation(grammar('list_heads'))})\s+{item}"
        rf"(?:{sep}\u0648?{item}){{0,3}}(?P<sep>{sep})$"
    )


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    near: bool  # قرب X، شمال X …: the event is near / part of the place
    rule: str
    cued: bool = True  # introduced by في، ب، قرب or a settlement word (not a bare subject)
    area: bool = False  # ريف X، ضواحي X: the country around X, where the sentence may name a town
    located: bool = False  # told with «in» (في X، بX): where something is or happens


def _cue_before(text: str, start: int, cue_ends: set[int]) -> bool:
    """A settlement word, preposition or proclitic ب/في right before the name."""
    j = start
    while j > 0 and text[j - 1] != " " and j > start - 3:
        j -= 1
    c = clitics()
    if j < start and text[j:start] in c.place_chains:
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
    preps = resources().get(_patterns).prepositions
    # one conjunction at most: ففي (ف + في) is في, not a stripped ي
    return prev in preps or (prev[:1] in c.conjunctions and prev[1:] in preps)


def context_countries(hits: list[Hit[tuple[Place, ...]]], adjectives: list[str]) -> Counter[str]:
    """How strongly the article points at each country: its name and adjective, its
    provinces and facilities, and towns big enough to be sure of (a village that shares
    its name with a word or a town elsewhere says little)."""
    c: Counter[str] = Counter(adjectives)
    for h in hits:
        c.update(_vouches(h))
    return c


def _vouches(h: Hit[tuple[Place, ...]]) -> Counter[str]:
    """What one name says of the article's country (read once per gazetteer entry: the
    places of a name are one lasting tuple; the Counter is shared: read it, never change it)."""
    known = _VOUCHED.get(id(h.value))
    if known is not None and known[0] is h.value:
        return known[1]
    said = _vouch(h.value)
    if len(_VOUCHED) >= 100_000:
        _VOUCHED.clear()
    _VOUCHED[id(h.value)] = (h.value, said)
    return said


_VOUCHED: dict[int, tuple[tuple[Place, ...], Counter[str]]] = {}


def _vouch(places: tuple[Place, ...]) -> Counter[str]:
    # لبنان is Lebanon even though towns in the USA share the name
    country = next((p.iso3 for p in places if p.kind == "country"), None)
    if country is not None:
        return Counter({country: 2})
    isos = {p.iso3 for p in places}
    if len(isos) != 1 or any(p.kind == "sea" for p in places):
        return Counter()  # a sea names no country of its own
    if any(p.kind in ("country", "admin1", "facility") for p in places):
        return Counter({next(iter(isos)): 2})
    if any(p.population >= SURE_TOWN for p in places):
        return Counter({next(iter(isos)): 1})
    return Counter()


SURE_TOWN = 50_000  # inhabitants: a town this big points at its country


@dataclass(frozen=True)
class _Reading:
    """How the text introduces one name."""

    surface: str
    intro: bool  # after or inside a settlement word (مدينة، قرية، مديرية)
    cue: bool  # after a preposition, a settlement word or an attack noun
    division_word: bool  # after محافظة، ولاية، منطقة
    district_word: bool  # after or beginning with مديرية، قضاء، ناحية
    construct: bool = False  # right after an event noun, no clitic: هجوم نيس، تفجير مانشستر
    quarter_word: bool = False  # after حي: a quarter's name, whatever else it names


@dataclass(frozen=True)
class _Context:
    countries: Counter[str]
    by_name: dict[str, Counter[str]]  # what each name itself adds to `countries`
    total: int  # how much country context the article has
    admin1s: set[tuple[str, str]]  # (iso3, province) named in the article
    core: frozenset[str]
    spelled_back: frozenset[tuple[str, str]]
    # provinces named by a name they share with their seat (الحسكة): a village of one is
    # likelier than a namesake elsewhere
    seat_provinces: frozenset[tuple[str, str]]


def resolve(
    text: str,
    hits: list[Hit[tuple[Place, ...]]],
    countries: Counter[str],
    admin1s: set[tuple[str, str]],
    cues: PlaceCues,
    seats: set[tuple[str, str]],
) -> list[PlaceMention]:
    """One place per name found in the text, or none when the name is only a word here."""
    out: list[PlaceMention] = []
    pools: list[tuple[Place, ...]] = []  # admissible readings
    gaz = load()
    by_name = _vouched_by_name(hits)
    ctx = _Context(
        countries,
        by_name,
        sum(countries.values()),
        admin1s,
        resources().get(_patterns).core,
        gaz.spelled_back,
        frozenset(seats),
    )
    cued_end = -1  # where the last place taken ends
    for i, h in enumerate(hits):
        reading = _read(text, h, cues, gaz.common)
        if reading is None:
            continue
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        inside = _inside_container(text, h, nxt)
        if inside is None and reading.quarter_word:
            # the town after it, past mere words (بمدينة حلب: not Medina; حي الشرطة بالعاصمة)
            town = next((x for x in hits[i + 1 :] if x.surface not in gaz.common), None)
            inside = _in_town(text, h, town)
        if inside is not None and not inside:
            continue  # النخيلة بالمسيمير: only namesakes elsewhere; the district places it
        if inside is None and _in_foreign_town(text, h, hits[i + 1 : i + 4], gaz.common):
            continue  # بين منطقتي (المهدية) و(الماسورة) بمدينة رفح: not Tunisia's Mahdia
        listed_kind = None
        if _listed_after(text, cued_end, h):
            # بينها الموصل ومخمور والفلوجة: a list of places, each introduced as one
            reading = replace(reading, cue=True)
            if out and not out[-1].cued:
                out[-1] = replace(out[-1], cued=True)
            # بكل من البليدة وبومرداس: a name listed after a town is a town, after a
            # province a province (محافظات صعدة والحديدة), when it names both
            listed_kind = out[-1].place.kind if out else None
        # طرابلس اللبنانية، موقع المالكية الإسرائيلي: the nisba right after names the country
        nisba = cues.adjective_at.get(h.word_end + 1)
        own = _of_country(h, nisba) if nisba else []
        # القنيطرة names a Syrian province and a Moroccan city: a name that is also a
        # province of its country is read in that country first
        provinces = {p.iso3 for p in h.value if p.kind == "admin1"}
        scored = [
            (
                _score(p, reading, ctx)
                + (1.0 if p.iso3 in provinces else 0.0)
                + (2.0 if listed_kind in ("city", "admin1") and p.kind == listed_kind else 0.0),
                p,
            )
            for p in own or inside or h.value
            if own or inside or (_admissible(p, reading, ctx) and not _abroad(p, h, reading))
        ]
        if not scored:
            continue
        scored = _without_small_namesakes(_in_seat_provinces(scored, h, ctx), ctx)
        best = max(scored, key=lambda sp: sp[0])[1]  # the first of equal scores
        # قرب مدينة تكريت: the near word may stand before the settlement word
        prev = _end_before(text, h.start)
        near = prev in cues.near_ends or (
            reading.intro and _end_before(text, _word_start(text, prev)) in cues.near_ends
        )
        area = near and _area_word(text, prev)
        rule = f"gazetteer:{best.kind}:{h.surface}"
        out.append(PlaceMention(h.start, h.end, best, near, rule, reading.cue, area, _in(text, h)))
        pools.append(tuple(p for _, p in scored))
        cued_end = h.end
    return _listed_countries(text, _by_reference(out, pools))


# what joins two names of a list: a comma and/or «و» (the و written on the next name)
_LIST_JOIN = regex.compile(r"^[ \t]*\u060c?[ \t]*\u0648?$")


def _listed_countries(text: str, out: list[PlaceMention]) -> list[PlaceMention]:
    """انهم من تونس والجزائر والمغرب: a capital written like its country (تونس، الجزائر)
    listed beside a country is that country, as the names after it are."""
    for i in range(len(out) - 1, -1, -1):
        pm = out[i]
        country = _homonym_country(pm) if pm.place.kind != "country" else None
        if country is None:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        prev = out[i - 1] if i else None
        listed = (
            nxt is not None
            and nxt.place.kind == "country"
            and _LIST_JOIN.match(text[pm.end : nxt.start]) is not None
        ) or (
            prev is not None
            and prev.place.kind == "country"
            and _LIST_JOIN.match(text[prev.end : pm.start]) is not None
        )
        if listed:
            surface = pm.rule.rsplit(":", 1)[-1]
            out[i] = replace(pm, place=country, rule=f"gazetteer:country:{surface}")
    return out


def _in(text: str, h: Hit[tuple[Place, ...]]) -> bool:
    """في محافظة لحج، بمحافظة لحج: the name is told as where something is (not لمحافظة
    لحج, بين محافظتي لحج وتعز)."""
    before = text[max(0, h.word_start - 6) : h.word_start].split()
    return _by_locative_clitic(text, h) or _last_word_in(before, grammar("locative_words"))


def _by_locative_clitic(text: str, h: Hit[tuple[Place, ...]]) -> bool:
    """فندق بالقدس، بمحافظة لحج: a clitic preposition of place on the name."""
    return text[h.word_start : h.start].endswith(tuple(grammar("locative_clitics")))


def _last_word_in(before: list[str], words: Set[str] | tuple[str, ...]) -> bool:
    """Whether the last of the words before a name is one of `words`, bare or with one
    clitic (وفي، لرفض)."""
    return bool(before) and (before[-1] in words or before[-1][1:] in words)


def _vouched_by_name(hits: list[Hit[tuple[Place, ...]]]) -> dict[str, Counter[str]]:
    by_name: dict[str, Counter[str]] = {}
    for h in hits:
        by_name.setdefault(h.surface, Counter()).update(_vouches(h))
    return by_name


def _by_reference(out: list[PlaceMention], pools: list[tuple[Place, ...]]) -> list[PlaceMention]:
    """قرية دوما جنوب نابلس: a name located by a near word and a place right after it is
    the namesake near that place (the West Bank village, not the Syrian town), when its
    first reading lies far from it."""
    limit = SETTINGS.reference_namesake_km
    for i, pm in enumerate(out):
        ref = out[i + 1] if i + 1 < len(out) else None
        if (
            ref is None
            or not ref.near
            or not 0 < ref.start - pm.end <= SETTINGS.reference_gap
            or pm.place.kind != "city"
        ):
            continue
        at = (ref.place.lat, ref.place.lon)
        close = [p for p in pools[i] if p.kind == "city" and km((p.lat, p.lon), at) <= limit]
        if close and km((pm.place.lat, pm.place.lon), at) > limit:
            best = max(close, key=lambda p: p.population)
            out[i] = replace(pm, place=best, rule=f"{pm.rule} (near the place after it)")
    return out


def _in_seat_provinces(
    scored: list[tuple[float, Place]], h: Hit[tuple[Place, ...]], ctx: _Context
) -> list[tuple[float, Place]]:
    """رأس العين بريف الحسكة: among namesakes of no great size, the one in a province the
    article names through its seat scores higher."""
    if max(p.population for p in h.value) >= SETTINGS.construct_city_population:
        return scored
    return [
        (sc + (1.0 if (p.iso3, p.admin1 or "") in ctx.seat_provinces else 0.0), p)
        for sc, p in scored
    ]


def _inside_container(
    text: str, h: Hit[tuple[Place, ...]], nxt: Hit[tuple[Place, ...]] | None
) -> list[Place] | None:
    """منطقة النخيلة بالمسيمير في لحج: when the next name is a province or district that
    holds this one (grammar.yaml `container_links` between), this name's towns inside it
    (same province, or within 75 km when the town's province is unknown); None when no
    container follows."""
    if nxt is None or not all(p.kind in ("city", "admin2") for p in h.value):
        return None
    if any(p.kind == "country" for p in nxt.value):
        return None  # في منطقة بيان في الكويت: the country, not its capital's province
    between = " ".join(text[h.word_end : nxt.start].split())
    if between not in grammar("container_links"):
        return None
    # a holder in a country none of this name's places is in tells nothing (الحسينية is a
    # district of Egypt too)
    countries = {p.iso3 for p in h.value}
    holders = [p for p in nxt.value if p.kind in ("admin1", "admin2") and p.iso3 in countries]
    if not holders:
        return None
    provinces = {(p.iso3, p.admin1) for p in holders}
    return [
        p
        for p in h.value
        if (p.iso3, p.admin1) in provinces
        or (p.admin1 is None and any(km((p.lat, p.lon), (q.lat, q.lon)) <= 75 for q in holders))
    ]


def _in_foreign_town(
    text: str, h: Hit[tuple[Place, ...]], nxt: list[Hit[tuple[Place, ...]]], common: Set[str]
) -> bool:
    """A name told as inside a town that follows (grammar.yaml `town_word_links`, past one
    more listed name: منطقتي (المهدية) و(الماسورة) بمدينة رفح) that has no reading in the
    town's country: a quarter of the town the gazetteer lacks, not a namesake abroad."""
    # only a link that names the town as one (بمدينة، في مدينة): after a bare ب the next
    # name may be a misreading itself (بالساحل الغربي)
    pattern = resources().get(_town_word_link)
    for town in [x for x in nxt if x.surface not in common][:2]:
        towns = [p for p in town.value if p.kind == "city"]
        if town.start - h.end > 40 or not towns:
            continue
        if pattern.match(text[h.word_end : town.start]):
            return not {p.iso3 for p in h.value} & {p.iso3 for p in towns} and not any(
                km((p.lat, p.lon), (q.lat, q.lon)) <= SETTINGS.quarter_km
                for p in h.value
                for q in towns
            )
    return False


def _town_word_link(res: Resources) -> regex.Pattern[str]:
    links = alternation(grammar("town_word_links"))
    return regex.compile(rf"^[\s()\"«»]*(?:\u0648[\s(«\"]*\p{{L}}+[\s)»\"]*)?(?:{links})[\s(«\"]*$")


def _area_word(text: str, end: int) -> bool:
    """Whether the word ending at `end` names the country around a place (ريف، بريف، ضواحي)."""
    word = text[_word_start(text, end) : end]
    return word in grammar("area_words")


def _in_town(
    text: str, h: Hit[tuple[Place, ...]], nxt: Hit[tuple[Place, ...]] | None
) -> list[Place] | None:
    """حي التأميم في الرمادي: a quarter's name followed by the town it is in (grammar.yaml
    `town_links` between) is one of that town's places; None when no town follows."""
    if nxt is None:
        return None
    between = " ".join(text[h.word_end : nxt.start].split())
    towns = [p for p in nxt.value if p.kind == "city"]
    if not towns or between not in grammar("town_links"):
        return None
    return [
        p
        for p in h.value
        if p.kind in ("city", "admin2", "district")
        and any(km((p.lat, p.lon), (q.lat, q.lon)) <= SETTINGS.quarter_km for q in towns)
    ]


def _of_country(h: Hit[tuple[Place, ...]], iso3: str) -> list[Place]:
    """The places of a name in one country; a name written with the article (المالكية)
    also finds that country's places listed without it (مالكية)."""
    own = [p for p in h.value if p.iso3 == iso3 and p.kind != "country"]
    article = grammar("definite_article")[0]
    if own or not h.surface.startswith(article):
        return own
    return [p for p in _named(h.surface[len(article) :]) if p.iso3 == iso3 and p.kind != "country"]


def _named(name: str) -> list[Place]:
    """The places whose name is all of `name` (a matching key)."""
    return [p for h in load().find(name) if h.start == 0 and h.end == len(name) for p in h.value]


def _without_small_namesakes(
    scored: list[tuple[float, Place]], ctx: _Context
) -> list[tuple[float, Place]]:
    """Amsterdam is the Dutch city, not Amsterdam in New York state, even in a story about
    American tourists: a town twenty times smaller than a city of half a million of the
    same name, outside the region rasd covers, is read only when the article names its
    province. (In the region the article's country decides: الرباط in a Yemeni story is a
    Yemeni village, not Morocco's capital.)"""
    biggest = max(p.population for _, p in scored)
    if biggest < SETTINGS.major_city_population:
        return scored
    return [
        (sc, p)
        for sc, p in scored
        if p.kind != "city"
        or p.population * 20 >= biggest
        or p.iso3 in ctx.core
        or (p.iso3, p.admin1 or "") in ctx.admin1s
    ]


def _listed_after(text: str, end: int, h: Hit[tuple[Place, ...]]) -> bool:
    """The name follows the place that ends at `end` in a list: «X وY» or «X، Y»."""
    if end < 0:
        return False
    return text[end : h.start] in (" و", "، ", "،", ", ", " ، ", "، و", "،و")


def _read(
    text: str, h: Hit[tuple[Place, ...]], cues: PlaceCues, common: frozenset[str]
) -> _Reading | None:
    """How the text introduces the name; None when it is no place name here."""
    pats = resources().get(_patterns)
    prev = _end_before(text, h.start)
    if text[h.word_start : h.start].endswith(tuple(grammar("comparison_clitics"))):
        return None  # كسبها is "winning it", not ك + Sabha; كبغداد compares
    if (h.start, h.end) in cues.adjective_spans and not _governed(text, h, prev, cues):
        return None  # الهندية is "Indian" before it is Al-Hindiyah
    head = cues.heads.get(h.start)  # the name itself begins with مديرية، قضاء …
    listed = _list_head(text, h, pats)  # مديريات شدا وباقم: باقم is a district too
    if listed == "district":
        head = "district"
    intro = prev in cues.settlement_ends or head == "district"
    if text[h.word_start : h.word_end] in common and not intro:
        return None  # وكالة is a word, not و + Calais
    intro = intro or listed is not None
    before_intro = _end_before(text, _word_start(text, prev)) if intro else -1
    # فندق بيبلوس names a hotel; فندق بالقدس، عملية بالخليل is one in a place
    located = _by_locative_clitic(text, h)
    if (
        (prev in cues.establishment_ends and not located)
        or before_intro in cues.establishment_ends
        or pats.distance.search(text, max(0, h.word_start - 60), h.word_start)
        # قبل أن تعود إلى قاعدة ديار بكر: where the planes came from, not the target
        or pats.movement.search(text, max(0, h.word_start - 30), h.word_start)
        or _launch_base(text, h, pats)
        or pats.visit.search(text, max(0, h.word_start - 80), h.word_start)
        or pats.river.search(text, max(0, h.word_start - 40), h.word_start)
        or pats.origin.search(text, max(0, h.word_start - 40), h.word_start)
        or _fired_toward(text, h, pats)
        or _reporter_place(text, h, pats)
        or _supported_place(text, h, pats)
        or (
            all(p.kind == "facility" for p in h.value)
            and pats.reception.search(text, max(0, h.word_start - 60), h.word_start)
        )
    ):
        return None  # فندق بيبلوس names a hotel; تبعد 620 كلم من باماكو is a yardstick
    if h.surface in common and not intro:
        return None  # بيان، المصدر: a word first; قرية بيان is a place
    if _head_of_longer_name(text, h):
        return None  # منطقة وادي الحجر: a valley's name, not El Oued
    if (
        h.surface.split()[0] in grammar("kinship_heads")
        and not intro
        and not h.word_start < h.start  # بابن، وبن: a clitic makes it a place word
        and prev not in cues.preposition_ends | cues.trigger_ends | cues.near_ends
    ):
        return None  # يوسف بن أحمد العثيمين: a man's name, not Ben Ahmed (على طريق بنت جبيل is)
    # (بسيدي بوزيد after «ابن خلدون»: with ب on it the name is a place again)
    if not intro and not located and _in_lineage(text, h.word_start):
        return None  # صالح بن سعيد بن سالم الأحمدي: a family name, not Al Ahmadi
    if _government(text, h):
        return None  # اعتبرت تل أبيب، قالت أنقرة: the government speaks
    if _told_to(text, h):
        return None  # قالت مصادر لـ«الرياض»: a newspaper named after its city
    cue_ends = cues.settlement_ends | cues.near_ends | cues.trigger_ends | cues.taken_ends
    return _Reading(
        h.surface,
        intro,
        intro or _cue_before(text, h.start, cue_ends),
        prev in cues.division_ends,
        prev in cues.district_ends or head == "district",
        prev in cues.trigger_ends and h.word_start == h.start,
        prev in cues.quarter_ends or head == "quarter",
    )


def _list_head(text: str, h: Hit[tuple[Place, ...]], pats: _Patterns) -> str | None:
    """The kind of the plural or dual settlement word heading the list the name goes on
    (قرى الزيادية وكفرنبودة والهبيط: "settlement"; مديريات …: "district"), or None when
    the name is no later item of such a list."""
    m = pats.listed.search(text, max(0, h.word_start - 80), h.word_start)
    if m is None or not (text[h.word_start] == "\u0648" or "\u060c" in m.group("sep")):
        return None  # a list goes on with و or a comma
    if h.surface in grammar("generic_regions"):
        return None  # بلدات الغوطتين الغربية والشرقية: a direction, not a town
    return "district" if m.group("head") in grammar("district_list_heads") else "settlement"


def _launch_base(text: str, h: Hit[tuple[Place, ...]], pats: _Patterns) -> bool:
    """طائرات حربية من قاعدة حميميم، صواريخ من مطار …، قصف المدينة من مواقعهم في …: the
    base or the positions the aircraft, missiles or fire came from, not the place they
    struck. The base word may be the name's own head."""
    head = pats.base_word.match(text, h.word_start)
    start = head.end() if head else h.word_start  # the name begins with its base word
    return bool(
        pats.launched.search(text, max(0, h.word_start - 60), start)
        or pats.fired_from.search(text, max(0, h.word_start - 90), h.word_start)
    )


def _fired_toward(text: str, h: Hit[tuple[Place, ...]], pats: _Patterns) -> bool:
    """أطلق صاروخ … من (مدينة صعدة) باتجاه أراضي المملكة: a name after «من» (and a
    settlement word) with a direction word right after it (grammar.yaml direction_words) is
    where the fire or the move came from, not where it went."""
    if pats.toward.match(text, h.word_end) is None:
        return False
    before = text[max(0, h.word_start - 30) : h.word_start].split()
    if len(before) > 1 and before[-1].lstrip('(«"') in grammar("place_gap_nouns"):
        before = before[:-1]
    return (
        bool(before)
        and before[-1].lstrip("\u0648") in grammar("launch_prepositions")  # من, ومن
        and not (len(before) > 1 and before[-2] in grammar("road_words"))
    )


def _reporter_place(text: str, h: Hit[tuple[Place, ...]], pats: _Patterns) -> bool:
    """وفق ما أفاد مراسل "سكاي نيوز عربية" في أربيل، مراسلنا بالموصل: the place the
    reporter writes from, not where the event happened."""
    m = pats.reporter.search(text, max(0, h.word_start - 60), h.word_start)
    if m is None:
        return False
    return m.group().rstrip().endswith("في") or text[h.word_start : h.start].endswith("ب")


def _supported_place(text: str, h: Hit[tuple[Place, ...]], pats: _Patterns) -> bool:
    """دعما لغزة، تضامنا مع الفلسطينيين في غزة، عمليات دعم مستمرة لكل من غزة ولبنان: the
    place an act stands for, not where it happened."""
    m = pats.support.search(text, max(0, h.word_start - 50), h.word_start)
    if m is None:
        return False
    last = m.group().split()[-1]
    return last in grammar("support_links") or text[h.word_start : h.start].endswith("ل")


def _told_to(text: str, h: Hit[tuple[Place, ...]]) -> bool:
    """The name stands in quotes right after «لـ» (told to the newspaper of that name)."""
    before = text[max(0, h.word_start - 4) : h.word_start].rstrip()
    if not before or before[-1] not in grammar("quotes"):
        return False
    if not text[h.word_end : h.word_end + 1] or text[h.word_end] not in grammar("quotes"):
        return False
    return before[:-1].rstrip().endswith(grammar("told_to"))


def _in_lineage(text: str, start: int) -> bool:
    """The word at start comes one or two names after «بن» (a family or tribal name)."""
    words = text[max(0, start - 40) : start].split()[-3:]
    heads = grammar("kinship_heads")
    return any(w in heads for w in words[-3:-1]) and all(w.isalpha() for w in words[-2:])


def _head_of_longer_name(text: str, h: Hit[tuple[Place, ...]]) -> bool:
    """A name head (وادي، جبل، عين) found alone but followed by a word of its name."""
    if h.surface not in grammar("name_heads"):
        return False
    after = text[h.word_end : h.word_end + 30].split(maxsplit=1)
    if not after or not text[h.word_end : h.word_end + 1].isspace():
        return False  # وادي، …: the name ends here
    word = after[0]
    stops = grammar("place_prepositions") + grammar("distance_directions") + ("و",)
    return word[0].isalpha() and word not in stops and not word.startswith("و")


def _government(text: str, h: Hit[tuple[Place, ...]]) -> bool:
    """A town right after a verb of saying or blaming (اعتبرت تل أبيب، قالت أنقرة), or a
    national capital right after «أن» or as the object of a demand (طالبت أنقرة), is the
    government that acts or is addressed."""
    if not any(p.kind in ("city", "admin1") for p in h.value):
        return False
    sp = speech()
    if sp.speaker_before.search(text, max(0, h.word_start - 20), h.word_start):
        return True
    capitals = load().national_capitals
    capital = any(capitals.get(p.iso3) == p for p in h.value)
    # منذ توقيع موسكو هدنة: a national capital after a verbal noun of a government's act
    before = text[max(0, h.word_start - 14) : h.word_start].split()
    acts = {*grammar("government_acts"), *grammar("appeal_verbs")}
    if capital and _last_word_in(before, acts):
        return True  # وتوقيع موسكو، لرفض واشنطن، وطالبت أنقرة: one clitic at most
    # يذكر أن أنقرة أطلقت عملية: a national capital right after «أن» is its government
    after = text[h.word_end : h.word_end + 12].split()
    if capital and _speaks(text, h, before):
        return True  # لكن طهران نفت ذلك: the capital that says or denies is its government
    return (
        capital
        and bool(sp.complementizer_before.search(text, max(0, h.word_start - 8), h.word_start))
        and not (after and after[0] in grammar("place_verbs"))
    )


def _speaks(text: str, h: Hit[tuple[Place, ...]], before: list[str]) -> bool:
    """A name written bare (no ب or ل on it, no preposition or direction before it: وفي
    طهران قال is where it was said) that a verb of saying, denying or blaming follows in its
    line."""
    verbs = {*grammar("speech_verbs"), *grammar("accusation_verbs")}
    m = _NEXT_WORD.match(text, h.word_end)
    bare = text[h.word_start : h.start] in ("", *clitics().conjunctions)
    # شمال شرقي القاهرة قالت مصادر: after a direction the town is where, not who
    preps = {*grammar("place_prepositions"), *grammar("distance_directions")}
    return bare and not _last_word_in(before, preps) and m is not None and m.group(1) in verbs


_NEXT_WORD = regex.compile(r"[ \t]+(\p{L}+)")


def _governed(text: str, h: Hit[tuple[Place, ...]], prev: int, cues: PlaceCues) -> bool:
    """Whether a country name that is also an adjective is the object of a preposition
    (في سورية، بسورية), so the country, not "Syrian"."""
    if not any(p.kind == "country" for p in h.value):
        return False
    clitic = text[h.word_start : h.start]
    return clitic[-1:] in ("ب", "ل") or (not clitic and prev in cues.preposition_ends)


def _abroad(p: Place, h: Hit[tuple[Place, ...]], r: _Reading) -> bool:
    """بيرو، هولندا: a country's name is the country, not a town named after it in another
    country (Peru, Indiana; Nederland, Texas), unless a settlement word introduces it."""
    return (
        p.kind != "country"
        and not r.intro
        and any(q.kind == "country" and q.iso3 != p.iso3 for q in h.value)
    )


def _admissible(p: Place, r: _Reading, ctx: _Context) -> bool:
    """Whether a candidate may be the place the name refers to here (a name does not vouch
    for its own country: مدينة فان twice does not make a French story)."""
    named = ctx.countries.get(p.iso3, 0) - ctx.by_name.get(r.surface, Counter()).get(p.iso3, 0) > 0
    if r.quarter_word and (
        p.kind in ("country", "admin1")
        or (p.kind == "city" and p.population >= SETTINGS.known_city_population)
    ):
        return False  # حي التأميم في الرمادي: a quarter named after a province, not the province
    if (
        p.kind == "admin1"
        and r.surface in grammar("generic_regions")
        and not named
        and ctx.total - sum(ctx.by_name.get(r.surface, Counter()).values()) > 0
    ):
        return False  # المنطقة الوسطى in a Yemeni story: not Israel's Central District
    if (r.surface, p.ident) in ctx.spelled_back and not r.intro and not (r.cue and named):
        return False  # a name spelled back from its romanization needs a settlement word
    if p.kind == "city" and p.population < 1000 and r.surface in load().common:
        # منطقة الكورنيش بمدينة الحديدة: a hamlet named by a common word, only in the
        # country the article is about (or a province it names)
        main = ctx.countries.most_common(1)
        if main and p.iso3 != main[0][0] and (p.iso3, p.admin1 or "") not in ctx.admin1s:
            return False
    if (
        p.kind in ("city", "admin2")
        and ctx.total >= 2
        and not named
        and (p.iso3 not in ctx.core or p.population < 1000)
    ):
        # in an article about other countries, no town abroad (مدينة فان in Turkey is not
        # Vannes) and no village elsewhere (الفوار in Tunisia is no Lebanese hamlet)
        return False
    if p.kind == "city" and ctx.total >= 2 and not named and not r.cue:
        return False  # السلط الجهوية in a Tunisian story: a word, not As-Salt in Jordan
    if p.kind == "city" and ctx.total >= 2 and not named and p.population < 20000:
        return False  # منطقة دير شمال غرب باكستان: no Iranian village in a Pakistani story
    if (
        p.kind == "city"
        and not named
        and p.population < 100_000
        and max(ctx.countries.values(), default=0) >= 3
        and (p.iso3, p.admin1 or "") not in ctx.admin1s
    ):
        # a story told in one country (named three times) and not this one: والمنية in a
        # Lebanese army statement is no town of Algeria
        return False
    if p.kind == "city" and ctx.total >= 1 and not named and p.population < 1000:
        return False  # بمنطقة المشرفية in a Beirut story: no Yemeni hamlet of that name
    if p.kind == "admin2" and not (r.district_word or r.intro) and not (r.cue and named):
        return False  # a district after مديرية/قضاء, or after في in an article on its country
    if p.kind != "city":
        return True
    # a town abroad (Lille, Kirby) only when introduced as a place in an article that
    # names its country; a city of a million (في لندن، هجوم باريس) after a cue is known,
    # and a city of 100,000 named by the event itself (هجوم نيس، تفجير مانشستر)
    if (
        p.iso3 not in ctx.core
        and not r.intro
        and not (named and r.cue)
        and not (r.cue and p.population >= SETTINGS.known_city_population)
        and not (r.construct and p.population >= SETTINGS.construct_city_population)
    ):
        return False
    # villages of unknown or tiny population (GeoNames often gives 0): after a settlement
    # word (قرية X), or after في/ب in an article naming their country
    if p.population < 1000 and not r.intro and not (r.cue and named):
        return False
    return not (p.population < 20000 and not r.cue and (p.iso3, p.admin1 or "") not in ctx.admin1s)


_KIND_PRIOR = {
    "sea": 3.0,
    "facility": 3.0,
    "district": 1.0,
    "admin1": 1.5,
    "admin2": 1.0,
    "country": 1.0,
}


def _score(p: Place, r: _Reading, ctx: _Context) -> float:
    """How likely the candidate is the place meant: its size, the article's countries and
    provinces, the region rasd covers, its kind and the word that introduces it."""
    score = 0.35 * math.log10(p.population + 10)
    score += 4.0 * ctx.countries.get(p.iso3, 0) / (ctx.total or 1)
    score += 2.5 if (p.iso3, p.admin1 or "") in ctx.admin1s else 0.0
    score += 1.0 if p.iso3 in ctx.core else 0.0
    score += _KIND_PRIOR.get(p.kind, 0.0)
    if load().national_capitals.get(p.iso3) == p:
        score += 1.5  # لندن alone is London, not London in Ohio
    if r.division_word and p.kind == "admin1":
        score += 5.0  # بمنطقة أضنة، في محافظة حلب: the province, not its capital
    elif r.intro and not r.district_word and p.kind == "city":
        score += 2.0  # في مدينة إدلب: the town, not the province of its name
    if r.district_word and p.kind == "admin2":
        score += 5.0  # في مديرية باقم: the district, not a village of its name
    return score


@dataclass(frozen=True)
class PlaceCues:
    """Where cue words end in the text (normalized offsets)."""

    settlement_ends: set[int]
    near_ends: set[int]
    division_ends: set[int]
    establishment_ends: set[int]
    adjective_spans: set[tuple[int, int]]
    district_ends: set[int] = field(default_factory=set)  # مديرية، قضاء، ناحية
    quarter_ends: set[int] = field(default_factory=set)  # حي
    # settlement words that begin a name (مديرية الدريهمي is a name of its own): their kind
    heads: dict[int, str] = field(default_factory=dict)
    trigger_ends: set[int] = field(default_factory=set)  # هجوم مونستر: a place after an attack noun
    taken_ends: set[int] = field(default_factory=set)  # سيطرت القوات على …: the place taken
    preposition_ends: set[int] = field(default_factory=set)  # في، من، إلى …
    # where a nisba adjective starts → its country (طرابلس اللبنانية: the Lebanese one)
    adjective_at: dict[int, str] = field(default_factory=dict)


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
    """SPEC geo_precision: 1 the place itself, 2 near / part of it (a district), 3 only a
    province or a sea area."""
    if pm.place.kind in ("admin1", "sea"):
        return 3
    if pm.place.kind == "admin2" or _region(pm):
        return 2
    return 2 if pm.near else 1


def _region(pm: PlaceMention) -> bool:
    """A named region smaller than a province (الغوطة الشرقية، سهل الغاب: facilities.tsv
    kind `region`)."""
    return pm.place.kind == "facility" and pm.place.ident == "region"


def coded_place(pm: PlaceMention) -> Place:
    """The place written in the record: a province-only mention is coded to its capital."""
    if pm.place.kind != "admin1":
        return pm.place
    cap = load().capitals.get((pm.place.iso3, pm.place.name))
    return cap or pm.place


def article_places(
    text: str, triggers: list[Hit[Trigger]], names: Sequence[tuple[int, int]] = ()
) -> tuple[list[PlaceMention], Counter[str]]:
    """Every place the article names (resolved in the article's country context) and how
    strongly it points at each country. `names` are spans of names of groups and outlets
    (سرايا القدس، الجزيرة): a place name inside one is not a place."""
    lex = lexicon()
    gaz = load()
    spans = sorted([*names, *((h.start, h.end) for h in gaz.not_places.find(text))])
    # دبي، الإمارات (CNN)—: where it was filed, at the start of the text or of a paragraph
    # (a roundup files each item: «* كابل - «الشرق الأوسط»: …»)
    starts = [0, *(m.end() for m in _PARAGRAPH.finditer(text))]
    datelines = [d.span() for d in (_DATELINE.match(text, p) for p in starts) if d]
    if datelines:
        spans = sorted([*spans, *datelines])
    place_hits = [h for h in gaz.find(text) if not _inside(h, spans)]
    place_hits = sorted([*place_hits, *_listed_short(text, place_hits)], key=lambda h: h.start)
    adjective_hits = gaz.adjectives.find(text)
    # a word that is only a common word here (وكالة is no Calais, مدينة no Medina) says
    # nothing of the article's country
    sure = [
        h
        for h in place_hits
        if text[h.word_start : h.word_end] not in gaz.common and h.surface not in gaz.common
    ]
    countries = context_countries(sure, [h.value for h in adjective_hits])
    settlement = lex.settlement.find(text)
    unwritten = _other_spellings(text, place_hits, settlement, countries)
    if unwritten:
        place_hits = sorted([*place_hits, *unwritten], key=lambda h: h.start)
    admin1s = {
        (p.iso3, p.name)
        for h in place_hits
        for p in h.value
        if p.kind == "admin1" and len(h.value) == 1
    }
    seats = {prov for h in place_hits if (prov := _named_province(h)) is not None}
    cues = PlaceCues(
        settlement_ends={h.end for h in settlement},
        near_ends={h.end for h in lex.near.find(text)},
        division_ends={h.end for h in settlement if h.value == "division"},
        district_ends={h.end for h in settlement if h.value == "district"},
        quarter_ends={h.end for h in settlement if h.value == "quarter"},
        heads={h.start: h.value for h in settlement},
        establishment_ends={h.end for h in lex.establishment.find(text)},
        adjective_spans={(h.start, h.end) for h in adjective_hits},
        trigger_ends={h.end for h in triggers if h.value.strength != "cue"},
        taken_ends=_taken(text, triggers),
        preposition_ends={h.end for h in lex.prepositions.find(text)},
        adjective_at={h.start: h.value for h in adjective_hits},
    )
    places = _not_contradicted(
        resolve(text, place_hits, countries, admin1s, cues, seats), countries
    )
    places = capital_mentions(text, places, adjective_hits, countries)
    places = _offshore(text, place_hits, places)
    return _seats(text, region_mentions(text, places, countries), cues), countries


def _offshore(
    text: str, hits: list[Hit[tuple[Place, ...]]], places: list[PlaceMention]
) -> list[PlaceMention]:
    """على بعد 50 ميلا بحريا جنوب غرب الحديدة: a coastal town measured from at sea is no
    place of the event; the sea area off it is (the nearest of those its country borders)."""
    if not any(w in text for w in grammar("nautical_words")):
        return places  # no distance at sea in the article: nothing to look for
    pat = resources().get(_nautical)
    taken = {pm.start for pm in places}
    common, directions = load().common, grammar("distance_directions")
    out = []
    for h in hits:
        word = text[h.word_start : h.word_end]
        if h.start in taken or word in common or word in directions:
            continue
        if not pat.search(text, max(0, h.word_start - 60), h.word_start):
            continue
        towns = [p for p in h.value if p.kind == "city"]
        sea = _sea_off(max(towns, key=lambda p: p.population)) if towns else None
        if sea is not None:
            out.append(PlaceMention(h.start, h.end, sea, False, f"offshore:{h.surface}", True))
    return sorted([*places, *out], key=lambda pm: pm.start) if out else places


def _nautical(res: Resources) -> regex.Pattern[str]:
    """A distance at sea ending right before a name (up to two words and a direction)."""
    units = alternation(grammar("distance_units"))
    sea = alternation(grammar("nautical_words"))
    return regex.compile(rf"{units}\s+{sea}(?:\s+\p{{L}}+){{0,3}}\s*$")


def _sea_off(town: Place) -> Place | None:
    """The sea area nearest a town among those whose coast its country is on."""
    seas = [p for p in resources().get(_sea_places) if town.iso3 in sea_coasts().get(p.name, ())]
    at = (town.lat, town.lon)
    return min(seas, key=lambda p: km(at, (p.lat, p.lon)), default=None)


def _sea_places(res: Resources) -> list[Place]:
    """The sea areas of seas.tsv, as the gazetteer holds them."""
    gaz = load()
    return [
        p
        for r in res.tsv("gazetteer/seas.tsv")
        for h in gaz.find(key(split_forms(r["arabic"])[0]))
        for p in h.value
        if p.kind == "sea" and p.name == r["name"]
    ]


def _seats(text: str, places: list[PlaceMention], cues: PlaceCues) -> list[PlaceMention]:
    """مركز محافظة الحديدة: a province after a seat word (the division word between or in
    its name) names its capital city."""
    seat_words = set(grammar("seat_words"))
    ends = {pm.end for pm in places}
    out = []
    for pm in places:
        seat = None
        if pm.place.kind == "admin1":
            j = pm.start
            k = _end_before(text, j)
            if k in cues.division_ends:  # مركز محافظة | الحديدة
                j = _word_start(text, k)
            k = _end_before(text, j)
            word = text[_word_start(text, k) : k]
            # الحوطة مركز محافظة لحج: the town named before is that seat already (not so
            # after و: زبيد ومركز محافظة الحديدة)
            if word[1:] in seat_words or (
                word in seat_words and not any(0 <= _word_start(text, k) - e <= 3 for e in ends)
            ):
                seat = load().capitals.get((pm.place.iso3, pm.place.name))
        if seat is not None:
            pm = replace(pm, place=seat, rule=pm.rule + "+seat", cued=True)
        out.append(pm)
    return out


def _taken(text: str, triggers: list[Hit[Trigger]]) -> set[int]:
    """سيطرت قوات الجيش على زنجبار: the preposition a territory verb takes past its subject
    introduces the place taken, as the verb itself does right before a name."""
    taken = resources().get(_patterns).taken
    return {
        m.end()
        for h in triggers
        if h.value.category == "territory"
        and (m := taken.match(text, h.end, min(len(text), h.end + 50))) is not None
    }


def _named_province(h: Hit[tuple[Place, ...]]) -> tuple[str, str] | None:
    """The province a name names: a province's name, with its seat and district of the same
    name (الحسكة: the province, its capital and its district) but nothing elsewhere."""
    provinces = [p for p in h.value if p.kind == "admin1"]
    if len(provinces) != 1:
        return None
    prov = (provinces[0].iso3, provinces[0].name)
    if all(p is provinces[0] or (p.iso3, p.admin1) == prov for p in h.value):
        return prov
    return None


def _not_contradicted(places: list[PlaceMention], countries: Counter[str]) -> list[PlaceMention]:
    """منطقة الوزيرية … التابعة لمحافظة الحديدة: a town of a country the article never names,
    followed closely by a province of another country, is a namesake of a town the
    gazetteer lacks; it is dropped."""
    out = []
    for i, pm in enumerate(places):
        p = pm.place
        later = places[i + 1 : i + 3]
        if (
            p.kind in ("city", "admin2", "district")
            and countries.get(p.iso3, 0) == 0
            and any(
                q.place.kind == "admin1" and q.place.iso3 != p.iso3 and q.start - pm.end <= 60
                for q in later
            )
        ):
            continue
        out.append(pm)
    return out


# one word of a list after a settlement word: the word (a و joining it to the one before
# stays out of the name) and the comma or space after it
_LIST_WORD = regex.compile(r"[ \t]*(\u0648?)(\p{L}{3,})(?!\p{L})([ \t]*\u060c?)")


def _other_spellings(
    text: str,
    hits: list[Hit[tuple[Place, ...]]],
    settlement: list[Hit[str]],
    countries: Counter[str],
) -> list[Hit[tuple[Place, ...]]]:
    """بلدات الزويك والدويركة وكنصفرة: village names after a settlement word and in the
    list it opens that the gazetteer holds in another spelling: without the article (زويك،
    دويركة) or with a plain letter for an emphatic one or the reverse (كنسفرة; grammar.yaml
    spelling_pairs), read as towns of a country the article is about."""
    gaz = load()
    starts = {h.start: h for h in hits}
    covered = {i for h in hits for i in range(h.start, h.end)}
    out: list[Hit[tuple[Place, ...]]] = []
    for cue in settlement:
        if cue.value == "division":
            out.extend(_province_by_sound(text, cue, starts, countries, gaz))
        if cue.value != "settlement":
            continue
        pos, first, sep = cue.end, True, ""
        while (m := _LIST_WORD.match(text, pos)) is not None and (first or m.group(1) or sep):
            s, word = m.start(2), m.group(2)
            if m.group(1) and first:
                s, word = m.start(1), m.group(1) + word  # وادي: a name that begins with و
            if s in starts:
                pos, first = starts[s].end, False  # a name found: the list goes on after it
                sep = text[pos : pos + 3].strip(" \t")[:1]
                continue
            if s in covered:
                break
            sound = first and key(cue.surface) in grammar("sound_settlements")
            here = _spelled_otherwise(word, countries, gaz, sound)
            if here:
                out.append(Hit(s, s + len(word), here, word, m.start(), m.end(2)))
            elif not first:
                break
            sep, pos, first = m.group(3).strip(" \t"), m.end(), False
    return out


def _province_by_sound(
    text: str,
    cue: Hit[str],
    starts: dict[int, Hit[tuple[Place, ...]]],
    countries: Counter[str],
    gaz: Gazetteer,
) -> list[Hit[tuple[Place, ...]]]:
    """بمقاطعة نانجارهار (the gazetteer writes ننجرهار): a name the gazetteer lacks right after
    a division word is the foreign province of a country the article is about that sounds
    the same."""
    m = _LIST_WORD.match(text, cue.end)
    if m is None or m.group(1) or m.start(2) in starts:
        return []
    word = m.group(2)
    if word in gaz.common or word.startswith(grammar("definite_article")[0]):
        return []
    here = tuple(p for p in gaz.by_sound(word, "admin1") if countries.get(p.iso3))
    return [Hit(m.start(2), m.end(2), here, word, m.start(), m.end(2))] if len(here) == 1 else []


def _spelled_otherwise(
    word: str, countries: Counter[str], gaz: Gazetteer, sound: bool = False
) -> tuple[Place, ...]:
    """The towns of the article's countries a word names in another spelling: without the
    article, with a paired letter swapped, or (with `sound`: the word right after a town
    word, مدينة دوغوبيازيد) a foreign town sounding the same in a country the article is
    about, when the word has no article (المناطق، الأمر are words)."""
    if word in gaz.common:
        return ()
    bare = [word[2:]] if word.startswith("\u0627\u0644") else []
    pairs = resources().get(_spelling_pairs)
    swapped = [
        w[:i] + pairs[c] + w[i + 1 :] for w in [word, *bare] for i, c in enumerate(w) if c in pairs
    ]
    for v in [*bare, *swapped]:
        for h in gaz.find(v):
            here = tuple(p for p in h.value if p.kind == "city" and countries.get(p.iso3))
            if h.start == 0 and h.end == len(v) and here:
                return here
    if not sound or word.startswith(grammar("definite_article")[0]):
        return ()
    top = max(countries.values(), default=0)
    return tuple(p for p in gaz.by_sound(word) if countries.get(p.iso3, 0) >= min(2, top) > 0)


def _spelling_pairs(res: Resources) -> dict[str, str]:
    """grammar.yaml spelling_pairs: letters written for one another in place names."""
    out: dict[str, str] = {}
    for pair in grammar("spelling_pairs"):
        a, b = pair.split()
        out[a], out[b] = b, a
    return out


# «X وY» with a three-letter Y (جباليا ورفح، الموصل وهيت): a clitic before a word that
# short is too often part of another word, but right after a place in a list it is a place
_SHORT_LISTED = regex.compile(r"[ \t]*،?[ \t]*و(\p{L}{3})(?!\p{L})")


def _listed_short(text: str, hits: list[Hit[tuple[Place, ...]]]) -> list[Hit[tuple[Place, ...]]]:
    """Three-letter place names joined by «و» to the place before them."""
    gaz = load()
    out: list[Hit[tuple[Place, ...]]] = []
    ends = {h.end: {p.iso3 for p in h.value} for h in hits}
    for end in sorted(ends):
        m = _SHORT_LISTED.match(text, end)
        if m is None:
            continue
        word = m.group(1)
        for h in gaz.find(word):
            # of the country of the place before it (a verb after «و» is none: وتلا)
            same = {p for p in h.value if p.iso3 in ends[end]}
            if h.start == 0 and h.end == len(word) and word not in gaz.common and same:
                s = m.start(1)
                out.append(Hit(s, s + len(word), h.value, h.surface, s - 1, m.end()))
    return out


# the dateline that opens a wire story: «دبي، الإمارات العربية المتحدة (CNN)—», «الرياض - واس»,
# «* كابل - «الشرق الأوسط»:» (the outlet in quotes, of up to three words)
_DATELINE = regex.compile(
    r"\s*[*•]?\s*(?:[\p{L} ،,]{2,50}?\([^()\n]{1,30}\)\s*[—–-]"
    r"|\p{L}+(?: \p{L}+)?\s[—–-]{1,2}\s*\"?\p{L}{2,12}(?: \p{L}{2,12}){0,2}\"?\s*[:\n])"
)


_PARAGRAPH = regex.compile(r"\n")


def _inside(h: Hit[tuple[Place, ...]], spans: list[tuple[int, int]]) -> bool:
    """Whether a hit lies within one of the spans (sorted by start; names do not nest
    deeply, so the few spans that start last before the hit are enough to look at)."""
    i = bisect.bisect_right(spans, (h.start, math.inf))  # spans starting at the hit too
    return any(s <= h.start and h.end <= e for s, e in spans[max(0, i - 4) : i])


def capital_mentions(
    text: str, places: list[PlaceMention], adjectives: list[Hit[str]], countries: Counter[str]
) -> list[PlaceMention]:
    """في العاصمة with no name after it: the capital of the country the article is about
    (العاصمة الليبية: of the country its adjective names)."""
    gaz = load()
    starts = {p.start for p in places}
    adj_at = {h.start: h.value for h in adjectives}
    extra = []
    pats = resources().get(_patterns)
    for m in pats.capital.finditer(text):
        k = m.end() + 1
        iso3 = adj_at.get(k)
        after = next((h for h in adjectives if h.start == k), None)
        name_at = after.end + 1 if after is not None else k
        if name_at in starts or any(p.start in (name_at, name_at + 1) for p in places):
            continue  # العاصمة طرابلس: the name itself is the place
        # a gazetteer name that holds the word (العاصمة دمشق) is that capital's country
        holder = next((p for p in places if p.start <= m.start("cap") < p.end), None)
        iso3 = iso3 or (holder.place.iso3 if holder is not None else None)
        iso3 = iso3 or _capital_named_before(places, m.start(), gaz.national_capitals)
        iso3 = iso3 or (countries.most_common(1)[0][0] if countries else None)
        cap = gaz.national_capitals.get(iso3 or "")
        if cap is None:
            continue
        end = after.end if after is not None else m.end()
        rule = f"capital of {iso3}: {pats.capital_word}"
        extra.append(PlaceMention(m.start("cap"), end, cap, False, rule, True))
    return sorted(places + extra, key=lambda p: p.start) if extra else places


def _capital_named_before(
    places: list[PlaceMention], pos: int, capitals: dict[str, Place]
) -> str | None:
    """The country of the last national capital named up to 400 letters before `pos`
    (بالعاصمة دمشق … شرق العاصمة: Damascus again, whatever country the article names most)."""
    for p in reversed(places):
        if p.start >= pos:
            continue
        if pos - p.start > 400:
            return None
        cap = capitals.get(p.place.iso3)
        if cap is not None and cap.name == p.place.name:
            return p.place.iso3  # the city or the province named after it
    return None


def region_mentions(
    text: str, places: list[PlaceMention], countries: Counter[str]
) -> list[PlaceMention]:
    """في القطاع، شمال القطاع in an article that names Gaza: the word names the region by
    itself (gazetteer/bare_regions.tsv) where it locates something (not حدود القطاع، رفع
    الحصار عن القطاع), and not before a definite adjective (القطاع الصحي)."""
    extra = []
    for word, (pattern, region) in resources().get(_bare_regions).items():
        if countries.get(region.iso3, 0) == 0:
            continue
        for m in pattern.finditer(text):
            if not any(p.start <= m.start("w") < p.end for p in places):
                rule = f"region named by itself: {word}"
                # رفح جنوبي القطاع: after a direction it locates the place before it
                near = (m.group("link") or "") in grammar("distance_directions")
                extra.append(PlaceMention(m.start("w"), m.end("w"), region, near, rule, True))
    return sorted(places + extra, key=lambda p: p.start) if extra else places


def _bare_regions(res: Resources) -> dict[str, tuple[regex.Pattern[str], Place]]:
    """bare_regions.tsv: each word's pattern (after في، على، أنحاء, a direction or ب; no
    definite word after it) and the admin1 region it names (found by its own names)."""
    gaz = load()
    rows = {(r["name"]): r for r in res.tsv("gazetteer/admin1.tsv")}
    out = {}
    for r in res.tsv("gazetteer/bare_regions.tsv"):
        row = rows.get(r["name"])
        names = split_forms(row["arabic"]) if row else []
        region = next(
            (
                place
                for n in names
                for h in gaz.find(key(n))
                for place in h.value
                if place.kind == "admin1" and place.iso3 == r["iso3"] and place.name == r["name"]
            ),
            None,
        )
        if region is None:
            continue
        word = regex.escape(key(r["word"]))
        links = alternation(grammar("region_links"))
        conj = f"[{clitics().conjunctions}]?"
        by = alternation(grammar("locative_clitics"))
        article = alternation(grammar("definite_article"))
        out[r["word"]] = (
            regex.compile(
                # في القطاع، بالقطاع، شمال القطاع: located there; not حدود القطاع، من القطاع
                rf"(?<![\p{{L}}]){conj}(?:(?P<link>{links})\s+|{by})(?P<w>{word})"
                rf"(?![\p{{L}}])(?!\s+{article}\p{{L}})"
            ),
            region,
        )
    return out


SPECIFIC = ("city", "facility", "district", "admin2")


def choose_place(
    s_places: list[PlaceMention], pos: int, last_place: PlaceMention | None
) -> tuple[PlaceMention | None, bool]:
    """The place of an event whose trigger is at `pos`, and whether it was inherited from
    the sentence before.

    The place nearest the trigger among the specific ones introduced as places (في، ب،
    قرب، مدينة …) and the provinces; a bare capital may stand for its government (سمحت
    أنقرة); a province that holds a specific place of the sentence yields to it."""
    specific = [p for p in s_places if p.place.kind in SPECIFIC]
    provinces = [p for p in s_places if p.place.kind == "admin1"]
    pool = [p for p in specific if p.cued or p.place.kind != "city"] or specific
    pool = [p for p in pool if not _far_from_reference(p, pool)] or pool
    pool = [p for p in pool if not _reference(p, pool)] or pool
    town = nearest(pool, pos, prefer_after=True)
    if town is not None and (town.area or _region(town)):
        # في ريف الحسكة، استهدف التنظيم حاجزا في مدينة رأس العين: the country around a town
        # (or a region: بلدة كفربطنا في الغوطة الشرقية) yields to a town of its province that
        # the sentence names
        inner = [
            p
            for p in pool
            if not p.near
            and p.place.kind == "city"
            and (p.place.iso3, p.place.admin1) == (town.place.iso3, town.place.admin1)
            and p.place != town.place
        ]
        town = nearest(inner, pos, prefer_after=True) or town
    # وفي تونس قتل 37 شخصا في هجوم على فندقين بمدينة سوسة: a capital written like its
    # country, beside another place of that country, names the country
    if town is not None and _country_homonym(town):
        others = [
            p
            for p in pool
            if p.place.iso3 == town.place.iso3 and p.place != town.place and not _country_homonym(p)
        ]
        town = nearest(others, pos, prefer_after=True) or town
    # تعرضت قاعدة القرية الخضراء في ريف دير الزور لقصف: the named facility is the target
    facilities = [
        p for p in pool if p.place.kind == "facility" and not _region(p) and abs(p.start - pos) < 80
    ]
    if facilities and town is not None and town.place.kind != "facility":
        town = nearest(facilities, pos, prefer_after=True)
    seas = [p for p in s_places if p.place.kind == "sea"]
    place = _town_or_province(town, provinces, seas, specific, pos)
    # "القاعدة الواقعة في محافظة الأنبار": the province of the place just named
    if (
        place is not None
        and place.place.kind == "admin1"
        and last_place is not None
        and last_place.place.admin1 == place.place.name
        and last_place.place.kind != "admin1"
    ):
        return last_place, True
    return place, False


def _town_or_province(
    town: PlaceMention | None,
    provinces: list[PlaceMention],
    seas: list[PlaceMention],
    specific: list[PlaceMention],
    pos: int,
) -> PlaceMention | None:
    """The town chosen, or the province when it is clearly nearer the trigger or the town
    only locates it, or a sea area when the sentence names neither."""
    province = nearest(provinces, pos, prefer_after=True)
    if (
        town is not None
        and province is not None
        and province.place.iso3 == town.place.iso3
        and _country_homonym(town)
    ):
        town = None  # بولاية عين الدفلى غرب الجزائر: Algeria the country, not Algiers
    # a province wins only when it is clearly closer to the trigger than any town; a sea
    # area (في البحر الأحمر) only when the sentence names neither
    place = town or province or nearest(seas, pos, prefer_after=True)
    if (
        town is not None
        and province is not None
        and distance(province, pos) + 25 < distance(town, pos)
    ):
        place = province
    # في محافظة الشرقية شمال شرقي القاهرة: a town of another province after a near word,
    # right after a province told with «in», locates that province; the event is in the
    # province (بلدتي الوهط وصبر التابعتين لمحافظة لحج شمال عدن: the towns, not the province)
    if (
        place is town
        and town is not None
        and province is not None
        and town.place.admin1 != province.place.name
        and _reference(town, [province])
        and province.located
    ):
        place = province
    if place is not None and place.place.kind == "admin1":
        inside = [
            p
            for p in specific
            if p.place.admin1 == place.place.name and p.place.iso3 == place.place.iso3
        ]
        if inside:
            place = nearest(inside, pos, prefer_after=True)
    return place


def _far_from_reference(p: PlaceMention, pool: list[PlaceMention]) -> bool:
    """بلدة بيتا جنوب نابلس read as Pieta in Malta: a place that a near word and another
    place right after it locate, but which lies far from that place, is a wrong reading
    (the event goes to the reference, as near it)."""
    # a town's quarter (حي الخالدية شمال حلب) lies in or by the town: far at a smaller distance
    limit = SETTINGS.quarter_reference_km if p.place.kind == "district" else SETTINGS.reference_km
    return any(
        q is not p
        and q.near
        and 0 < q.start - p.end <= SETTINGS.reference_gap
        and km((p.place.lat, p.place.lon), (q.place.lat, q.place.lon)) > limit
        for q in pool
    )


def _reference(p: PlaceMention, pool: list[PlaceMention]) -> bool:
    """بلدة حوارة جنوب نابلس، قرية X قرب مدينة Y: a place after a near word right after
    another place locates that one; the event is at the first."""
    return p.near and any(
        q is not p and not q.near and 0 < p.start - q.end <= SETTINGS.reference_gap for q in pool
    )


def _country_homonym(pm: PlaceMention) -> bool:
    """A capital written like its country (الجزائر، الكويت، تونس)."""
    return _homonym_country(pm) is not None


def _homonym_country(pm: PlaceMention) -> Place | None:
    """The country a place mention's name also names, in the place's own country."""
    named = _named(pm.rule.rsplit(":", 1)[-1])
    return next((p for p in named if p.kind == "country" and p.iso3 == pm.place.iso3), None)


class _Placed(Protocol):
    place: PlaceMention | None
    index: int


def refine(last: _Placed | None, specific: list[PlaceMention], index: int) -> None:
    """A sentence that only adds where (في ضاحية مصر الجديدة) narrows the event just told
    to a district or facility of its town."""
    if last is None or last.place is None or not specific or index - last.index > 2:
        return
    town = last.place.place
    for p in specific:
        inner = p.place
        if inner.kind in ("district", "facility") and (
            inner.parent == town.name
            or (
                town.kind == "city"
                and km((town.lat, town.lon), (inner.lat, inner.lon)) <= SETTINGS.district_km
            )
        ):
            last.place = p
            return


def same_country(place: PlaceMention, countries: set[str]) -> bool:
    """A sentence that names only other countries (في شمال شرق سوريا) is not about a place in
    the country of the event just told."""
    return not countries or place.place.iso3 in countries
