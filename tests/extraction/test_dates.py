from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rasd
from rasd.extraction.dates import find_dates
from rasd.text.normalize import normalize

PUB = date(2022, 1, 5)  # a Wednesday


def day(s: str, pub: date | None = PUB):
    ds = find_dates(normalize(s).text, pub)
    assert ds, s
    return ds[0].day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اليوم", date(2022, 1, 5)),
        ("أمس", date(2022, 1, 4)),
        ("أول أمس", date(2022, 1, 3)),
        ("الليلة الماضية", date(2022, 1, 4)),
        ("الأربعاء", date(2022, 1, 5)),  # a bare weekday: on or before publication
        ("الإثنين", date(2022, 1, 3)),
        ("الخميس الماضي", date(2021, 12, 30)),
        ("فجر الأربعاء", date(2022, 1, 5)),
        ("مساء الثلاثاء", date(2022, 1, 4)),
        ("ليل الأحد الاثنين", date(2022, 1, 3)),
        ("أمس الثلاثاء", date(2022, 1, 4)),
        ("منذ ثلاثة أيام", date(2022, 1, 2)),
        ("قبل يومين", date(2022, 1, 3)),
        ("في 20 ديسمبر", date(2021, 12, 20)),
        ("في 20 كانون الأول", date(2021, 12, 20)),
        ("في 2 جانفي 2022", date(2022, 1, 2)),
        ("17 يوليو (تموز) 2021", date(2021, 7, 17)),
        ("26 شوال 1436", date(2015, 8, 11)),
        ("02/01/2022", date(2022, 1, 2)),
    ],
)
def test_days(text, expected):
    assert day(text) == expected


def test_n_days_after_an_event_dates_that_event_not_the_news():
    # بعد يومين على الهجوم: the attack two days before; بعد يومين alone is "in two days"
    d = find_dates(normalize("بعد يومين على الهجوم").text, PUB)[0]
    assert d.day == date(2022, 1, 3) and d.of_next
    assert find_dates(normalize("بعد يومين").text, PUB) == []
    # the killing told after the clause is dated by أمس, not by the attack it follows
    (ev,) = rasd.extract(
        "قتل ثلاثة جنود في مدينة ماردين أمس بعد يومين من هجوم على مركز للشرطة.", published=PUB
    )
    assert (ev.location, ev.event_date) == ("Mardin", date(2022, 1, 4))
    (ev,) = rasd.extract(
        "شيع الآلاف في مدينة ماردين ثلاثة جنود بعد يومين من مقتلهم في هجوم على مركز للشرطة.",
        published=PUB,
    )
    assert ev.event_date == date(2022, 1, 3)


def test_week_precision():
    d = find_dates(normalize("الأسبوع الماضي").text, PUB)[0]
    assert d.precision == 2 and d.day is not None and (PUB - d.day).days <= 10


def test_no_publication_date_leaves_relative_days_unresolved():
    assert day("أمس", None) is None
    assert day("الأربعاء", None) is None
    assert day("17 يوليو 2021", None) == date(2021, 7, 17)


def test_bare_year_is_marked():
    d = find_dates(normalize("في عام 2020").text, PUB)[0]
    assert d.year_only == 2020 and d.day is None


def test_a_year_after_in_is_a_year_but_not_a_count_or_a_numeric_date():
    years = [d.year_only for d in find_dates(normalize("أحبطت مخططات أخرى في 2016").text, PUB)]
    assert years == [2016]
    assert find_dates(normalize("قتل في 2000 مدنيين").text, PUB) == []
    (d,) = find_dates(normalize("في 2015/07/17").text, PUB)
    assert d.day == date(2015, 7, 17)


def test_a_weekday_and_the_digits_of_its_day():
    ref = date(2017, 9, 27)
    (d,) = find_dates(normalize("وقع الهجوم مساء الجمعة 15، في المدينة").text, ref)
    assert d.day == date(2017, 9, 15)
    # digits before a word are a count: the Friday is the last one
    (d,) = find_dates(normalize("قتل يوم الجمعة 15 شخصا").text, ref)
    assert d.day == date(2017, 9, 22)


