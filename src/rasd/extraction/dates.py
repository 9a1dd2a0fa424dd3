"""The day of an event: day expressions found in normalized text and resolved against the
publication date, and the policy that gives an event its day.

Rules follow how Arabic news dates events: a bare weekday is the most recent such day
on or before publication; أمس is the day before; فجر/مساء + weekday is that weekday;
ليل الخميس الجمعة is the second day (after midnight); explicit Gregorian dates in any
month-name family and Hijri dates are converted. Without a publication date, relative
expressions stay unresolved (None), never "today".
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import regex

from rasd.extraction.spans import Spanned, nearest
from rasd.extraction.speech import speech
from rasd.model import Article, Event, Evidence
from rasd.resources import Resources, resources
from rasd.settings import SETTINGS
from rasd.text.anchored import DIGITS, Anchored, runs
from rasd.text.normalize import key
from rasd.text.words import alternation, grammar


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
    yearless: bool = False  # a day and month without a year (the year is guessed)
    # بعد يومين على الهجوم: the day of what follows (the attack), not of the sentence's news
    of_next: bool = False

    @property
    def year_of(self) -> int | None:
        """The year the expression states outright (عام 2001، 5 مايو 2001), else None."""
        if self.year_only is not None:
            return self.year_only
        return self.day.year if self.day is not None and not self.relative else None


@dataclass(frozen=True)
class _Vocab:
    pattern: regex.Pattern[str]
    anchored: Anchored  # the pattern tried only near the words a day expression holds
    prayer: regex.Pattern[str]  # صلاة الجمعة is the Friday prayer, not a day
    future_verb: regex.Pattern[str]  # a future particle or س + imperfect verb, clause-final
    not_future: frozenset[str]  # nouns that look like a future verb (سيارة، سنة)
    weekday: dict[str, int]
    month: dict[str, int]
    hijri: dict[str, int]
    relative: dict[str, int]
    periods: dict[str, dict[str, int]]
    numbers: dict[str, int]  # number words of one word (منذ ثلاثة أيام)
    ordinals: dict[str, int]  # ordinal day words (الثامن من مايو)
    ago_units: dict[str, dict[str, int]]  # أسبوع → 7 days, precision 2
    parts: dict[str, int]  # مطلع → day 5 of the month
    relative_months: dict[str, int]  # الشهر الماضي → -1
    relative_years: dict[str, int]  # العام الماضي → -1
    today: str  # the matching key of اليوم
    today_after: frozenset[str]  # words after اليوم that make it no calendar day
    today_before: frozenset[str]


def _vocab() -> _Vocab:
    """Day, month and relative-day words and the date pattern (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> _Vocab:
    y = res.yaml("lexicon/dates.yaml")

    def table(name: str) -> dict[str, int]:
        return {key(f): int(v) for f, v in y[name].items()}

    def by_number(name: str) -> dict[str, int]:
        return {key(f): int(n) for n, fs in y[name].items() for f in fs}

    numbers: dict[str, int] = {}
    for r in res.tsv("lexicon/numbers.tsv"):
        if " " not in key(r["arabic"]) and r["kind"] in ("unit", "ten"):
            numbers.setdefault(key(r["arabic"]), int(r["value"]))
    v = _Vocab(
        regex.compile(""),
        Anchored(None, {}),
        regex.compile(alternation(y["prayers"]) + r"\s*$"),
        regex.compile(
            rf"(?<![\p{{L}}])(?:{alternation(y['future_particles'])}|[وف]?(?P<verb>س[يت]\p{{L}}{{2,}}))"
            r"(?![\p{L}])[^.،,؛:!?\n]{0,40}$"
        ),
        frozenset(key(w) for w in y["not_future_words"]),
        by_number("weekdays"),
        by_number("months"),
        by_number("hijri_months"),
        table("relative_days"),
        {key(f): p for f, p in y["periods"].items()},
        numbers,
        table("ordinal_days"),
        {key(f): d for f, d in {**y["ago_units"], **y["ago_duals"]}.items()},
        table("month_parts"),
        table("relative_months"),
        table("relative_years"),
        key("اليوم"),
        frozenset(key(w) for w in y["today_not_a_day"]["after"]),
        frozenset(key(w) for w in y["today_not_a_day"]["before"]),
    )
    pattern = regex.compile(_pattern(y, v))
    return replace(v, pattern=pattern, anchored=Anchored(pattern, _anchors(y, v)))


def _pattern(y: dict[str, Any], v: _Vocab) -> str:
    """One pattern with a named group per kind of day expression."""
    a = alternation
    wd, mo, hm, rel, per = a(v.weekday), a(v.month), a(v.hijri), a(v.relative), a(v.periods)
    parts, past, nxt = a(y["day_parts"]), a(y["past_markers"]), a(y["future_markers"])
    # a bare month name after a preposition; short forms (آب = father, ماي) need a day
    short = {key(f) for f in y["bare_month_exceptions"]}
    mo_only = a([f for f in v.month if len(f) > 3 and f not in short])
    part, rel_month = a(v.parts), a(v.relative_months)
    day_w, month_w, of = a(y["day_words"]), a(y["month_words"]), a(y["of_words"])
    year_w, hijri_year_w = a(y["year_words"]), a(y["hijri_year_words"])
    seasons, week_w, plural = a(y["season_words"]), a(y["week_words"]), a(y["plural_endings"])
    bare_year = a(y["bare_year_heads"])
    heads, month_past = a(y["month_alone_heads"]), a(y["month_past"])
    ly_heads, ly_past = a(y["last_year_heads"]), a(y["last_year_past"])
    rel_year, joiners = a(v.relative_years), a(y["range_joiners"])
    links, agreeing = a(y["weekday_date_links"]), a(y["weekday_date_links"][:1])
    b, e = r"(?<![\p{L}\p{N}])", r"(?![\p{L}\p{N}])"  # word start (clitics may follow), end
    cl = a(y["proclitics"]) + "?"
    family2 = rf"(?:(?:\s*[(/]\s*|\s+){mo}{e}(?:\s*\))?)?"  # a second name of the month
    year = r"(?:1[0-9]|20)\d\d"
    day = rf"(?:(?:{a(y['digit_article'])})?\d{{1,2}}|{a(v.ordinals)})"
    # the month of a day: a month name (with an optional second family: أغسطس (آب), أغسطس
    # آب), or the current month
    month_of_day = (
        rf"(?:(?P<gm>{mo}){e}(?:(?:\s*[(/]\s*|\s+){mo}{e}(?:\s*\))?)?|(?P<gcur>{rel_month}){e})"
    )
    # its year: digits, or relative to publication (من العام الماضي)
    year_of_day = (
        rf"(?:\s*(?:{of}\s+)?{year_w}?\s*(?P<gy>{year})(?!\d)"
        rf"|\s+(?:{of}\s+)?{ly_heads}\s+(?P<gyrel>{rel_year}){e})?"
    )
    return (
        # من 12 إلى 15 مايو: a range of days, coded to its first
        rf"{b}(?:{of}\s+)?(?P<rd>\d{{1,2}})(?:\s+{joiners}\s+|\s*-\s*)\d{{1,2}}\s+(?:{of}\s+)?(?:{month_w}\s+)?"
        + month_of_day.replace("?P<gm>", "?P<rm>").replace("?P<gcur>", "?P<rcur>")
        + year_of_day.replace("?P<gy>", "?P<ry>").replace("?P<gyrel>", "?P<ryrel>")
        # 17 يوليو (تموز) 2015, الثامن من مايو, 12 من الشهر الجاري, الاثنين 18 شباط
        + rf"|{b}(?:{cl}(?:{day_w}\s+)?(?:(?P<gwd>{wd})\s*،?\s*(?:{links}\s+)?)?)?(?P<gd>{day})\s*"
        + rf"(?:{of}\s+)?(?:{month_w}\s+)?"
        + month_of_day
        + year_of_day
        # الجمعة الموافق 15: the day of the month the weekday falls on; السبت 21/09: its day/month
        # السبت السادس عشر: a weekday and an ordinal of ten or more (no «the first Sunday»)
        + rf"|{b}{cl}(?:{parts}\s+)?(?:{day_w}\s+)?(?P<lwd>{wd})\s*،?\s*"
        + rf"(?:{agreeing}\s+(?P<ld>{day})|(?P<ldo>{a([o for o, n in v.ordinals.items() if n >= 10])})"
        + r"|(?P<ldd>\d{1,2})\s*/\s*(?P<ldm>\d{1,2})(?![\p{N}/.-])"
        # الجمعة 15: digits alone after the weekday, before no word (الجمعة 15 قتيلا)
        + r"|(?P<ldn>\d{1,2})(?![\p{N}/.-]|\s*\p{L}))"
        + e
        + rf"|{b}(?P<hd>\d{{1,2}})\s+(?P<hm>{hm}){e}(?:\s+{hijri_year_w}?\s*(?P<hy>1[34]\d\d))?"
        rf"|{b}(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})[/.-](?P<ny>{year}){e}"
        rf"|{b}(?P<iy>{year})[/.-](?P<im>\d{{1,2}})[/.-](?P<id>\d{{1,2}}){e}"
        rf"|{b}{cl}(?:{parts}\s+)?(?:{day_w}\s+)?(?P<rel>{rel}){e}(?:\s*،?\s*(?P<rw>{wd}){e})?"
        # ليل الخميس - الجمعة: the night between two days; الأحد القادم: the coming one
        rf"|{b}{cl}(?:(?P<part>{parts})\s+)?(?:{day_w}\s+)?(?P<wd>{wd}){e}"
        rf"(?:(?:\s*[-/]\s*|\s+)(?P<wd2>{wd}){e})?"  # الجمعة قبل الماضية: a week before
        rf"(?:\s+(?:(?P<beforelast>{a(y['before_last'])}\s+{past})|(?P<past>{past})|(?P<next>{nxt})){e}"
        # الأحد من الأسبوع الماضي: that weekday of the week before
        rf"|\s+(?:{of}\s+)?{week_w}\s+(?P<lastweek>{past}){e})?"
        rf"|{b}{cl}(?P<per>{per}){e}"
        + _ago_pattern(y, b + cl, e)
        # مطلع الشهر الجاري، أواخر الشهر الماضي: a part of a month relative to publication
        + rf"|{b}{cl}(?P<mpart>{part})\s+(?P<mrel>{rel_month}){e}"
        rf"|{b}{cl}(?:{year_w}|{seasons})\s+(?P<year>{year}){e}"
        rf"|{b}{cl}{bare_year}\s+(?P<year2>(?:19|20)\d\d)"
        rf"(?![\p{{N}}\p{{L}}]|\s*[/.-]\s*\d|\s+\p{{L}}+{plural}{e})"
        # a month alone (في مارس الماضي، خلال شهر يونيو، يونيو المقبل; with a past marker
        # it needs no head: اغتيل ديسمبر الماضي): precision 3
        rf"|{b}{cl}(?:(?:(?P<mohead>{part})|{heads})\s+"
        rf"|(?=(?:{month_w}\s+)?(?:{mo_only}){e}{family2}\s+{month_past}{e}))"
        rf"(?:{month_w}\s+)?(?P<mo>{mo_only}){e}"
        rf"{family2}(?:\s+(?:{month_past}|(?P<mnext>{nxt})){e})?"
        rf"(?:\s+(?:{of}\s+)?{year_w}?\s*(?P<moy>{year}))?"
        rf"(?P<lastyear>\s+(?:{of}\s+)?{ly_heads}\s+{ly_past})?"
        # رمضان الماضي، مطلع رمضان الماضي: a Hijri month named as past (precision 3)
        rf"|{b}{cl}(?:(?P<hmhead>{part})\s+)?(?:{month_w}\s+)?(?P<hmo>{hm}){e}\s+{month_past}{e}"
        # a month and its year need no head (اعتداءات كانون الثاني/يناير 2015)
        rf"|{b}{cl}(?P<ym>{mo}){e}{family2}\s+(?:{of}\s+)?{year_w}?\s*(?P<ymy>{year})(?!\d)"
    )


def _ago_pattern(y: dict[str, Any], start: str, e: str) -> str:
    """قبل يومين، منذ ثلاثة أيام، قبل أسبوع; and بعد يومين على الهجوم: the attack two days
    before the news."""
    a = alternation
    ago, units, two = a(y["ago"]), a(y["ago_units"]), a(y["ago_duals"])
    after, links = a(y["after_of"]), a(y["after_of_links"])
    one = a([u for u, d in y["ago_units"].items() if d.get("alone")])
    return (
        rf"|{start}(?:{ago}|(?P<after>{after}))\s+"
        rf"(?:(?P<agon>\d{{1,4}}|\w+)\s+(?P<agou>{units})|(?P<agou1>{one})|(?P<two>{two})){e}"
        # منذ عام 1989: since a year named, not a year ago
        r"(?!\s*(?:1[0-9]|20)\d\d(?!\d))"
        rf"(?(after)\s+{links}{e})"
    )


def _anchors(y: dict[str, Any], v: _Vocab) -> dict[str, int]:
    """What every day expression of `_pattern` holds: a digit, an ordinal day, a weekday, a
    relative day, a period, an ago word, a month part or a month name; each mapped to the
    most words the expression may begin before it (يوم الخميس، فجر يوم أمس، خلال شهر
    يونيو; a clitic is glued to its word). Keep this beside `_pattern`: an expression
    holding none of these words would no longer be found (tests/extraction/test_dates.py
    compares both on random texts). Empty when an expression may begin with no letter or
    digit: the pattern is then tried everywhere."""

    def most(*names: str) -> int:
        return max((runs(key(w)) for n in names for w in y[n]), default=0)

    day_w, parts = most("day_words"), most("day_parts")
    found: dict[str, int] = {}

    def add(words: Any, back: int) -> None:
        for w in words:
            found[w] = max(found.get(w, 0), back)

    # من 12 …، يوم 17 يوليو، عام 2015
    add(DIGITS, max(most("of_words"), day_w, most("year_words")))
    add(v.ordinals, day_w)  # يوم الثامن من مايو
    add(v.weekday, parts + day_w)  # فجر يوم الخميس
    add(v.relative, parts + day_w)  # ليلة أمس، فجر يوم أمس
    add(v.periods, 0)
    add((key(w) for w in (*y["ago"], *y["after_of"])), 0)
    add(v.parts, 0)  # مطلع الشهر الجاري، مطلع يونيو
    add(v.month, most("month_alone_heads") + most("month_words"))  # خلال شهر يونيو
    add(v.hijri, most("month_words"))  # شهر رمضان الماضي (a part before it is an anchor too)
    heads = ("proclitics", "of_words", "day_words", "day_parts", "month_alone_heads")
    first = [*found, *(key(w) for n in (*heads, "year_words", "bare_year_heads") for w in y[n])]
    return found if all(w[:1].isalnum() for w in first) else {}


def _weekday_on_or_before(pub: date, wd: int, strictly_before: bool) -> date:
    delta = (pub.weekday() - wd) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return pub - timedelta(days=delta)


def _weekday_after(pub: date, wd: int) -> date:
    """The first such weekday after publication (الأحد القادم)."""
    return pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)


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
    for m in v.anchored.finditer(text):
        s = m.start()
        if m.group("wd") and v.prayer.search(text, max(0, s - 8), s):
            continue  # صلاة الجمعة is the Friday prayer, not a day
        kind = next(k for k in _READERS if m.group(k))
        found = _READERS[kind](m, v, published)
        if found is not None:
            out.append(found)
    return _with_year_context(text, out)


