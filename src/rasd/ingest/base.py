"""What every reader shares: `Skip` (a document that could not be used, and why), date
parsing, decoding of bytes, and the checks that turn a text into an `Article`.

Bad input never stops a batch: each problem becomes a `Skip` with a clear reason,
counted in the run summary, and reading goes on with the next document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import regex

from rasd.model import Article
from rasd.settings import SETTINGS

_ARABIC = regex.compile(r"\p{Arabic}")
_LETTER = regex.compile(r"\p{L}")


@dataclass(frozen=True, slots=True)
class Skip:
    """A document that could not be used, and why."""

    doc: str
    reason: str


def parse_date(value: object) -> date | None:
    """YYYY-MM-DD (or an ISO timestamp) → date; anything else → None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def check_text(doc: str, text: str) -> Skip | None:
    """Why a text cannot be processed, or None if it can."""
    if not text.strip():
        return Skip(doc, "empty document")
    if "\x00" in text[:4096]:
        return Skip(doc, "binary content")
    sample = text[:20000]
    arabic = len(_ARABIC.findall(sample))
    letters = len(_LETTER.findall(sample)) or 1
    if arabic < SETTINGS.min_arabic or arabic / letters < SETTINGS.min_arabic_share:
        return Skip(doc, f"not Arabic text ({arabic} Arabic letters of {letters})")
    return None


def decode(doc: str, raw: bytes) -> str | Skip:
    for enc in ("utf-8-sig", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
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
        text = text[: SETTINGS.max_chars]
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
    doc: str, rec: dict[str, Any], published: date | None, outlet: str | None
) -> Article | Skip:
    """An article from a record with the fields id, text, published, outlet, url and title
    (a JSON line, a CSV or Parquet row); `doc` names it when it has no id."""
    doc_id = str(rec.get("id") or doc)
    text = rec.get("text")
    if not isinstance(text, str):
        return Skip(doc_id, "missing field 'text'")
    pub = rec.get("published")
    if isinstance(pub, datetime):
        pub = pub.date()

    def string(name: str) -> str | None:
        v = rec.get(name)
        return v if isinstance(v, str) and v else None

    return make_article(
        doc_id,
        text,
        parse_date(pub) or published,
        string("outlet") or outlet,
        url=string("url"),
        title=string("title"),
    )
