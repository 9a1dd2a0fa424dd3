"""HTML pages: the main text without menus and footers (trafilatura), title and date."""

from __future__ import annotations

from datetime import date

from rasd.ingest.base import Skip, make_article, parse_date
from rasd.model import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


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
