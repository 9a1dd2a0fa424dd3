"""Fatalities, injuries and munitions counts from Arabic clauses.

Reads forms such as مقتل خمسة أشخاص، قتيلان، جنديين تركيين وحارسا قتلوا، أسفر عن مقتل 5
وإصابة 16 آخرين، ارتفع عدد الشهداء إلى 15، دون سقوط ضحايا (= 0), and weapon counts such
as بثماني قذائف صاروخية. Vague counts follow ACLED: عشرات = 12, مئات = 100, عدد من = 3.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from rasd.extraction.triggers import Frame
from rasd.model import Sentence
from rasd.resources import Resources, resources
from rasd.text.matcher import ARTICLE
from rasd.text.normalize import key
from rasd.text.numbers import Count, digits, number_heads, read_count
from rasd.text.tokens import Token, strip_clitics
from rasd.text.words import alternation, grammar


@dataclass(frozen=True, slots=True)
class Toll:
    """A casualty figure at normalized offsets [start, end)."""

    field: str  # fatalities or injuries
    value: int
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class _Vocab:
    kill: frozenset[str]
    injure: frozenset[str]
    kill_dual: frozenset[str]
    kill_one: regex.Pattern[str]  # مقتله، اغتالته: one dead when no count goes with it
    injure_dual: frozenset[str]
    victims: frozenset[str]
    duals: frozenset[str]
    fillers: frozenset[str]
    zero_negators: frozenset[str]
    zero_nouns: frozenset[str]
    zero_blockers: frozenset[str]
    zero_phrases: tuple[tuple[str, ...], ...]
    subset: frozenset[str]
    among: frozenset[str]  # بين القتلى نساء: who the victims were, not how many
    majority: frozenset[str]  # معظمهم: who most of the victims counted were
    rise: frozenset[str]
    rise_verbs: frozenset[str]
    after_singular: frozenset[str]  # words after an accusative singular, not a genitive
    diptote_first: frozenset[str]  # first letters of an adjective أفعل (شابا أعزل)
    person_patterns: tuple[regex.Pattern[str], ...]  # مهندس، سائق، عقيد: nouns of persons
    not_persons: frozenset[str]  # مساء، منتصف: words of time of the same patterns
    kill_events: frozenset[str]  # قتل، مقتل، وفاة: a person noun after them is one dead
    attempts: frozenset[str]  # محاولة: an attempt to kill counts no dead
    not_person_endings: tuple[str, ...]  # ين، ون، ات: plurals
    plural_endings: tuple[tuple[str, ...], tuple[str, ...]]  # subject, object (مسلحون مدنيين)
    scene_words: frozenset[str]  # قتل في الانفجار 12 شخصا: the phrase before the count
    active_kill: frozenset[str]  # قتلت قوات الجيش 13 إرهابيا: the subject comes between
    active_kill_plural: frozenset[str]  # الجنود قتلوا 3 مدنيين: after its subject
    subject_stops: frozenset[str]  # الذي، منفذ: no subject of the verb
    number_heads: frozenset[str]  # first words of number words (a count may start there)
    munition_nouns: tuple[str, ...]  # found inside a word (بثماني قذائف)
    units: frozenset[str] = frozenset()  # 53 عاما، 3 كيلومترات: a measure, not victims
    definite: frozenset[str] = frozenset()  # الشاب، الطفلة: one victim when right after the verb
    year_markers: frozenset[str] = frozenset()  # منذ 2014: a year, not a count
    period_totals: regex.Pattern[str] | None = None  # خلال 24 ساعة: a window's total
    one_words: frozenset[str] = frozenset()  # واحد، واحدة: an adjective after a noun
    partitive: frozenset[str] = frozenset()  # 20 من سكان القرية: some of a group
    person_stems: frozenset[str] = frozenset()  # سكان، مرافق: persons counted after «من»
    person_endings: tuple[str, ...] = ()  # ين، يه، ها: endings of those words
    months: frozenset[str] = frozenset()  # في 20 فبراير: a day of the month, not a count
    # two-word kill phrases (القضاء على): the second word takes the count after it
    kill_pairs: frozenset[tuple[str, str]] = frozenset()
    # zero phrases by their first word, in file order
    phrases_at: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)  # word form → class bits, see _classes


def _ks(forms: list[str]) -> frozenset[str]:
    return frozenset(key(f) for f in forms)


def _vocab() -> _Vocab:
    """Casualty words, victim nouns and no-casualty phrases (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> _Vocab:
    y = res.yaml("lexicon/casualties.yaml")
    singular = [key(v) for v in y["victims_singular"]]
    masculine = set(singular) - _ks(y["victims_no_feminine"])
    singular += sorted(m + "ه" for m in masculine)  # فلسطيني → فلسطينية (normalized ة → ه)
    duals = set()
    for s in singular:
        stem = s[:-1] if s.endswith("ه") else s
        tail = "ت" if s.endswith("ه") else ""
        duals.update({stem + tail + "ان", stem + tail + "ين"})
    phrases = tuple(tuple(key(z).split()) for z in y["zero_phrases"])
    return _Vocab(
        kill=_ks(y["kill"]),
        injure=_ks(y["injure"]),
        kill_dual=_ks(y["kill_dual"]),
        kill_one=regex.compile(
            rf"(?<!\p{{L}})[وفبل]?(?:{'|'.join(sorted(_ks(y['kill_one']), key=len, reverse=True))})(?!\p{{L}})"
        ),
        injure_dual=_ks(y["injure_dual"]),
        victims=frozenset(singular) | _ks(y["victims_plural"]),
        duals=frozenset(duals),
        fillers=_ks(y["fillers"]),
        zero_negators=_ks(y["zero_negators"]),
        zero_nouns=frozenset(key(z).split()[0] for z in y["zero_nouns"]),
        zero_blockers=_ks(y["zero_blockers"]),
        zero_phrases=phrases,
        subset=_ks(y["subset"]),
        among=_ks(y["among"]),
        majority=_ks(y["majority"]),
        rise=_ks(y["rise"]),
        rise_verbs=_ks(y["rise_verbs"]),
        after_singular=_ks(y["after_singular"]),
        diptote_first=_ks(y["diptote_first"]),
        person_patterns=tuple(regex.compile(p) for p in y["person_patterns"]),
        not_persons=_ks(y["not_persons"]),
        kill_events=_ks(y["kill_events"]),
        attempts=_ks(y["attempts"]),
        not_person_endings=tuple(y["not_person_endings"]),
        plural_endings=(
            tuple(y["subject_plural_endings"]),
            tuple(y["object_plural_endings"]),
        ),
        scene_words=_ks(y["scene_words"]),
        active_kill=_ks(y["active_kill"]),
        active_kill_plural=_ks(y["active_kill_plural"]),
        subject_stops=_ks(y["subject_stops"]),
        number_heads=number_heads(),
        munition_nouns=grammar("munition_nouns"),
        units=_ks(y["measure_units"]),
        definite=frozenset(ARTICLE + w for w in singular),
        year_markers=_ks(y["year_markers"]),
        one_words=_ks(y["one_words"]),
        partitive=_ks(y["partitive"]),
        person_stems=frozenset(singular) | _ks(y["victims_plural"]) | _ks(y["partitive_groups"]),
        person_endings=tuple(sorted({key(e) for e in y["person_endings"]} | {""}, key=len)),
        period_totals=regex.compile(
            r"(?<!\p{L})" + alternation(y["period_totals"], spaces=r"\s+") + r"(?!\p{L})"
        ),
        months=_ks([m for ms in res.yaml("lexicon/dates.yaml")["months"].values() for m in ms]),
        phrases_at=_by_first_word(phrases),
        kill_pairs=frozenset(
            (w[0], w[1]) for w in (key(f).split() for f in y["kill"]) if len(w) == 2
        ),
    )


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    at: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            at.setdefault(p[0], []).append(p)
    return {w: tuple(ps) for w, ps in at.items()}


# What a word form is to the scans below, read once per form (news repeats its words): a
# bit per word list one of its clitic readings belongs to, and whether a count may start
# at it. The scans ask `_classes(v, text) & KILL` where they asked whether any reading of
# the word is in `v.kill`.
KILL, INJURE, KILL_DUAL, INJURE_DUAL, SUBSET, FILLER, RISE, RISE_VERB = (1 << b for b in range(8))
VICTIM, DUAL, VICTIM_A, ZERO_BLOCKER, ZERO_NOUN, ZERO_NEGATOR, NUMBER, MUNITION = (
    1 << b for b in range(8, 16)
)
UNIT, VICTIM_DEF = 1 << 16, 1 << 17
CASUALTY = KILL | INJURE
AFTER_SUBJECT = "after subject"  # the rule of victims read after an active verb's subject
_CLASS_FORMS = 100_000  # word forms remembered before starting over


def _classes(v: _Vocab, text: str) -> int:
    bits = v.classes.get(text)
    if bits is None:
        bits = 0
        words = strip_clitics(text)
        for bit, vocab in (
            (KILL, v.kill),
            (INJURE, v.injure),
            (KILL_DUAL, v.kill_dual),
            (INJURE_DUAL, v.injure_dual),
            (SUBSET, v.subset),
            (FILLER, v.fillers),
            (RISE, v.rise),
            (RISE_VERB, v.rise_verbs),
            (VICTIM, v.victims),
            (DUAL, v.duals),
            (ZERO_BLOCKER, v.zero_blockers),
            (ZERO_NOUN, v.zero_nouns),
            (NUMBER, v.number_heads),
        ):
            if any(w in vocab for w in words):
                bits |= bit
        if any(w.endswith("ا") and w[:-1] in v.victims for w in words):
            bits |= VICTIM_A
        if text in v.zero_negators or (text[:1] in ("و", "ف") and text[1:] in v.zero_negators):
            bits |= ZERO_NEGATOR
        if digits(text) is not None:
            bits |= NUMBER
        if any(n in text for n in v.munition_nouns):
            bits |= MUNITION
        if text in v.units:
            bits |= UNIT
        if any(w in v.definite for w in words):
            bits |= VICTIM_DEF
        if len(v.classes) >= _CLASS_FORMS:
            v.classes.clear()
        v.classes[text] = bits
    return bits


class _Counts:
    """`read_count` and the classes of each token of one sentence, read once: the scans
    below ask for the same positions again and again (200,000 «قتل» in a row)."""

    def __init__(self, tokens: list[Token], v: _Vocab) -> None:
        self.tokens = tokens
        self.years = v.year_markers
        self.months = v.months
        self.one_words = v.one_words
        self.cls = [_classes(v, t.text) for t in tokens]
        if v.kill_pairs:
            for i in range(1, len(tokens)):
                if (
                    self.cls[i] & FILLER
                    and any(c & (VICTIM | DUAL) for c in self.cls[i + 1 : i + 4])
                    and _kill_pair(v, tokens[i - 1].text, tokens[i].text)
                ):
                    self.cls[i] |= KILL  # القضاء على 4 إرهابيين: a death count of victims
        self.memo: dict[int, Count | None] = {}
        self.no_victim: set[int] = set()  # tokens no list of victims starts at

    def __call__(self, i: int) -> Count | None:
        if i >= len(self.tokens) or not self.cls[i] & NUMBER:
            return None  # no count starts at a word that is no number
        if i not in self.memo:
            c = None if self._year(i) or self._adjective(i) else read_count(self.tokens, i)
            if c is not None and self._month_at(c.next_index):
                c = None  # في 20 شباط/فبراير
            self.memo[i] = c
        return self.memo[i]

    def _adjective(self, i: int) -> bool:
        """عائلة واحدة، شخص واحد: «one» after a noun qualifies it, it counts nobody more."""
        return (
            i > 0
            and self.tokens[i].text in self.one_words
            and not self.cls[i - 1] & (CASUALTY | FILLER | NUMBER)
        )

    def _month_at(self, i: int) -> bool:
        return i < len(self.tokens) and self.tokens[i].text.split("/")[0] in self.months

    def _year(self, i: int) -> bool:
        """منذ 2014، في عام 1990: four digits from 1900 to 2100 after a word of time."""
        word = self.tokens[i].text
        return (
            i > 0
            and len(word) == 4
            and word.isdecimal()
            and 1900 <= int(word) <= 2100
            and self.tokens[i - 1].text in self.years
        )


def _kill_pair(v: _Vocab, first: str, second: str) -> bool:
    return any((w, second) in v.kill_pairs for w in strip_clitics(first))


def _victims(
    tokens: list[Token], i: int, stop: int, count: _Counts, definite: bool = False
) -> tuple[int, int] | None:
    """A list of victims from tokens[i]: 3 من أفراد الشرطة ومدني → (4, end index); with
    `definite`, right after the casualty word, a definite singular is one (قتل الشاب)."""
    if i in count.no_victim and not definite:
        return None
    v = _vocab()
    cls = count.cls
    total, j, found = 0, i, False
    while j < stop:
        c = count(j)
        if c is not None and found and j - i <= 2 and _killer_then_count(tokens, i, j, c, cls):
            total, found = 0, False  # قتل مسلحون مجهولون 3 نساء: the gunmen killed the 3
        if c is not None and c.next_index < stop and cls[c.next_index] & UNIT:
            break  # رجل 53 عاما: an age, a distance or a sum, not a count of victims
        if c is not None and not (found and not tokens[j].text.startswith("و")):
            total += c.value
            j = c.next_index
            found = True
            # the counted noun and its qualifiers: 3 من أفراد الشرطة التركية
            k = 0
            while (
                j < stop
                and k < 4
                and not tokens[j].text.startswith("و")
                and not cls[j] & CASUALTY
                and tokens[j].text not in v.subject_stops  # 6 أشخاص عندما فتح مسلحون …
            ):
                j, k = j + 1, k + 1
            continue
        if found and not tokens[j].text.startswith("و"):
            break
        if cls[j] & DUAL:
            total += 2
        elif cls[j] & VICTIM_A:
            # ضابطا شرطة is a dual in construct; حارسا مسلحا a singular with its adjective
            # … and قتلوا مزارعا في القرية (one farmer) an accusative singular
            nxt = tokens[j + 1].text if j + 1 < stop else ""
            single = (
                (nxt.endswith("ا") and count(j + 1) is None)
                or not nxt
                or nxt in v.after_singular
                or _diptote_adjective(v, nxt)
            )
            total += 1 if single else 2
        elif cls[j] & VICTIM and not cls[j] & CASUALTY:
            total += 1
        elif cls[j] & VICTIM_DEF and j == i and definite:
            total += 1  # قتل الشاب أحمد: the one named
        elif j == i and definite and not cls[j] and _person_noun(v, tokens, j, stop):
            total += 1  # مقتل مهندس، اغتيال عقيد: a noun of a person by its pattern
        else:
            break
        found = True
        j += 1
        # an adjective after the noun: جنديين تركيين، حارسا مسلحا
        if (
            j < stop
            and not tokens[j].text.startswith("و")
            and count(j) is None
            and not cls[j] & (CASUALTY | SUBSET)
            and tokens[j].text not in v.subject_stops
        ):
            j += 1
    if not found and i < stop:
        count.no_victim.add(i)  # the first token decided it, whatever the stop
    return (total, j) if found else None


def _person_noun(v: _Vocab, tokens: list[Token], j: int, stop: int) -> bool:
    """A singular noun of a person by its pattern (casualties.yaml person_patterns) right
    after a verb or verbal noun of one death: the participles فاعل and مفعل (سائق، مهندس)
    and فعيل (عقيد، زعيم); not a word of time or a quantity (مجموعة من)."""
    word = tokens[j].text
    if word.startswith(ARTICLE):
        word = word[len(ARTICLE) :]
    return (
        j > 0
        and any(w in v.kill_events for w in strip_clitics(tokens[j - 1].text))
        and word not in v.not_persons
        and not word.endswith(v.not_person_endings)
        and not (j + 1 < stop and tokens[j + 1].text in v.partitive)
        and any(p.fullmatch(word) for p in v.person_patterns)
    )


def _diptote_adjective(v: _Vocab, word: str) -> bool:
    """أعزل، أسود: an adjective of the pattern أفعل takes no alif in the accusative, so
    after «شابا» it qualifies one young man; a dual in construct is followed by a noun
    (ضابطا شرطة، جنديا الاحتلال). The hamza may be normalized away; ال is no pattern."""
    return len(word) == 4 and word[0] in v.diptote_first and not word.startswith(ARTICLE)


def _killer_then_count(tokens: list[Token], i: int, j: int, c: Count, cls: list[int]) -> bool:
    """Indefinite persons in the nominative right before a count of victims (قتل مسلح
    خمسة أشخاص، قتل مسلحون مجهولون 5 أشخاص، قتلت انتحاريتان 13 شخصا) are the subject of
    the verb, not among the dead."""
    noun = tokens[i].text
    return (
        cls[i] & (VICTIM | DUAL) != 0
        and not cls[i] & VICTIM_A
        and not noun.startswith(("ال", "و"))
        and not any(t.text.startswith("و") for t in tokens[i + 1 : j + 1])  # قتل جندي و3 مدنيين
        and c.next_index < len(cls)
        and cls[c.next_index] & (VICTIM | VICTIM_A | DUAL) != 0
    )


def _number_before(i: int, consumed: int, count: _Counts) -> tuple[int, int] | None:
    """The number that ends right before tokens[i] (5 قتلى، 12 جريحا): (value, its index)."""
    for s in range(max(consumed, i - 3), i):
        c = count(s)
        if c is not None and c.next_index == i:
            return c.value, s
    return None


def _forward(tokens: list[Token], i: int, stop_at: int, count: _Counts) -> tuple[int, int] | None:
    """The victims counted after the casualty word at i: مقتل (نحو) 5 أشخاص."""
    cls = count.cls
    j = i + 1
    while (
        j < stop_at
        and j - i <= 3
        and cls[j] & FILLER
        and count(j) is None  # مقتل عدد من …: the vague count is the figure
    ):
        j += 1
    if j >= stop_at or (j == i + 1 and tokens[j].text.startswith("و")):
        return None  # بلغت 59 شهيدا و2271 مصابا: a count joined by و is the next figure
    if (
        j == i + 1
        and tokens[j].text in _vocab().scene_words
        and not tokens[min(j + 2, stop_at - 1)].text.startswith("و")  # قضوا في دمشق، و8 آخرين
        and _counted_victims(j + 2, count)
    ):
        j += 2  # قتل في الانفجار 12 شخصا
    if j + 1 < stop_at and tokens[j + 1].text in grammar("unknown_adjectives"):
        return None  # اغتال مسلحون مجهولون …: the unknown gunmen killed, they are no toll
    return _victims(tokens, j, stop_at, count, definite=j == i + 1)


def _ahead(
    tokens: list[Token], i: int, stop_at: int, count: _Counts, field: str
) -> tuple[Toll, int] | None:
    """The figure counted after the casualty word at i, and the index after it."""
    got = _forward(tokens, i, stop_at, count)
    later = _after_subject(tokens, i, stop_at, count)
    if later is not None and got is not None and count(i + 1) is not None:
        later = None  # قتل 5 أشخاص: the count right after the verb is the toll
    if later is not None:
        # اغتال مسلحون مجهولون أمس ناشطا: the nominative before the accusative is the
        # subject; the figure's span is the victims' (the subject stands before them)
        value, first, end = later
        return Toll(field, value, tokens[first].start, tokens[end - 1].end, AFTER_SUBJECT), end
    if got is not None:
        end = tokens[max(i, got[1] - 1)].end
        return Toll(field, got[0], tokens[i].start, end, tokens[i].text), max(i + 1, got[1])
    return None


def _after_subject(
    tokens: list[Token], i: int, stop_at: int, count: _Counts
) -> tuple[int, int, int] | None:
    """The victims of an active verb of killing after its subject: قتلت قوات الجيش أمس 13
    إرهابيا، قتلت القوات الخاصة إرهابيا مسلحا (casualties.yaml active_kill): (count, index
    of their first token, index after the last)."""
    v, cls = _vocab(), count.cls
    if not any(w in v.active_kill for w in strip_clitics(tokens[i].text)):
        return None
    for j in range(i + 1, min(stop_at, i + 6)):
        word = tokens[j].text
        if word.startswith("و") or word in v.scene_words or word in v.subject_stops:
            return None
        if j > i + 1 and (
            _counted_victims(j, count) or cls[j] & VICTIM_A or _plural_object(tokens, i, j, cls)
        ):
            got = _victims(tokens, j, stop_at, count)
            return None if got is None else (got[0], j, got[1])
        if cls[j] & CASUALTY or count(j) is not None:
            return None
    return None


def _plural_object(tokens: list[Token], i: int, j: int, cls: list[int]) -> bool:
    """قتل مسلحون مدنيين: a sound plural in -ين after a subject in the nominative -ون is
    the object of the verb at i, its victims."""
    subject, objects = _vocab().plural_endings
    return (
        cls[j] & VICTIM != 0
        and tokens[j].text.endswith(objects)
        and cls[i + 1] & VICTIM != 0
        and tokens[i + 1].text.endswith(subject)
    )


def kills_object(text: str, toll: Toll) -> bool:
    """«قتلت شابا»، «أعدموا 5 رجال»: the toll is the object of an active verb of killing
    that starts it (a victim noun in the accusative -ا, or a count, right after it)."""
    v = _vocab()
    words = text[toll.start : toll.end].split()
    if toll.rule == AFTER_SUBJECT or len(words) < 2:
        return False
    verbs = v.active_kill | v.active_kill_plural
    if not any(w in verbs for w in strip_clitics(words[0])):
        return False
    return _classes(v, words[1]) & (VICTIM_A | NUMBER) != 0


def _second_group(i: int, stop: int, count: _Counts) -> tuple[int, int]:
    """A second group counted after «N قتلى» and its qualifiers (5 شهداء من رجال الأمن و6
    متدربين): (its count, the index of the last token read), or (0, i - 1)."""
    cls, j = count.cls, i
    while j < stop and j - i < 4 and not count.tokens[j].text.startswith("و"):
        if cls[j] & CASUALTY or count(j) is not None:
            return 0, i - 1
        j += 1
    if j < stop and count.tokens[j].text.startswith("و") and _counted_victims(j, count):
        c = count(j)
        assert c is not None
        after = cls[c.next_index + 1] if c.next_index + 1 < stop else 0
        if not after & INJURE:  # و3 مدنيين جرحى: the wounded
            return c.value, c.next_index
    return 0, i - 1


def _persons(word: str) -> bool:
    """سكانها، المستشارين، مرافقيه، عناصر: a word for persons, with the article and a plural
    or pronoun ending (casualties.yaml partitive_groups, victims_singular)."""
    v = _vocab()
    for w in strip_clitics(word):
        w = w[2:] if w.startswith(ARTICLE) and len(w) > 4 else w
        if any(w.endswith(e) and w[: len(w) - len(e)] in v.person_stems for e in v.person_endings):
            return True
    return False


def _counted_victims(i: int, count: _Counts) -> bool:
    """A count at tokens[i] of persons: 12 شخصا، خمسة مدنيين."""
    c = count(i)
    if c is None or c.next_index >= len(count.cls):
        return False
    n = c.next_index
    if count.tokens[n].text in _vocab().partitive and n + 1 < len(count.cls):
        # 20 من سكان القرية، 3 من أفراد الشرطة، 6 من مرافقيه: some of a group of persons
        return _persons(count.tokens[n + 1].text) and not count.cls[n + 1] & CASUALTY
    return count.cls[n] & (VICTIM | VICTIM_A | DUAL) != 0 and not count.cls[n] & CASUALTY


def _no_count(v: _Vocab, tokens: list[Token], i: int, field: str) -> bool:
    """A casualty word that counts nobody here: an attempt on a life (محاولة اغتيال), or
    who the victims were (بين القتلى نساء وأطفال، سقط سبعة بين قتيل وجريح)."""
    return (field == "fatalities" and _attempted(v, tokens, i)) or (
        i > 0 and tokens[i - 1].text in v.among
    )


def find_tolls(tokens: list[Token]) -> list[Toll]:
    """Every casualty figure in a token list (one sentence)."""
    v = _vocab()
    out: list[Toll] = []
    count = _Counts(tokens, v)
    cls = count.cls
    stop_at = len(tokens)
    for idx, bits in enumerate(cls):
        if bits & SUBSET:  # بينهم 5 من الشرطة: a part of a total already counted
            stop_at = idx
            break
    consumed = 0  # tokens before this index already belong to a figure
    i = 0
    while i < stop_at:
        bits = cls[i]
        field = None
        if not bits & (CASUALTY | KILL_DUAL | INJURE_DUAL):
            i += 1
            continue
        if bits & KILL:
            field = "fatalities"
        elif bits & INJURE:
            field = "injuries"
        elif bits & KILL_DUAL:
            out.append(Toll("fatalities", 2, tokens[i].start, tokens[i].end, "dual"))
        elif bits & INJURE_DUAL:
            out.append(Toll("injuries", 2, tokens[i].start, tokens[i].end, "dual"))
        if field is None or _no_count(v, tokens, i, field):
            i += 1
            continue
        # a counted noun right after its number: 5 قتلى و12 جريحا — the number is its own
        # (not «عيار 23 وقتل 3»: a word joined by و opens a new clause)
        counted = None if tokens[i].text.startswith("و") else _number_before(i, consumed, count)
        if counted is not None:
            value, s = counted
            more, end = _second_group(i + 1, stop_at, count)
            rule = "rose to" if _rose_to(cls, s) else "before " + tokens[i].text
            out.append(Toll(field, value + more, tokens[s].start, tokens[end].end, rule))
            i = consumed = end + 1
            continue
        ahead = _ahead(tokens, i, stop_at, count, field)
        if ahead is not None:
            out.append(ahead[0])
            i = consumed = ahead[1]
            continue
        # backward: 5 أشخاص قتلوا / جنديين تركيين وحارسا مسلحا قتلوا / 15 شهيدا
        for s in range(max(consumed, i - 10), i):
            back = _victims(tokens, s, i, count)
            if back is not None and (back[1] >= i - 1 or _most_of_them(tokens, s, i, count)):
                out.append(
                    Toll(field, back[0], tokens[s].start, tokens[i].end, "before " + tokens[i].text)
                )
                consumed = i + 1
                break
        else:
            # toll rose to: ارتفع عدد القتلى إلى 15 (not past the next casualty word); after
            # ارتفعت حصيلة the number may come after a long description of the fighting
            rising = any(cls[b] & RISE_VERB for b in range(max(0, i - 3), i))
            for k in range(i + 1, min(stop_at, i + (30 if rising else 12))):
                if cls[k] & CASUALTY:
                    break
                if cls[k] & RISE and k + 1 < stop_at:
                    c = count(k + 1)
                    if c is not None:
                        out.append(Toll(field, c.value, tokens[i].start, c.end, "rose to"))
                        consumed = c.next_index
                    break
        i += 1
    out.extend(_zero(tokens, v, cls))
    return out


def _rose_to(cls: list[int], s: int) -> bool:
    """ارتفعت حصيلة الاشتباكات … إلى 52 قتيلا: a count after «إلى» in a sentence whose toll
    is said to rise, an update of an event's figure."""
    return s > 0 and bool(cls[s - 1] & RISE) and any(cls[b] & RISE_VERB for b in range(s))


def _attempted(v: _Vocab, tokens: list[Token], i: int) -> bool:
    """محاولة اغتيال رئيس الوزراء: a kill word right after an attempt counts no dead."""
    return i > 0 and any(w in v.attempts for w in strip_clitics(tokens[i - 1].text))


def _most_of_them(tokens: list[Token], s: int, i: int, count: _Counts) -> bool:
    """22 شخصا على الأقل معظمهم من رجال ميليشيا محلية قتلوا: a count, who most of them
    were (up to six words, no number or casualty word), then the verb."""
    most = _vocab().majority
    k = next((k for k in range(s + 1, i) if tokens[k].text in most), None)
    return (
        k is not None
        and i - k <= 6
        and all(count(m) is None and not count.cls[m] & CASUALTY for m in range(k, i))
    )


def _zero(tokens: list[Token], v: _Vocab, cls: list[int]) -> list[Toll]:
    """ "No casualties" statements: both figures are 0."""
    out: list[Toll] = []
    texts = [t.text for t in tokens]
    for s, w in enumerate(texts):
        hit = None
        if cls[s] & ZERO_NEGATOR:
            for k in range(s + 1, min(len(texts), s + 6)):
                if cls[k] & ZERO_BLOCKER:
                    break
                if cls[k] & ZERO_NOUN:
                    hit = k
                    break
        for phrase in v.phrases_at.get(w, ()):
            if tuple(texts[s : s + len(phrase)]) == phrase:
                hit = s + len(phrase) - 1
        if hit is not None:
            rule = "no casualties: " + " ".join(texts[s : hit + 1])
            for f in ("fatalities", "injuries"):
                out.append(Toll(f, 0, tokens[s].start, tokens[hit].end, rule))
    return out


def find_munitions(tokens: list[Token], weapon_token_index: int) -> tuple[int, int, int] | None:
    """A precise count right before a weapon noun (بثماني قذائف): (value, start, end)."""
    i = weapon_token_index
    for s in range(max(0, i - 3), i):
        c = read_count(tokens, s)
        if c is not None and not c.vague and c.next_index in (i, i - 1) and c.value < 1000:
            return c.value, c.start, c.end
    return None


# مما نتج عنه، مما أدى إلى، ما أسفر عن: what follows is the outcome of the event before
_RESULT = regex.compile(r"(?<![\p{L}])م?ما\s+(?:نتج|ادي|اسفر)")


def _window_total(t: Toll, sent: Sentence, text: str) -> bool:
    """استشهاد 114 فلسطينيا في 13 مجزرة خلال 24 ساعة: the figure of a day's window adds up
    several events; one total given for several events is not split (SPEC), so it is no
    event's figure. A zero (لم تقع إصابات) stays."""
    if t.value == 0:
        return False
    window = _vocab().period_totals
    lo, hi = max(sent.start, t.start - 60), min(sent.end, t.end + 60)
    return window is not None and window.search(text, lo, hi) is not None


def own_tolls(fr: Frame, tolls: list[Toll], sent: Sentence, pos: int, text: str = "") -> list[Toll]:
    """The figures of one frame: per field, the one nearest the trigger among the frame's
    own clauses (a toll in a clause about another event of the sentence is not its own)."""
    lo, hi = fr.span or (sent.start, sent.end)
    own = [t for t in tolls if lo - 2 <= t.start < hi]
    if not own and fr.alone:
        # the only event of its sentence: a figure further on is its outcome (سقوط مقذوف …
        # في أرض زراعية بقرية … مما نتج عنه وفاة عامل)
        own = [
            t
            for t in tolls
            if lo - 80 <= t.start < hi + 80
            or (t.start >= hi and _RESULT.search(text, hi, t.start) is not None)
        ]
    if text:
        own = [t for t in own if not _window_total(t, sent, text)]
    out = []
    for f in ("fatalities", "injuries"):
        ts = [t for t in own if t.field == f]
        if ts:
            out.append(min(ts, key=lambda t: abs(t.start - pos)))
    if text and not any(t.field == "fatalities" for t in tolls):
        # أدى الهجوم إلى مقتله، اغتالته طائرة مسيرة: one dead, when the sentence gives no
        # figure of the dead (ما أدى إلى مقتله ومقتل 3 آخرين says more); it fills the
        # figure of an event found, it does not make one
        one = _vocab().kill_one.search(text, lo, hi)
        if one:
            out.append(Toll("fatalities", 1, one.start(), one.end(), "one " + one.group()))
    return out


def mention_munitions(tokens: list[Token], sent: Sentence) -> tuple[int, int, int] | None:
    """A precise count before the first weapon noun of the sentence that has one."""
    v = _vocab()
    for i, t in enumerate(tokens):
        if t.start >= sent.start and _classes(v, t.text) & MUNITION:
            mu = find_munitions(tokens, i)
            if mu is not None:
                return mu
    return None
