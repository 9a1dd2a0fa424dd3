"""The API's routes. Each parses its request, asks the store (`rasd.store.queries`) or the
engine, and answers through `views`; errors are problem details (`problems`)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import time
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from rasd import __version__
from rasd.extraction.pipeline import extract_article
from rasd.ingest.base import Skip, make_article
from rasd.output.acled import ACLED_COLUMNS, EXTRA_COLUMNS, AcledStyle, record_row
from rasd.output.geojson import feature
from rasd.serve import models as m
from rasd.serve import views
from rasd.serve.guard import require_token
from rasd.serve.problems import Problem, responses
from rasd.serve.settings import ServeSettings
from rasd.store import Store, queries
from rasd.store.queries import EventFilter
from rasd.store.writes import article_key

router = APIRouter()
JSON = "application/json"
GEOJSON = "application/geo+json"
CSV = "text/csv; charset=utf-8"

Text = Annotated[str | None, Query(max_length=200)]


def _clean(v: str | None) -> str | None:
    """A filter value or id without surrounding space; control characters are refused (a
    NUL cannot be sent to PostgreSQL)."""
    if v is None:
        return None
    if any(ord(ch) < 32 for ch in v):
        raise Problem(400, "Values may not contain control characters.")
    return v.strip() or None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not all(math.isfinite(x) for x in parts):
        raise Problem(400, "bbox must be four numbers: minLon,minLat,maxLon,maxLat.")
    x0, y0, x1, y1 = parts
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise Problem(400, "bbox must be minLon,minLat,maxLon,maxLat within -180..180, -90..90.")
    return (x0, y0, x1, y1)


async def event_filter(
    since: Annotated[date | None, Query(description="first day, inclusive")] = None,
    until: Annotated[date | None, Query(description="last day, inclusive")] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3")
    ] = None,
    admin1: Text = None,
    event_type: Text = None,
    sub_event_type: Text = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor1 or actor2")] = None,
    source: Annotated[str | None, Query(max_length=200, description="one of the sources")] = None,
    bbox: Annotated[
        str | None, Query(max_length=200, description="minLon,minLat,maxLon,maxLat")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="free text, Arabic or English")
    ] = None,
) -> EventFilter:
    if since and until and since > until:
        raise Problem(400, "since is after until.")
    return EventFilter(
        since=since,
        until=until,
        country=_clean(country),
        admin1=_clean(admin1),
        event_type=_clean(event_type),
        sub_event_type=_clean(sub_event_type),
        actor=_clean(actor),
        source=_clean(source),
        bbox=_bbox(bbox),
        q=_clean(q),
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


def _store(request: Request) -> Store:
    return request.app.state.store


def _settings(request: Request) -> ServeSettings:
    return request.app.state.settings


def _format(fmt: str | None, accept: str) -> str:
    if fmt:
        return fmt
    if "text/csv" in accept:
        return "csv"
    if GEOJSON in accept:
        return "geojson"
    return "json"


@router.get(
    "/events",
    response_model=m.EventPage,
    responses={
        **responses(400, 422),
        200: {"content": {GEOJSON: {}, "text/csv": {}}, "description": "events"},
    },
    summary="Events matching the filters, newest first",
)
async def list_events(
    request: Request,
    f: Filter,
    limit: Annotated[int | None, Query(ge=0, le=100_000)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    format: Annotated[str | None, Query(pattern=r"^(json|geojson|csv)$")] = None,
    inter: Annotated[str, Query(pattern=r"^(text|numeric)$")] = "text",
    dates: Annotated[str, Query(pattern=r"^(iso|acled)$")] = "iso",
    bom: bool = False,
) -> Response:
    """JSON pages are at most `max_limit` long (default 100). CSV (ACLED columns) and
    GeoJSON (ACLED column names as properties) hold every matching event when no `limit`
    is given, up to `max_export`; `X-Total-Count` says how many match."""
    settings, store = _settings(request), _store(request)
    fmt = _format(format, request.headers.get("accept", ""))
    if fmt == "json":
        # a page is a few indexed queries: answered on the event loop, without a thread hop
        n = settings.default_limit if limit is None else min(limit, settings.max_limit)
        with store.engine.connect() as conn:
            total = queries.count_events(conn, f)
            rows = queries.event_summaries(conn, f, n, offset) if n else []
            items = views.summaries(conn, rows, request.app.state.acled_keys)
        body = {"total": total, "limit": n, "offset": offset, "items": items}
        return Response(_dumps(body), media_type=JSON)
    n = settings.max_export if limit is None else min(limit, settings.max_export)
    style = AcledStyle(inter=inter, dates=dates)
    total, records = await run_in_threadpool(_export_records, store, f, n, offset)
    export = _export_rows(records, style)
    headers = {"X-Total-Count": str(total)}
    if fmt == "csv":
        headers["Content-Disposition"] = 'attachment; filename="rasd-events.csv"'
        return StreamingResponse(_csv(export, bom), media_type=CSV, headers=headers)
    headers["Content-Disposition"] = 'attachment; filename="rasd-events.geojson"'
    return StreamingResponse(_geojson(export), media_type=GEOJSON, headers=headers)


def _export_records(
    store: Store, f: EventFilter, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    with store.engine.connect() as conn:
        total = queries.count_events(conn, f)
        return total, list(queries.event_records(conn, f, limit, offset, newest_first=True))


def _export_rows(
    records: list[dict[str, Any]], style: AcledStyle
) -> Iterator[tuple[str, dict[str, Any]]]:
    stamp = int(time.time())
    for rec in records:
        yield str(rec.get("id")), record_row(rec, stamp, style)


def _csv(rows: Iterator[tuple[str, dict[str, Any]]], bom: bool) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\r\n")
    w.writeheader()
    yield ("\ufeff" if bom else "") + buf.getvalue()
    for _, row in rows:
        buf.seek(0)
        buf.truncate()
        w.writerow(row)
        yield buf.getvalue()


def _geojson(rows: Iterator[tuple[str, dict[str, Any]]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for ident, row in rows:
        feat = feature(row, ident)
        if feat is None:
            continue
        yield ("" if first else ",") + "\n" + json.dumps(feat, ensure_ascii=False)
        first = False
    yield "\n]}\n"


@router.get(
    "/events/{event_id}",
    response_model=m.EventDetail,
    responses=responses(400, 404, 422),
    summary="One canonical event: reports, claims, conflicts and evidence spans",
)
def get_event(
    request: Request, event_id: Annotated[str, Path(min_length=1, max_length=64)]
) -> Response:
    _clean(event_id)  # a NUL cannot be sent to PostgreSQL
    with _store(request).engine.connect() as conn:
        rec = queries.event_record(conn, event_id)
        if rec is None:
            raise Problem(404, f"No event {event_id!r}.")
    return Response(_dumps(views.detail(rec)), media_type=JSON)


@router.get(
    "/articles/{article_id:path}",
    response_model=m.ArticleOut,
    responses=responses(400, 404, 422),
    summary="An article's original text with the evidence spans of its events",
)
def get_article(
    request: Request, article_id: Annotated[str, Path(min_length=1, max_length=512)]
) -> Response:
    """Span offsets are Unicode code points into `text` (Python string indices). The text
    is untrusted: render it as text, never as HTML."""
    _clean(article_id)
    with _store(request).engine.connect() as conn:
        row = queries.article_row(conn, article_id)
        if row is None:
            raise Problem(404, f"No article {article_id!r}.")
        reports = queries.article_reports(conn, row["id"])
    return Response(_dumps(views.article(row, reports)), media_type=JSON)


@router.get(
    "/stats",
    response_model=m.Stats,
    responses=responses(400, 422),
    summary="Counts of the store, and of the events the filters select",
)
def get_stats(request: Request, f: Filter) -> Response:
    with _store(request).engine.connect() as conn:
        st = queries.stats(conn, f)
    return Response(_dumps(views.stats(st)), media_type=JSON)


@router.get("/config.json", response_model=m.Config, summary="What the web page needs to know")
def get_config(request: Request) -> Response:
    s = _settings(request)
    body = {
        "tile_url": s.tile_url,
        "tile_attribution": s.tile_attribution,
        "write_enabled": bool(s.token),
        "version": __version__,
    }
    return Response(_dumps(body), media_type=JSON)


def _article(body: m.ExtractIn, doc: str, settings: ServeSettings, **meta: str | None) -> Any:
    if len(body.text) > settings.max_text:
        raise Problem(413, f"The text is longer than {settings.max_text} characters.")
    art = make_article(doc, body.text, body.published, body.outlet, title=body.title, **meta)
    if isinstance(art, Skip):
        raise Problem(422, f"The text cannot be used: {art.reason}.")
    return art


@router.post(
    "/extract",
    response_model=m.ExtractOut,
    responses=responses(413, 422),
    summary="Extract events from a text; nothing is stored",
)
def post_extract(request: Request, body: m.ExtractIn) -> Response:
    art = _article(body, "request", _settings(request))
    events = [e.to_dict() for e in extract_article(art)]
    return Response(_dumps({"events": events}), media_type=JSON)


@router.post(
    "/articles",
    response_model=m.IngestOut,
    status_code=201,
    responses=responses(401, 403, 409, 413, 422),
    dependencies=[Depends(require_token)],
    summary="Store an article and its events (needs the bearer token)",
)
def post_article(request: Request, body: m.ArticleIn) -> Response:
    doc = body.id or "api-" + hashlib.sha256(body.text.encode("utf-8")).hexdigest()[:16]
    art = _article(body, doc, _settings(request), url=body.url)
    store = _store(request)
    with request.app.state.write_lock:  # one writer at a time in this process
        with store.engine.connect() as conn:
            same_id = queries.article_row(conn, doc)
        if same_id is not None and same_id["key"] != article_key(art):
            raise Problem(409, f"Another article (key {same_id['key']!r}) has the id {doc!r}.")
        events = extract_article(art)
        run_id = store.start_run(f"rasd serve: POST /articles {doc}")
        res = store.save_batch([(art, events)], run_id)
        store.finish_run(
            run_id,
            articles_read=1,
            articles_new=res.new,
            articles_changed=res.changed,
            articles_unchanged=res.unchanged,
            reports_written=res.reports,
        )
    status = "new" if res.new else "changed" if res.changed else "unchanged"
    with store.engine.connect() as conn:
        row = queries.article_row(conn, doc)
        ids = [e for _, e, _ in queries.article_reports(conn, row["id"])] if row else []
    body_out = {"article_id": doc, "status": status, "events": sorted({i for i in ids if i})}
    return Response(
        _dumps(body_out), status_code=201 if status != "unchanged" else 200, media_type=JSON
    )


def _dumps(v: Any) -> bytes:
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
