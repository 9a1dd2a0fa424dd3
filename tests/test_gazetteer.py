"""The gazetteer built from its data files: countries, divisions, their capitals, facilities
and the spelling variants it adds."""

from rasd import gazetteer
from rasd.gazetteer import load, read_files
from rasd.resources import Resources
from rasd.text.matcher import Matcher
from rasd.text.normalize import key, normalize


def test_data_files_parse_and_are_consistent():
    gaz = load()
    assert len(gaz.countries) >= 250
    hits = gaz.find(normalize("قاعدة عين الأسد").text)
    assert hits and hits[0].value[0].admin1 == "Anbar" and hits[0].value[0].iso3 == "IRQ"


def test_every_division_has_a_capital_and_every_country_its_capital_city():
    gaz = load()
    assert gaz.capitals[("IRQ", "Anbar")].name == "Ramadi"
    assert gaz.national_capitals["SYR"].name == "Damascus"


def test_joined_and_spaced_names_and_final_hamza_are_one_place():
    gaz = load()
    for a, b in (("البوكمال", "البو كمال"), ("المخا", "المخاء")):
        ha, hb = gaz.find(key(a)), gaz.find(key(b))
        assert ha and hb and {p.ident for p in ha[0].value} & {p.ident for p in hb[0].value}


def test_a_curated_name_is_never_a_common_word():
    gaz = load()
    assert key("الأنبار") not in gaz.common
    assert key("بيان") in gaz.common  # a village in GeoNames, a statement in the news


def test_the_compiled_gazetteer_is_the_one_the_files_hold(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path))
    parts = read_files(Resources())
    files = Matcher(
        [(k, tuple(ps)) for k, ps in parts["names"].items()],
        min_clitic_key=4,
        normalized=True,
        article_optional=False,
    )
    made = Resources().get(gazetteer._build)  # compiled and stored
    assert len(list(tmp_path.glob("gazetteer-*.marshal"))) == 1
    read = Resources().get(gazetteer._build)  # read back from the cache folder
    t = normalize(
        "قصفت الطائرات بلدة عين العرب وبالأنبار والرمادي، وسقطت قذيفة قرب مطار كابل الدولي "
        "في ولاية ميزوري والبوكمال ودير الزور"
    ).text
    expected = [(h.start, h.end, h.value) for h in files.find(t)]
    assert len(expected) >= 6
    for gaz in (made, read):
        assert [(h.start, h.end, h.value) for h in gaz.find(t)] == expected
        assert gaz.countries == parts["countries"]
        assert gaz.capitals == parts["capitals"]
        assert gaz.national_capitals == parts["national"]
        assert gaz.common == frozenset(parts["common"])
        sound = gazetteer.sound_key("سالزبيري")  # a foreign town by its sound (سالزبري)
        assert [p.ident for p in gaz.by_sound("سالزبيري")] == [
            p.ident for p in parts["sounds"][sound]
        ]
        assert gaz.spelled_back == frozenset(parts["spelled_back"])


def test_every_hand_kept_name_reaches_its_geonames_place():
    """places_extra.tsv is read by the engine itself: a row added there works without
    rebuilding geonames.tsv.gz (فان is Van in Turkey, a word after فإن otherwise)."""
    g = load()
    rows = list(Resources().tsv("gazetteer/places_extra.tsv"))
    assert rows
    for r in rows:
        for form in r["arabic"].split("|"):
            idents = {p.ident for h in g.find(key(form)) for p in h.value}
            assert r["geonameid"] in idents, (form, r["name"])


def test_a_province_transcribed_without_an_inner_long_a_is_found():
    from rasd.gazetteer import load
    from rasd.text.normalize import normalize

    gaz = load()

    def names(s: str) -> set[str]:
        return {p.name for h in gaz.find(normalize(s).text) for p in h.value}

    assert "Faryab" in names("في ولاية فرياب شمال أفغانستان")
    assert "Faryab" in names("في ولاية فارياب شمال أفغانستان")


def test_a_large_city_abroad_ending_in_a_is_found_written_with_alif():
    gaz = load()

    def names(s: str) -> set[str]:
        return {p.name for h in gaz.find(normalize(s).text) for p in h.value}

    assert "Quetta" in names("في مدينة كويتا") and "Quetta" in names("في مدينة كويتة")
    # an Arabic name's ة is the feminine ending: Al Hillah is not read in «الحلا»
    assert "Al Hillah" in names("في مدينة الحلة") and "Al Hillah" not in names("الحلا")


def test_a_large_city_abroad_is_found_with_one_more_long_vowel():
    gaz = load()

    def names(s: str) -> set[str]:
        return {p.name for h in gaz.find(normalize(s).text) for p in h.value}

    assert "Quebec" in names("في مدينة كيبك") and "Quebec" in names("في مدينة كيبيك الكندية")
    # not an Arabic ending (دولية: international: at most a hamlet of that name, read only
    # after a settlement word), nor after a clitic ل (للقديس: the saint's)
    assert not any(
        p.population >= 1000 for h in gaz.find(normalize("مذكرة توقيف دولية").text) for p in h.value
    )
    assert "Jerusalem" not in names("ترميم تمثال للقديس جورج")


def test_village_names_of_common_words_are_kept_and_phrases_are_not():
    # the build keeps a name of several words when its first word is a place word or one
    # word is rare (ميس الجبل، كفر كلا، بيت لاهيا); دار كبير ("a big house") is kept as a
    # common word: read only after a settlement word (قرية دار كبير)
    g = load()

    def found(s: str) -> list[str]:
        return [p.iso3 for h in g.find(normalize(s).text) for p in h.value]

    assert "LBN" in found("ميس الجبل")
    assert "LBN" in found("كفر كلا")
    assert "PSE" in found("بيت لاهيا")
    assert key("دار كبير") in g.common


def test_a_name_written_in_persian_letters_is_found_in_arabic_ones():
    # the gazetteer writes Bangui بانگوئي (with گ); Arabic news writes غ
    g = load()
    found = [[p.name for p in h.value] for h in g.find(key("بانغوئي"))]
    assert found and "Bangui" in found[0]
    # but no short Arabic word is made a place that way (غدرا "treacherously", تمسك)
    assert not any("Gedera" in [p.name for p in h.value] for h in g.find(key("غدرا")))
    assert not any("Tomsk" in [p.name for p in h.value] for h in g.find(key("تمسك")))
