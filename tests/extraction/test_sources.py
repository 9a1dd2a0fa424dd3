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
