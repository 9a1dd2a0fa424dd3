"""The extraction pipeline: read the article's hits, read it sentence by sentence into
mentions, build a record per mention, keep the article's own news and fold repeated
mentions of one event together.

`extract(text, published=…, outlet=…)` is the whole of rasd for one article.
"""

from __future__ import annotations

from datetime import date

from rasd.claims import settle
from rasd.extraction.context import read_article
from rasd.extraction.dates import keep
from rasd.extraction.dedupe import merge_events
from rasd.extraction.discourse import Discourse
from rasd.extraction.record import to_event
from rasd.model import Article, Event
from rasd.settings import SETTINGS


def extract_article(article: Article) -> list[Event]:
    """Events of one article (see `rasd.extract` for the simple call)."""
    ctx = read_article(article)  # normalize, segment, find every trigger, place, day, actor
    if ctx is None:
        return []
    mentions = Discourse(ctx).read()  # sentence by sentence: frames → mentions
    events = [ev for m in mentions if (ev := to_event(m, ctx)) is not None]
    merged = merge_events([ev for ev in events if keep(ev, article.published) and one_event(ev)])
    for ev in merged:
        settle(ev)  # conflicts between sources, confidence, notes
    return merged


def one_event(ev: Event) -> bool:
    """Whether the death toll can be one event's: a thousand dead and more (مقتل 2070 شخصا
    من أبناء الموصل، 15 ألف قتيل) is the running total of a war or a campaign."""
    return ev.fatalities is None or ev.fatalities < SETTINGS.aggregate_toll


def extract(
    text: str, published: date | str | None = None, outlet: str | None = None, id: str = "doc"
) -> list[Event]:
    """Events in one Arabic article; `published` is a date or "YYYY-MM-DD"."""
    if not isinstance(text, str):
        raise TypeError(f"rasd.extract: text must be a str, not {type(text).__name__}")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise ValueError(
                f"rasd.extract: published must be YYYY-MM-DD, got {published!r}"
            ) from None
    elif published is not None and not isinstance(published, date):
        raise TypeError(f"rasd.extract: published must be a date, not {type(published).__name__}")
    if published is not None and not SETTINGS.plausible_day(published):
        raise ValueError(
            f"rasd.extract: published {published} is outside "
            f"{SETTINGS.first_day} … {SETTINGS.last_day}"
        )
    return extract_article(Article(id=id, text=text, published=published, outlet=outlet))
