"""Blocking: which reports are worth comparing. Reports are keyed by day and a 0.5-degree
map cell (and by province for province-level reports), so fusion and the store's
incremental re-fusion look at a neighbourhood, never at all pairs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rasd.model import Event
from rasd.settings import SETTINGS


def cell(lat: float, lon: float) -> tuple[int, int]:
    """The map cell of a point."""
    return math.floor(lat / SETTINGS.cell_deg), math.floor(lon / SETTINGS.cell_deg)


def _key(ev: Event) -> tuple[int, int, int] | None:
    if ev.event_date is None or ev.latitude is None or ev.longitude is None:
        return None
    return (ev.event_date.toordinal(), *cell(ev.latitude, ev.longitude))


def candidate_pairs(events: list[Event]) -> Iterable[tuple[int, int]]:
    """Index pairs that share a day (±1) and a grid cell (±1), or a province when one is
    placed only at province level (a pair may come twice; callers keep the first)."""
    blocks: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        k = _key(ev)
        if k is not None:
            blocks[k].append(i)
    # a report placed only at province level is coded to the province capital, which may
    # lie far from the place meant: it is compared with every report of its province
    provinces: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        if ev.event_date is not None and ev.admin1:
            provinces[(ev.event_date.toordinal(), str(ev.country), ev.admin1)].append(i)
    for i, ev in enumerate(events):
        if ev.geo_precision != 3 or ev.event_date is None or not ev.admin1:
            continue
        for dd in (-1, 0, 1):
            for j in provinces.get(
                (ev.event_date.toordinal() + dd, str(ev.country), ev.admin1), []
            ):
                if j != i:
                    yield (i, j)
    steps = [(dd, dla, dlo) for dd in (-1, 0, 1) for dla in (-1, 0, 1) for dlo in (-1, 0, 1)]
    for k, members in blocks.items():
        for dd, dla, dlo in steps:
            nk = (k[0] + dd, k[1] + dla, k[2] + dlo)
            if nk < k or nk not in blocks:
                continue  # each pair of neighbouring blocks once
            if nk == k:
                for a, i in enumerate(members):
                    for j in members[a + 1 :]:
                        yield (i, j)
            else:
                for i in members:
                    for j in blocks[nk]:
                        yield (i, j)


@dataclass(frozen=True)
class Spot:
    """Where and when a report is, for finding the reports it may fuse with."""

    FIELDS = ("event_date", "country", "admin1", "latitude", "longitude", "geo_precision")

    day: date
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: int | None

    @classmethod
    def of(cls, x: Event | Any) -> Spot:
        """The spot of an Event or of a row holding the FIELDS columns."""
        assert x.event_date is not None
        return cls(*(getattr(x, f) for f in cls.FIELDS))

    @property
    def cell(self) -> tuple[int, int] | None:
        if self.lat is None or self.lon is None:
            return None
        return cell(self.lat, self.lon)

    def within(
        self, cells: set[tuple[int, int, int]], provinces: set[tuple[int, str, str]]
    ) -> bool:
        d = self.day.toordinal()
        if (d, self.country or "", self.admin1 or "") in provinces:
            return True  # same province, a day apart at most (province-level reports reach far)
        c = self.cell
        return c is not None and (d, *c) in cells


def neighbourhood(spots: list[Spot]) -> tuple[set[tuple[int, int, int]], set[tuple[int, str, str]]]:
    """The day × map-cell and day × province blocks fusion could pair these reports with."""
    cells: set[tuple[int, int, int]] = set()
    provinces: set[tuple[int, str, str]] = set()
    for s in spots:
        d = s.day.toordinal()
        for dd in (-1, 0, 1):
            provinces.add((d + dd, s.country or "", s.admin1 or ""))
            if s.cell is not None:
                la, lo = s.cell
                cells.update((d + dd, la + a, lo + b) for a in (-1, 0, 1) for b in (-1, 0, 1))
    return cells, provinces
