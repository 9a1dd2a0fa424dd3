"""Scoring predicted events against gold annotations, as SPEC.md defines it.

Within an article a prediction may match a gold event of the same event type, within
50 km (or the same admin1 when either side is only placed at province level) and one
day; pairs are taken one-to-one, cheapest first. Attributes are scored on the pairs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rasd.fuse.actors import actor_similarity
from rasd.geo import km

MATCH_KM = 50.0
LOCATION_OK_KM = 25.0
ACTOR_OK = 0.6
ATTRIBUTES = (
    "sub_event_type",
    "location",
    "event_date",
    "fatalities",
    "actor1",
    "actor2",
    "munitions",
)


def distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    try:
        p = (float(a["latitude"]), float(a["longitude"]))
        q = (float(b["latitude"]), float(b["longitude"]))
    except (KeyError, TypeError, ValueError):
        return None
    return km(p, q)


def _day(v: Any) -> date | None:
    try:
        return date.fromisoformat(str(v)[:10]) if v else None
    except ValueError:
        return None


def _norm(s: Any) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(s or "").lower()).strip()


def match_cost(g: dict[str, Any], p: dict[str, Any]) -> float | None:
    """The cost of pairing gold g with prediction p, or None when they cannot match."""
    if _norm(g.get("event_type")) != _norm(p.get("event_type")):
        return None
    dg, dp = _day(g.get("event_date")), _day(p.get("event_date"))
    if (dg is None) != (dp is None):
        return None
    days = abs((dg - dp).days) if dg and dp else 0
    if days > 1:
        return None
    dist = distance_km(g, p)
    coarse = 3 in (g.get("geo_precision"), p.get("geo_precision"))
    same_admin = bool(_norm(g.get("admin1"))) and _norm(g.get("admin1")) == _norm(p.get("admin1"))
    if (dist is None or dist > MATCH_KM) and not (coarse and same_admin):
        return None
    cost = (dist if dist is not None else MATCH_KM) + 25.0 * days
    if _norm(g.get("sub_event_type")) != _norm(p.get("sub_event_type")):
        cost += 10.0
    return cost


def pair_events(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index), cheapest first."""
    cands = sorted(
        (c, i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if (c := match_cost(g, p)) is not None
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class Scores:
    articles: int = 0
    missing: int = 0
    gold_events: int = 0
    pred_events: int = 0
    matched: int = 0
    attr_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    negatives: int = 0
    negatives_clean: int = 0
    per_article: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.pred_events if self.pred_events else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute(self, name: str) -> float | None:
        return self.attr_ok[name] / self.matched if self.matched else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "articles_missing_from_pred": self.missing,
            "gold_events": self.gold_events,
            "pred_events": self.pred_events,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "attributes": {
                k: None if (v := self.attribute(k)) is None else round(v, 4) for k in ATTRIBUTES
            },
            "negatives_clean": round(self.negatives_clean / self.negatives, 4)
            if self.negatives
            else None,
        }


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> Scores:
    """Figures for predictions against gold, both keyed by article id."""
    sc = Scores(articles=len(gold))
    for aid, g in gold.items():
        gev = g.get("events") or []
        sc.missing += aid not in pred
        pev = (pred.get(aid) or {}).get("events") or []
        pairs = pair_events(gev, pev)
        sc.gold_events += len(gev)
        sc.pred_events += len(pev)
        sc.matched += len(pairs)
        sc.per_article[aid] = {"gold": len(gev), "pred": len(pev), "matched": len(pairs)}
        if not gev:
            sc.negatives += 1
            sc.negatives_clean += not pev
        for i, j in pairs:
            ge, pe = gev[i], pev[j]
            checks = {
                "sub_event_type": _norm(ge.get("sub_event_type"))
                == _norm(pe.get("sub_event_type")),
                "location": (d := distance_km(ge, pe)) is not None and d <= LOCATION_OK_KM,
                "event_date": _day(ge.get("event_date")) == _day(pe.get("event_date")),
                "fatalities": ge.get("fatalities") == pe.get("fatalities"),
                "actor1": actor_similarity(ge.get("actor1"), pe.get("actor1")) >= ACTOR_OK,
                "actor2": actor_similarity(ge.get("actor2"), pe.get("actor2")) >= ACTOR_OK,
                "munitions": ge.get("munitions") == pe.get("munitions"),
            }
            for k, ok in checks.items():
                sc.attr_ok[k] += bool(ok)
    return sc


def load_jsonl(path: str | Path) -> dict[str, dict[str, Any]]:
    """Articles of a gold or prediction file keyed by id."""
    out: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON: {e}") from e
            if "id" not in rec:
                raise ValueError(f"{path}:{n}: record has no 'id'")
            out[str(rec["id"])] = rec
    return out


def report(sc: Scores, per_article: bool = False) -> str:
    """The figures as text, in the layout of the team's scorer."""
    d = sc.to_dict()
    lines = [
        f"articles {d['articles']} (missing from predictions: {d['articles_missing_from_pred']})",
        f"events   gold {d['gold_events']}  predicted {d['pred_events']}  matched {d['matched']}",
        f"detection  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}",
    ]
    for k, v in d["attributes"].items():
        lines.append(f"  {k:15s} {'-' if v is None else f'{v:.3f}'}")
    if d["negatives_clean"] is not None:
        lines.append(f"negatives with no false event: {d['negatives_clean']:.3f}")
    if per_article:
        for aid, c in sc.per_article.items():
            lines.append(f"  {aid}: gold {c['gold']} pred {c['pred']} matched {c['matched']}")
    return "\n".join(lines)
