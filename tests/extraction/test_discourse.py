"""What earlier sentences tell a later one: the day and place of a follow-up, the kind of
event «مماثل» points back to, and background far from the lead."""

from datetime import date

import rasd

PUB = date(2023, 3, 14)  # a Tuesday


def test_a_follow_up_sentence_adds_figures_to_the_event_it_continues():
    evs = rasd.extract(
        "قتل جنديان في هجوم مسلح على حاجز للجيش في مدينة العريش يوم الأحد. "
        "وأصيب ثلاثة جنود آخرون في الهجوم.",
        published=PUB,
    )
    assert len(evs) == 1
    ev = evs[0]
    assert ev.location == "Arish" and ev.event_date == date(2023, 3, 12)
    assert (ev.fatalities, ev.injuries) == (2, 3)
    assert ev.mentions == 2


def test_a_similar_attack_takes_the_kind_of_the_one_just_told():
    evs = rasd.extract(
        "انفجرت سيارة مفخخة في مدينة كركوك صباح الأحد. "
        "وفي مدينة تكريت وقع تفجير مماثل مساء اليوم نفسه.",
        published=PUB,
    )
    assert [e.location for e in evs] == ["Kirkuk", "Tikrit"]
    assert evs[1].sub_event_type == evs[0].sub_event_type


def test_an_undated_event_far_below_the_lead_is_background():
    text = (
        "أعلنت الحكومة خطة جديدة لإعادة الإعمار في مدينة الموصل. وقالت إن العمل يبدأ قريبا. "
        "وأضافت أن المشاريع تشمل المدارس. وأوضحت أن التمويل متوفر. وأشارت إلى دعم دولي. "
        "وذكرت أن الخطة طموحة. واندلعت اشتباكات عنيفة في مدينة الموصل."
    )
    assert rasd.extract(text, published=PUB) == []
    # the same clash told first is the article's news
    assert len(rasd.extract("اندلعت اشتباكات عنيفة في مدينة الموصل.", published=PUB)) == 1


def test_each_report_of_a_roundup_is_an_event():
    evs = rasd.extract(
        "دارت اشتباكات عنيفة أمس في مدينة الزبداني، كما قصفت قوات النظام أمس مناطق في مدينة "
        "داريا، بينما دارت اشتباكات فجر أمس في حي جوبر.",
        published=PUB,
    )
    assert [e.location for e in evs] == ["Az Zabadani", "Darayya", "Jobar"]


def test_the_fight_that_ended_an_attack_happened_where_the_attack_did():
    evs = rasd.extract(
        "قتل مسلح ثلاثة مدنيين بإطلاق النار عليهم في سوق مدينة كركوك أمس. وقال مسؤول في "
        "الشرطة إن عناصر الأمن طاردوا المهاجم. وأضاف أن المهاجم قتل خلال تبادل لإطلاق النار "
        "مع قوات الأمن.",
        published=date(2023, 3, 14),
    )
    assert [(e.sub_event_type, e.location) for e in evs] == [
        ("Attack", "Kirkuk"),
        ("Armed clash", "Kirkuk"),
    ]


def test_a_lead_event_without_a_town_takes_the_province_a_next_sentence_names():
    evs = rasd.extract(
        "تمكنت وحدة عسكرية مساء اليوم من القضاء على مسلحين اثنين. "
        "وقالت الوزارة إن عمليات التمشيط متواصلة في مرتفعات ولاية القصرين.",
        published=PUB,
    )
    assert [(e.admin1, e.geo_precision, e.event_date) for e in evs] == [("Kasserine", 3, PUB)]


def test_a_province_in_another_country_than_the_lead_names_does_not_place_it():
    evs = rasd.extract(
        "قصفت طائرات حربية تركية اليوم مواقع للتنظيم في سورية. "
        "وحددت الأهداف قرب الحدود المقابلة لولاية كيليس في تركيا.",
        published=PUB,
    )
    assert all(e.admin1 != "Kilis" for e in evs)