def _with_year_context(text: str, found: list[DateMention]) -> list[DateMention]:
    """A day and month without a year take the year the same sentence gave before them
    (في عام 2001، وتحديدا في 11 سبتمبر), not the publication's."""
    out: list[DateMention] = []
    for i, d in enumerate(found):
        if d.yearless and d.day is not None:
            year = next(
                (
                    y.year_of
                    for y in reversed(found[:i])
                    if y.year_of is not None and not _SENTENCE_END.search(text, y.end, d.start)
                ),
                None,
            )
            if year is not None:
                with suppress(ValueError):  # 29 February in another year
                    d = replace(d, day=d.day.replace(year=year), relative=False)
        out.append(d)
    return out


_SENTENCE_END = regex.compile(r"[.!?؟\n]")


def _future(m: regex.Match[str], v: _Vocab) -> bool:
    """A future particle or verb earlier in the clause (سيقام الاجتماع الثلاثاء)."""
    text = m.string
    f = v.future_verb.search(text, max(0, m.start() - 60), m.start())
    if f is None:
        return False
    verb = f.group("verb")
    return verb is None or (verb not in v.not_future and not _named(text, f.start("verb")))


def will_do(text: str, start: int) -> bool:
    """ستستخدم لمهاجمة، سيشن هجوما: a word at most two words after a future particle or
    verb, with no punctuation between, is what will be done, not what was."""
    v = _vocab()
    words = [m.start() for m in _WORD.finditer(text, max(0, start - 40), start)]
    if not words:
        return False
    f = v.future_verb.search(text, words[max(0, len(words) - 3)], start)
    if f is None:
        return False
    verb = f.group("verb")
    return verb is None or (verb not in v.not_future and not _named(text, f.start("verb")))


