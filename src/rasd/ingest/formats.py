"""Document formats beyond plain text and JSON Lines: HTML pages (boilerplate removed
with trafilatura), RSS/Atom feeds (feedparser), WARC crawls (warcio), CSV and Parquet.

Each reader yields `Article`s or `Skip`s with the reason, like `rasd.ingest.base`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rasd.ingest.base import Skip, make_article, parse_date
from rasd.model import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")


def html_article(
    doc: str, html: str, published: date | None, outlet: str | None, url: str | None = None
) -> Article | Skip:
    """The main text of an HTML page, its title and date, without menus and footers."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text:
        return Skip(doc, "no article text in the HTML page")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    pub = parse_date(meta.date) if meta and meta.date else None
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return make_article(
        doc, text, pub or published, outlet, url=url or (meta.url if meta else None), title=title
    )


def feed_articles(name: str, data: bytes | str, outlet: str | None) -> Iterator[Article | Skip]:
    """The items of an RSS or Atom feed, one article each (title + full content or summary)."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Skip(name, f"not a feed ({type(feed.bozo_exception).__name__})")
        return
    source = outlet or (feed.feed.get("title") if feed.get("feed") else None)
    for n, e in enumerate(feed.entries, 1):
        body = ""
        if e.get("content"):
            body = " ".join(c.get("value", "") for c in e.content)
        body = body or e.get("summary", "") or e.get("description", "")
        text = _strip_html(body)
        title = e.get("title")
        if title and not text.startswith(title):
            text = f"{title}\n{text}"
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        pub = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        doc = e.get("id") or e.get("link") or f"{name}#{n}"
        yield make_article(str(doc), text, pub, source, url=e.get("link"), title=title)


def _strip_html(s: str) -> str:
    if "<" not in s:
        return s.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(s).text_content().split())
    except Exception:  # noqa: BLE001 - a broken fragment: keep the raw text
        return s


def warc_articles(
    path: Path, published: date | None, outlet: str | None
) -> Iterator[Article | Skip]:
    """HTML responses of a WARC file (news crawls), one article each."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                ctype = (
                    record.http_headers.get_header("Content-Type") if record.http_headers else ""
                ) or ""
                if "html" not in ctype.lower():
                    continue
                raw = record.content_stream().read()
                html = raw.decode("utf-8", errors="replace")
                crawled = parse_date(record.rec_headers.get_header("WARC-Date") or "")
                yield html_article(url or str(path), html, published or crawled, outlet, url=url)
    except Exception as e:  # noqa: BLE001 - a truncated or corrupt archive ends here, reported
        yield Skip(str(path), f"unreadable WARC file ({type(e).__name__}: {e})")


def _row_article(
    name: str, n: int, row: dict[str, Any], published: date | None, outlet: str | None
) -> Article | Skip:
    text = row.get("text")
    doc = str(row.get("id") or f"{name}:{n}")
    if not isinstance(text, str):
        return Skip(doc, "missing field 'text'")
    pub = row.get("published")
    if isinstance(pub, datetime):
        pub = pub.date()
    return make_article(
        doc,
        text,
        parse_date(pub) or published,
        row.get("outlet") or outlet,
        url=row.get("url") or None,
        title=row.get("title") or None,
    )


def csv_articles(
    name: str, text: str, published: date | None, outlet: str | None
) -> Iterator[Article | Skip]:
    """Rows of a CSV file with a header (id, text, published, outlet, url, title)."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Skip(name, "CSV without a 'text' column")
        return
    for n, row in enumerate(reader, 2):
        yield _row_article(name, n, row, published, outlet)


def parquet_articles(
    path: Path, published: date | None, outlet: str | None
) -> Iterator[Article | Skip]:
    """Rows of a Parquet file (columns as in JSON Lines)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as e:  # noqa: BLE001 - not Parquet after all
        yield Skip(str(path), f"unreadable Parquet file ({type(e).__name__})")
        return
    for n, row in enumerate(table.to_pylist(), 1):
        yield _row_article(str(path), n, row, published, outlet)
