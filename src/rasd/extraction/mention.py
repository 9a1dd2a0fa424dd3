"""A mention: one frame with its arguments (place, day, figures, actors, sources), before
it becomes an event record."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from rasd.extraction.actors import ActorMention, actor_side, assign_roles
from rasd.extraction.casualties import AFTER_SUBJECT, Toll, mention_munitions, own_tolls
from rasd.extraction.dates import DateMention, choose_day
from rasd.extraction.frames import SentenceFacts
from rasd.extraction.places import PlaceMention, choose_place
from rasd.extraction.sources import Source
from rasd.extraction.triggers import Frame, Trigger, choose_type, lexicon
from rasd.model import Sentence
from rasd.resources import Resources, resources
from rasd.text.matcher import ARTICLE, Hit
from rasd.text.tokens import Token
from rasd.text.words import alternation, grammar, listed_word


def _territory_object(res: Resources) -> regex.Pattern[str]:
    """سيطر على مدينة …، حررت القوات جبل …: a place noun the territory verb takes."""
    preps = alternation(grammar("territory_prepositions"))
    objects = alternation(grammar("territory_objects"))
    return regex.compile(rf"(?<![\p{{L}}])(?:{preps}\s+)?(?:{ARTICLE})?{objects}(?![\p{{L}}])")


def _freed(res: Resources) -> regex.Pattern[str]:
    """People as the object of a territory verb (تحرير طفل، حرروا الرهائن), its subject
    of up to three words between (حررت قوات الأمن طفلا)."""
    return regex.compile(
        r"(?:\s+[^\s.،؛]+){0,3}?"
        rf"\s+[وفبل]?(?:{ARTICLE})?{alternation(grammar('freed_people'))}\u0627?(?![\p{{L}}])"
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
    sources: list[Source] = field(default_factory=list)
    inherited_place: bool = False
    index: int = 0  # the sentence's position in the article


def build_mention(
    fr: Frame,
    facts: SentenceFacts,
    text: str,
    s_places: list[PlaceMention],
    s_tokens: list[Token],
    last_place: PlaceMention | None,
) -> Mention | None:
    """The mention a frame tells, with its arguments taken from the sentence; None when the
    frame turns out to tell no event."""
    if not _keeps_territory(fr, s_places, text):
        return None
    fr.state_actor1 = actor_side(fr, facts.actors)
    _drop_sparking_force(fr, text, facts.sent.start)
    # protesters killed, or wounded by gunfire (أصيب 20 متظاهرا برصاص قوات الأمن)
    protest_victims = "protest" in fr.categories and any(
        t.value > 0
        and (t.field == "fatalities" or "firearm" in fr.categories)
        and _protest_toll(text, t, facts.sent.start, fr)
        for t in facts.tolls
    )
    etype, sub, weapon = choose_type(fr, protest_victims=protest_victims)
    m = Mention(facts.sent, fr, etype, sub, weapon)
    pos = fr.anchor.start
    # place: the most specific place nearest the trigger
    if s_places:
        protest = etype in ("Protests", "Riots")
        own = _event_places(s_places, facts.actors, text, protest, fr.anchor.end)
        # every place of the sentence is another event's: this one's is not told here
        # وفي حادث منفصل: a separate incident does not borrow the place told before
        before = last_place if own and not told_apart(text, pos, fr.anchor.end) else None
        m.place, m.inherited_place = choose_place(own, pos, before)
    # date: the day expression nearest the trigger in the sentence
    if facts.dates:
        m.date_ = choose_day(facts.dates, pos, facts.sent.start, text, m.place)
    m.tolls = own_tolls(fr, facts.tolls, facts.sent, pos, text)
    if etype == "Protests":
        # اعتصموا احتجاجا على مقتل عقيد: the death is the protest's cause, not its toll
        m.tolls = [t for t in m.tolls if _protest_toll(text, t, facts.sent.start, fr)]
    m.munitions = mention_munitions(s_tokens, facts.sent)
    spans = [(t.start, t.end) for t in facts.tolls if t.value > 0]
    actors = facts.actors
    if fr.bounds is not None:
        lo, hi = fr.bounds
        actors = [a for a in actors if lo <= a.start < hi]
    # قتلت قوات الجيش 13 إرهابيا: the victims counted after the verb's subject
    objects = [t.start for t in facts.tolls if t.value > 0 and t.rule == AFTER_SUBJECT]
    m.actors1, m.actors2 = assign_roles(fr, m.event_type, actors, text, spans, objects)
    _air_power(m)
    _crowd_violence(m)
    if m.event_type == "Strategic developments":
        # an arrest, a foiled plot, an agreement kill nobody: a toll in their sentence
        # belongs to the event it recalls (اعتقل … بعد تفجير أودى بحياة 27 شخصا)
        m.tolls = []
    return m


def _event_places(
    places: list[PlaceMention],
    actors: list[ActorMention],
    text: str,
    protest: bool = False,
    anchor_end: int = 0,
) -> list[PlaceMention]:
    """The places of the sentence less those that tell where one side is from (بين المقاومة
    بغزة وقوات الاحتلال في خان يونس), where a whole war is fought (في اليوم الـ215 من العدوان
    على غزة، قصف … برفح) or what a protest is for (اعتصام من أجل غزة في جامعة …), when
    another place is left. A protest is never placed where the war it is against is fought
    (مظاهرات في فرنسا للمطالبة بوقف الحرب على غزة): with no other place it has none; nor is
    a strike where the attack it answers happened (قصفت … ردا على هجوم على قاعدة في …)."""
    # شنت غارات ردا على هجوم صاروخي على مواقعه في الجولان (grammar.yaml retaliation_words)
    reply = resources().get(_retaliation)
    answered = [
        p for p in places if p.start > anchor_end and _told_after_cue(text, p, reply, anchor_end)
    ]
    if answered:
        places = [p for p in places if p not in answered]
    if len(places) < 2 and not protest:
        return places
    before, after = set(grammar("side_place_before")), set(grammar("side_place_after"))
    ends = [a.end for a in actors]
    starts = [a.start for a in actors]
    war, cause = resources().get(_war_scope), resources().get(_cause)

    def gap(a: int, b: int) -> str | None:
        return text[a:b].strip() if 0 <= b - a <= 5 else None

    causes = resources().get(_protest_causes)[0]

    def not_here(p: PlaceMention) -> bool:
        if war.search(text, max(0, p.start - 40), p.start) or cause.search(
            text, max(0, p.start - 25), p.start
        ):
            return True
        # تظاهروا احتجاجا على حرق الطفل … في نابلس: where the event a protest is against
        # happened (احتجاجا على غلاء الأسعار في مدينة … names no event: the protest is there)
        if protest and _told_after_cue(text, p, causes, 0, ("protest", "riot")):
            return True
        lead = {gap(e, p.start) for e in ends}
        return bool(lead & before) and bool({gap(p.end, s) for s in starts} & (after | {""}))

    own = [p for p in places if not not_here(p)]
    if protest:
        return own
    return own if own and len(own) < len(places) else places


def _told_after_cue(
    text: str,
    p: PlaceMention,
    cue: regex.Pattern[str],
    lo: int,
    skip: tuple[str, ...] = (),
) -> bool:
    """Whether the place is where another event happened, one told by an event word (not of
    the `skip` categories) between the nearest cue word before the place (from `lo`, within
    100 letters) and the place, in one stretch of the sentence: what a protest is against,
    the attack a strike answers."""
    found = list(cue.finditer(text, max(lo, p.start - 100), p.start))
    m = found[-1] if found else None  # the cue word nearest the place
    return (
        m is not None
        and not any(c in text[m.end() : p.start] for c in "\u060c.\n!\u061f")
        and any(
            h.value.strength != "cue" and h.value.category not in skip
            for h in lexicon().triggers.find(text, m.end(), p.start)
        )
    )


def _retaliation(res: Resources) -> regex.Pattern[str]:
    words = alternation(grammar("retaliation_words"))
    return regex.compile(rf"(?<!\p{{L}})[\u0648\u0641]?{words}(?!\p{{L}})")  # و/ف before


def _cause(res: Resources) -> regex.Pattern[str]:
    """A cause right before a place (اعتصام من أجل غزة، مظاهرة تضامنا مع غزة)."""
    words = alternation(grammar("cause_words"))
    return regex.compile(rf"(?<!\p{{L}})[و]?{words}\s+ل?(?:{ARTICLE})?\Z")


def _protest_cause(text: str, start: int, sent_start: int, anchor_end: int) -> bool:
    """A toll told as what a protest is against (اعتصموا احتجاجا على مقتل عقيد), or as what
    it followed when the protest is told first (المظاهرات التي شهدتها المدينة إثر مقتل
    عقيد): no victims of the protest (grammar.yaml protest_causes, reference_heads). Told
    before the protest («إثر مقتل 16 خلال تظاهرات»), they are its victims."""
    causes, heads = resources().get(_protest_causes)
    lo = max(sent_start, start - 30)
    return (
        causes.search(text, lo, start) is not None
        or heads.search(text, max(lo, anchor_end), start) is not None
    )


def _drop_sparking_force(fr: Frame, text: str, sent_start: int) -> None:
    """أثار تسجيل يظهر شرطيين يطلقان النار على شاب احتجاجات، تجمعوا للتنديد بإطلاق النار: force
    told as what sparked a protest (grammar.yaml spark_verbs before it) or as what it is
    against (protest_causes right before it) is its cause, not force the protest met."""
    if "protest" not in fr.categories:
        return
    force = {"firearm", "intervention", "arrest"}
    protest = min((h.start for h in fr.hits if h.value.category == "protest"), default=None)
    told = [h for h in fr.hits if h.value.category in force]
    if protest is None or not told:
        return
    spark = listed_word("spark_verbs").search(text, sent_start, protest)
    causes = resources().get(_protest_causes)[0]

    def cause(h: Hit[Trigger]) -> bool:
        if spark is not None and spark.end() <= h.start < protest:
            return True
        return causes.search(text, max(sent_start, h.word_start - 16), h.word_start) is not None

    if all(cause(h) for h in told):
        fr.categories -= force


def _protest_toll(text: str, t: Toll, sent_start: int, fr: Frame) -> bool:
    """Whether a toll counts the protest's own victims, not what it is against."""
    return _during_protest(text, t.start, fr) or not _protest_cause(
        text, t.start, sent_start, fr.anchor.end
    )


