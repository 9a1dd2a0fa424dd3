"""The API's answers built from the store: event summaries, the full event with its
evidence, an article with its spans, the store's counts."""

from __future__ import annotations

import json
from typing import Any

from rasd.model import Event
from rasd.output.acled import event_id_cnty, identity, source_scale
from rasd.resources import Resources, resources
from rasd.store import queries

CACHE_MAX = 200_000


def country_names() -> dict[str, str]:
    return resources().get(_country_names)


def _country_names(res: Resources) -> dict[str, str]:
    return {r["iso3"]: r["name"] for r in res.tsv("gazetteer/countries.tsv")}


def acled_keys(rec: dict[str, Any]) -> tuple[str, str]:
    """(event_id_cnty, ACLED source scale) of a canonical record, as the exports write them."""
    reports = rec.get("reports") or []
    first = reports[0] if reports else {}
    ident = identity(
        first.get("url") or first.get("article_id") or rec.get("url") or rec.get("article_id"),
        first.get("evidence_span") or rec.get("evidence_span") or (0, 0),
        rec,
    )
    outlets = [r.get("outlet") or "" for r in reports] or [rec.get("outlet") or ""]
    return event_id_cnty(rec.get("country"), ident), source_scale(rec.get("sources") or [], outlets)


class AcledKeys:
    """event_id_cnty and source scale per (event id, update time): both need the record's
    reports, which a page of summaries does not read; a stored event keeps them until it
    is re-fused."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, Any], tuple[str, str]] = {}

    def get(self, conn: Any, event_id: str, updated: Any) -> tuple[str, str]:
        k = (event_id, updated)
        hit = self._cache.get(k)
        if hit is None:
            rec = queries.event_record(conn, event_id) or {"id": event_id}
            hit = acled_keys(rec)
            if len(self._cache) >= CACHE_MAX:
                self._cache.clear()
            self._cache[k] = hit
        return hit


def summaries(conn: Any, rows: list[dict[str, Any]], keys: AcledKeys) -> list[dict[str, Any]]:
    """EventSummaries from rows of `queries.event_summaries`."""
    names = country_names()
    out = []
    for row in rows:
        updated = row.pop("updated_at", None)
        row["event_id_cnty"], row["source_scale"] = keys.get(conn, row["id"], updated)
        row["country_name"] = names.get(row["country"] or "")
        out.append(row)
    return out


def detail(rec: dict[str, Any], n_reports: int | None = None) -> dict[str, Any]:
    """The canonical event with reports, claims (numbered), conflicts (naming their claims'
    numbers) and every field's evidence with the article it is in."""
    d = {k: v for k, v in rec.items() if k not in ("fields", "claims", "conflicts")}
    d["event_id_cnty"], d["source_scale"] = acled_keys(rec)
    d["country_name"] = country_names().get(rec.get("country") or "")
    claims = [{"id": i, **c} for i, c in enumerate(rec.get("claims") or [])]
    index = {_claim_key(c): c["id"] for c in claims}
    d["claims"] = claims
    d["conflicts"] = [
        {
            "field": x["field"],
            "reason": x["reason"],
            "claims": [{"id": index.get(_claim_key(c), -1), **c} for c in x["claims"]],
            "claim_ids": [index.get(_claim_key(c)) for c in x["claims"]],
        }
        for x in rec.get("conflicts") or []
    ]
    article = rec.get("article_id")
    d["fields"] = {
        f: [{**e, "article_id": e.get("article_id", article)} for e in evs]
        for f, evs in (rec.get("fields") or {}).items()
    }
    d["confidence"] = rec.get("confidence") or {}
    d["reports"] = rec.get("reports") or []
    d["n_reports"] = n_reports if n_reports is not None else len(d["reports"])
    d["n_conflicts"] = len(d["conflicts"])
    if not d.get("notes"):
        from rasd.claims import ledger_notes

        d["notes"] = ledger_notes(Event.from_dict(rec))
    return d


def _claim_key(c: dict[str, Any]) -> str:
    return json.dumps(
        [c.get(k) for k in ("field", "source", "article_id", "start", "end", "value")],
        sort_keys=True,
        default=str,
    )


def article(row: dict[str, Any], reports: list[tuple[int, str | None, Any]]) -> dict[str, Any]:
    """An article with the evidence spans of every event reported in it."""
    spans = []
    for n, event_id, rec in reports:
        for field, evs in (rec.get("fields") or {}).items():
            for e in evs:
                spans.append(
                    {
                        "start": e["start"],
                        "end": e["end"],
                        "field": field,
                        "rule": e.get("rule", ""),
                        "text": e.get("text", ""),
                        "event_id": event_id,
                        "report": f"{row['doc_id']}#{n}",
                    }
                )
    published = row.get("published")
    return {
        "id": row["doc_id"],
        "title": row.get("title"),
        "outlet": row.get("outlet"),
        "published": published.isoformat() if published is not None else None,
        "url": row.get("url"),
        "text": row["text"],
        "spans": spans,
    }


def stats(st: dict[str, Any]) -> dict[str, Any]:
    names = country_names()
    st["countries"] = [
        {"iso3": k, "name": names.get(k, k), "n": v}
        for k, v in sorted(st["by_country"].items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return st
