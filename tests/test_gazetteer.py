from collections import Counter

from rasd.extraction.places import PlaceCues, resolve
from rasd.gazetteer import load
from rasd.text.normalize import normalize


def places(s: str) -> list[str]:
    text = normalize(s).text
    gaz = load()
    hits = gaz.find(text)
    countries: Counter[str] = Counter()
    for h in hits:
        if len({p.iso3 for p in h.value}) == 1:
            countries[h.value[0].iso3] += 1
    from rasd.extraction.triggers import lexicon

    lex = lexicon()
    settlement = lex.settlement.find(text)
    cues = PlaceCues(
        {h.end for h in settlement},
        {h.end for h in lex.near.find(text)},
        {h.end for h in settlement if h.value == "division"},
        {h.end for h in lex.establishment.find(text)},
        set(),
    )
    return [pm.place.name for pm in resolve(text, hits, countries, set(), cues)]


def test_facility_beats_town():
    assert "Ain al-Asad Air Base" in places("سقطت صواريخ على قاعدة عين الأسد الجوية في العراق")


def test_spacing_variants():
    assert any("Kamal" in p for p in places("في مدينة البوكمال السورية"))
    assert any("Kamal" in p for p in places("في مدينة البو كمال السورية"))


def test_common_words_are_not_places():
    assert places("قال التحالف في بيان إن المصدر أكد ذلك") == []


def test_common_word_after_settlement_word_is_a_place():
    assert "Bayan" not in places("صدر بيان عن الكويت")
    assert "Bayan" in places("في منطقة بيان في الكويت")


def test_clitic_reading_of_a_word_is_no_place():
    # وكالة is "agency", not و + Calais; فرانس برس is AFP, not ف + Reims
    assert places("نقلت وكالة فرانس برس") == []


def test_country_context_disambiguates():
    got = places("قصف الطيران التركي مواقع في مدينة عفرين شمال سوريا")
    assert any("Afrin" in p or "Afrīn" in p for p in got)


def test_province_after_division_word():
    got = places("قتل شرطيان بمنطقة أضنة جنوب تركيا")
    assert got and got[0] == "Adana"
    assert load().capitals.get(("TUR", "Adana")) is not None


def test_data_files_parse_and_are_consistent():
    gaz = load()
    assert len(gaz.countries) >= 250
    hits = gaz.find(normalize("قاعدة عين الأسد").text)
    assert hits and hits[0].value[0].admin1 == "Anbar" and hits[0].value[0].iso3 == "IRQ"
