"""Parquet output: one row per event, flat columns, days as dates, nested parts as JSON."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import IO, Any

# columns that hold a day (ISO text in the records): typed as dates
DATE_COLUMNS = ("event_date", "published")


def _day(v: Any) -> date | None:
    if isinstance(v, date) or v is None:
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _table(records: list[dict[str, Any]]) -> Any:
    """The records as an Arrow table: scalar fields as columns, dates as date32, lists and
    dicts (evidence, claims, reports …) as JSON text."""
    import pyarrow as pa

    names: dict[str, None] = {}
    for r in records:
        names.update(dict.fromkeys(r))
    columns: dict[str, list[Any]] = {n: [] for n in names}
    nested = {n for r in records for n, v in r.items() if isinstance(v, (dict, list, tuple))}
    for r in records:
        for n in names:
            v = r.get(n)
            if n in nested:
                v = None if v is None else json.dumps(v, ensure_ascii=False, default=str)
            elif n in DATE_COLUMNS:
                v = _day(v)
            columns[n].append(v)
    arrays = {}
    for n, vals in columns.items():
        if n in DATE_COLUMNS:
            arrays[n] = pa.array(vals, type=pa.date32())
        elif n in nested:
            arrays[n] = pa.array(vals, type=pa.string())
        else:
            try:
                arrays[n] = pa.array(vals)
            except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed kinds: kept as text
                arrays[n] = pa.array([None if v is None else str(v) for v in vals], pa.string())
    return pa.table(arrays)


def write_parquet(records: list[dict[str, Any]], path: str | Path | IO[bytes]) -> None:
    """Event records (dicts as written to JSON Lines) as a Parquet table. A path is
    written under a temporary name and renamed into place."""
    import pyarrow.parquet as pq

    table = _table(records)
    if not isinstance(path, (str, Path)):
        pq.write_table(table, path)
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
