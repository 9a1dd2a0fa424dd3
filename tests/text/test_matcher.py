from hypothesis import given
from hypothesis import strategies as st

from rasd.text.matcher import Matcher, WordMatcher
from rasd.text.normalize import key, normalize


def spans(m: Matcher, s: str) -> list[str]:
    t = normalize(s).text
    return [t[h.start : h.end] for h in m.find(t)]


def test_clitics_and_article_contraction():
    m = Matcher([("الأنبار", "anbar"), ("بغداد", "baghdad")])
    assert spans(m, "وصل إلى الأنبار") == ["الانبار"]
    assert spans(m, "بالأنبار") == ["الانبار"]
    assert spans(m, "للأنبار") == ["لانبار"]
    assert spans(m, "وبغداد") == ["بغداد"]


def test_word_boundaries():
    m = Matcher([("قصف", "x")])
    assert spans(m, "القصفية") == []  # suffix not allowed
    assert spans(m, "مقصف") == []  # not a prefix clitic
    m2 = Matcher([("قصف", "x")], suffixes=["ت"])
    assert spans(m2, "وقصفت") == ["قصف"]


def test_longest_match_wins():
    m = Matcher([("قوات", "a"), ("قوات سوريا الديمقراطية", "sdf")])
    hits = m.find(normalize("هاجمت قوات سوريا الديمقراطية").text)
    assert [h.value for h in hits] == ["sdf"]


def test_short_keys_take_no_clitic_when_asked():
    m = Matcher([("رانس", "reims")], min_clitic_key=5)
    assert spans(m, "فرانس") == []


@given(st.text(alphabet=st.sampled_from(list("إأآاىيةهـًٌٍَُِّْ \u200fیھکقصفب٣«»")), max_size=40))
def test_key_equals_normalized_text(s):
    assert key(s) == " ".join(normalize(s).text.split())


PLACES = [
    ("الأنبار", "anbar"),
    ("بغداد", "baghdad"),
    ("دير الزور", "deir"),
    ("دير الزور الجديدة", "new deir"),
    ("الزور", "zor"),
    ("عين العرب", "kobani"),
    ("رانس", "reims"),
]
SENTENCES = [
    "وصل إلى الأنبار وبغداد ثم للأنبار",
    "قصف في دير الزور الجديدة ودير الزور، وبالزور",
    "في ديرالزور وعين العربية وعين العرب.",
    "فرانس ورانس والرانس",
    "",
    "دير",
]


def found(m: Matcher, t: str, start: int = 0, end: int | None = None) -> list[tuple]:
    return [(h.start, h.end, h.value, h.word_start, h.word_end) for h in m.find(t, start, end)]


def test_the_word_matcher_finds_what_the_automaton_finds():
    for opts in ({}, {"min_clitic_key": 5}, {"article_optional": False}):
        auto, words = Matcher(PLACES, **opts), WordMatcher.of(PLACES, **opts)
        for s in SENTENCES:
            t = normalize(s).text
            assert found(words, t) == found(auto, t)
            assert sorted(map(str, words.find_all(t))) == sorted(map(str, auto.find_all(t)))
    t = normalize(SENTENCES[1]).text
    assert [h.value for h in WordMatcher.of(PLACES).find(t)] == ["new deir", "deir", "zor"]


def test_the_word_matcher_reads_a_window_whole_words_only():
    m = WordMatcher.of(PLACES)
    t = normalize("قصف في دير الزور الجديدة").text
    at = t.index("دير")
    assert [h.value for h in m.find(t, at)] == ["new deir"]
    assert [h.value for h in m.find(t, at, at + len("دير الزور"))] == ["deir"]
    # a window that cuts a word finds no key starting inside it, only the words after
    assert [h.value for h in m.find(t, at + 1)] == ["zor"]


def _old_find(m: Matcher, text: str, start: int, end: int) -> list:
    """find() as it was: every hit of the whole text, then the window's, longest first."""
    hits = [h for h in m.find_all(text) if h.start >= start and h.end <= end]
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: set[int] = set()
    out = []
    for h in hits:
        if taken & set(range(h.start, h.end)):
            continue
        taken |= set(range(h.start, h.end))
        out.append(h)
    return sorted(out, key=lambda h: h.start)


_WINDOW_LEXICON = [("الأنبار", "anbar"), ("قصف", "q"), ("قصف مدفعي", "qm"), ("بغداد", "b")]
_WORDS = ["قصف", "مدفعي", "بالأنبار", "للأنبار", "وبغداد", "القصفية", "مقصف", "في", "،"]


@given(
    st.lists(st.sampled_from(_WORDS), max_size=30),
    st.integers(min_value=-3, max_value=200),
    st.integers(min_value=0, max_value=200),
)
def test_windowed_find_keeps_exactly_the_hits_of_the_whole_text(words, a, b):
    text = normalize(" ".join(words)).text
    for m in (Matcher(_WINDOW_LEXICON), WordMatcher.of(_WINDOW_LEXICON)):
        assert m.find(text, a, b) == _old_find(m, text, max(a, 0), b)


def test_windowed_find_scans_only_the_window():
    """A window of a long text costs its own length, not the text's (issue 11, case 16)."""
    m = Matcher(_WINDOW_LEXICON)
    text = normalize("قصف مدفعي على بغداد. " * 5000).text
    expected = _old_find(m, text, 40, 80)
    real, asked = m._automaton, []

    class Spy:
        def iter(self, s, *bounds):
            asked.append(len(s[slice(*bounds)]) if bounds else len(s))
            return real.iter(s, *bounds)

    m._automaton = Spy()
    hits = m.find(text, 40, 80)
    assert asked == [40]
    assert hits == expected
    # every event of one long sentence asks for its window again: scanned once
    assert m.find(text, 40, 80) == hits and asked == [40]
    assert m.find(text, 40, 81) and asked == [40, 41]


_SCAN_LEXICONS = [
    _WINDOW_LEXICON,
    [("قصف", "again"), ("مدفعي", "gun"), ("بغداد", "city")],
    [("الأنبار", "a"), ("انبار", "b"), ("على", "c")],
]


@given(
    st.lists(st.sampled_from([*_WORDS, "على", "الانبار", "انبار"]), max_size=30),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=200),
)
def test_matchers_sharing_one_scan_find_what_each_finds_alone(words, a, b):
    from rasd.text.matcher import Scan

    text = normalize(" ".join(words)).text
    alone = [Matcher(lex) for lex in _SCAN_LEXICONS]
    shared = [Matcher(lex) for lex in _SCAN_LEXICONS]
    Scan(shared)
    for m, s in zip(alone, shared, strict=True):
        assert s._scan is not None
        assert s.find_all(text) == m.find_all(text)
        assert s.find(text) == m.find(text)
        assert s.find(text, a, b) == m.find(text, a, b)
