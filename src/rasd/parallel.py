"""`rasd extract --jobs N`: articles extracted by a pool of N processes on this machine,
in bounded chunks, the results handed back in input order (Dask is the path beyond one
machine). The first article is extracted in this process, so that the lexicons and the
gazetteer are loaded once before the workers are forked and shared with them.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from rasd.extraction.pipeline import extract_article
from rasd.model import Article, Event

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

CHUNK = 16  # articles sent to a worker at a time


@dataclass(frozen=True, slots=True)
class Failed:
    """An article whose extraction raised: reported and skipped, the batch goes on."""

    article: Article
    reason: str


def extract_or_fail(article: Article) -> list[Event] | str:
    """The events of an article, or why its extraction failed."""
    try:
        return extract_article(article)
    except Exception as e:  # one broken document must not stop the batch
        return f"extraction failed ({type(e).__name__}: {e})"


def _extract_chunk(articles: list[Article]) -> list[list[Event] | str]:
    return [extract_or_fail(a) for a in articles]


def _quiet_worker() -> None:
    """Ctrl-C is for the main process, which ends the pool; workers do not print it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _done(article: Article, result: list[Event] | str) -> tuple[Article, list[Event]] | Failed:
    return Failed(article, result) if isinstance(result, str) else (article, result)


def in_pool(items: Iterable[Any], jobs: int, chunk: int = CHUNK) -> Iterator[Any]:
    """The items in order, each `Article` replaced by `(article, events)` or `Failed`;
    other items (skips, notices) pass through in their place. At most 2 × jobs chunks are
    in flight, so memory does not grow with the input."""
    rest = iter(items)
    for item in rest:
        if isinstance(item, Article):
            yield _done(item, extract_or_fail(item))  # loads what extraction needs, here
            break
        yield item
    else:
        return
    with _context().Pool(jobs, initializer=_quiet_worker) as pool:
        flight: deque[tuple[list[Any], AsyncResult[list[list[Event] | str]]]] = deque()
        while batch := list(islice(rest, chunk)):
            arts = [it for it in batch if isinstance(it, Article)]
            flight.append((batch, pool.apply_async(_extract_chunk, (arts,))))
            if len(flight) > 2 * jobs:
                yield from _in_order(*flight.popleft())
        while flight:
            yield from _in_order(*flight.popleft())


def _in_order(batch: list[Any], result: AsyncResult[list[list[Event] | str]]) -> Iterator[Any]:
    results = iter(result.get())
    for item in batch:
        yield _done(item, next(results)) if isinstance(item, Article) else item
