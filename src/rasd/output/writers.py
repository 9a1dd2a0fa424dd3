"""Writing events: SPEC JSON Lines, ACLED CSV and GeoJSON."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable
from typing import IO, Any

from rasd.claims import ledger_notes
from rasd.fuse.fusion import CanonicalEvent
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
FORMATS = ("jsonl", "acled-csv", "geojson")


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


class Writer:
    """Streams events of many articles to one output in one format."""

    def __init__(self, fh: IO[str], fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh, self.fmt = fh, fmt
        self.count = 0
        self.stamp = int(time.time())
        self._first_feature = True
        if fmt == "acled-csv":
            self._csv = csv.DictWriter(
                fh, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n"
            )
            self._csv.writeheader()
        elif fmt == "geojson":
            fh.write('{"type": "FeatureCollection", "features": [\n')

    def article(self, article_id: str, events: Iterable[Event]) -> None:
        evs = list(events)
        if self.fmt == "jsonl":
            rec = {"id": article_id, "events": [e.to_dict() for e in evs]}
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif self.fmt == "acled-csv":
            for e in evs:
                self._csv.writerow(acled_row(e, self.count + 1, self.stamp))
                self.count += 1
            return
        else:
            for e in evs:
                if e.latitude is None or e.longitude is None:
                    continue
                props = e.to_dict()
                feat = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                    "properties": props,
                }
                self.fh.write(
                    ("" if self._first_feature else ",\n") + json.dumps(feat, ensure_ascii=False)
                )
                self._first_feature = False
        self.count += len(evs)

    def canonical(self, c: CanonicalEvent) -> None:
        """One fused event (--fuse): the canonical record with its reports and merges."""
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "acled-csv":
            row = acled_row(c.event, self.count + 1, self.stamp)
            row["event_id_cnty"] = c.id
            row["source_scale"] = c.source_scale
            row["article_id"] = ";".join(sorted({str(r.article_id) for r in c.reports}))
            row["outlet"] = ";".join(sorted({r.outlet or "" for r in c.reports} - {""}))
            self._csv.writerow(row)
        else:
            e = c.event
            if e.latitude is not None and e.longitude is not None:
                feat = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                    "properties": c.to_dict(),
                }
                self.fh.write(
                    ("" if self._first_feature else ",\n") + json.dumps(feat, ensure_ascii=False)
                )
                self._first_feature = False
        self.count += 1

    def close(self) -> None:
        if self.fmt == "geojson":
            self.fh.write("\n]}\n")
        self.fh.flush()


def write_records(records: Iterable[dict[str, Any]], fh: IO[str], fmt: str) -> None:
    """Write stored canonical records (dicts) as JSON Lines, ACLED CSV or GeoJSON."""
    from rasd.model import Event

    if fmt == "jsonl":
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    w = Writer(fh, fmt)
    for r in records:
        ev = Event.from_dict(r)
        if fmt == "acled-csv":
            row = acled_row(ev, w.count + 1, w.stamp)
            row["event_id_cnty"] = r.get("id", row["event_id_cnty"])
            row["source_scale"] = r.get("source_scale", "")
            w._csv.writerow(row)
            w.count += 1
        else:
            w.article(str(r.get("id")), [ev])
    w.close()


def write_parquet(records: list[dict[str, Any]], path: str) -> None:
    """Stored canonical events as a Parquet table (flat columns; nested parts as JSON text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = []
    for r in records:
        row = {k: v for k, v in r.items() if not isinstance(v, (dict, list))}
        row.update(
            {
                k: json.dumps(v, ensure_ascii=False)
                for k, v in r.items()
                if isinstance(v, (dict, list))
            }
        )
        flat.append(row)
    pq.write_table(pa.Table.from_pylist(flat), path)
