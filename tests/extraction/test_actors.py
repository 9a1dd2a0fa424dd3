from rasd.extraction.actors import find_actors, state_actor
from rasd.text.normalize import normalize


def names(s: str, country: str | None = None) -> list[str | None]:
    return [state_actor(a, country) for a in find_actors(normalize(s).text)]


def test_longest_form_wins_over_its_head():
    assert names("قوات سوريا الديمقراطية") == ["SDF: Syrian Democratic Forces"]
    assert "Islamic State" in names("هاجم مسلحو تنظيم داعش القرية")


def test_generic_state_forces_take_the_adjective_or_event_country():
    assert names("القوات الهندية") == ["Military Forces of India"]
    assert names("الجيش", "IRQ") == ["Military Forces of Iraq"]


def test_houthi_framings():
    for form in ("الحوثيين", "جماعة أنصار الله", "الانقلابيين"):
        assert names(form) == ["Houthis (Ansar Allah)"], form


def test_trap_phrases_are_ignored():
    assert names("مجلس الأمن الدولي") == []
    assert names("قاعدة عسكرية") == []
