"""The batch service: read inputs, extract each article, write the records, fill the
store and count what was skipped. The CLI, `rasd watch`, `rasd eval`, Dask runs and the
tests all call `run_extract`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import IO

from rasd.extraction.pipeline import extract_article
from rasd.fuse.fusion import fuse
from rasd.ingest import Skip, read_inputs
from rasd.model import Article, Event
from rasd.output.writers import Writer
from rasd.store.store import Store, article_key, batched, content_hash


def _progress(items: Iterable[Article | Skip], quiet: bool) -> Iterator[Article | Skip]:
    """A rich progress display on a terminal; silent otherwise or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        transient=True,
    ) as prog:
        task = prog.add_task("extracting", total=None)
        for it in items:
            yield it
            prog.advance(task)


class RunSummary:
    """What a run did: articles read, events written, documents skipped and why."""

    def __init__(self) -> None:
        self.read = 0
        self.events = 0
        self.with_events = 0
        self.skipped: list[Skip] = []
        self.canonical: int | None = None
        self.new = self.changed = self.unchanged = 0

    def text(self) -> str:
        lines = [
            f"rasd: {self.read} articles read, {self.events} events written "
            f"({self.with_events} articles with events), {len(self.skipped)} documents skipped"
        ]
        if self.canonical is not None:
            lines[0] += f"; fused into {self.canonical} canonical events"
        if self.new or self.changed or self.unchanged:
            lines.append(
                f"  store: {self.new} new, {self.changed} changed, {self.unchanged} already stored"
            )
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        for reason, n in reasons.most_common():
            lines.append(f"  skipped {n}: {reason}")
        return "\n".join(lines)


def _unseen(
    items: Iterable[Article | Skip], store: Store | None, summary: RunSummary, size: int
) -> Iterator[Article | Skip]:
    """Drop articles the store already holds unchanged (same key and content hash)."""
    if store is None:
        yield from items
        return
    for batch in batched(items, size):
        arts = [a for a in batch if isinstance(a, Article)]
        known = store.seen([article_key(a) for a in arts])
        for it in batch:
            if isinstance(it, Article) and known.get(article_key(it)) == content_hash(it.text):
                summary.unchanged += 1
                continue
            yield it


def _skip(
    item: Skip, summary: RunSummary, log: IO[str], quiet: bool, dead_letter: IO[str] | None
) -> None:
    summary.skipped.append(item)
    if not quiet:
        print(f"rasd: skipped {item.doc}: {item.reason}", file=log)
    if dead_letter is not None:
        rec = {"doc": item.doc, "reason": item.reason, "at": datetime.now(UTC).isoformat()}
        dead_letter.write(json.dumps(rec, ensure_ascii=False) + "\n")
        dead_letter.flush()


def run_extract(
    paths: list[str],
    out: IO[str],
    fmt: str,
    published: date | None,
    outlet: str | None,
    quiet: bool,
    log: IO[str],
    fuse_reports: bool = False,
    store: Store | None = None,
    batch_size: int = 50,
    dead_letter: IO[str] | None = None,
    items: Iterable[Article | Skip] | None = None,
) -> RunSummary:
    """Extract events from every input into `out`; bad documents are reported, written to
    `dead_letter` with the reason, and skipped. With `fuse_reports`, reports of one event
    from several articles are written as one. `items` replaces reading `paths`."""
    summary = RunSummary()
    writer = Writer(out, fmt)
    collected: list[Event] = []
    run_id = store.start_run("rasd extract " + " ".join(paths)) if store is not None else 0
    pending: list[tuple[Article, list[Event]]] = []

    def flush() -> None:
        if store is not None and pending:
            res = store.save_batch(pending, run_id)
            summary.new += res.new
            summary.changed += res.changed
            pending.clear()

    for item in _progress(
        _unseen(
            items if items is not None else read_inputs(paths, published, outlet),
            store,
            summary,
            batch_size,
        ),
        quiet,
    ):
        if isinstance(item, Skip):
            _skip(item, summary, log, quiet, dead_letter)
            continue
        if isinstance(item, tuple):  # already extracted (by Dask workers)
            item, events = item
        else:
            try:
                events = extract_article(item)
            except Exception as e:  # one broken document must not stop the batch
                reason = f"extraction failed ({type(e).__name__}: {e})"
                _skip(Skip(item.id, reason), summary, log, False, dead_letter)
                continue
        summary.read += 1
        summary.events += len(events)
        summary.with_events += bool(events)
        if store is not None:
            pending.append((item, events))
            if len(pending) >= batch_size:
                flush()
        if fuse_reports:
            collected.extend(events)
        elif out is not None:
            writer.article(item.id, events)
    flush()
    if store is not None:
        store.finish_run(
            run_id,
            articles_read=summary.read,
            articles_new=summary.new,
            articles_changed=summary.changed,
            articles_unchanged=summary.unchanged,
            documents_skipped=len(summary.skipped),
            reports_written=summary.events,
        )
    if fuse_reports:
        canonical = fuse(collected)
        summary.canonical = len(canonical)
        for c in canonical:
            writer.canonical(c)
    writer.close()
    return summary