def test_a_day_and_month_after_a_future_verb_is_the_coming_one():
    ref = date(2016, 11, 7)
    (d,) = find_dates(normalize("سيعقد المؤتمر في 2 أكتوبر").text, ref)
    assert d.day == date(2017, 10, 2) and d.future
    (d,) = find_dates(normalize("عقد المؤتمر في 2 أكتوبر").text, ref)
    assert d.day == date(2016, 10, 2) and not d.future


def test_a_hijri_month_named_as_past_is_the_last_one():
    # 8 August 2015 is 23 Shawwal 1436: the last Ramadan is that of 1436
    (d,) = find_dates(normalize("اغتيل في العوامية مطلع رمضان الماضي").text, WED)
    assert d.precision == 3 and date(2015, 6, 18) <= d.day <= date(2015, 6, 24)
    (d,) = find_dates(normalize("قتل في رمضان الماضي").text, WED)
    assert d.day.month in (6, 7) and d.day.year == 2015


def test_month_alone_has_month_precision():
    d = find_dates(normalize("الهجوم على المتحف في مارس الماضي").text, date(2015, 8, 6))[0]
    assert d.day == date(2015, 3, 15) and d.precision == 3
    d = find_dates(normalize("خلال شهر أغسطس").text, date(2015, 8, 6))[0]
    assert d.day == date(2015, 8, 6) and d.precision == 3
    # named as past, a month needs no preposition before it; a bare month name still does
    d = find_dates(normalize("تعرض لعملية اغتيال ديسمبر الماضي").text, date(2017, 1, 31))[0]
    assert d.day == date(2016, 12, 15) and d.precision == 3
    assert find_dates(normalize("وقال مايو إن الحكومة ستعلن").text, date(2017, 1, 31)) == []
    # with و or ف on its preposition, and the month in two families
    d = find_dates(normalize("ففي مايو/أيار، قتل مسلحون مديرا").text, date(2018, 7, 26))[0]
    assert d.day == date(2018, 5, 15) and d.precision == 3


def test_a_month_with_its_year_needs_no_preposition():
    d = find_dates(normalize("منفذو اعتداءات كانون الثاني/يناير 2015 في المدينة").text, PUB)[0]
    assert d.day == date(2015, 1, 15) and d.precision == 3 and not d.relative


def test_father_is_not_august():
    assert find_dates(normalize("قال أب الطفل").text, PUB) == []


def test_tomorrow_is_future():
    d = find_dates(normalize("تنظر المحكمة غدا في القضية").text, PUB)[0]
    assert d.future


def test_friday_prayer_is_not_a_day():
    assert find_dates(normalize("خلال صلاة الجمعة").text, PUB) == []


# -- the future, the year of the sentence, non-deictic «اليوم», ranges, ordinals ---------

WED = date(2015, 8, 5)


def days(s: str, pub: date = WED) -> list[tuple[str | None, bool]]:
    return [
        (d.day.isoformat() if d.day else None, d.future) for d in find_dates(normalize(s).text, pub)
    ]


def test_coming_days_are_in_the_future():
    assert days("الأحد القادم") == [("2015-08-09", True)]
    assert days("سيقام الاجتماع يوم الثلاثاء المقبل") == [("2015-08-11", True)]
    assert days("غدا الاثنين") == [("2015-08-10", True)]
    assert days("بعد غد") == [("2015-08-07", True)]
    assert days("في الأسبوع القادم")[0][1] is True


def test_a_future_verb_points_a_weekday_forward():
    assert days("ستعقد القمة الثلاثاء") == [("2015-08-11", True)]
    # a noun that looks like one does not
    assert days("انفجرت سيارة الثلاثاء") == [("2015-08-04", False)]
    assert days("وفي وقت سابق الاثنين قال") == [("2015-08-03", False)]


