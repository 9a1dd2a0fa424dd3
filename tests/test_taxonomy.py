"""The ACLED taxonomy and what each type implies, read from event_types.yaml."""

import pytest

from rasd.taxonomy import disorder_type, taxonomy


def test_disorder_types_follow_acled():
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations"
    )
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def test_default_actors():
    tax = taxonomy()
    assert tax.of("Battles", "Armed clash").actor1 == ("Unidentified armed group", 3)
    assert tax.of("Violence against civilians", "Attack").actor2 == ("Civilians", 7)
    assert tax.of("Riots", "Mob violence").actor1 == ("Rioters", 5)
    assert tax.of("Strategic developments", "Arrests").actor2 == ("Unidentified armed group", 3)
    assert tax.of("Strategic developments", "Agreement").actor2 is None
    assert "Protesters" in tax.default_actors


def test_every_pair_of_the_taxonomy_has_what_it_implies():
    tax = taxonomy()
    for etype, subs in tax.types.items():
        for sub in subs:
            assert tax.valid(etype, sub)
            assert tax.of(etype, sub).violent == (etype in tax.violent)
    assert not tax.valid("Battles", "Attack")
    with pytest.raises(KeyError):
        tax.of("Battles", "Attack")
