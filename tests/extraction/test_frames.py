"""What is not a new event: an event named as a time reference, a running total, a threat
or plan next to the trigger, a trial report."""

from datetime import date

import rasd

PUB = date(2023, 3, 14)


def test_an_event_named_as_a_time_reference_is_not_a_new_event():
    text = "وصل وزير الداخلية إلى مدينة الموصل غداة الهجوم الذي استهدف سوقا شعبيا."
    assert rasd.extract(text, published=PUB) == []


def test_a_running_total_is_not_an_event():
    assert (
        rasd.extract("قتل 40 مدنيا في مدينة حلب منذ بداية العام بحسب المرصد.", published=PUB) == []
    )


def test_a_threat_is_not_an_event():
    assert rasd.extract("هدد التنظيم بشن هجمات على مدينة كركوك.", published=PUB) == []


def test_a_trial_report_tells_no_new_event():
    text = "بدأت محكمة الجنايات محاكمة المتهمين في تفجير مدينة طنطا."
    assert rasd.extract(text, published=PUB) == []


def test_one_place_list_gives_one_event_per_place():
    evs = rasd.extract(
        "شنت طائرات التحالف غارات على مدن الرقة ودير الزور والميادين يوم الجمعة.", published=PUB
    )
    assert len(evs) == 3
    assert {e.sub_event_type for e in evs} == {"Air/drone strike"}
    assert {e.event_date for e in evs} == {date(2023, 3, 10)}
