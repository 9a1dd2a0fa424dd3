from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import rasd
from rasd.extraction.triggers import valid_pair

PUB = date(2023, 3, 14)  # a Tuesday


def events(text: str, pub: date | None = PUB):
    return rasd.extract(text, published=pub, outlet="test")


def one(text: str, pub: date | None = PUB):
    evs = events(text, pub)
    assert len(evs) == 1, [(e.event_type, e.location, e.event_date) for e in evs]
    return evs[0]


def test_clash_with_casualties_place_and_date():
    ev = one(
        "قتل ثلاثة جنود وأصيب خمسة آخرون في اشتباكات اندلعت فجر الاثنين مع مسلحين قرب مدينة تكريت في محافظة صلاح الدين."
    )
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert ev.event_date == date(2023, 3, 13)
    assert ev.country == "IRQ" and ev.location and "Tikrit" in ev.location
    assert ev.geo_precision == 2
    assert ev.fatalities == 3 and ev.injuries == 5


def test_airstrike():
    ev = one("شن طيران التحالف غارات على مواقع للحوثيين في مدينة صعدة أمس.")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.weapon == "airstrike"
    assert ev.event_date == date(2023, 3, 13)


def test_an_anti_armour_shell_is_a_fight_not_shelling():
    ev = one("استهدف مقاتلون دبابة للجيش بقذيفة مضادة للدروع في مدينة تكريت أمس.")
    assert ev.sub_event_type == "Armed clash"
    ev = one("سقطت قذيفة على مدينة تكريت أمس وأصابت منزلا.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_an_attack_noun_between_two_armed_sides_is_an_event():
    ev = one("بثت حركة طالبان مشاهد لاستهداف جنود الجيش الأفغاني في مدينة قندوز.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Taliban")
    assert rasd.extract("ناقش الوزراء استهداف المدنيين في مدينة قندوز.", published=PUB) == []


def test_protest_with_intervention():
    ev = one(
        "تظاهر مئات المحتجين أمس في مدينة البصرة، وفرقت قوات الأمن المتظاهرين بالغاز المسيل للدموع."
    )
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Protest with intervention")


def test_interception_is_disrupted_weapons_use():
    ev = one("أسقطت الدفاعات الجوية طائرة مسيرة فوق مدينة أربيل مساء الأحد.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert ev.event_date == date(2023, 3, 12)


def test_ied_with_zero_casualties():
    ev = one("انفجرت عبوة ناسفة على طريق في مدينة الفلوجة اليوم دون وقوع إصابات.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.fatalities == 0 and ev.injuries == 0


def test_threat_is_not_an_event():
    assert (
        rasd.extract("هدد التنظيم بشن هجمات على مدينة كركوك خلال الأيام المقبلة.", published=PUB)
        == []
    )


def test_an_expelled_ambassador_is_diplomacy_not_a_fight_for_territory():
    assert rasd.extract("قامت الحكومة أمس بطرد السفير من العاصمة الخرطوم.", published=PUB) == []
    # a killing of an ambassador is still an attack
    evs = rasd.extract("قتل السفير بإطلاق نار أمس في مدينة أنقرة.", published=PUB)
    assert [e.location for e in evs] == ["Ankara"]


def test_strikes_told_anew_after_just_after_are_the_event():
    text = (
        "وصلت جثامين ثلاثة شهداء إلى قسم الطوارئ بمستشفى شهداء الأقصى، عقب غارات "
        "إسرائيلية عنيفة استهدفت مدينة دير البلح اليوم."
    )
    evs = rasd.extract(text, published=PUB)
    # the strikes are the event, where they struck, not where the dead were taken
    assert [(e.sub_event_type, e.location) for e in evs] == [("Air/drone strike", "Dayr al Balah")]
    # the attack already known (with the article) is only a time reference
    assert rasd.extract("وصل الوزير إلى المدينة عقب الهجوم.", published=PUB) == []


def test_an_alleged_attack_and_who_holds_a_town_are_no_new_events():
    text = "ووصل الخبراء إلى المدينة لفحص موقع الهجوم المزعوم في مدينة دوما."
    assert rasd.extract(text, published=PUB) == []
    text = "وأكد القائد أن مدينة نجران آمنة وتحت سيطرة القوات المسلحة."
    assert rasd.extract(text, published=PUB) == []


def test_praise_for_an_act_recalls_it_and_tells_no_new_event():
    text = (
        "وأعرب نائب الرئيس عن تقديره البالغ للدور الذي تضطلع به الدول الداعمة في تحرير مدينة عدن."
    )
    assert rasd.extract(text, published=PUB) == []


def test_old_background_event_is_dropped():
    assert rasd.extract("وكان انفجار قد وقع في مدينة الموصل في 3 يناير 2020.", published=PUB) == []


def test_country_only_event_is_not_recorded():
    assert rasd.extract("شنت الطائرات غارات على العراق أمس.", published=PUB) == []


def test_no_publication_date_means_null_date():
    ev = one("قتل شخصان في انفجار عبوة ناسفة في مدينة الموصل أمس.", pub=None)
    assert ev.event_date is None


def test_sports_article_has_no_event():
    assert (
        rasd.extract(
            "فاز الفريق بثلاثة أهداف مقابل هدف في المباراة التي أقيمت في مدينة عمان.", published=PUB
        )
        == []
    )


def test_every_field_has_evidence_inside_the_original(seed, seed_events):
    text = seed["text"]
    assert seed_events
    for ev in seed_events:
        assert valid_pair(ev.event_type, ev.sub_event_type)
        assert text[ev.evidence_span[0] : ev.evidence_span[1]] == ev.evidence
        for name, evs in ev.fields.items():
            for e in evs:
                if e.start >= 0:
                    assert text[e.start : e.end] == e.text, name


def test_seed_ain_al_asad_event(seed_events):
    ain = [
        e
        for e in seed_events
        if e.location == "Ain al-Asad Air Base" and e.event_date == date(2022, 1, 5)
    ]
    assert len(ain) == 1
    ev = ain[0]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.fatalities == 0 and ev.munitions == 5 and ev.weapon == "rocket"
    assert len(ev.sources) >= 2


SENTENCES = [
    "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت أمس.",
    "وسقطت خمسة صواريخ على قاعدة عين الأسد الجوية فجر الأربعاء دون وقوع إصابات.",
    "وقال مصدر أمني إن عبوة ناسفة انفجرت في حي الكرادة ببغداد.",
    "تظاهر مئات في مدينة البصرة للمطالبة بالخدمات.",
    "وهدد التنظيم بشن هجمات جديدة.",
    "الحرةقال المتحدث إن الطائرات التركية قصفت مواقع في مدينة عفرين.",
]


@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    st.sampled_from(["\n", " ", "\n\n"]),
)
@settings(max_examples=40, deadline=None)
def test_spans_always_point_back_into_the_original(parts, sep):
    text = sep.join(parts)
    for ev in rasd.extract(text, published=PUB):
        assert text[ev.evidence_span[0] : ev.evidence_span[1]] == ev.evidence
        for evs in ev.fields.values():
            for e in evs:
                if e.start >= 0:
                    assert 0 <= e.start <= e.end <= len(text)
                    assert text[e.start : e.end] == e.text


def test_capital_alone_is_the_countrys_capital():
    text = "اقتحم مسلحون مقر شركة النفط في العاصمة الليبية، وقتل اثنان من الموظفين اليوم."
    ev = one(text)
    assert ev.location == "Tripoli" and ev.country == "LBY"


def test_interception_joins_the_attack_but_a_defused_bomb_does_not():
    salvo = rasd.extract(
        "سقطت خمسة صواريخ على قاعدة عين الأسد الجوية اليوم. وأضاف المصدر أن الدفاعات الجوية أسقطت عددا آخر من الصواريخ.",
        published=PUB,
    )
    assert [e.sub_event_type for e in salvo] == ["Shelling/artillery/missile attack"]
    bombs = rasd.extract(
        "انفجرت عبوة ناسفة أمام محكمة في مدينة الموصل اليوم. وقال مصدر أمني إن خبراء المفرقعات أبطلوا مفعول عبوة أخرى.",
        published=PUB,
    )
    assert sorted(e.sub_event_type for e in bombs) == [
        "Disrupted weapons use",
        "Remote explosive/landmine/IED",
    ]


def test_running_total_is_not_an_event():
    assert (
        rasd.extract("ومنذ بداية العام، قتل 40 جنديا في هجمات في محافظة الأنبار.", published=PUB)
        == []
    )


def test_territory_needs_a_place_as_object():
    freed = rasd.extract(
        "وفي مدينة الموصل تمكنت الشرطة أمس من تحرير طفل مختطف منذ أيام لدى عصابة.", published=PUB
    )
    assert all("territory" not in e.sub_event_type for e in freed)
    ev = one("سيطرت القوات العراقية أمس على مدينة تكريت بعد اشتباكات مع تنظيم داعش.")
    assert ev.sub_event_type == "Government regains territory"


def test_statement_day_does_not_date_the_event_when_the_event_has_its_own():
    ev = one(
        "قال المتحدث، الأربعاء، إن مسلحين هاجموا حاجزا في مدينة كركوك أمس.", pub=date(2023, 3, 15)
    )
    assert ev.event_date == date(2023, 3, 14)


def test_the_api_refuses_no_text_clearly_and_reads_string_dates():
    """`rasd.extract(None)` raised AttributeError deep inside, and a date given as text a
    TypeError (issue 11, case 13)."""
    import pytest

    with pytest.raises(TypeError, match="text must be a str"):
        rasd.extract(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        rasd.extract("قتل ثلاثة جنود", published="yesterday")
    text = "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت أمس، بحسب مصدر أمني."
    as_text = rasd.extract(text, published="2023-03-14")
    as_date = rasd.extract(text, published=date(2023, 3, 14))
    assert as_text and [e.to_dict() for e in as_text] == [e.to_dict() for e in as_date]
    assert as_text[0].event_date == date(2023, 3, 13)


def test_a_toll_of_thousands_is_a_running_total_not_an_event():
    day = date(2017, 6, 6)
    assert rasd.extract("قتل 1500 شخص في قصف على مدينة حلب أمس.", published=day) == []
    evs = rasd.extract("قتل 15 شخصا في قصف على مدينة حلب أمس.", published=day)
    assert [e.fatalities for e in evs] == [15]


def test_a_failure_blamed_on_someone_is_an_opinion_not_an_event():
    s = "قالت الوزارة إن تقاعسها عن حماية المتظاهرين أدى إلى مقتل ثلاثة منهم في مدينة حلب."
    assert rasd.extract(s, published=date(2017, 6, 6)) == []


def test_a_draft_or_a_proposal_of_a_truce_is_no_agreement():
    day = date(2017, 6, 6)
    s = "استخدمت الولايات المتحدة الفيتو الأربعاء ضد مشروع قرار لوقف إطلاق النار في غزة."
    assert rasd.extract(s, published=day) == []
    assert rasd.extract("رفضت الحركة مقترحا لوقف إطلاق النار في غزة أمس.", published=day) == []
    s = "أعلنت الأطراف في مدينة عدن التوصل إلى اتفاق لوقف إطلاق النار أمس."
    assert [e.sub_event_type for e in rasd.extract(s, published=day)] == ["Agreement"]


def test_a_take_over_told_in_a_relative_clause_describes_who_holds_ground():
    day = date(2017, 6, 6)
    s = "قال الخطيب في كربلاء أمس إن البلد يواجه الإرهاب الذي سيطر على عدة مناطق من البلاد."
    assert rasd.extract(s, published=day) == []
    # the verb before its subject agrees with it, not with the relative; or it carries the
    # relative's pronoun (التي حررها الجيش)
    for s in (
        "عاد النازحون أمس إلى القرى التي حرر الجيش منها مسلحي داعش في ريف حلب.",
        "عاد النازحون أمس إلى القرى التي حررها الجيش من مسلحي داعش في ريف حلب.",
    ):
        assert rasd.extract(s, published=day) == [], s
    s = "سيطر تنظيم داعش أمس على مدينة الرمادي بعد معارك عنيفة."
    assert [e.sub_event_type for e in rasd.extract(s, published=day)] == [
        "Non-state actor overtakes territory"
    ]


def test_a_related_link_teaser_tells_no_event():
    text = "للمزيد: ضربات جوية تستهدف مطار التيفور العسكري السوري الاثنين"
    assert rasd.extract(text, published=date(2018, 4, 10)) == []


def test_forces_that_are_the_subject_of_a_killing_are_no_target():
    # the policeman killed the unarmed young man: an attack on a civilian, not a clash
    ev = one("قتل شرطي شابا أعزل في مدينة هيوستن يوم الجمعة.")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.fatalities == 1
    assert ev.actor1 and "Police" in ev.actor1 and ev.actor2 == "Civilians"
    # the forces before the verb whose object follows it are its subject too
    ev = one("أعلنت السلطات أن الشرطة قتلت شابا أسود في مدينة هيوستن يوم الجمعة.")
    assert ev.sub_event_type == "Attack" and ev.fatalities == 1
    ev = one("الجنود قتلوا 3 مدنيين في مدينة الخليل يوم الجمعة.")
    assert ev.sub_event_type == "Attack" and ev.fatalities == 3
    # a policeman among the dead is a target: the fight is a clash
    ev = one("قتل شرطي وأصيب آخر في اشتباك مع مسلحين في مدينة الموصل يوم الجمعة.")
    assert ev.sub_event_type == "Armed clash"


def test_a_death_a_protest_is_against_is_no_victim_of_it():
    ev = one("اعتصم مئات الأشخاص في مدينة اللاذقية أمس احتجاجا على مقتل عقيد في الجيش.")
    assert ev.sub_event_type == "Peaceful protest" and ev.fatalities is None
    ev = one("تظاهر المئات في مدينة البصرة أمس إثر مقتل شاب في المدينة.")
    assert ev.event_type == "Protests" and ev.sub_event_type != "Excessive force against protesters"
    # protesters killed at the protest are its victims, told before or after it
    ev = one("قتل 16 متظاهرا برصاص الشرطة خلال تظاهرات في مدينة البصرة أمس.")
    assert ev.sub_event_type == "Excessive force against protesters" and ev.fatalities == 16
    # … and those a strike is against, when told as killed during a protest
    ev = one(
        "يعم الإضراب الشامل مدينة البصرة اليوم احتجاجا على مقتل 16 شخصا برصاص الشرطة خلال "
        "مظاهرات خرجت أمس على حدود المدينة."
    )
    assert ev.sub_event_type == "Excessive force against protesters" and ev.fatalities == 16


def test_force_that_sparked_a_protest_or_that_it_is_against_is_no_force_it_met():
    for s in (
        "أثار تسجيل يظهر شرطيين يطلقان الأعيرة النارية على شاب احتجاجات في مدينة البصرة أمس.",
        "تجمع آلاف المتظاهرين في مدينة البصرة أمس احتجاجا على اعتقال زعيم المعارضة.",
    ):
        assert one(s).sub_event_type == "Peaceful protest", s
    # force used on the protest is still force
    s = "تظاهر آلاف في مدينة البصرة أمس وفرقتهم الشرطة بالرصاص الحي."
    assert one(s).sub_event_type == "Protest with intervention"


def test_a_definite_attack_noun_launched_by_a_named_actor_is_an_event():
    # «الهجمات» alone may point back at attacks already told; launched by a named actor
    # against a named target, it tells the act itself
    ev = one("شنت كتائب القسام الهجمات على قوات الاحتلال في جباليا أمس.")
    assert ev.sub_event_type == "Armed clash"
    ev = one("نفذت كتائب القسام عددا من الكمائن على قوات الاحتلال في جباليا أمس.")
    assert ev.sub_event_type == "Armed clash"
    # in a relative clause it describes its subject
    evs = events("تتحدث السلطات عن الجهاديين الذين نفذوا عددا من الهجمات في مدينة السلط.")
    assert evs == []


def test_an_arrest_of_accused_persons_is_an_arrest_not_a_trial():
    ev = one("ألقت الشرطة الاثنين القبض على 4 أشخاص متهمين بالارتباط بتنظيم داعش في مدينة فاس.")
    assert ev.sub_event_type == "Arrests"
    # the defendants of a trial: no event
    evs = events("قضت محكمة في مدينة فاس بسجن المتهمين بتفجير مقهى في المدينة.")
    assert evs == []


def test_forces_after_a_verb_of_targeting_civilians_are_the_attackers():
    ev = one("استهدفت قوات الاحتلال المدنيين عند دوار في مدينة غزة أمس أثناء انتظارهم المساعدات.")
    assert ev.sub_event_type == "Attack" and ev.actor2 == "Civilians"


def test_a_headline_joins_two_reports_with_a_new_subject():
    evs = events(
        "استشهاد 5 فلسطينيين بقصف على رفح والاحتلال يقتحم مخيم جنين\nوقالت مصادر محلية إن القصف استهدف منزلا."
    )
    places = {e.location: e for e in evs}
    assert "Rafah" in places and places["Rafah"].fatalities == 5
    assert any("Jenin" in (loc or "") for loc in places)


def test_a_protest_abroad_is_not_placed_where_the_war_it_opposes_is_fought():
    evs = events("تظاهر آلاف في فرنسا أمس للمطالبة بوقف الحرب على غزة.")
    assert all(e.location != "Gaza" for e in evs)
    # a strike told «on the 357th day of the war on Gaza» is placed where it hit
    ev = one("في اليوم الـ357 للحرب على غزة، قصفت الطائرات الإسرائيلية مدينة صور أمس.")
    assert ev.location and "Gaza" not in ev.location


def test_two_officers_wounded_are_security_targets():
    ev = one("أصيب ضابطان في جيش الاحتلال في هجومين منفصلين بمدينة خان يونس أمس.")
    assert ev.sub_event_type == "Armed clash"


def test_a_day_counted_from_a_ceasefire_is_no_agreement():
    evs = events(
        "في اليوم الـ52 من اتفاق وقف إطلاق النار في غزة، أدى القصف الإسرائيلي على مدينة رفح إلى استشهاد 10 فلسطينيين."
    )
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]
    assert evs[0].location == "Rafah" and evs[0].fatalities == 10


def test_settlers_attack_told_after_fi_hin_is_their_own_event():
    evs = events(
        "شنت قوات الاحتلال أمس حملة اعتقالات واسعة في مدينة نابلس، في حين هاجم مستوطنون منزلا وأحرقوا مركبة في بلدة سنجل أمس."
    )
    kinds = {(e.sub_event_type, e.actor1) for e in evs}
    assert ("Arrests", "Military Forces of Israel") in kinds
    assert any(t == "Attack" and a == "Israeli settlers" for t, a in kinds)


def test_a_protest_that_denounces_a_killing_has_no_victims():
    ev = one("تظاهر الآلاف في مدينة عمان أمس للتنديد بمقتل 3 شبان على الحدود.")
    assert ev.sub_event_type == "Peaceful protest" and ev.fatalities is None


def test_buildings_destroyed_by_forces_with_no_strike_are_property_destruction():
    ev = one("دمرت قوات الاحتلال عدة منازل في مخيم نور شمس قرب مدينة طولكرم أمس.")
    assert ev.sub_event_type == "Looting/property destruction"
    # a strike that destroys a house is the strike
    ev = one("دمرت غارة إسرائيلية منزلا في مدينة رفح أمس.")
    assert ev.sub_event_type == "Air/drone strike"


def test_a_storm_that_kills_is_no_event():
    evs = events(
        "قتل 39 شخصا في ولاية راجستان التي ضربتها رياح عاتية دمرت منازل في مدينة جايبور أمس."
    )
    assert evs == []


def test_a_brigade_commander_killed_is_a_security_target():
    ev = one("مقتل قائد كتيبة في الجيش الإسرائيلي بمدينة رفح أمس.")
    assert ev.sub_event_type == "Armed clash" and ev.fatalities == 1


def test_what_a_place_goes_through_in_a_relative_clause_is_no_event():
    # an imperfect verb of undergoing describes the place, not one event
    assert events("ونزح آلاف السكان من القرى التي تشهد اشتباكات عنيفة في ريف حماة.") == []
    assert events("وعاد النازحون إلى الأحياء التي تتعرض لقصف متواصل في مدينة تعز.") == []
    # a perfect verb with a toll and a day tells the event
    e = one("وقتل ثلاثة مدنيين في الأحياء التي تعرضت لقصف في مدينة تعز أمس.")
    assert e.sub_event_type == "Shelling/artillery/missile attack" and e.fatalities == 3


def test_an_explosion_set_off_by_a_fire_or_a_fault_is_no_attack():
    assert events("وقع انفجار في أحد مخازن البتروكيماويات قرب مطار القاهرة الدولي أمس.") == []
    assert events("قتل خمسة عمال في انفجار داخل مصنع للأسمدة في مدينة حمص أمس.") == []
    assert events("أصيب ثلاثة أشخاص في انفجار أسطوانة غاز داخل مطعم في مدينة حمص أمس.") == []
    # a bomb near a factory, or a fire a car bomb set off, is still an attack
    e = one("قتل خمسة جنود في انفجار عبوة ناسفة قرب مصنع للإسمنت في مدينة حمص أمس.")
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.fatalities == 5
    e = one("أصيب ثلاثة أشخاص في انفجار سيارة مفخخة أدى إلى اندلاع حريق في سوق مدينة حمص أمس.")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    e = one("شنت طائرات حربية غارات على مصنع للذخيرة في مدينة حماة أمس.")
    assert e.sub_event_type == "Air/drone strike"


def test_a_protest_note_a_submission_or_a_fear_tells_no_event():
    assert events("تقدمت المملكة، الثلاثاء، بمذكرة احتجاج لدى الأمم المتحدة ضد التعديات.") == []
    assert events("وتقدمت الشركة الثلاثاء بطلب لتأجيل جلسة استجوابها في باريس.") == []
    assert events("وسلمت الوزارة السفير احتجاجا رسميا في الخرطوم يوم الثلاثاء.") == []
    assert events("ويخشى السكان تجدد الاشتباكات في بلدة مورك بريف حماة.") == []
    # forces that advance, and protests in the street, are still events
    e = one("تقدمت القوات الحكومية نحو بلدة مورك في ريف حماة أمس بعد اشتباكات عنيفة مع المسلحين.")
    assert e.event_type == "Battles"
    e = one("وخرج مئات المحتجين في مدينة البصرة أمس احتجاجا على انقطاع الكهرباء.")
    assert e.event_type == "Protests"


def test_a_clause_with_fa_telling_what_a_strike_did_is_no_act_of_its_own():
    ev = events(
        "قصف الجيش مجموعة من البيوت في حي الشجاعية بمدينة غزة أمس، فهدمها على رؤوس ساكنيها."
    )
    assert [e.sub_event_type for e in ev] == ["Shelling/artillery/missile attack"]
    # with no strike before it, the demolition is an event
    e = one("هدمت قوات الاحتلال منزلين في بلدة حوارة جنوب نابلس أمس.")
    assert e.sub_event_type == "Looting/property destruction"


def test_condolences_preparation_and_a_state_of_fear_tell_no_event():
    assert events("رفع الوزير التعازي إلى الملك في ضحايا التفجير الذي استهدف مسجدا في عسير.") == []
    assert events("واتجهت دبابات نحو مدينة الضالع للاستعداد لمعركة تحرير المدينة.") == []
    assert events("وتعيش مدينة حماة حالة خوف من توالي سقوط الصواريخ.") == []


def test_a_country_that_condemns_an_attack_is_not_its_actor():
    e = one("دانت مصر التفجير الذي استهدف مسجدا في مدينة أبها أمس، وأسفر عن مقتل 15 شخصا.")
    assert e.actor1 != "Military Forces of Egypt"


def test_a_ceasefire_broken_by_a_named_side_is_no_agreement():
    ev = events(
        "بعد خرق إسرائيل اتفاق وقف إطلاق النار، استشهد 3 فلسطينيين في قصف على خان يونس أمس."
    )
    assert [e.sub_event_type for e in ev] == ["Shelling/artillery/missile attack"]


def test_a_headline_toll_with_no_figure_supports_a_weak_word_of_violence():
    ev = events("شهيد في اقتحام الجيش الإسرائيلي لمدينة جنين ومخيمها")
    assert [e.sub_event_type for e in ev] == ["Attack"]
    ev = events("قتلى وجرحى في هجوم على سوق شعبي في مدينة كركوك")
    assert [e.sub_event_type for e in ev] == ["Attack"]
