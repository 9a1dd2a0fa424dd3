"""Within-article merging: mentions of one event (same type, day and place) become one
event carrying every source and span; when figures disagree the lowest is kept (ACLED).
"""

from __future__ import annotations

from datetime import date

import regex

from rasd.geo import km
from rasd.model import Event
from rasd.settings import SETTINGS
from rasd.taxonomy import taxonomy
from rasd.text.normalize import key
from rasd.text.words import grammar

GENERIC = {"Unidentified armed group", "Civilians", None}


def _same_day(a: Event, b: Event) -> bool:
    """The same day, or a lead mention dated by default to publication (or a toll update)
    and a mention that gives the day, up to two days before it (قتل جنديان في انفجار …
    مساء السبت)."""
    if a.event_date == b.event_date:
        return True
    if a.event_date is None or b.event_date is None:
        return False
    later, earlier = (a, b) if a.event_date > b.event_date else (b, a)
    assert later.event_date is not None and earlier.event_date is not None
    return (
        (_default_day(later) or _toll_update(later))
        and not _default_day(earlier)
        and (later.event_date - earlier.event_date).days <= 2
    )


def _before(x: date | None, y: date | None) -> bool:
    return x is not None and y is not None and x < y


def _toll_update(ev: Event) -> bool:
    """ارتفعت حصيلة الاشتباكات … إلى 52 قتيلا، … اليوم السبت: the day given is the update's,
    the fighting it counts may have begun the day before."""
    return any(e.rule == "toll:rose to" for e in ev.fields.get("fatalities", []))


def _default_day(ev: Event) -> bool:
    return any(e.rule.startswith("default") for e in ev.fields.get("event_date", []))


def _same(a: Event, b: Event) -> bool:
    if not _same_day(a, b):
        return False
    if a.location == b.location:
        return True
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return False
    d = km((a.latitude, a.longitude), (b.latitude, b.longitude))
    return d <= SETTINGS.same_place_km or (d <= SETTINGS.part_of_km and _part_of(a, b))


def _place_kind(ev: Event) -> str | None:
    """The gazetteer kind of the event's place (city, district, facility …)."""
    rules = [e.rule for e in ev.fields.get("location", []) if e.rule.startswith("gazetteer:")]
    return rules[0].split(":")[1] if rules else None


def _part_of(a: Event, b: Event) -> bool:
    """A town and a quarter near it, told as the same kind of event: قصف إسرائيلي شمال
    غربي غزة in the headline is the strike on حي الشيخ رضوان in the text. (A facility
    near a town is often a target of its own: a base, an airport.)"""
    kinds = {_place_kind(a), _place_kind(b)}
    return kinds == {"city", "district"} and a.sub_event_type == b.sub_event_type


def _coarse_within(a: Event, b: Event) -> bool:
    """b is placed only at province level and a, the same day, inside that province."""
    return (
        b.geo_precision == 3
        and a.geo_precision in (1, 2)
        and a.event_date == b.event_date
        and a.country == b.country
        and a.admin1 is not None
        and a.admin1 == b.admin1
    )


# trigger categories that name an attack without saying how it was made
_BARE_ATTACK = ("trigger:attack:", "trigger:massacre:", "trigger:kill:")


def _unarmed_attack(ev: Event) -> bool:
    """An attack told with no weapon (مجزرة، هجوم، استهداف): on civilians, or an armed
    clash read from nothing but an attack word (تسبب هجوم أمس في تصاعد الدخان)."""
    if ev.weapon is not None:
        return False
    if ev.sub_event_type == "Attack":
        return True
    rules = [e.rule for e in ev.fields.get("event_type", [])]
    return (
        ev.sub_event_type == "Armed clash"
        and bool(rules)
        and all(r.startswith(_BARE_ATTACK) for r in rules)
    )


def _named_weapon(unarmed: Event, armed: Event) -> bool:
    """ACLED codes an attack on civilians by air strike or shelling as the strike: a
    massacre told with no weapon (مجزرة إسرائيلية برفح) is the strike the article tells
    the same day at the same place (قصف مقاتلات إسرائيلية خيام النازحين برفح)."""
    return (
        _unarmed_attack(unarmed)
        and armed.event_type == "Explosions/Remote violence"
        and (
            unarmed.actor1 in GENERIC | {armed.actor1}
            # تبنى داعش الهجمات … ثلاث عمليات استشهادية قتلت 11 شخصا: a bombing that names no
            # side is the attack a group claimed
            or unarmed.sub_event_type == "Attack"
            and armed.actor1 in GENERIC
            and armed.sub_event_type in _BOMBINGS
        )
    )


_BOMBINGS = ("Suicide bomb", "Remote explosive/landmine/IED")


