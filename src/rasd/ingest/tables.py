"""Tables of articles: CSV with a header and Parquet (columns as in JSON Lines)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from rasd.ingest.base import Read, Skip, record_article
from rasd.settings import SETTINGS


def csv_articles(
    name: str, text: str, published: date | None, outlet: str | None
) -> Iterator[Read]:
    """Rows of a CSV file with a header (id, text, published, outlet, url, title)."""
    # a long article is one field: allow fields up to the document limit
    csv.field_size_limit(max(csv.field_size_limit(), SETTINGS.max_chars + 1))
    reader = csv.DictReader(io.StringIO(text))
    try:
        fields = reader.fieldnames
    except csv.Error as e:
        yield Skip(name, f"unreadable CSV ({e})", path=name)
        return
    if not fields or "text" not in fields:
        yield Skip(name, "CSV without a 'text' column", path=name)
        return
    n, stuck = 1, -1
    while True:
        n += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:  # a bare carriage return in a field …: that row, not the file
            yield Skip(f"{name}:{n}", f"unreadable CSV row ({e})", path=name)
            if reader.line_num == stuck:
                return
            stuck = reader.line_num
            continue
        raw = json.dumps(row, ensure_ascii=False, default=str)
        yield from record_article(f"{name}:{n}", row, published, outlet, raw)


def parquet_articles(path: Path, published: date | None, outlet: str | None) -> Iterator[Read]:
    """Rows of a Parquet file (columns as in JSON Lines)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as e:  # noqa: BLE001 - not Parquet after all
        yield Skip(str(path), f"unreadable Parquet file ({type(e).__name__})", path=str(path))
        return
    for n, row in enumerate(table.to_pylist(), 1):
        raw = json.dumps(row, ensure_ascii=False, default=str)
        yield from record_article(f"{path}:{n}", row, published, outlet, raw)
