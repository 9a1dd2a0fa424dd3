from hypothesis import given
from hypothesis import strategies as st

from rasd.text.matcher import Matcher
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
