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

import re
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from rasd.model import Article, Event
from rasd.store import queries
from rasd.store import schema as t
from rasd.store.keys import article_key, batched, content_hash
from rasd.store.queries import EventFilter
from rasd.store.writes import BatchResult, now, pk, save_batch

__all__ = [
    "BatchResult",
    "Store",
    "StoreError",
    "article_key",
    "batched",
    "content_hash",
    "db_url",
]

LOCK_KEY = 0x72617364  # "rasd": the advisory lock of writers on PostgreSQL
RETRIES = 5


class StoreError(Exception):
    """The store cannot be used: not there, not writable, not a database, refused."""


SCHEMES = ("postgresql://", "postgresql+psycopg://", "sqlite://")


def db_url(target: str) -> str:
    """A path becomes a SQLite URL; postgresql:// uses psycopg 3; other schemes are refused."""
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    if target.startswith("postgresql://"):
        return "postgresql+psycopg://" + target[len("postgresql://") :]
    if target.startswith(SCHEMES):
        return target
    scheme = target.split("://", 1)[0]
    raise StoreError(
        f"unsupported database URL scheme {scheme!r}: give a SQLite file path or a "
        "postgresql:// URL"
    )


def _reason(e: BaseException) -> str:
    """The driver's message, on one line."""
    msg = str(getattr(e, "orig", None) or e).strip()
    return (msg.splitlines() or [type(e).__name__])[0]


class Store:
    """A connection to one rasd database. `create=False` (the query commands) opens only
    a store that exists."""

    def __init__(self, target: str, create: bool = True) -> None:
        self.url = db_url(target)
        self.target = target
        if self.url.startswith("sqlite:///"):
            _check_sqlite_file(Path(self.url[len("sqlite:///") :]), create)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            # a writer takes the write lock up front; a query (which may be on a read-only
            # file) only reads
            event.listen(self.engine, "begin", _sqlite_begin if create else _sqlite_read)
        try:
            if create:
                self.migrate()
            else:
                self._check_exists()
        except StoreError:
            self.engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as e:
            self.engine.dispose()
            raise StoreError(f"cannot open the store {_safe(target)}: {_reason(e)}") from e

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic), one process at a time: SQLite
        takes its write lock (BEGIN IMMEDIATE), PostgreSQL an advisory lock."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option(
            "script_location", str(resources.files("rasd") / "store" / "migrations")
        )
        with self.engine.begin() as conn:
            self._lock(conn)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            self.postgis = self.dialect == "postgresql" and _postgis(conn)

    def _check_exists(self) -> None:
        """A query never creates a store: the database must hold rasd's tables."""
        with self.engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            if not {"alembic_version", "events", "reports"} <= names:
                raise StoreError(
                    f"no rasd store in {_safe(self.target)} (run rasd extract --db first)"
                )
            columns = {c["name"] for c in inspect(conn).get_columns("events")}
        self.postgis = self.dialect == "postgresql" and "geom" in columns

    def _lock(self, conn: Connection) -> None:
        """Writers one at a time on PostgreSQL (SQLite's BEGIN IMMEDIATE does it there)."""
        if self.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})

    def close(self) -> None:
        self.engine.dispose()

    # runs -----------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        with self.engine.begin() as conn:
            return int(
                pk(conn.execute(insert(t.runs).values(started_at=now(), command=command[:4000])))
            )

    def finish_run(self, run_id: int, status: str = "done", **counts: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.runs)
                .where(t.runs.c.id == run_id)
                .values(finished_at=now(), status=status, **counts)
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
        """Store a batch of extracted articles and re-fuse the days they touch, atomically.
        Another process writing the same articles at once is waited for (one writer at a
        time); should a write still collide (a row inserted meanwhile), the batch is tried
        again and finds those rows stored."""
        for attempt in range(RETRIES):
            try:
                with self.engine.begin() as conn:
                    self._lock(conn)
                    return save_batch(conn, items, run_id, self.postgis)
            except (IntegrityError, OperationalError) as e:
                if attempt == RETRIES - 1 or not _transient(e):
                    raise
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    # queries (rasd.store.queries) -----------------------------------------------------

    def events(
        self,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        undated: str | None = None,
        where: EventFilter | None = None,
    ) -> list[dict[str, Any]]:
        """Canonical event records matching the filters, oldest first, then those whose day
        is unknown (`event_type` is an event type or a sub-event type; `undated` is include
        (they match any date range), exclude or only; by default a date range leaves them
        out; `where` adds any other filter)."""
        f = where or EventFilter()
        f = replace(
            f,
            country=country or f.country,
            since=since or f.since,
            until=until or f.until,
            kind=event_type or f.kind,
            undated=undated or f.undated,
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
    # transactions are begun by `_sqlite_begin`, not by the driver (which would commit
    # before each DDL statement and begin lazily, letting two writers collide)
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: the pragmas below may wait for a lock
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    """Every transaction takes the write lock up front: a second writer waits its turn
    (busy_timeout) instead of failing when it upgrades a read to a write."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_read(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def _check_sqlite_file(path: Path, create: bool) -> None:
    """Clear words for a SQLite path that cannot be a store, before SQLite's own."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path} (run rasd extract --db first)")
        if not path.parent.is_dir():
            raise StoreError(f"cannot create the store {path}: no folder {path.parent}")
        return
    if not path.stat().st_size:
        if not create:
            raise StoreError(f"no rasd store in {path} (an empty file)")
        return
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not a SQLite database (nor a rasd store)")


def _safe(target: str) -> str:
    """A store's name for messages, without a password."""
    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", target)


def _transient(e: DBAPIError) -> bool:
    """A collision another attempt resolves: a row inserted meanwhile, a lock, a deadlock."""
    if isinstance(e, IntegrityError):
        return True
    msg = _reason(e).lower()
    return any(w in msg for w in ("locked", "deadlock", "could not serialize", "busy"))


def _postgis(conn: Connection) -> bool:
    """A geometry column and index when the PostGIS extension can be had (optional)."""
    try:
        with conn.begin_nested():
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
