"""What rasd finds in an article before it reads it sentence by sentence: the normalized
text, its sentences and tokens, and every trigger, cue, place, day, actor and source
word, each indexed by position."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import regex

from rasd.extraction.actors import ActorMention, country_actors, find_actors
from rasd.extraction.actors import matcher as actor_matcher
from rasd.extraction.dates import DateMention, find_dates
from rasd.extraction.places import PlaceMention, article_places
from rasd.extraction.sources import SourceEntry, outlet_names
from rasd.extraction.sources import matcher as source_matcher
from rasd.extraction.spans import ByStart
from rasd.extraction.triggers import Trigger, lexicon, phrasal_triggers, without_replaced
from rasd.gazetteer import load as gazetteer
from rasd.model import Article
from rasd.resources import Resources, resources
from rasd.settings import SETTINGS
from rasd.text.matcher import Hit, Matcher, Scan
from rasd.text.normalize import Normalized, normalize
from rasd.text.segment import sentences
from rasd.text.tokens import Token, Tokens
from rasd.text.words import alternation, grammar

# Kinds of actors (actors.tsv) whose names are names of groups: a place name inside one
# (سرايا القدس، جيش الإسلام) is part of the name, not a place.
NAMED_GROUPS = frozenset(
    {"nonstate", "militia", "militia_home", "coalition", "ambiguous_coalition"}
)


@dataclass
class ArticleContext:
    """One article's text and hits (normalized offsets), sliced per sentence by position."""

    article: Article
    n: Normalized
    tokens: Tokens  # made per sentence when asked for
    countries: Counter[str]
    main_country: str | None
    trial_article: bool  # a trial report (several trial words) tells old events
    # a long text with no day of the last week and no reporting verb in its lead: commentary
    commentary: bool
    shifts: list[Hit[str]]
    furniture: list[Hit[str]]  # page furniture (teasers, tag lists), cues.yaml page_furniture
    background: list[Hit[str]]
    triggers: ByStart[Hit[Trigger]]
    places: ByStart[PlaceMention]
    blocks: ByStart[Hit[tuple[str, str, int, int]]]
    dates: ByStart[DateMention]
    actors: ByStart[ActorMention]
    sources: ByStart[Hit[SourceEntry]]
    civilians: ByStart[Hit[str]]
    security: ByStart[Hit[str]]
    return_fire: ByStart[Hit[str]]
    police: ByStart[Hit[str]]
    militants: ByStart[Hit[str]]

    @property
    def text(self) -> str:
        return self.n.text

    def tokens_within(self, start: int, end: int) -> list[Token]:
        """The tokens of text[start:end]."""
        return self.tokens.within(start, end)


def _outermost(hits: list[Hit[Trigger]]) -> list[Hit[Trigger]]:
    """Drop a trigger inside a longer one (قذيفة in قذيفة مضادة للدروع): the longer
    phrase says what the words mean together."""
    out: list[Hit[Trigger]] = []
    for h in hits:  # by start, longest first
        if out and h.end <= out[-1].end and (h.start, h.end) != (out[-1].start, out[-1].end):
            continue
        out.append(h)
    return out


def _one_scan(res: Resources) -> Scan:
    """The lexicons read over every article that may tell an event, found in one pass."""
    lex, gaz = lexicon(), gazetteer()
    cues: list[Matcher[Any]] = [
        lex.not_event,
        lex.topic_shift,
        lex.background,
        lex.civilians,
        lex.security,
    ]
    cues += [lex.return_fire, lex.police, lex.militants, lex.settlement, lex.near]
    cues += [lex.establishment, lex.prepositions, lex.furniture, gaz.adjectives, gaz.not_places]
    return Scan([source_matcher(), actor_matcher(), *cues])


def _commentary(article: Article, text: str, dates: list[DateMention]) -> bool:
    """A column or a reaction piece, not a report: a text of some length that names no day
    of the week before publication (no أمس، اليوم، weekday or recent date) and whose first
    sentences hold no verb of reporting (قال، أفاد، أعلن …; grammar `report_verbs`). An event
    it tells with no day of its own is recalled, not dated to the publication day."""
    pub = article.published
    if pub is None or len(text) < SETTINGS.commentary_chars:
        return False
    if any(d.day is not None and 0 <= (pub - d.day).days <= SETTINGS.fresh_days for d in dates):
        return False
    lead = article.sentences[: SETTINGS.commentary_lead]
    end = lead[-1].end if lead else 0
    return resources().get(_report_verbs).search(text, 0, end) is None


def _report_verbs(res: Resources) -> regex.Pattern[str]:
    verbs = alternation(grammar("report_verbs"))
    return regex.compile(rf"(?<!\p{{L}})[\u0648\u0641]?{verbs}(?!\p{{L}})")


def _not_demanded(
    cues: list[Hit[tuple[str, str, int, int]]],
) -> list[Hit[tuple[str, str, int, int]]]:
    """للمطالبة بإطلاق سراح …، طالبوا بمحاكمة …: what a demand asks for is no news of the
    sentence, so a cue of the whole sentence right after a call (its object, with or
    without بـ) is dropped; the call cue itself stays."""
    calls = [h.end for h in cues if h.value[0] == "call"]
    return [
        h
        for h in cues
        if h.value[1] != "sentence" or not any(0 <= h.word_start - end <= 3 for end in calls)
    ]


