"""Fusion throughput: 100,000 synthetic events fused with blocking, beside an all-pairs
baseline on a smaller sample, measured in the same run.

Synthetic reports: incidents spread over a year and over towns of the gazetteer, each
told by one to four outlets (sometimes a day off when the day is uncertain, sometimes
only at province level), so that blocking meets realistic neighbourhoods.

    python benchmarks/bench_fusion.py [--events 100000] [--sample 3000] [--json]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from rasd.fuse import compatible, fuse
from rasd.gazetteer import load
from rasd.model import Event, Evidence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_results  # noqa: E402

TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]


def synthetic(n: int, seed: int = 11) -> list[Event]:
    rnd = random.Random(seed)
    towns = [
        p
        for h in load().matcher._automaton.values()
        for p in h[1][0].value  # type: ignore[attr-defined]
        if p.kind == "city" and p.iso3 in ("IRQ", "SYR", "YEM", "LBY") and p.population > 5000
    ]
    towns = sorted({(t.name, t.iso3, t.admin1, t.lat, t.lon) for t in towns})
    start = date(2022, 1, 1)
    out: list[Event] = []
    k = 0
    while len(out) < n:
        name, iso3, admin1, lat, lon = rnd.choice(towns)
        etype, sub = rnd.choice(TYPES)
        day = start + timedelta(days=rnd.randrange(365))
        for _ in range(rnd.randint(1, 4)):
            k += 1
            ev = Event(
                etype,
                sub,
                event_date=day,
                country=iso3,
                admin1=admin1,
                location=name,
                latitude=lat,
                longitude=lon,
                geo_precision=1,
                article_id=f"a{k}",
                outlet=f"o{k % 37}",
            )
            ev.evidence_span = (0, 10)
            if rnd.random() < 0.1:
                ev.geo_precision = 3
            if rnd.random() < 0.1:
                ev.event_date = day + timedelta(days=1)
                ev.cite("event_date", Evidence(-1, -1, "", "default: publication date"))
            out.append(ev)
            if len(out) >= n:
                break
    return out


def all_pairs(events: list[Event]) -> int:
    """The baseline: compare every pair."""
    hits = 0
    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            hits += compatible(events[i], events[j])[0]
    return hits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=3_000)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    events = synthetic(a.events)
    t = time.perf_counter()
    canonical = fuse(events)
    fuse_s = time.perf_counter() - t
    sample = events[: a.sample]
    t = time.perf_counter()
    all_pairs(sample)
    pairs_s = time.perf_counter() - t
    t = time.perf_counter()
    fuse(sample)
    fuse_sample_s = time.perf_counter() - t
    scale = (a.events / a.sample) ** 2
    res = {
        "events": a.events,
        "canonical_events": len(canonical),
        "fuse_seconds": round(fuse_s, 2),
        "target_seconds": 60,
        "sample": a.sample,
        "fuse_sample_seconds": round(fuse_sample_s, 3),
        "all_pairs_sample_seconds": round(pairs_s, 2),
        "all_pairs_extrapolated_seconds": round(pairs_s * scale, 0),
        "speedup_on_sample": round(pairs_s / fuse_sample_s, 1) if fuse_sample_s else None,
    }
    print_results(res, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
