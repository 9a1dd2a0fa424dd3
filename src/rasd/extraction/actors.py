"""Actor mentions from the actor dictionary (`data/lexicon/actors.tsv`).

Generic forms (الجيش، قوات الأمن، الشرطة) name state forces of a country the text
gives elsewhere: a nisba adjective right after them (القوات الهندية), or else the
event's country.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from rasd.extraction.places import PlaceMention
from rasd.extraction.speech import speech
from rasd.extraction.triggers import Frame, Trigger, death_noun
from rasd.gazetteer import load as load_gazetteer
from rasd.model import Event
from rasd.resources import Resources, resources
from rasd.taxonomy import taxonomy
from rasd.text.matcher import Hit, Matcher
from rasd.text.normalize import key
from rasd.text.numbers import is_count
from rasd.text.words import alternation, clitics, grammar


@dataclass(frozen=True, slots=True)
class ActorEntry:
    actor: str
    inter: int | None
    iso3: str
    kind: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    entry: ActorEntry
    surface: str

    @property
    def needs_country(self) -> bool:
        return "{country}" in self.entry.actor

    def name(self, country: str | None) -> str | None:
        """The canonical name, with `{country}` filled in (None if it cannot be)."""
        if not self.needs_country:
            return self.entry.actor
        if not country:
            return None
        return self.entry.actor.replace("{country}", country)


def matcher() -> Matcher[ActorEntry]:
    """The actor dictionary as a matcher (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> Matcher[ActorEntry]:
    rows = []
    for r in res.tsv("lexicon/actors.tsv"):
        inter = int(r["inter"]) if r["inter"].strip().isdigit() else None
        rows.append((r["arabic"], ActorEntry(r["actor"], inter, r["iso3"], r["kind"])))
    listed = {key(form) for form, _ in rows}
    rows += [(f, e) for f, e in _arms_of(rows) if key(f) not in listed]
    return Matcher(rows, suffixes=clitics().actor_suffixes)


def _arms_of(rows: list[tuple[str, ActorEntry]]) -> list[tuple[str, ActorEntry]]:
    """قوات حفتر → طائرات حفتر، مدفعية حفتر: the arms of a party named «forces of X»
    (grammar.yaml force_heads, arms_heads), for a state's or a group's forces in construct
    with a name (not a generic «قوات {country}»)."""
    heads, arms = grammar("force_heads"), grammar("arms_heads")
    out = []
    for form, e in rows:
        words = key(form).split()
        if len(words) < 2 or words[0] not in heads or "{" in e.actor or e.kind == "ignore":
            continue
        out += [(" ".join([a, *words[1:]]), e) for a in arms]
    return out


def _country_name(iso3: str) -> str | None:
    c = load_gazetteer().countries.get(iso3)
    return c.name if c else None


# whose aircraft, guns or boats a vehicle word may name in construct (طائرات التحالف)
_OWNERS = frozenset({"state", "state_home", "coalition", "ambiguous_coalition"})


def _names_a_trigger(a: ActorMention, fr: Frame) -> bool:
    """غارة تركية، طائرات التحالف: an actor mention that begins with one of the frame's
    event words other than its anchor names who acted; not a name that only holds one
    (هيئة تحرير الشام) or a bomber (الانتحاري: only as the anchor)."""
    return a.entry.kind in _ARMS_OF_STATES and any(
        0 <= h.start - a.start <= 2 for h in fr.hits if h.value.strength != "cue"
    )


# mentions made of a weapon, a strike or an arm of a state's forces (غارات جوية، المدفعية،
# طائرات التحالف): the event word they begin with is that state's act
_ARMS_OF_STATES = frozenset(
    {"state", "state_event", "state_named", "state_generic", "coalition", "ambiguous_coalition"}
)


def find_actors(text: str) -> list[ActorMention]:
    """Actor mentions in normalized text, generic forms completed by a following nisba."""
    gaz = load_gazetteer()
    adjectives = {h.start: h for h in gaz.adjectives.find(text)}
    out: list[ActorMention] = []
    hits = matcher().find(text)
    at = {h.start: h for h in hits}
    merged: set[int] = set()
    for h in hits:
        e = h.value
        if e.kind == "ignore" or h.start in merged:
            continue
        if "{country}" in e.actor:
            # الجيش التركي، القوات الهندية: the adjective that follows names the country
            nxt = h.word_end + 1
            adj = adjectives.get(nxt)
            if adj is not None:
                name = _country_name(adj.value)
                if name:
                    e = ActorEntry(e.actor.replace("{country}", name), e.inter, adj.value, e.kind)
                    out.append(ActorMention(h.start, adj.end, e, h.surface))
                    continue
            # ميلشيات الحوثي، عناصر داعش: a generic word for armed men is the head of
            # the group named right after it
            named = at.get(h.word_end + 1)
            if (
                e.inter not in (1, 2)
                and named is not None
                and named.value.kind in _GROUPS
                and "{country}" not in named.value.actor
            ):
                merged.add(named.start)
                out.append(ActorMention(h.start, named.end, named.value, h.surface))
                continue
        if e.kind == "state_event":
            continue  # قصف، غارات: a state's act only when a nisba names the state
        if e.kind == "state_named":
            # طائرات الاحتلال، مدفعية الجيش التركي: the state's forces named after them
            owner = at.get(h.word_end + 1)
            if owner is not None and owner.value.kind in _OWNERS:
                merged.add(owner.start)
                out.append(ActorMention(h.start, owner.end, owner.value, h.surface))
            continue  # طائرات، مقاتلات: a state's forces only when a nisba names the state
        out.append(ActorMention(h.start, h.end, e, h.surface))
    return out


HOME_ELSEWHERE = "Military Forces of {country}"
_GROUPS = frozenset({"nonstate", "militia", "militia_home", "coalition"})


def _territory_forces() -> dict[str, str]:
    """lexicon/state_forces.tsv: iso3 → the forces generic words name there."""
    return resources().get(_read_territory_forces)


def _read_territory_forces(res: Resources) -> dict[str, str]:
    return {r["iso3"]: r["actor"] for r in res.tsv("lexicon/state_forces.tsv")}


def country_actors(
    text: str, places: Sequence[PlaceMention], triggers: Sequence[Hit[Trigger]]
) -> list[ActorMention]:
    """شنت إسرائيل غارات، واصلت إسرائيل قصفها: a country named as a bare subject (no
    clitic on it, no preposition or noun of grammar.yaml country_not_subject before it) up
    to 60 letters before an event word of its sentence acts through its forces."""
    starts = sorted(h.start for h in triggers if h.value.strength != "cue")
    ends = {h.word_end for h in triggers if h.value.strength != "cue"}
    blocked = frozenset(
        grammar("place_prepositions") + grammar("country_not_subject") + grammar("condemn_verbs")
    )  # في سوريا، ضد تركيا، دانت مصر (the country that condemns it)
    out = []
    for p in places:
        if p.place.kind != "country" or text[p.start - 1 : p.start] not in (" ", ""):
            continue  # بإسرائيل، لتركيا: a clitic on the name, not a subject
        if p.start - 1 in ends:  # قصفت تركيا مواقع: the subject right after the verb
            out.append(_forces_of(p, text))
            continue
        if p.cued:
            continue  # في سوريا: a place
        nxt = bisect.bisect_left(starts, p.end)
        if nxt == len(starts) or starts[nxt] - p.end > 60:
            continue
        if any(c in text[p.end : starts[nxt]] for c in ".!?:\n"):
            continue
        prev = text[max(0, p.start - 15) : p.start].split()
        if prev and prev[-1].removeprefix("و") in blocked:
            continue
        out.append(_forces_of(p, text))
    return out


def _forces_of(p: PlaceMention, text: str) -> ActorMention:
    name = _country_name(p.place.iso3) or p.place.name
    e = ActorEntry(f"Military Forces of {name}", 1, p.place.iso3, "state")
    return ActorMention(p.start, p.end, e, text[p.start : p.end])


def state_actor(mention: ActorMention, event_country: str | None) -> str | None:
    """Name of a mention, filling a generic state form with the event's country. A
    `state_home` form (الجيش الوطني) names its country's forces at home and the forces of
    the event's country elsewhere (the Tunisian, Libyan, Somali national army); a
    `militia_home` form names no one outside its country."""
    e = mention.entry
    if (
        mention.needs_country
        and e.actor.startswith("Military Forces")
        and event_country in _territory_forces()
    ):
        return _territory_forces()[event_country]  # الجنود in Gaza are Israel's
    if e.kind == "militia_home" and event_country and e.iso3 and event_country != e.iso3:
        return None  # أطلق النار على الحشد in Russia: a crowd, not the Iraqi PMF
    if e.kind == "state_home" and event_country and e.iso3 and event_country != e.iso3:
        name = _country_name(event_country)
        return HOME_ELSEWHERE.replace("{country}", name) if name else None
    if not mention.needs_country:
        return e.actor
    return mention.name(_country_name(event_country) if event_country else None)


@dataclass(frozen=True)
class _Markers:
    agent: tuple[str, ...]  # قصف شنه الحوثيون، على يد، من قبل: the actor after did it
    attribution: frozenset[str]  # نسبته: the actor after blames, the one after إلى did it
    target: tuple[str, ...]  # استهدف، ضد: the actor after was targeted
    shot_by: frozenset[str]  # برصاص، بنيران: the forces after fired the shots
    verb_first: regex.Pattern[str]  # …، استهدفت طائرات الاحتلال: the subject follows
    partitive: regex.Pattern[str]  # 3 من أفراد الشرطة: the actor after counts the victims
    claimed: regex.Pattern[str]  # تنظيم داعش مسؤوليته: the actor before claimed it
    blamed_to: regex.Pattern[str]  # … نسبته السلطات إلى: the actor after إلى is the agent
    between: regex.Pattern[str]  # اشتباكات بين X و Y: X one side, Y the other
    one_side: regex.Pattern[str]  # بين X وY من جهة: X and Y together are one side
    claim_verb: regex.Pattern[str]  # text ending in أعلن، تبنى: the actor after announces
    own_act: regex.Pattern[str]  # what may stand between it and the act it announces
    said_verb: regex.Pattern[str]  # text ending in قالت، أكد: the actor after speaks
    own_men_act: regex.Pattern[str]  # أن مقاتليها: its own men did the act told after
    clause_subject: regex.Pattern[str]  # text ending in «عندما فتح»: the actor after acts


def _markers(res: Resources) -> _Markers:
    return _Markers(
        grammar("agent_markers"),
        frozenset(grammar("attribution_markers")),
        grammar("target_markers"),
        frozenset(grammar("shot_by")),
        regex.compile(
            # the verb opens its clause: after a boundary, after an opener word (فقد،
            # كما، بينما) wherever it stands, or with و/ف joined to it
            rf"(?:(?:^|[.،,:\n؛]|\s-)\s*(?:{alternation(grammar('clause_openers'))}\s+)?"
            rf"|(?<![\p{{L}}]){alternation(grammar('clause_openers'))}\s+|(?<![\p{{L}}])[وف])"
            rf"{alternation(grammar('subject_verbs'))}\s+$"
        ),
        regex.compile(
            r"(?:\d+|[\p{L}]+)\s+" + alternation(grammar("partitive")) + r"\s+(?:[\p{L}]+\s+)?$"
        ),
        regex.compile(r"\s*" + alternation(grammar("responsibility_words"))),
        regex.compile(
            alternation(grammar("attribution_markers"))
            + r"(?:\s+\p{L}+){0,3}\s+"
            + alternation(grammar("attribution_to"))
            + r"\s*$"
        ),
        regex.compile(rf"(?<![\p{{L}}]){alternation(grammar('sides_words'))}\s+$"),
        regex.compile(rf"\s*{alternation(grammar('one_side'))}(?![\p{{L}}])"),
        regex.compile(
            # أعلن الحوثيون، أعلن المتحدث العسكري باسم الحوثيين: the party or its spokesman
            rf"(?<![\p{{L}}])[وف]?{alternation(grammar('claim_verbs'))}\s+"
            rf"(?:{alternation(grammar('spokesmen'))}(?:\s+\p{{L}}+)?\s+"
            rf"{alternation(grammar('on_behalf'))}\s+|\p{{L}}+\s+)?$"
        ),
        # nothing (أعلن الحوثيون استهداف), a day (اليوم), or أن with its own men
        # (أعلن حزب الله أن مقاتليه استهدفوا)
        regex.compile(
            r"\s*(?:\p{L}+\s+)?"
            + rf"(?:{alternation(grammar('complementizers'))}\s+{alternation(grammar('own_men'))}"
            + r"\s+(?:\p{L}+\s+)?"  # أن مقاتليها خاضوا اشتباكات: a verb before the act noun
            + rf"|(?:\p{{L}}+\s+){{0,3}}{alternation(grammar('self_complementizers'))}\s+)?$"
        ),
        regex.compile(rf"(?<![\p{{L}}]){alternation(grammar('said_verbs'))}\s+(?:\p{{L}}+\s+)?$"),
        # إن مقاتليها فجروا، في بيان إنه استهدف: its own men, or itself, did the act
        regex.compile(
            rf"\s*(?:{alternation(grammar('complementizers'))}\s+{alternation(grammar('own_men'))}"
            rf"(?:\s+\p{{L}}+)?|(?:\p{{L}}+\s+){{0,3}}{alternation(grammar('self_complementizers'))})\s+$"
        ),
        regex.compile(
            # قتل 6 أشخاص عندما فتح مسلحون النار: the subject of a verb that opens a clause
            # of time; not of a passive verb of harm (عندما قتل جنود: the dead)
            rf"(?<![\p{{L}}]){alternation(grammar('time_subordinators'))}\s+"
            rf"(?!{alternation(grammar('harm_verbs'))}\s)\p{{L}}+\s+$"
        ),
    )


# acts a party announces as its own (not tolls: أعلنت الشرطة مقتل 3 reports a death)
_OWN_ACTS = frozenset(
    {
        "attack",
        "shelling",
        "air",
        "drone",
        "territory",
        "arrest",
        "intercept",
        "disrupt",
        "seizure",
        "clash",
    }
)


# and, done by its own men (إن مقاتليها فجروا عبوة), bombs set off
_MEN_ACTS = frozenset({"ied", "explosion", "suicide", "grenade"})


def _counted(a: ActorMention, before: str, tolls: Sequence[tuple[int, int]]) -> bool:
    """قتل 4 جنود، قتل ثلاثة جنود أمريكيين، مقتل ثلاثة من الجنود: the ones counted in a
    toll are its victims (generic armed men are counted from the group named after them)."""
    return (
        a.entry.kind != "unidentified"
        and (_COUNTED.search(before[-6:]) is not None or _counted_in_words(before.split()))
        and any(s <= a.start < e for s, e in tolls)
    )


def _counted_in_words(words: list[str]) -> bool:
    """The words before an actor end in a count (ثلاثة), or in «من» after a count and maybe
    a noun (ثلاثة من، 60 عنصرا من)."""
    near = words[-1:]
    if words and words[-1] in grammar("partitive"):
        near = words[-3:-1]  # 60 عنصرا من الحوثيين: the count may stand before a noun
    return any(is_count(w) for w in near)


def _only_tells(
    text: str, a: ActorMention, before: str, marker: str | None, event_type: str, mk: _Markers
) -> bool:
    """The actor speaks, is a source's affiliation, blames or backs a side: it tells of the
    event or stands beside a side, it is neither side."""
    sp = speech()
    return bool(
        # وقال التحالف …: the speaker reports the attack, it did not make it
        (sp.speaker_before.search(before) and event_type != "Strategic developments")
        # وفق مصدر … في التحالف: a source's affiliation, not a party
        or sp.source_context.search(text, max(0, a.start - 40), a.start)
        # بحسب هيئة عمليات التجارة البحرية البريطانية: the source itself
        or sp.according_to.search(text, max(0, a.start - 40), a.start)
        # نسبته السلطات إلى …: the authorities blame, they are no party
        or (
            marker in mk.attribution
            and not mk.blamed_to.search(text, max(0, a.start - 45), a.start)
        )
        # بدعم وإسناد من قوات التحالف: an ally of a side, neither the actor nor its target
        or resources().get(_backing).search(before) is not None
    )


def _backing(res: Resources) -> regex.Pattern[str]:
    """Text ending in a word of backing and up to two words (بإسناد من، المدعومة من قبل)."""
    return regex.compile(
        rf"(?<![\p{{L}}]){alternation(grammar('backing_words'))}(?:\s+[^\s.،]+){{0,2}}\s+$"
    )


def _announces_own_act(text: str, a: ActorMention, fr: Frame, mk: _Markers) -> bool:
    """أعلنت جماعة الحوثي استهداف سفينة، أعلن الجيش أنه استهدف …: the party that
    announces an act right after its name (or «أن مقاتليه» did it) is the one that acted;
    a party that says its own men did it (قالت كتائب القسام إن مقاتليها فجروا) too."""
    acts = _OWN_ACTS
    if mk.claim_verb.search(text, max(0, a.start - 45), a.start) is not None:
        between = mk.own_act
    elif mk.said_verb.search(text, max(0, a.start - 30), a.start) is not None:
        between, acts = mk.own_men_act, _OWN_ACTS | _MEN_ACTS
    else:
        return False
    return any(
        h.value.category in acts
        and 0 <= h.start - a.end <= 40
        and between.fullmatch(text, a.end, h.start) is not None
        for h in fr.hits
    )


def _killed_before(fr: Frame, a: ActorMention, text: str) -> bool:
    """اغتيل صالح العاروري نائب رئيس المكتب السياسي لحماس في غارة: the one named after a
    verb of killing that comes before the act is its victim."""
    return any(
        h.value.category == "kill"
        and 0 <= a.start - h.end < 60
        # قتلت قوات الأمن، اغتالت إسرائيل، قتلوا: a verb agreeing with its subject is active
        and not text[h.start : h.word_end].endswith(tuple(clitics().active_endings))
        for h in fr.hits
    )


Role = tuple[ActorMention, str]
_COUNTED = regex.compile(r"(?<![\p{L}\p{N}])\d+\s*$")


def actor_side(fr: Frame, s_actors: list[ActorMention]) -> bool | None:
    """For territory changes: whether the side that took the place is the state."""
    if "territory" not in fr.categories:
        return None
    for a in s_actors:
        if a.start < fr.anchor.start + 60:
            return (
                a.entry.inter == 1
                or a.entry.kind
                in ("state", "state_home", "state_generic", "state_named", "state_event")
                or a.entry.actor in resources().get(_government_side)
            )
    return None


def _government_side(res: Resources) -> frozenset[str]:
    """event_types.yaml government_side: armed groups that take ground for a government."""
    return frozenset(res.yaml("lexicon/event_types.yaml").get("government_side", ()))


def is_agent(text: str, a: ActorMention) -> bool:
    """An agent marker right before the actor: مجزرة ارتكبها الجيش، قصف شنه الحوثيون."""
    before = text[max(0, a.start - 25) : a.start]
    return any(k in before for k in resources().get(_markers).agent)


def shot_by(text: str, start: int) -> bool:
    """A word of shooting right before `start`, or one word before it (shot_by in
    grammar.yaml): برصاص جنود، بنيران القوات الإسرائيلية، على يد شرطي."""
    words = text[max(0, start - 40) : start].split()
    markers = resources().get(_markers).shot_by
    return any(
        " ".join(words[len(words) - n :]) in markers
        or " ".join(words[len(words) - n - 1 : -1]) in markers
        for n in (1, 2)
        if len(words) > n
    )


def is_target(text: str, a: ActorMention, anchor_end: int) -> bool:
    """An actor after the trigger that it acts on (قصف … مواقع الجيش), not its subject
    (قصفت القوات الحكومية …: the subject right after the verb)."""
    if is_agent(text, a):
        return False
    before = text[max(0, a.start - 25) : a.start]
    m = resources().get(_markers)
    if m.verb_first.search(text, max(0, a.start - 40), a.start):
        return False  # استهدفت طائرات الاحتلال منزلا: the subject right after the verb
    targeted = any(
        before.rstrip().endswith(k) or f" {k} " in before[-12:]
        for k in resources().get(_markers).target
    )
    return targeted or a.start - anchor_end >= 25


def assign_roles(
    fr: Frame,
    event_type: str,
    s_actors: list[ActorMention],
    text: str,
    tolls: Sequence[tuple[int, int]] = (),
    objects: Sequence[int] = (),
) -> tuple[list[Role], list[Role]]:
    """actor1 (who acted) and actor2 (on whom) candidates, each with the rule that placed
    it, from position and markers around the trigger; `objects`: where victims counted
    after the subject of an active verb start (قتلت قوات الجيش 13 إرهابيا)."""
    actors1: list[Role] = []
    actors2: list[Role] = []
    sp = speech()
    mk = resources().get(_markers)
    anchor = fr.anchor
    pos = anchor.start
    killing = anchor.value.category == "kill"
    first_side: ActorMention | None = None  # اشتباكات بين X و Y: X, once read
    for a in _named_groups(s_actors, text):
        side, first_side = _side(text, a, first_side, pos, mk)
        if side is not None:
            if side:
                (actors1 if side == 1 else actors2).append((a, _SIDES[side]))
            continue
        if a.entry.kind in ("civilians", "protesters") and event_type not in _CROWD_TYPES:
            actors2.append((a, "victims"))
            continue
        before = text[max(0, a.start - 25) : a.start]
        if mk.claimed.match(text, a.end):
            actors1.append((a, "claimed responsibility"))  # أعلن داعش مسؤوليته عن …
            continue
        if _announces_own_act(text, a, fr, mk):
            actors1.append((a, "announced its own act"))
            continue
        marker = next((k for k in mk.agent if k in before), None)
        if _only_tells(text, a, before, marker, event_type, mk):
            continue
        target = _target_marker(text, a, before, anchor.word_end, mk)
        partitive = _counted_from(before, mk)
        counted = _counted(a, before, tolls)
        if marker:
            actors1.append((a, f"agent marker {marker}"))
        elif any(of_the_act(text, a.start, h) for h in fr.hits):
            actors1.append((a, "the act's owner (shelling by X)"))
        elif target:
            actors2.append((a, f"target marker {target}"))
        elif counted:
            actors2.append((a, "victims counted in the toll (4 soldiers)"))
        elif partitive and a.start > pos - 40:
            actors2.append((a, "victims counted from it (3 of the police)"))
        elif a.start <= pos < a.end or _names_a_trigger(a, fr):
            actors1.append((a, "named by the trigger (coalition aircraft)"))
        elif a.start < pos and a.entry.kind != "unidentified" and _killed_before(fr, a, text):
            actors2.append((a, "killed before the act"))
        elif a.start < pos and death_noun(anchor):
            actors2.append((a, "met death (X met his death)"))
        elif a.start < pos and pos - a.end < 60 and not sp.complementizer.search(text, a.end, pos):
            actors1.append((a, "subject before trigger"))
        elif a.entry.kind == "perpetrator":
            continue  # مقتل 5 أشخاص بمن فيهم منفذ العملية: counted dead, still no victim
        elif a.start > pos and mk.clause_subject.search(text, max(0, a.start - 30), a.start):
            actors1.append((a, "subject of a clause of time (when gunmen opened fire)"))
        elif any(0 <= s - a.end < 25 for s in objects) and (
            (killing and a.start > pos)
            # قتلت القوات 41 فلسطينيا … في اشتباكات: the verb of killing, not the anchor
            or any(h.value.category == "kill" and 0 <= a.start - h.end < 25 for h in fr.hits)
        ):
            actors1.append((a, "subject before the victims it killed"))
        elif killing and a.start > pos:
            actors2.append((a, "killed (passive: X was killed)"))
        elif a.start > pos and _subject_of_verb(text, a, fr):
            actors1.append((a, "subject right after its verb"))
        elif a.start > pos and _fought_with(text, a, fr):
            actors2.append((a, "the other side (fought with X)"))
        elif a.start > pos and a.start - anchor.end < 25:
            actors1.append((a, "subject after verb"))
        elif a.start > pos:
            actors2.append((a, "after trigger"))
    return actors1, actors2


_SIDES = {1: "one side (between X and Y)", 2: "the other side (between X and Y)"}
_CROWD_TYPES = ("Protests", "Riots")  # the event types whose actor1 a crowd may be


def _subject_of_verb(text: str, a: ActorMention, fr: Frame) -> bool:
    """صواريخ أطلقتها جماعة الحوثي: a party right after a verb of the act that agrees with
    its subject (its ending, with an object pronoun or without) did it."""
    if fr.categories & {"intercept", "disrupt"}:
        return False  # اعترضت صاروخا أطلقته الميليشيا: who fired is the other side
    c = clitics()
    endings = tuple(e + p for e in c.active_endings for p in ("", *c.possessive))
    return any(
        0 <= a.start - h.word_end <= 1 and text[h.start : h.word_end].endswith(endings)
        for h in fr.hits
        if h.value.category not in ("kill",)
    )


def _fought_with(text: str, a: ActorMention, fr: Frame) -> bool:
    """خاضوا اشتباكات مع قوات الاحتلال: a party right after «مع» in a fight."""
    before = text[max(0, a.start - 6) : a.start].split()
    return (
        bool(fr.categories & {"clash", "exchange"})
        and bool(before)
        and before[-1] in grammar("opponent_words")
    )


def _target_marker(
    text: str, a: ActorMention, before: str, verb_end: int, mk: _Markers
) -> str | None:
    """The word that makes the actor a target: a target marker before it (ضد، على …),
    unless the actor is the subject right after a verb first (استهدفت طائرات الاحتلال
    منزلا); or «ل» on it after the verb's object (هاجم مسلحون حاجزا للجيش: the object's
    owner)."""
    target = next(
        (k for k in mk.target if before.rstrip().endswith(k) or f" {k} " in before[-12:]),
        None,
    )
    if target and mk.verb_first.search(text, max(0, a.start - 40), a.start):
        return None
    if target is None and _owner_of_object(text, a.start, verb_end):
        return "owner of the object"
    return target


def _owner_of_object(text: str, start: int, verb_end: int) -> bool:
    """حاجزا للجيش، مقرا لقوات الأمن: the mention carries «ل» and follows a word other
    than the verb."""
    clitic = text[max(0, start - 2) : start]
    if clitic.endswith(tuple(grammar("owner_clitics"))) and clitic[:1] in (" ", ""):
        return start - 1 > verb_end + 1
    # أهدافا لحركة حماس: «ل» on the group word before the name
    word = _group_word(text, start)
    return word is not None and start - len(word) - 1 > verb_end + 1


def _counted_from(before: str, mk: _Markers) -> bool:
    """3 من أفراد الشرطة: the actor after «من» counts the victims; not after a noun of
    members with no count before it (هاجم عناصر من داعش: the attackers)."""
    if not mk.partitive.search(before[-16:]):
        return False
    words = before.split()
    if len(words) < 2 or words[-2] not in grammar("member_nouns"):
        return True
    return len(words) >= 3 and is_count(words[-3])


def _named_groups(s_actors: list[ActorMention], text: str) -> list[ActorMention]:
    """مسلحون من جبهة النصرة، عناصر من داعش: unidentified armed men «of» a named group
    are that group, standing where they stand (one mention over both)."""
    out: list[ActorMention] = []
    partitive = grammar("partitive")
    for a in s_actors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.entry.kind == "unidentified"
            and a.entry.kind != "unidentified"
            and text[prev.end : a.start].strip(" /") in partitive
        ):
            out[-1] = replace(a, start=prev.start)
            continue
        out.append(a)
    return out


