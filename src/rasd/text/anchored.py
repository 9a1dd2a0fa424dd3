"""A large pattern tried only where it can start: near the words every match contains.

`pattern.finditer(text)` tries a pattern of hundreds of alternatives at every position of
the text, though most positions are far from any word the pattern is made of. When every
match starts at the beginning of a word (the pattern opens with `(?<![\\p{L}\\p{N}])` and
a letter or digit) and holds one of a few anchor strings (a digit, a weekday, a month …)
at most `back` words after its start, the matches are found by trying the pattern only at
the word starts at most `back` words before each anchor: the same matches, in the same
order, as `finditer` over the whole text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import Any

import ahocorasick

# Words are runs of letters and digits. `re` and `regex` agree on which characters those
# are in the Latin, Greek, Cyrillic, Hebrew and Arabic blocks (a test checks it); a text
# with any other character is searched whole.
_RUN = re.compile(r"[^\W_]+")
_OUTSIDE = re.compile(r"[^\x00-\u0557\u0590-\u06ff]")
# the digits `regex` reads as \d in those blocks: ASCII, Arabic-Indic and Persian
DIGITS = "".join(chr(c) for c in (*range(0x30, 0x3A), *range(0x660, 0x66A), *range(0x6F0, 0x6FA)))


def runs(s: str) -> int:
    """How many words (runs of letters and digits) a string holds."""
    return len(_RUN.findall(s))


class Anchored:
    """`finditer` of `pattern`, tried only at the word starts near its anchors.

    `anchors` maps each anchor string to `back`, the most words a match may begin before
    the word holding it."""

    def __init__(self, pattern: Any, anchors: Mapping[str, int]) -> None:
        self.pattern = pattern
        self._automaton = ahocorasick.Automaton()
        for a, back in anchors.items():
            if a:
                self._automaton.add_word(a, (len(a), back))
        self._any = len(self._automaton) > 0
        if self._any:
            self._automaton.make_automaton()

    def finditer(self, text: str) -> Iterator[Any]:
        """The matches of `pattern.finditer(text)`."""
        if not self._any or _OUTSIDE.search(text):
            yield from self.pattern.finditer(text)
            return
        starts = [m.start() for m in _RUN.finditer(text)]
        tried = bytearray(len(starts))
        for end, (size, back) in self._automaton.iter(text):
            first = bisect.bisect_right(starts, end + 1 - size) - 1  # the anchor's word
            last = bisect.bisect_right(starts, end)  # words starting inside the anchor
            lo = max(first - back, 0)
            tried[lo:last] = b"\x01" * (last - lo)
        pos, match = 0, self.pattern.match
        for i in _marked(tried):
            p = starts[i]
            if p < pos:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                pos = m.end()


def _marked(flags: bytearray) -> Iterator[int]:
    """Indices of the set flags, in order."""
    i = flags.find(1)
    while i >= 0:
        yield i
        i = flags.find(1, i + 1)
