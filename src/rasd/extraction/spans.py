"""Positions in the normalized text: items sorted by offset and sliced by a range, and the
item nearest a trigger."""

from __future__ import annotations

import bisect
from typing import Any, Generic, Protocol, TypeVar


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


class ByStart(Generic[S]):
    """Items sorted by start offset, sliced by a range in O(log n) (sentences of a long text)."""

    def __init__(self, items: list[S]) -> None:
        self.items = sorted(items, key=lambda h: h.start)
        self.starts = [h.start for h in self.items]

    def within(self, start: int, end: int, whole: bool = True) -> list[S]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        got = self.items[i:j]
        return [h for h in got if h.end <= end] if whole else got


def distance(it: Spanned, pos: int) -> float:
    """How far an item is from a trigger at `pos` (items before it count 1.5 times)."""
    return it.start - pos if it.start >= pos else (pos - it.end) * 1.5


def nearest(items: list[Any], pos: int, prefer_after: bool = False) -> Any:
    """The item nearest `pos`; with `prefer_after`, items before it count 1.5 times as far."""
    best, best_d = None, 1e9
    for it in items:
        d = it.start - pos if it.start >= pos else (pos - it.end) * (1.5 if prefer_after else 1.0)
        if d < best_d:
            best, best_d = it, d
    return best
