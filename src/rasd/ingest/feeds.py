"""RSS and Atom feeds (feedparser): one article per item."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import IO, Any

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
        yield _entry_article(name, n, e, source)


def feed_file_articles(name: str, fh: IO[bytes], outlet: str | None) -> Iterator[Read]:
    """The items of a feed file, read one at a time (lxml `iterparse`): each item is
    handed to feedparser with the feed's root and the channel elements before it (its
    title, its language), then dropped, so memory does not grow with the number of items.
    A feed that is not well-formed XML is read whole by feedparser's lenient parser, from
    the item where the stream stopped."""
    from lxml import etree

    done = 0
    try:
        for n, one in enumerate(_one_item_feeds(fh), 1):
            art = _single(name, n, one, outlet)
            done = n
            if art is not None:
                yield art
    except etree.XMLSyntaxError:
        fh.seek(0)
        yield from islice(feed_articles(name, fh.read(), outlet), done, None)


def _one_item_feeds(fh: IO[bytes]) -> Iterator[bytes]:
    """The feed as many feeds of one item each: the root and the elements read so far
    (the channel's own, earlier items removed) and one item or entry."""
    from lxml import etree

    fh.seek(0)
    root = None
    for event, el in etree.iterparse(fh, events=("start", "end"), resolve_entities=False):
        if root is None:
            root = el
        if event != "end" or not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if etree.QName(el).localname not in ("item", "entry") or parent is None:
            continue
        if parent is not root and parent.getparent() is not root:
            continue  # an element of that name inside an item
        yield etree.tostring(root, encoding="utf-8", xml_declaration=True)
        parent.remove(el)


def _single(name: str, n: int, data: bytes, outlet: str | None) -> Read | None:
    """The article of a feed of one item, numbered `n` in the whole feed."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        return None
    source = outlet or (feed.feed.get("title") if feed.get("feed") else None)
    return _entry_article(name, n, feed.entries[0], source)


def _entry_article(name: str, n: int, e: Any, source: str | None) -> Read:
    """One feed item as an article (or a skip that keeps the item as a JSON line)."""
    body = ""
    if e.get("content"):
        body = " ".join(c.get("value") or "" for c in e.content)
    # a field present with no value (<description> holding only control bytes) is None
    body = body or e.get("summary") or e.get("description") or ""
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
    return art


def _strip_html(s: str) -> str:
    if "<" not in s:
        return s.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(s).text_content().split())
    except Exception:  # noqa: BLE001 - a broken fragment: keep the raw text
        return s
