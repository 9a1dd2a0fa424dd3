"""Frames: a sentence's triggers grouped into what each clause says happened.

A clause with an event trigger opens a frame (or joins the frame before it when it tells
the same kind of event); cue words refine it. Triggers that only point at an event already
told (الهجوم، الانفجار), name an event as a time reference (غداة الهجوم) or sit in a
running total (منذ بداية العام) do not open new events.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from rasd.extraction.actors import ActorMention
from rasd.extraction.casualties import Toll
from rasd.extraction.dates import DateMention, will_do
from rasd.extraction.triggers import Frame, Trigger, death_noun, lexicon
from rasd.model import Sentence
from rasd.resources import Resources, resources
from rasd.text.matcher import ARTICLE, Hit
from rasd.text.normalize import key
from rasd.text.numbers import is_count
from rasd.text.segment import new_subject_verb
from rasd.text.words import alternation, clitics, grammar


@dataclass(frozen=True)
class _Patterns:
    # المسجد الذي وقع فيه التفجير: the event is only pointed at
    relative_ref: regex.Pattern[str]
    relative: regex.Pattern[str]  # text ending in الذي، التي، الذين
    undergoing: regex.Pattern[str]  # a relative pronoun and an imperfect verb of undergoing
    # الهجوم (الإرهابي) الذي وقع …: the event noun followed by the clause that tells it
    introduced: regex.Pattern[str]
    condemned: regex.Pattern[str]  # text ending in a condemnation and its object
    # وذلك غداة تبادل لإطلاق النار، بعد يومين من الهجوم: an event named as a time reference
    reference: regex.Pattern[str]
    # منذ يونيو، منذ 15 عاما، ومنذ الهجوم: a running total or old background
    since: regex.Pattern[str]
    casualty_nouns: regex.Pattern[str]  # شهداء، قتلى، جرحى: the dead or wounded, no figure
    # تمكنت القوات من القضاء على: a verbal noun that tells the act, not a reference
    governed: regex.Pattern[str]
    # في المعارك نفسها: the event just told, pointed at
    same: regex.Pattern[str]
    # قتل 15 في الهجوم: the definite event noun names the cause of the casualties
    cause: regex.Pattern[str]
    # الدمار الذي طال السوق إثر قصفه: damage told before the event it came from
    consequence: regex.Pattern[str]
    # وسط غارات، بالتزامن مع قصف: another event at the same time, inside the clause
    co_occurring: regex.Pattern[str]
    # فيما قصفت المدفعية …: a connector that opens another report in the sentence
    connector: regex.Pattern[str]
    # نشرت … مشاهد: what is published
    published: regex.Pattern[str]
    deployed: regex.Pattern[str]  # what «نشر» deploys: forces or arms
    foiled: regex.Pattern[str]  # what «إحباط» foils: an attack, a plot
    # ضبطت القوات كميات من الأسلحة: a weapon or cache among the first words seized
    seized: regex.Pattern[str]
    aims: regex.Pattern[str]  # تستهدف تأهيل …: what a programme aims at
    symbols: regex.Pattern[str]  # أحرقوا علم …: what protesters burn
    # ارتكب الاحتلال 3 مجازر: a verb of committing before a weak trigger
    committed: regex.Pattern[str]
    # حررت القوات جبل الحلقوم: a place noun a territory verb takes as object
    held: regex.Pattern[str]


def _patterns(res: Resources) -> _Patterns:
    g = grammar
    # one-letter proclitics as a character class (و، ف، ب، ل) and the conjunctions (و، ف)
    pro, conj = f"[{''.join(sorted(clitics().proclitics))}]?", f"[{clitics().conjunctions}]?"
    months = [m for forms in res.yaml("lexicon/dates.yaml")["months"].values() for m in forms]
    return _Patterns(
        relative_ref=regex.compile(
            rf"{alternation(g('relative_pronouns'))}\s+{alternation(g('occurrence_verbs'))}"
            rf"\s*{alternation(g('locative_pronouns'))}?\s*$"
        ),
        condemned=regex.compile(
            rf"(?<![\p{{L}}]){pro}{alternation(g('condemn_verbs'))}(?![\p{{L}}])[^.،؛]*$"
        ),
        relative=regex.compile(rf"(?<![\p{{L}}]){alternation(g('relative_pronouns'))}\s+$"),
        undergoing=regex.compile(
            rf"(?<![\p{{L}}]){alternation(g('relative_pronouns'))}\s+"
            rf"{alternation(g('undergoing_verbs'))}\s+(?:{alternation(g('undergoing_links'))}\s+)?$"
        ),
        introduced=regex.compile(
            rf"(?:\s+[\p{{L}}]+)?\s+{alternation(g('relative_pronouns'))}\s+"
            rf"{alternation(g('occurrence_verbs'))}(?![\p{{L}}])"
        ),
        reference=regex.compile(
            rf"(?<![\p{{L}}])(?:(?:و?{alternation(g('reference_demonstratives'))}\s+)?"
            rf"{alternation(g('reference_heads'))}\s+(?:[\p{{L}}]+\s+)?"
            rf"|{alternation(g('reference_after'))}\s+(?:(?:\d+|[\p{{L}}]+)\s+){{0,2}}"
            rf"{alternation(g('reference_units'))}\s+{alternation(g('reference_prepositions'))}\s+"
            rf"(?:{alternation(g('reference_phases'))}\s+)?)$"
        ),
        # a verb of launching, not in a relative clause (الجهاديين الذين نفذوا عددا من
        # الهجمات: a description of its subject)
        governed=regex.compile(
            rf"(?<![\p{{L}}]){conj}(?:{alternation(g('verbal_noun_governors'))}"
            rf"|(?<!{alternation(g('relative_pronouns'))}\s+){alternation(g('launch_verbs'))})"
            rf"(?:\s+\p{{L}}+){{0,3}}"
            r"\s+(?:من\s+|في\s+|علي\s+)?$"
        ),
        same=regex.compile(rf"\s+{alternation(g('same_words'))}(?![\p{{L}}])"),
        cause=regex.compile(rf"(?<![\p{{L}}]){alternation(g('cause_prepositions'))}\s+$"),
        co_occurring=regex.compile(rf"\s*(?<![\p{{L}}]){alternation(g('co_occurring'))}\s"),
        published=regex.compile(
            rf"(?<![\p{{L}}])[بو]?(?:{ARTICLE})?{alternation(g('publication_objects'))}(?![\p{{L}}])"
        ),
        symbols=regex.compile(
            rf"\s+(?:{alternation(g('symbol_prepositions'))}\s+)?{pro}(?:{ARTICLE})?"
            rf"{alternation(g('symbolic_objects'))}(?![\p{{L}}])"
        ),
        aims=regex.compile(rf"\s+{pro}(?:{ARTICLE})?{alternation(g('aim_objects'))}(?![\p{{L}}])"),
        foiled=regex.compile(
            rf"(?<![\p{{L}}]){pro}(?:{ARTICLE})?{alternation(g('foiled_objects'))}(?![\p{{L}}])"
        ),
        seized=regex.compile(
            rf"(?:\s+\S+){{0,6}}?\s+{pro}(?:{ARTICLE})?"
            rf"(?:(?P<other>{alternation(g('seized_other'))})|{alternation(g('seized_objects'))})"
            rf"(?![\p{{L}}])"
        ),
        deployed=regex.compile(
            rf"(?<![\p{{L}}])[بو]?(?:{ARTICLE})?{alternation(g('deployed_objects'))}(?![\p{{L}}])"
        ),
        connector=regex.compile(rf"[\s،,]*(?<![\p{{L}}]){alternation(g('clause_connectors'))}\s"),
        held=regex.compile(
            rf"(?<![\p{{L}}])(?:{alternation(g('territory_prepositions'))}\s+)?(?:{ARTICLE})?"
            rf"{alternation(g('territory_objects'))}(?![\p{{L}}])"
        ),
        committed=regex.compile(
            rf"(?<![\p{{L}}]){conj}{alternation(g('perpetration_verbs'))}(?![\p{{L}}])"
        ),
        consequence=regex.compile(
            rf"(?<![\p{{L}}]){pro}{alternation(g('consequence_words'))}(?![\p{{L}}])"
        ),
        casualty_nouns=regex.compile(
            rf"\s*\d*\s*{alternation(g('casualty_nouns'))}(?:\s+\S*{alternation(g('casualty_nouns'))})?"
            rf"(?![\p{{L}}])"
        ),
        since=regex.compile(
            rf"(?<![\p{{L}}])و?{alternation(g('since'))}\s+(?:{alternation(g('since_fillers'))}\s+)?"
            r"(?:\d+\s+|[\p{L}]+\s+)?"
            rf"{alternation([*g('since_objects'), *months])}(?![\p{{L}}])"
        ),
    )


@dataclass
class SentenceFacts:
    """What a sentence holds besides its triggers (normalized offsets)."""

    sent: Sentence
    blocks: list[Hit[tuple[str, str, int, int]]]
    tolls: list[Toll]
    dates: list[DateMention]
    actors: list[ActorMention]
    places: tuple[int, ...] = ()  # where the sentence's named places start


def frames(
    facts: SentenceFacts,
    trig: list[Hit[Trigger]],
    text: str,
    prev_categories: frozenset[str] = frozenset(),
    lead: bool = True,
    fought: bool = False,
) -> list[Frame]:
    """Group a sentence's triggers into frames: one per clause that holds an event trigger."""
    sent = facts.sent
    out: list[Frame] = []
    trig = _live(trig, facts, text)
    for c_start, c_end in _split_co_occurring(sent.clauses, trig, text):
        c_trig = [h for h in trig if c_start <= h.start < c_end]
        if not c_trig:
            continue
        # … والمقاومة تقصف عسقلان: a new subject with its verb tells a report of its own
        verb = new_subject_verb(text, c_start) if out and sent.headline else None
        if verb is not None:
            c_trig = [_as_anchor(h) if h.word_start == verb else h for h in c_trig]
        anchors = [h for h in c_trig if h.value.strength in ("strong", "weak")]
        if not anchors:
            if out:
                _add_categories(out[-1], c_trig)  # cues refine the frame before
            continue
        # a cancelled word refines nothing either (اعتقل بتهمة تفجير سيارة مفخخة: an arrest)
        c_trig = _unblocked(c_trig, facts, text, c_start, c_end)
        anchors = [h for h in c_trig if h.value.strength in ("strong", "weak")]
        if not anchors:
            continue
        if _seized_in_operation(anchors, fought, out):
            continue  # أسفرت العملية عن حجز أسلحة: what an operation just told seized
        if _death_only(anchors) and not _violent(trig, facts):
            continue  # لقيت ربة منزل مصرعها: a death with no act of violence in the sentence
        strong = any(h.value.strength == "strong" for h in anchors)
        cats = {h.value.category for h in c_trig}
        anaphoric = _anaphoric(anchors, facts, text, c_start, c_end, strong, lead)
        if (
            not strong
            and not _supported(anchors, facts, text, (c_start, c_end), prev_categories)
            and not (cats & {"impact", "firearm"} and len(cats) > 1)
            and len({h.value.category for h in anchors}) < 2
            # a frame before in the sentence supports it, unless that one only points
            # back (مزيد من التقدم … أن تقدم إسرائيل تنازلات)
            and not (out and not out[-1].anaphoric)
            and not anaphoric
        ):
            # a weak trigger alone (هجوم، قذائف) with nothing to say it happened here
            continue
        anchor = next((h for h in anchors if h.value.strength == "strong"), anchors[0])
        beside = bool(out) and _co_occurring(
            out[-1], anchor, text, c_start, _own_toll(out[-1], facts, (c_start, c_end))
        )
        describes = bool(out) and (
            _describes_before(anchor, facts, text, c_start) or _result_of(anchor, text, c_start)
        )
        if describes or (
            out
            and _compatible(out[-1], cats)
            and not _new_event(out[-1], anchor)
            and not beside
            and verb is None
        ):
            fr = out[-1]
            fr.anaphoric = fr.anaphoric and anaphoric
        else:
            fr = Frame(anchor, anaphoric=anaphoric)
            if beside:
                before = out[-1]
                before.bounds = (before.bounds[0] if before.bounds else sent.start, c_start)
                fr.bounds = (c_start, sent.end)
            out.append(fr)
        fr.strong = fr.strong or strong
        fr.span = (
            (min(fr.span[0], c_start), max(fr.span[1], c_end)) if fr.span else (c_start, c_end)
        )
        fr.others.extend(h for h in anchors if h is not fr.anchor)
        fr.hits.extend(c_trig)
        _add_categories(fr, c_trig)
    return out


