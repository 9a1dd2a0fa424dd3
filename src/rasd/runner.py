"""The batch service: read inputs, extract each article, write the records, fill the
store and count what was skipped. The CLI, `rasd watch`, `rasd eval`, Dask runs and the
tests all call `run`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import IO, TYPE_CHECKING

from rasd.extraction.pipeline import extract_article
from rasd.fuse.fusion import fuse
from rasd.ingest import Notice, Skip, read_inputs
from rasd.model import Article, Event
from rasd.output.writers import ExportOptions, Writer
from rasd.parallel import Failed, in_pool
from rasd.store.keys import article_key, batched, content_hash

if TYPE_CHECKING:
    from rasd.store.store import Store

# a tuple: already extracted (Dask, --jobs); Failed: its extraction raised (--jobs);
# a Notice: a warning about a document still used
Item = Article | Skip | Notice | Failed | tuple[Article, list[Event]]


def _progress(items: Iterable[Item], quiet: bool) -> Iterator[Item]:
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
        self.notices: list[Notice] = []
        self.canonical: int | None = None
        self.new = self.changed = self.unchanged = 0

    def text(self) -> str:
        lines = [
            f"rasd: {self.read} articles read, {self.events} events written "
            f"({self.with_events} articles with events), {len(self.skipped)} documents skipped"
        ]
        if self.notices:
            lines[0] += f", {len(self.notices)} warnings"
        if self.canonical is not None:
            lines[0] += f"; fused into {self.canonical} canonical events"
        if self.new or self.changed or self.unchanged:
            lines.append(
                f"  store: {self.new} new, {self.changed} changed, {self.unchanged} already stored"
            )
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        for reason, n in reasons.most_common():
            lines.append(f"  skipped {n}: {reason}")
        warned = Counter(_kind(x.reason) for x in self.notices)
        for reason, n in warned.most_common():
            lines.append(f"  warned {n}: {reason}")
        if not self.read and not self.unchanged:
            lines.append("  nothing processed" + ("" if self.skipped else ": no input documents"))
        return "\n".join(lines)


def _kind(reason: str) -> str:
    """A reason without its particulars, to count alike ones together."""
    return reason.split(" (")[0].split(" '")[0].split(' "')[0]


def _distinct(items: Iterable[Item], summary: RunSummary) -> Iterator[Item]:
    """A second, different article under a key (id or URL) already read in this run is
    kept under a key of its own (the id and URL suffixed with its content hash), with a
    warning, instead of silently replacing the first."""
    seen: dict[str, str] = {}
    for it in items:
        art = it[0] if isinstance(it, tuple) else it
        if isinstance(art, Article):
            key, h = article_key(art), content_hash(art.text)
            first = seen.setdefault(key, h)
            if first != h:
                old = art.id
                art.id = f"{art.id}~{h[:8]}"
                if art.url:
                    art.url = f"{art.url}#rasd-{h[:8]}"
                if isinstance(it, tuple):
                    for ev in it[1]:
                        ev.article_id, ev.url = art.id, art.url
                seen[article_key(art)] = h
                yield Notice(
                    old,
                    f"id or URL already used by another article in this input: kept as {art.id}",
                )
        yield it


def _unseen(
    items: Iterable[Item], store: Store | None, summary: RunSummary, size: int
) -> Iterator[Item]:
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
        rec: dict[str, str] = {"doc": item.doc, "reason": item.reason}
        if item.raw is not None:
            rec["raw"] = item.raw  # the record as read: a JSON line, a CSV row, a text
        if item.path is not None:
            rec["path"] = item.path  # the file (or URL) that is the document
        rec["at"] = datetime.now(UTC).isoformat()
        dead_letter.write(json.dumps(rec, ensure_ascii=False) + "\n")
        dead_letter.flush()


def _record(a: Article) -> str:
    """An article as a JSON line `rasd extract` reads back."""
    rec = {
        "id": a.id,
        "text": a.text,
        "published": a.published.isoformat() if a.published else None,
        "outlet": a.outlet,
        "url": a.url,
        "title": a.title,
    }
    return json.dumps(rec, ensure_ascii=False)


@dataclass
class Job:
    """One batch: what to read, how, and where the results go besides the output."""

    inputs: list[str]
    fmt: str = "jsonl"
    published: date | None = None  # for inputs that carry no date
    outlet: str | None = None  # for inputs that name no outlet
    fuse: bool = False  # one record per real event instead of one line per article
    store: Store | None = None
    batch: int = 50  # articles per store transaction
    dead_letter: IO[str] | None = None
    quiet: bool = False
    log: IO[str] = field(default_factory=lambda: sys.stderr)
    items: Iterable[Item] | None = None  # instead of reading the inputs
    export: ExportOptions | None = None  # ACLED style and CSV byte-order mark
    jobs: int = 1  # processes extracting (local engine)


def run(job: Job, out: IO[str]) -> RunSummary:
    """Extract events from every input of the job into `out`. Bad documents are reported,
    written to the dead-letter file with the reason, and skipped; with a store, articles it
    holds unchanged are skipped and each batch is one transaction."""
    r = _Run(job, out)
    items = (
        job.items if job.items is not None else read_inputs(job.inputs, job.published, job.outlet)
    )
    todo = _unseen(_distinct(items, r.summary), job.store, r.summary, job.batch)
    if job.jobs > 1:
        todo = in_pool(todo, job.jobs)
    try:
        for item in _progress(todo, job.quiet):
            r.take(item)
    except KeyboardInterrupt:
        r.interrupted()
        raise
    finally:
        if isinstance(todo, Generator):
            todo.close()  # a pool of workers ends here, even on Ctrl-C
    return r.finish()


class _Run:
    def __init__(self, job: Job, out: IO[str]) -> None:
        self.job = job
        self.summary = RunSummary()
        self.writer = Writer(out, job.fmt, job.export)
        self.collected: list[Event] = []
        self.pending: list[tuple[Article, list[Event]]] = []
        store = job.store
        self.run_id = store.start_run("rasd extract " + " ".join(job.inputs)) if store else 0

    def take(self, item: Item) -> None:
        job, summary = self.job, self.summary
        if isinstance(item, Skip):
            _skip(item, summary, job.log, job.quiet, job.dead_letter)
            return
        if isinstance(item, Notice):
            summary.notices.append(item)
            if not job.quiet:
                print(f"rasd: warning {item.doc}: {item.reason}", file=job.log)
            return
        if isinstance(item, Failed):  # extraction raised in a worker (--jobs)
            self.failed(item.article, item.reason)
            return
        if isinstance(item, tuple):  # already extracted (by Dask or pool workers)
            item, events = item
        else:
            try:
                events = extract_article(item)
            except Exception as e:  # one broken document must not stop the batch
                self.failed(item, f"extraction failed ({type(e).__name__}: {e})")
                return
        summary.read += 1
        summary.events += len(events)
        summary.with_events += bool(events)
        if job.store is not None:
            self.pending.append((item, events))
            if len(self.pending) >= job.batch:
                self.flush()
        if job.fuse:
            self.collected.extend(events)
        else:
            self.writer.article(item.id, events)

    def failed(self, article: Article, reason: str) -> None:
        skip = Skip(article.id, reason, raw=_record(article))
        _skip(skip, self.summary, self.job.log, False, self.job.dead_letter)

    def flush(self) -> None:
        if self.job.store is not None and self.pending:
            res = self.job.store.save_batch(self.pending, self.run_id)
            self.summary.new += res.new
            self.summary.changed += res.changed
            self.summary.unchanged += res.unchanged  # stored meanwhile by another process
            self.pending.clear()

    def interrupted(self) -> None:
        """Ctrl-C: the batch in flight is dropped (its transaction never began); the run
        is marked as interrupted so that the store says what happened."""
        store = self.job.store
        if store is not None:
            store.finish_run(self.run_id, status="interrupted")

    def finish(self) -> RunSummary:
        self.flush()
        summary, store = self.summary, self.job.store
        if store is not None:
            store.finish_run(
                self.run_id,
                articles_read=summary.read,
                articles_new=summary.new,
                articles_changed=summary.changed,
                articles_unchanged=summary.unchanged,
                documents_skipped=len(summary.skipped),
                reports_written=summary.events,
            )
        if self.job.fuse:
            canonical = fuse(self.collected)
            summary.canonical = len(canonical)
            for c in canonical:
                self.writer.canonical(c)
        self.writer.close()
        return summary
