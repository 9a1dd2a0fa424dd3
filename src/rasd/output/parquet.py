"""Parquet output."""

from __future__ import annotations

import json
from typing import Any


def write_parquet(records: list[dict[str, Any]], path: str) -> None:
    """Stored canonical events as a Parquet table (flat columns; nested parts as JSON text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = []
    for r in records:
        row = {k: v for k, v in r.items() if not isinstance(v, (dict, list))}
        row.update(
            {
                k: json.dumps(v, ensure_ascii=False)
                for k, v in r.items()
                if isinstance(v, (dict, list))
            }
        )
        flat.append(row)
    pq.write_table(pa.Table.from_pylist(flat), path)
