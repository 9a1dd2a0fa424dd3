"""Writing to the store: a batch of extracted articles with their reports and claims, and
the incremental re-fusion of the canonical events of the neighbourhood they touch."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.engine import Connection

from rasd.fuse.blocking import Spot, neighbourhood
from rasd.fuse.fusion import CanonicalEvent, fuse
from rasd.model import Article, Event
from rasd.store import schema as t
from rasd.store.keys import article_key, content_hash

# the report columns that say where and when it is (see Spot)
SPOT = tuple(t.reports.c[name] for name in Spot.FIELDS)
# the columns of the reports and events tables that copy an Event field of the same name
_EVENT_FIELDS = set(Event.__dataclass_fields__) - {"sources", "article_id"}
_REPORT_COPIES = [c.name for c in t.reports.c if c.name in _EVENT_FIELDS]
_EVENT_COPIES = [c.name for c in t.events.c if c.name in _EVENT_FIELDS]


@dataclass
class BatchResult:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    reports: int = 0


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def save_batch(
    conn: Connection, items: Sequence[tuple[Article, list[Event]]], run_id: int, postgis: bool
) -> BatchResult:
    """Store a batch of extracted articles and re-fuse the days they touch, in the caller's
    transaction."""
    res = BatchResult()
    touched: list[Spot] = []
    stale: set[str] = set()  # canonical events of reports replaced
    undated: list[tuple[int, str, Event]] = []
    for article, events in items:
        saved = _save_article(conn, article, run_id, res, touched, stale)
        if saved is None:
            continue
        article_id, doc_id = saved
        for n, ev in enumerate(events, 1):
            rid = pk(
                conn.execute(
                    insert(t.reports).values(
                        article_id=article_id,
                        n=n,
                        record=_json(ev.to_dict()),
                        **{f: getattr(ev, f) for f in _REPORT_COPIES},
                    )
                )
            )
            _claims(conn, rid, ev)
            res.reports += 1
            if ev.event_date is not None:
                touched.append(Spot.of(ev))
            else:
                undated.append((rid, f"{doc_id}#{n}", ev))
    # the other reports of those events are fused again wherever they are
    touched.extend(_spots_of(conn, stale))
    _drop_events(conn, sorted(stale))
    refuse(conn, touched, postgis)
    _save_undated(conn, undated, postgis)
    return res


def _spots_of(conn: Connection, event_ids: set[str]) -> list[Spot]:
    """Where the dated reports still linked to these canonical events are."""
    if not event_ids:
        return []
    rows = conn.execute(
        select(*SPOT).where(
            t.reports.c.event_id.in_(sorted(event_ids)), t.reports.c.event_date.is_not(None)
        )
    )
    return [Spot.of(r) for r in rows]


def _drop_events(conn: Connection, ids: list[str]) -> None:
    """Delete canonical events (their reports are unlinked, to be fused again)."""
    if not ids:
        return
    conn.execute(delete(t.conflicts).where(t.conflicts.c.event_id.in_(ids)))
    conn.execute(update(t.reports).where(t.reports.c.event_id.in_(ids)).values(event_id=None))
    conn.execute(delete(t.events).where(t.events.c.id.in_(ids)))


def _save_undated(conn: Connection, reports: list[tuple[int, str, Event]], postgis: bool) -> None:
    """A report whose day is unknown fuses with nothing (fusion compares days): it is a
    canonical event of its own, kept and listed, never dropped."""
    for rid, name, ev in reports:
        _insert_canonical(conn, fuse([ev], [name]), {name: rid}, postgis)


def _save_article(
    conn: Connection,
    article: Article,
    run_id: int,
    res: BatchResult,
    touched: list[Spot],
    stale: set[str],
) -> tuple[int, str] | None:
    """Insert or update the article row: its row id and document id, or None when the
    store holds it unchanged. A changed article loses its old reports (their spots join
    `touched`, their canonical events `stale`)."""
    key, h = article_key(article), content_hash(article.text)
    row = conn.execute(
        select(t.articles.c.id, t.articles.c.content_hash).where(t.articles.c.key == key)
    ).first()
    if row is not None and row.content_hash == h:
        res.unchanged += 1
        return None
    doc_id = article.id[:500]
    if conn.execute(
        select(t.articles.c.id).where(t.articles.c.doc_id == doc_id, t.articles.c.key != key)
    ).first():
        # another article (another URL) has this id: report names must stay apart
        doc_id = f"{doc_id}~{h[:8]}"
    values = {
        "key": key,
        "content_hash": h,
        "doc_id": doc_id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "text": article.text,
        "run_id": run_id,
        "ingested_at": now(),
    }
    if row is None:
        res.new += 1
        return pk(conn.execute(insert(t.articles).values(**values))), doc_id
    old = conn.execute(
        select(t.reports.c.event_id, *SPOT).where(t.reports.c.article_id == row.id)
    ).all()
    touched.extend(Spot.of(r) for r in old if r.event_date is not None)
    stale.update(r.event_id for r in old if r.event_id)
    conn.execute(
        delete(t.claims).where(
            t.claims.c.report_id.in_(select(t.reports.c.id).where(t.reports.c.article_id == row.id))
        )
    )
    conn.execute(delete(t.reports).where(t.reports.c.article_id == row.id))
    conn.execute(update(t.articles).where(t.articles.c.id == row.id).values(**values))
    res.changed += 1
    return int(row.id), doc_id


def _claims(conn: Connection, report_id: int, ev: Event) -> None:
    rows = []
    for c in ev.claims:
        sid = _source(conn, c.source, c.source_kind)
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


def _source(conn: Connection, name: str, kind: str) -> int:
    name = name[:256]
    row = conn.execute(select(t.sources.c.id).where(t.sources.c.name == name)).first()
    if row is not None:
        return int(row.id)
    return int(pk(conn.execute(insert(t.sources).values(name=name, kind=kind))))


def _around(day: date) -> list[date]:
    """The day and the days on either side that the calendar has (not before 0001-01-01)."""
    out = [day]
    if day > date.min:
        out.append(day - timedelta(days=1))
    if day < date.max:
        out.append(day + timedelta(days=1))
    return out


def refuse(conn: Connection, touched: list[Spot], postgis: bool) -> None:
    """Re-fuse the neighbourhood of the reports a batch touched (the same day ±1 and
    map cell ±1, or province for province-level reports) and rewrite the canonical
    events whose membership may change; work grows with the neighbourhood, not the
    store."""
    if not touched:
        return
    window = sorted({d for s in touched for d in _around(s.day)})
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
    _drop_events(conn, old_ids)
    _insert_canonical(conn, canonical, by_name, postgis)


def _insert_canonical(
    conn: Connection, canonical: list[CanonicalEvent], by_name: dict[str, int], postgis: bool
) -> None:
    """Insert canonical events with their conflicts and link their reports."""
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
    if postgis and canonical:
        conn.execute(
            text(
                "UPDATE events SET geom = ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) "
                "WHERE id = ANY(:ids) AND latitude IS NOT NULL"
            ),
            {"ids": [c.id for c in canonical]},
        )


def pk(result: Any) -> int:
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
        "updated_at": now(),
    }


def _json(d: Any) -> Any:
    """JSON-safe copy (dates as ISO strings) for the JSON columns."""
    return json.loads(json.dumps(d, ensure_ascii=False, default=str))


def _unjson(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v
