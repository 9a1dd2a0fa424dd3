"""Documents fetched over HTTP: a feed or an HTML page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rasd.ingest.base import Read, Skip, decode, retrievable
from rasd.ingest.feeds import feed_articles
from rasd.ingest.html import html_article


def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """The body and content type of a URL (one attempt; callers retry)."""
    import urllib.request

    req = urllib.request.Request(url, headers={"User-Agent": "rasd/0.1 (+https://github.com/rasd)"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - user-given URLs
        return resp.read(), resp.headers.get("Content-Type", "")


def read_url(url: str, published: date | None = None, outlet: str | None = None) -> Iterator[Read]:
    """A feed (RSS/Atom) or an HTML page fetched over HTTP."""
    try:
        body, ctype = fetch(url)
    except Exception as e:  # noqa: BLE001 - network errors are reported per document
        yield Skip(url, f"cannot fetch ({type(e).__name__}: {e})", path=url)
        return
    head = body.lstrip()[:200].lower()
    if (
        "xml" in ctype
        or "rss" in ctype
        or "atom" in ctype
        or head.startswith((b"<?xml", b"<rss", b"<feed"))
    ):
        yield from retrievable(feed_articles(url, body, outlet), path=url)
        return
    decoded = decode(url, body)
    if isinstance(decoded, Skip):
        yield Skip(decoded.doc, decoded.reason, path=url)
        return
    yield from retrievable(html_article(url, decoded, published, outlet, url=url), path=url)