def test_field_news_opens_a_new_item_whose_undated_events_are_news():
    lead = "قال مسؤولون اليوم إن الحكومة ستعقد اجتماعا لبحث الأوضاع في البلاد. " * 4
    tail = "وعلى ساحة المعارك، سيطرت حركة طالبان على منطقة ناو زاد بعد قتال عنيف."
    evs = rasd.extract(lead + "\n" + "وأضاف المسؤولون أن الاجتماع مهم. " * 3 + tail, published=PUB)
    assert [e.location for e in evs] == ["Now Zad"]


def test_the_same_battles_named_at_another_place_add_to_the_event_just_told():
    evs = rasd.extract(
        "دارت معارك عنيفة أمس في محيط مدينة الرمادي بين الجيش العراقي وتنظيم داعش. "
        "وشارك 500 مقاتل من العشائر في المعارك نفسها بعدما تدربوا في قاعدة الحبانية.",
        published=PUB,
    )
    assert [e.location for e in evs] == ["Ramadi"]


def test_teasers_and_tag_lists_scraped_with_the_article_tell_no_event():
    text = (
        "قتل جندي في هجوم مسلح على حاجز في مدينة العريش أمس.\n"
        "اقرأ أيضا: مقتل خمسة في انفجار بمدينة الموصل\n"
        "وأصيب شرطي في المدينة نفسها.\n"
        "سمات ايران قتل هجوم طهران"
    )
    evs = rasd.extract(text, published=PUB)
    assert [e.location for e in evs] == ["Arish"]
    assert all(e.actor1 != "Military Forces of Iran" for e in evs)


def test_security_forces_that_speak_do_not_make_a_shooting_of_civilians_a_clash():
    (ev,) = rasd.extract(
        "قتل مسلح ثلاث نساء أمام كنيسة في مدينة ليون الفرنسية اليوم، فيما أكدت السلطات مقتل المهاجم.",
        published=date(2019, 3, 10),
    )
    assert ev.event_type == "Violence against civilians"
    assert ev.fatalities == 3


def test_forces_in_a_speakers_title_are_no_target():
    (ev,) = rasd.extract(
        "وقال رئيس مفوضية الشرطة للصحفيين إن المهندس قتل بالرصاص في سيارته وسط مدينة ليون اليوم.",
        published=date(2019, 3, 10),
    )
    assert ev.event_type == "Violence against civilians"


def test_every_event_of_a_lead_without_a_place_takes_the_place_named_next():
    evs = rasd.extract(
        "تمكنت وحدة عسكرية مساء اليوم الجمعة من القضاء على إرهابيين اثنين في أحد الجبال،"
        " والقبض على شخص مشبوه. وتأتي العملية ضمن عمليات التمشيط في مرتفعات ولاية القصرين.",
        published=date(2017, 2, 17),
    )
    assert sorted((e.sub_event_type, e.admin1) for e in evs) == [
        ("Armed clash", "Kasserine"),
        ("Arrests", "Kasserine"),
    ]


def test_a_report_beside_another_without_a_place_of_its_own_happened_where_the_first_did():
    evs = rasd.extract(
        "تواصلت المواجهات بين الجيش وميليشيات الحوثي في أطراف مديرية الدريهمي، جنوب مدينة"
        " الحديدة، وسط غارات شنتها مقاتلات التحالف.",
        published=date(2018, 8, 3),
    )
    assert sorted((e.sub_event_type, e.location) for e in evs) == [
        ("Air/drone strike", "Ad Durayhimi"),
        ("Armed clash", "Ad Durayhimi"),
    ]


def test_a_month_name_is_no_place_and_an_anniversary_only_hides_what_it_commemorates():
    # آب (August) is no Ibb; a clash during a commemoration is news, the killing
    # commemorated is not
    evs = rasd.extract(
        "وكانت مسيرة سلمية قد بدأت يوم 9 أغسطس (آب) في المدينة. وأصيب متظاهر بجروح في"
        " إطلاق نار خلال مواجهات في مدينة فيرغسون لدى إحياء الذكرى الأولى لمقتل الشاب.",
        published=date(2015, 8, 10),
    )
    assert "Ibb" not in {e.location for e in evs}
    assert [e.location for e in evs] == ["Ferguson"]


