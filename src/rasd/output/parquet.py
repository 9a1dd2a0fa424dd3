"""Parquet output: ACLED's columns typed (dates as dates, numbers as numbers) and a point
geometry in WKB with GeoParquet 1.0 metadata, so that pandas, geopandas
(`geopandas.read_parquet`), DuckDB and QGIS read it as a layer (docs/outputs/parquet.md)."""

from __future__ import annotations

import json
import os
import struct
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

from rasd.output.acled import ACLED_COLUMNS, EXTRA_COLUMNS

INT_COLUMNS = {
    "year",
    "time_precision",
    "iso",
    "geo_precision",
    "fatalities",
    "timestamp",
    "injuries",
    "munitions",
    "evidence_start",
    "evidence_end",
}
FLOAT_COLUMNS = {"latitude", "longitude"}


def _point_wkb(lon: float, lat: float) -> bytes:
    return struct.pack("<BIdd", 1, 1, lon, lat)  # little-endian, type 1 = Point


def _schema(numeric_inter: bool) -> Any:
    import pyarrow as pa

    cols = []
    for c in ACLED_COLUMNS + EXTRA_COLUMNS:
        if c == "event_date":
            typ = pa.date32()
        elif c in INT_COLUMNS or (numeric_inter and c in ("inter1", "inter2")):
            typ = pa.int64()
        elif c in FLOAT_COLUMNS:
            typ = pa.float64()
        else:
            typ = pa.string()
        cols.append(pa.field(c, typ))
    cols.append(pa.field("geometry", pa.binary()))
    # GeoParquet 1.0: no "crs" key means OGC:CRS84 (longitude, latitude on WGS 84)
    geo = {
        "version": "1.0.0",
        "primary_column": "geometry",
        "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}},
    }
    return pa.schema(cols, metadata={b"geo": json.dumps(geo).encode("utf-8")})


def _typed(row: dict[str, Any], c: str, numeric_inter: bool) -> Any:
    v = row.get(c)
    if v in ("", None):
        return None
    if c == "event_date":
        return v if isinstance(v, date) else _day(v)
    if c in INT_COLUMNS or (numeric_inter and c in ("inter1", "inter2")):
        return int(v)
    if c in FLOAT_COLUMNS:
        return float(v)
    return str(v)


def _day(v: Any) -> date | None:
    from datetime import datetime

    s = str(v)
    for fmt in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def write_rows(
    rows: Iterable[dict[str, Any]], out: str | IO[bytes], numeric_inter: bool = False
) -> int:
    """ACLED rows (`acled_row`, `record_row`) as a GeoParquet file; returns the count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema(numeric_inter)
    names = ACLED_COLUMNS + EXTRA_COLUMNS
    data: dict[str, list[Any]] = {c: [] for c in [*names, "geometry"]}
    n = 0
    for row in rows:
        for c in names:
            data[c].append(_typed(row, c, numeric_inter))
        lat, lon = row.get("latitude"), row.get("longitude")
        point = lat not in ("", None) and lon not in ("", None)
        data["geometry"].append(_point_wkb(float(lon or 0), float(lat or 0)) if point else None)
        n += 1
    table = pa.Table.from_pydict(data, schema=schema)
    pq.write_table(table, out)
    return n


def write_parquet(
    records: list[dict[str, Any]], path: str | Path | IO[bytes], style: Any = None
) -> None:
    """Stored canonical records as GeoParquet (ACLED columns, typed; point geometry). A
    path is written under a temporary name beside it and renamed into place."""
    from rasd.output.acled import AcledStyle, export_stamp, record_row

    style = style or AcledStyle()
    stamp = export_stamp()
    rows = (record_row(r, stamp, style) for r in records)
    numeric = style.inter == "numeric"
    if not isinstance(path, (str, Path)):
        write_rows(rows, path, numeric)
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write_rows(rows, fh, numeric)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
