import pytest

from rasd.text.normalize import normalize
from rasd.text.numbers import read_count
from rasd.text.tokens import tokenize


def count(s: str):
    return read_count(tokenize(normalize(s).text), 0)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("بثماني قذائف", 8),
        ("خمس مقذوفات", 5),
        ("ثلاثة صواريخ", 3),
        ("خمسة وعشرون قتيلا", 25),
        ("إحدى عشرة", 11),
        ("مئة وخمسون", 150),
        ("37 آخرون", 37),
        ("٣ آلاف", 3000),
        ("عشرات المتظاهرين", 12),
        ("مئات", 100),
        ("عددا من الجرحى", 3),
    ],
)
def test_counts(text, value):
    c = count(text)
    assert c is not None and c.value == value


def test_vague_counts_are_marked():
    assert count("عشرات").vague
    assert not count("خمسة").vague


def test_not_a_number():
    assert count("قصف") is None


def test_digits_other_than_decimal_ones_are_no_number():
    # «³» passes str.isdigit but int() refuses it: the fuzzer's crash
    from rasd.text.numbers import digits

    assert digits("³") is None and digits("و²") is None
    assert digits("١٢") == 12 and digits("و15") == 15
