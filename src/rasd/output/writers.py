"""Writing events: SPEC JSON Lines, ACLED CSV, GeoJSON and GeoParquet, streamed article by
article (Parquet is written when the writer closes)."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from rasd.fuse.fusion import CanonicalEvent
from rasd.model import Event
from rasd.output.acled import ACLED_COLUMNS, EXTRA_COLUMNS, AcledStyle, acled_row, record_row
from rasd.output.geojson import FeatureStream, feature

FORMATS = ("jsonl", "acled-csv", "geojson", "parquet")
BOM = "\ufeff"


@dataclass(frozen=True)
class ExportOptions:
    """How the ACLED-shaped outputs are written: the ACLED style (inter codes, dates) and,
    for CSV, a byte-order mark so that Excel reads the Arabic as UTF-8."""

    style: AcledStyle = field(default_factory=AcledStyle)
    bom: bool = False


class Writer:
    """Streams events of many articles to one output in one format."""

    def __init__(self, fh: IO[str], fmt: str, options: ExportOptions | None = None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh, self.fmt = fh, fmt
        self.options = options or ExportOptions()
        self.count = 0
        self.stamp = int(time.time())
        self._rows: list[dict[str, Any]] = []  # parquet: written on close
        self._features: FeatureStream | None = None
        if fmt == "acled-csv":
            if self.options.bom:
                fh.write(BOM)
            self._csv = csv.DictWriter(
                fh, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n"
            )
            self._csv.writeheader()
        elif fmt == "geojson":
            self._features = FeatureStream(fh)

    def _row(self, row: dict[str, Any], ident: str) -> None:
        if self.fmt == "acled-csv":
            self._csv.writerow(row)
        elif self.fmt == "parquet":
            self._rows.append(row)
        elif self._features is not None:
            self._features.add(feature(row, ident))
        self.count += 1

    def article(self, article_id: str, events: Iterable[Event]) -> None:
        evs = list(events)
        if self.fmt == "jsonl":
            rec = {"id": article_id, "events": [e.to_dict() for e in evs]}
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            self.count += len(evs)
            return
        for e in evs:
            row = acled_row(e, self.stamp, self.options.style)
            self._row(row, row["event_id_cnty"])

    def canonical(self, c: CanonicalEvent) -> None:
        """One fused event (--fuse): the canonical record with its reports and merges."""
        rec = c.to_dict()
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            self.count += 1
            return
        self._row(record_row(rec, self.stamp, self.options.style), c.id)

    def record(self, rec: dict[str, Any]) -> None:
        """A stored canonical record (a dict, as `Store.events` returns them)."""
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            self.count += 1
            return
        self._row(record_row(rec, self.stamp, self.options.style), str(rec.get("id")))

    def close(self) -> None:
        if self._features is not None:
            self._features.close()
        if self.fmt == "parquet":
            from rasd.output.parquet import write_rows

            self.fh.flush()
            write_rows(self._rows, _binary(self.fh), self.options.style.inter == "numeric")
        self.fh.flush()


def _binary(fh: IO[str]) -> IO[bytes]:
    """The bytes under a text stream (Parquet is binary)."""
    buf = getattr(fh, "buffer", None)
    if buf is None:
        raise ValueError("Parquet needs a file: give -o FILE.parquet")
    return buf


def write_records(
    records: Iterable[dict[str, Any]],
    fh: IO[str],
    fmt: str,
    options: ExportOptions | None = None,
) -> None:
    """Write stored canonical records (dicts) as JSON Lines, ACLED CSV or GeoJSON."""
    w = Writer(fh, fmt, options)
    for r in records:
        w.record(r)
    w.close()
