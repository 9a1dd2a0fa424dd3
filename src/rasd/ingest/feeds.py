"""RSS and Atom feeds (feedparser): one article per item."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rasd.ingest.base import Skip, make_article
from rasd.model import Article

FEED_SUFFIXES = (".rss", ".atom", ".xml")


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
