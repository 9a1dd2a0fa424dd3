"""GeoJSON features with ACLED's column names as properties (docs/outputs/geojson.md)."""

from __future__ import annotations

import json
from typing import IO, Any

from rasd.output.acled import ACLED_COLUMNS, EXTRA_COLUMNS


def feature(row: dict[str, Any], ident: str) -> dict[str, Any] | None:
    """A point Feature of an ACLED row, `id` = `ident`; None when the row has no point."""
    lat, lon = row.get("latitude"), row.get("longitude")
    if lat in (None, "") or lon in (None, ""):
        return None
    props = {c: _value(row.get(c)) for c in ACLED_COLUMNS + EXTRA_COLUMNS}
    return {
        "type": "Feature",
        "id": ident,
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": props,
    }


def _value(v: Any) -> Any:
    return None if v == "" else v


class FeatureStream:
    """Writes a FeatureCollection feature by feature."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True
        fh.write('{"type": "FeatureCollection", "features": [\n')

    def add(self, feat: dict[str, Any] | None) -> None:
        if feat is None:
            return
        self.fh.write(("" if self.first else ",\n") + json.dumps(feat, ensure_ascii=False))
        self.first = False

    def close(self) -> None:
        self.fh.write("\n]}\n")
