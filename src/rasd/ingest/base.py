"""What every reader shares: `Skip` (a document that could not be used, and why), date
parsing, decoding of bytes, and the checks that turn a text into an `Article`.

Bad input never stops a batch: each problem becomes a `Skip` with a clear reason,
counted in the run summary, and reading goes on with the next document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import regex

from rasd.model import Article
from rasd.settings import SETTINGS

_ARABIC = regex.compile(r"\p{Arabic}")
_ARABIC_RUN = regex.compile(r"\p{Arabic}+")
_LETTER_RUN = regex.compile(r"\p{L}+")


@dataclass(frozen=True, slots=True)
class Skip:
    """A document that could not be used, and why, with what is needed to retry it: the
    record as read (`raw`: a JSON line, a CSV row as JSON) or the file it is (`path`)."""

    doc: str
    reason: str
    raw: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """Something wrong in a document that was still used (an invalid date left out, a
    second article under an id already seen): reported and counted, never silent."""

    doc: str
    reason: str


Read = Article | Skip | Notice  # what a reader yields


def retrievable(
    items: Iterable[Read], raw: str | None = None, path: str | None = None
) -> Iterator[Read]:
    """The items, their skips given the content to retry them with (when they lack it)."""
    for it in items:
        if isinstance(it, Skip) and it.raw is None and it.path is None:
            it = replace(it, raw=raw, path=path)
        yield it


def parse_date(value: object) -> date | None:
    """YYYY-MM-DD (or an ISO timestamp) → date; anything else, or a day outside
    SETTINGS.first_day … last_day (0001-01-07), → None."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value if SETTINGS.plausible_day(value) else None
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return d if SETTINGS.plausible_day(d) else None


def is_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters early on: an image, an archive, a database."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) // 20


def check_text(doc: str, text: str) -> Skip | None:
    """Why a text cannot be processed, or None if it can."""
    if not text.strip():
        return Skip(doc, "empty document")
    if "\x00" in text[:4096]:
        return Skip(doc, "binary content")
    sample = text[:20000]
    # counted by runs (words), not one match per letter
    arabic = sum(map(len, _ARABIC_RUN.findall(sample)))
    letters = sum(map(len, _LETTER_RUN.findall(sample))) or 1
    if arabic < SETTINGS.min_arabic or arabic / letters < SETTINGS.min_arabic_share:
        return Skip(doc, f"not Arabic text ({arabic} Arabic letters of {letters})")
    return None


def with_title(title: str | None, body: str) -> str:
    """The text to extract of an item with a title: its body alone when the body is an
    article of its own (the headline repeats it, and as a sentence of its own it would be a
    second event dated the publication day), else the title and whatever body there is."""
    if not title or body.startswith(title):
        return body
    if check_text("", body) is None:
        return body
    return f"{title}\n{body}" if body.strip() else title


def decode(doc: str, raw: bytes) -> str | Skip:
    """The text of a file: UTF-8 (or UTF-16 with a byte-order mark), else Windows-1256;
    binary content is one skip, not thousands of malformed lines."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return Skip(doc, "undecodable bytes (broken UTF-16)")
    if is_binary(raw):
        return Skip(doc, "binary content")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1256")  # legacy Windows Arabic
    except UnicodeDecodeError:
        return Skip(doc, "undecodable bytes (neither UTF-8 nor Windows-1256)")
    if len(_ARABIC.findall(text[:20000])) < SETTINGS.min_arabic:
        return Skip(doc, "undecodable bytes (not UTF-8)")
    return text


def make_article(
    doc: str, text: str, published: date | None, outlet: str | None, **meta: str | None
) -> Article | Skip:
    if len(text) > SETTINGS.max_chars:
        return Skip(
            doc,
            f"document too long ({len(text):,} characters; the limit is {SETTINGS.max_chars:,})",
        )
    bad = check_text(doc, text)
    if bad is not None:
        return bad
    return Article(
        id=doc,
        text=text,
        published=published,
        outlet=outlet,
        url=meta.get("url"),
        title=meta.get("title"),
    )


def record_article(
    doc: str, rec: dict[str, Any], published: date | None, outlet: str | None, raw: str
) -> Iterator[Read]:
    """The article of a record with the fields id, text, published, outlet, url and title
    (a JSON line, a CSV or Parquet row); `doc` names it when it has no id, `raw` is the
    record as read (kept with a skip so that it can be retried). A `published` that is no
    date is reported and left out: the record then has no date (not the default one)."""
    doc_id = str(rec.get("id") or doc)
    text = rec.get("text")
    if not isinstance(text, str):
        yield Skip(doc_id, "missing field 'text'", raw=raw)
        return
    given = rec.get("published")
    pub = parse_date(given)
    if pub is None and given not in (None, ""):
        yield Notice(doc_id, f"invalid published date {str(given)[:40]!r} left out")
    elif pub is None:
        pub = published

    def string(name: str) -> str | None:
        v = rec.get(name)
        return v if isinstance(v, str) and v else None

    art = make_article(
        doc_id, text, pub, string("outlet") or outlet, url=string("url"), title=string("title")
    )
    yield replace(art, raw=raw) if isinstance(art, Skip) else art