def _side(
    text: str, a: ActorMention, first: ActorMention | None, pos: int, mk: _Markers
) -> tuple[int | None, ActorMention | None]:
    """Fighting «بين X و Y»: (1, X) for X right after «بين», (2, None) for Y right after
    «و» and X; (0, Y) for an ally of X before «من جهة» (one side with X, no role of its
    own); (None, first) for any other actor."""
    if first is not None and text[first.end : a.start].strip() == "و":
        if mk.one_side.match(text, a.end):
            return 0, a  # بين قوات النظام وحزب الله من جهة و…: allies, one side
        return 2, None
    if a.start > pos and mk.between.search(text, max(0, a.start - 8), a.start):
        return 1, a
    return None, first


_OWNED_ACTS = frozenset({"shelling", "air", "drone", "attack", "ied", "explosion", "massacre"})


def _group_word(text: str, start: int) -> str | None:
    """The group word carrying «ل» right before a name (لتنظيم داعش، لحركة حماس:
    grammar.yaml owner_clitics, owner_heads), if any."""
    before = text[max(0, start - 16) : start].split()
    if (
        before
        and before[-1][:1] in grammar("owner_clitics")
        and before[-1][1:] in grammar("owner_heads")
    ):
        return before[-1]
    return None


def _group_word_before(text: str, start: int) -> int:
    """Where the name starts with a group word before it carrying «ل», right after its
    «ل» (one space between), else `start`."""
    word = _group_word(text, start)
    if word is not None and text[start - 1 : start] == " ":
        return start - len(word)
    return start