def _as_anchor(h: Hit[Trigger]) -> Hit[Trigger]:
    """The imperfect of a trigger verb (a cue elsewhere) as the weak trigger of its clause."""
    if h.value.strength != "cue":
        return h
    return replace(h, value=replace(h.value, strength="weak"))


def _describes_before(anchor: Hit[Trigger], facts: SentenceFacts, text: str, c_start: int) -> bool:
    """حملة خطف ومداهمات، استهدفت العشرات: «استهدفت» opening a clause with no
    conjunction and no actor after it as its subject describes the act just told (an
    indefinite noun's relative clause); «…، استهدفت طائرات الاحتلال» tells a new one."""
    if text[anchor.word_start : anchor.end] not in grammar("subject_verbs"):
        return False
    if not _opens_clause(text, c_start, anchor):
        return False
    return not any(0 <= a.start - anchor.end <= 2 for a in facts.actors)


def _result_of(anchor: Hit[Trigger], text: str, c_start: int) -> bool:
    """قصف الجيش البيوت، فهدمها على رؤوس ساكنيها: a weak event verb with «ف» opening its
    clause tells what the act just told did, not an act of its own."""
    if anchor.value.strength != "weak" or not _opens_clause(text, c_start, anchor):
        return False
    return text[anchor.word_start : anchor.start] in grammar("result_clitics")


