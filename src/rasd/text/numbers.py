"""Reading counts written in digits or Arabic number words.

Handles compound numbers (خمسة وعشرون), clitics (بثماني), digits with a scale word
(3 آلاف) and vague quantities with ACLED's conventions (عشرات = 12, مئات = 100).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.resources import Resources, resources
from rasd.text.normalize import key
from rasd.text.tokens import Token, strip_clitics


@dataclass(frozen=True, slots=True)
class Count:
    """A number found at normalized offsets [start, end)."""

    value: int
    start: int
    end: int
    vague: bool
    rule: str  # the words or digits it was read from
    next_index: int  # index of the first token after the number


@dataclass(frozen=True, slots=True)
class _Word:
    value: int
    kind: str


def _words() -> dict[tuple[str, ...], _Word]:
    """Number words keyed by their words (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> dict[tuple[str, ...], _Word]:
    table: dict[tuple[str, ...], _Word] = {}
    for row in res.tsv("lexicon/numbers.tsv"):
        words = tuple(key(row["arabic"]).split())
        table.setdefault(words, _Word(int(row["value"]), row["kind"]))
    return table


def number_heads() -> frozenset[str]:
    """The first words of the number words: a count in words begins with one of them."""
    return frozenset(k[0] for k in _words() if k)


def is_count(word: str) -> bool:
    """Whether a word (quotes and brackets aside) is digits or begins a count of people
    (ثلاثة، مئات، عشرات), not «one» (أحد المحتجين is one of the protesters)."""
    word = word.strip("«»\"'()")
    return word.isdigit() or word in resources().get(_count_words)


def _count_words(res: Resources) -> frozenset[str]:
    ones = {k[0] for k, w in _words().items() if len(k) == 1 and w.value <= 1}
    return frozenset(k[0] for k, w in _words().items() if k and w.value > 1) - ones


def _longest(tokens: list[Token], i: int) -> tuple[_Word, int] | None:
    """The number word(s) starting at token i (clitics allowed on the first)."""
    table = _words()
    for n in (3, 2, 1):
        if i + n > len(tokens):
            continue
        rest = tuple(t.text for t in tokens[i + 1 : i + n])
        for first in strip_clitics(tokens[i].text):
            w = table.get((first, *rest))
            if w is not None:
                return w, i + n
    return None


def digits(text: str) -> int | None:
    t = text.replace(",", "")
    if t.isdecimal() and len(t) <= 7:
        return int(t)
    for c in ("و", "ب", "ل"):
        if t.startswith(c) and t[1:].isdecimal() and len(t) <= 8:
            return int(t[1:])
    return None


def read_count(tokens: list[Token], i: int) -> Count | None:
    """The count that starts at tokens[i], or None."""
    if i >= len(tokens):
        return None
    d = digits(tokens[i].text)
    table = _words()
    if d is not None:
        j = i + 1
        value = d
        if j < len(tokens):
            scale = table.get((tokens[j].text,))
            if scale and scale.kind in ("thousand", "vague") and scale.value == 1000:
                value, j = d * 1000, j + 1
        return Count(value, tokens[i].start, tokens[j - 1].end, False, "digits", j)
    found = _longest(tokens, i)
    if found is None:
        return None
    word, j = found
    value, kind = word.value, word.kind
    # compound numbers joined by و: خمسة وعشرون، مئة وخمسون
    while j < len(tokens) and tokens[j].text.startswith("و") and len(tokens[j].text) > 2:
        nxt = _longest(tokens, j)
        if nxt is None or nxt[0].kind == "vague":
            break
        w, k = nxt
        if (kind == "unit" and w.kind == "ten" and w.value >= 20) or (
            value >= 100 and w.value < value and w.kind != "thousand"
        ):
            value, kind, j = value + w.value, w.kind, k
        else:
            break
    if j < len(tokens) and kind in ("unit", "ten", "hundred"):
        scale = table.get((tokens[j].text,))
        if scale and scale.value == 1000:
            value, j = value * 1000, j + 1
    rule = " ".join(t.text for t in tokens[i:j])
    return Count(value, tokens[i].start, tokens[j - 1].end, kind == "vague", rule, j)
