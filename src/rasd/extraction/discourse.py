"""Reading an article sentence by sentence: what the sentences before tell the sentence
being read. A lead sentence opens a news item; a follow-up sentence takes the day and
place of the event just told; "the attack" points back at it; a place named in the next
sentence places a lead event that had none; an undated event far from the lead, or told
in the pluperfect, is background.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date

import regex

from rasd.extraction.actors import is_target, of_the_act, shot_by
from rasd.extraction.casualties import AFTER_SUBJECT, Toll, find_tolls, kills_object
from rasd.extraction.context import ArticleContext, judicial_lead_end
from rasd.extraction.dates import DateMention
from rasd.extraction.frames import (
    SentenceFacts,
    after_relative,
    condemned_before,
    frames,
    no_arms,
    operation,
    says_same,
)
from rasd.extraction.mention import Mention, build_mention
from rasd.extraction.places import SPECIFIC, PlaceMention, refine, same_country
from rasd.extraction.siblings import own_place_anchors, siblings
from rasd.extraction.sources import Source, sentence_sources
from rasd.extraction.speech import speech
from rasd.extraction.triggers import Frame, Trigger, lexicon
from rasd.model import Sentence
from rasd.resources import Resources, resources
from rasd.settings import SETTINGS
from rasd.taxonomy import taxonomy
from rasd.text.matcher import Hit
from rasd.text.normalize import key
from rasd.text.segment import new_subject_at
from rasd.text.words import alternation, clitics, grammar, listed_word


def _news_day(d: DateMention | None, published: date | None) -> bool:
    """أمس، اليوم: a day of the news (up to two days before publication), not one recalled."""
    return (
        d is not None
        and d.day is not None
        and published is not None
        and 0 <= (published - d.day).days <= 2
    )


@dataclass
class _Sentence:
    """One sentence being read, with its hits."""

    index: int
    facts: SentenceFacts
    places: list[PlaceMention]  # named places below country level
    countries: set[str]  # countries it names
    tokens: list

    @property
    def sent(self) -> Sentence:
        return self.facts.sent


def _victim_kinds(
    text: str,
    civilians: list[Hit[str]],
    militants: list[Hit[str]],
    tolls: list[Toll],
    anchor: Hit[Trigger],
    sent_start: int = 0,
) -> tuple[bool, bool]:
    """Whether civilians and armed men are named as victims. Armed men counted among the
    dead (القضاء على إرهابيين اثنين) make a civilian word elsewhere (القبض على شخص) no
    victim; a feminine nisba is an adjective (الدفاع المدنية), not a person; armed men
    right after a verb of attacking (هاجم مسلحون قرية) are its subject."""
    civ = [h for h in civilians if not _feminine_nisba(text, h)]
    unknown = grammar("unknown_adjectives")
    attacking = anchor.value.category == "attack"
    mil = [
        h
        for h in militants
        if not _feminine_nisba(text, h)
        and next(iter(text[h.word_end : h.word_end + 12].split()), "") not in unknown
        # right after the verb, or after a noun of members (اقتحمت مجموعة مسلحة مقرا)
        and not (attacking and _subject_words(text, anchor.word_end, h.word_start))
        # أعلن المتحدث باسم الحوثيين استهداف …: the speaker's side, not the victims
        and not (h.word_end <= anchor.word_start and _in_title(text, sent_start, h))
    ]
    # counted after the kill word (مقتل 4 مسلحين), not before it (مسلحون قتلوا عاملة)
    dead = [t for t in tolls if t.field == "fatalities" and not t.rule.startswith("before")]
    if dead and any(t.start <= h.start < t.end for h in mil for t in dead):
        return any(t.start <= h.start < t.end for h in civ for t in dead), True
    # اغتال مسلحون مجهولون ناشطا: armed men named before the victims counted after
    # them are the killers
    killers = dead and all(h.end <= t.start for h in mil for t in dead)
    return bool(civ), bool(mil) and not killers


def _subject_words(text: str, end: int, start: int) -> bool:
    """The word at `start` follows the verb ending at `end` right away, or after one noun
    of members (grammar.yaml member_nouns: مجموعة، عناصر …), not after an object noun
    (استهدفت تجمعات ميليشيا الحوثي)."""
    if not 0 <= start - end <= 40:
        return False
    between = text[end:start].split()
    return not between or (len(between) == 1 and between[0] in grammar("member_nouns"))


def _subject_of(text: str, anchor: Hit[Trigger], h: Hit[str]) -> bool:
    """هاجمت قوات الدعم السريع قرية: forces right after a verb of attacking that opens
    the clause did it (grammar.yaml subject_first_verbs)."""
    if not 0 <= h.word_start - anchor.word_end <= 2:
        return False
    # the verb without its proclitic (وهاجم)
    return key(text[anchor.start : anchor.word_end]) in resources().get(_subject_first)


def _subject_first(res: Resources) -> frozenset[str]:
    return frozenset(key(w) for w in grammar("subject_first_verbs"))


def _in_title(text: str, sent_start: int, h: Hit[str]) -> bool:
    """أعلن المتحدث العسكري، قال الناطق باسم الحوثيين: a word in the title of the one who
    speaks (a speech verb and up to three words before it, no «أن» among them)."""
    m = speech().speaker_title.search(text, sent_start, h.word_start)
    return m is not None and speech().complementizer.search(m.group()) is None


def _killer(text: str, h: Hit[str], toll: Toll) -> bool:
    """Forces right before the victims of an active verb of killing (قتل شرطي شابا), or
    right before the verb when its object follows (أن الشرطة قتلت شابا), are its subject."""
    if toll.rule == AFTER_SUBJECT:
        return h.end <= toll.start and toll.start - h.end <= 30
    return h.end <= toll.start and toll.start - h.end <= 2 and kills_object(text, toll)


def _outside_other_clauses(
    text: str,
    fr: Frame,
    sent: Sentence,
    found: list[Hit[Trigger]],
    places: list[PlaceMention],
) -> list[PlaceMention]:
    """A headline's places less those in a clause of a new subject that holds only
    triggers of another report (استشهاد 5 بقصف على رفح والاحتلال يقتحم مخيم جنين: the camp
    is the raid's), when any place is left."""
    if not sent.headline:
        return places
    own = set(map(id, fr.hits))
    other = [
        (a, b)
        for a, b in sent.clauses
        if new_subject_at(text, a)
        and any(a <= h.start < b and id(h) not in own for h in found)
        and not any(a <= h.start < b for h in fr.hits)
    ]
    if not other:
        return places
    kept = [p for p in places if not any(a <= p.start < b for a, b in other)]
    return kept or places


def _spared(
    found: list[Hit[Trigger]],
    blocks: list[Hit[tuple[str, str, int, int]]],
    story: Set[str] = frozenset(),
) -> list[Hit[Trigger]]:
    """The triggers a cue of the whole sentence (a trial, a context clause) leaves: those
    of a category it spares (cues.yaml spares: an arrest of accused persons), with the
    cues beside them; none when no event trigger is left. A story cue blocks all of its
    sentence; the story the lead tells (`story`: its cues' reasons, a quake) blocks the
    triggers of a category it does not spare in every sentence."""
    whole = [b for b in blocks if b.value[1] in ("sentence", "story")]
    if not whole and not story:
        return found
    spares = lexicon().spares
    kept = [
        h
        for h in found
        if all(b.value[1] == "sentence" and h.value.category in spares[b.value[0]] for b in whole)
        and all(h.value.category in spares[r] for r in story)
    ]
    if not any(h.value.strength != "cue" for h in kept):
        return []
    return [h for h in found if h.value.strength == "cue" or h in kept]


def _forces_targeted(text: str, forces: list[Hit[str]], tolls: list[Toll]) -> bool:
    """Whether the security forces named are a target. Forces that fired the shots that
    killed or wounded (استشهد شاب برصاص قوات الاحتلال …، في استمرار للعملية العسكرية) are
    not; where some died, only forces counted among the dead are."""
    dead = [t for t in tolls if t.field == "fatalities" and t.value > 0]
    # the shooters are no target, dead or wounded (إصابة 3 برصاص الشرطة); a toll's span
    # may run on over them (مقتل 3 أشخاص برصاص قوات الأمن); nor is the subject of an
    # active verb of killing, read between the verb and its victims (قتل شرطي شابا)
    targets = [
        h
        for h in forces
        if not shot_by(text, h.word_start) and not any(_killer(text, h, t) for t in dead)
    ]
    if dead and len(targets) < len(forces):
        return any(t.start <= h.start < t.end for h in targets for t in dead)
    return bool(targets)


def _owner(text: str, start: int, act: Hit[Trigger]) -> bool:
    """Forces named with ل right after a weapon noun and its nisba adjectives (قصف مدفعي
    لقوات …، غارات لقوات التحالف) own the act; after an object (استهدف مسجدا لقوات
    الطوارئ) they own the object, the target."""
    return (
        act.value.category != "attack"
        and of_the_act(text, start, act)
        and all(w.endswith(grammar("nisba_endings")) for w in text[act.end : start - 1].split())
    )


def _cited(text: str, s: int, start: int) -> bool:
    """The name at `start` (in the sentence from `s`) speaks or is a source: تقول الشرطة،
    بحسب تقارير الإعلام والشرطة."""
    sp = speech()
    return bool(
        sp.speaker_before.search(text, max(s, start - 25), start)
        or sp.according_to.search(text, max(s, start - 40), start)
    )


def _feminine_nisba(text: str, h: Hit[str]) -> bool:
    """عسكري read in «العملية العسكرية»: a nisba noun with ة (written ه) is the
    feminine adjective, not the noun with a pronoun (his soldier)."""
    return h.word_end == h.end + 1 and text[h.end - 1 : h.end + 1] in grammar("feminine_nisba")


@dataclass
class Discourse:
    """The state carried from sentence to sentence while reading one article."""

    ctx: ArticleContext
    mentions: list[Mention] = field(default_factory=list)
    lead_start: int = 0  # index of the sentence that opened the current news item
    # the lead's events still waiting for their place (all from one sentence)
    pending: list[Mention] = field(default_factory=list)
    pending_countries: set[str] = field(default_factory=set)  # the countries its sentence names
    last_place: PlaceMention | None = None
    last_sources: list[Source] = field(default_factory=list)
    last_mention: Mention | None = None
    last_violent: Mention | None = None
    story: set[str] = field(default_factory=set)  # reasons of the story cues of the lead

    def read(self) -> list[Mention]:
        """Every event mention of the article, in reading order; a teaser line is skipped
        and a tag list (سمات، الكلمات الدالة) ends the article. An article whose lead
        announces a sentence carried out (تنفيذ حكم القتل قصاصا: a cue of scope "article")
        tells the crime it punishes, no event."""
        sentences = self.ctx.article.sentences
        lead = judicial_lead_end(self.ctx.article)
        if any(b.value[1] == "article" for b in self.ctx.blocks.within(0, lead)):
            return []
        self.story = {b.value[0] for b in self.ctx.blocks.within(0, lead) if b.value[1] == "story"}
        for index, sent in enumerate(sentences):
            opening = [f for f in self.ctx.furniture if sent.start <= f.start < sent.start + 4]
            if any(f.value == "end" for f in opening):
                break
            if not opening:
                self._sentence(index, sent)
        self._settle_pending()
        return self.mentions

    def _settle_pending(self) -> None:
        """Lead events no following sentence placed: each in its story's province, if any."""
        for m in self.pending:
            m.place = self._story_province(m, self.pending_countries)
            if m.place is not None:
                m.inherited_place = True
                self.mentions.append(m)
        self.pending = []

    def _sentence(self, index: int, sent: Sentence) -> None:
        ctx = self.ctx
        s, e = sent.start, sent.end
        if any(s <= h.start < s + 6 for h in ctx.shifts):
            self.lead_start = index  # من جهة أخرى: a new item begins
        s_trig = ctx.triggers.within(s, e)
        s_all_places = ctx.places.within(s, e)
        s_places = [p for p in s_all_places if p.place.kind != "country"]
        specific = [p for p in s_places if p.place.kind in SPECIFIC and p.cued]
        provinces = [
            p
            for p in s_places
            if p.place.kind == "admin1" and p.cued and same_country(p, self.pending_countries)
        ]
        own_events = any(
            h.value.strength != "cue" and not no_arms(h, ctx.text, e) for h in s_trig
        ) and not self._details_pending(s_trig)
        self._place_pending(index, sent, specific or provinces, own_events)
        if not s_trig:
            if s_places:
                self.last_place = s_places[-1]
            refine(self.last_mention, specific, index)
            return
        blocks = ctx.blocks.within(s, e)
        s_trig = _spared(s_trig, blocks, self.story)
        # a sentence that ends in a question mark asks, it tells no event
        if not s_trig or ctx.text[s:e].rstrip().endswith(("?", "\u061f")):
            if s_places:
                self.last_place = s_places[-1]
            return
        tokens = ctx.tokens_within(s, e)
        facts = SentenceFacts(
            sent,
            blocks,
            find_tolls(tokens),
            ctx.dates.within(s, e, whole=False),
            ctx.actors.within(s, e, whole=False),
            tuple(p.start for p in s_places),
        )
        here = _Sentence(
            index,
            facts,
            s_places,
            {p.place.iso3 for p in s_all_places if p.place.kind == "country"},
            tokens,
        )
        last = self.last_mention
        recent = last is not None and index - last.index <= 2
        prev_categories = frozenset(last.frame.categories) if recent and last else frozenset()
        fought = any(h.value.category == "seizure" for h in s_trig) and self._operation_before(
            index, s_places
        )
        found = frames(facts, s_trig, ctx.text, prev_categories, index == self.lead_start, fought)
        before: Mention | None = None
        for fr in found:
            self._flag(fr, here, alone=len(found) == 1)
            places = _outside_other_clauses(ctx.text, fr, sent, s_trig, s_places)
            m = build_mention(fr, facts, ctx.text, places, tokens, self.last_place)
            if m is not None:
                _beside_place(m, before)
                self._mention(m, fr, here)
                before = m
        if s_places:
            self.last_place = s_places[-1]

    def _operation_before(self, index: int, places: list[PlaceMention]) -> bool:
        """An operation or arrest told in the last two sentences, where this sentence names
        no other place: what it seized belongs to that operation."""
        recent = [
            m
            for m in [*self.mentions[-4:], *self.pending]
            if index - m.index <= 2 and operation(m.frame.categories)
        ]
        there = {m.place.place for m in recent if m.place is not None}
        return bool(recent) and all(p.place in there for p in places)

    def _details_pending(self, s_trig: list[Hit[Trigger]]) -> bool:
        """شنت الطائرات غارات على بلدات في جنوب لبنان … واستهدفت إحدى الغارات منزلا في بلدة
        عيترون: a sentence whose strong words are all of the kinds the waiting lead told
        gives the lead's places, not events of its own."""
        kinds = {c for m in self.pending for c in m.frame.categories}
        strong = {h.value.category for h in s_trig if h.value.strength == "strong"}
        return bool(strong) and strong <= kinds

    def _place_pending(
        self, index: int, sent: Sentence, specific: list[PlaceMention], own_events: bool
    ) -> None:
        """قتل 3 … في هجوم في جنوب شرق تركيا. وكان الشرطي جالسا أمام مقهى في مدينة تشينار:
        a lead event without a place takes the town a following sentence names, or else the
        province it names (coded at the province's precision)."""
        waiting = self.pending
        if waiting and specific and waiting[0].sentence is not sent and not own_events:
            for p in waiting:
                if index - p.index <= 2:
                    p.place, p.inherited_place = specific[0], True
                    self.mentions.append(p)
                    # ينشطون بفاس والدار البيضاء والقنيطرة: each town of the list
                    more = siblings(p, specific, [], self.ctx.text, inherited=True)
                    if more:  # one total given for several events is not split (SPEC)
                        for x in (p, *more):
                            x.tolls = [t for t in x.tolls if t.value == 0]
                        self.mentions.extend(more)
            self.pending = []

    def _flag(self, fr: Frame, here: _Sentence, alone: bool) -> None:
        """What the sentence says about the frame's targets and outcome."""
        ctx = self.ctx
        s, e = here.sent.start, here.sent.end
        fr.alone = alone
        text = ctx.text
        sp = speech()
        civilian = ctx.civilians.within(s, e)
        fr.civilians, fr.militants = _victim_kinds(
            text,
            civilian,
            ctx.militants.within(s, e),
            here.facts.tolls,
            fr.anchor,
            s,
        )
        # تقول الشرطة …، أكدت السلطات …: the forces that speak are a source, not a target
        reply = listed_word("response_markers").search(text, fr.anchor.end, e)
        e_target = reply.start() if reply else e  # forces named after it respond
        forces = [
            h
            for h in ctx.security.within(s, e_target)
            if not _cited(text, s, h.start)
            # حراس المسجد: guards of a mosque, school or hospital are civilians
            and not any(c.start <= h.start < c.end and c.end > h.end for c in civilian)
            and not (
                h.start < fr.anchor.start
                and (sp.speaker_title.search(text, s, h.start) or _in_title(text, s, h))
            )
            # قصف مدفعي لقوات الدعم السريع: the forces whose act it was
            and not any(_owner(text, h.start, t) for t in fr.hits)
            # هاجمت قوات الدعم السريع قرية وقتلت 100 من سكانها: the attackers of civilians
            and not (fr.civilians and _subject_of(text, fr.anchor, h))
        ]
        fr.security = _forces_targeted(text, forces, here.facts.tolls) or any(
            (a.entry.inter in (1, 8) and "{country}" not in a.entry.actor)
            or a.entry.kind == "state_generic"
            for a in here.facts.actors
            if fr.anchor.end < a.start < e_target
            and is_target(text, a, fr.anchor.end)
            and not _cited(text, s, a.start)
        )
        fr.return_fire = bool(ctx.return_fire.within(s, e))
        fr.police = bool(ctx.police.within(s, e))
        fr.landed = (
            any(t.value > 0 for t in here.facts.tolls)
            or "impact" in fr.categories
            and not fr.categories & {"disrupt", "intercept", "seizure"}
        )

    def _mention(self, m: Mention, fr: Frame, here: _Sentence) -> None:
        """Relate a new mention to what was told before, then keep or drop it."""
        m.index = here.index
        self._attribute(m, here)
        self._like_before(m, fr, here)
        last = self.last_mention
        own_place = m.place is not None and (
            last is None or last.place is None or m.place.place != last.place.place
        )
        if (
            fr.anaphoric
            and fr.strong
            and own_place
            and last is not None
            and not says_same(fr, self.ctx.text)  # في المعارك نفسها: the same, wherever named
        ):
            fr.anaphoric = False  # وفي العراق أصابت الغارات … الموصل: the same kind, elsewhere
        if fr.anaphoric:
            # it adds sources, figures and spans to the event it refers to, nothing new
            if last is None or last.place is None and not self._places_it(m):
                return
            m.event_type, m.sub_event_type = last.event_type, last.sub_event_type
            m.weapon = m.weapon or last.weapon
            if last.place is None:
                fr.anaphoric = False  # it tells where the event told before happened
            else:
                m.place, m.date_, m.inherited_place = last.place, last.date_, True
        follow_up = self._follow_up(m, here)
        own_day = (
            m.date_ is not None
            and m.date_.day is not None  # a bare year (لسنة 2015) names no day
            and not (self.ctx.trial_article and m.date_.relative)
        )
        if not own_day and (
            self._background(here, follow_up)
            or _judged(fr, self.ctx.text)
            or _ceremony(fr, self.ctx.text, here.sent.start)
            or self.ctx.commentary
        ):
            return
        if not fr.anaphoric or own_place:
            self.last_mention = m  # even without a place it sets the day for what follows
            if m.event_type in taxonomy().violent:
                self.last_violent = m
        if m.place is None:
            if own_day and follow_up:
                self._dates(last, m, here)
            if (
                own_day
                and here.index - self.lead_start < SETTINGS.lead_sentences
                and not fr.anaphoric
            ):
                # its place may come in the next sentences
                if self.pending and self.pending[0].sentence is not m.sentence:
                    self._settle_pending()
                self.pending.append(m)
                self.pending_countries = here.countries
                return
            m.place = self._story_province(m, here.countries)
            if m.place is None:
                return
            m.inherited_place = True
        self.mentions.append(m)
        if not fr.anaphoric:
            more = siblings(m, here.places, here.facts.dates, self.ctx.text)
            more += own_place_anchors(m, here.places, self.ctx.text)
            if more:
                # one total given for several events is not split (SPEC): null on each
                for x in (m, *more):
                    x.tolls = [t for t in x.tolls if t.value == 0]
            self.mentions.extend(more)

    def _story_province(self, m: Mention, countries: set[str]) -> PlaceMention | None:
        """تكبد المتمردون خسائر في محافظة البيضاء … وأطلق الثوار قذائف هاون … بمنطقة نصص،
        أدى إلى مقتل تسعة: an act of violence told (a strong word or a toll) at a place the
        gazetteer lacks (grammar.yaml place_heads), in a paragraph whose news item tells one
        province as where it happens (في محافظة X، بولاية X), happened in that province (coded
        at the province's precision); not in a sentence naming another country."""
        fr = m.frame
        if fr.anaphoric or m.event_type not in taxonomy().violent:
            return None
        if not (fr.strong or any(t.value > 0 for t in m.tolls)):
            return None
        sent = m.sentence
        heads = resources().get(_place_head).finditer(self.ctx.text, sent.start, sent.end)
        if all(self.ctx.places.within(h.start(), h.end(), whole=False) for h in heads):
            return None  # the sentence names no place the gazetteer lacks
        item_start = self.ctx.article.sentences[self.lead_start].start
        told = [
            pm
            for pm in self.ctx.places.within(item_start, sent.end)
            if pm.place.kind == "admin1" and pm.located
        ]
        if len({pm.place for pm in told}) != 1 or not same_country(told[0], countries):
            return None  # no province, or several, told as where the news happens
        if "\n" in self.ctx.text[told[-1].end : sent.start]:
            return None  # told in another paragraph
        return PlaceMention(told[0].start, told[0].end, told[0].place, False, "story:province")

    def _places_it(self, m: Mention) -> bool:
        """Whether a mention that points back says where the event happened: a place told
        as one (في، ب، مدينة …) and a verb of happening right before one of its event words or
        right after it (الهجوم الذي وقع في دوما، وقع الهجوم في …)."""
        if m.place is None or not m.place.cued:
            return False
        before, after = resources().get(_happened)
        text, s, e = self.ctx.text, m.sentence.start, m.sentence.end
        words = text[max(s, m.place.start - 16) : m.place.start].split()[-2:]
        if set(words) & set(grammar("movement_prepositions")) and not m.place.near:
            return False  # حتى الوصول إلى مايدوغوري: where someone went, not where it happened
        return any(
            abs(m.place.start - a.end) <= 80
            and (
                before.search(text, max(s, a.word_start - 12), a.word_start)
                or after.match(text, a.end, min(e, a.end + 24))
            )
            for a in [m.frame.anchor, *m.frame.hits]
        )

    def _dates(self, last: Mention | None, m: Mention, here: _Sentence) -> None:
        """فتح شخص النار على مقهى في مدينة مالمو … وأصيب عدد آخر في وسط المدينة مساء الاثنين:
        the sentence right after an event told with no day, of its family and with no place
        of its own, gives that event's day (not a recall: وكان … قد)."""
        s = here.sent.start
        if (
            last is not None
            and last.date_ is None
            and m.date_ is not None
            and m.date_.precision == 1
            and here.index - last.index == 1
            and not any(s <= b.start < s + 12 for b in self.ctx.background)
        ):
            last.date_ = m.date_

    def _attribute(self, m: Mention, here: _Sentence) -> None:
        """The sentence's sources; "the official said" takes the source just named."""
        ctx = self.ctx
        s, e = here.sent.start, here.sent.end
        outlet = ctx.article.outlet
        m.sources = sentence_sources(ctx.sources.within(s, e), here.facts.actors, outlet)
        if m.sources and m.sources[0].rule == "anaphor":
            m.sources = self.last_sources or sentence_sources([], [], outlet)
        if m.sources and m.sources[0].rule != "outlet":
            self.last_sources = m.sources

    def _like_before(self, m: Mention, fr: Frame, here: _Sentence) -> None:
        """بتفجير مماثل، هجومين مماثلين: the same kind as the attack just told."""
        v = self.last_violent
        s, e = here.sent.start, here.sent.end
        similar = resources().get(_similar)
        if v is not None and similar.search(
            self.ctx.text, max(s, fr.anchor.start - 10), min(e, fr.anchor.end + 40)
        ):
            m.event_type, m.sub_event_type = v.event_type, v.sub_event_type
            m.weapon = v.weapon or m.weapon

    def _follow_up(self, m: Mention, here: _Sentence) -> bool:
        """A later sentence about the same family of event: no day of its own → the day of
        the event just told; no place → its place (in the same country). A defusal right
        after an attack takes the attack's place."""
        last = self.last_mention
        follow_up = (
            last is not None and last.sentence is not here.sent and _family(last) == _family(m)
        )
        # نفذ الطيران أمس 16 غارة … كذلك دارت اشتباكات …: a roundup's paragraph tells its
        # day once, for the events of the sentences after it
        same_paragraph = (
            last is not None
            and here.index - last.index <= 2
            and _news_day(last.date_, self.ctx.article.published)
            and "\n" not in self.ctx.text[last.frame.anchor.end : m.frame.anchor.start]
        )
        if (
            (follow_up or same_paragraph)
            and last is not None
            and m.date_ is None
            and not self._ongoing(m.frame)
        ):
            m.date_ = last.date_
        if (
            follow_up
            and last is not None
            and m.place is None
            and (last.event_type == m.event_type or _fight_after_attack(last, m))
            and last.place is not None
            and same_country(last.place, here.countries)
        ):
            m.place, m.inherited_place = last.place, True
        if (
            m.place is None
            and m.sub_event_type in ("Disrupted weapons use", "Arrests")
            and last is not None
            and here.index - last.index <= 2
            and (m.date_ is None or last.date_ is None or m.date_.day == last.date_.day)
            and (
                m.sub_event_type != "Arrests"
                or last.place is not None
                and last.event_type in taxonomy().violent  # not those held at a protest
                and same_country(last.place, here.countries)
            )
        ):
            # خبراء المفرقعات أبطلوا مفعول عبوة أخرى …، بينما اعتقلت الشرطة مطلق النار: a
            # defusal or an arrest right after an event, where that event happened (an
            # arrest also when)
            m.place, m.inherited_place = last.place, True
            if m.sub_event_type == "Arrests":
                m.date_ = m.date_ or last.date_
        return follow_up

    def _ongoing(self, fr: Frame) -> bool:
        """تقوم مليشيا الحوثي بقصف المنازل: told in the present, not on the day before."""
        start = fr.anchor.start
        return bool(resources().get(_ongoing).search(self.ctx.text, max(0, start - 60), start))

    def _background(self, here: _Sentence, follow_up: bool) -> bool:
        """An undated event outside the lead and not tied to one just told, or a pluperfect
        recall (وكان انتحاري فجر نفسه …): background, not this news."""
        s = here.sent.start
        recall = any(s <= b.start < s + 12 for b in self.ctx.background)
        return (
            recall
            or self.ctx.trial_article  # a trial report dates the crimes it tries with calendar dates
            or (not follow_up and here.index - self.lead_start >= SETTINGS.lead_sentences)
        )


def _beside_place(m: Mention, before: Mention | None) -> None:
    """اشتباكات في مديرية الدريهمي، جنوب مدينة الحديدة، وسط غارات …: a report told
    beside another in its sentence, with no place in its own clauses, happened where the
    first did."""
    bounds = m.frame.bounds
    if bounds is None or before is None or before.place is None or m.place is None:
        return
    if not bounds[0] <= m.place.start < bounds[1]:
        m.place, m.inherited_place = before.place, before.inherited_place


def _happened(res: Resources) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A verb of happening ending right before a word, and one right after it (past a comma
    and a relative pronoun)."""
    verbs = alternation(grammar("happened_verbs"))
    relative = alternation(grammar("relative_pronouns"))
    return (
        regex.compile(rf"(?<!\p{{L}})[{clitics().conjunctions}]?{verbs}\s+$"),
        regex.compile(rf"\p{{L}}*[\s،]*(?:{relative}\s+)?{verbs}(?!\p{{L}})"),
    )


def _place_head(res: Resources) -> regex.Pattern[str]:
    """في منطقة X، بقرية X: a place head told as where, and the word after it."""
    heads = alternation(grammar("place_heads"))
    by = alternation(grammar("locative_clitics"))
    where = alternation(grammar("locative_words"))
    conj = clitics().conjunctions
    return regex.compile(rf"(?<!\p{{L}})(?:{where}\s+|[{conj}]?{by}){heads}\s+\p{{L}}{{3,}}")


def _ongoing(res: Resources) -> regex.Pattern[str]:
    verbs = alternation(grammar("ongoing_verbs"))
    # not after a particle that makes the verb a subjunctive (استطاع أن يقوم بتفجير)
    particles = alternation(grammar("subjunctive_particles"))
    return regex.compile(
        rf"(?<!{particles}\s)(?<!\p{{L}})[وف]?{verbs}(?:\s+\p{{L}}+){{0,3}}\s+ب?\Z"
    )


def _judged(fr: Frame, text: str) -> bool:
    """التفجير الغاشم الذي استهدف المسجد، أدانت الكويت التفجير الذي استهدف المسجد: an act
    named with a word that judges it, or the object of a condemnation, with no day, is one
    the reader already knows (a reaction recalls it), not news."""
    judging = resources().get(_judging)
    return any(
        judging.search(text, h.word_end, min(len(text), h.word_end + 25))
        # العمل الإرهابي الآثم الذي استهدف مسجدا: the judged act, its verb in a relative clause
        or (
            after_relative(text, h.word_start)
            and judging.search(text, max(0, h.word_start - 30), h.word_start) is not None
        )
        or (h.value.category != "protest" and condemned_before(text, h.word_start))
        for h in fr.hits
        if h.value.strength != "cue"
    )


def _ceremony(fr: Frame, text: str, sent_start: int) -> bool:
    """استقبل الأمير أسر الشهداء الذين استشهدوا في حادث التفجير: an act told, with no day,
    in a sentence about a reception, visit or condolence for its victims (grammar.yaml
    ceremony_verbs before it) is one the reader knows, not news."""
    verbs = listed_word("ceremony_verbs")
    return verbs.search(text, sent_start, fr.anchor.word_start) is not None


def _judging(res: Resources) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\p{{L}}){alternation(grammar('judging_adjectives'))}(?!\p{{L}})")


def _similar(res: Resources) -> regex.Pattern[str]:
    return regex.compile(alternation(grammar("similar")))


def _fight_after_attack(last: Mention, m: Mention) -> bool:
    """المهاجم … قتل خلال تبادل لإطلاق النار مع الشرطة: the fight that ended an attack just
    told happened where the attack did."""
    return (
        "exchange" in m.frame.categories
        and m.event_type == "Battles"
        and last.event_type == "Violence against civilians"
    )


def _family(m: Mention) -> str:
    """Fighting of any kind is one family: a roundup of fronts shares its day."""
    return "violence" if m.event_type in taxonomy().violent else m.event_type