def _opens_clause(text: str, c_start: int, anchor: Hit[Trigger]) -> bool:
    """Nothing but spaces and commas stands between the clause's start and the word."""
    return text[c_start : anchor.word_start].strip(" ،,") == ""


def _split_co_occurring(
    clauses: list[tuple[int, int]], trig: list[Hit[Trigger]], text: str
) -> list[tuple[int, int]]:
    """Clauses cut before a co-occurrence word (وسط، بالتزامن مع) that has a trigger after it."""
    pat = resources().get(_patterns).co_occurring
    words = grammar("co_occurring")
    out = []
    for c_start, c_end in clauses:
        if not any(text.find(w, c_start + 1, c_end) >= 0 for w in words):
            out.append((c_start, c_end))  # no co-occurrence word in the clause
            continue
        for m in pat.finditer(text, c_start + 1, c_end):
            if any(m.start() <= h.start < c_end for h in trig) and any(
                c_start <= h.start < m.start() for h in trig
            ):
                out.append((c_start, m.start()))
                c_start = m.start()
        out.append((c_start, c_end))
    return out


def _own_toll(fr: Frame, facts: SentenceFacts, clause: tuple[int, int]) -> bool:
    """Whether the clause and the frame before it each hold a toll of their own."""
    lo, hi = fr.span or clause
    return any(clause[0] <= t.start < clause[1] for t in facts.tolls) and any(
        lo <= t.start < hi for t in facts.tolls
    )


