"""Measure cross-outlet fusion.

1. On the fixture tests/fixtures/fusion.jsonl (the seed article and reports written for
   rasd: one incident told by different sources and outlets, reworded, at another
   precision, dated by weekday or calendar date; and look-alikes that must stay apart):
   pairwise precision and recall of the merge decisions.
2. On the team's dev set when ../shared is present: the merges fusion makes, listed so
   a reader can check them.
3. With --audit FILE (the audit set's real incidents, each told by several outlets:
   `python scripts/audit_texts.py --part older --fusion --out FILE`): article-pair
   precision and recall — two articles of one incident should share a canonical event,
   two articles of different incidents should not.

    python scripts/measure_fusion.py [--audit FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from itertools import combinations
from pathlib import Path

from rasd.extraction.pipeline import extract
from rasd.fuse.fusion import fuse
from rasd.geo import km
from rasd.model import Event

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "fusion.jsonl"
DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"


def _articles(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _extract(arts: list[dict]) -> list[Event]:
    evs: list[Event] = []
    for a in arts:
        pub = date.fromisoformat(a["published"]) if a.get("published") else None
        evs += extract(a["text"], published=pub, outlet=a.get("outlet"), id=a["id"])
    return evs


def _label(ev: Event, expect: list[dict]) -> str | None:
    """The fixture incident a report belongs to: same day and the expected place."""
    for x in expect:
        if str(ev.event_date) != x["event_date"]:
            continue
        if ev.location == x["location"]:
            return str(x["incident"])
    return None


def pairwise(arts: list[dict]) -> dict:
    """Pairwise precision/recall of fusion on labelled reports."""
    evs = _extract(arts)
    expect = {a["id"]: a["expect"] for a in arts}
    labels = {id(e): _label(e, expect[e.article_id]) for e in evs}
    clusters = fuse(evs)
    cluster_of = {id(r): c.id for c in clusters for r in c.reports}
    labelled = [e for e in evs if labels[id(e)] is not None]
    tp = fp = fn = 0
    for a, b in combinations(labelled, 2):
        same_gold = labels[id(a)] == labels[id(b)]
        same_pred = cluster_of[id(a)] == cluster_of[id(b)]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return {
        "reports": len(evs),
        "labelled": len(labelled),
        "unlabelled": [
            f"{e.article_id}: {e.location} {e.event_date}" for e in evs if labels[id(e)] is None
        ],
        "canonical_events": len(clusters),
        "pairs_true_merge": tp,
        "pairs_false_merge": fp,
        "pairs_missed_merge": fn,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
    }


def dev_merges() -> list[dict]:
    """The merges fusion makes on the dev set, for a reader to check."""
    if not DEV.exists():
        return []
    out = []
    for c in fuse(_extract(_articles(DEV))):
        if len(c.reports) < 2:
            continue
        r0 = c.reports[0]
        spread = max(
            km((r.latitude or 0, r.longitude or 0), (r0.latitude or 0, r0.longitude or 0))
            for r in c.reports
        )
        out.append(
            {
                "canonical": c.id,
                "event": f"{c.event.sub_event_type} {c.event.event_date} {c.event.location}",
                "reports": [
                    f"{r.article_id} ({r.outlet}): {r.location} {r.event_date}" for r in c.reports
                ],
                "spread_km": round(spread, 1),
                "why": [m.matched for m in c.merges],
                "conflicts": [f"{x.field}: {x.reason}" for x in c.event.conflicts],
            }
        )
    return out


def article_pairs(arts: list[dict], incidents: dict[str, str]) -> dict:
    """Article-pair precision and recall of fusion on real incidents told by several
    outlets (`incidents`: article id → incident label)."""
    clusters = fuse(_extract(arts))
    fused: set[tuple[str, str]] = set()
    for c in clusters:
        ids = sorted({str(r.article_id) for r in c.reports})
        fused.update(combinations(ids, 2))
    labelled = sorted(a["id"] for a in arts if a["id"] in incidents)
    truth = {(a, b) for a, b in combinations(labelled, 2) if incidents[a] == incidents[b]}
    pred = {pair for pair in fused if pair[0] in incidents and pair[1] in incidents}
    tp = len(pred & truth)
    return {
        "articles": len(labelled),
        "incidents": len(set(incidents.values())),
        "true_pairs": len(truth),
        "fused_pairs": len(pred),
        "precision": round(tp / len(pred), 3) if pred else 1.0,
        "recall": round(tp / len(truth), 3) if truth else 1.0,
        "missed": sorted(f"{a} ~ {b}: {incidents[a]}" for a, b in truth - pred),
        "false": sorted(f"{a} ~ {b}" for a, b in pred - truth),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--audit", type=Path, help="articles of the audit's fusion incidents")
    a = ap.parse_args()
    res = {"fixture": pairwise(_articles(FIXTURE)), "dev_merges": dev_merges()}
    if a.audit:
        labels = _articles(ROOT / "audit" / "older" / "fusion.jsonl")
        res["audit"] = article_pairs(_articles(a.audit), {x["id"]: x["incident"] for x in labels})
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    f = res["fixture"]
    print(
        f"fixture: {f['reports']} reports -> {f['canonical_events']} canonical events; "
        f"pairwise precision {f['precision']} recall {f['recall']} "
        f"(true {f['pairs_true_merge']}, false {f['pairs_false_merge']}, missed {f['pairs_missed_merge']})"
    )
    for u in f["unlabelled"]:
        print(f"  unlabelled report: {u}")
    if "audit" in res:
        x = res["audit"]
        print(
            f"audit: {x['articles']} articles, {x['incidents']} incidents, {x['true_pairs']} "
            f"article pairs of one incident; fused pairs {x['fused_pairs']}: precision "
            f"{x['precision']} recall {x['recall']}"
        )
        for m in x["missed"]:
            print(f"  missed: {m}")
        for m in x["false"]:
            print(f"  false: {m}")
    print(f"dev set merges: {len(res['dev_merges'])}")
    for m in res["dev_merges"]:
        print(f"  {m['canonical']}  {m['event']}  (spread {m['spread_km']} km)")
        for r in m["reports"]:
            print(f"      {r}")
        print(f"      why: {m['why']}")
        for c in m["conflicts"]:
            print(f"      conflict: {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
