"""ACLED's export: its 31 columns in ACLED's order, then rasd's own columns, written so that
an analyst's existing ACLED code works on it: inter codes and interactions as ACLED writes
them, ids that do not change between runs, ACLED's actor names and source scales.

docs/outputs/acled-csv.md describes every column.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from rasd.claims import ledger_notes
from rasd.geo import km
from rasd.model import Event
from rasd.resources import Resources, resources
from rasd.taxonomy import disorder_type
from rasd.text.normalize import key

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
    "rasd_id",
]

# ACLED's actor types (inter codes) as its current exports write them
INTER_LABELS = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
# actors ACLED names with the country of the event: "Civilians (Iraq)"
COUNTRY_SUFFIXED = {"Civilians", "Protesters", "Rioters"}
# sub-events whose actor ACLED codes as rioters, whoever the text calls them
RIOT_SUB_EVENTS = {"Violent demonstration", "Mob violence"}
GENERIC_ACTORS = {"Unidentified armed group", "Sole perpetrator", "Civilians", "Protesters"}
SCALE_ORDER = ["Local partner", "Subnational", "National", "Regional", "International"]
SCALE_OTHER = ["New media", "Other"]
ADMIN2_MAX_KM = 80.0
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class AcledStyle:
    """How the ACLED columns are written. `inter`: "text" as ACLED's current exports
    ("State forces", "State forces-Civilians", "Rebel groups only") or "numeric" as its
    older ones (1, 17, 20 with inter2 0); `dates`: "iso" (2022-01-05) or "acled", the
    Export Tool's form (05 January 2022)."""

    inter: str = "text"
    dates: str = "iso"

    def __post_init__(self) -> None:
        if self.inter not in ("text", "numeric"):
            raise ValueError(f"inter style must be text or numeric, not {self.inter!r}")
        if self.dates not in ("iso", "acled"):
            raise ValueError(f"date style must be iso or acled, not {self.dates!r}")


# -- data read once ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Tables:
    countries: dict[str, dict[str, str]]  # iso3 → countries.tsv row
    periods: dict[str, list[tuple[date, date | None, str]]]  # plain actor → periods
    scales: dict[str, str]  # source or outlet name (lowercase) → ACLED scale
    admin2: dict[tuple[str, str], list[tuple[str, float, float]]]  # (iso3, admin1) → districts
    actor_forms: dict[str, str]  # matching key of an Arabic form → canonical actor


def _tables() -> _Tables:
    return resources().get(_build)


def _build(res: Resources) -> _Tables:
    countries = {r["iso3"]: r for r in res.tsv("gazetteer/countries.tsv")}
    iso2 = {r["iso2"]: r["iso3"] for r in countries.values()}
    periods: dict[str, list[tuple[date, date | None, str]]] = {}
    for r in res.tsv("lexicon/actor_periods.tsv"):
        end = date.fromisoformat(r["end"]) if r["end"] else None
        periods.setdefault(r["actor"], []).append((date.fromisoformat(r["start"]), end, r["label"]))
    scales = {r["source"].lower(): r["scale"] for r in res.tsv("lexicon/sources.tsv") if r["scale"]}
    admin1 = {(r["iso2"], r["code"]): r["name"] for r in res.tsv("gazetteer/admin1.tsv")}
    admin2: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
    for r in res.tsv("gazetteer/admin2.tsv"):
        a1 = admin1.get((r["iso2"], r["admin1"]))
        if a1:
            admin2.setdefault((iso2.get(r["iso2"], r["iso2"]), a1), []).append(
                (r["name"], float(r["lat"]), float(r["lon"]))
            )
    forms = {
        key(r["arabic"]): r["actor"]
        for r in res.tsv("lexicon/actors.tsv")
        if "{" not in r["actor"] and r["actor"] != "-"
    }
    return _Tables(countries, periods, scales, admin2, forms)


# -- the columns ---------------------------------------------------------------------------


