"""RSS and Atom feeds (feedparser): one article per item."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from rasd.ingest.base import Read, Skip, make_article, with_title

FEED_SUFFIXES = (".rss", ".atom", ".xml")


def feed_articles(name: str, data: bytes | str, outlet: str | None) -> Iterator[Read]:
    """The items of an RSS or Atom feed, one article each: the full content or summary,
    with the title as the headline (kept in `title`; in the text only when the body is too
    short to be read alone)."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Skip(name, f"not a feed ({type(feed.bozo_exception).__name__})", path=name)
        return
    source = outlet or (feed.feed.get("title") if feed.get("feed") else None)
    for n, e in enumerate(feed.entries, 1):
        body = ""
        if e.get("content"):
            body = " ".join(c.get("value", "") for c in e.content)
        body = body or e.get("summary", "") or e.get("description", "")
        title = e.get("title")
        text = with_title(title, _strip_html(body))
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        pub = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        doc = e.get("id") or e.get("link") or f"{name}#{n}"
        art = make_article(str(doc), text, pub, source, url=e.get("link"), title=title)
        if isinstance(art, Skip):  # the item as a JSON line rasd reads back
            rec = {
                "id": str(doc),
                "title": title,
                "text": text,
                "url": e.get("link"),
                "published": pub.isoformat() if pub else None,
            }
            art = replace(art, raw=json.dumps(rec, ensure_ascii=False))
        yield art


def _strip_html(s: str) -> str:
    if "<" not in s:
        return s.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(s).text_content().split())
    except Exception:  # noqa: BLE001 - a broken fragment: keep the raw text
        return s
