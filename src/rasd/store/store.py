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

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection

from rasd.fuse.blocking import Spot, neighbourhood
from rasd.fuse.fusion import CanonicalEvent, fuse
from rasd.model import Article, Event
from rasd.store import schema as t

# the report columns that say where and when it is (see Spot)
SPOT = tuple(t.reports.c[name] for name in Spot.FIELDS)
# the columns of the reports and events tables that copy an Event field of the same name
_EVENT_FIELDS = set(Event.__dataclass_fields__) - {"sources", "article_id"}
_REPORT_COPIES = [c.name for c in t.reports.c if c.name in _EVENT_FIELDS]
_EVENT_COPIES = [c.name for c in t.events.c if c.name in _EVENT_FIELDS]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def db_url(target: str) -> str:
    """A path becomes a SQLite URL; URLs pass through (postgresql:// uses psycopg 3)."""
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    if target.startswith("postgresql://"):
        return "postgresql+psycopg://" + target[len("postgresql://") :]
    return target


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_key(a: Article) -> str:
    return (a.url or a.id)[:512]


@dataclass
class BatchResult:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    reports: int = 0


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
                _pk(conn.execute(insert(t.runs).values(started_at=_now(), command=command[:4000])))
            )

    def finish_run(self, run_id: int, **counts: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.runs)
                .where(t.runs.c.id == run_id)
                .values(finished_at=_now(), status="done", **counts)
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
        res = BatchResult()
        touched: list[Spot] = []
        with self.engine.begin() as conn:
            for article, events in items:
                key, h = article_key(article), content_hash(article.text)
                row = conn.execute(
                    select(t.articles.c.id, t.articles.c.content_hash).where(
                        t.articles.c.key == key
                    )
                ).first()
                if row is not None and row.content_hash == h:
                    res.unchanged += 1
                    continue
                values = {
                    "key": key,
                    "content_hash": h,
                    "doc_id": article.id[:512],
                    "url": article.url,
                    "outlet": article.outlet,
                    "title": article.title,
                    "published": article.published,
                    "text": article.text,
                    "run_id": run_id,
                    "ingested_at": _now(),
                }
                if row is not None:  # the article changed: its old reports go
                    old = conn.execute(select(*SPOT).where(t.reports.c.article_id == row.id))
                    touched.extend(Spot.of(r) for r in old if r.event_date is not None)
                    conn.execute(
                        delete(t.claims).where(
                            t.claims.c.report_id.in_(
                                select(t.reports.c.id).where(t.reports.c.article_id == row.id)
                            )
                        )
                    )
                    conn.execute(delete(t.reports).where(t.reports.c.article_id == row.id))
                    conn.execute(
                        update(t.articles).where(t.articles.c.id == row.id).values(**values)
                    )
                    article_id = row.id
                    res.changed += 1
                else:
                    article_id = _pk(conn.execute(insert(t.articles).values(**values)))
                    res.new += 1
                for n, ev in enumerate(events, 1):
                    rid = _pk(
                        conn.execute(
                            insert(t.reports).values(
                                article_id=article_id,
                                n=n,
                                record=_json(ev.to_dict()),
                                **{f: getattr(ev, f) for f in _REPORT_COPIES},
                            )
                        )
                    )
                    self._claims(conn, rid, ev)
                    res.reports += 1
                    if ev.event_date is not None:
                        touched.append(Spot.of(ev))
            self._refuse(conn, touched)
        return res

    def _claims(self, conn: Connection, report_id: int, ev: Event) -> None:
        rows = []
        for c in ev.claims:
            sid = self._source(conn, c.source, c.source_kind)
            rows.append(
                dict(
                    report_id=report_id,
                    field=c.field,
                    value=json.dumps(c.value, ensure_ascii=False),
                    source_id=sid,
                    outlet=c.outlet,
                    start=c.start,
                    end=c.end,
                    quote=c.quote,
                    hedge=c.hedge,
                )
            )
        if rows:
            conn.execute(insert(t.claims), rows)

    def _source(self, conn: Connection, name: str, kind: str) -> int:
        name = name[:256]
        row = conn.execute(select(t.sources.c.id).where(t.sources.c.name == name)).first()
        if row is not None:
            return int(row.id)
        return int(_pk(conn.execute(insert(t.sources).values(name=name, kind=kind))))

    def _refuse(self, conn: Connection, touched: list[Spot]) -> None:
        """Re-fuse the neighbourhood of the reports a batch touched (the same day ±1 and
        map cell ±1, or province for province-level reports) and rewrite the canonical
        events whose membership may change; work grows with the neighbourhood, not the
        store."""
        if not touched:
            return
        window = sorted({s.day + timedelta(days=k) for s in touched for k in (-1, 0, 1)})
        countries = sorted({s.country or "" for s in touched})
        rows = conn.execute(
            select(t.reports.c.id, t.reports.c.event_id, *SPOT).where(
                t.reports.c.event_date.in_(window), t.reports.c.country.in_(countries)
            )
        ).all()
        cells, provinces = neighbourhood(touched)
        near = [r for r in rows if Spot.of(r).within(cells, provinces)]
        old_ids = sorted({r.event_id for r in near if r.event_id})
        ids_to_load = {r.id for r in near}
        if old_ids:
            ids_to_load |= {
                rid
                for (rid,) in conn.execute(
                    select(t.reports.c.id).where(t.reports.c.event_id.in_(old_ids))
                )
            }
        full = conn.execute(
            select(t.reports.c.id, t.reports.c.n, t.reports.c.record, t.articles.c.doc_id)
            .join(t.articles, t.articles.c.id == t.reports.c.article_id)
            .where(t.reports.c.id.in_(sorted(ids_to_load)))
        ).all()
        reports = [Event.from_dict(_unjson(r.record)) for r in full]
        names = [f"{r.doc_id}#{r.n}" for r in full]
        by_name = dict(zip(names, (r.id for r in full), strict=True))
        canonical = fuse(reports, names)
        if old_ids:
            conn.execute(delete(t.conflicts).where(t.conflicts.c.event_id.in_(old_ids)))
            conn.execute(
                update(t.reports).where(t.reports.c.event_id.in_(old_ids)).values(event_id=None)
            )
            conn.execute(delete(t.events).where(t.events.c.id.in_(old_ids)))
        if canonical:
            conn.execute(insert(t.events), [_event_row(c) for c in canonical])
        conflict_rows = [
            {
                "event_id": c.id,
                "field": x.field,
                "reason": x.reason,
                "claims": _json([x.a.to_dict(), x.b.to_dict()]),
            }
            for c in canonical
            for x in c.event.conflicts
        ]
        if conflict_rows:
            conn.execute(insert(t.conflicts), conflict_rows)
        links = [{"rid": by_name[r], "eid": c.id} for c in canonical for r in c.report_ids]
        if links:
            conn.execute(
                update(t.reports)
                .where(t.reports.c.id == bindparam("rid"))
                .values(event_id=bindparam("eid")),
                links,
            )
        if self.postgis and canonical:
            conn.execute(
                text(
                    "UPDATE events SET geom = ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) "
                    "WHERE id = ANY(:ids) AND latitude IS NOT NULL"
                ),
                {"ids": [c.id for c in canonical]},
            )

    # queries ---------------------------------------------------------------------------

    def events(
        self,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
    ) -> list[dict[str, Any]]:
        """Canonical event records matching the filters, oldest first."""
        q = select(t.events.c.record)
        if country:
            q = q.where(t.events.c.country == country.upper())
        if since:
            q = q.where(t.events.c.event_date >= since)
        if until:
            q = q.where(t.events.c.event_date <= until)
        if event_type:
            q = q.where(
                (t.events.c.event_type == event_type) | (t.events.c.sub_event_type == event_type)
            )
        q = q.order_by(t.events.c.event_date, t.events.c.id)
        with self.engine.connect() as conn:
            return [_unjson(r.record) for r in conn.execute(q)]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(tab)).scalar_one())
                for name, tab in (
                    ("articles", t.articles),
                    ("reports", t.reports),
                    ("events", t.events),
                    ("claims", t.claims),
                    ("conflicts", t.conflicts),
                    ("sources", t.sources),
                    ("runs", t.runs),
                )
            }

    def stats(self) -> dict[str, Any]:
        """Counts of canonical events by day, type, country and source."""
        out: dict[str, Any] = {"totals": self.counts()}
        with self.engine.connect() as conn:
            for name, col in (
                ("by_day", t.events.c.event_date),
                ("by_type", t.events.c.event_type),
                ("by_sub_type", t.events.c.sub_event_type),
                ("by_country", t.events.c.country),
            ):
                rows = conn.execute(select(col, func.count()).group_by(col).order_by(col))
                out[name] = {str(k): int(v) for k, v in rows}
            rows = conn.execute(
                select(t.sources.c.name, func.count(t.claims.c.id))
                .join(t.claims, t.claims.c.source_id == t.sources.c.id)
                .group_by(t.sources.c.name)
                .order_by(func.count(t.claims.c.id).desc())
            )
            out["claims_by_source"] = {str(k): int(v) for k, v in rows}
        return out


def _pk(result: Any) -> int:
    """The primary key of the row an INSERT made."""
    return int(result.inserted_primary_key[0])


def _event_row(c: CanonicalEvent) -> dict[str, Any]:
    e = c.event
    return {
        **{f: getattr(e, f) for f in _EVENT_COPIES},
        "id": c.id,
        "sources": ";".join(e.sources),
        "source_scale": c.source_scale,
        "record": _json(c.to_dict()),
        "updated_at": _now(),
    }


def _json(d: Any) -> Any:
    """JSON-safe copy (dates as ISO strings) for the JSON columns."""
    return json.loads(json.dumps(d, ensure_ascii=False, default=str))


def _unjson(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v


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