def _co_occurring(
    fr: Frame, anchor: Hit[Trigger], text: str, c_start: int, tolls: bool = False
) -> bool:
    """A clause opened by a co-occurrence word whose strong trigger is of another kind
    than the frame's: another event beside it (اشتباكات … وسط غارات); or opened by a
    connector (فيما، بينما) whose strong trigger is of another event type than every
    trigger of the frame (اشتباكات …، فيما قصفت المدفعية), or which has a toll of its own
    beside the frame's (قتل 3 في غارة …، فيما قتل اثنان في قصف …): a second report."""
    pats = resources().get(_patterns)
    if tolls and anchor.value.strength == "strong" and pats.connector.match(text, c_start):
        return True
    if anchor.value.strength != "strong" or anchor.value.category in fr.categories:
        return False
    if pats.co_occurring.match(text, c_start) is not None:
        return True
    if pats.connector.match(text, c_start) is None:
        return False
    types = lexicon().categories
    own = types.get(anchor.value.category, ("", ""))[0]
    # an attack or a killing may be either a clash or violence against civilians
    either = {"attack", "kill"}
    # … but never an explosion: هاجم مسلحون القنصلية، فيما استهدفت سيارة مفخخة مركزا للشرطة
    unlike_attack = "attack" in fr.categories and "kill" not in fr.categories and own in _BLASTS
    return (
        bool(own)
        and anchor.value.category not in either
        and (not fr.categories & either or unlike_attack)
        and all(types[c][0] != own for c in fr.categories if c in types)
        and any(c in types for c in fr.categories)
    )


_BLASTS = ("Explosions/Remote violence",)


def _live(trig: list[Hit[Trigger]], facts: SentenceFacts, text: str) -> list[Hit[Trigger]]:
    """Triggers that may tell an event of their own."""
    pats = resources().get(_patterns)
    possessive = clitics().possessive
    sent = facts.sent
    fighting = lexicon().fighting
    out: list[Hit[Trigger]] = []
    for h in trig:
        ref = pats.reference.search(text, max(sent.start, h.word_start - 40), h.word_start)
        if (
            ref
            and not _told_anew(h, text, ref.group())
            # على إثر عثور الوحدات فجر اليوم على قنبلة: told just after with its own day, it
            # is news (على خلفية اختطاف … قبل ثلاثة أيام stays an older event)
            and not (
                _fresh_head(ref.group())
                and any(h.end <= d.start <= h.end + 40 for d in facts.dates)
            )
            and not any(t.start < h.start for t in facts.tolls)
            and not pats.consequence.search(text, sent.start, h.word_start)
            and not (
                pats.co_occurring.match(ref.group()) and any(o.end <= ref.start() for o in out)
            )
        ):
            # وصل الوزير غداة الهجوم: an event named as a time reference is another event
            # (but قتل 3 إثر تفجير، دمار إثر قصف: the cause of the casualties or damage
            # just told is this event)
            continue
        if no_arms(h, text, sent.end):
            continue
        if h.value.category in _ARMS and any(
            o.value.category == "seizure" and 0 <= h.word_start - o.word_end <= 80 for o in out
        ):
            continue  # حجز 2 كلغ من المتفجرات ولغمين، عثرت على صواريخ: the arms seized
        if h.value.category == "deploy" and (
            pats.published.search(text, h.end, min(sent.end, h.end + 80))
            or not pats.deployed.search(text, h.end, min(sent.end, h.end + 60))
        ):
            # نشرت كتائب القسام … مشاهد، نشرت الصحيفة تقريرا: published, not deployed; only
            # forces or arms (نشرت واشنطن مقاتلات) are deployed
            continue
        if h.value.category == "attack" and (
            pats.aims.match(text, h.word_end)
            or pats.symbols.match(text, max(h.word_end, h.start + len(h.surface)))
        ):
            # تستهدف تأهيل الشباب: aims at; أحرقوا علم إسرائيل: a protest's gesture
            continue
        if h.value.category == "clash" and text[h.end : h.word_end] in possessive:
            continue  # في معاركه المصيرية: a battle that belongs to someone is a figure of speech
        if h.value.category == "protest" and any(
            o.value.category in fighting
            and 0 <= h.word_start - o.word_end <= (20 if h.value.strength == "strong" else 120)
            for o in trig
        ):
            # قصفت المقاتلات تجمعات الحوثيين، قصف الطيران مواقع … وتجمعات لهم: gatherings
            # as a target are no protest
            continue
        out.append(h)
    return out