def _during_protest(text: str, toll_start: int, fr: Frame) -> bool:
    """احتجاجا على مقتل 16 فلسطينيا … خلال مظاهرات خرجت الجمعة: dead told as killed during a
    protest (grammar.yaml during_words right before its word) are its victims, even where
    they are also what another protest is against."""
    during = resources().get(_during)
    return any(
        h.value.category == "protest"
        and 0 < h.word_start - toll_start <= 80
        and during.search(text, max(toll_start, h.word_start - 12), h.word_start) is not None
        for h in fr.hits
    )


def _during(res: Resources) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\p{{L}}){alternation(grammar('during_words'))}\s+\Z")


def _protest_causes(res: Resources) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    def words(name: str) -> regex.Pattern[str]:
        return regex.compile(rf"(?<!\p{{L}})[و]?{alternation(grammar(name))}(?!\p{{L}})")

    return words("protest_causes"), words("reference_heads")


_DATIVE = "\u0644\u0644"  # لل: ل before the article, whose alif it drops (للحرب)


def _war_scope(res: Resources) -> regex.Pattern[str]:
    """A war noun and its preposition right before a place (العدوان على غزة، الحرب في السودان)."""
    nouns = alternation(grammar("war_nouns"))
    preps = alternation(grammar("war_prepositions"))
    return regex.compile(
        rf"(?<!\p{{L}})(?:[وبل]?(?:ال)?|{_DATIVE}){nouns}(?:\s+\p{{L}}+){{0,2}}\s+{preps}\s+(?:{ARTICLE})?\Z"
    )


