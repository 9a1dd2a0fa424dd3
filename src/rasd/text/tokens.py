"""Word tokens over normalized text, with offsets."""

from __future__ import annotations

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


def strip_clitics(word: str) -> list[str]:
    """The word and its readings without one or two leading clitics (وب، فل …)."""
    out = [word]
    c = clitics()
    if len(word) > 3 and word[0] in c.proclitics:
        out.append(word[1:])
        if len(word) > 4 and word[1] in c.second:
            out.append(word[2:])
    return out