def _seized_in_operation(anchors: list[Hit[Trigger]], fought: bool, out: list[Frame]) -> bool:
    """Arms seized by an operation told just before (in the sentence or the one or two
    before it): part of that operation, not an event of their own."""
    # the weapons named after the verb (حجز سلاح … ورمانة يدوية) are what it seized
    if min(anchors, key=lambda h: h.start).value.category != "seizure":
        return False
    # an operation or arrest just before in the sentence (اعتقال 4 أشخاص، وضبط أسلحة)
    return fought or any(operation(fr.categories) for fr in out)


def operation(categories: set[str]) -> bool:
    """Whether a frame of these categories tells fighting or an arrest: an operation whose
    seizures are its own."""
    return bool(categories & lexicon().fighting) or "arrest" in categories


def no_arms(h: Hit[Trigger], text: str, sent_end: int) -> bool:
    """A foiling or seizure verb whose object is nothing armed: اليأس والإحباط، أحبطت
    البلدية بيع أغذية فاسدة; ضبط النفس، حجز الأموال، ضبط 3 أشخاص (grammar.yaml)."""
    if h.value.category not in ("disrupt", "seizure"):
        return False
    pats = resources().get(_patterns)
    word = key(h.surface)
    if word.startswith(grammar("foil_verbs")):
        return pats.foiled.search(text, h.end, min(sent_end, h.end + 50)) is None
    if h.value.category == "seizure":
        m = pats.seized.match(text, h.word_end, sent_end)
        return m is None or m.group("other") is not None
    return False


# weapon words that name what a seizure took when they follow it
_ARMS = frozenset({"ied", "explosion", "grenade", "shelling", "suicide", "chemical", "weapon"})


def _told_anew(h: Hit[Trigger], text: str, ref: str) -> bool:
    """عقب غارات إسرائيلية عنيفة استهدفت …: a strong event noun without the article right
    after «just after» (grammar.yaml fresh_heads) tells an event of its own; غداة الهجوم
    refers to one known already, على خلفية اختطاف and بعد أيام من قصف to older ones."""
    if h.value.strength != "strong" or not _fresh_head(ref):
        return False
    head = text[h.word_start : h.start + 2]
    # قصف الطائرات: a noun before a definite genitive is definite too
    after = text[h.word_end : h.word_end + 8].split()
    return "ال" not in head and "لل" not in head and not (after and after[0].startswith("ال"))


def _fresh_head(ref: str) -> bool:
    """The time reference opens with a head of «just after» (grammar.yaml fresh_heads: عقب،
    إثر، غداة), a demonstrative before it allowed (وذلك عقب)."""
    heads = grammar("fresh_heads")
    return any(w.removeprefix("و") in heads for w in ref.split()[:2])


def _add_categories(fr: Frame, hits: list[Hit[Trigger]]) -> None:
    for h in hits:
        fr.categories.add(h.value.category)
        if h.value.weapon:
            fr.weapons.append(h.value.weapon)


