"""The record builder: a mention becomes an `Event` with every field's value, its evidence
(original offsets and the rule behind it) and the claims its sentence makes."""

from __future__ import annotations

from dataclasses import replace

from rasd import claims
from rasd.extraction.actors import coalition, default_actors, state_actor
from rasd.extraction.context import ArticleContext
from rasd.extraction.dates import date_event
from rasd.extraction.mention import Mention, told_apart
from rasd.extraction.places import PlaceMention, coded_place, precision
from rasd.gazetteer import load as load_gazetteer
from rasd.gazetteer import sea_coasts
from rasd.model import Article, Event, Evidence, Teller
from rasd.text.normalize import Normalized
from rasd.text.words import grammar

_ARMED_GROUPS = frozenset({2, 3, 4})  # ACLED inter codes: rebels, political and identity militias


def to_event(m: Mention, ctx: ArticleContext) -> Event | None:
    """The event record of a mention; None when it has no place or its day shows it is not
    this article's news."""
    article, n = ctx.article, ctx.n
    if m.place is None:
        return None
    ev = Event(m.event_type, m.sub_event_type)
    ev.article_id, ev.outlet, ev.published, ev.url = (
        article.id,
        article.outlet,
        article.published,
        article.url,
    )
    s0, s1 = n.span(m.sentence.start, m.sentence.end)
    ev.evidence, ev.evidence_span = n.original[s0:s1], (s0, s1)
    a = m.frame.anchor
    # who said what: every value read from this sentence carries its source
    said_by = m.sources[0].name if m.sources else article.outlet
    apart = " (separate)" if told_apart(n.text, a.start, a.end) else ""
    ev.cite(
        "event_type",
        Evidence.at(n, a.start, a.end, f"trigger:{a.value.category}:{a.surface}{apart}", said_by),
    )
    _place(ev, m.place, m.inherited_place, n)
    dated = date_event(ev, m.date_, article, lambda s, e, rule: Evidence.at(n, s, e, rule))
    if dated == "drop":
        return None
    if dated == "year":
        return ev
    for t in m.tolls:
        setattr(ev, t.field, t.value)
        ev.cite(t.field, Evidence.at(n, t.start, t.end, f"toll:{t.rule}", said_by))
    if m.munitions:
        ev.munitions = m.munitions[0]
        ev.cite(
            "munitions",
            Evidence.at(n, m.munitions[1], m.munitions[2], "count before weapon", said_by),
        )
    ev.weapon = m.weapon
    country = ev.country or ctx.main_country
    if m.place.place.kind == "sea":
        country = ctx.main_country or country
    _actors(ev, m, n, country, said_by)
    _name_the_rebels(ev, ctx, country)
    if _abducts(ev):
        # an armed group named as the subject of «arrest» abducts (ACLED: arrests are by
        # state forces)
        ev.event_type = "Violence against civilians"
        ev.sub_event_type = "Abduction/forced disappearance"
    default_actors(ev, m.frame, _owner(m.place, ctx.text))
    if m.place.place.kind == "sea":
        ev.country = _sea_country(m, m.place.place.name, country)
    ev.sources = [s.name for s in m.sources]
    _claims(ev, m, n, article, country)
    for s in m.sources:
        if s.start >= 0:
            ev.cite("sources", Evidence.at(n, s.start, s.end, f"source:{s.rule}"))
    return ev


def _abducts(ev: Event) -> bool:
    if ev.sub_event_type != "Arrests" or ev.inter1 not in _ARMED_GROUPS:
        return False
    said = ev.fields.get("actor1") or []
    return ev.actor1 != GENERIC_ARMED and any(":subject" in e.rule for e in said[:1])


def _place(ev: Event, pm: PlaceMention, inherited: bool, n: Normalized) -> None:
    place = coded_place(pm)
    ev.country, ev.admin1, ev.location = place.iso3, place.admin1, place.name
    ev.latitude, ev.longitude = place.lat, place.lon
    ev.geo_precision = precision(pm)
    ev.cite(
        "location",
        Evidence.at(n, pm.start, pm.end, pm.rule + (" (inherited)" if inherited else "")),
    )


_CROWDS = ("Protests", "Riots")


