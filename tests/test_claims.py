from datetime import date

import rasd
from rasd.claims import find_conflicts
from rasd.model import Claim


def c(field: str, value: object, source: str, kind: str = "official") -> Claim:
    return Claim(field, value, source, kind, "X", "a", 0, 1, "q")


def test_seed_ain_al_asad_carries_both_accounts_and_their_contradictions(seed, seed_events):
    ev = next(
        e
        for e in seed_events
        if e.location == "Ain al-Asad Air Base" and e.event_date == date(2022, 1, 5)
    )
    assert ev.fatalities == 0
    fields = {x.field for x in ev.conflicts}
    assert {"impact", "damage"} <= fields
    impact = next(x for x in ev.conflicts if x.field == "impact")
    sides = {impact.a.source: impact.a.value, impact.b.source: impact.b.value}
    assert sides.get("coalition official (AFP)") == "outside"
    assert "inside" in sides.values()
    for side in (impact.a, impact.b):
        assert seed["text"][side.start : side.end] == side.quote  # both quotes point into the text
    assert "coalition official (AFP)" in ev.sources
    assert "disagree on impact" in (ev.notes or "")


def test_conflicting_tolls_keep_the_lowest_and_say_so():
    text = (
        "قتل ثلاثة أشخاص في انفجار عبوة ناسفة في حي الكرادة ببغداد اليوم، بحسب مصدر أمني. "
        "وقال مصدر طبي إن سبعة أشخاص قتلوا في الانفجار."
    )
    ev = rasd.extract(text, published=date(2023, 3, 14))[0]
    assert ev.fatalities == 3
    assert any(x.field == "fatalities" for x in ev.conflicts)
    assert "lowest figure" in (ev.notes or "")


def test_same_source_or_compatible_values_are_no_conflict():
    assert find_conflicts([c("damage", "minor", "A"), c("damage", "material", "B")]) == []
    assert find_conflicts([c("fatalities", 3, "A"), c("fatalities", 5, "A")]) == []
    assert len(find_conflicts([c("damage", "none", "A"), c("damage", "minor", "B")])) == 1


def test_agreeing_independent_sources_raise_confidence():
    from rasd.claims import field_confidence

    one = field_confidence([c("fatalities", 3, "A", "anonymous")], [])
    two = field_confidence(
        [c("fatalities", 3, "A", "anonymous"), c("fatalities", 3, "B", "official")], []
    )
    assert two["fatalities"] > one["fatalities"]
