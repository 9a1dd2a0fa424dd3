"""The word lists of `lexicon/grammar.yaml` and the clitic table of `lexicon/clitics.yaml`,
as matching keys, and regex alternations over word lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from rasd.resources import Resources, resources
from rasd.text.normalize import key


@dataclass(frozen=True)
class Clitics:
    """What may be glued before and after a word (all matching keys)."""

    proclitics: frozenset[str]  # و ف ب ل ك
    second: frozenset[str]  # a second proclitic after the first: ب ل ك
    conjunctions: str  # و ف, as one string for str.lstrip
    bare_chains: frozenset[str]  # before a word written without the article ("" included)
    article_chains: frozenset[str]  # before a word written with it
    place_chains: frozenset[str]  # that make a place name the object of a preposition
    trigger_suffixes: tuple[str, ...]
    noun_suffixes: tuple[str, ...]
    actor_suffixes: tuple[str, ...]
    sound_endings: tuple[str, ...]  # مراهق → مراهقين، مراهقة، مراهقات
    possessive: frozenset[str]
    bound_suffixes: tuple[str, ...]  # after the ت of a noun in ة: غارته، غارتين
    dual_suffixes: tuple[str, ...]  # غارتين، غارتان
    active_endings: tuple[str, ...]  # قتلت، قتلوا: endings of a verb agreeing with its subject


def clitics() -> Clitics:
    """The clitic table (built once)."""
    return resources().get(_build_clitics)


def _build_clitics(res: Resources) -> Clitics:
    y = res.yaml("lexicon/clitics.yaml")

    def ks(name: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(key(f) for f in y[name]))

    return Clitics(
        proclitics=frozenset(ks("proclitics")),
        second=frozenset(ks("second_proclitics")),
        conjunctions="".join(ks("conjunctions")),
        bare_chains=frozenset({"", *ks("bare_chains")}),
        article_chains=frozenset(ks("article_chains")),
        place_chains=frozenset(ks("place_chains")),
        trigger_suffixes=ks("trigger_suffixes"),
        noun_suffixes=ks("noun_suffixes"),
        actor_suffixes=ks("actor_suffixes"),
        sound_endings=ks("sound_endings"),
        possessive=frozenset(ks("possessive_suffixes")),
        bound_suffixes=ks("possessive_suffixes") + ks("dual_suffixes"),
        dual_suffixes=ks("dual_suffixes"),
        active_endings=ks("active_endings"),
    )


def inflected(stems: Iterable[str]) -> list[str]:
    """Each masculine singular noun of people with its sound inflections (clitics.yaml
    sound_endings): مراهق، مراهقا، مراهقين، مراهقة، مراهقات …, as matching keys."""
    endings = clitics().sound_endings
    return list(dict.fromkeys(k + e for k in map(key, stems) for e in ("", *endings)))


def grammar(name: str) -> tuple[str, ...]:
    """A word list of grammar.yaml as matching keys, in file order, without repeats."""
    return resources().get(_build_grammar)[name]


def _build_grammar(res: Resources) -> dict[str, tuple[str, ...]]:
    y = res.yaml("lexicon/grammar.yaml")
    return {name: tuple(dict.fromkeys(key(f) for f in forms)) for name, forms in y.items()}


def alternation(words: Iterable[str], spaces: str = " ") -> str:
    r"""A non-capturing regex alternation of matching keys, longest first: (?:a|b|c).
    `spaces` is the pattern that stands for the space inside a phrase (e.g. r"\s+")."""
    keys = sorted({key(w) for w in words}, key=lambda k: (-len(k), k))
    alts = (spaces.join(regex.escape(p) for p in k.split(" ")) for k in keys)
    return "(?:" + "|".join(alts) + ")"


def listed_word(name: str) -> regex.Pattern[str]:
    """A word of the grammar.yaml list `name`, whole, with an optional conjunction (و، ف)
    glued before it (one compiled pattern a list)."""
    patterns = resources().get(_listed_words)
    if name not in patterns:
        conj = alternation(clitics().conjunctions)
        patterns[name] = regex.compile(
            rf"(?<!\p{{L}}){conj}?{alternation(grammar(name))}(?!\p{{L}})"
        )
    return patterns[name]


def _listed_words(res: Resources) -> dict[str, regex.Pattern[str]]:
    return {}