def _unblocked(
    anchors: list[Hit[Trigger]], facts: SentenceFacts, text: str, c_start: int, c_end: int
) -> list[Hit[Trigger]]:
    """The triggers (anchors and cues) no running total, clause block or nearby threat/plan
    word cancels."""
    # منذ يونيو، منذ اندلاع …: the clause tells a running total or old background
    pat = resources().get(_patterns).since
    since = pat.search(text, c_start, c_end) or pat.match(text, facts.sent.start)
    if since is not None:
        return []
    # a clause cue cancels the clause's triggers it does not spare (تهريب leaves a clash
    # alone); a threat, plan or speculation word next to a trigger cancels that trigger,
    # and so does a future verb right before it (ستستخدم لمهاجمة)
    spares = lexicon().spares
    # …، وأبطلت مفعول عبوات: a clause opened by an event verb is a statement of its own,
    # out of reach of a word before it (متورطة في الأحداث، وأبطلت)
    since_start = c_start if _opened_by_trigger(anchors, text, c_start) else 0
    return [
        h
        for h in anchors
        if not will_do(text, h.word_start)
        and not any(
            h.value.category not in spares[b.value[0]]
            and (
                (b.value[1] == "clause" and c_start <= b.start < c_end)
                or (
                    b.value[1] == "before"
                    and b.start >= since_start
                    and h.start - b.value[2] <= b.start < h.end + b.value[3]
                )
                or (b.value[1] == "ahead" and h.start - b.value[2] <= b.start < h.start)
            )
            for b in facts.blocks
        )
    ]


def _opened_by_trigger(anchors: list[Hit[Trigger]], text: str, c_start: int) -> bool:
    """Whether the clause's first word is an event word joined by و or ف (، وأبطلت)."""
    first = _FIRST_WORD.match(text, c_start)
    return (
        first is not None
        and first.group(1) in clitics().conjunctions
        and any(h.word_start == first.start(1) and h.value.strength != "cue" for h in anchors)
    )


_FIRST_WORD = regex.compile(r"[\s،,]*(\p{L})")


_ARMED = frozenset(
    {
        "state",
        "state_home",
        "nonstate",
        "militia",
        "militia_home",
        "coalition",
        "state_named",
        "state_event",
    }
)


def _death_only(anchors: list[Hit[Trigger]]) -> bool:
    """Whether the clause's only event words are nouns of a death met (لقي مصرعه، حتفه)."""
    return all(death_noun(h) for h in anchors)


def _violent(trig: list[Hit[Trigger]], facts: SentenceFacts) -> bool:
    """An act of violence in the sentence: a word of another kind than killing or a fall
    (رصاص، قذيفة، اشتباكات، إطلاق النار) or an armed party (مسلحون، الجيش، المقاومة)."""
    return any(h.value.category not in ("kill", "impact") for h in trig) or any(
        a.entry.kind in _ARMED or a.entry.kind == "unidentified" for a in facts.actors
    )


def _supported(
    anchors: list[Hit[Trigger]],
    facts: SentenceFacts,
    text: str,
    clause: tuple[int, int],
    prev_categories: frozenset[str],
) -> bool:
    """Whether something besides a weak trigger says an event happened in this clause."""
    c_start, c_end = clause
    supports = lexicon().supports
    return (
        any(c_start - 80 <= t.start <= c_end + 80 for t in facts.tolls)
        # ارتكب الاحتلال 3 مجازر: committed
        or _committed(anchors, text)
        # حررت قوات الجيش جبل الحلقوم: armed forces take a place
        or _takes_ground(anchors, facts, text, clause)
        # تجمعات … وطالبوا بـ: a gathering that demands something is a protest
        or any(
            c_start <= b.start < c_end and h.value.category in supports[b.value[0]]
            for b in facts.blocks
            for h in anchors
        )
        # وأضافت المصادر أنهم طردوا أيضا …: the same kind of event as the one just told
        or any(
            h.value.category in prev_categories and not _territory_noun(h, text) for h in anchors
        )
        # a day in the clause, unless the only trigger is a weapon noun (تقارير عن نقل صواريخ
        # السبت: no attack)
        or (
            any(h.value.category != "shelling" for h in anchors)
            and any(c_start - 40 <= d.start <= c_end + 40 for d in facts.dates)
        )
        # استهداف القسام جنود الاحتلال: two armed sides in the clause make an attack a fight
        or (
            any(h.value.category in ("attack", "clash") for h in anchors)
            and len(
                {
                    a.entry.actor
                    for a in facts.actors
                    if c_start <= a.start < c_end and a.entry.kind in _ARMED
                }
            )
            >= 2
        )
        # مسلحون اقتحموا …: an armed party in the clause makes a violent verb an event
        or any(
            c_start <= a.start < c_end
            and (
                a.entry.kind == "unidentified"
                # أحرق محتجون مقر الحزب: protesters who attack or burn riot
                or (a.entry.kind == "protesters" and _subject_of_attack(a, anchors))
                # الجيش أوقف …: security forces make an arrest verb an arrest
                or (
                    a.entry.kind in ("state", "state_home", "state_generic")
                    and "arrest" in {h.value.category for h in anchors}
                )
            )
            for a in facts.actors
        )
        # شهداء باستهداف تجمع، قتلى وجرحى في هجوم: the dead or wounded named with no figure
        or _casualties_named(anchors, text, clause)
    )