def _crowd_violence(m: Mention) -> None:
    """A crowd of protesters in a fight: with state forces acting on it (أطلقت الشرطة النار
    على المحتجين) a protest with intervention, excessive force when people are killed; with
    none (اقتحم محتجون القنصلية وأضرموا النار فيها) a violent demonstration. The crowd is
    actor1, the forces actor2, as SPEC codes protests."""
    if m.event_type not in ("Violence against civilians", "Battles"):
        return
    crowd = [(a, r) for a, r in m.actors1 + m.actors2 if a.entry.kind == "protesters"]
    if not crowd:
        return
    forces = [(a, r) for a, r in m.actors1 + m.actors2 if a.entry.inter in (1, 2)]
    killed = "kill" in m.frame.categories or any(
        t.field == "fatalities" and t.value > 0 for t in m.tolls
    )
    if any(a.entry.inter in (1, 2) for a, _ in m.actors1):
        # أطلقت الشرطة النار على المحتجين: the forces act on the crowd (SPEC: the
        # protesters are actor1, the forces actor2)
        m.event_type = "Protests"
        m.sub_event_type = (
            "Excessive force against protesters" if killed else "Protest with intervention"
        )
    elif killed:
        return  # people killed by someone in the crowd: the attack ACLED codes
    else:
        m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
    m.actors1, m.actors2 = crowd, forces