def of_the_act(text: str, start: int, act: Hit[Trigger]) -> bool:
    """قصف مدفعي لميليشيات الحوثي، غارات لقوات التحالف: an actor with ل right after the
    act's noun (and its adjectives, up to 20 letters) is whose act it was."""
    if act.value.category not in _OWNED_ACTS or not 0 <= start - act.end <= 30:
        return False
    grouped = _group_word_before(text, start)  # هجوم لتنظيم داعش: «ل» on the group word
    if grouped != start and len(text[act.word_end : grouped].split()) > 1:
        return False  # أهدافا تابعة لتنظيم داعش: the target's owner, past an object
    start = grouped
    if start - act.end > 20:
        return False
    if text[start - 1 : start] != "ل" or text[start - 2 : start - 1] not in (" ", ""):
        return False
    between = text[act.end : start - 1]
    targets = resources().get(_markers).target  # غارة على مواقع للحوثيين: the target's
    # قصف أهدافا لحركة حماس: an accusative object between is the target, not an adjective
    # (قصفا مدفعيا لقوات: after an accusative act the adjectives agree with it)
    endings = grammar("accusative_endings")
    accusative = not text[act.start : act.word_end].endswith(endings) and any(
        w.endswith(endings) for w in between.split()
    )
    return (
        not any(c in between for c in "،,.:")
        and not set(between.split()) & set(targets)
        and not accusative
    )