def _subject_of_attack(a: ActorMention, anchors: list[Hit[Trigger]]) -> bool:
    """The party named right after a verb of attack (أحرق محتجون) or right before it
    (محتجون أحرقوا): its subject, not its object (اقتحمت حشدا من المحتجين)."""
    return any(
        h.value.category == "attack"
        and (0 <= a.start - h.word_end <= 1 or 0 <= h.word_start - a.end <= 1)
        for h in anchors
    )


def _casualties_named(anchors: list[Hit[Trigger]], text: str, clause: tuple[int, int]) -> bool:
    """A clause that opens with a noun of the dead or wounded (grammar.yaml casualty_nouns)
    and a weak trigger of violence within 25 letters after it, as headlines tell a toll
    with no figure (شهداء باستهداف تجمع، قتلى وجرحى في هجوم على سوق)."""
    m = resources().get(_patterns).casualty_nouns.match(text, clause[0], clause[1])
    return m is not None and any(
        h.value.category in ("attack", "kill", "massacre") and 0 <= h.word_start - m.end() <= 25
        for h in anchors
    )


def _takes_ground(
    anchors: list[Hit[Trigger]], facts: SentenceFacts, text: str, clause: tuple[int, int]
) -> bool:
    """A territory verb with armed forces (the army unnamed too) in its clause and its
    object after it: a place noun (جبل، مدينة، مواقع …) within 60 letters, or a named
    place within 40 (حررت المقاومة الحوطة، تمكنت القوات من تحرير الحوطة)."""
    held, resumptive = resources().get(_patterns).held, resources().get(_resumptive)
    c_start, c_end = clause
    armed = any(
        c_start <= a.start < c_end and a.entry.kind in _ARMED | {"state_generic"}
        for a in facts.actors
    )
    return armed and any(
        h.value.category == "territory"
        # مناطق سيطرت عليها القوات: a relative clause, its object named before it
        and not resumptive.match(text, h.end)
        and (
            held.search(text, h.end, min(c_end, h.end + 60)) is not None
            or (
                not _territory_noun(h, text)
                and any(0 <= p - h.end <= 40 and p < c_end for p in facts.places)
            )
        )
        for h in anchors
    )


def _resumptive(res: Resources) -> regex.Pattern[str]:
    """سيطرت عليها: a territory verb whose object, a pronoun, was named before it."""
    return regex.compile(rf"\s+{alternation(grammar('resumptive_objects'))}(?![\p{{L}}])")


def _territory_noun(h: Hit[Trigger], text: str) -> bool:
    """A verbal noun of taking ground (grammar.yaml territory_nouns) with no verb saying it
    was done: the name of an operation or a plan (قائد عملية تحرير عدن، بعد تحرير تعز), not
    a taking (تمكنت القوات من تحرير الحوطة)."""
    nouns, possessed = resources().get(_territory_nouns)
    word = key(h.surface.split()[0])
    # سيطرتها، تحريرها: the noun with a possessive suffix (ة written ت before it)
    stems = {word[: -len(s)] for s in clitics().possessive if word.endswith(s)}
    return (
        h.value.category == "territory"
        and (word in nouns or bool(stems & (nouns | possessed)))
        and resources()
        .get(_patterns)
        .governed.search(text, max(0, h.word_start - 40), h.word_start)
        is None
    )


def _territory_nouns(res: Resources) -> tuple[frozenset[str], frozenset[str]]:
    """The verbal nouns, and their stems before a possessive suffix (ة, ه once normalized,
    is written ت there: سيطرة → سيطرتها)."""
    nouns = grammar("territory_nouns")
    possessed = [n[:-1] + "\u062a" for n in nouns if n.endswith(("\u0629", "\u0647"))]
    return frozenset(key(n) for n in nouns), frozenset(key(n) for n in possessed)


def _committed(anchors: list[Hit[Trigger]], text: str) -> bool:
    """A verb of committing (grammar.yaml perpetration_verbs) within 20 letters before."""
    pat = resources().get(_patterns).committed
    return any(pat.search(text, max(0, h.word_start - 20), h.word_start) for h in anchors)


