"""Writing events: SPEC JSON Lines, ACLED CSV, GeoJSON and GeoParquet, streamed article by
article (Parquet is written when the writer closes, to a binary handle); every output file
is written beside its target and renamed into place only when the run succeeded
(`atomic_output`)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rasd.fuse.fusion import CanonicalEvent
from rasd.model import Event
from rasd.output.acled import (
    ACLED_COLUMNS,
    EXTRA_COLUMNS,
    AcledStyle,
    acled_row,
    export_stamp,
    record_row,
)
from rasd.output.geojson import FeatureStream, feature

__all__ = [
    "ACLED_COLUMNS",
    "BINARY_FORMATS",
    "FORMATS",
    "AtomicFile",
    "ExportOptions",
    "Writer",
    "atomic_output",
    "export_stamp",
    "stable",
    "write_records",
]

FORMATS = ("jsonl", "acled-csv", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)
BOM = "\ufeff"


def stable(rec: dict[str, Any]) -> dict[str, Any]:
    """A record whose key order does not depend on the run: `confidence` is filled from a
    set of fields, so its keys are sorted."""
    conf = rec.get("confidence")
    if isinstance(conf, dict):
        rec = {**rec, "confidence": dict(sorted(conf.items()))}
    return rec


def _dumps(rec: dict[str, Any]) -> str:
    return json.dumps(stable(rec), ensure_ascii=False)


@dataclass(frozen=True)
class ExportOptions:
    """How the ACLED-shaped outputs are written: the ACLED style (inter codes, dates) and,
    for CSV, a byte-order mark so that Excel reads the Arabic as UTF-8."""

    style: AcledStyle = field(default_factory=AcledStyle)
    bom: bool = False


class Writer:
    """Streams events of many articles to one output in one format (Parquet: rows
    collected, written at `close`; its handle is binary)."""

    def __init__(self, fh: IO[Any], fmt: str, options: ExportOptions | None = None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh, self.fmt = fh, fmt
        self.options = options or ExportOptions()
        self.count = 0
        self.stamp = export_stamp()
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
            rec = {"id": article_id, "events": [stable(e.to_dict()) for e in evs]}
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
            self.fh.write(_dumps(rec) + "\n")
            self.count += 1
            return
        self._row(record_row(rec, self.stamp, self.options.style), c.id)

    def record(self, rec: dict[str, Any]) -> None:
        """A stored canonical record (a dict, as `Store.events` returns them)."""
        if self.fmt == "jsonl":
            self.fh.write(_dumps(rec) + "\n")
            self.count += 1
            return
        self._row(record_row(rec, self.stamp, self.options.style), str(rec.get("id")))

    def close(self) -> None:
        if self._features is not None:
            self._features.close()
        if self.fmt == "parquet":
            from rasd.output.parquet import write_rows

            write_rows(self._rows, _binary(self.fh), self.options.style.inter == "numeric")
        self.fh.flush()


def _binary(fh: IO[Any]) -> IO[bytes]:
    """A binary handle for Parquet: the handle itself, or the bytes under a text stream."""
    if not isinstance(fh, io.TextIOBase):
        return fh
    buf = getattr(fh, "buffer", None)
    if buf is None:
        raise ValueError("Parquet needs a file: give -o FILE.parquet")
    fh.flush()
    return buf


def write_records(
    records: Iterable[dict[str, Any]],
    fh: IO[Any],
    fmt: str,
    options: ExportOptions | None = None,
) -> None:
    """Write stored canonical records (dicts) as JSON Lines, ACLED CSV, GeoJSON or
    GeoParquet (`fh` binary for Parquet)."""
    w = Writer(fh, fmt, options)
    for r in records:
        w.record(r)
    w.close()


class AtomicFile:
    """An output file written under a temporary name beside its target and renamed over
    it by `commit`: a run that fails, is interrupted or processes nothing leaves the
    target as it was."""

    def __init__(self, path: str | Path, binary: bool = False) -> None:
        self.path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent or ".")
        self.tmp = Path(tmp)
        self.fh: IO[Any] = (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        )
        self.done = False

    def commit(self) -> None:
        self.fh.close()
        try:
            mode = self.path.stat().st_mode & 0o7777  # keep the target's permissions
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(self.tmp, mode)
        os.replace(self.tmp, self.path)
        self.done = True

    def discard(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        if not self.done:
            self.tmp.unlink(missing_ok=True)


@contextmanager
def atomic_output(path: str | Path, binary: bool = False) -> Iterator[AtomicFile]:
    """An `AtomicFile` that is discarded unless committed before the block ends."""
    f = AtomicFile(path, binary)
    try:
        yield f
    finally:
        f.discard()
