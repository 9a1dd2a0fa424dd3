"""Tables of articles: CSV with a header and Parquet (columns as in JSON Lines)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from rasd.ingest.base import Read, Skip, record_article
from rasd.settings import SETTINGS

PARQUET_BATCH = 256  # rows held at a time


def csv_articles(
    name: str, text: str | Iterable[str], published: date | None, outlet: str | None
) -> Iterator[Read]:
    """Rows of a CSV file with a header (id, text, published, outlet, url, title): its
    text, or its lines as they are read (ends kept; a row at a time)."""
    # a long article is one field: allow fields up to the document limit
    csv.field_size_limit(max(csv.field_size_limit(), SETTINGS.max_chars + 1))
    reader = csv.DictReader(io.StringIO(text) if isinstance(text, str) else text)
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
    """Rows of a Parquet file (columns as in JSON Lines), read a batch of rows at a time."""
    import pyarrow.parquet as pq

    try:
        batches = pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH)
        n = 0
        for batch in batches:
            for row in batch.to_pylist():
                n += 1
                raw = json.dumps(row, ensure_ascii=False, default=str)
                yield from record_article(f"{path}:{n}", row, published, outlet, raw)
    except Exception as e:  # noqa: BLE001 - not Parquet after all, or broken further on
        yield Skip(str(path), f"unreadable Parquet file ({type(e).__name__})", path=str(path))
