"""Clitic-aware multi-pattern matching of lexicon entries over normalized text.

One Aho-Corasick automaton per lexicon finds every entry in one pass; each hit is
then checked against Arabic word boundaries: proclitics (و ف ب ل ك, the article
ال and its contraction لل) may precede a name, and only listed suffixes may follow.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from rasd.text.normalize import key as norm_key
from rasd.text.words import clitics

T = TypeVar("T")

ARTICLE = "\u0627\u0644"  # ال


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A lexicon entry found at normalized offsets [start, end) (prefix clitics excluded)."""

    start: int
    end: int
    value: T
    surface: str  # the entry's surface form as written in the data file
    word_start: int  # where the word (with its clitics) begins
    word_end: int  # where the word (with its suffix) ends


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    value: T
    surface: str
    article: bool
    suffixes: frozenset[str]


class Matcher(Generic[T]):
    """Finds lexicon entries in normalized text, longest match first."""

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        suffixes: Iterable[str] = (),
        prefixes: bool = True,
        min_clitic_key: int = 0,
        normalized: bool = False,
        article_optional: bool = True,
    ) -> None:
        """`min_clitic_key`: shortest key that may follow a proclitic (place names: 4);
        `normalized`: the entries' forms are already matching keys; `article_optional`: a
        form written without the article also matches with it (غارات → الغارات، بالغارات)."""
        # proclitic chains before a bare word and before a word that carried the article
        # (whose ال is stripped from the key): بالأنبار → ب+ال+انبار, للأنبار → لل+انبار
        c = clitics()
        self._article_prefixes = c.article_chains
        self._bare_prefixes = (
            c.bare_chains | c.article_chains if article_optional else c.bare_chains
        )
        self._min_clitic_key = min_clitic_key
        allowed = frozenset({"", *(norm_key(s) for s in suffixes)})
        self._prefixes = prefixes
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[_Entry[T]]] = {}
        for surface, value in entries:
            k = surface if normalized else norm_key(surface)
            if not k:
                continue
            article = k.startswith(ARTICLE) and len(k) > 4 and " " not in k[:3]
            if article:
                k = k[2:]
            table.setdefault(k, []).append(_Entry(value, surface, article, allowed))
        for k, lst in table.items():
            self._automaton.add_word(k, (k, tuple(lst)))
        self.size = len(table)
        self._last: tuple[str, int, int, tuple[Hit[T], ...]] | None = None
        if table:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def _all(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[Hit[T]]:
        """Hits whose key lies in text[lo:hi]; word boundaries are read in the whole text."""
        if not self.size:
            return
        n = len(text)
        hi = n if hi is None else hi
        # the automaton gets the slice: given the whole text it would copy all of it per call
        window = text if lo == 0 and hi >= n else text[lo:hi]
        for end_idx, (k, entries) in self._automaton.iter(window):
            end = end_idx + 1 + lo
            start = end - len(k)
            # left side: the clitic chain from the start of the word
            ws = start
            while ws > 0 and is_word_char(text[ws - 1]) and start - ws <= 4:
                ws -= 1
            if ws > 0 and is_word_char(text[ws - 1]):
                continue
            prefix = text[ws:start]
            # right side: an allowed suffix up to the end of the word
            we = end
            while we < n and is_word_char(text[we]):
                we += 1
            suffix = text[end:we]
            for e in entries:
                if suffix not in e.suffixes:
                    continue
                if e.article:
                    if prefix not in self._article_prefixes:
                        continue
                elif prefix and (
                    not self._prefixes
                    or prefix not in self._bare_prefixes
                    or len(k) < self._min_clitic_key
                ):
                    # a clitic before a three-letter word is too often part of another word
                    continue
                # report the article as part of the match: "الأنبار", not "أنبار"
                s = start - 2 if e.article and prefix.endswith(ARTICLE) else start
                if e.article and prefix.endswith("لل"):
                    s = start - 1
                yield Hit(s, end, e.value, e.surface, ws, we)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit[T]]:
        """Non-overlapping hits in text[start:end], preferring the longest. Only the window
        is scanned (a hit's key lies inside it), so the cost follows the window's length."""
        start = max(start, 0)
        stop = len(text) if end is None else min(end, len(text))
        if start >= stop:
            return []
        last = self._last  # the events of one long sentence ask for the same window
        if last is not None and last[0] is text and last[1] == start and last[2] == stop:
            return list(last[3])
        hits = [h for h in self._all(text, start, stop) if h.start >= start and h.end <= stop]
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken = bytearray(stop - start + 1)
        out: list[Hit[T]] = []
        for h in hits:
            a, b = h.start - start, h.end - start
            if any(taken[a:b]):
                continue
            taken[a:b] = b"\x01" * (b - a)
            out.append(h)
        out.sort(key=lambda h: h.start)
        self._last = (text, start, stop, tuple(out))
        return out

    def find_all(self, text: str) -> list[Hit[T]]:
        """Every hit, overlapping ones included (e.g. both a place and its province)."""
        return sorted(self._all(text), key=lambda h: (h.start, -h.end))