def test_a_day_and_month_take_the_year_the_sentence_gave():
    got = days("في عام 2001، وتحديدا في 11 سبتمبر، وقعت الهجمات")
    assert got[-1] == ("2001-09-11", False)
    assert days("31 مارس من العام الماضي") == [("2014-03-31", False)]


def test_today_that_is_no_calendar_day():
    for s in (
        "اليوم الأول من المؤتمر",
        "اليوم العالمي للمرأة",
        "في ذلك اليوم",
        "حتى اليوم",
        "في اليوم السابق للانتخابات",
    ):
        assert days(s) == [], s
    assert days("قتل اليوم ثلاثة") == [("2015-08-05", False)]


def test_ranges_ordinals_and_old_years():
    assert days("من 2 إلى 4 من الشهر الجاري") == [("2015-08-02", False)]
    assert days("الثامن من مايو") == [("2015-05-08", False)]
    assert [d.year_only for d in find_dates(normalize("في عام 1850").text, WED)] == [1850]


def test_the_night_between_two_days_with_a_dash():
    assert days("ليل الخميس - الجمعة") == [("2015-07-31", False)]


def test_weeks_and_months_ago_and_parts_of_a_month():
    got = {s: days(s)[0][0] for s in ("قبل أسبوع", "منذ أسبوعين", "منذ شهر", "قبل يوم أمس")}
    assert got == {
        "قبل أسبوع": "2015-07-29",
        "منذ أسبوعين": "2015-07-22",
        "منذ شهر": "2015-07-05",  # a calendar month
        "قبل يوم أمس": "2015-08-03",
    }
    assert days("أواخر الشهر الماضي") == [("2015-07-25", False)]
    assert days("في مطلع يونيو") == [("2015-06-05", False)]


def test_a_weekday_beside_a_date_names_its_year():
    (d,) = find_dates(normalize("السبت 15 أغسطس").text, date(2016, 1, 10))
    assert d.day == date(2015, 8, 15)  # a Saturday in 2015, not 2016


def test_a_weekday_and_its_date_with_a_word_between():
    pub = date(2013, 2, 12)  # a Tuesday

    def on(s: str) -> list[date | None]:
        return [d.day for d in find_dates(normalize(s).text, pub)]

    assert on("يوم الاثنين في 18 شباط") == [date(2013, 2, 18)]
    assert on("الخميس الموافق 14 شهر شباط") == [date(2013, 2, 14)]
    # after الموافق the day number alone: the 8th of a month near publication that is a Friday
    assert on("وقع الهجوم يوم الجمعة الموافق 8") == [date(2013, 2, 8)]
    assert on("قتل يوم الجمعة 15 شخصا") == [date(2013, 2, 8)]  # 15 people, no date


def test_months_and_years_ago_count_calendar_months():
    pub = date(2016, 11, 7)
    found = find_dates(normalize("قبل شهر، ومنذ عامين، وقبل 3 سنوات").text, pub)
    assert [(d.day, d.precision) for d in found] == [
        (date(2016, 10, 7), 3),
        (date(2014, 11, 7), 3),
        (date(2013, 11, 7), 3),
    ]
    (d,) = find_dates(normalize("قبل شهر").text, date(2016, 3, 31))
    assert d.day == date(2016, 2, 29)  # the last day of a shorter month
    # a span older than the calendar names no day (and breaks nothing)
    assert find_dates(normalize("منذ 6257 عام، وقبل 999999 يوم").text, pub) == []


def test_a_day_of_the_last_or_next_month():
    pub = date(2017, 12, 7)
    found = find_dates(normalize("في العاشر من الشهر الماضي، و20 من الشهر المقبل").text, pub)
    assert [(d.day, d.future) for d in found] == [
        (date(2017, 11, 10), False),
        (date(2018, 1, 20), True),
    ]


def test_numeric_dates_day_first_or_year_first():
    found = find_dates(normalize("في 22/2/2016 وفي 2016/02/23 وفي 2016/13/01").text, WED)
    assert [d.day for d in found] == [date(2016, 2, 22), date(2016, 2, 23)]


