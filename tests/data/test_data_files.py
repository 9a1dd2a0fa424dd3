"""Every data file under rasd/data parses, uses only known categories and codes, and lists
each form once (after normalization, the way the engine reads it)."""

from collections import Counter

import pytest
import yaml

from rasd.resources import Resources, split_forms
from rasd.text.normalize import key

RES = Resources()
WEAPONS = {
    "rocket", "missile", "mortar", "artillery", "drone", "airstrike", "ied", "car_bomb",
    "suicide_bomb", "grenade", "firearm", "knife", "other",
}  # fmt: skip
SOURCE_SCALES = {"", "International", "National", "Regional", "Subnational", "New media"}


def repeated(forms: list[str]) -> list[str]:
    return [k for k, n in Counter(key(f) for f in forms).items() if n > 1]


def test_event_types_are_consistent():
    y = RES.yaml("lexicon/event_types.yaml")
    tax = y["taxonomy"]
    assert set(y["types"]) == set(tax)
    for sub in y["sub_types"]:
        assert any(sub in subs for subs in tax.values()), sub
    for name, info in {**y["types"], **y["sub_types"]}.items():
        for role in ("actor1", "actor2"):
            if role in info:
                actor, inter = info[role]
                assert isinstance(actor, str) and 1 <= int(inter) <= 8, (name, role)
    for cat, (etype, sub) in y["categories"].items():
        assert etype in ("cue", "resolve") or etype in tax, cat
        assert sub in ("cue", "resolve") or sub in tax[etype], cat
    cats = set(y["categories"])
    for name in ("precedence", "fighting", "separate"):
        assert set(y[name]) <= cats, name
        assert not repeated(y[name]), name


def test_triggers_use_known_categories_strengths_and_weapons():
    cats = set(RES.yaml("lexicon/event_types.yaml")["categories"])
    rows = list(RES.tsv("lexicon/triggers.tsv"))
    assert len(rows) > 200
    for r in rows:
        assert key(r["arabic"]), r
        assert r["category"] in cats, r
        assert r["strength"] in ("strong", "weak", "cue"), r
        assert not r["weapon"] or r["weapon"] in WEAPONS, r
    seen = Counter((key(r["arabic"]), r["category"]) for r in rows)
    assert [k for k, n in seen.items() if n > 1] == []


def test_cue_lists():
    y = RES.yaml("lexicon/cues.yaml")
    for reason, spec in y["not_event"].items():
        assert spec["scope"] in ("before", "ahead", "clause", "sentence", "article", "story"), (
            reason
        )
        assert spec["forms"] and all(key(f) for f in spec["forms"]), reason
    for name, forms in y.items():
        if name != "not_event":
            assert forms and all(isinstance(f, str) and key(f) for f in forms), name


@pytest.mark.parametrize("name", ["grammar.yaml", "clitics.yaml", "casualties.yaml"])
def test_word_lists_name_each_form_once(name):
    for section, forms in RES.yaml(f"lexicon/{name}").items():
        assert isinstance(forms, list) and forms, section
        assert all(isinstance(f, str) and key(f) for f in forms), section
        assert repeated(forms) == [], (section, repeated(forms))


def test_claims_cues():
    y = RES.yaml("lexicon/claims.yaml")
    assert set(y["impact"]) == {"inside", "outside"}
    assert set(y["damage"]) == {"none", "minor", "material", "severe"}
    assert set(y["responsibility"]) == {"blamed", "claimed", "denied"}
    assert all(float(v) > 0 for v in y["distance_units"].values())


def test_dates_vocabulary():
    y = RES.yaml("lexicon/dates.yaml")
    assert set(y["weekdays"]) == set(range(7))
    assert set(y["months"]) == set(range(1, 13)) == set(y["hijri_months"])
    for table in ("weekdays", "months", "hijri_months"):
        forms = [f for fs in y[table].values() for f in fs]
        assert repeated(forms) == [] or table == "months", table
        # a spelling names one month only
        owners: dict[str, set[int]] = {}
        for n, fs in y[table].items():
            for f in fs:
                owners.setdefault(key(f), set()).add(n)
        assert all(len(v) == 1 for v in owners.values()), table
    assert all(isinstance(v, int) for v in y["relative_days"].values())
    for section, forms in y.items():
        if isinstance(forms, list):
            assert forms and repeated(forms) == [], (section, repeated(forms))
    assert set(y["ordinal_days"].values()) == set(range(1, 32))
    for p in y["periods"].values():
        assert p["precision"] in (2, 3)


