"""JSON Lines: one article per line (`id`, `text`, `published`, `outlet`, `url`, `title`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from rasd.ingest.base import Skip, record_article
from rasd.model import Article


def read_jsonl_lines(
    name: str, lines: Iterator[str], published: date | None, outlet: str | None
) -> Iterator[Article | Skip]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        doc = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(doc, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(rec, dict):
            yield Skip(doc, "JSON line is not an object")
            continue
        yield record_article(doc, rec, published, outlet)
