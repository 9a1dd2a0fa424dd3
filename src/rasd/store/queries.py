"""Reading the store: canonical events filtered by day, place, type, actor, source, map box
and free text, paged in a stable order, with counts. The CLI (`rasd events`, `rasd stats`)
and the HTTP API (`rasd serve`) both ask through these functions.

Free text (`q`) is a case-insensitive substring of the event's English columns (notes,
place, province, actors, sources) or of the Arabic text of any article that reports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, func, literal, or_, select
from sqlalchemy.engine import Connection

from rasd.store import schema as t

E = t.events.c

# the columns of an event summary, in the order the API lists them
SUMMARY_COLUMNS = (
    "id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor2",
    "fatalities",
    "injuries",
    "weapon",
    "munitions",
    "sources",
    "source_scale",
    "notes",
    "updated_at",
)


@dataclass(frozen=True)
class EventFilter:
    """What to select. Empty fields select everything; `since`/`until` are inclusive and
    leave out undated events unless `undated` is "include" ("exclude": never undated
    events, "only": nothing but them); `kind` matches the event type or the sub-event type
    (the CLI's `--type`); `actor` is actor1 or actor2; `source` one of the event's sources;
    `bbox` is (min lon, min lat, max lon, max lat)."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    kind: str | None = None
    actor: str | None = None
    source: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    undated: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))


def _ci_equal(col: Any, value: str) -> ColumnElement[bool]:
    return func.lower(col) == value.lower()


def _contains(col: Any, value: str) -> ColumnElement[bool]:
    return func.lower(col).contains(value.lower(), autoescape=True)


def conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter (SQLite and PostgreSQL alike)."""
    c = _days(f)
    if f.country:
        c.append(E.country == f.country.strip().upper())
    if f.admin1:
        c.append(_ci_equal(E.admin1, f.admin1.strip()))
    if f.event_type:
        c.append(_ci_equal(E.event_type, f.event_type.strip()))
    if f.sub_event_type:
        c.append(_ci_equal(E.sub_event_type, f.sub_event_type.strip()))
    if f.kind:
        c.append(or_(_ci_equal(E.event_type, f.kind), _ci_equal(E.sub_event_type, f.kind)))
    if f.actor:
        c.append(or_(_ci_equal(E.actor1, f.actor.strip()), _ci_equal(E.actor2, f.actor.strip())))
    if f.source:
        # sources are stored ;-joined: match one whole name
        joined = literal(";") + func.lower(E.sources) + literal(";")
        c.append(joined.contains(";" + f.source.strip().lower() + ";", autoescape=True))
    if f.bbox:
        x0, y0, x1, y1 = f.bbox
        c += [E.longitude >= x0, E.longitude <= x1, E.latitude >= y0, E.latitude <= y1]
    if f.q and f.q.strip():
        c.append(_text_match(f.q.strip()))
    return c


def _days(f: EventFilter) -> list[ColumnElement[bool]]:
    """The date range, and whether events whose day is unknown are in it."""
    dated: list[ColumnElement[bool]] = []
    if f.since:
        dated.append(E.event_date >= f.since)
    if f.until:
        dated.append(E.event_date <= f.until)
    if f.undated == "only":
        return [E.event_date.is_(None)]
    if f.undated == "exclude":
        return [E.event_date.is_not(None), *dated]
    if f.undated == "include" and dated:
        return [or_(and_(*dated), E.event_date.is_(None))]
    return dated


def _text_match(q: str) -> ColumnElement[bool]:
    english = or_(
        *(
            _contains(col, q)
            for col in (E.notes, E.location, E.admin1, E.actor1, E.actor2, E.sources)
        )
    )
    arabic = exists(
        select(t.reports.c.id)
        .join(t.articles, t.articles.c.id == t.reports.c.article_id)
        .where(t.reports.c.event_id == E.id, _contains(t.articles.c.text, q))
    )
    return or_(english, arabic)


def _where(q: Select[Any], f: EventFilter) -> Select[Any]:
    cond = conditions(f)
    return q.where(and_(*cond)) if cond else q


def _ordered(q: Select[Any], newest_first: bool) -> Select[Any]:
    """A total order, so that paging with offsets neither skips nor repeats events:
    by day (undated last), then id."""
    if newest_first:
        return q.order_by(E.event_date.desc().nulls_last(), E.id)
    return q.order_by(E.event_date.asc().nulls_last(), E.id)


def count_events(conn: Connection, f: EventFilter) -> int:
    return int(conn.execute(_count_stmt(f)).scalar_one())


@lru_cache(maxsize=256)
def _count_stmt(f: EventFilter) -> Select[Any]:
    """Statements are kept per filter (filters are immutable values): a page asked again, as
    the web page and its users do, skips building the statement and its cache key."""
    return _where(select(func.count()).select_from(t.events), f)


def _n_reports() -> Any:
    return (
        select(func.count(t.reports.c.id))
        .where(t.reports.c.event_id == E.id)
        .scalar_subquery()
        .label("n_reports")
    )


def _n_conflicts() -> Any:
    return (
        select(func.count(t.conflicts.c.id))
        .where(t.conflicts.c.event_id == E.id)
        .scalar_subquery()
        .label("n_conflicts")
    )


def event_summaries(
    conn: Connection,
    f: EventFilter,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = True,
) -> list[dict[str, Any]]:
    """One page of events as flat rows (the table's columns, `sources` as a list, and the
    numbers of reports and conflicts), without reading the full JSON records."""
    limited = limit is not None or offset > 0
    q = _page_stmt(f, newest_first, limited)
    everything = 2**62  # an offset without a limit
    params = {"page_limit": everything if limit is None else limit, "page_offset": offset}
    result = conn.execute(q, params if limited else {})
    names = list(result.keys())
    out = []
    for row in result.all():
        d = dict(zip(names, row, strict=True))
        d["sources"] = [s for s in (d["sources"] or "").split(";") if s]
        if isinstance(d["event_date"], date):
            d["event_date"] = d["event_date"].isoformat()
        out.append(d)
    return out


@lru_cache(maxsize=256)
def _page_stmt(f: EventFilter, newest_first: bool, limited: bool) -> Select[Any]:
    """The page's ids first (a narrow sort), then the columns and counts of those rows only."""
    ids = _ordered(_where(select(E.id, E.event_date), f), newest_first)
    if limited:
        ids = ids.limit(bindparam("page_limit")).offset(bindparam("page_offset"))
    page = ids.subquery()
    cols = [E[name] for name in SUMMARY_COLUMNS]
    q = select(*cols, _n_reports(), _n_conflicts()).join(page, page.c.id == E.id)
    return _ordered(q, newest_first)


