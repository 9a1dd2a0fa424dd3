"""Reading articles: plain-text files, folders of them, JSON Lines and stdin.

Bad input never stops a batch: each problem becomes a `Skip` with a clear reason,
counted in the run summary, and reading goes on with the next document.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import regex

from rasd.model import Article

MAX_CHARS = 2_000_000  # longer documents are cut (news articles are far shorter)
MIN_ARABIC = 20  # letters; fewer and the document is not Arabic news
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
    if arabic < MIN_ARABIC or arabic / letters < 0.3:
        return Skip(doc, f"not Arabic text ({arabic} Arabic letters of {letters})")
    return None


def _decode(doc: str, raw: bytes) -> str | Skip:
    for enc in ("utf-8-sig", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    try:
        text = raw.decode("cp1256")  # legacy Windows Arabic
    except UnicodeDecodeError:
        return Skip(doc, "undecodable bytes (neither UTF-8 nor Windows-1256)")
    if len(_ARABIC.findall(text[:20000])) < MIN_ARABIC:
        return Skip(doc, "undecodable bytes (not UTF-8)")
    return text


def make_article(
    doc: str, text: str, published: date | None, outlet: str | None, **meta: str | None
) -> Article | Skip:
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
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


def read_jsonl_lines(
    name: str, lines: Iterator[str], published: date | None, outlet: str | None
) -> Iterator[Article | Skip]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        doc = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(doc, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(rec, dict):
            yield Skip(doc, "JSON line is not an object")
            continue
        text = rec.get("text")
        if not isinstance(text, str):
            yield Skip(str(rec.get("id", doc)), "missing field 'text'")
            continue
        doc_id = str(rec.get("id") or doc)
        pub = parse_date(rec.get("published")) or published
        out = rec.get("outlet") if isinstance(rec.get("outlet"), str) else outlet
        yield make_article(doc_id, text, pub, out, url=rec.get("url"), title=rec.get("title"))


def read_path(
    path: Path, published: date | None = None, outlet: str | None = None
) -> Iterator[Article | Skip]:
    """Articles from a file (text or JSON Lines) or a folder of them."""
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not p.name.startswith("."):
                yield from read_path(p, published, outlet)
        return
    from rasd.ingest import formats

    name = path.name.lower()
    if name.endswith(formats.WARC_SUFFIXES):
        yield from formats.warc_articles(path, published, outlet)
        return
    if name.endswith(".parquet"):
        yield from formats.parquet_articles(path, published, outlet)
        return
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield Skip(str(path), f"cannot read file ({e.strerror})")
        return
    if name.endswith(formats.FEED_SUFFIXES) or raw.lstrip()[:200].lower().startswith(
        (b"<?xml", b"<rss", b"<feed")
    ):
        yield from formats.feed_articles(str(path), raw, outlet)
        return
    decoded = _decode(str(path), raw)
    if isinstance(decoded, Skip):
        yield decoded
        return
    if path.suffix.lower() in (".jsonl", ".ndjson") or (
        path.suffix.lower() == ".json" and decoded.lstrip().startswith("{")
    ):
        yield from read_jsonl_lines(str(path), iter(decoded.splitlines()), published, outlet)
        return
    if name.endswith(".csv"):
        yield from formats.csv_articles(str(path), decoded, published, outlet)
        return
    if name.endswith(formats.HTML_SUFFIXES) or decoded.lstrip()[:100].lower().startswith(
        ("<!doctype html", "<html")
    ):
        yield formats.html_article(path.stem, decoded, published, outlet)
        return
    yield make_article(path.stem, decoded, published, outlet)


def read_inputs(
    paths: list[str], published: date | None = None, outlet: str | None = None
) -> Iterator[Article | Skip]:
    """Articles from every path; `-` reads stdin (JSON Lines if it starts with `{`, else one text)."""
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            decoded = _decode("stdin", data)
            if isinstance(decoded, Skip):
                yield decoded
            elif decoded.lstrip().startswith("{"):
                yield from read_jsonl_lines("stdin", iter(decoded.splitlines()), published, outlet)
            else:
                yield make_article("stdin", decoded, published, outlet)
            continue
        if p.startswith(("http://", "https://")):
            yield from read_url(p, published, outlet)
            continue
        path = Path(p)
        if not path.exists():
            yield Skip(p, "no such file or folder")
            continue
        yield from read_path(path, published, outlet)


def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """The body and content type of a URL (one attempt; callers retry)."""
    import urllib.request

    req = urllib.request.Request(url, headers={"User-Agent": "rasd/0.1 (+https://github.com/rasd)"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - user-given URLs
        return resp.read(), resp.headers.get("Content-Type", "")


def read_url(
    url: str, published: date | None = None, outlet: str | None = None
) -> Iterator[Article | Skip]:
    """A feed (RSS/Atom) or an HTML page fetched over HTTP."""
    from rasd.ingest import formats

    try:
        body, ctype = fetch(url)
    except Exception as e:  # noqa: BLE001 - network errors are reported per document
        yield Skip(url, f"cannot fetch ({type(e).__name__}: {e})")
        return
    head = body.lstrip()[:200].lower()
    if (
        "xml" in ctype
        or "rss" in ctype
        or "atom" in ctype
        or head.startswith((b"<?xml", b"<rss", b"<feed"))
    ):
        yield from formats.feed_articles(url, body, outlet)
        return
    decoded = _decode(url, body)
    if isinstance(decoded, Skip):
        yield decoded
        return
    yield formats.html_article(url, decoded, published, outlet, url=url)