def _anaphoric(
    anchors: list[Hit[Trigger]],
    facts: SentenceFacts,
    text: str,
    c_start: int,
    c_end: int,
    strong: bool,
    lead: bool,
) -> bool:
    """الهجوم، الانفجار with nothing new: a reference to an event already told (after the
    lead sentence even التفجير، الاشتباكات with no day and no figures of their own)."""
    pats = resources().get(_patterns)
    relative_ref = pats.relative_ref
    anchors = [
        h
        for h in anchors
        if not pats.governed.search(text, max(0, h.word_start - 40), h.word_start)
    ]
    if not anchors:
        return False
    if not lead and _points_back(anchors, text, pats):
        return True
    if lead and any(
        pats.introduced.match(text, h.end)
        and any(h.end < d.start <= h.end + 60 for d in facts.dates)
        for h in anchors
    ):
        return False  # القضاء على مرتكب الهجوم الذي وقع مساء الثلاثاء: told with its day
    toll_here = any(c_start - 80 <= t.start <= c_end + 80 for t in facts.tolls)
    own_day_here = any(c_start - 40 <= d.start <= c_end + 40 for d in facts.dates)
    return (
        (
            (not strong or (not lead and not own_day_here))
            and not toll_here
            and all(_definite(text, h) for h in anchors)
        )
        or all(
            # المسجد الذي وقع فيه التفجير: the event is only pointed at
            _definite(text, h)
            and bool(
                relative_ref.search(text, max(facts.sent.start, h.word_start - 24), h.word_start)
            )
            for h in anchors
        )
        or (
            # العصابة الإرهابية التي استهدفت مسجد عسير: a verb in a relative clause that
            # describes its subject, with no day or figures of its own, recalls the event
            not toll_here
            and not own_day_here
            and all(
                after_relative(text, h.word_start)
                # villages that go through clashes: what a place undergoes, not one event
                or pats.undergoing.search(text, max(0, h.word_start - 24), h.word_start)
                # يدين التفجير الإرهابي بمسجد …: the act condemned, days after it (ندد
                # متظاهرون: protesters condemn, their protest is no act condemned)
                or (h.value.category != "protest" and condemned_before(text, h.word_start))
                for h in anchors
            )
        )
    )


def after_relative(text: str, start: int) -> bool:
    """Whether a relative pronoun (الذي، التي …) stands right before `start`."""
    pat = resources().get(_patterns).relative
    return pat.search(text, max(0, start - 8), start) is not None


def condemned_before(text: str, start: int) -> bool:
    """أدانت الكويت التفجير …، تلقت باستنكار أنباء التفجير: a condemnation within 70 letters
    before `start` (a governor's title and name may stand between), with no full stop,
    comma or semicolon between: the act at `start` is the one condemned."""
    pat = resources().get(_patterns).condemned
    return pat.search(text, max(0, start - 70), start) is not None


def says_same(fr: Frame, text: str) -> bool:
    """في المعارك نفسها: the frame's event word says it is the event just told."""
    same = resources().get(_patterns).same
    return any(same.match(text, h.word_end) for h in fr.hits if h.value.strength != "cue")


def _points_back(anchors: list[Hit[Trigger]], text: str, pats: _Patterns) -> bool:
    """After the lead: في المعارك نفسها, or casualties of «the attack» (قتل 15 في الهجوم): the
    event just told, with figures to add to it."""
    told = [h for h in anchors if h.value.category != "kill"]
    if not told:
        return False
    return all(_definite(text, h) and bool(pats.same.match(text, h.word_end)) for h in told) or (
        len(told) < len(anchors)
        and all(
            _definite(text, h)
            and h.value.strength != "strong"
            and bool(pats.cause.search(text, max(0, h.word_start - 12), h.word_start))
            for h in told
        )
    )


def _definite(text: str, h: Hit[Trigger]) -> bool:
    """The trigger carries the article (الهجوم، بالانفجار, وللقصف), and no count stands
    before it (مئات المحتجين are some protesters, not the ones just told)."""
    word = text[h.word_start : h.end]
    before = text[max(0, h.word_start - 12) : h.word_start].split()
    counted = bool(before) and is_count(before[-1])
    return ("ال" in word[:4] or word.startswith("لل")) and not counted


def _compatible(fr: Frame, cats: set[str]) -> bool:
    """Whether a clause's triggers may tell the same event as the frame before: fighting
    of any kind, a category in common, or only refining cues."""
    fighting = lexicon().fighting
    if fr.categories & fighting and cats & fighting:
        return True
    return bool(fr.categories & cats) or not (
        cats - {"impact", "firearm", "intervention", "weapon"}
    )


def _new_event(fr: Frame, anchor: Hit[Trigger]) -> bool:
    """A second clause describes another event when it has its own strong trigger of another kind."""
    separate = lexicon().separate
    return (
        anchor.value.strength == "strong"
        and anchor.value.category not in fr.categories
        and (anchor.value.category in separate or bool(fr.categories & separate))
    )