def default_actors(ev: Event, fr: Frame, owner: str | None = None) -> None:
    """The actors ACLED codes when the text names none (event_types.yaml): an unidentified
    armed group for violence, protesters, rioters; civilians or the state forces of the
    event's country (or of `owner`, the country whose nisba follows the place: قاعدة عين
    الأسد الأمريكية) as the target of violence, by the target words of the sentence; none
    where another state's forces hold the ground (state_forces.tsv: Palestine)."""
    tax = taxonomy()
    info = tax.of(ev.event_type, ev.sub_event_type)
    if ev.actor1 is None and info.actor1 is not None:
        ev.actor1, ev.inter1 = info.actor1
    if ev.actor2 is None and info.actor2 is not None:
        ev.actor2, ev.inter2 = info.actor2
    if ev.actor2 is None and info.violent and fr.civilians and not fr.security and not fr.militants:
        ev.actor2, ev.inter2 = "Civilians", 7
    if (
        ev.actor2 is None
        and info.violent
        and fr.militants
        and ev.actor1 not in (None, *tax.default_actors)
    ):
        ev.actor2, ev.inter2 = "Unidentified armed group", 3  # the armed men the forces killed
    home = owner or ev.country
    if ev.actor2 is None and info.violent and fr.security and home:
        if owner is None and home in _territory_forces():
            return  # no Palestinian army: an operation in Jenin targets no state forces
        # a police station, a patrol, soldiers: the state forces of the event's country
        country = load_gazetteer().countries.get(home)
        if country is not None:
            kind = "Police" if fr.police else "Military"
            forces = f"{kind} Forces of {country.name}"
            if ev.actor1 != forces:  # قصفت القوات الحكومية: the forces are the attackers
                ev.actor2, ev.inter2 = forces, 1


def coalition(name: str, am: ActorMention, country: str | None) -> str:
    """التحالف alone: the Saudi-led coalition in Yemen, the US-led one elsewhere."""
    if am.entry.kind != "ambiguous_coalition":
        return name
    return "Saudi-led coalition" if country in ("YEM", "SAU") else "Coalition forces"
