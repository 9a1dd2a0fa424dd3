from rasd.extraction.actors import find_actors
from rasd.extraction.sources import matcher, sentence_sources
from rasd.text.normalize import normalize


def sources(s: str, outlet: str | None = "Alhurra") -> list[str]:
    text = normalize(s).text
    return [x.name for x in sentence_sources(matcher().find(text), find_actors(text), outlet)]


def test_official_relayed_by_an_agency():
    got = sources("ونقلت وكالة فرانس برس عن مسؤول في التحالف قوله إن هجوما استهدف القاعدة")
    assert any(g.endswith("official (AFP)") and "oalition" in g for g in got), got


def test_monitor_and_anonymous_source():
    assert "Syrian Observatory for Human Rights" in sources("وقال المرصد السوري لحقوق الإنسان إن")
    assert sources("بحسب مصدر أمني") == ["security source"]


def test_no_cue_means_the_outlet():
    assert sources("قتل ثلاثة في انفجار") == ["Alhurra"]


def test_an_actor_of_unnamed_country_gives_a_generic_source_not_a_placeholder():
    """ "police of {country} spokesperson" reached the CSV and the store (issue 11, case 5)."""
    assert sources("قال المتحدث باسم الشرطة إن مسلحين قتلوا ثلاثة مدنيين") == [
        "police spokesperson"
    ]
    assert sources("قال متحدث باسم الجيش إن غارة جوية قتلت خمسة مسلحين") == [
        "military spokesperson"
    ]


def test_no_source_or_claim_of_a_whole_article_keeps_a_placeholder():
    from datetime import date

    import rasd

    text = (
        "قال المتحدث باسم الشرطة إن مسلحين قتلوا ثلاثة مدنيين في هجوم قرب مدينة الرمادي أمس. "
        "وأعلن متحدث باسم الجيش أن غارة جوية قتلت خمسة مسلحين قرب مدينة تكريت."
    )
    events = rasd.extract(text, published=date(2022, 1, 5))
    assert events
    names = [s for e in events for s in e.sources] + [c.source for e in events for c in e.claims]
    assert names and not any("{" in n for n in names)
