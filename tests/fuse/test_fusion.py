"""Cross-outlet fusion on the fixture built from the seed and reports written for rasd."""

import json
import random
import sys
from pathlib import Path

import pytest

from rasd.fuse.fusion import fuse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from measure_fusion import FIXTURE, _articles, _extract, pairwise  # noqa: E402


@pytest.fixture(scope="module")
def reports():
    return _extract(_articles(FIXTURE))


def clusters(canon):
    return {
        frozenset((r.article_id, r.location, str(r.event_date)) for r in c.reports) for c in canon
    }


def test_pairwise_precision_and_recall_on_the_fixture():
    res = pairwise(_articles(FIXTURE))
    assert res["unlabelled"] == []
    assert res["precision"] >= 0.9 and res["recall"] >= 0.9


def test_one_incident_from_many_outlets_fuses(reports):
    canon = fuse(reports)
    ain = next(
        c
        for c in canon
        if c.event.location == "Ain al-Asad Air Base" and str(c.event.event_date) == "2022-01-05"
    )
    assert {r.article_id for r in ain.reports} == {
        "seed-73ea38c8",
        "fx-ain-asad-b",
        "fx-ain-asad-c",
    }
    assert ain.event.fatalities == 0
    assert ain.merges and all(
        "event_type" in m.matched for m in ain.merges
    )  # the decision is explained
    green = next(
        c
        for c in canon
        if c.event.location == "Green Village base" and str(c.event.event_date) == "2022-01-05"
    )
    assert len(green.reports) == 3  # weekday, calendar date and the seed's own account


def test_look_alikes_stay_apart(reports):
    canon = fuse(reports)
    omar = next(c for c in canon if c.event.location == "Al-Omar oil field")
    assert all(r.location == "Al-Omar oil field" for r in omar.reports)  # two bases, one night
    karrada = sorted(
        (str(c.event.event_date), len(c.reports)) for c in canon if c.event.location == "Karrada"
    )
    assert karrada == [("2023-03-13", 2), ("2023-03-14", 1)]  # the same district, the next day


def test_conflicting_tolls_across_outlets(reports):
    canon = fuse(reports)
    k = next(
        c
        for c in canon
        if c.event.location == "Karrada" and str(c.event.event_date) == "2023-03-13"
    )
    assert k.event.fatalities == 3
    assert any(x.field == "fatalities" for x in k.event.conflicts)
    assert k.source_scale == "2 outlets"


def test_idempotent_and_order_free(reports):
    a = fuse(reports)
    shuffled = list(reports)
    random.Random(7).shuffle(shuffled)
    b = fuse(shuffled)
    assert [c.id for c in a] == [c.id for c in b]
    assert clusters(a) == clusters(b)
    assert json.dumps([c.to_dict() for c in a], default=str) == json.dumps(
        [c.to_dict() for c in b], default=str
    )


def test_adding_an_article_updates_its_canonical_event(reports):
    without = [r for r in reports if r.article_id != "fx-ain-asad-c"]
    before = next(
        c
        for c in fuse(without)
        if c.event.location == "Ain al-Asad Air Base" and str(c.event.event_date) == "2022-01-05"
    )
    after = next(c for c in fuse(reports) if c.id == before.id)
    assert len(after.reports) == len(before.reports) + 1


def _report(
    aid, day, location, lat, lon, *, precision=1, rule="date:x", facility=False, actor=None
):
    from datetime import date

    from rasd.model import Event, Evidence

    ev = Event("Explosions/Remote violence", "Remote explosive/landmine/IED")
    ev.article_id, ev.event_date, ev.location = aid, date.fromisoformat(day), location
    ev.country, ev.admin1, ev.latitude, ev.longitude = "IRQ", "Anbar", lat, lon
    ev.geo_precision = precision
    ev.cite("event_date", Evidence(0, 1, "x", rule))
    kind = "facility" if facility else "city"
    ev.cite("location", Evidence(0, 1, "x", f"gazetteer:{kind}:x"))
    if actor:
        ev.actor1 = actor
        ev.cite("actor1", Evidence(0, 1, "x", "actor:x"))
    return ev


def test_a_report_dated_by_default_fuses_with_the_day_another_gives():
    from rasd.fuse import compatible

    told = _report("a", "2022-01-05", "Ramadi", 33.42, 43.30)
    later = _report("b", "2022-01-07", "Ramadi", 33.42, 43.30, rule="default: publication date")
    assert compatible(told, later)[0]
    # two sure days apart are two events
    assert not compatible(told, _report("c", "2022-01-06", "Ramadi", 33.42, 43.30))[0]


def test_a_facility_fuses_with_the_town_it_is_in_but_not_with_another_facility():
    from rasd.fuse import compatible

    town = _report("a", "2022-01-05", "Ramadi", 33.42, 43.30)
    base = _report("b", "2022-01-05", "Ramadi base", 33.47, 43.33, facility=True)
    other = _report("c", "2022-01-05", "Other base", 33.50, 43.36, facility=True)
    assert compatible(town, base)[0]
    assert not compatible(base, other)[0]


def test_one_name_in_two_countries_is_two_places_and_a_different_perpetrator_only_costs():
    from rasd.fuse import compatible

    a = _report("a", "2022-01-05", "Ramadi", 33.42, 43.30, actor="Islamic State")
    b = _report("b", "2022-01-05", "Ramadi", 33.42, 43.30, actor="Popular Mobilization Forces")
    ok, _, cost = compatible(a, b)
    assert ok and cost >= 8
    far = _report("c", "2022-01-05", "Ramadi", 30.0, 40.0)
    far.country = "SAU"
    assert not compatible(a, far)[0]
