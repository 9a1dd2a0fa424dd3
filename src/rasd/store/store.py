"""The event store: SQLite by default (a file, WAL, nothing to set up), PostgreSQL when
given a `postgresql://` URL. One schema (`rasd.store.schema`), migrated with Alembic, one
code path (SQLAlchemy Core).

Articles are keyed by URL (or document id) and content hash: running the same input
again stores nothing twice, a changed article is re-extracted and its reports replaced.
Work is committed per batch in one transaction, with the canonical events of the days
it touches re-fused, so a run killed at any point loses at most the batch in flight and
the same command run again finishes the work exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, select, text, update

from rasd.model import Article, Event
from rasd.store import queries
from rasd.store import schema as t
from rasd.store.queries import EventFilter
from rasd.store.writes import BatchResult, article_key, content_hash, now, pk, save_batch

__all__ = ["BatchResult", "Store", "article_key", "batched", "content_hash", "db_url"]


def db_url(target: str) -> str:
    """A path becomes a SQLite URL; URLs pass through (postgresql:// uses psycopg 3)."""
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    if target.startswith("postgresql://"):
        return "postgresql+psycopg://" + target[len("postgresql://") :]
    return target


class Store:
    """A connection to one rasd database."""

    def __init__(self, target: str) -> None:
        self.url = db_url(target)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option(
            "script_location", str(resources.files("rasd") / "store" / "migrations")
        )
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        self.postgis = self.dialect == "postgresql" and _postgis(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # runs -----------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        with self.engine.begin() as conn:
            return int(
                pk(conn.execute(insert(t.runs).values(started_at=now(), command=command[:4000])))
            )

    def finish_run(self, run_id: int, **counts: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.runs)
                .where(t.runs.c.id == run_id)
                .values(finished_at=now(), status="done", **counts)
            )

    # articles -------------------------------------------------------------------------

    def seen(self, keys: Sequence[str]) -> dict[str, str]:
        """content hash of the stored article per key (for the keys already stored)."""
        if not keys:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.articles.c.key, t.articles.c.content_hash).where(
                    t.articles.c.key.in_(list(keys))
                )
            )
            return {r.key: r.content_hash for r in rows}

    def save_batch(self, items: Sequence[tuple[Article, list[Event]]], run_id: int) -> BatchResult:
        """Store a batch of extracted articles and re-fuse the days they touch, atomically."""
        with self.engine.begin() as conn:
            return save_batch(conn, items, run_id, self.postgis)

    # queries (rasd.store.queries) -----------------------------------------------------

    def events(
        self,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        where: EventFilter | None = None,
    ) -> list[dict[str, Any]]:
        """Canonical event records matching the filters, oldest first (`event_type` is an
        event type or a sub-event type; `where` adds any other filter)."""
        f = where or EventFilter()
        f = replace(
            f,
            country=country or f.country,
            since=since or f.since,
            until=until or f.until,
            kind=event_type or f.kind,
        )
        with self.engine.connect() as conn:
            return list(queries.event_records(conn, f))

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return queries.counts(conn)

    def stats(self, where: EventFilter | None = None) -> dict[str, Any]:
        """Counts of canonical events by day, type, country and source."""
        with self.engine.connect() as conn:
            return queries.stats(conn, where)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _postgis(engine: Engine) -> bool:
    """A geometry column and index when the PostGIS extension can be had (optional)."""
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
            conn.execute(
                text("ALTER TABLE events ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326)")
            )
            conn.execute(
                text("CREATE INDEX IF NOT EXISTS ix_events_geom ON events USING GIST (geom)")
            )
    except Exception:  # noqa: BLE001 - PostGIS is optional; without it rasd uses latitude/longitude
        return False
    return True


def batched(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
