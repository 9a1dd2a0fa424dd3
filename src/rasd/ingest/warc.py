"""WARC crawls (warcio): the HTML responses, one article each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from rasd.ingest.base import Read, Skip, retrievable
from rasd.ingest.html import html_article

WARC_SUFFIXES = (".warc", ".warc.gz")


def warc_articles(path: Path, published: date | None, outlet: str | None) -> Iterator[Read]:
    """HTML responses of a WARC file (news crawls), one article each. A page takes the
    date it gives itself (or `published`), never the crawl day: an article fetched a
    week after it appeared would put «أمس» six days late."""
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
                page = html_article(url or str(path), html, published, outlet, url=url)
                yield from retrievable(page, raw=html)
    except Exception as e:  # noqa: BLE001 - a truncated or corrupt archive ends here, reported
        yield Skip(str(path), f"unreadable WARC file ({type(e).__name__}: {e})", path=str(path))
