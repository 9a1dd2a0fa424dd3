"""The day of an event: day expressions found in normalized text and resolved against the
publication date, and the policy that gives an event its day.

Rules follow how Arabic news dates events: a bare weekday is the most recent such day
on or before publication; أمس is the day before; فجر/مساء + weekday is that weekday;
ليل الخميس الجمعة is the second day (after midnight); explicit Gregorian dates in any
month-name family and Hijri dates are converted. Without a publication date, relative
expressions stay unresolved (None), never "today".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import regex

from rasd.extraction.spans import Spanned, nearest
from rasd.extraction.speech import speech
from rasd.model import Article, Event, Evidence
from rasd.resources import Resources, resources
from rasd.settings import SETTINGS
from rasd.text.normalize import key
from rasd.text.words import alternation


@dataclass(frozen=True, slots=True)
class DateMention:
    """A day expression at normalized offsets [start, end) and the day it names."""

    start: int
    end: int
    day: date | None
    precision: int  # 1 day, 2 week, 3 month
    rule: str
    relative: bool  # resolved against the publication date
    year_only: int | None = None  # a bare year (عام 2014): marks background
    future: bool = False  # غدا: what is announced for tomorrow has not happened


@dataclass(frozen=True)
class _Vocab:
    pattern: regex.Pattern[str]
    prayer: regex.Pattern[str]  # صلاة الجمعة is the Friday prayer, not a day
    weekday: dict[str, int]
    month: dict[str, int]
    hijri: dict[str, int]
    relative: dict[str, int]
    periods: dict[str, dict[str, int]]
    numbers: dict[str, int]  # number words of one word (منذ ثلاثة أيام)


def _vocab() -> _Vocab:
    """Day, month and relative-day words and the date pattern (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> _Vocab:
    y = res.yaml("lexicon/dates.yaml")
    weekday = {key(f): int(n) for n, fs in y["weekdays"].items() for f in fs}
    month = {key(f): int(n) for n, fs in y["months"].items() for f in fs}
    hijri = {key(f): int(n) for n, fs in y["hijri_months"].items() for f in fs}
    relative = {key(f): int(v) for f, v in y["relative_days"].items()}
    periods = {key(f): v for f, v in y["periods"].items()}
    numbers: dict[str, int] = {}
    for r in res.tsv("lexicon/numbers.tsv"):
        if " " not in key(r["arabic"]) and r["kind"] in ("unit", "ten"):
            numbers.setdefault(key(r["arabic"]), int(r["value"]))
    return _Vocab(
        regex.compile(_pattern(y, weekday, month, hijri, relative, periods)),
        regex.compile(alternation(y["prayers"]) + r"\s*$"),
        weekday,
        month,
        hijri,
        relative,
        periods,
        numbers,
    )


def _pattern(
    y: dict[str, Any],
    weekday: dict[str, int],
    month: dict[str, int],
    hijri: dict[str, int],
    relative: dict[str, int],
    periods: dict[str, Any],
) -> str:
    """One pattern with a named group per kind of day expression."""
    a = alternation
    wd, mo, hm, rel, per = a(weekday), a(month), a(hijri), a(relative), a(periods)
    parts, past = a(y["day_parts"]), a(y["past_markers"])
    # a bare month name after a preposition; short forms (آب = father, ماي) need a day
    short = {key(f) for f in y["bare_month_exceptions"]}
    mo_only = a([f for f in month if len(f) > 3 and f not in short])
    ago, units, two = a(y["ago"]), a(y["day_units"]), a(y["two_days"])
    day_w, month_w, of = a(y["day_words"]), a(y["month_words"]), a(y["of_words"])
    year_w, hijri_year_w = a(y["year_words"]), a(y["hijri_year_words"])
    heads, month_past = a(y["month_alone_heads"]), a(y["month_past"])
    ly_heads, ly_past = a(y["last_year_heads"]), a(y["last_year_past"])
    b = r"(?<![\p{L}\p{N}])"  # word start, clitics allowed via the optional group
    e = r"(?![\p{L}\p{N}])"
    cl = a(y["proclitics"]) + "?"
    year = r"(?:19|20)\d\d"
    return (
        # 17 يوليو (تموز) 2015 — day, month, optional second month family, optional year
        rf"{b}(?:{cl}(?:{day_w}\s+)?)?(?P<gd>\d{{1,2}})\s*(?:{of}\s+)?(?:{month_w}\s+)?(?P<gm>{mo}){e}"
        rf"(?:\s*[(/]\s*{mo}(?:\s*\))?)?(?:\s*(?:{of}\s+)?{year_w}?\s*(?P<gy>{year}))?"
        rf"|{b}(?P<hd>\d{{1,2}})\s+(?P<hm>{hm}){e}(?:\s+{hijri_year_w}?\s*(?P<hy>1[34]\d\d))?"
        rf"|{b}(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})[/.-](?P<ny>{year}){e}"
        rf"|{b}{cl}(?:{parts}\s+)?(?:{day_w}\s+)?(?P<rel>{rel}){e}(?:\s*،?\s*(?P<rw>{wd}){e})?"
        rf"|{b}{cl}(?:(?P<part>{parts})\s+)?(?:{day_w}\s+)?(?P<wd>{wd}){e}"
        rf"(?:\s+(?P<wd2>{wd}){e})?(?:\s+(?P<past>{past}){e})?"
        rf"|{b}{cl}(?P<per>{per}){e}"
        rf"|{b}{cl}{ago}\s+(?:(?P<agon>\d{{1,2}}|\w+)\s+{units}|(?P<two>{two})){e}"
        rf"|{b}{cl}{year_w}\s+(?P<year>{year}){e}"
        # a month alone (في مارس الماضي، خلال شهر يونيو): precision 3
        rf"|{b}{heads}\s+(?:{month_w}\s+)?(?P<mo>{mo_only}){e}"
        rf"(?:\s*[(/]\s*{mo}(?:\s*\))?)?(?:\s+{month_past})?(?:\s+(?:{of}\s+)?{year_w}?\s*(?P<moy>{year}))?"
        rf"(?P<lastyear>\s+(?:{of}\s+)?{ly_heads}\s+{ly_past})?"
    )


def _weekday_on_or_before(pub: date, wd: int, strictly_before: bool) -> date:
    delta = (pub.weekday() - wd) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return pub - timedelta(days=delta)


def _month_day(pub: date | None, month: int, day: int, year: int | None) -> date | None:
    """Day/month with the year given, else the most recent such date on or before publication."""
    try:
        if year:
            return date(year, month, day)
        if pub is None:
            return None
        d = date(pub.year, month, day)
        return d if d <= pub + timedelta(days=1) else date(pub.year - 1, month, day)
    except ValueError:
        return None


def _hijri(day: int, month: int, year: int | None, pub: date | None) -> date | None:
    from hijridate import Gregorian, Hijri

    try:
        if year is None:
            if pub is None:
                return None
            year = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
            g = Hijri(year, month, day).to_gregorian()
            if date(g.year, g.month, g.day) > pub + timedelta(days=1):
                g = Hijri(year - 1, month, day).to_gregorian()
        else:
            g = Hijri(year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every day expression in normalized `text`, resolved against `published` where possible."""
    v = _vocab()
    out: list[DateMention] = []
    for m in v.pattern.finditer(text):
        s = m.start()
        if m.group("wd") and v.prayer.search(text, max(0, s - 8), s):
            continue  # صلاة الجمعة is the Friday prayer, not a day
        kind = next(k for k in _READERS if m.group(k))
        found = _READERS[kind](m, v, published)
        if found is not None:
            out.append(found)
    return out


def _gregorian(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    gy = m.group("gy")
    day = _month_day(pub, v.month[m.group("gm")], int(m.group("gd")), int(gy) if gy else None)
    return _mention(m, day, 1, not gy)


def _hijri_day(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    hy = m.group("hy")
    day = _hijri(int(m.group("hd")), v.hijri[m.group("hm")], int(hy) if hy else None, pub)
    return _mention(m, day, 1, not hy)


def _numeric(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    try:
        day = date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
    except ValueError:
        return None
    return _mention(m, day, 1, False)


def _relative(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    offset = v.relative[m.group("rel")]
    day: date | None
    if m.group("rw") and pub is not None:
        # أمس الجمعة: the weekday names the same day; trust the weekday
        d = pub + timedelta(days=offset)
        wd = v.weekday[m.group("rw")]
        day = d if d.weekday() == wd else _weekday_on_or_before(pub, wd, offset < 0)
    else:
        day = pub + timedelta(days=offset) if pub else None
    return _mention(m, day, 1, True, future=offset > 0)


def _weekday(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    # ليل الخميس الجمعة: the night between two days is coded to the second day
    wd = v.weekday[m.group("wd2") or m.group("wd")]
    day = _weekday_on_or_before(pub, wd, bool(m.group("past"))) if pub else None
    return _mention(m, day, 1, True)


def _period(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    p = v.periods[m.group("per")]
    day = None
    if pub is not None:
        if "year" in p:
            day = date(pub.year + p["year"], 7, 1)
        elif "week" in p:
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=p["week"])
            day = monday + timedelta(days=2)
        else:
            first = pub.replace(day=1)
            for _ in range(-p.get("month", 0)):
                first = (first - timedelta(days=1)).replace(day=1)
            day = first.replace(day=15)
    return _mention(m, day, int(p["precision"]), True)


def _ago(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    agon = m.group("agon")
    n = 2 if m.group("two") else (int(agon) if agon.isdigit() else v.numbers.get(agon))
    if n is None:
        return None
    return _mention(m, pub - timedelta(days=n) if pub else None, 1, True)


def _month(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    year = int(m.group("moy")) if m.group("moy") else None
    month = v.month[m.group("mo")]
    if pub is not None and month == pub.month and year in (None, pub.year):
        day: date | None = min(pub, pub.replace(day=15))  # this month, not over yet
    else:
        day = _month_day(pub, month, 15, year)
    return _mention(m, day, 3, not m.group("moy"))


def _year(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    return _mention(m, None, 3, False, year_only=int(m.group("year")))


def _mention(
    m: regex.Match[str],
    day: date | None,
    precision: int,
    relative: bool,
    year_only: int | None = None,
    future: bool = False,
) -> DateMention:
    return DateMention(
        m.start(), m.end(), day, precision, m.group().strip(), relative, year_only, future
    )


# the group that tells which kind of expression matched → its reader
_READERS: dict[str, Callable[[regex.Match[str], _Vocab, date | None], DateMention | None]] = {
    "gm": _gregorian,
    "hm": _hijri_day,
    "nm": _numeric,
    "rel": _relative,
    "wd": _weekday,
    "per": _period,
    "two": _ago,
    "agon": _ago,
    "mo": _month,
    "year": _year,
}


# -- which day an event takes ------------------------------------------------------------


def choose_day(
    s_dates: list[DateMention], pos: int, sent_start: int, text: str, place: Spanned | None
) -> DateMention | None:
    """The day expression of the sentence that dates the event whose trigger is at `pos`:
    the nearest one, but not the day a statement was made (قال X، الأربعاء، إن …) unless
    the sentence has no other; between the trigger and a place after it when there is one."""

    sp = speech()

    def statement_day(d: DateMention) -> bool:
        # قال X، الأربعاء، إن … / أكدت الشرطة اليوم …: the day of the statement
        return d.end <= pos and bool(
            (
                sp.complementizer.search(text, d.end, pos)
                and sp.verb.search(text, sent_start, d.start)
            )
            or sp.verb.search(text, max(sent_start, d.start - 35), d.start)
        )

    usable = [d for d in s_dates if d.year_only is None]
    days = [d for d in usable if not statement_day(d)] or usable
    if not days or all(statement_day(d) for d in days):
        # only the statement's day: it dates the event when the sentence has no other
        days = [d for d in days if not sp.complementizer.search(text, d.end, pos)] if days else []
    chosen: DateMention | None = nearest(
        days or [d for d in s_dates if d.year_only is not None], pos
    )
    if place is not None and place.start > pos:
        # استهدف أولهما الإثنين مجمعا في مطار بغداد: the day between trigger and place
        between = [d for d in days if pos <= d.start and d.end <= place.start]
        if between:
            chosen = between[-1]
    return chosen


def date_event(
    ev: Event,
    day: DateMention | None,
    article: Article,
    cite: Callable[[int, int, str], Evidence],
) -> str:
    """Give the event its day. Returns "drop" when the day shows it is no news of this
    article (announced for tomorrow, or only a year long past), "year" when only a year of
    the publication year dates it (the publication day is used), else "day"."""
    if day is not None and day.future:
        return "drop"  # تنظر المحكمة غدا: announced, not happened
    if day is not None and day.day is not None:
        ev.event_date, ev.time_precision = day.day, day.precision
        ev.cite("event_date", cite(day.start, day.end, f"date:{day.rule}"))
        return "day"
    if day is not None and day.year_only is not None:
        if article.published and day.year_only < article.published.year:
            return "drop"
        undated(ev, article)
        return "year"
    undated(ev, article)
    return "day"


def undated(ev: Event, article: Article) -> Event:
    """The article's own news with no day word: the publication day (SPEC)."""
    if article.published is not None:
        ev.event_date, ev.time_precision = article.published, 1
    else:
        ev.event_date, ev.time_precision = None, 1
    ev.cite(
        "event_date",
        Evidence(-1, -1, "", "default: publication date" if article.published else "unknown"),
    )
    return ev


def keep(ev: Event, pub: date | None) -> bool:
    """Whether an event's day fits the article's news: not in the future, not background
    from more than `background_days` before publication."""
    if pub is None or ev.event_date is None:
        return True
    if ev.event_date > pub + timedelta(days=1):
        return False  # a future or planned event
    return (pub - ev.event_date).days <= SETTINGS.background_days