def _absorbs(a: Event, b: Event) -> bool:
    """Whether b is another mention of a (or the intercepted part of a's salvo)."""
    if _apart(b) and b.evidence_span != a.evidence_span:
        return False  # وفي انفجار آخر منفصل: told as another event than those before
    if (_unnamed_place(a) or _unnamed_place(b)) and b.evidence_span != a.evidence_span:
        return False  # each act at a place the gazetteer lacks is its own (قذائف … بمنطقة نصص)
    if a.event_type == b.event_type and (_coarse_within(a, b) or _coarse_within(b, a)):
        return True
    if _dates_told_event(a, b):
        return True
    if not _same(a, b):
        return False
    if _named_weapon(a, b) or _named_weapon(b, a):
        return True
    if a.event_type == b.event_type:
        # a second bomb defused where one went off is its own event
        return not (_defusal(a) ^ _defusal(b))
    # "air defences shot down others": a partial interception belongs to the attack
    return (
        b.sub_event_type == "Disrupted weapons use"
        and a.event_type == "Explosions/Remote violence"
        and any(e.rule.startswith("trigger:intercept") for e in b.fields.get("event_type", []))
    )


def _unnamed_place(ev: Event) -> bool:
    """Placed in its story's province for want of the place it names."""
    return any(e.rule.startswith("story:province") for e in ev.fields.get("location", []))


def _apart(ev: Event) -> bool:
    return ev.event_type in taxonomy().violent and any(
        e.rule.endswith("(separate)") for e in ev.fields.get("event_type", [])
    )


def _dates_told_event(a: Event, b: Event) -> bool:
    """b follows a in the next sentences, at a's place, and gives the day a was told
    without (مرتكب هجوم نيس … الهجوم الذي أسفر عن مقتل 84 شخصا الخميس الماضي): a's day,
    when it names a day of the week before."""
    return (
        _follow_up(b)
        and a.sub_event_type == b.sub_event_type
        and a.location == b.location
        and _default_day(a)
        and not _default_day(b)
        and a.event_date is not None
        and b.event_date is not None
        and b.time_precision == 1
        and 0 <= (a.event_date - b.event_date).days <= 7
    )


def _defusal(ev: Event) -> bool:
    return ev.sub_event_type == "Disrupted weapons use" and not any(
        e.rule.startswith("trigger:intercept") for e in ev.fields.get("event_type", [])
    )


def _low(x: int | None, y: int | None) -> int | None:
    if x is None:
        return y
    if y is None:
        return x
    return min(x, y)


def _follow_up(ev: Event) -> bool:
    """A mention placed by the sentence before it: it adds detail, not a rival report."""
    return any("(inherited)" in e.rule for e in ev.fields.get("location", []))


def _whole_salvo(a: Event, b: Event) -> bool:
    """b, an interception folded into the attack a, stopped all of it (تمكنت الدفاعات من
    اعتراضهما، اعترضتها جميعا) and a hurt nobody: SPEC codes Disrupted weapons use."""
    if a.event_type != "Explosions/Remote violence" or a.fatalities or a.injuries:
        return False
    if not any(e.rule.startswith("trigger:intercept") for e in b.fields.get("event_type", [])):
        return False
    said = key(b.evidence)
    if any(key(w) in said for w in grammar("whole_salvo")):
        return True
    # a verb or noun of intercepting with the salvo as its object pronoun
    stems = tuple(key(w) for w in grammar("intercept_stems"))
    endings = tuple(key(p) for p in grammar("object_pronouns"))
    words = regex.findall(r"\p{L}+", said)
    if any(w.startswith(stems) and w.endswith(endings) and w not in stems for w in words):
        return True
    # اعترضت الدفاعات صاروخا أطلق باتجاه …: a salvo of missiles or drones of which nothing
    # is told to have landed, nor the interception to be of part of it (اعترضت ثلاثة منها)
    if not (
        a.sub_event_type == "Shelling/artillery/missile attack"
        or (a.sub_event_type == "Air/drone strike" and a.weapon == "drone")
    ):
        return False
    told = set(regex.findall(r"\p{L}+", key(a.evidence)))
    return not told & _words("landing_words") and not set(words) & _words("partial_words")


def _interception_sides(
    a: Event, b: Event
) -> tuple[str | None, int | None, str | None, int | None]:
    """(actor1, inter1, actor2, inter2) of an attack a stopped whole by the interception b:
    the interceptor (the side named by an air defence word, قوات الدفاع الجوي، القبة
    الحديدية; else b's actor1 when it is not the attack's) on the side that fired."""
    defence = [key(w) for w in grammar("air_defence_words")]
    sides = [
        (
            ev.actor1 if role == "actor1" else ev.actor2,
            ev.inter1 if role == "actor1" else ev.inter2,
            role,
            ev,
        )
        for ev in (a, b)
        for role in ("actor1", "actor2")
    ]
    named = [
        (actor, inter)
        for actor, inter, role, ev in sides
        if actor not in GENERIC
        and any(d in key(x.text) for x in ev.fields.get(role, []) for d in defence)
    ]
    if named:
        guard = named[0]
    elif b.actor1 != a.actor1:
        guard = (b.actor1, b.inter1)
    else:
        guard = (a.actor2, a.inter2) if a.actor2 not in GENERIC else (b.actor1, b.inter1)
    fired = next(
        (
            (actor, inter)
            for actor, inter, _, _ in sides
            if actor not in GENERIC and actor != guard[0]
        ),
        ("Unidentified armed group", 3),
    )
    return guard[0], guard[1], fired[0], fired[1]