def test_an_event_told_in_the_present_is_not_dated_by_the_sentence_before():
    from datetime import date

    import rasd

    day = date(2015, 7, 27)
    before = "سيطرت قوات الجيش على مدينة الحوطة الأسبوع الماضي. "
    now = rasd.extract(
        before + "وقال مصدر عسكري إن الحوثيين يقومون بقصف منازل المواطنين في مدينة تعز.", day
    )
    assert [(e.sub_event_type, e.event_date) for e in now if e.location == "Taiz"] == [
        ("Shelling/artillery/missile attack", day)
    ]
    # after أن the imperfect is no present: the day of the sentence before dates it
    then = rasd.extract(
        before + "وأضاف أن الجيش استطاع أن يقوم بقصف مواقع الحوثيين في مدينة تعز.", day
    )
    assert [e.event_date for e in then if e.location == "Taiz"] == [date(2015, 7, 22)]


def test_forces_that_respond_after_an_attack_on_civilians_are_not_its_target():
    from datetime import date

    import rasd

    day = date(2018, 9, 3)
    s = "طعن رجل ثلاثة مدنيين في سوق مدينة الموصل الجمعة قبل أن تصيبه الشرطة بالرصاص."
    ev = rasd.extract(s, day)
    assert [(e.sub_event_type, e.actor2) for e in ev] == [("Attack", "Civilians")]
    # forces named before the marker are still the target
    ev = rasd.extract("هاجم مسلحون دورية للشرطة في مدينة الموصل الجمعة ثم فروا.", day)
    assert [e.sub_event_type for e in ev] == ["Armed clash"]


def test_forces_that_shoot_are_no_target_and_a_military_operation_is_no_soldier():
    s = (
        "استشهد شاب وأصيب ثلاثة آخرون برصاص قوات الاحتلال خلال اقتحامها مدينة نابلس، "
        "في استمرار للعملية العسكرية في الضفة الغربية."
    )
    (ev,) = rasd.extract(s, published=PUB)
    assert ev.sub_event_type == "Attack" and ev.fatalities == 1
    # policemen counted among the dead, or soldiers shot, are the target: a clash
    s = "أعلن التنظيم تبني مقتل شرطيين اثنين بالرصاص في مدينة نابلس."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Armed clash"]
    (ev,) = rasd.extract("قتل جنديان برصاص مسلحين في مدينة نابلس.", published=PUB)
    assert ev.sub_event_type == "Armed clash"


def test_armed_men_counted_among_the_dead_make_a_clash_beside_a_civilian_word():
    # مقتل 3 مسلحين … قرب منزل: the house is where, the dead are armed men
    s = "أعلنت الوزارة مقتل 3 مسلحين في ولاية القصرين التونسية قرب منزل مهجور."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Armed clash"]
    # gunmen who killed a worker are not among the dead
    s = "كان مسلحون مجهولون قتلوا بالرصاص في مدينة نابلس أمس عاملة إغاثة."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Attack"]


def test_an_article_announcing_a_sentence_carried_out_tells_no_event():
    s = (
        "أصدرت وزارة الداخلية اليوم بيانا حول تنفيذ حكم القتل قصاصا في أحد الجناة. "
        "أقدم المذكور على قتل مواطن بإطلاق النار عليه إثر خلاف حصل بينهما في مدينة الباحة."
    )
    assert rasd.extract(s, published=PUB) == []
    # a killing reported as news, the trial to come
    s = "قتل مسلح مواطنا بإطلاق النار عليه في مدينة الباحة أمس. وقالت الشرطة إنه سيحال إلى المحكمة."
    assert len(rasd.extract(s, published=PUB)) == 1


