"""HTML pages: the main text without menus and footers (trafilatura), title and date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

from rasd.ingest.base import Notice, Read, Skip, make_article, parse_date, with_title

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "favor_precision": True,
}


def html_article(
    doc: str, html: str, published: date | None, outlet: str | None, url: str | None = None
) -> Iterator[Read]:
    """The main text of an HTML page, its title and date, without menus and footers. A
    page nested deeper than libxml2 reads (255 levels) is parsed again without that limit;
    one deeper still (2,048) gives its plain text, with a notice."""
    text, deep = _main_text(html)
    if deep:
        yield Notice(doc, "HTML nested too deeply to remove menus; its plain text is read")
    if not text:
        yield Skip(doc, "no article text in the HTML page")
        return
    meta = _metadata(html)
    title = meta.title if meta else None
    pub = parse_date(meta.date) if meta and meta.date else None
    text = with_title(title, text)
    yield make_article(
        doc, text, pub or published, outlet, url=url or (meta.url if meta else None), title=title
    )


def _main_text(html: str) -> tuple[str | None, bool]:
    """The article text and whether the page was too deep for boilerplate removal."""
    import lxml.html
    import trafilatura

    try:
        text = trafilatura.extract(html, **_OPTIONS)
    except (RecursionError, ValueError):
        text = None
    if text:
        return text, False
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.fromstring(html, parser=parser)
    except Exception:  # noqa: BLE001 - lxml refuses some documents outright
        return _plain_text(html), True
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return _plain_text(html), True
    try:
        return trafilatura.extract(tree, **_OPTIONS), False
    except (RecursionError, ValueError):
        return _plain_text(html), True


def _metadata(html: str) -> Any:
    import trafilatura

    try:
        return trafilatura.extract_metadata(html)
    except (RecursionError, ValueError):
        return None


class _Text(HTMLParser):
    """The text of a page outside scripts and styles (the standard library's parser has
    no depth limit)."""

    SKIP = frozenset({"script", "style", "head", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def _plain_text(html: str) -> str | None:
    p = _Text()
    p.feed(html)
    p.close()
    return "\n".join(p.parts) or None
