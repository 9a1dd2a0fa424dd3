"""Cases for the day-expression benchmark, read at run time from two public corpora in the
local mirror (nothing of their text is stored in this repository, only where to find it):

* Duckling's Arabic time corpus (facebook/duckling, BSD-3-Clause): Arabic phrases, each
  with the value Duckling must give against a fixed reference time (Tuesday 2013-02-12
  04:30), plus a few phrases that must give nothing.
* Recognizers-Text's Arabic date-time specs (microsoft/Recognizers-Text, MIT): short
  sentences, each with a reference date, the span of every date-time expression and its
  value (a past and a future reading where the expression alone does not decide).

`iter_cases(mirror)` yields one `Case` per gold expression. The kind of a case and the day
it expects are derived from the gold by the fixed rules below (no hand labels):

* The gold's grain decides week / month / year / range / time / no-day.
* A gold of day grain is `non-deictic` when its span has the word اليوم but the day is not
  the reference day (اليوم الأول من …، اليوم التالي); else `future` when its span has a
  future marker (القادم، المقبل، غدا، بعد غد …) or the sentence is in the future tense
  (سأعود، سوف …); else `specific-day` when the span names a month, a day of the month or
  a numeric date; else `relative` (أمس، الأحد الماضي، اليوم، a bare weekday).
* Where the gold rests on the corpus's own convention rather than on the text, the case
  carries the other reading in `alt` and a flag:
  - `forward-default` (Duckling): a bare weekday or a day and month without year resolved
    to the coming one (Duckling looks ahead; a news article means the last one). `alt` is
    the same weekday on or before the reference day, or the same day and month a year
    (or for a day alone, a month) earlier; no `alt` when a weekday in the phrase agrees
    with the gold and not with the earlier reading.
  - `tense` (Recognizers-Text): the spec gives a past and a future reading that differ;
    `expected` is the future one in a future-tense sentence or a span with a future
    marker, else the past one.
  - `next-week` (Recognizers-Text): «الأحد القادم» resolved to the Sunday of next week
    (English "next Sunday"); `alt` is the first Sunday after the reference day.
* Recognizers-Text cases are `validated` only when the spec has its value checked by the
  reference (.NET) implementation: no "IgnoreResolution" and .NET not in "NotSupported".
  Most Arabic values there are not checked; a gold day that is not a calendar date
  (2016-11-31) is kept as kind `bad-gold` and never scored.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# -- where the corpora are -------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    name: str
    repo: str  # owner/name on GitHub; the mirror holds it at <mirror>/<owner>+<name>/repo
    commit: str  # every file is read at this commit
    licence: str
    files: tuple[tuple[str, str], ...]  # (path, blob): the blob each file must be

    @property
    def fetch(self) -> str:
        return f"github:{self.repo}"


DUCKLING = Source(
    "duckling",
    "facebook/duckling",
    "2c226585af5b9f4985d9c7151d7191603bb2add7",
    "BSD-3-Clause (LICENSE in the repository)",
    (
        ("Duckling/Time/AR/Corpus.hs", "985a38f99dc9ec28736326bf2852b3f3bc93f22d"),
        # the reference time of every example: testContext in this file
        ("Duckling/Testing/Types.hs", "80c78de1295b4e5c3266efdafbb204e012d8112c"),
    ),
)

_SPECS = "Specs/DateTime/Arabic/"
RECOGNIZERS = Source(
    "recognizers",
    "microsoft/Recognizers-Text",
    "90e968ea44dc8fda3f2e1c3e4b20aa233817488d",
    "MIT (LICENSE in the repository)",
    # read in this order (a sentence and span seen in an earlier file is not taken again);
    # the time-only specs (Time*.json) are left out
    (
        (_SPECS + "DateParser.json", "31354419ed734a517013a3072b9d334c4825ab2a"),
        (_SPECS + "DatePeriodParser.json", "881872e9ae3ed4171c2949f009ab5d186bd388a2"),
        (_SPECS + "DateTimeParser.json", "089a53c74cdc87f1e577594de53ec64b485a9830"),
        (_SPECS + "DateTimePeriodParser.json", "be13df610960a16199054247ff78bbf4b8a2ed9a"),
        (_SPECS + "HolidayParser.json", "3a418abc4543f338681da5f2cc50dfb853d10769"),
        (_SPECS + "MergedParser.json", "6acf260419b385cac0ea3898f7019281a3130d48"),
        (_SPECS + "DateTimeModel.json", "7091050bdbb1fdd29aedef3b7ae3b3d1c5277293"),
        (_SPECS + "DurationParser.json", "911c8ce5781cb948981c1c952e28223c3b19e487"),
        (_SPECS + "SetParser.json", "2b865195c43d3cb65824329ff32bbb864a19edbd"),
        # of the extractor specs only the sentences with no expression at all are taken
        (_SPECS + "DateExtractor.json", "b4f8340b400f455ac107a06e601a850b6d93f897"),
        (_SPECS + "MergedExtractor.json", "219d10e048fecea7f6ff4134d9e312d6fa25d54f"),
    ),
)

SOURCES = (DUCKLING, RECOGNIZERS)

# kinds whose gold is one calendar day (a range gives its first day): the day score
DAY_KINDS = ("specific-day", "relative", "future", "non-deictic", "range")
# kinds scored at a coarser grain
COARSE_KINDS = ("week", "month", "year")
# sentences with no day at all: anything found there is spurious
NEGATIVE_KINDS = ("no-day",)
# not day expressions for rasd (times of day, holidays, seasons, decades …): listed only
OUT_OF_SCOPE = ("time", "holiday", "period", "bad-gold")


@dataclass(frozen=True)
class Case:
    source: str  # "duckling" or "recognizers"
    where: str  # file and position in it, e.g. "Corpus.hs:group 12, phrase 3"
    text: str  # the whole text given to the finder
    published: date  # the reference (publication) date
    kind: str
    expected: date | None  # the day; first day for ranges; 1st of month / Jan 1 for coarser
    grain: str  # "day", "week", "month", "year" or "none"
    span: tuple[int, int] | None  # the gold expression in `text`
    end: date | None = None  # last day of a range (inclusive)
    alt: date | None = None  # the other reading where the gold rests on a convention
    flags: tuple[str, ...] = ()  # forward-default, tense, future-marker, unvalidated …
    validated: bool = True
    gold: str = ""  # the gold value as the corpus writes it

    @property
    def span_text(self) -> str:
        return self.text[self.span[0] : self.span[1]] if self.span else ""


class MirrorProblem(Exception):
    """A pinned corpus file that the mirror does not have as pinned."""


# -- reading the mirror ------------------------------------------------------------------


def git_dir(mirror: Path, src: Source) -> Path:
    return mirror / src.repo.replace("/", "+") / "repo"


def read(mirror: Path, src: Source, path: str) -> str:
    """A file of `src` at the pinned commit; its blob must be the pinned one."""
    gd = git_dir(mirror, src)
    blob = dict(src.files)[path]
    if not gd.is_dir():
        raise MirrorProblem(f"no mirror of {src.repo} at {gd}")
    try:
        got = _git(gd, "rev-parse", f"{src.commit}:{path}").strip()
    except subprocess.CalledProcessError:
        raise MirrorProblem(
            f"the mirror of {src.repo} lacks commit {src.commit[:12]} or {path} in it"
        ) from None
    if got != blob:
        raise MirrorProblem(f"{path} at {src.commit[:12]} is blob {got}, expected {blob}")
    return _git(gd, "cat-file", "blob", blob)


def _git(gd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={gd}", *args], check=True, capture_output=True, text=True
    ).stdout


def check_mirror(mirror: Path) -> list[MirrorProblem]:
    """What is missing from the mirror (empty when every pinned file is there)."""
    problems = []
    for src in SOURCES:
        for path, _ in src.files:
            try:
                read(mirror, src, path)
            except MirrorProblem as p:
                problems.append(p)
                break
    return problems


# -- small Arabic word lists (general words, not corpus text) ---------------------------

_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"}
)


def fold(s: str) -> str:
    """Alef, ta marbuta and alef maqsura folded, marks dropped: for matching only."""
    return _MARKS.sub("", s).translate(_FOLD)


def _split(s: str) -> set[str]:
    """A word list written as one string, folded."""
    return {fold(w) for w in s.split(" ") if w}


def _words(s: str) -> list[str]:
    return re.findall(r"[\w]+", fold(s))


def _strip_clitics(w: str) -> set[str]:
    """The word and the word without a leading و/ف/ب/ل/ك and ال (وبالأمس → امس)."""
    out = {w}
    for p in (
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "وب",
        "ول",
        "فب",
        "فل",
        "وال",
        "بال",
        "لل",
        "فال",
        "كال",
        "ال",
    ):
        if w.startswith(p) and len(w) - len(p) >= 2:
            out.add(w[len(p) :])
    return out | {x[2:] for x in out if x.startswith("ال") and len(x) > 3}


WEEKDAYS = {
    fold(w): i
    for i, ws in enumerate(
        [
            ("اثنين", "إثنين"),
            ("ثلاثاء", "ثلاثا"),
            ("أربعاء", "اربعا", "أربعا"),
            ("خميس",),
            ("جمعة", "جمعه"),
            ("سبت",),
            ("أحد", "احد"),
        ]
    )
    for w in ws
}
MONTHS = _split(
    "يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر "
    "أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار أذار اذار نيسان أيار ايار حزيران تموز آب "
    "أيلول ايلول تشرين جانفي فيفري أفريل ماي جوان جويلية أوت محرم صفر ربيع جمادى رجب "
    "شعبان رمضان شوال القعدة الحجة"
)
# ordinal and cardinal number words that name a day of the month (الثامن، السادس عشر)
DAY_NUMBER_WORDS = _split(
    "أول اول الأول الاول الثاني ثاني الثالث ثالث الرابع رابع الخامس خامس السادس سادس "
    "السابع سابع الثامن ثامن التاسع تاسع العاشر عاشر الحادي حادي الثانية الثالثة عشر "
    "عشرة العشرين العشرون عشرين الثلاثين الثلاثون ثلاثين خمسة واحد"
)
MONTH_NUMBER_WORDS = _split(
    "واحد ثلاث ثلاثة أربع أربعة اربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية تسع تسعة عشر "
    "عشرة الأول الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر"
)
FUTURE_MARKERS = _split(
    "القادم القادمة المقبل المقبلة التالي التالية الجاي الجاية الآتي الآتية القادمه "
    "المقبله غدا غداً الغد غد بكرة بكرا بكره"
)
_AFTER = re.compile(r"(?<!\w)بعد\s+(?:غد|\d|يوم|اسبوع|أسبوع|شهر|سن|عام|ال?غد)")
_TODAY = fold("اليوم")
_YEAR_DIGITS = re.compile(r"(?<!\d)(1[0-9]|20)\d\d(?!\d)")
_YEAR_WORDS = {fold(w) for w in ("ألف", "الف", "ألفين", "الفين", "ألفان", "الفان")}
_NUMERIC_DATE = re.compile(r"\d{1,4}\s*[/.-]\s*\d{1,2}")
_THIS_MONTH = re.compile(
    fold(r"(هذا|هذه)\s+(ال)?(شهر|سنة|عام)")
    + "|"
    + fold(r"(الشهر|السنة|العام)\s+(الحالي|الحالية|الجاري|الجارية|هذا|هذه)")
)
# future tense: سوف, or س + a person prefix + a verb (سأعود، سيحدث، ستقام، سنلتقي)
_FUTURE_VERB = re.compile(r"^[وف]?(?:سوف|س[اأيتن]\w{2,})$")
_NOT_FUTURE_VERB = _split(
    "ساعة ساعات ساعتين ساعتان ساعه سابق سابقا سابقة ستة ستين ستون سنة سنوات سنتين سنتان "
    "سنوي سنويا سنويه ساعد سائق سياسة سياسي سيارة سيدة سيد ستمائة سيتي ستاد"
)


def has_weekday(s: str) -> int | None:
    for w in _words(s):
        for x in _strip_clitics(w):
            if x in WEEKDAYS:
                return WEEKDAYS[x]
    return None


# a month by its number (شهر 3، الشهر الثامن، شهر عشرة)
_MONTH_BY_NUMBER = re.compile(
    fold(r"(?<!\w)(?:ب|ل|من )?(?:ال)?شهر\s+(?:ال)?(?:\d{1,2}|")
    + "|".join(sorted(MONTH_NUMBER_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)
# a time of day or a count of units, whose numbers are no day of the month
_NOT_A_DAY_NUMBER = re.compile(
    fold(r"\d{1,2}\s*:\s*\d{2}(?::\d{2})?|(?:ال)?ساع[هت]\S*\s+\S+|")
    + fold(r"\d+\s*(?:صباح|مساء|ظهر|عصر|فجر|ص\b|م\b)\S*|")
    + fold(r"\d+\s+(?:يوم|ايام|أيام|اسبوع|أسبوع|اسابيع|أسابيع|شهر|أشهر|اشهر|سن|عام|ساع|دقيق)\S*")
)


def _without_times(s: str) -> str:
    s = fold(s)
    return _MONTH_BY_NUMBER.sub(" شهر ", _NOT_A_DAY_NUMBER.sub(" ", s))


def has_month(s: str) -> bool:
    ws = [x for w in _words(s) for x in _strip_clitics(w)]
    return (
        any(x in MONTHS for x in ws)
        or bool(_NUMERIC_DATE.search(_NOT_A_DAY_NUMBER.sub(" ", fold(s))))
        or bool(_MONTH_BY_NUMBER.search(fold(s)))
    )


def has_day_number(s: str) -> bool:
    t = _without_times(s)
    if re.search(r"(?<![\d:])\d{1,2}(?![\d:])", t):
        return True
    return any(x in DAY_NUMBER_WORDS for w in _words(t) for x in _strip_clitics(w))


def has_year(s: str) -> bool:
    return bool(_YEAR_DIGITS.search(s)) or any(w in _YEAR_WORDS for w in _words(s))


def has_future_marker(s: str) -> bool:
    ws = {x for w in _words(s) for x in _strip_clitics(w)} | set(_words(s))
    return bool(ws & FUTURE_MARKERS) or bool(_AFTER.search(fold(s)))


def future_tense(sentence: str) -> bool:
    return any(
        _FUTURE_VERB.match(w) and w not in _NOT_FUTURE_VERB and w[1:] not in _NOT_FUTURE_VERB
        for w in _words(sentence)
    )


def has_today_word(s: str) -> bool:
    return any(_TODAY in _strip_clitics(w) for w in _words(s))


def day_cue(s: str) -> bool:
    """The span names a day (weekday, month, day number, numeric date or a deictic day)."""
    deictic = _split("اليوم امس أمس البارحة غد غدا الغد بكرة بكرا بكره مبارح")
    ws = {x for w in _words(s) for x in _strip_clitics(w)} | set(_words(s))
    return has_weekday(s) is not None or has_month(s) or bool(ws & deictic)


def day_kind(span: str, sentence: str, gold: date, ref: date) -> tuple[str, list[str]]:
    """The kind of a one-day gold (see the module docstring) and its flags."""
    flags = []
    marker = has_future_marker(span)
    tense = future_tense(sentence)
    if marker:
        flags.append("future-marker")
    if tense:
        flags.append("future-tense")
    if has_today_word(span) and gold != ref:
        return "non-deictic", flags
    if marker or (tense and gold > ref):
        return "future", flags
    if has_month(span) or has_day_number(span):
        return "specific-day", flags
    return "relative", flags


def backward_reading(span: str, gold: date, ref: date) -> date | None:
    """The reading a news article gives where Duckling looks ahead (None when the text
    itself fixes the coming day)."""
    if gold <= ref or has_year(span) or has_future_marker(span) or _THIS_MONTH.search(fold(span)):
        return None
    wd = has_weekday(span)
    alt: date | None
    if has_month(span):
        try:
            alt = gold.replace(year=gold.year - 1)
        except ValueError:
            alt = None
    elif has_day_number(span):
        m0 = gold.year * 12 + gold.month - 2
        try:
            alt = date(m0 // 12, m0 % 12 + 1, gold.day)
        except ValueError:
            alt = None
    elif wd is not None:
        alt = gold - timedelta(days=7 * -(-(gold - ref).days // 7))
    else:
        alt = None
    if alt is not None and wd is not None and gold.weekday() == wd and alt.weekday() != wd:
        return None  # the weekday in the text fixes the coming day
    return alt if alt != gold else None


def coming_weekday_reading(span: str, gold: date, ref: date) -> date | None:
    """«الأحد القادم» read as the first Sunday after the reference day, where the gold is
    the Sunday a week later (Recognizers-Text follows English "next Sunday")."""
    wd = has_weekday(span)
    if wd is None or not has_future_marker(span) or has_month(span):
        return None
    if any(fold("اسبوع") in x for w in _words(span) for x in _strip_clitics(w)):
        return None  # الأسبوع القادم الأحد: the text says next week
    first = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    return first if gold == first + timedelta(days=7) else None


# -- Duckling --------------------------------------------------------------------------

_DT = r"\((\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)"
_EXAMPLE = re.compile(
    r"examples\s*\(\s*(?P<ctor>datetimeIntervalHoliday|datetimeInterval|datetimeHoliday|datetime)\s*"
    rf"(?:\(\s*{_DT}\s*,\s*{_DT}\s*\)|{_DT})\s*(?P<grain>\w+)"
    r'(?:\s*"(?P<holiday>[^"]*)")?\s*\)\s*\[(?P<items>[^\]]*)\]'
)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_REF = re.compile(r"testContext\s*=\s*Context\s*\{[^}]*?refTime\s*" + _DT)
_NEGATIVE = re.compile(r"negativeCorpus\s*=.*?examples\s*=\s*\[(?P<items>[^\]]*)\]", re.S)


def _date(groups: tuple[str | None, ...]) -> date:
    y, m, d = (int(g) for g in groups[:3])  # type: ignore[arg-type]
    return date(y, m, d)


def duckling_cases(mirror: Path) -> Iterator[Case]:
    corpus_path, context_path = (p for p, _ in DUCKLING.files)
    text = read(mirror, DUCKLING, corpus_path)
    ref_m = _REF.search(read(mirror, DUCKLING, context_path))
    if ref_m is None:
        raise MirrorProblem(f"no testContext reference time in {context_path}")
    ref = _date(ref_m.groups())
    fname = corpus_path.rsplit("/", 1)[-1]

    neg = _NEGATIVE.search(text)
    for i, s in enumerate(_STRING.findall(neg.group("items")) if neg else [], 1):
        yield Case("duckling", f"{fname}:negative {i}", s, ref, "no-day", None, "none", None)

    body = text[text.index("allExamples") :]
    for g, m in enumerate(_EXAMPLE.finditer(body), 1):
        ctor, grain = m.group("ctor"), m.group("grain")
        groups = m.groups()
        interval = "Interval" in ctor
        start = _date(groups[1:7]) if interval else _date(groups[13:19])
        end = _date(groups[7:13]) if interval else None
        gold = f"{ctor} {start}" + (f"..{end} (end exclusive)" if end else "") + f" {grain}"
        for j, phrase in enumerate(_STRING.findall(m.group("items")), 1):
            yield _duckling_case(
                f"{fname}:group {g}, phrase {j}", phrase, ref, ctor, grain, start, end, gold
            )


def _duckling_case(
    where: str,
    phrase: str,
    ref: date,
    ctor: str,
    grain: str,
    start: date,
    end: date | None,
    gold: str,
) -> Case:
    def case(kind: str, grain_: str, alt: date | None = None, flags: tuple[str, ...] = ()) -> Case:
        last = end - timedelta(days=1) if end and kind == "range" else None
        return Case(
            "duckling", where, phrase, ref, kind, start, grain_, (0, len(phrase)),
            end=last, alt=alt, flags=flags, gold=gold,
        )  # fmt: skip

    if "Holiday" in ctor:
        return case("holiday", "day")
    if end is not None:
        if grain == "Day":
            alt = backward_reading(phrase, start, ref)
            return case("range", "day", alt, ("forward-default",) if alt else ())
        return case("week", "week") if grain == "Week" else case("time", "none")
    if grain in ("Week", "Month", "Year"):
        return case(grain.lower(), grain.lower())
    if grain != "Day" and start == ref and not day_cue(phrase):
        return case("time", "none")  # a time of day today, no day named
    kind, flags = day_kind(phrase, phrase, start, ref)
    alt = backward_reading(phrase, start, ref)
    if alt is not None:
        flags.append("forward-default")
    elif (alt := coming_weekday_reading(phrase, start, ref)) is not None:
        flags.append("next-week")
    if grain != "Day":
        flags.append("with-time")
    return case(kind, "day", alt, tuple(flags))


# -- Recognizers-Text --------------------------------------------------------------------

_TIMEX_RANGE = re.compile(r"^\((?P<s>[^,]+),(?P<e>[^,]+),P(?P<n>\d+(?:\.\d+)?)(?P<u>[DWMY])\)$")


def _day(s: object) -> date | None | str:
    """A date from a resolution string; "bad" for a date that is not on the calendar."""
    if not isinstance(s, str):
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return "bad"
    return "bad" if d == date(1, 1, 1) else d  # the specs' mark for "no such day"


def _readings(value: object) -> tuple[str, list[tuple[object, object]]]:
    """The timex and the (start, end) of each reading, past first."""
    if not isinstance(value, dict):
        return "", []
    if "values" in value:
        vals = value["values"]
        timex = str(vals[0].get("timex", "")) if vals else ""
        out: list[tuple[object, object]] = [
            (v["value"], None) if "value" in v else (v.get("start"), v.get("end")) for v in vals
        ]
        return timex, sorted(out, key=lambda se: str(se[0]))  # the past reading first
    timex = str(value.get("Timex", ""))
    out = []
    for k in ("PastResolution", "FutureResolution"):
        r = value.get(k) or {}
        if "date" in r:
            out.append((r["date"], None))
        elif "dateTime" in r:
            out.append((r["dateTime"], None))
        elif "startDate" in r or "endDate" in r:
            out.append((r.get("startDate"), r.get("endDate")))
        elif "startDateTime" in r or "endDateTime" in r:
            out.append((r.get("startDateTime"), r.get("endDateTime")))
        else:
            out.append((None, None))
    return timex, out


def _span(text: str, gold_text: str, start: int) -> tuple[tuple[int, int] | None, bool]:
    """The span of the gold text; False when the spec's offsets had to be corrected, None
    when the gold text is not in the sentence at all."""
    g = gold_text.strip()
    s = start + (len(gold_text) - len(gold_text.lstrip()))
    if text[s : s + len(g)] == g:
        return (s, s + len(g)), True
    near = [m.start() for m in re.finditer(re.escape(g), text)] if g else []
    if near:
        best = min(near, key=lambda i: abs(i - s))
        return (best, best + len(g)), False
    return None, False


def recognizers_cases(mirror: Path) -> Iterator[Case]:
    seen: set[tuple[str, date, tuple[int, int] | None]] = set()
    for path, _ in RECOGNIZERS.files:
        fname = path.rsplit("/", 1)[-1]
        specs = json.loads(read(mirror, RECOGNIZERS, path).lstrip("\ufeff"))
        negatives_only = fname.endswith("Extractor.json")
        for i, spec in enumerate(specs, 1):
            text = spec["Input"]
            ctx = (spec.get("Context") or {}).get("ReferenceDateTime")
            # the specs' default reference time when a case gives none
            ref = date.fromisoformat(ctx[:10]) if ctx else date(2016, 11, 7)
            where = f"{fname}:#{i}"
            if negatives_only:
                if not spec.get("Results") and (text, ref, None) not in seen:
                    seen.add((text, ref, None))
                    yield Case("recognizers", where, text, ref, "no-day", None, "none", None)
                continue
            validated = spec.get("IgnoreResolution") != "true" and "dotnet" not in str(
                spec.get("NotSupported", "")
            )
            for r in spec.get("Results", []):
                span, exact = _span(text, r["Text"], int(r.get("Start", 0)))
                if (text, ref, span) in seen:
                    continue
                seen.add((text, ref, span))
                label = where + (f" result {r['Text']!r}" if len(spec["Results"]) > 1 else "")
                if span is None:
                    yield Case(
                        "recognizers", label, text, ref, "bad-gold", None, "none", None,
                        flags=("span-not-in-text",), validated=validated, gold=str(r["Text"]),
                    )  # fmt: skip
                    continue
                yield _recognizers_case(
                    label, text, ref, span, exact, r, validated, fname.startswith("Holiday")
                )


def _recognizers_case(
    where: str,
    text: str,
    ref: date,
    span: tuple[int, int],
    exact_span: bool,
    r: dict[str, object],
    validated: bool,
    holiday: bool,
) -> Case:
    typ = str(r.get("Type") or r.get("TypeName") or "").replace("datetimeV2.", "")
    timex, readings = _readings(r.get("Value") or r.get("Resolution"))
    flags: list[str] = [] if validated else ["unvalidated"]
    if not exact_span:
        flags.append("span-corrected")
    gold = f"{typ} {timex} " + " | ".join(f"{a}..{b}" if b else str(a) for a, b in readings)
    span_text = text[span[0] : span[1]]

    def case(
        kind: str,
        expected: date | None,
        grain: str,
        end: date | None = None,
        alt: date | None = None,
        more: list[str] | None = None,
    ) -> Case:
        return Case(
            "recognizers", where, text, ref, kind, expected, grain, span, end=end, alt=alt,
            flags=tuple(flags + (more or [])), validated=validated, gold=gold,
        )  # fmt: skip

    if typ in ("duration", "set"):
        return case("no-day", None, "none")
    if typ in ("time", "timerange") or timex.startswith(_TIME_TIMEX):
        return case("time", None, "none")
    starts = [_day(a) for a, _ in readings]
    ends = [_day(b) for _, b in readings]
    if holiday or typ == "holiday":
        return case("holiday", next((d for d in starts if isinstance(d, date)), None), "day")
    if "bad" in starts or "bad" in ends:
        return case("bad-gold", None, "none")
    if not any(isinstance(d, date) for d in starts):
        return case("period", None, "none")  # seasons, decades, open ranges …
    # readings are past first; a future-tense sentence or a future marker takes the last
    ahead = future_tense(text) or has_future_marker(span_text)
    i, j = (len(starts) - 1, 0) if ahead else (0, len(starts) - 1)
    if not isinstance(starts[i], date):
        i, j = j, i
    pick, pick_end, other = starts[i], ends[i], starts[j]
    assert isinstance(pick, date)
    alt = other if isinstance(other, date) and other != pick else None
    more = ["tense"] if alt else []
    if typ == "daterange":
        m = _TIMEX_RANGE.match(timex)
        if m and m["u"] == "D" and isinstance(pick_end, date):
            # the specs' range end is exclusive
            end = pick_end - timedelta(days=1)
            return case("range", pick, "day", end=end, alt=alt, more=more)
        if re.fullmatch(r"(\d{4}|XXXX)-\d{2}", timex):
            return case("month", pick, "month", alt=alt, more=more)
        if re.fullmatch(r"\d{4}", timex):
            return case("year", pick, "year", alt=alt, more=more)
        if re.search(r"-W\d\d$|^(\d{4}|XXXX)-\d{2}-W\d\d$", timex):
            return case("week", pick, "week", alt=alt, more=more)
        return case("period", pick, "none")
    one_day = pick_end == pick or re.match(r"^\d{4}-\d\d-\d\dT[A-Z]{2}$", timex)
    if typ == "datetimerange" and not one_day:
        return case("time", None, "none")
    if typ in ("datetime", "datetimerange") and not day_cue(span_text) and pick == ref:
        return case("time", None, "none")  # a time of day today, no day named
    kind, kflags = day_kind(span_text, text, pick, ref)
    if alt is None and (alt := coming_weekday_reading(span_text, pick, ref)) is not None:
        more.append("next-week")
    return case(kind, pick, "day", alt=alt, more=more + kflags)


_TIME_TIMEX = ("T", "(T", "PRESENT_REF", "FUTURE_REF", "PAST_REF")


# -- all of it ----------------------------------------------------------------------------


def iter_cases(
    mirror: Path, sources: tuple[str, ...] = ("duckling", "recognizers")
) -> Iterator[Case]:
    if "duckling" in sources:
        yield from duckling_cases(mirror)
    if "recognizers" in sources:
        yield from recognizers_cases(mirror)


if __name__ == "__main__":  # list the cases: python benchmarks/dates/cases.py [mirror]
    import sys

    mirror = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/.mirror")
    for c in iter_cases(mirror):
        alt = f" alt={c.alt}" if c.alt else ""
        print(
            f"{c.source:11s} {c.kind:12s} {c.published} exp={c.expected} {c.grain:5s}{alt} "
            f"{','.join(c.flags)} | {c.span_text} | {c.text} | {c.where}"
        )
