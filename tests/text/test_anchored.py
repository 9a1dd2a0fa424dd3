import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from rasd.text import anchored
from rasd.text.anchored import Anchored

# a toy pattern of the same shape as the date pattern: a word start, an optional lead
# word, then a word that every match holds
_PATTERN = regex.compile(
    r"(?<![\p{L}\p{N}])(?:(?:يوم|فجر)\s+)?(?:الخميس|\d{1,2}\s+مايو)(?![\p{L}])"
)
_ANCHORS = {"الخميس": 1, **{d: 1 for d in "0123456789"}}


def test_re_and_regex_agree_on_letters_and_digits_where_words_are_cut():
    """Words are cut with `re`, the pattern reads them with `regex`: they must agree on
    every character a text searched near its anchors may hold."""
    ln, dig = regex.compile(r"[\p{L}\p{N}]"), regex.compile(r"\d")
    for cp in range(0x700):
        c = chr(cp)
        if anchored._OUTSIDE.match(c):
            continue
        assert bool(ln.match(c)) == bool(re.match(r"[^\W_]", c)), hex(cp)
        assert bool(dig.match(c)) == (c in anchored.DIGITS), hex(cp)


@given(
    st.lists(
        st.sampled_from(["يوم", "فجر", "الخميس", "والخميس", "5", "12", "مايو", "قصف", "،", "-"]),
        max_size=20,
    ),
    st.sampled_from([" ", "  ", "\n"]),
)
def test_anchored_finds_what_finditer_finds(words, sep):
    text = sep.join(words)
    found = [(m.span(), m.group()) for m in Anchored(_PATTERN, _ANCHORS).finditer(text)]
    assert found == [(m.span(), m.group()) for m in _PATTERN.finditer(text)]


def test_a_text_with_other_letters_is_searched_whole():
    text = "فجر الخميس ⅕ فجر 5 مايو"
    found = [m.group() for m in Anchored(_PATTERN, _ANCHORS).finditer(text)]
    assert found == ["فجر الخميس", "فجر 5 مايو"]


def test_an_anchor_too_far_from_the_start_misses_the_match():
    """The anchors' reach is the contract: a lead word not counted is not looked at."""
    text = "فجر الخميس"
    assert [m.group() for m in Anchored(_PATTERN, {"الخميس": 0}).finditer(text)] == ["الخميس"]
    assert [m.group() for m in Anchored(_PATTERN, {}).finditer(text)] == ["فجر الخميس"]
