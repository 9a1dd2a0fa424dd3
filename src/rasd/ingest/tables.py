"""Tables of articles: CSV with a header and Parquet (columns as in JSON Lines)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from rasd.ingest.base import Skip, record_article
from rasd.model import Article


def csv_articles(
    name: str, text: str, published: date | None, outlet: str | None
) -> Iterator[Article | Skip]:
    """Rows of a CSV file with a header (id, text, published, outlet, url, title)."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Skip(name, "CSV without a 'text' column")
        return
    for n, row in enumerate(reader, 2):
        yield record_article(f"{name}:{n}", row, published, outlet)


def parquet_articles(
    path: Path, published: date | None, outlet: str | None
) -> Iterator[Article | Skip]:
    """Rows of a Parquet file (columns as in JSON Lines)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as e:  # noqa: BLE001 - not Parquet after all
        yield Skip(str(path), f"unreadable Parquet file ({type(e).__name__})")
        return
    for n, row in enumerate(table.to_pylist(), 1):
        yield record_article(f"{path}:{n}", row, published, outlet)
