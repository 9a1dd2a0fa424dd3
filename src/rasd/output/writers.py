"""Writing events: SPEC JSON Lines, ACLED CSV and GeoJSON, streamed article by article,
and Parquet; every output file written beside its target and renamed into place only
when the run succeeded (`atomic_output`)."""

from __future__ import annotations

import csv
import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from rasd.fuse.fusion import CanonicalEvent
from rasd.model import Event
from rasd.output.acled import ACLED_COLUMNS, EXTRA_COLUMNS, acled_row
from rasd.output.parquet import write_parquet

FORMATS = ("jsonl", "acled-csv", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)


def stable(rec: dict[str, Any]) -> dict[str, Any]:
    """A record whose key order does not depend on the run: `confidence` is filled from a
    set of fields, so its keys are sorted."""
    conf = rec.get("confidence")
    if isinstance(conf, dict):
        rec = {**rec, "confidence": dict(sorted(conf.items()))}
    return rec


def _dumps(rec: dict[str, Any]) -> str:
    return json.dumps(stable(rec), ensure_ascii=False)


def export_stamp() -> int:
    """ACLED's `timestamp` column: now, or SOURCE_DATE_EPOCH for byte-identical exports."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(fixed) if fixed.isdigit() else int(time.time())


class Writer:
    """Streams events of many articles to one output in one format (Parquet: collected,
    written at `close`; its handle is binary)."""

    def __init__(self, fh: IO[Any], fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh, self.fmt = fh, fmt
        self.count = 0
        self.stamp = export_stamp()
        self.rows: list[dict[str, Any]] = []
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
            rec = {"id": article_id, "events": [stable(e.to_dict()) for e in evs]}
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif self.fmt == "parquet":
            self.rows.extend(stable(e.to_dict()) for e in evs)
        elif self.fmt == "acled-csv":
            for e in evs:
                self._csv.writerow(acled_row(e, self.count + 1, self.stamp))
                self.count += 1
            return
        else:
            for e in evs:
                if e.latitude is None or e.longitude is None:
                    continue
                props = stable(e.to_dict())
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
            self.fh.write(_dumps(c.to_dict()) + "\n")
        elif self.fmt == "parquet":
            self.rows.append(stable(c.to_dict()))
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
                    "properties": stable(c.to_dict()),
                }
                self.fh.write(
                    ("" if self._first_feature else ",\n") + json.dumps(feat, ensure_ascii=False)
                )
                self._first_feature = False
        self.count += 1

    def close(self) -> None:
        if self.fmt == "geojson":
            self.fh.write("\n]}\n")
        elif self.fmt == "parquet":
            write_parquet(self.rows, self.fh)
        self.fh.flush()


def write_records(records: Iterable[dict[str, Any]], fh: IO[Any], fmt: str) -> None:
    """Write stored canonical records (dicts) as JSON Lines, ACLED CSV or GeoJSON."""
    from rasd.model import Event

    if fmt == "jsonl":
        for r in records:
            fh.write(_dumps(r) + "\n")
        return
    if fmt == "parquet":
        write_parquet([stable(r) for r in records], fh)
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
