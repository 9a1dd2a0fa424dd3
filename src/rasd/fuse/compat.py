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
    return _default_day(ev)


def _default_day(ev: Event) -> bool:
    """The day is the publication day taken by default (on or after the real day)."""
    return any(e.rule.startswith("default") for e in ev.fields.get("event_date", []))


def _day_gap(a: Event, b: Event) -> int | None:
    """Days between the reports' days when they may be one day, else None. Two sure days
    must agree; a day only known to the week or month may be a few days off; a report
    dated by default to its publication may be published up to two days after the day
    another report gives (the follow-up on D+1 and the default on D+2 tell one event)."""
    if a.event_date is None or b.event_date is None:
        return 0 if a.event_date == b.event_date else None
    days = abs((a.event_date - b.event_date).days)
    if days == 0:
        return 0
    if (a.time_precision or 1) > 1 or (b.time_precision or 1) > 1:
        return days if days <= 3 else None
    later = a if a.event_date > b.event_date else b
    if _default_day(later) and days <= 2:
        return days
    if days == 1 and (_uncertain_day(a) or _uncertain_day(b)):
        return days
    return None


def _place_match(a: Event, b: Event) -> tuple[str, float] | None:
    """What made the places match and their distance, or None when they are two places."""
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return None
    d = km((a.latitude, a.longitude), (b.latitude, b.longitude))
    pa, pb = a.geo_precision or 1, b.geo_precision or 1
    if 3 in (pa, pb):
        if a.country == b.country and a.admin1 and a.admin1 == b.admin1:
            return f"admin1 {a.admin1}", d
        return None
    if a.location == b.location:
        # one name, one place: not the same-named town of another country or far away
        return ("location", d) if a.country == b.country and d <= SETTINGS.near_km else None
    fa, fb = _facility(a), _facility(b)
    if fa != fb and d <= SETTINGS.district_km:
        # مطار كابل told by one outlet, كابل by another: the facility is in the town
        return f"inside, {d:.1f} km", d
    if 2 in (pa, pb):
        # near a town: within `near_km`, but a named facility is itself the place (the
        # shelling "outside al-Mayadin" is not the rockets on the base 8 km away)
        limit = SETTINGS.named_km if fa or fb else SETTINGS.near_km
        return (f"near, {d:.1f} km", d) if d <= limit else None
    return (f"place {d:.1f} km", d) if d <= SETTINGS.named_km else None


def compatible(a: Event, b: Event) -> tuple[bool, list[str], float]:
    """Whether two reports may describe one event, the fields that matched, and a cost."""
    if a.article_id is not None and a.article_id == b.article_id:
        return False, [], 0.0  # one article's events were already merged by the extractor
    if a.event_type != b.event_type:
        return False, [], 0.0
    days = _day_gap(a, b)
    place = _place_match(a, b)
    if days is None or place is None:
        return False, [], 0.0
    where, d = place
    matched = ["event_type", "event_date" if days == 0 else f"event_date±{days}", where]
    cost = d + 10.0 * days + (5.0 if 3 in (a.geo_precision, b.geo_precision) else 0.0)
    # the perpetrator, when both reports name one: a different one costs (extracted roles
    # are too often loose to keep two reports apart on them alone)
    x, y = a.actor1, b.actor1
    if (
        not generic_actor(x)
        and not generic_actor(y)
        and "actor1" in a.fields
        and "actor1" in b.fields
    ):
        if actor_similarity(x, y) >= 0.6:
            matched.append("actor1")
        else:
            cost += 8.0
    return True, matched, cost


def _facility(ev: Event) -> bool:
    return any(":facility:" in e.rule for e in ev.fields.get("location", []))


def generic_actor(name: str | None) -> bool:
    """No actor, or one of the generic names ACLED codes when the text names none."""
    return name is None or name in taxonomy().default_actors
