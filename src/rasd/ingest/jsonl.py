"""JSON Lines: one article per line (`id`, `text`, `published`, `outlet`, `url`, `title`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from rasd.ingest.base import Read, Skip, record_article


def read_jsonl_lines(
    name: str, lines: Iterator[str], published: date | None, outlet: str | None
) -> Iterator[Read]:
    """The articles of JSON lines; a bad line is a skip that keeps the line (to retry it),
    a file without any line is one skip."""
    seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        seen = True
        doc = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(doc, f"malformed JSON ({e.msg} at column {e.colno})", raw=line)
            continue
        except RecursionError:
            yield Skip(doc, "malformed JSON (nested too deeply)", raw=line)
            continue
        if not isinstance(rec, dict):
            yield Skip(doc, "JSON line is not an object", raw=line)
            continue
        yield from record_article(doc, rec, published, outlet, line)
    if not seen:
        yield Skip(name, "empty file (no JSON lines)", path=name)
