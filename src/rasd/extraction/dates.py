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

import regex

from rasd.extraction.spans import Spanned, nearest
from rasd.extraction.speech import speech
from rasd.model import Article, Event, Evidence
from rasd.resources import Resources, resources
from rasd.settings import SETTINGS
from rasd.text.normalize import key


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


def _alt(forms: list[str]) -> str:
    keys = sorted({key(f) for f in forms}, key=len, reverse=True)
    return "|".join(regex.escape(k) for k in keys)


@dataclass(frozen=True)
class _Vocab:
    pattern: regex.Pattern[str]
    weekday: dict[str, int]
    month: dict[str, int]
    hijri: dict[str, int]
    relative: dict[str, int]
    periods: dict[str, dict[str, int]]


def _vocab() -> _Vocab:
    """Day, month and relative-day words and the date pattern (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> _Vocab:
    y = res.yaml("lexicon/dates.yaml")
    weekday = {key(f): int(n) for n, fs in y["weekdays"].items() for f in fs}
    # weekday names after a clitic: والخميس
    month = {key(f): int(n) for n, fs in y["months"].items() for f in fs}
    hijri = {key(f): int(n) for n, fs in y["hijri_months"].items() for f in fs}
    relative = {key(f): int(v) for f, v in y["relative_days"].items()}
    periods = {key(f): v for f, v in y["periods"].items()}
    wd = _alt(list(weekday))
    mo = _alt(list(month))
    hm = _alt(list(hijri))
    rel = _alt(list(relative))
    parts = _alt(y["day_parts"])
    past = _alt(y["past_markers"])
    per = _alt(list(periods))
    # a bare month name after a preposition; short forms (آب = father, ماي) need a day
    mo_only = _alt([f for f in month if len(f) > 3 and f not in ("ماي",)])
    ago = _alt(y["ago"])
    units = _alt(y["day_units"])
    two = _alt(y["two_days"])
    b = r"(?<![\p{L}\p{N}])"  # word start, clitics allowed via the optional group
    e = r"(?![\p{L}\p{N}])"
    cl = r"(?:[وفب]|ل)?"
    pat = (
        # 17 يوليو (تموز) 2015 — day, month, optional second month family, optional year
        rf"{b}(?:{cl}(?:يوم\s+)?)?(?P<gd>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<gm>{mo}){e}"
        rf"(?:\s*[(/]\s*(?:{mo})(?:\s*\))?)?(?:\s*(?:من\s+)?(?:عام|سنه|العام)?\s*(?P<gy>(?:19|20)\d\d))?"
        rf"|{b}(?P<hd>\d{{1,2}})\s+(?P<hm>{hm}){e}(?:\s+(?:عام|سنه)?\s*(?P<hy>1[34]\d\d))?"
        rf"|{b}(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})[/.-](?P<ny>(?:19|20)\d\d){e}"
        rf"|{b}(?:{cl})(?:(?:{parts})\s+)?(?:(?:يوم|نهار)\s+)?(?P<rel>{rel}){e}(?:\s*،?\s*(?P<rw>{wd}){e})?"
        rf"|{b}(?:{cl})(?:(?P<part>{parts})\s+)?(?:(?:يوم|نهار)\s+)?(?P<wd>{wd}){e}"
        rf"(?:\s+(?P<wd2>{wd}){e})?(?:\s+(?P<past>{past}){e})?"
        rf"|{b}(?:{cl})(?P<per>{per}){e}"
        rf"|{b}(?:{cl})(?:{ago})\s+(?:(?P<agon>\d{{1,2}}|\w+)\s+(?:{units})|(?P<two>{two})){e}"
        rf"|{b}(?:{cl})(?:عام|سنه|العام)\s+(?P<year>(?:19|20)\d\d){e}"
        # a month alone (في مارس الماضي، خلال شهر يونيو): precision 3
        rf"|{b}(?:في|خلال|منذ|مطلع|اواخر|اوائل|نهايه|بدايه)\s+(?:شهر\s+)?(?P<mo>{mo_only}){e}"
        rf"(?:\s*[(/]\s*(?:{mo})(?:\s*\))?)?(?:\s+(?:الماضي|المنصرم|الفائت))?(?:\s+(?:من\s+)?(?:عام|سنه|العام)?\s*(?P<moy>(?:19|20)\d\d))?"
        rf"(?P<lastyear>\s+(?:من\s+)?(?:العام|السنه)\s+(?:الماضي|الماضيه|المنصرم))?"
    )
    return _Vocab(regex.compile(pat), weekday, month, hijri, relative, periods)


_PRAYER = regex.compile(r"(?:صلاه|خطبه|صلوات)\s*$")
_SMALL = {
    "ثلاثه": 3,
    "اربعه": 4,
    "خمسه": 5,
    "سته": 6,
    "سبعه": 7,
    "ثمانيه": 8,
    "تسعه": 9,
    "عشره": 10,
}


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
        g = m.groupdict()
        s, e = m.start(), m.end()
        if g["wd"] and _PRAYER.search(text, max(0, s - 8), s):
            continue  # صلاة الجمعة is the Friday prayer, not a day
        rule = m.group().strip()
        if g["gm"]:
            day = _month_day(
                published, v.month[g["gm"]], int(g["gd"]), int(g["gy"]) if g["gy"] else None
            )
            out.append(DateMention(s, e, day, 1, rule, not g["gy"]))
        elif g["hm"]:
            day = _hijri(
                int(g["hd"]), v.hijri[g["hm"]], int(g["hy"]) if g["hy"] else None, published
            )
            out.append(DateMention(s, e, day, 1, rule, not g["hy"]))
        elif g["nm"]:
            try:
                day = date(int(g["ny"]), int(g["nm"]), int(g["nd"]))
            except ValueError:
                continue
            out.append(DateMention(s, e, day, 1, rule, False))
        elif g["rel"]:
            offset = v.relative[g["rel"]]
            if g["rw"] and published is not None:
                # أمس الجمعة: the weekday names the same day; trust the weekday
                d = published + timedelta(days=offset)
                wd = v.weekday[g["rw"]]
                day = d if d.weekday() == wd else _weekday_on_or_before(published, wd, offset < 0)
            else:
                day = published + timedelta(days=offset) if published else None
            out.append(DateMention(s, e, day, 1, rule, True, future=offset > 0))
        elif g["wd"]:
            # ليل الخميس الجمعة: the night between two days is coded to the second day
            wd = v.weekday[g["wd2"] or g["wd"]]
            day = _weekday_on_or_before(published, wd, bool(g["past"])) if published else None
            out.append(DateMention(s, e, day, 1, rule, True))
        elif g["per"]:
            p = v.periods[g["per"]]
            day = None
            if published is not None:
                if "year" in p:
                    day = date(published.year + p["year"], 7, 1)
                elif "week" in p:
                    monday = (
                        published - timedelta(days=published.weekday()) + timedelta(weeks=p["week"])
                    )
                    day = monday + timedelta(days=2)
                else:
                    first = published.replace(day=1)
                    for _ in range(-p.get("month", 0)):
                        first = (first - timedelta(days=1)).replace(day=1)
                    day = first.replace(day=15)
            out.append(DateMention(s, e, day, int(p["precision"]), rule, True))
        elif g["two"] or g["agon"]:
            n = (
                2
                if g["two"]
                else (int(g["agon"]) if g["agon"].isdigit() else _SMALL.get(g["agon"]))
            )
            if n is None:
                continue
            day = published - timedelta(days=n) if published else None
            out.append(DateMention(s, e, day, 1, rule, True))
        elif g["mo"]:
            year = int(g["moy"]) if g["moy"] else None
            month = v.month[g["mo"]]
            if (
                published is not None
                and month == published.month
                and year in (None, published.year)
            ):
                day = min(published, published.replace(day=15))  # this month, not over yet
            else:
                day = _month_day(published, month, 15, year)
            out.append(DateMention(s, e, day, 3, rule, not g["moy"]))
        elif g["year"]:
            out.append(DateMention(s, e, None, 3, rule, False, int(g["year"])))
    return out


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
