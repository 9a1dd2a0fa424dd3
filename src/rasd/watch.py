"""`rasd watch`: poll news feeds and store what is new.

Each poll fetches every feed; a feed that answers with an error or with something that
is not a feed is retried with exponential backoff and then reported, never fatal. New
items go through the same path as `rasd extract --db`: the store keys them by URL and
content hash, so an item seen twice is stored once.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from rasd.ingest import Read, Skip, fetch
from rasd.ingest.feeds import feed_articles
from rasd.runner import Job, run
from rasd.store import Store

UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0}


def fetch_feed(target: str) -> tuple[bytes, str]:
    """A feed's bytes: over HTTP, or from a file (a path or file:// URL), read anew at
    every poll."""
    if target.startswith(("http://", "https://")):
        return fetch(target)
    path = target[len("file://") :] if target.startswith("file://") else target
    return Path(path).read_bytes(), ""


def parse_every(spec: str) -> float:
    """'15m' → 900.0 seconds; '30s', '1h', or a bare number of seconds."""
    spec = spec.strip().lower()
    if spec and spec[-1] in UNITS:
        return float(spec[:-1]) * UNITS[spec[-1]]
    return float(spec)


@dataclass
class FeedState:
    url: str
    failures: int = 0  # consecutive failed polls
    last_error: str | None = None


@dataclass
class Poller:
    """Fetches feeds with retries; the `fetcher` and `sleep` are injectable for tests."""

    feeds: list[str]
    retries: int = 3
    backoff: float = 5.0
    fetcher: Callable[[str], tuple[bytes, str]] = fetch_feed
    sleep: Callable[[float], None] = time.sleep
    log: IO[str] | None = None
    state: dict[str, FeedState] = field(default_factory=dict)

    def poll(self) -> list[Read]:
        """One round over every feed: its items, or a Skip saying why a feed failed."""
        out: list[Read] = []
        for url in self.feeds:
            st = self.state.setdefault(url, FeedState(url))
            items = self._fetch_feed(url, st)
            out.extend(items)
        return out

    def _fetch_feed(self, url: str, st: FeedState) -> list[Read]:
        for attempt in range(self.retries + 1):
            try:
                body, _ = self.fetcher(url)
                items = list(feed_articles(url, body, None))
                if items and all(
                    isinstance(i, Skip) and i.reason.startswith("not a feed") for i in items
                ):
                    raise ValueError(
                        items[0].reason if isinstance(items[0], Skip) else "not a feed"
                    )
                st.failures, st.last_error = 0, None
                return items
            except Exception as e:  # noqa: BLE001 - network and parse errors alike
                st.last_error = f"{type(e).__name__}: {e}"
                if attempt < self.retries:
                    wait = self.backoff * (2**attempt)
                    self._say(f"rasd watch: {url} failed ({st.last_error}); retry in {wait:g} s")
                    self.sleep(wait)
        st.failures += 1
        self._say(f"rasd watch: {url} failed {self.retries + 1} times ({st.last_error}); next poll")
        return [Skip(url, f"feed failed after {self.retries + 1} attempts ({st.last_error})")]

    def _say(self, msg: str) -> None:
        if self.log is not None:
            print(msg, file=self.log, flush=True)


def watch(
    feeds: list[str],
    store: Store,
    every: float,
    polls: int = 0,
    retries: int = 3,
    backoff: float = 5.0,
    batch: int = 50,
    dead_letter: IO[str] | None = None,
    log: IO[str] | None = None,
) -> int:
    """Poll the feeds every `every` seconds (`polls` times, or until interrupted: Ctrl-C
    reaches the caller) and store what is new; returns the number of polls made."""
    log = log or sys.stderr
    poller = Poller(feeds, retries=retries, backoff=backoff, log=log)
    done = 0
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        while True:
            done += 1
            job = Job(feeds, store=store, batch=batch, dead_letter=dead_letter, quiet=True, log=log)
            job.items = poller.poll()
            summary = run(job, devnull)
            print(
                f"rasd watch: poll {done}: {summary.new} new, {summary.changed} changed, "
                f"{summary.unchanged} already stored, {len(summary.skipped)} skipped",
                file=log,
                flush=True,
            )
            if polls and done >= polls:
                break
            time.sleep(every)
    return done
