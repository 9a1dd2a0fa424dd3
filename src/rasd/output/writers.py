"""Writing events: SPEC JSON Lines, ACLED CSV and GeoJSON, streamed article by article."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable
from typing import IO, Any

from rasd.fuse.fusion import CanonicalEvent
from rasd.model import Event
from rasd.output.acled import ACLED_COLUMNS, EXTRA_COLUMNS, acled_row

FORMATS = ("jsonl", "acled-csv", "geojson")


class Writer:
    """Streams events of many articles to one output in one format."""

    def __init__(self, fh: IO[str], fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh, self.fmt = fh, fmt
        self.count = 0
        self.stamp = int(time.time())
        self._first_feature = True
        if fmt == "acled-csv":
            self._csv = csv.DictWriter(
                fh, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n"
            )
            self._csv.writeheader()
        elif fmt == "geojson":
            fh.write('{"type": "FeatureCollection", "features": [\n')

    def article(self, article_id: str, events: Iterable[Event]) -> None:
        evs = list(events)
        if self.fmt == "jsonl":
            rec = {"id": article_id, "events": [e.to_dict() for e in evs]}
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif self.fmt == "acled-csv":
            for e in evs:
                self._csv.writerow(acled_row(e, self.count + 1, self.stamp))
                self.count += 1
            return
        else:
            for e in evs:
                if e.latitude is None or e.longitude is None:
                    continue
                props = e.to_dict()
                feat = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                    "properties": props,
                }
                self.fh.write(
                    ("" if self._first_feature else ",\n") + json.dumps(feat, ensure_ascii=False)
                )
                self._first_feature = False
        self.count += len(evs)

    def canonical(self, c: CanonicalEvent) -> None:
        """One fused event (--fuse): the canonical record with its reports and merges."""
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "acled-csv":
            row = acled_row(c.event, self.count + 1, self.stamp)
            row["event_id_cnty"] = c.id
            row["source_scale"] = c.source_scale
            row["article_id"] = ";".join(sorted({str(r.article_id) for r in c.reports}))
            row["outlet"] = ";".join(sorted({r.outlet or "" for r in c.reports} - {""}))
            self._csv.writerow(row)
        else:
            e = c.event
            if e.latitude is not None and e.longitude is not None:
                feat = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                    "properties": c.to_dict(),
                }
                self.fh.write(
                    ("" if self._first_feature else ",\n") + json.dumps(feat, ensure_ascii=False)
                )
                self._first_feature = False
        self.count += 1

    def close(self) -> None:
        if self.fmt == "geojson":
            self.fh.write("\n]}\n")
        self.fh.flush()


def write_records(records: Iterable[dict[str, Any]], fh: IO[str], fmt: str) -> None:
    """Write stored canonical records (dicts) as JSON Lines, ACLED CSV or GeoJSON."""
    from rasd.model import Event

    if fmt == "jsonl":
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    w = Writer(fh, fmt)
    for r in records:
        ev = Event.from_dict(r)
        if fmt == "acled-csv":
            row = acled_row(ev, w.count + 1, w.stamp)
            row["event_id_cnty"] = r.get("id", row["event_id_cnty"])
            row["source_scale"] = r.get("source_scale", "")
            w._csv.writerow(row)
            w.count += 1
        else:
            w.article(str(r.get("id")), [ev])
    w.close()
