"""Word tokens over normalized text, with offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from rasd.text.words import clitics

_WORD = regex.compile(r"[\p{L}\p{N}_]+(?:[.,][0-9]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of text[start:end] with offsets into text."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]


_PART = regex.compile(r"[\p{L}\p{N}_.,]")  # what a token may hold


class Tokens:
    """The tokens of one text, made when a part of it is asked for: only a sentence's own
    when the text is cut between two tokens right before it, else all of them once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._all: list[Token] | None = None
        self._starts: list[int] = []

    def all(self) -> list[Token]:
        if self._all is None:
            self._all = tokenize(self.text)
            self._starts = [t.start for t in self._all]
        return self._all

    def within(self, start: int, end: int) -> list[Token]:
        """The tokens that start in text[start:end] (the same as cut from `all()`)."""
        text = self.text
        if self._all is None and (start <= 0 or not _PART.match(text, start - 1)):
            out = []
            for m in _WORD.finditer(text, max(start, 0)):
                if m.start() >= end:
                    break
                out.append(Token(m.group(), m.start(), m.end()))
            return out
        tokens = self.all()
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return tokens[i:j]


def strip_clitics(word: str) -> list[str]:
    """The word and its readings without one or two leading clitics (وب، فل …)."""
    out = [word]
    c = clitics()
    if len(word) > 3 and word[0] in c.proclitics:
        out.append(word[1:])
        if len(word) > 4 and word[1] in c.second:
            out.append(word[2:])
    return out