def test_a_plural_unit_alone_names_no_day():
    assert days("أصدرت بيانا قبل أيام") == []


def test_maghrebi_past_words():
    pub = date(2016, 3, 1)  # a Tuesday
    found = find_dates(normalize("الليلة الفارطة، والسبت الفارط، والأسبوع الفارط").text, pub)
    assert [(d.day, d.precision) for d in found] == [
        (date(2016, 2, 29), 1),
        (date(2016, 2, 27), 1),
        (date(2016, 2, 24), 2),
    ]


def _date_words() -> list[str]:
    """Every word and phrase of dates.yaml (with and without a clitic), numbers and a few
    words that belong to no day expression."""
    from rasd.resources import resources

    y = resources().yaml("lexicon/dates.yaml")
    words: set[str] = set()

    def collect(x) -> None:
        if isinstance(x, dict):
            for k, val in x.items():
                collect(k)
                collect(val)
        elif isinstance(x, list):
            for val in x:
                collect(val)
        elif isinstance(x, str):
            words.add(x)

    collect(y)
    words = {w for w in words if not w.isascii()}
    words |= {"و" + w for w in list(words)[::3]} | {"ب" + w for w in list(words)[1::3]}
    return sorted(words) + ["5", "12", "2015", "1440", "22/2/2016", "2016-02-22", "قصف", "في"]


_DATE_WORDS = _date_words()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_DATE_WORDS), st.sampled_from([" ", "  ", "، ", " - ", "\n"])),
        max_size=14,
    )
)
def test_day_expressions_are_found_near_their_anchors_as_everywhere(parts):
    """The date pattern tried only near the words a day expression holds finds what it
    finds tried at every position."""
    from rasd.extraction.dates import _vocab

    text = normalize("".join(w + sep for w, sep in parts)).text
    v = _vocab()
    everywhere = [(m.span(), m.group()) for m in v.pattern.finditer(text)]
    assert [(m.span(), m.group()) for m in v.anchored.finditer(text)] == everywhere


def test_a_town_after_a_settlement_word_is_no_future_verb():
    # سيفاري (Sévaré) begins like «سي-» (will …); after مدينة it is a name
    pub = date(2015, 8, 8)  # a Saturday
    found = find_dates(normalize("اعتقال سبعة في مدينة سيفاري يوم الجمعة").text, pub)
    assert [d.day for d in found] == [date(2015, 8, 7)]
    found = find_dates(normalize("سيقام الاجتماع يوم الجمعة").text, pub)
    assert [d.day for d in found] == [date(2015, 8, 14)]


def test_a_month_given_in_both_calendars_without_brackets_keeps_its_year():
    from rasd.extraction.dates import find_dates
    from rasd.text.normalize import normalize

    t = normalize("قتل في التاسع من أغسطس آب 2014 برصاص شرطي").text
    assert [str(d.day) for d in find_dates(t, date(2015, 8, 10))] == ["2014-08-09"]


def test_a_weekday_with_an_ordinal_of_the_month_or_of_the_weekday():
    pub = date(2013, 2, 12)
    # السبت السادس عشر: Saturday the 16th (teens also written with عشرة)
    assert day("السبت السادس عشر", pub) == date(2013, 2, 16)
    assert day("الأحد السابع عشرة", pub) == date(2013, 2, 17)
    # the third of September 2014 is no Tuesday: the third Tuesday of the month
    assert day("الثلاثاء الثالث من شهر أيلول من عام 2014", pub) == date(2014, 9, 16)
    # a weekday that agrees with the date keeps the date
    assert day("الثلاثاء 16 أيلول 2014", pub) == date(2014, 9, 16)


