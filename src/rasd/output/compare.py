"""Setting rasd's output beside an ACLED export of the same country and weeks: both read
as ACLED CSV, cut to the countries and days they share, events paired as the SPEC scorer
pairs them (`rasd.evaluate.match_cost`: same type, a day apart at most, within 50 km or the
same province at province precision), cheapest pairs first, one to one."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from rasd.evaluate import match_cost
from rasd.resources import Resources, resources


def read_acled_csv(path: str | Path) -> list[dict[str, Any]]:
    """Rows of an ACLED-style CSV (ACLED's own export or rasd's), days and numbers parsed;
    rows without a readable day are left out."""
    out = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            day = parse_day(row.get("event_date", ""))
            if day is None:
                continue
            rec: dict[str, Any] = dict(row)
            rec["event_date"] = day.isoformat()
            rec["day"] = day
            rec["iso3"] = _iso3(row)
            for k in ("latitude", "longitude"):
                rec[k] = _num(row.get(k), float)
            rec["geo_precision"] = _num(row.get("geo_precision"), int)
            rec["fatalities"] = _num(row.get("fatalities"), int)
            out.append(rec)
    return out


def parse_day(v: str) -> date | None:
    v = (v or "").strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(v[:10] if fmt == "%Y-%m-%d" else v, fmt).date()
        except ValueError:
            continue
    return None


def _num(v: Any, typ: Any) -> Any:
    try:
        return typ(v) if v not in (None, "") else None
    except ValueError:
        return None


def _countries(res: Resources) -> dict[str, str]:
    """Country name, ISO3 or ISO numeric code → ISO3."""
    out = {}
    for r in res.tsv("gazetteer/countries.tsv"):
        for k in (r["name"], r["iso3"], r["isonum"]):
            if k:
                out[k.lower()] = r["iso3"]
    return out


def _iso3(row: dict[str, Any]) -> str:
    names = resources().get(_countries)
    for k in ("country", "iso3", "iso"):
        v = str(row.get(k) or "").strip().lower()
        if v in names:
            return names[v]
    return ""


@dataclass
class Comparison:
    countries: list[str]
    since: date | None
    until: date | None
    acled: int = 0
    rasd: int = 0
    matched: int = 0
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    same_sub_type: int = 0
    same_fatalities: int = 0
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "countries": self.countries,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "acled": self.acled,
            "rasd": self.rasd,
            "matched": self.matched,
            "acled_found_by_rasd": round(self.matched / self.acled, 4) if self.acled else None,
            "rasd_found_in_acled": round(self.matched / self.rasd, 4) if self.rasd else None,
            "same_sub_event_type": self.same_sub_type,
            "same_fatalities": self.same_fatalities,
            "by_type": self.by_type,
        }


def _window(rows: list[dict[str, Any]]) -> tuple[date, date] | None:
    """The whole weeks (Monday to Sunday) that the rows' days fall in."""
    days = [r["day"] for r in rows]
    if not days:
        return None
    lo, hi = min(days), max(days)
    return lo - timedelta(days=lo.weekday()), hi + timedelta(days=6 - hi.weekday())


def compare(
    acled: list[dict[str, Any]],
    rasd: list[dict[str, Any]],
    countries: list[str] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Comparison:
    """Both sets cut to the same countries (default: those of rasd's rows) and days
    (default: the weeks of rasd's rows), then paired."""
    wanted = [c.upper() for c in countries] if countries else sorted({r["iso3"] for r in rasd})
    window = _window(rasd)
    lo = since or (window[0] if window else None)
    hi = until or (window[1] if window else None)

    def keep(r: dict[str, Any]) -> bool:
        return (
            r["iso3"] in wanted
            and (lo is None or r["day"] >= lo)
            and (hi is None or r["day"] <= hi)
        )

    a = [r for r in acled if keep(r)]
    b = [r for r in rasd if keep(r)]
    cmp = Comparison(wanted, lo, hi, len(a), len(b))
    for i, j in pair_by_day(a, b):
        cmp.pairs.append((a[i], b[j]))
    cmp.matched = len(cmp.pairs)
    types: dict[str, Counter[str]] = {}
    for side, rows in (("acled", a), ("rasd", b)):
        for r in rows:
            types.setdefault(r.get("event_type") or "", Counter())[side] += 1
    for g, p in cmp.pairs:
        types[g.get("event_type") or ""]["matched"] += 1
        cmp.same_sub_type += (g.get("sub_event_type") or "") == (p.get("sub_event_type") or "")
        cmp.same_fatalities += g.get("fatalities") == p.get("fatalities")
    cmp.by_type = {
        t: {k: c[k] for k in ("acled", "rasd", "matched")} for t, c in sorted(types.items())
    }
    return cmp


def pair_by_day(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """`evaluate.pair_events` over a whole export: only events a day apart at most can
    match, so candidates are looked up by day instead of trying all pairs."""
    by_day: dict[date, list[int]] = {}
    for j, p in enumerate(pred):
        by_day.setdefault(p["day"], []).append(j)
    cands = []
    for i, g in enumerate(gold):
        for d in (g["day"] - timedelta(days=1), g["day"], g["day"] + timedelta(days=1)):
            for j in by_day.get(d, ()):
                c = match_cost(g, pred[j])
                if c is not None:
                    cands.append((c, i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def report(cmp: Comparison) -> str:
    d = cmp.to_dict()
    lines = [
        f"countries {', '.join(cmp.countries) or '-'}; days {d['since']} to {d['until']}",
        f"events   ACLED {cmp.acled}  rasd {cmp.rasd}  matched {cmp.matched}",
    ]
    if cmp.acled:
        lines.append(f"ACLED events rasd found: {d['acled_found_by_rasd']:.3f}")
    if cmp.rasd:
        lines.append(f"rasd events ACLED has:   {d['rasd_found_in_acled']:.3f}")
    if cmp.matched:
        lines.append(
            f"of the matched: same sub-event type {cmp.same_sub_type}, "
            f"same fatalities {cmp.same_fatalities}"
        )
    lines.append(f"{'event type':32s} {'ACLED':>6s} {'rasd':>6s} {'matched':>8s}")
    for t, c in d["by_type"].items():
        lines.append(f"{t:32s} {c['acled']:6d} {c['rasd']:6d} {c['matched']:8d}")
    return "\n".join(lines)