_WORD = regex.compile(r"\S+")


def _named(text: str, start: int) -> bool:
    """في مدينة سيفاري: a word right after a settlement word is a name, not «will …»."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in resources().get(_settlement_words)


def _settlement_words(res: Resources) -> frozenset[str]:
    cues = res.yaml("lexicon/cues.yaml")
    return frozenset(key(w) for w in cues["settlement"] + cues["quarter"] + cues["division"])


def _gregorian(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    found = _day_month(m, v, pub, "gd", "gm", "gcur", "gy", "gyrel")
    wd = m.group("gwd")
    if found is None or found.day is None or not wd:
        return found
    target = v.weekday[wd]
    if found.yearless and pub is not None:
        # الخميس 15 أغسطس: the weekday names the year (this one, the last or the next)
        for year in (found.day.year, pub.year, pub.year - 1, pub.year + 1):
            with suppress(ValueError):
                day = found.day.replace(year=year)
                if day.weekday() == target:
                    return replace(found, day=day, yearless=False, relative=False)
    raw = m.group("gd")
    n = 0 if raw[-1].isdigit() else v.ordinals[raw]
    if found.day.weekday() != target and 1 <= n <= 5:
        # الثلاثاء الثالث من أيلول that is no Tuesday: the third Tuesday of the month
        first = found.day.replace(day=1)
        day = first + timedelta(days=(target - first.weekday()) % 7 + 7 * (n - 1))
        if day.month == first.month:
            return replace(found, day=day)
    return found


def _day_number(raw: str, v: _Vocab) -> int:
    """15, ال15 (الـ15 normalized) or an ordinal word (الثامن)."""
    if raw[-1].isdigit():
        return int("".join(c for c in raw if c.isdigit()))
    return v.ordinals[raw]


def _range(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    # من 12 إلى 15 مايو: coded to the first day
    return _day_month(m, v, pub, "rd", "rm", "rcur", "ry", "ryrel")


def _day_month(
    m: regex.Match[str], v: _Vocab, pub: date | None, d: str, mo: str, cur: str, y: str, yrel: str
) -> DateMention | None:
    day = _day_number(m.group(d), v)
    if m.group(cur):
        # 12 من الشهر الجاري، العاشر من الشهر الماضي: a day of a month near publication
        if pub is None:
            return _mention(m, None, 1, True)
        month0 = pub.year * 12 + pub.month - 1 + v.relative_months[m.group(cur)]
        try:
            when = date(month0 // 12, month0 % 12 + 1, day)
        except ValueError:
            return None
        return _mention(m, when, 1, True, future=when > pub + timedelta(days=1))
    month = v.month[m.group(mo)]
    if m.group(y):
        return _mention(m, _month_day(pub, month, day, int(m.group(y))), 1, False)
    if m.group(yrel):
        if pub is None:
            return _mention(m, None, 1, True)
        year = pub.year + v.relative_years[m.group(yrel)]
        stated = _month_day(pub, month, day, year)
        return _mention(m, stated, 1, True, future=bool(stated and stated > pub))
    recent = _month_day(pub, month, day, None)
    if recent is not None and pub is not None and recent < pub and _future(m, v):
        # سيعقد المؤتمر في 2 أكتوبر: the coming 2 October
        with suppress(ValueError):
            ahead = recent.replace(year=recent.year + 1)
            return replace(_mention(m, ahead, 1, True, future=True), yearless=True)
    return replace(_mention(m, recent, 1, True), yearless=True)


def _hijri_day(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    hy = m.group("hy")
    day = _hijri(int(m.group("hd")), v.hijri[m.group("hm")], int(hy) if hy else None, pub)
    return _mention(m, day, 1, not hy)


def _numeric(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    # 22/2/2016 (day first, as Arabic writes it) or 2016/02/22 (year first)
    y, mo, d = ("ny", "nm", "nd") if m.group("nm") else ("iy", "im", "id")
    try:
        day = date(int(m.group(y)), int(m.group(mo)), int(m.group(d)))
    except ValueError:
        return None
    return _mention(m, day, 1, False)


def _weekday_date(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    """الجمعة الموافق 15، الجمعة 15: the 15th of the month nearest publication that is a
    Friday."""
    if pub is None:
        return _mention(m, None, 1, True)
    wd = v.weekday[m.group("lwd")]
    if m.group("ldd"):
        return _weekday_day_month(m, int(m.group("ldd")), int(m.group("ldm")), wd, pub)
    raw = m.group("ld") or m.group("ldo") or m.group("ldn")
    n = int(raw) if raw.isdigit() else v.ordinals[raw]
    month0 = pub.year * 12 + pub.month - 1
    for shift in (0, -1, 1, -2):
        with suppress(ValueError):
            day = date((month0 + shift) // 12, (month0 + shift) % 12 + 1, n)
            if day.weekday() == wd:
                return _mention(m, day, 1, True, future=day > pub + timedelta(days=1))
    return None


def _weekday_day_month(
    m: regex.Match[str], d: int, mo: int, wd: int, pub: date
) -> DateMention | None:
    """السبت 21/09: that day of the year nearest publication on which it is that weekday,
    else of the publication's year."""
    days = []
    for year in (pub.year, pub.year - 1, pub.year + 1):
        with suppress(ValueError):
            days.append(date(year, mo, d))
    if not days:
        return None
    day = next((x for x in days if x.weekday() == wd), days[0])
    return _mention(m, day, 1, False, future=day > pub + timedelta(days=1))


