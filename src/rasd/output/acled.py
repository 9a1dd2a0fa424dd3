"""ACLED's export: its 31 columns in ACLED's order, then rasd's own columns."""

from __future__ import annotations

from typing import Any

from rasd.claims import ledger_notes
from rasd.model import Event
from rasd.resources import Resources, resources
from rasd.taxonomy import disorder_type

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
EXTRA_COLUMNS = [
    "injuries",
    "weapon",
    "munitions",
    "article_id",
    "outlet",
    "url",
    "evidence",
    "evidence_start",
    "evidence_end",
]


def _countries() -> dict[str, dict[str, str]]:
    """Rows of countries.tsv by ISO3 code (read once)."""
    return resources().get(_build)


def _build(res: Resources) -> dict[str, dict[str, str]]:
    return {r["iso3"]: r for r in res.tsv("gazetteer/countries.tsv")}


def acled_row(ev: Event, n: int, stamp: int) -> dict[str, Any]:
    c = _countries().get(ev.country or "", {})
    inter1, inter2 = ev.inter1 or "", ev.inter2 or ""
    pair = sorted(x for x in (ev.inter1, ev.inter2) if x)
    return {
        "event_id_cnty": f"{ev.country or 'XXX'}{n}",
        "event_date": ev.event_date.isoformat() if ev.event_date else "",
        "year": ev.event_date.year if ev.event_date else "",
        "time_precision": ev.time_precision,
        "disorder_type": disorder_type(ev.event_type, ev.sub_event_type),
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1 or "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": ev.actor2 or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": "".join(str(x) for x in pair) if pair else "",
        "civilian_targeting": "Civilian targeting" if ev.actor2 == "Civilians" else "",
        "iso": c.get("isonum", ""),
        "region": c.get("region", ""),
        "country": c.get("name", ev.country or ""),
        "admin1": ev.admin1 or "",
        "admin2": "",
        "admin3": "",
        "location": ev.location or "",
        "latitude": ev.latitude if ev.latitude is not None else "",
        "longitude": ev.longitude if ev.longitude is not None else "",
        "geo_precision": ev.geo_precision or "",
        "source": ";".join(ev.sources),
        "source_scale": "",
        "notes": ev.notes or ledger_notes(ev),
        "fatalities": ev.fatalities or 0,  # ACLED writes 0 for "not reported" too
        "tags": "",
        "timestamp": stamp,
        "injuries": "" if ev.injuries is None else ev.injuries,
        "weapon": ev.weapon or "",
        "munitions": "" if ev.munitions is None else ev.munitions,
        "article_id": ev.article_id or "",
        "outlet": ev.outlet or "",
        "url": ev.url or "",
        "evidence": ev.evidence,
        "evidence_start": ev.evidence_span[0],
        "evidence_end": ev.evidence_span[1],
    }
