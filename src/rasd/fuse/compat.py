"""When two reports may describe one event: the same type, a compatible day, places close
enough for their precision, and compatible perpetrators. Fusion across articles uses
`compatible`; in-article deduplication uses `same_place`.
"""

from __future__ import annotations

from rasd.fuse.actors import actor_similarity
from rasd.geo import km
from rasd.model import Event
from rasd.settings import SETTINGS
from rasd.taxonomy import taxonomy


def _uncertain_day(ev: Event) -> bool:
    if ev.time_precision and ev.time_precision > 1:
        return True
    return any(e.rule.startswith("default") for e in ev.fields.get("event_date", []))


def compatible(a: Event, b: Event) -> tuple[bool, list[str], float]:
    """Whether two reports may describe one event, the fields that matched, and a cost."""
    if a.article_id is not None and a.article_id == b.article_id:
        return False, [], 0.0  # one article's events were already merged by the extractor
    if a.event_type != b.event_type:
        return False, [], 0.0
    matched = ["event_type"]
    if a.event_date is None or b.event_date is None:
        if a.event_date != b.event_date:
            return False, [], 0.0
        days = 0
    else:
        days = abs((a.event_date - b.event_date).days)
        if days > 1 or (days == 1 and not (_uncertain_day(a) or _uncertain_day(b))):
            return False, [], 0.0
    matched.append("event_date" if days == 0 else "event_date±1")
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return False, [], 0.0
    d = km((a.latitude, a.longitude), (b.latitude, b.longitude))
    pa, pb = a.geo_precision or 1, b.geo_precision or 1
    if a.location == b.location:
        matched.append("location")
    elif 3 in (pa, pb):
        if not (a.country == b.country and a.admin1 and a.admin1 == b.admin1):
            return False, [], 0.0
        matched.append(f"admin1 {a.admin1}")
    elif 2 in (pa, pb):
        # near a town: within `near_km`, but a named facility is itself the place (the
        # shelling "outside al-Mayadin" is not the rockets on the base 8 km away)
        limit = SETTINGS.named_km if _facility(a) or _facility(b) else SETTINGS.near_km
        if d > limit:
            return False, [], 0.0
        matched.append(f"near, {d:.1f} km")
    elif d > SETTINGS.named_km:
        return False, [], 0.0
    else:
        matched.append(f"place {d:.1f} km")
    # the perpetrator, when both reports name one: two different attackers, two events
    # (targets are too often described loosely to tell events apart)
    x, y = a.actor1, b.actor1
    if (
        not generic_actor(x)
        and not generic_actor(y)
        and "actor1" in a.fields
        and "actor1" in b.fields
    ):
        if actor_similarity(x, y) < 0.6:
            return False, [], 0.0
        matched.append("actor1")
    return True, matched, d + 10.0 * days + (5.0 if 3 in (pa, pb) else 0.0)


def _facility(ev: Event) -> bool:
    return any(":facility:" in e.rule for e in ev.fields.get("location", []))


def generic_actor(name: str | None) -> bool:
    """No actor, or one of the generic names ACLED codes when the text names none."""
    return name is None or name in taxonomy().default_actors