def _owner(pm: PlaceMention, text: str) -> str | None:
    """The country whose nisba follows a facility (قاعدة عين الأسد الأمريكية: the USA)."""
    if pm.place.kind != "facility":
        return None
    hit = next(iter(load_gazetteer().adjectives.find(text[pm.end : pm.end + 16])), None)
    return hit.value if hit is not None and hit.start == 1 else None


def _sea_country(m: Mention, sea: str, main: str | None) -> str:
    """SPEC: an event at sea takes the coastal state its claimant or target side is based
    in (Houthi attacks in the Red Sea: Yemen), else the article's country if it is on that
    coast, else the area's first coastal state."""
    coasts = sea_coasts().get(sea, ())
    homes = [am.entry.iso3 for am, _ in m.actors1 + m.actors2] + [main or ""]
    return next((iso for iso in homes if iso in coasts), coasts[0] if coasts else "")


def _actors(ev: Event, m: Mention, n: Normalized, country: str | None, said_by: str | None) -> None:
    """actor1 and actor2: the first candidate of each role that names someone other than
    the other side."""
    for role, lst in (("actor1", m.actors1), ("actor2", m.actors2)):
        for am, rule in lst:
            name = state_actor(am, country)
            if name is None or (role == "actor2" and name == ev.actor1):
                continue
            name = coalition(name, am, country)
            inter = am.entry.inter
            if am.entry.kind == "civilians" and ev.event_type in _CROWDS:
                if role == "actor2":
                    continue  # the crowd is not its own target
                name, inter = "Protesters", 6  # نظم مئات الطلاب وقفة: the students protest
            if role == "actor1" and inter == 1 and ev.event_type in _CROWDS:
                # فضت الشرطة اعتصاما: the forces face the protest, the crowd is actor1
                if ev.actor2 is None:
                    ev.actor2, ev.inter2 = name, inter
                continue
            if getattr(ev, role) is None:
                setattr(ev, role, name)
                setattr(ev, "inter1" if role == "actor1" else "inter2", inter)
                ev.cite(
                    role, Evidence.at(n, am.start, am.end, f"actor:{am.surface}:{rule}", said_by)
                )


GENERIC_ARMED = "Unidentified armed group"


def _name_the_rebels(ev: Event, ctx: ArticleContext, country: str | None) -> None:
    """«المتمردون» in an article that names one rebel group of the event's country (the
    Houthis in Yemen) refers back to it: the group named, with the descriptor's evidence.
    Unknown gunmen (مسلحون مجهولون) stay unidentified."""
    words = set(grammar("referring_descriptors"))
    for role in ("actor1", "actor2"):
        cited = ev.fields.get(role, [])
        if getattr(ev, role) != GENERIC_ARMED or not cited:
            continue
        surface = cited[0].rule.split(":")[1]
        if not any(surface.endswith(w) and len(surface) - len(w) <= 2 for w in words):
            continue
        named = {
            a.entry.actor
            for a in ctx.actors.items
            if a.entry.kind == "nonstate" and a.entry.inter == 2 and a.entry.iso3 == country
        }
        other = ev.actor2 if role == "actor1" else ev.actor1
        if len(named) == 1 and next(iter(named)) != other:  # not both sides
            setattr(ev, role, next(iter(named)))
            ev.fields[role] = [replace(cited[0], rule=cited[0].rule + ":the rebels named")]


def _claims(ev: Event, m: Mention, n: Normalized, article: Article, country: str | None) -> None:
    """What the sentence's source asserts: figures, munitions, impact, damage, blame."""
    first = m.sources[0] if m.sources else None
    name = first.name if first else (article.outlet or "the outlet")
    kind = claims.source_kind(first.rule) if first else "outlet"

    teller = Teller(name, kind, article.outlet, article.id)
    for t in m.tolls:
        ev.claims.append(teller.claim(n, t.field, t.value, t.start, t.end))
    if m.munitions:
        count, start, end = m.munitions
        ev.claims.append(teller.claim(n, "munitions", count, start, end))
    ev.claims.extend(
        claims.sentence_claims(
            n,
            m.sentence.start,
            m.sentence.end,
            teller,
            [
                (am.start, state_actor(am, country) or am.entry.actor)
                for am, _ in m.actors1 + m.actors2
            ],
        )
    )