def test_forces_that_fired_the_shots_are_no_target():
    # the toll's span runs on over «برصاص قوات الأمن»: the shooters are not among the dead
    evs = rasd.extract("أعلنت الوزارة مقتل 3 أشخاص برصاص قوات الأمن في مدينة حمص.", published=PUB)
    assert [(e.sub_event_type, e.actor2) for e in evs] == [("Attack", "Civilians")]
    # wounded only: the same
    evs = rasd.extract("أصيب شابان برصاص قوات الأمن في مدينة حمص أمس.", published=PUB)
    assert [(e.sub_event_type, e.actor2) for e in evs] == [("Attack", "Civilians")]


def test_forces_right_after_a_verb_of_attacking_with_its_conjunction_are_the_attackers():
    # وهاجم: the verb keeps its subject with و in front of it
    evs = rasd.extract("وهاجم جنود الاحتلال المصلين في المسجد الأقصى أمس.", published=PUB)
    assert [(e.sub_event_type, e.actor2) for e in evs] == [("Attack", "Civilians")]


def test_guards_of_a_mosque_are_civilians():
    evs = rasd.extract("وهاجم مستوطنون حراس المسجد في مدينة الخليل أمس.", published=PUB)
    assert [(e.sub_event_type, e.actor2) for e in evs] == [("Attack", "Civilians")]
    # اعتدى is a verb of attacking
    evs = rasd.extract("واعتدى مستوطنون على حراس المسجد في مدينة الخليل أمس.", published=PUB)
    assert [e.sub_event_type for e in evs] == ["Attack"]


def test_an_act_named_with_a_word_that_judges_it_and_no_day_is_recalled():
    pub = date(2015, 8, 9)
    # a reaction to a known bombing: no new event
    s = (
        "أعرب نواب عن إدانتهم لحادث التفجير الإرهابي الغاشم الذي استهدف مسجد قوات الطوارئ"
        " بمنطقة عسير وأسفر عن سقوط عدد من الشهداء."
    )
    assert rasd.extract(s, published=pub) == []
    s = (
        "أعرب الأزهر عن استنكاره الشديد للهجوم الإرهابي الذي استهدف مسجدا في مدينة أبها وأسفر"
        " عن مقتل 15 من رجال الأمن."
    )
    assert rasd.extract(s, published=pub) == []
    # the same words with the day it happened: the recalled act counts, on its day
    s = "أسفر التفجير الغاشم الذي استهدف مسجدا في مدينة أبها أمس عن مقتل 15 من رجال الأمن."
    assert [e.event_date for e in rasd.extract(s, published=pub)] == [date(2015, 8, 8)]
    # the judging word before the relative clause that tells the act, far from the verb of
    # condemning: «وشجب د. … ، العمل الإرهابي الآثم الذي استهدف»
    s = (
        "وشجب مدير إدارة التعليم بالمنطقة الشرقية، العمل الإرهابي الآثم الذي استهدف مسجدا في"
        " مدينة أبها، ونتج عنه استشهاد عدد من رجال الأمن."
    )
    assert rasd.extract(s, published=pub) == []


_COLUMN = (
    "ليس من السهل أن نفهم ما يجري في المنطقة دون العودة إلى جذور الأزمة وأسبابها العميقة. "
    "فالمشهد السياسي معقد، والمصالح متشابكة، والحلول المطروحة لا ترقى إلى حجم التحديات. "
    "وقد عانت مدينة الموصل من تفجير سيارة مفخخة في سوق شعبي أودى بحياة عشرات المدنيين. "
)
_FILLER = (
    "ويرى كثير من المراقبين أن الطريق إلى الاستقرار يمر عبر الحوار والتنمية والتعليم، "
    "وأن الرهان على القوة وحدها لن يصنع سلاما دائما ولن يعيد الثقة بين مكونات المجتمع. "
)


def test_a_column_that_names_no_day_and_reports_nothing_recalls_its_events():
    pub = date(2015, 8, 1)
    text = _COLUMN + _FILLER * 8
    assert len(text) > 1200
    assert rasd.extract(text, published=pub) == []
    # a report: a verb of reporting in its lead
    report = "قال مسؤول أمني إن " + text
    assert [e.location for e in rasd.extract(report, published=pub)] == ["Mosul"]
    # a short text is read as news, dated to its publication day
    assert [e.event_date for e in rasd.extract(_COLUMN, published=pub)] == [pub]


