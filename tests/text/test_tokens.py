"""Word tokens with offsets, and the clitic readings of a word (from the clitic table)."""

from hypothesis import given
from hypothesis import strategies as st

from rasd.text.tokens import strip_clitics, tokenize


def test_tokens_keep_offsets_into_the_text():
    text = "قتل 3 أشخاص، وأصيب 2.5 آخرون"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["قتل", "3", "أشخاص", "وأصيب", "2.5", "آخرون"]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_one_or_two_proclitics_are_stripped():
    assert strip_clitics("وبغداد") == ["وبغداد", "بغداد", "غداد"]
    assert strip_clitics("فالقتلى") == ["فالقتلى", "القتلى"]  # ا is no second clitic
    assert strip_clitics("قتل") == ["قتل"]  # too short to carry one


@given(st.text(alphabet="وفبلكقتلاصيبه ", max_size=40))
def test_every_reading_is_a_suffix_of_the_word(s):
    for w in s.split():
        for r in strip_clitics(w):
            assert w.endswith(r)


@given(
    st.lists(st.sampled_from(["قتل", "5", "3.5", "12,000", ".", "،", " ", "  ", "\n", "_", "x"])),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_tokens_of_a_part_are_cut_from_the_tokens_of_the_whole(parts, a, b):
    from rasd.text.tokens import Tokens

    text = "".join(parts)
    whole = tokenize(text)
    assert Tokens(text).within(a, b) == [t for t in whole if a <= t.start < b]
    both = Tokens(text)
    both.all()
    assert both.within(a, b) == [t for t in whole if a <= t.start < b]