def export_stamp() -> int:
    """ACLED's `timestamp` column: now, or SOURCE_DATE_EPOCH for byte-identical exports."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(fixed) if fixed.isdecimal() else int(time.time())


def event_id_cnty(country: str | None, identity: str) -> str:
    """ACLED's event id: the country's ISO3 code and a number derived from the event's
    identity (its article and the words of its first report), so that it is the same on
    every run and in every input order."""
    digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()
    return f"{country or 'XXX'}{int(digest[:12], 16) % 10**12:012d}"


def identity(
    article: str | None, span: tuple[int, int] | list[int], what: dict[str, Any] | Event
) -> str:
    """What names an event: its (first) article, the words of its (first) report, and its
    day, place and sub-event type (one sentence may report two events)."""
    get = what.get if isinstance(what, dict) else lambda k: getattr(what, k, None)
    day = get("event_date")
    parts = [article or "", f"{span[0]}-{span[1]}", str(day or ""), get("location") or ""]
    return "|".join([*parts, get("sub_event_type") or ""])


def format_date(d: date | None, style: AcledStyle) -> str:
    if d is None:
        return ""
    if style.dates == "acled":
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
    return d.isoformat()


def actor_name(name: str | None, country: str | None, day: date | None) -> str:
    """ACLED's form of an actor name: the government period of state forces on that day,
    the country after civilians, protesters and rioters."""
    if not name:
        return ""
    tab = _tables()
    if name in COUNTRY_SUFFIXED:
        cname = tab.countries.get(country or "", {}).get("name")
        return f"{name} ({cname})" if cname else name
    if day is not None:
        for start, end, label in tab.periods.get(name, ()):
            if start <= day and (end is None or day <= end):
                return f"{name} ({label})"
    return name


def acled_actors(ev: Event) -> tuple[str, int | None, str, int | None]:
    """(actor1, inter1, actor2, inter2) as ACLED codes them. A violent demonstration's or
    mob's actor is Rioters (5), even where the text says protesters."""
    a1, i1, a2, i2 = ev.actor1, ev.inter1, ev.actor2, ev.inter2
    if ev.sub_event_type in RIOT_SUB_EVENTS and (a1 in (None, "Protesters") or i1 == 6):
        a1, i1 = "Rioters", 5
    if not a1:
        i1 = None
    if not a2:
        i2 = None
    day = ev.event_date
    return (
        actor_name(a1, ev.country, day),
        i1,
        actor_name(a2, ev.country, day),
        i2,
    )


def inter_columns(i1: int | None, i2: int | None, style: AcledStyle) -> tuple[Any, Any, str]:
    """inter1, inter2 and interaction. Text: "State forces", "State forces-Civilians",
    "Rebel groups only"; numeric: 1, 7, "17" and for one actor 2, 0, "20"."""
    codes = sorted(x for x in (i1, i2) if x)
    if style.inter == "numeric":
        if not codes:
            return "", "", ""
        inter = "".join(str(x) for x in codes) if len(codes) == 2 else f"{codes[0]}0"
        return i1 or "", i2 or 0, inter
    label1 = INTER_LABELS.get(i1 or 0, "")
    label2 = INTER_LABELS.get(i2 or 0, "")
    if len(codes) == 2:
        interaction = f"{INTER_LABELS[codes[0]]}-{INTER_LABELS[codes[1]]}"
    elif codes:
        interaction = f"{INTER_LABELS[codes[0]]} only"
    else:
        interaction = ""
    return label1, label2, interaction


def source_scale(sources: list[str], outlets: list[str]) -> str:
    """ACLED's source scale from the scales of the outlets and of the agencies and bodies
    an event's sources name (sources.tsv): one scale, or the narrowest and the widest
    joined by a hyphen ("National-International"); empty when none is known."""
    scales = _tables().scales
    names = list(outlets)
    for s in sources:
        names.append(s)
        if s.endswith(")") and " (" in s:  # "coalition official (AFP)": relayed by AFP
            names.append(s.rsplit(" (", 1)[1][:-1])
    found = {scales[n.lower()] for n in names if n and n.lower() in scales}
    ranked = [s for s in SCALE_ORDER if s in found]
    if ranked:
        return ranked[0] if len(ranked) == 1 else f"{ranked[0]}-{ranked[-1]}"
    other = [s for s in SCALE_OTHER if s in found]
    return other[0] if other else ""


