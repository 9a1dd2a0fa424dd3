from datetime import date

import rasd
from rasd.extraction.dedupe import merge_events
from rasd.model import Event, Evidence


def ev(
    sub: str = "Shelling/artillery/missile attack",
    fat: int | None = None,
    loc: str = "A",
    lat: float = 33.0,
    etype: str = "Explosions/Remote violence",
    src: str = "x",
    prec: int = 1,
    admin1: str = "Anbar",
) -> Event:
    e = Event(
        etype,
        sub,
        event_date=date(2022, 1, 5),
        country="IRQ",
        admin1=admin1,
        location=loc,
        latitude=lat,
        longitude=44.0,
        geo_precision=prec,
        fatalities=fat,
        sources=[src],
    )
    e.cite("event_type", Evidence(0, 1, "x", "trigger:shelling:قصف"))
    return e


def test_mentions_of_one_event_merge_and_keep_the_lowest_toll():
    out = merge_events([ev(fat=3, src="AFP"), ev(fat=7, src="SANA")])
    assert len(out) == 1 and out[0].fatalities == 3 and out[0].sources == ["AFP", "SANA"]


def test_two_bases_one_night_stay_apart():
    assert len(merge_events([ev(loc="A", lat=33.0), ev(loc="B", lat=33.1)])) == 2


def test_province_only_mention_joins_the_precise_event_in_it():
    out = merge_events([ev(loc="Base"), ev(loc="Ramadi", lat=33.4, prec=3)])
    assert len(out) == 1 and out[0].location == "Base"


def test_a_lead_dated_by_default_takes_the_day_a_later_sentence_gives():
    from datetime import date

    import rasd

    evs = rasd.extract(
        "قتل جنديان في انفجار عبوة ناسفة في مدينة الرمادي. ووقع الانفجار مساء الأحد قرب سوق المدينة.",
        published=date(2023, 3, 14),
    )
    assert [(e.location, e.event_date) for e in evs] == [("Ramadi", date(2023, 3, 12))]


def test_a_follow_up_gives_the_day_of_the_week_before_to_the_lead():
    import rasd

    evs = rasd.extract(
        "قتل 3 أشخاص في هجوم في مدينة ليون الفرنسية. وكان المهاجم قد طعن المارة يوم الجمعة الماضي.",
        published=date(2017, 6, 6),
    )
    assert [(e.location, e.event_date, e.fatalities) for e in evs] == [
        ("Lyon", date(2017, 6, 2), 3)
    ]


def test_a_day_given_long_before_is_another_event():
    import rasd

    evs = rasd.extract(
        "قتل 3 أشخاص في هجوم في مدينة ليون الفرنسية. وكان مهاجم آخر قد طعن المارة في 20 أيار/مايو.",
        published=date(2017, 6, 6),
    )
    assert len(evs) == 2