def event_records(
    conn: Connection,
    f: EventFilter,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> Iterator[dict[str, Any]]:
    """The full canonical records (with reports, claims, conflicts and evidence)."""
    q = _ordered(_where(select(E.record), f), newest_first)
    if limit is not None:
        q = q.limit(limit)
    if offset:
        q = q.offset(offset)
    for row in conn.execute(q):
        yield unjson(row.record)


def event_record(conn: Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(E.record).where(E.id == event_id)).first()
    return None if row is None else unjson(row.record)


def counts(conn: Connection) -> dict[str, int]:
    """Rows per table."""
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


def _grouped(conn: Connection, col: Any, f: EventFilter) -> dict[str, int]:
    q = _where(select(col, func.count()).select_from(t.events), f).group_by(col).order_by(col)
    return {str(k): int(v) for k, v in conn.execute(q) if k is not None}


def stats(conn: Connection, f: EventFilter | None = None) -> dict[str, Any]:
    """Counts of canonical events by day, type, sub-type and country (of the events the
    filter selects), of claims by source, and the actors and sources of those events."""
    f = f or EventFilter()
    out: dict[str, Any] = {"totals": counts(conn)}
    for name, col in (
        ("by_day", E.event_date),
        ("by_type", E.event_type),
        ("by_sub_type", E.sub_event_type),
        ("by_country", E.country),
    ):
        out[name] = _grouped(conn, col, f)
    ranged = f.since is not None or f.until is not None
    if f.undated in ("include", "only") or (f.undated is None and not ranged):
        undated = count_events(conn, replace(f, undated="only"))
        if undated:
            out["by_day"]["undated"] = undated  # events whose day is unknown, after the days
    rows = conn.execute(
        select(t.sources.c.name, func.count(t.claims.c.id))
        .join(t.claims, t.claims.c.source_id == t.sources.c.id)
        .group_by(t.sources.c.name)
        .order_by(func.count(t.claims.c.id).desc(), t.sources.c.name)
    )
    out["claims_by_source"] = {str(k): int(v) for k, v in rows}
    actors: dict[str, int] = {}
    sources: dict[str, int] = {}
    for a1, a2, srcs in conn.execute(_where(select(E.actor1, E.actor2, E.sources), f)):
        for a in {a1, a2} - {None, ""}:
            actors[a] = actors.get(a, 0) + 1
        for s in set((srcs or "").split(";")) - {""}:
            sources[s] = sources.get(s, 0) + 1
    out["actors"] = _ranked(actors)
    out["sources"] = _ranked(sources)
    return out


def _ranked(counter: dict[str, int]) -> list[dict[str, Any]]:
    return [{"name": k, "n": v} for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def article_row(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored article by its document id (or its key, the URL)."""
    a = t.articles.c
    cols = (a.id, a.key, a.doc_id, a.url, a.outlet, a.title, a.published, a.text)
    row = conn.execute(select(*cols).where(a.doc_id == doc_id).order_by(a.id)).first()
    if row is None:
        row = conn.execute(select(*cols).where(a.key == doc_id)).first()
    return None if row is None else dict(row._mapping)


def article_reports(conn: Connection, article_pk: int) -> list[tuple[int, str | None, Any]]:
    """(position, canonical event id, report record) of every report of an article."""
    r = t.reports.c
    rows = conn.execute(
        select(r.n, r.event_id, r.record).where(r.article_id == article_pk).order_by(r.n)
    )
    return [(int(n), eid, unjson(rec)) for n, eid, rec in rows]


def unjson(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v