# Actors whose bombardment is from the air (the coalitions in Yemen, Iraq and Syria).
_AIR_POWERS = frozenset({"coalition", "ambiguous_coalition"})
_GUNS = frozenset({"artillery", "mortar", "rocket", "missile"})


def _air_power(m: Mention) -> None:
    """قصف التحالف مواقع …: a coalition's bombardment with no gun named is an air strike."""
    if (
        m.sub_event_type == "Shelling/artillery/missile attack"
        and not set(m.frame.weapons) & _GUNS
        and any(a.entry.kind in _AIR_POWERS for a, _ in m.actors1)
    ):
        m.sub_event_type, m.weapon = "Air/drone strike", "airstrike"


def _keeps_territory(fr: Frame, s_places: list[PlaceMention], text: str) -> bool:
    """سيطر / حرر take a place as object (حرر مدينة X); تحرير طفل مختطف is no territory.
    Drops the territory reading when no place follows; False when nothing else is left."""
    territory = [h for h in fr.hits if h.value.category == "territory"]
    # a phrasal trigger (حققت القوات … تقدما) is the verb; its object ends the phrase
    ends = [max(h.end, h.start + len(h.surface)) for h in territory]
    # لتحرير عدن، للسيطرة على: what a move is for, not ground taken
    purpose = set(grammar("purpose_proclitics"))
    ends = [
        e
        for h, e in zip(territory, ends, strict=True)
        if text[h.word_start : h.start] not in purpose
    ]
    # تحرير طفل مختطف، تحرير الرهائن: people freed, not ground taken
    freed = resources().get(_freed)
    if all(freed.match(text, end) for end in ends):
        ends = []
    obj = resources().get(_territory_object)
    if territory and not any(
        0 <= p.start - end <= 40
        # سيطر الجيش الإسرائيلي على الجانب الفلسطيني من معبر رفح: the subject between
        or (p.start - end <= 90 and obj.search(text, end, p.start) is not None)
        or obj.search(text, end, end + 60)
        for end in ends
        for p in s_places
    ):
        fr.categories.discard("territory")
        if not fr.categories - {"impact", "firearm", "intervention", "weapon", "aircraft"}:
            return False
    return True


def told_apart(text: str, start: int, end: int) -> bool:
    """وفي انفجار آخر منفصل، وفي حادثة منفصلة قتل جندي: an event the text tells as a separate
    one (grammar.yaml separate_words right after its word, or just before it), never to be
    folded into the one before. «غارة أخرى» alone is not: ACLED codes one event per type,
    place and day."""
    words = grammar("separate_words")
    near = text[end : end + 20].split()[:2] + text[max(0, start - 25) : start].split()
    return any(w.strip("\u060c,.") in words for w in near)
