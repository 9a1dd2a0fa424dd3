"""What names an article in the store (its URL, else its id) and what says whether it
changed (the hash of its text); light enough for the runner to use without the store."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from rasd.model import Article


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_key(a: Article) -> str:
    return (a.url or a.id)[:512]


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """The items in lists of `size` (the last one shorter)."""
    batch: list[Any] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