def test_a_weekday_of_last_week_and_a_range_with_a_dash():
    pub = date(2013, 2, 12)  # a Tuesday
    assert day("الأحد من الأسبوع الماضي", pub) == date(2013, 2, 10)
    assert day("الخميس الماضي", pub) == date(2013, 2, 7)
    assert day("بين 4-22 يناير 1995", pub) == date(1995, 1, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first of a month, without the article
        ("في أول ديسمبر", date(2021, 12, 1)),
        ("قتل في اول كانون الثاني", date(2022, 1, 1)),
        # a weekday with the day and month in digits: the year where the weekday fits
        ("يوم السبت 18/12", date(2021, 12, 18)),
        ("الاثنين 3/1 قتل", date(2022, 1, 3)),
    ],
)
def test_first_of_a_month_and_weekday_with_day_and_month(text, expected):
    assert day(text) == expected


def test_a_weekday_and_a_score_is_no_day_and_month():
    # digits after a slash that go on are no day and month (الأحد 3/1/2 …)
    assert all(d.day != date(2022, 1, 3) for d in find_dates(normalize("الأحد 3/1/2").text, PUB))


@pytest.mark.parametrize(
    ("text", "pub", "expected"),
    [
        # the article before a day's digits (الـ15 normalized ال15) and «N الجاري»
        ("قتل في الـ15 من ديسمبر", PUB, date(2021, 12, 15)),
        ("في الـ3 من الشهر الجاري", PUB, date(2022, 1, 3)),
        ("اعتقل في 4 الجاري", PUB, date(2022, 1, 4)),
        # the weekday before the last one
        ("الخميس قبل الماضي", PUB, date(2021, 12, 23)),
        ("الجمعة الماضية", PUB, date(2021, 12, 31)),
        ("الجمعة قبل الماضية", PUB, date(2021, 12, 24)),
        # the night between two days: the day after the first, slash or dash between them
        ("ليل الاثنين/ الثلاثاء", PUB, date(2022, 1, 4)),
        ("ليلة الأحد - الاثنين", PUB, date(2022, 1, 3)),
        # a Sunday paper's «from midnight Sunday/Monday» is the coming Monday
        ("هدنة تبدأ منتصف ليل الأحد/الاثنين", date(2022, 1, 2), date(2022, 1, 3)),
    ],
)
def test_days_of_the_month_weeks_back_and_nights(text, pub, expected):
    assert day(text, pub) == expected


def test_an_age_or_a_count_before_a_bare_month_word_is_no_day():
    assert not [d for d in find_dates(normalize("عمره 15 الشهر").text, PUB) if d.day]


def test_a_bare_past_year_right_after_the_trigger_dates_it_over_a_day_further_off():
    import rasd

    pub = date(2018, 4, 3)
    s = "وصلت إلى مطار أمرتسر الاثنين رفات 38 عاملا خطفوا وقتلوا في مدينة الموصل على أيدي مسلحين عام 2014."
    assert rasd.extract(s, published=pub) == []
    # «منذ … 2014» is a yardstick: the killing is Monday's
    s = "وقتل الاثنين 20 فلسطينيا برصاص الجيش في مدينة غزة في أكبر حصيلة منذ حرب عام 2014."
    assert [e.event_date for e in rasd.extract(s, published=pub)] == [date(2018, 4, 2)]


def test_years_ago_with_many_digits_or_the_accusative_unit_are_read():
    t = normalize("وتبين الآثار أن أكثر من 140 طفلا قتلوا هناك قبل 550 عاما، وقبل 11 شهرا").text
    got = [(t[d.start : d.end], d.day) for d in find_dates(t, date(2018, 4, 28))]
    assert got == [("قبل 550 عاما", date(1468, 4, 28)), ("وقبل 11 شهرا", date(2017, 5, 28))]


def test_since_a_named_year_is_no_year_ago_and_dates_nothing():
    (d,) = find_dates(normalize("الرجل الذي يحكم البلاد منذ عام 1989").text, date(2018, 6, 25))
    assert d.year_only == 1989 and d.day is None
    evs = rasd.extract(
        "نفذت الطائرات أمس أكثر من 30 غارة جوية على قطاع غزة، في أكبر تصعيد منذ حرب عام 2014.",
        published=date(2018, 5, 30),
    )
    assert [(e.sub_event_type, e.event_date) for e in evs] == [
        ("Air/drone strike", date(2018, 5, 29))
    ]
