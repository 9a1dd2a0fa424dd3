"""Property-based fuzzing of the extractor and the readers: whatever comes in, no exception
escapes, a bad document is a counted skip, and every offset points back into the text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasd
from rasd.ingest import Notice, Skip, read_inputs
from rasd.model import Article

PUB = date(2023, 3, 14)
WORDS = [
    "قتل", "ثلاثة", "جنود", "في", "انفجار", "عبوة", "ناسفة", "ببغداد", "أمس", "الأربعاء",
    "قصف", "مدفعي", "على", "قرية", "قرب", "مدينة", "حلب", "مقتل", "5", "أشخاص", "وإصابة",
    "12", "آخرين", "بحسب", "مصدر", "أمني", "،", ".", "\n", "«", "»", "قال", "المتحدث",
    "باسم", "الشرطة", "إن", "دون", "وقوع", "إصابات", "الحشد", "الشعبي", "داعش", "عشرات",
]  # fmt: skip
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check_offsets(text: str, events: list) -> None:
    n = len(text)
    for ev in events:
        a, b = ev.evidence_span
        assert 0 <= a <= b <= n and text[a:b] == ev.evidence
        for evs in ev.fields.values():
            for e in evs:
                if e.start >= 0:
                    assert 0 <= e.start <= e.end <= n and text[e.start : e.end] == e.text
        for c in ev.claims:
            if c.start >= 0:
                assert 0 <= c.start <= c.end <= n and text[c.start : c.end] == c.quote
        json.dumps(ev.to_dict(), ensure_ascii=False)


@FUZZ
@given(st.text(max_size=400))
def test_any_unicode_text(text):
    _check_offsets(text, rasd.extract(text, published=PUB))


@FUZZ
@given(st.lists(st.sampled_from(WORDS), max_size=80), st.sampled_from([" ", "", "\u200f", "  "]))
def test_arabic_word_salad(words, sep):
    text = sep.join(words)
    _check_offsets(text, rasd.extract(text, published=PUB))


@FUZZ
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.integers(1, 300))
def test_repeated_phrases(words, times):
    text = " ".join(words * times)
    _check_offsets(text, rasd.extract(text, published=PUB))


def _read(tmp: Path, name: str, data: bytes) -> list:
    p = tmp / name
    p.write_bytes(data)
    got = list(read_inputs([str(p)]))
    for g in got:
        assert isinstance(g, (Article, Skip, Notice))
        if isinstance(g, Article):
            assert len(g.text) <= 2_000_000
            _check_offsets(g.text, rasd.extract_article(g))
    return got


SUFFIXES = ["a.txt", "a.jsonl", "a.json", "a.csv", "a.html", "a.xml", "a.warc", "a.parquet"]


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_random_bytes_in_any_reader(tmp_path, data, name):
    _read(tmp_path, name, data)


@FUZZ
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from(SUFFIXES))
def test_arabic_text_under_any_name(tmp_path, words, name):
    _read(tmp_path, name, " ".join(words).encode("utf-8"))


_JSON_PIECES = st.one_of(
    st.sampled_from(['{"id": "a", "text": "', '"}', "{", "}", "[", "]", ",", ":", '"published": ']),
    st.sampled_from(["2023-13-45", "null", "1e999", '"\\ud800"', "true", "   ", "\\"]),
    st.text(alphabet=st.sampled_from(list("قتل ثلاثة في بغداد أمس 0123456789")), max_size=30),
)


@FUZZ
@given(st.lists(st.lists(_JSON_PIECES, max_size=12).map("".join), max_size=12))
def test_broken_json_lines(tmp_path, lines):
    got = _read(tmp_path, "b.jsonl", "\n".join(lines).encode("utf-8"))
    assert got  # at least one item: an article, or why not


@FUZZ
@given(
    st.integers(0, 4000),
    st.sampled_from(["div", "span", "p", "section", "b"]),
    st.booleans(),
)
def test_nested_html(tmp_path, depth, tag, closed):
    body = "قتل ثلاثة جنود في انفجار عبوة ناسفة قرب مدينة تكريت أمس، بحسب مصدر أمني."
    page = (
        "<html><body>"
        + f"<{tag}>" * depth
        + f"<p>{body}</p>"
        + (f"</{tag}>" * depth if closed else "")
        + "</body></html>"
    )
    got = _read(tmp_path, "p.html", page.encode("utf-8"))
    assert any(isinstance(g, Article) and "تكريت" in g.text for g in got), got


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.text(max_size=40),
            st.text(max_size=200),
        ),
        max_size=4,
    )
)
def test_feeds_with_odd_items(tmp_path, items):
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><title>{escape(t)}</title><description>{escape(d)}</description></item>"
        for t, d in items
    )
    feed = (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{body}</channel></rss>'
    )
    _read(tmp_path, "f.xml", feed.encode("utf-8", errors="replace"))