def test_a_paragraph_tells_the_day_of_the_news_once_for_its_events():
    text = (
        "وفي محافظة درعا، نفذت الطائرات الحربية السورية أمس 16 غارة على مدينة درعا. "
        "كذلك دارت اشتباكات بين قوات الجيش السوري والفصائل المسلحة في محيط بلدة عتمان،"
        " وسط قصف جوي على البلدة."
    )
    evs = rasd.extract(text, published=PUB)
    assert len(evs) == 3
    assert {e.event_date for e in evs} == {date(2023, 3, 13)}


def test_a_lead_event_placed_by_a_list_in_the_next_sentence_is_one_event_per_town():
    text = (
        "أعلنت السلطات المغربية الاثنين توقيف خلية إرهابية تتكون من أربعة عناصر موالين"
        " لتنظيم داعش. وقالت وزارة الداخلية إن أفراد الخلية ينشطون في مدن الدار البيضاء"
        " والقنيطرة ومكناس."
    )
    evs = rasd.extract(text, published=date(2018, 5, 14))
    assert sorted(e.location for e in evs) == ["Casablanca", "Kenitra", "Meknes"]
    assert {e.sub_event_type for e in evs} == {"Arrests"}


def test_two_towns_between_which_tension_rose_are_no_list_of_places():
    text = (
        "شنت الطائرات الحربية التركية أمس غارات على قرى حدودية ما أدى إلى مقتل 4 مدنيين."
        " وتصاعد التوتر بين مدينتي الموصل وأربيل خلال الأيام الأخيرة."
    )
    assert len(rasd.extract(text, published=PUB)) <= 1


def test_the_sentence_after_an_undated_event_may_give_its_day():
    # the lead names no day; the next sentence, placeless and read as another kind of
    # event (a police station near), tells it
    s = (
        "فتح مسلح النار على مقهى في مدينة مالمو، ما أدى إلى مقتل ثلاثة أشخاص.\n"
        "وأصيب عدد آخر مساء الأحد عندما فتح مهاجم النار قريبا من مركز للشرطة."
    )
    [ev] = rasd.extract(s, published=PUB)
    assert ev.event_date == date(2023, 3, 12)
    # a recall told with «وكانت … قد» names the day of an earlier event, not of this one
    s = (
        "فتح مسلح النار على مقهى في مدينة مالمو، ما أدى إلى مقتل ثلاثة أشخاص.\n"
        "وكانت اشتباكات قد اندلعت يوم الأحد بين الشرطة ومسلحين."
    )
    assert [e.event_date for e in rasd.extract(s, published=PUB)] == [PUB]


_STORY = (
    "شنت القوات الحكومية هجوما على مواقع المسلحين في محافظة حماة يوم الأحد. "
    "وقصفت المدفعية مواقع المسلحين في قرية زغلولة، ما أدى إلى مقتل أربعة مسلحين. "
    "كما فجر مسلحون عبوة ناسفة بمنطقة برغوثة، ما أسفر عن مقتل جنديين."
)


def test_acts_at_villages_the_gazetteer_lacks_are_placed_in_the_story_province():
    evs = rasd.extract(_STORY, published=PUB)
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [
        ("Armed clash", None),
        ("Shelling/artillery/missile attack", 4),
        ("Remote explosive/landmine/IED", 2),
    ]
    # each at province precision, and each its own event (not folded into one)
    assert {(e.admin1, e.geo_precision) for e in evs} == {("Hama", 3)}
    assert evs[1].fields["location"][0].rule.startswith("story:province")


def test_a_province_told_in_another_paragraph_places_no_unknown_village():
    evs = rasd.extract(_STORY.replace(". وقصفت", ".\nوقصفت"), published=PUB)
    assert [e.sub_event_type for e in evs] == ["Armed clash"]


