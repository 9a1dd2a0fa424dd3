"""Reported speech: the verbs that introduce what a source says (قال، أكد …), the
complementizer that opens the content (أن، إنه …) and the phrases that name a source's
affiliation (وفق مصدر في …). Attribution, dates and actor roles all read them; the words
are in `lexicon/grammar.yaml`."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from rasd.resources import Resources, resources
from rasd.text.words import alternation, clitics, grammar


@dataclass(frozen=True)
class Speech:
    verb: regex.Pattern[str]  # a speech verb as a word (with و/ف before it)
    speaker_before: regex.Pattern[str]  # text ending in a speech, blame or denial verb
    complementizer: regex.Pattern[str]
    complementizer_before: regex.Pattern[str]  # text ending in أن، بأن
    source_context: regex.Pattern[str]  # text ending in "according to a source in …"
    speaker_title: regex.Pattern[str]  # text ending in a speech verb and up to 3 words
    according_to: regex.Pattern[str]  # text ending in بحسب، وفق، نقلا عن (+ 3 words)


def speech() -> Speech:
    """The reported-speech patterns (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> Speech:
    verbs = grammar("speech_verbs")
    conj = alternation(clitics().conjunctions)
    return Speech(
        verb=regex.compile(rf"(?<![\p{{L}}]){conj}?{alternation(verbs)}(?![\p{{L}}])"),
        # the actor right after one of these is the speaker (a source), not a party
        speaker_before=regex.compile(
            rf"(?<![\p{{L}}]){conj}?{alternation(verbs + grammar('accusation_verbs'))}\s*$"
        ),
        complementizer=regex.compile(
            rf"(?<![\p{{L}}]){alternation(grammar('complementizers'))}(?![\p{{L}}])"
        ),
        complementizer_before=regex.compile(
            rf"(?<![\p{{L}}]){alternation(grammar('complementizers'))}\s+$"
        ),
        # قال رئيس مفوضية الشرطة …: the forces named in the speaker's title speak
        speaker_title=regex.compile(
            rf"(?<![\p{{L}}]){conj}?{alternation(verbs)}(?:\s+[\p{{L}}]+){{1,3}}\s+$"
        ),
        according_to=regex.compile(
            # بحسب الشرطة، بحسب تقارير الإعلام والشرطة: up to three words between
            rf"(?<![\p{{L}}]){conj}?{alternation(grammar('according_to'))}\s+"
            rf"(?:\p{{L}}+\s+){{0,3}}{conj}?$"
        ),
        source_context=regex.compile(
            alternation(grammar("source_nouns"))
            + r"(?:\s+[\p{L}]+){0,3}\s+"
            + alternation(grammar("affiliation_prepositions"))
            + r"\s*$"
        ),
    )