def _words(name: str) -> set[str]:
    return {key(w) for w in grammar(name)}


# protest sub-types by the force the protest met
_PROTEST_FORCE = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
}


def _fold(a: Event, b: Event, seen: dict[str, set[object]]) -> None:
    if _whole_salvo(a, b):
        # the salvo never landed: the interceptor acted, on the side that fired it
        a.event_type, a.sub_event_type = b.event_type, b.sub_event_type
        if b.actor1 not in GENERIC:
            a.actor1, a.inter1, a.actor2, a.inter2 = _interception_sides(a, b)
            a.fields.pop("actor1", None)
            a.fields.pop("actor2", None)
    if _named_weapon(a, b):
        # the strike's type, weapon and sides replace the bare "attack"
        a.event_type, a.sub_event_type, a.weapon = b.event_type, b.sub_event_type, b.weapon
        a.fields["event_type"] = []
        if b.actor1 not in GENERIC:
            # the strike's two sides: the attack's guess must not stay beside them
            a.actor1, a.inter1, a.actor2, a.inter2 = b.actor1, b.inter1, b.actor2, b.inter2
            a.fields.pop("actor1", None)
            a.fields.pop("actor2", None)
    if (
        a.event_type == b.event_type == "Protests"
        and _PROTEST_FORCE[b.sub_event_type] > _PROTEST_FORCE[a.sub_event_type]
    ):
        # a protest told as shot at in one mention met that force, however told elsewhere
        a.sub_event_type = b.sub_event_type
    dated = not _default_day(b) and b.event_date is not None
    # the day a toll rose is not the fighting's
    updated = _toll_update(a) and not _toll_update(b) and _before(b.event_date, a.event_date)
    if dated and (_default_day(a) or updated):
        # the mention that gives the day dates the event
        a.event_date, a.time_precision = b.event_date, b.time_precision
        a.fields["event_date"] = []
    for f in ("fatalities", "injuries"):
        if _follow_up(b) and getattr(a, f) is not None:
            continue  # "a village guard was killed" details the total, it does not rival it
        setattr(a, f, _low(getattr(a, f), getattr(b, f)))
    a.munitions = a.munitions if a.munitions is not None else b.munitions
    if b.event_type == a.event_type:
        a.weapon = a.weapon or b.weapon
        if a.actor1 in GENERIC and b.actor1 not in GENERIC and b.actor1 != a.actor2:
            a.actor1, a.inter1 = b.actor1, b.inter1
        if a.actor2 in GENERIC and b.actor2 not in GENERIC and b.actor2 != a.actor1:
            a.actor2, a.inter2 = b.actor2, b.inter2
    if b.geo_precision is not None and (
        a.geo_precision is None or b.geo_precision < a.geo_precision
    ):
        # the more precise mention places the event
        a.country, a.admin1, a.location = b.country, b.admin1, b.location
        a.latitude, a.longitude, a.geo_precision = b.latitude, b.longitude, b.geo_precision
    for s in b.sources:
        if s not in a.sources:
            a.sources.append(s)
    for k, evs in b.fields.items():
        if k not in seen:
            seen[k] = set(a.fields.get(k, []))
        have = seen[k]
        for e in evs:
            if e not in have:
                a.cite(k, e)
                have.add(e)
    a.mentions += b.mentions
    have_claims = {(c.field, c.start, c.source) for c in a.claims}
    a.claims.extend(c for c in b.claims if (c.field, c.start, c.source) not in have_claims)


def merge_events(events: list[Event]) -> list[Event]:
    """Fold repeated mentions of one event into its first mention, keeping article order;
    again while a pass folds any (a mention that gives the day can make two the same)."""
    out = _merge_pass(events)
    while len(out) < len(events):
        events, out = out, _merge_pass(out)
    return out


def _merge_pass(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    seen: dict[int, dict[str, set[object]]] = {}  # evidence already cited, per host event
    # attacks first so that an interception joins the attack it belongs to
    order = sorted(
        range(len(events)), key=lambda i: events[i].sub_event_type == "Disrupted weapons use"
    )
    for i in order:
        ev = events[i]
        host = next((o for o in out if _absorbs(o, ev)), None)
        if host is None:
            out.append(ev)
        else:
            _fold(host, ev, seen.setdefault(id(host), {}))
    out.sort(key=lambda e: e.evidence_span[0])
    return out