def test_a_massacre_told_with_no_weapon_is_the_strike_at_the_same_place():
    # headline: مجزرة برفح (an attack, no weapon); lead: قصف مقاتلات إسرائيلية خيام النازحين
    massacre = ev("Attack", fat=None, etype="Violence against civilians")
    massacre.actor1, massacre.actor2 = "Unidentified armed group", "Civilians"
    strike = ev("Air/drone strike", fat=40)
    strike.actor1, strike.weapon = "Military Forces of Israel", "airstrike"
    out = merge_events([massacre, strike])
    assert len(out) == 1
    got = out[0]
    assert (got.event_type, got.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert got.actor1 == "Military Forces of Israel" and got.weapon == "airstrike"
    assert got.fatalities == 40
    # elsewhere, or by another named side, it stays its own event
    assert len(merge_events([massacre, ev("Air/drone strike", loc="B", lat=34.0)])) == 2
    shooting = ev("Attack", etype="Violence against civilians")
    shooting.weapon = "firearm"
    assert len(merge_events([shooting, strike])) == 2


def test_an_armed_clash_read_from_a_bare_attack_word_is_the_bombing_at_that_place():
    # وتسبب هجوم أمس في تصاعد الدخان: «attack» alone, beside the bombing told in the lead
    bare = ev("Armed clash", etype="Battles")
    bare.fields["event_type"] = [Evidence(0, 1, "x", "trigger:attack:هجوم")]
    bomb = ev("Suicide bomb", fat=4)
    bomb.actor1, bomb.actor2 = "Al Shabaab", "Civilians"
    (got,) = merge_events([bare, bomb])
    assert got.sub_event_type == "Suicide bomb" and (got.actor1, got.actor2) == (
        "Al Shabaab",
        "Civilians",
    )
    # a clash told by a clash word stays its own event
    fight = ev("Armed clash", etype="Battles")
    fight.fields["event_type"] = [Evidence(0, 1, "x", "trigger:clash:اشتباكات")]
    assert len(merge_events([fight, bomb])) == 2


def _placed(e: Event, kind: str) -> Event:
    e.cite("location", Evidence(5, 9, "x", f"gazetteer:{kind}:x"))
    return e


def test_a_strike_on_a_town_and_on_a_quarter_of_it_are_one():
    # 4.4 km apart: a headline's strike "north-west of the town" and the text's quarter
    town = _placed(ev(loc="Town", lat=33.0, prec=2), "city")
    quarter = _placed(ev(loc="Quarter", lat=33.04), "district")
    out = merge_events([town, quarter])
    assert len(out) == 1 and out[0].location == "Quarter"


def test_a_town_and_a_quarter_stay_apart_when_further_or_of_another_kind():
    far = [_placed(ev(loc="Town", lat=33.0), "city"), _placed(ev(loc="Q", lat=33.1), "district")]
    assert len(merge_events(far)) == 2  # 11 km
    base = [_placed(ev(loc="Town", lat=33.0), "city"), _placed(ev(loc="B", lat=33.04), "facility")]
    assert len(merge_events(base)) == 2  # a base near a town is a target of its own
    kinds = [
        _placed(ev(loc="Town", lat=33.0), "city"),
        _placed(ev(sub="Air/drone strike", loc="Q", lat=33.04), "district"),
    ]
    assert len(merge_events(kinds)) == 2


def test_a_salvo_intercepted_whole_is_a_disrupted_weapons_use():
    import rasd

    def types(s: str) -> list[str]:
        return [e.sub_event_type for e in rasd.extract(s, published="2018-04-20")]

    whole = "أطلقت الميليشيا صاروخين باتجاه مدينة نجران أمس، وتمكنت الدفاعات الجوية من اعتراضهما."
    assert types(whole) == ["Disrupted weapons use"]
    # one that hurt someone got through: the attack stays
    hurt = (
        "سقط صاروخ على مدينة نجران أمس ما أدى إلى إصابة 3 مدنيين، فيما اعترضت الدفاعات صاروخا آخر."
    )
    assert types(hurt) == ["Shelling/artillery/missile attack"]


def test_a_missile_told_as_intercepted_is_a_disrupted_weapons_use_of_the_defenders():
    import rasd

    def coded(s: str) -> list[tuple[str | None, str | None, str | None]]:
        evs = rasd.extract(s, published="2018-04-20")
        return [(e.sub_event_type, e.actor1, e.actor2) for e in evs]

    # the missile is the object of the interception: nothing of it landed
    one = "اعترضت قوات الدفاع الجوي السعودي أمس صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة نجران."
    [(sub, actor1, actor2)] = coded(one)
    assert sub == "Disrupted weapons use"
    assert actor1 == "Military Forces of Saudi Arabia" and actor2 != actor1
    told = (
        "أطلق الحوثيون صاروخا باليستيا باتجاه مدينة نجران أمس، واعترضته قوات الدفاع الجوي السعودي."
    )
    assert coded(told) == [
        ("Disrupted weapons use", "Military Forces of Saudi Arabia", "Houthis (Ansar Allah)")
    ]
    # part of a salvo stopped: the attack stays
    part = "أطلق الحوثيون خمسة صواريخ باتجاه مدينة نجران أمس، واعترضت الدفاعات الجوية ثلاثة منها."
    assert [c[0] for c in coded(part)] == ["Shelling/artillery/missile attack"]
    # an air strike is no salvo the interception of rockets told beside it stopped
    raid = (
        "قصفت طائرات حربية إسرائيلية مواقع في قطاع غزة أمس. وقال الجيش إن منظومة القبة"
        " الحديدية اعترضت صاروخا أطلق من القطاع."
    )
    assert "Air/drone strike" in [c[0] for c in coded(raid)]


def test_an_event_told_as_a_separate_one_is_not_folded_into_the_one_before():
    import rasd

    s = (
        "قتل 40 شخصا أمس حين انفجرت سيارة ملغومة في سوق بمدينة بعقوبة. وفي انفجار آخر منفصل"
        " إلى الشرق من المدينة قتل سبعة آخرون."
    )
    evs = rasd.extract(s, published="2015-08-11")
    assert sorted(e.fatalities or 0 for e in evs) == [7, 40]
    # «another strike» alone on the same front is one event, as ACLED codes it
    s = "قتل 5 مسلحين أمس في غارة على جبهة صرواح في مأرب. ودمرت غارة أخرى عربة في الجبهة ذاتها."
    assert len(rasd.extract(s, published="2015-08-11")) == 1


def test_a_rising_toll_told_today_counts_the_fighting_that_began_yesterday():
    evs = rasd.extract(
        "ارتفعت حصيلة الاشتباكات التي شهدتها مدينة طرابلس إلى 52 قتيلا، حسبما أوردته مصادر "
        "إعلامية اليوم السبت. وكانت قد اندلعت الاشتباكات في ضواحي مدينة طرابلس أمس.",
        published=date(2017, 5, 27),
    )
    assert [(e.event_date, e.fatalities) for e in evs] == [(date(2017, 5, 26), 52)]


def test_a_protest_met_with_force_in_one_mention_met_it():
    evs = rasd.extract(
        "خرجت مظاهرات في مدينة البصرة أمس للمطالبة بالخدمات. "
        "وقتل 3 متظاهرين برصاص الشرطة خلال مظاهرات في البصرة أمس.",
        published=date(2023, 3, 14),
    )
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [
        ("Excessive force against protesters", 3)
    ]


def test_a_claimed_attack_is_the_bombing_told_with_no_side():
    evs = rasd.extract(
        "تبنى تنظيم داعش الأحد مسؤولية الهجمات التي استهدفت ثلاث كنائس في مدينة سورابايا في "
        "إندونيسيا. وذكر بيان التنظيم أن ثلاث عمليات استشهادية قتلت 11 شخصا على الأقل ضد كنائس "
        "في سورابايا.",
        published=date(2018, 5, 14),
    )
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in evs] == [
        ("Suicide bomb", "Islamic State", 11)
    ]