def _clause_words(text: str, start: int, reach: int, n: int) -> list[str]:
    """The last `n` words of the clause before `start`, within `reach` letters."""
    return regex.split(r"[.،,؛:!?\n]", text[max(0, start - reach) : start])[-1].split()[-n:]


def _in_relative(text: str, h: Hit[tuple[str, str, int, int]]) -> Hit[tuple[str, str, int, int]]:
    """A running-total cue of the whole sentence inside a relative clause (قانون … الذي تم
    إقراره الشهر الماضي، المدينة التي شهدت معارك طوال أشهر) cancels the triggers of that
    clause only (the noun it describes, the relative pronoun within the cue's four words
    before, the words up to the cue and the cue's usual reach after it); the sentence's own
    news before the noun stands."""
    if h.value[:2] != ("total", "sentence"):
        return h
    lo = max(0, h.word_start - 40)
    pronouns = set(grammar("relative_pronouns"))
    for w in _clause_words(text, h.word_start, 40, 4):
        if w in pronouns:
            start = text.rfind(w, lo, h.word_start)
            # the noun the clause describes (الاحتجاجات التي شهدتها … مؤخرا) is in it too
            head = text.rfind(" ", lo, max(lo, start - 1)) + 1
            return replace(h, value=("total", "before", h.value[2], h.start - head))
    return h


def _compared(text: str, start: int) -> bool:
    """A superlative among the six words before `start` in its clause (أحد أكثر الأيام
    دموية منذ بدء العملية), not followed by «than» (أكثر من)."""
    before = _clause_words(text, start, 60, 6)
    most, than = set(grammar("superlatives")), set(grammar("comparative_than"))
    return any(
        (w in most or w[1:] in most) and (i + 1 == len(before) or before[i + 1] not in than)
        for i, w in enumerate(before)
    )


def read_article(article: Article) -> ArticleContext | None:
    """Normalize and segment the article and find its hits; None when no word of it can
    start an event (most articles of a news feed)."""
    n = normalize(article.text, outlet_names())
    article.norm = n
    text = n.text
    article.sentences = sentences(text)
    lex = lexicon()
    phrasal = phrasal_triggers(text)
    found = without_replaced(lex.triggers.find_all(text), phrasal)
    # nouns with a possessive suffix (غارته) and verbs apart from their objects (فتحت … النار)
    more = lex.bound.find_all(text) + phrasal
    if more:
        found = sorted(found + more, key=lambda h: (h.start, h.start - h.end))
    triggers = _outermost(found)
    if not any(h.value.strength != "cue" for h in triggers):
        return None
    resources().get(_one_scan)
    actors = find_actors(text)
    sources = source_matcher().find(text)
    names = [(a.start, a.end) for a in actors if a.entry.kind in NAMED_GROUPS]
    names += [(h.start, h.end) for h in sources if h.value.kind in ("agency", "monitor")]
    dates = find_dates(text, article.published)
    # a month name is no place (15 أغسطس (آب) is no Ibb)
    names += [(d.start, d.end) for d in dates]
    places, countries = article_places(text, triggers, sorted(names))
    actors = sorted(actors + country_actors(text, places, triggers), key=lambda a: a.start)
    # a `bare` cue counts only without a proclitic: ولو بشكل محدود is "even if", لو كان is "if"
    not_event = _not_demanded(
        [
            _in_relative(text, h)
            for h in lex.not_event.find(text)
            if not (h.value[0] in lex.bare and h.word_start < h.start)
            and not (h.value[0] == "total" and _compared(text, h.word_start))
        ]
    )
    return ArticleContext(
        article=article,
        n=n,
        tokens=Tokens(text),
        countries=countries,
        main_country=countries.most_common(1)[0][0] if countries else None,
        trial_article=_trial_report(article, not_event),
        commentary=_commentary(article, text, dates),
        shifts=lex.topic_shift.find(text),
        furniture=lex.furniture.find(text),
        background=lex.background.find(text),
        triggers=ByStart(triggers),
        places=ByStart(places),
        blocks=ByStart(not_event),
        dates=ByStart(dates),
        actors=ByStart(actors),
        sources=ByStart(sources),
        civilians=ByStart(lex.civilians.find(text)),
        security=ByStart(lex.security.find(text)),
        return_fire=ByStart(lex.return_fire.find(text)),
        police=ByStart(lex.police.find(text)),
        militants=ByStart(lex.militants.find(text)),
    )


def _trial_report(article: Article, not_event: list[Hit[tuple[str, str, int, int]]]) -> bool:
    """Several trial words, one of them in the lead: the article reports a trial (and dates
    the crimes it tries with calendar days). Trial words further down only are calls to try
    someone or a court named in reactions (المحكمة الجنائية الدولية)."""
    trial = [b for b in not_event if b.value[0] == "trial"]
    end = judicial_lead_end(article)
    return len(trial) >= 3 and any(b.start < end for b in trial)


def judicial_lead_end(article: Article) -> int:
    """Where the article's lead ends: its first `SETTINGS.judicial_lead` sentences, where a
    sentence carried out or a trial makes the article a court report."""
    lead = article.sentences[: SETTINGS.judicial_lead]
    return lead[-1].end if lead else 0