def test_an_event_told_without_place_is_placed_where_a_later_sentence_says_it_happened():
    lead = "شن مسلحون هجوما بالأسلحة الكيماوية على المدنيين يوم السبت. "
    evs = rasd.extract(
        lead + "وقال مسؤولون إن 20 شخصا لقوا حتفهم في الهجوم الذي وقع في مدينة دوما.",
        published=PUB,
    )
    assert [(e.location, e.event_date, e.fatalities) for e in evs] == [
        ("Duma", date(2023, 3, 11), 20)
    ]
    # where the victims were taken is not where it happened
    moved = "وقال مسؤولون إن 20 شخصا لقوا حتفهم في الهجوم قبل نقلهم إلى مدينة دوما."
    assert rasd.extract(lead + moved, published=PUB) == []


def test_a_separate_incident_does_not_borrow_the_town_told_before():
    evs = rasd.extract(
        "قتل أربعة جنود في انفجار عبوة ناسفة في مدينة سيلوبي. "
        "وفي حادث منفصل، قتل جندي في هجوم صاروخي في محافظة شرناق.",
        published=PUB,
    )
    assert [(e.location, e.geo_precision) for e in evs] == [("Silopi", 1), ("Sırnak", 3)]


def test_a_sentence_detailing_the_lead_strikes_places_the_lead():
    evs = rasd.extract(
        "شنت الطائرات الإسرائيلية، فجر اليوم، سلسلة غارات على بلدات في جنوب لبنان، ما أدى "
        "إلى مقتل عنصرين من حزب الله. واستهدفت إحدى الغارات منزلا في بلدة عيترون.",
        published=PUB,
    )
    assert [(e.location, e.fatalities, e.actor1) for e in evs] == [
        ("Aitaroun", 2, "Military Forces of Israel")
    ]


_SHOOTING = "قتل ثلاثة أشخاص في هجوم مسلح على سوق في مدينة الموصل يوم الأحد"


def test_an_arrest_right_after_an_attack_happened_where_and_when_it_did():
    for arrest in (
        "، بينما اعتقلت الشرطة مطلق النار.",
        ". وألقت الشرطة القبض على ثلاثة أشخاص مشتبه بهم نفذوا الاعتداء.",
        ". وقالت الشرطة إنها اعتقلت شخصين للاشتباه في تورطهما في إطلاق النار.",
    ):
        evs = rasd.extract(_SHOOTING + arrest, published=PUB)
        assert [(e.sub_event_type, e.location, e.event_date) for e in evs] == [
            ("Attack", "Mosul", date(2023, 3, 12)),
            ("Arrests", "Mosul", date(2023, 3, 12)),
        ], arrest


def test_an_arrest_sought_stopped_or_abroad_is_no_arrest_at_the_attack():
    for after in (
        ". ورحبت الحكومة بالأمر الصادر للقوات لاعتقال القتلة.",  # sought
        ". وأوقفت الحكومة مؤقتا كل شحنات النفط عبر المعبر.",  # something halted
        ". وقال الشرطي إن السائق تظاهر بأنه يترجل من سيارته.",  # pretended
        ". وتم توقيف 25 شخصا، مضيفا أن المداهمات جرت في سوريا.",  # another country
    ):
        evs = rasd.extract(_SHOOTING + after, published=PUB)
        assert [e.sub_event_type for e in evs] == ["Attack"], after


def test_an_undated_act_told_at_a_reception_or_visit_is_recalled_not_news():
    for s in (
        "واستقبل الأمير في مدينة أبها أسر الشهداء الذين استشهدوا في حادث التفجير.",
        "وزار المبعوث مدينتي بانتيو ولير التي شهدت أعنف الاشتباكات.",
    ):
        assert rasd.extract(s, published=PUB) == [], s
    # the act told with its day is news, whoever's visit frames it
    s = "وزار المبعوث مدينة بانتيو التي شهدت أمس اشتباكات عنيفة قتل فيها 12 شخصا."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Armed clash"]