def admin2_of(ev: Event) -> str:
    """The district: named by the text (a gazetteer admin2 in the location's evidence), or
    else the district whose centroid is nearest to a point-precise event within its
    province (up to ADMIN2_MAX_KM away); empty for province-level events."""
    named = ev.fields.get("location", ())
    if named and named[0].rule.startswith("gazetteer:admin2:"):
        return ev.location or ""
    if ev.geo_precision not in (1, 2) or ev.latitude is None or ev.longitude is None:
        return ""
    districts = _tables().admin2.get((ev.country or "", ev.admin1 or ""), [])
    best = min(
        ((km((ev.latitude, ev.longitude), (lat, lon)), name) for name, lat, lon in districts),
        default=None,
    )
    return best[1] if best is not None and best[0] <= ADMIN2_MAX_KM else ""


def assoc_actors(ev: Event, role: str, main: str | None, other: str | None) -> str:
    """Further named actors the text gives for one role (ACLED's associated actors),
    `;`-joined: the evidence of the role naming another actor of the dictionary."""
    forms = _tables().actor_forms
    out: list[str] = []
    for e in ev.fields.get(role, ()):
        parts = e.rule.split(":")
        name = forms.get(key(parts[1])) if len(parts) > 2 and parts[0] == "actor" else None
        if name and name not in (main, other) and name not in GENERIC_ACTORS and name not in out:
            out.append(name)
    return "; ".join(actor_name(n, ev.country, ev.event_date) for n in out)


def acled_row(
    ev: Event,
    stamp: int,
    style: AcledStyle | None = None,
    ident: str | None = None,
    outlets: list[str] | None = None,
) -> dict[str, Any]:
    """One event as an ACLED row (ACLED's columns, then rasd's). `ident` names the event
    for its id (default: its article and evidence span); `outlets` are the outlets that
    reported it (default: the event's own)."""
    style = style or AcledStyle()
    c = _tables().countries.get(ev.country or "", {})
    a1, i1, a2, i2 = acled_actors(ev)
    inter1, inter2, interaction = inter_columns(i1, i2, style)
    outs = outlets if outlets is not None else [ev.outlet or ""]
    return {
        "event_id_cnty": event_id_cnty(
            ev.country, ident or identity(ev.url or ev.article_id, ev.evidence_span, ev)
        ),
        "event_date": format_date(ev.event_date, style),
        "year": ev.event_date.year if ev.event_date else "",
        "time_precision": ev.time_precision,
        "disorder_type": disorder_type(ev.event_type, ev.sub_event_type),
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": a1,
        "assoc_actor_1": assoc_actors(ev, "actor1", ev.actor1, ev.actor2),
        "inter1": inter1,
        "actor2": a2,
        "assoc_actor_2": assoc_actors(ev, "actor2", ev.actor2, ev.actor1),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if ev.actor2 == "Civilians" else "",
        "iso": c.get("isonum", ""),
        "region": c.get("region", ""),
        "country": c.get("name", ev.country or ""),
        "admin1": ev.admin1 or "",
        "admin2": admin2_of(ev),
        "admin3": "",
        "location": ev.location or "",
        "latitude": ev.latitude if ev.latitude is not None else "",
        "longitude": ev.longitude if ev.longitude is not None else "",
        "geo_precision": ev.geo_precision or "",
        "source": "; ".join(ev.sources),
        "source_scale": source_scale(ev.sources, outs),
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
        "rasd_id": "",
    }


def record_row(rec: dict[str, Any], stamp: int, style: AcledStyle | None = None) -> dict[str, Any]:
    """A canonical record (fused, or read back from the store) as an ACLED row: its id from
    its first report, its source scale over all its reports' outlets."""
    ev = Event.from_dict(rec)
    reports = rec.get("reports") or []
    first = reports[0] if reports else {}
    ident = (
        identity(
            first.get("url") or first.get("article_id"), first.get("evidence_span") or (0, 0), ev
        )
        if first
        else None
    )
    outlets = [r.get("outlet") or "" for r in reports] or [ev.outlet or ""]
    row = acled_row(ev, stamp, style, ident, outlets)
    row["article_id"] = ";".join(sorted({str(r.get("article_id")) for r in reports})) or (
        ev.article_id or ""
    )
    row["outlet"] = ";".join(sorted({r.get("outlet") or "" for r in reports} - {""})) or (
        ev.outlet or ""
    )
    row["rasd_id"] = rec.get("id", "")
    return row
