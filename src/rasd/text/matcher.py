"""Clitic-aware multi-pattern matching of lexicon entries over normalized text.

One Aho-Corasick automaton per lexicon finds every entry in one pass; each hit is
then checked against Arabic word boundaries: proclitics (و ف ب ل ك, the article
ال and its contraction لل) may precede a name, and only listed suffixes may follow.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import attrgetter
from typing import Any, Generic, TypeVar

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
class Entry(Generic[T]):
    value: T
    surface: str
    article: bool
    suffixes: frozenset[str]


_Where = tuple[int, int, int, int]  # key start, key end, word start, word end
_Key = tuple[int, str, tuple[Entry[T], ...]]  # a key found: its end, the key, its entries
# a word's reading in a WordMatcher: clitic chain length, code, hits (start, value, surface)
_First = tuple[int, int, tuple[tuple[int, T, str], ...]]
NO_SUFFIX = frozenset({""})


def entry_table(
    entries: Iterable[tuple[str, T]],
    suffixes: Iterable[str] = (),
    normalized: bool = False,
    bare: bool = True,
) -> dict[str, list[Entry[T]]]:
    """Matching key → the entries written with it. A key that starts with the article is
    kept without it and matches only after an article (or its clitic chain). With `bare`
    False a key matches only with one of the suffixes (غارت only as غارته، غارتها)."""
    allowed = frozenset({*([""] if bare else []), *(norm_key(s) for s in suffixes)})
    table: dict[str, list[Entry[T]]] = {}
    for surface, value in entries:
        k = surface if normalized else norm_key(surface)
        if not k:
            continue
        article = k.startswith(ARTICLE) and len(k) > 4 and " " not in k[:3]
        if article:
            k = k[2:]
        table.setdefault(k, []).append(Entry(value, surface, article, allowed))
    return table


_START = attrgetter("start")


def _longest_first(hits: list[Hit[T]], start: int, stop: int) -> list[Hit[T]]:
    """Non-overlapping hits, the longest first, then by start; in order of start."""
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    taken = bytearray(stop - start + 1)
    out: list[Hit[T]] = []
    for h in hits:
        a, b = h.start - start, h.end - start
        if any(taken[a:b]):
            continue
        taken[a:b] = b"\x01" * (b - a)
        out.append(h)
    out.sort(key=_START)
    return out


class Matcher(Generic[T]):
    """Finds lexicon entries in normalized text, longest match first."""

    _last: tuple[str, int, int, tuple[Hit[T], ...]] | None = None  # find's last answer
    _scan: Scan | None = None  # a scan shared with other matchers, see Scan
    _slot = 0

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        suffixes: Iterable[str] = (),
        prefixes: bool = True,
        min_clitic_key: int = 0,
        normalized: bool = False,
        article_optional: bool = True,
        bare: bool = True,
    ) -> None:
        """`min_clitic_key`: shortest key that may follow a proclitic (place names: 4);
        `normalized`: the entries' forms are already matching keys; `article_optional`: a
        form written without the article also matches with it (غارات → الغارات، بالغارات);
        `bare` False: a key matches only with a suffix (see `entry_table`)."""
        self._clitic_rules(prefixes, min_clitic_key, article_optional)
        self._automaton = ahocorasick.Automaton()
        table = entry_table(entries, suffixes, normalized, bare)
        for k, lst in table.items():
            self._automaton.add_word(k, (k, tuple(lst)))
        self.size = len(table)
        self._found: dict[tuple[str, str, str], tuple[tuple[int, T, str], ...]] = {}
        if table:
            self._automaton.make_automaton()

    def _clitic_rules(self, prefixes: bool, min_clitic_key: int, article_optional: bool) -> None:
        # proclitic chains before a bare word and before a word that carried the article
        # (whose ال is stripped from the key): بالأنبار → ب+ال+انبار, للأنبار → لل+انبار
        c = clitics()
        self._article_prefixes = c.article_chains
        self._bare_prefixes = (
            c.bare_chains | c.article_chains if article_optional else c.bare_chains
        )
        self._min_clitic_key = min_clitic_key
        self._short_ok: frozenset[str] = frozenset()  # short keys a clitic may precede
        self._prefixes = prefixes

    def __len__(self) -> int:
        return self.size

    def _hits(
        self, k: str, entries: tuple[Entry[T], ...], prefix: str, suffix: str, where: _Where
    ) -> Iterator[Hit[T]]:
        """The entries of key `k` that the clitics around it allow, as hits."""
        start, end, ws, we = where
        for e in entries:
            if suffix not in e.suffixes:
                continue
            if e.article:
                if prefix not in self._article_prefixes:
                    continue
            elif prefix and (
                not self._prefixes
                or prefix not in self._bare_prefixes
                or (len(k) < self._min_clitic_key and k not in self._short_ok)
            ):
                # a clitic before a three-letter word is too often part of another word
                continue
            # report the article as part of the match: "الأنبار", not "أنبار"
            s = start - 2 if e.article and prefix.endswith(ARTICLE) else start
            if e.article and prefix.endswith("لل"):
                s = start - 1
            yield Hit(s, end, e.value, e.surface, ws, we)

    def _all(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[Hit[T]]:
        """Hits whose key lies in text[lo:hi]; word boundaries are read in the whole text."""
        if not self.size:
            return
        n = len(text)
        hi = n if hi is None else hi
        memo = self._found
        for end, k, entries in self._keys_in(text, lo, hi):
            start = end - len(k)
            # left side: the clitic chain from the start of the word (at most 5 letters)
            ws = start
            while ws > 0 and start - ws <= 4 and ((c := text[ws - 1]).isalnum() or c == "_"):
                ws -= 1
            if ws > 0 and ((c := text[ws - 1]).isalnum() or c == "_"):
                continue
            # right side: an allowed suffix up to the end of the word
            we = end
            while we < n and ((c := text[we]).isalnum() or c == "_"):
                we += 1
            around = (k, text[ws:start], text[end:we])
            found = memo.get(around)
            if found is None:
                found = self._allowed(around, entries)
            for s, value, surface in found:
                yield Hit(start + s, end, value, surface, ws, we)

    def _allowed(
        self, around: tuple[str, str, str], entries: tuple[Entry[T], ...]
    ) -> tuple[tuple[int, T, str], ...]:
        """The hits of a key between a prefix and a suffix (start offsets from the key's),
        kept for the next time they meet (bounded)."""
        k, prefix, suffix = around
        hits = self._hits(k, entries, prefix, suffix, (0, len(k), -len(prefix), len(k)))
        found = tuple((h.start, h.value, h.surface) for h in hits)
        if len(self._found) >= _MEMO_WORDS:
            self._found.clear()
        self._found[around] = found
        return found

    def _keys_in(self, text: str, lo: int, hi: int) -> Iterable[_Key[T]]:
        """(end, key, entries) of each key found in text[lo:hi], by end."""
        if self._scan is not None:
            return self._scan.keys_in(self._slot, text, lo, hi)
        # the automaton gets the slice: given the whole text it would copy all of it per call
        window = text if lo == 0 and hi >= len(text) else text[lo:hi]
        return ((e + 1 + lo, k, entries) for e, (k, entries) in self._automaton.iter(window))

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
        out = sorted(hits, key=_START)
        if any(a.end > b.start for a, b in zip(out, out[1:], strict=False)):
            out = _longest_first(hits, start, stop)
        # else no two overlap: the longest-first choice keeps them all
        self._last = (text, start, stop, tuple(out))
        return out

    def find_all(self, text: str) -> list[Hit[T]]:
        """Every hit, overlapping ones included (e.g. both a place and its province)."""
        return sorted(self._all(text), key=lambda h: (h.start, -h.end))


class Scan:
    """One automaton over the keys of several matchers: a text is scanned once for all of
    them (each scan of a short text costs about as much as its hits), and each matcher
    reads the keys of its own lexicon from that scan, in the order its own automaton would
    give them. The keys found in the last text are kept; a window is read by bisection."""

    def __init__(self, matchers: Sequence[Matcher[Any]]) -> None:
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[int, str, tuple[Entry[Any], ...]]]] = {}
        for slot, m in enumerate(matchers):
            if not m.size or m._scan is not None or type(m) is not Matcher:
                continue
            for k, (_, entries) in m._automaton.items():
                table.setdefault(k, []).append((slot, k, entries))
            m._scan, m._slot = self, slot
        for k, found in table.items():
            self._automaton.add_word(k, tuple(found))
        self._slots = len(matchers)
        self._text: str | None = None
        self._found: list[tuple[list[int], list[_Key[Any]]]] = []
        if table:
            self._automaton.make_automaton()

    def _scan_text(self, text: str) -> list[tuple[list[int], list[_Key[Any]]]]:
        if self._text is not text:
            found: list[tuple[list[int], list[_Key[Any]]]] = [([], []) for _ in range(self._slots)]
            for e, keys in self._automaton.iter(text):
                for slot, k, entries in keys:
                    ends, items = found[slot]
                    ends.append(e + 1)
                    items.append((e + 1, k, entries))
            self._text, self._found = text, found
        return self._found

    def keys_in(self, slot: int, text: str, lo: int, hi: int) -> list[_Key[Any]]:
        """The keys of one matcher found in text[lo:hi], by end."""
        ends, items = self._scan_text(text)[slot]
        if lo <= 0 and hi >= len(text):
            return items
        a, b = bisect.bisect_left(ends, lo), bisect.bisect_right(ends, hi)
        return [x for x in items[a:b] if x[0] - len(x[1]) >= lo]


_WORD = re.compile(r"\w+")  # the same letters as is_word_char
_WORDS = re.compile(r"(\w+)")  # split: gaps and words in turn
_MEMO_WORDS = 100_000  # distinct words a WordMatcher remembers before it starts over


class WordMatcher(Matcher[T]):
    """The hits a Matcher finds for the same entries, found by looking word runs up in a
    table instead of running an automaton. A large table (the gazetteer's 160,000 names)
    loads from a compiled file in a fraction of the time an automaton takes to build.

    `codes` maps each matching key, and each run of a key's leading words (دير of دير
    الزور), to `2 × (entry number + 1) + more`: entry number -1 for a leading run that is
    no key itself, `more` 1 when a longer key goes on from it. `entries(number)` gives the
    entries (they may be decoded lazily). Keys take no suffix, and a key that does not
    start and end with a letter is never found.
    """

    def __init__(
        self,
        codes: Mapping[str, int],
        entries: Callable[[int], tuple[Entry[T], ...]],
        min_clitic_key: int = 0,
        article_optional: bool = True,
        short_ok: frozenset[str] = frozenset(),
    ) -> None:
        """`short_ok`: keys shorter than `min_clitic_key` that a clitic may still precede
        (بغزة، بحلب: the short names of big places)."""
        self._clitic_rules(True, min_clitic_key, article_optional)
        self._short_ok = short_ok
        self._codes = codes
        self._entries = entries
        self._chains = frozenset(self._article_prefixes | self._bare_prefixes) - {""}
        self._longest_chain = max(map(len, self._chains), default=0)
        self.size = len(codes)
        # word → the codes of the word and of its readings without a clitic chain: news
        # repeats its words, so each is looked up once (bounded, see _first_codes)
        self._memo: dict[str, tuple[_First[T], ...]] = {}

    @classmethod
    def of(
        cls,
        entries: Iterable[tuple[str, T]],
        normalized: bool = False,
        min_clitic_key: int = 0,
        article_optional: bool = True,
    ) -> WordMatcher[T]:
        """A WordMatcher over entries held in memory."""
        table = {k: tuple(v) for k, v in entry_table(entries, (), normalized).items()}
        rows = list(table.values())
        return cls(word_codes(table), rows.__getitem__, min_clitic_key, article_optional)

    def _first_codes(self, word: str) -> tuple[_First[T], ...]:
        """Each reading of one word found in the table (the word itself and the word after
        each clitic chain it starts with): its clitic chain length, its code and the hits
        of its key (offsets from the word's start)."""
        codes, chains = self._codes, self._chains
        out = []
        for c in range(min(self._longest_chain, len(word) - 1) + 1):
            if c and word[:c] not in chains:
                continue
            code = codes.get(word[c:])
            if code is None:
                continue
            hits: tuple[tuple[int, T, str], ...] = ()
            if code >= 2:
                rows = self._entries((code >> 1) - 1)
                where = (c, len(word), 0, len(word))
                found = self._hits(word[c:], rows, word[:c], "", where)
                hits = tuple((h.start, h.value, h.surface) for h in found)
            out.append((c, code, hits))
        if len(self._memo) >= _MEMO_WORDS:
            self._memo.clear()
        firsts = self._memo[word] = tuple(out)
        return firsts

    def _all(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[Hit[T]]:
        if not self.size:
            return
        n = len(text)
        hi = n if hi is None else min(hi, n)
        # read the words cut by the window whole
        while lo > 0 and is_word_char(text[lo - 1]):
            lo -= 1
        stop = hi
        while stop < n and is_word_char(text[stop]):
            stop += 1
        # the words and the offsets of words and gaps (words at odd places): the table is
        # asked once per distinct word form (C loops: most words of a text are no place)
        parts = _WORDS.split(text[lo:stop] if lo or stop < n else text)
        at = list(accumulate(map(len, parts), initial=lo))
        words = parts[1::2]
        found = list(map(self._memo.get, words))
        if None in found:
            found = [
                self._first_codes(w) if f is None else f for w, f in zip(words, found, strict=True)
            ]
        codes = self._codes
        for i in compress(range(len(words)), found):
            ws, we = at[2 * i + 1], at[2 * i + 2]
            if we > hi:
                continue
            for c, first, hits in found[i] or ():
                for s, value, surface in hits:
                    yield Hit(ws + s, we, value, surface, ws, we)
                if not first & 1:
                    continue
                start = ws + c
                for j in range(i + 1, len(words)):
                    end = at[2 * j + 2]
                    if end > hi:
                        break
                    code = codes.get(text[start:end])
                    if code is None:
                        break
                    if code >= 2:
                        k = text[start:end]
                        where = (start, end, ws, end)
                        rows = self._entries((code >> 1) - 1)
                        yield from self._hits(k, rows, text[ws:start], "", where)
                    if not code & 1:
                        break


def word_codes(keys: Iterable[str]) -> dict[str, int]:
    """The lookup codes of a WordMatcher: key or leading run → 2 × (entry number + 1) +
    (1 if a longer key goes on from it)."""
    codes: dict[str, int] = {}
    for n, k in enumerate(keys):
        codes[k] = codes.get(k, 0) | 2 * (n + 1)
        for m in _WORD.finditer(k):
            if m.end() < len(k):
                run = k[: m.end()]
                codes[run] = codes.get(run, 0) | 1
    return codes