def test_numbers():
    rows = list(RES.tsv("lexicon/numbers.tsv"))
    kinds = {"unit", "teen", "ten", "hundred", "thousand", "dual", "vague"}
    values: dict[str, set[int]] = {}
    for r in rows:
        assert r["kind"] in kinds, r
        values.setdefault(key(r["arabic"]), set()).add(int(r["value"]))
    assert [k for k, v in values.items() if len(v) > 1] == []


def test_actors_and_sources():
    iso3 = {r["iso3"] for r in RES.tsv("gazetteer/countries.tsv")}
    for r in RES.tsv("lexicon/actors.tsv"):
        assert key(r["arabic"]) and r["actor"], r
        assert not r["inter"] or 1 <= int(r["inter"]) <= 8, r
        assert not r["iso3"] or r["iso3"] in iso3, r
    kinds = {"agency", "monitor", "anonymous", "official", "body", "witness", "anaphor"}
    for r in RES.tsv("lexicon/sources.tsv"):
        assert key(r["arabic"]) and r["source"] and r["kind"] in kinds, r
        assert r["scale"] in SOURCE_SCALES, r


def test_gazetteer_tables():
    countries = list(RES.tsv("gazetteer/countries.tsv"))
    assert len({r["iso3"] for r in countries}) == len(countries)
    iso2 = {r["iso2"] for r in countries}
    iso3 = {r["iso3"] for r in countries}
    for r in countries:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert r["core"] in ("", "1"), r
    admin1 = list(RES.tsv("gazetteer/admin1.tsv"))
    assert len({(r["iso2"], r["code"]) for r in admin1}) == len(admin1)
    assert all(r["iso2"] in iso2 and split_forms(r["arabic"]) for r in admin1)
    for r in RES.tsv("gazetteer/facilities.tsv"):
        assert r["iso3"] in iso3 and split_forms(r["arabic"]), r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
    seas = list(RES.tsv("gazetteer/seas.tsv"))
    assert seas and len({r["name"] for r in seas}) == len(seas)
    for r in seas:
        assert split_forms(r["arabic"]) and r["coast"].split(), r
        assert set(r["coast"].split()) <= iso3, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r


def test_geonames_names_are_stored_as_matching_keys():
    n = 0
    for r in RES.tsv("gazetteer/geonames.tsv.gz"):
        for k in r["arabic"].split("|"):
            assert k and key(k) == k, r
        n += 1
    assert n > 30000


def test_common_word_lists_are_normalizable():
    for name in ("gazetteer/common_words.txt", "gazetteer/common_words_extra.txt"):
        words = RES.lines(name)
        assert words and all(key(w) for w in words), name


def test_short_names_are_three_letter_names_of_the_gazetteer():
    from rasd.gazetteer import read_files

    names = read_files(RES)["names"]
    for w in RES.lines("gazetteer/short_names.txt"):
        assert len(key(w)) == 3 and key(w) in names, w


def test_districts():
    iso2 = {r["iso2"] for r in RES.tsv("gazetteer/countries.tsv")}
    rows = list(RES.tsv("gazetteer/admin2.tsv"))
    assert len(rows) > 2000
    assert len({r["code"] for r in rows}) == len(rows)
    for r in rows:
        assert r["iso2"] in iso2, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r


class _KeyCounter(yaml.SafeLoader):
    """A loader that records every mapping key it meets, repeats included (the plain
    loader keeps the last of two equal keys and says nothing)."""

    repeats: list[str]

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        names = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        self.repeats.extend(n for n, c in Counter(names).items() if c > 1)
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("path", sorted(RES.root.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_yaml_key_is_written_twice(path):
    loader = _KeyCounter(path.read_text(encoding="utf-8"))
    loader.repeats = []
    try:
        loader.get_single_data()
    finally:
        loader.dispose()
    assert loader.repeats == []