def _relative(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    word = m.group("rel")
    if word == v.today and not _calendar_today(m, v):
        return None
    offset = v.relative[word]
    day: date | None
    if m.group("rw") and pub is not None:
        # أمس الجمعة، غدا الاثنين: the weekday names the same day; trust the weekday
        d = pub + timedelta(days=offset)
        wd = v.weekday[m.group("rw")]
        if d.weekday() == wd:
            day = d
        elif offset > 0:
            day = _weekday_after(pub, wd)
        else:
            day = _weekday_on_or_before(pub, wd, offset < 0)
    else:
        day = pub + timedelta(days=offset) if pub else None
    return _mention(m, day, 1, True, future=offset > 0)


def _calendar_today(m: regex.Match[str], v: _Vocab) -> bool:
    """اليوم as today, not اليوم الأول (the first day), اليوم العالمي, في ذلك اليوم, حتى اليوم."""
    text = m.string
    after = text[m.end() :].split(maxsplit=1)
    before = text[: m.start()].rsplit(maxsplit=1)
    return not ((after and after[0] in v.today_after) or (before and before[-1] in v.today_before))


def _weekday(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    # ليل الخميس الجمعة: the night between two days is coded to the second day, the day
    # after the first (منتصف ليل الأحد/الاثنين in a Sunday paper is the coming Monday)
    wd = v.weekday[m.group("wd")]
    if m.group("wd2") and pub is not None:
        return _night(m, v, pub, wd)
    if m.group("next") or (not m.group("past") and _future(m, v)):
        # الأحد القادم، سيقام الاجتماع الثلاثاء: the coming one
        return _mention(m, _weekday_after(pub, wd) if pub else None, 1, True, future=True)
    if m.group("lastweek"):
        # the weekday of the week (Monday to Sunday) before the one of publication
        day = pub - timedelta(days=pub.weekday() + 7 - wd) if pub else None
        return _mention(m, day, 1, True)
    if pub is None:
        return _mention(m, None, 1, True)
    day = _weekday_on_or_before(pub, wd, bool(m.group("past") or m.group("beforelast")))
    if m.group("beforelast"):
        day -= timedelta(days=7)
    return _mention(m, day, 1, True)


def _night(m: regex.Match[str], v: _Vocab, pub: date, wd: int) -> DateMention:
    """ليل الخميس/الجمعة: the day after the first weekday (past, coming or before last)."""
    if m.group("next") or (not m.group("past") and pub.weekday() != wd and _future(m, v)):
        first = _weekday_after(pub, wd)
        return _mention(m, first + timedelta(days=1), 1, True, future=True)
    first = _weekday_on_or_before(pub, wd, bool(m.group("past") or m.group("beforelast")))
    if m.group("beforelast"):
        first -= timedelta(days=7)
    return _mention(m, first + timedelta(days=1), 1, True)


def _period(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    p = v.periods[m.group("per")]
    ahead = p.get("week", 0) > 0 or p.get("month", 0) > 0 or p.get("year", 0) > 0
    day = None
    if pub is not None:
        if "year" in p:
            day = date(pub.year + p["year"], 7, 1)
        elif "week" in p:
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=p["week"])
            day = monday + timedelta(days=2)
        else:
            month0 = pub.year * 12 + pub.month - 1 + p.get("month", 0)
            day = date(month0 // 12, month0 % 12 + 1, 15)
    return _mention(m, day, int(p["precision"]), True, future=ahead)


def _ago(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    if m.group("two"):
        unit, n = v.ago_units[m.group("two")], 1  # قبل يومين، منذ أسبوعين
    elif m.group("agou1"):
        unit, n = v.ago_units[m.group("agou1")], 1  # قبل أسبوع، منذ شهر
    else:
        agon = m.group("agon")
        unit = v.ago_units[m.group("agou")]
        count = int(agon) if agon.isdigit() else v.numbers.get(agon)
        if count is None:
            return None
        n = count
    if pub is None:
        return _mention(m, None, int(unit["precision"]), True)
    after = bool(m.group("after"))
    try:
        if "months" in unit:
            month0 = pub.year * 12 + pub.month - 1 - n * int(unit["months"])
            year, month = month0 // 12, month0 % 12 + 1
            day = date(year, month, min(pub.day, monthrange(year, month)[1]))
        else:
            day = pub - timedelta(days=n * int(unit["days"]))
    except (ValueError, OverflowError):
        return None  # منذ 6000 عام: before the calendar has a year
    found = _mention(m, day, int(unit["precision"]), True)
    return replace(found, of_next=True) if after else found


def _month_part(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    """مطلع الشهر الجاري، أواخر الشهر الماضي: that part of a month near publication."""
    if pub is None:
        return _mention(m, None, 3, True)
    offset = v.relative_months[m.group("mrel")]
    month0 = pub.year * 12 + pub.month - 1 + offset
    day = date(month0 // 12, month0 % 12 + 1, v.parts[m.group("mpart")])
    if offset == 0 and day > pub:
        day = pub  # مطلع الشهر الجاري told on the 3rd: not later than publication
    return _mention(m, day, 3, True, future=offset > 0)


def _month(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    year = int(m.group("moy")) if m.group("moy") else None
    month = v.month[m.group("mo")]
    if m.group("mnext") and pub is not None and year is None:
        # يونيو المقبل: the next such month
        ahead = date(pub.year + (month <= pub.month), month, 15)
        return _mention(m, ahead, 3, True, future=True)
    mday = v.parts.get(m.group("mohead") or "", 15)  # مطلع يونيو: day 5; في يونيو: 15
    if pub is not None and month == pub.month and year in (None, pub.year):
        day: date | None = min(pub, pub.replace(day=mday))  # this month, not over yet
    else:
        day = _month_day(pub, month, mday, year)
    return _mention(m, day, 3, not m.group("moy"))


def _hijri_month_past(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    """رمضان الماضي: the last such Hijri month before the one of publication."""
    if pub is None:
        return _mention(m, None, 3, True)
    from hijridate import Gregorian

    now = Gregorian(pub.year, pub.month, pub.day).to_hijri()
    month = v.hijri[m.group("hmo")]
    year = now.year if month < now.month else now.year - 1
    return _mention(m, _hijri(v.parts.get(m.group("hmhead") or "", 15), month, year, pub), 3, True)


def _month_year(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    return _mention(m, date(int(m.group("ymy")), v.month[m.group("ym")], 15), 3, False)


def _year(m: regex.Match[str], v: _Vocab, pub: date | None) -> DateMention | None:
    return _mention(m, None, 3, False, year_only=int(m.group("year") or m.group("year2")))


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
    "rd": _range,
    "gd": _gregorian,
    "hm": _hijri_day,
    "nm": _numeric,
    "im": _numeric,
    "lwd": _weekday_date,
    "rel": _relative,
    "wd": _weekday,
    "per": _period,
    "two": _ago,
    "agon": _ago,
    "agou1": _ago,
    "mpart": _month_part,
    "mo": _month,
    "ym": _month_year,
    "hmo": _hijri_month_past,
    "year": _year,
    "year2": _year,
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

    # بعد يومين على الهجوم، قتل …: the day of the attack, not of the killing told around it
    s_dates = [d for d in s_dates if not d.of_next or _next_to(text, d, pos)]
    # أكبر هجوم منذ حرب عام 2014: a year or month after «since» is a yardstick for an event
    # told before it (not for one told after: منذ هجوم أغسطس 2013، عندما قصفت …)
    s_dates = [
        d for d in s_dates if d.precision < 3 or not pos < _since_at(text, d.start) < d.start
    ]
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
    # وصلت الاثنين رفات عمال خطفوا وقتلوا في العراق عام 2014: a bare year right after the
    # trigger, with no day between, dates it rather than a day further off (not «منذ حرب
    # 2014»: a yardstick)
    year = next((d for d in s_dates if d.year_only is not None and 0 <= d.start - pos <= 60), None)
    if (
        year is not None
        and chosen is not None
        and chosen.year_only is None
        and not pos <= chosen.start < year.start
        and not any(c in text[pos : year.start] for c in ".،,")
        and not _since_before(text, year.start)
    ):
        chosen = year
    return chosen


def _next_to(text: str, d: DateMention, pos: int) -> bool:
    """Whether the trigger at `pos` follows the day expression `d` in its clause (within
    60 letters, no comma or full stop between)."""
    return d.end <= pos <= d.end + 60 and not any(c in text[d.end : pos] for c in ".،,؛")


def _since_before(text: str, start: int) -> bool:
    """«منذ» among the four words before `start` (منذ حرب غزة عام 2014، منذ صيف 2014)."""
    return _since_at(text, start) < start


def _since_at(text: str, start: int) -> int:
    """Where «منذ» stands among the four words before `start`; `start` when it does not."""
    since = set(grammar("since"))
    lo = max(0, start - 40)
    words = list(regex.finditer(r"\S+", text[lo:start]))[-4:]
    hit = next((m for m in words if m.group() in since or m.group()[1:] in since), None)
    return lo + hit.start() if hit is not None else start


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
