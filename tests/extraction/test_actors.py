from datetime import date

import rasd
from rasd.extraction.actors import find_actors, state_actor
from rasd.text.normalize import normalize

PUB = date(2024, 5, 19)


def names(s: str, country: str | None = None) -> list[str | None]:
    return [state_actor(a, country) for a in find_actors(normalize(s).text)]


def test_longest_form_wins_over_its_head():
    assert names("قوات سوريا الديمقراطية") == ["SDF: Syrian Democratic Forces"]
    assert "Islamic State" in names("هاجم مسلحو تنظيم داعش القرية")


def test_generic_state_forces_take_the_adjective_or_event_country():
    assert names("القوات الهندية") == ["Military Forces of India"]
    assert names("الجيش", "IRQ") == ["Military Forces of Iraq"]


def test_a_national_army_is_the_army_of_the_country_where_the_event_is():
    # الجيش الوطني is Yemen's in Yemen, Tunisia's in Tunisia (actors.tsv kind state_home)
    assert names("الجيش الوطني", "YEM") == ["Military Forces of Yemen (Hadi government)"]
    assert names("الجيش الوطني", "TUN") == ["Military Forces of Tunisia"]
    assert names("الجيش الوطني الليبي", "LBY") == ["LNA: Libyan National Army"]


def test_houthi_framings():
    for form in ("الحوثيين", "جماعة أنصار الله", "الانقلابيين"):
        assert names(form) == ["Houthis (Ansar Allah)"], form


def test_trap_phrases_are_ignored():
    assert names("مجلس الأمن الدولي") == []
    assert names("قاعدة عسكرية") == []


def _one(text):
    from datetime import date

    import rasd

    (ev,) = rasd.extract(text, published=date(2023, 3, 14))
    return ev


def test_aircraft_named_by_a_nisba_are_that_states_forces():
    ev = _one("قصفت مقاتلات روسية مواقع للمعارضة في مدينة إدلب أمس.")
    assert ev.actor1 == "Military Forces of Russia" and ev.sub_event_type == "Air/drone strike"


def test_the_group_that_claims_responsibility_did_it():
    ev = _one("وأعلن تنظيم داعش مسؤوليته عن التفجير الذي استهدف سوقا في مدينة بعقوبة أمس.")
    assert ev.actor1 == "Islamic State"


def test_a_coalitions_bombardment_is_an_air_strike_unless_guns_are_named():
    assert _one("قصف التحالف العربي مواقع للحوثيين في مدينة صعدة أمس.").sub_event_type == (
        "Air/drone strike"
    )
    assert _one("قصفت مدفعية التحالف مواقع للحوثيين في مدينة صعدة أمس.").sub_event_type == (
        "Shelling/artillery/missile attack"
    )


def test_the_forces_right_after_the_verb_are_its_subject():
    ev = _one("قصفت القوات الحكومية أحياء في مدينة درعا أمس.")
    assert ev.actor1 == "Military Forces of Syria" and ev.actor2 != ev.actor1


def test_who_blames_is_no_party_the_one_blamed_is():
    ev = _one(
        "قتل عنصران من الشرطة التركية في مدينة أضنة أمس في هجوم نسبته السلطات إلى حزب العمال الكردستاني."
    )
    assert ev.actor1 == "PKK: Kurdistan Workers Party"


def test_the_ones_counted_in_a_toll_are_the_victims():
    (ev,) = rasd.extract(
        "قتل 4 جنود و3 مدنيين في هجوم مسلح على حاجز في مدينة العريش أمس.",
        published=date(2015, 8, 5),
    )
    assert (ev.actor1, ev.actor2) == ("Unidentified armed group", "Military Forces of Egypt")


def test_aircraft_of_a_named_force_are_that_force_and_act_first():
    # طائرات الاحتلال: the vehicle word takes its owner; the trigger names its actor
    evs = rasd.extract(
        "استهدفت طائرات الاحتلال الإسرائيلي منزلا في مدينة خان يونس، "
        "وقد أسفرت الغارة عن استشهاد عدد من المدنيين.",
        published=PUB,
    )
    assert [(e.actor1, e.actor2) for e in evs] == [("Military Forces of Israel", "Civilians")]
    evs = rasd.extract("شن طيران التحالف غارات على مواقع الحوثيين في صنعاء اليوم.", published=PUB)
    assert [e.actor1 for e in evs] == ["Saudi-led coalition"]


def test_an_event_noun_with_a_nisba_names_the_state_and_soldiers_in_gaza_are_israels():
    assert names("أسفر قصف إسرائيلي عن مقتل 3", "PSE")[0] == "Military Forces of Israel"
    assert names("أطلق الجنود النار", "PSE") == ["Military Forces of Israel"]
    # the police of the territory stay its own
    assert names("الشرطة", "PSE") == ["Police Forces of Palestine"]


def test_an_actor_after_a_verb_is_its_target_unless_the_verb_opens_the_clause():
    evs = rasd.extract("القسام تستهدف الاحتلال بمدينة خان يونس اليوم", published=PUB)
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Al Qassam Brigades", "Military Forces of Israel")
    ]


def test_an_actor_with_la_right_after_the_act_owns_it_but_not_after_a_target():
    evs = rasd.extract(
        "قتل 7 مدنيين في قصف مدفعي لميليشيات الحوثي على مدينة الحديدة اليوم.", published=PUB
    )
    assert [(e.actor1, e.actor2) for e in evs] == [("Houthis (Ansar Allah)", "Civilians")]
    evs = rasd.extract("شنت المقاتلات غارة على مواقع للحوثيين في مدينة صرواح اليوم.", published=PUB)
    assert all(e.actor1 != "Houthis (Ansar Allah)" for e in evs)


def test_a_country_as_the_subject_of_an_attack_acts_through_its_forces():
    evs = rasd.extract("قصفت تركيا مواقع في مدينة عفرين اليوم.", published=PUB)
    assert [e.actor1 for e in evs] == ["Military Forces of Turkey"]
    text = "واصلت إسرائيل عدوانها على غزة، وشنت غارات على أحياء في مدينة غزة اليوم."
    assert [e.actor1 for e in rasd.extract(text, published=PUB)] == ["Military Forces of Israel"]
    # a country as a place or a target is no actor
    evs = rasd.extract("سقطت صواريخ على إسرائيل اليوم من مدينة غزة.", published=PUB)
    assert all(e.actor1 != "Military Forces of Israel" for e in evs)


def test_a_perpetrator_counted_among_the_dead_is_no_victim():
    ev = _one("قتل أربعة أشخاص بينهم منفذ الهجوم في هجوم بسكين في سوق مدينة ليون أمس.")
    assert ev.actor2 != "Sole perpetrator"
    assert ev.event_type == "Violence against civilians"


def test_a_group_named_by_an_everyday_word_is_an_actor_only_in_its_country():
    crowd = _one("أطلق مسلح النار على الحشد أمام كنيسة في مدينة ليون الفرنسية اليوم.")
    assert "Popular Mobilization Forces" not in (crowd.actor1, crowd.actor2)
    pmf = _one("هاجم الحشد مواقع لتنظيم داعش قرب مدينة بيجي العراقية اليوم.")
    assert pmf.actor1 == "Popular Mobilization Forces"


def test_fighting_between_two_sides_names_each_and_allies_stay_together():
    ev = _one("تواصلت المواجهات بين الجيش وميليشيات الحوثي في مديرية ميدي اليوم.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Yemen", "Houthis (Ansar Allah)")
    ev = _one(
        "استمرت الاشتباكات في الزبداني بين قوات النظام وحزب الله من جهة وبين فصائل المعارضة"
        " من جهة أخرى اليوم."
    )
    assert (ev.actor1, ev.actor2) == ("Military Forces of Syria", "Opposition rebels (Syria)")


def test_a_generic_word_for_armed_men_heads_the_group_named_after_it():
    ev = _one("قتل 3 من عناصر الجيش في هجوم شنته ميلشيات الحوثي على موقع في مديرية ميدي اليوم.")
    assert ev.actor1 == "Houthis (Ansar Allah)"


def test_a_party_announcing_its_own_act_is_its_actor_not_only_a_source():
    ev = rasd.extract(
        "أعلن الجيش السوداني استعادة السيطرة على مدينة سنجة من قوات الدعم السريع.",
        published=PUB,
    )[0]
    assert ev.actor1 == "Military Forces of Sudan"
    ev = rasd.extract(
        "أعلن حزب الله أن مقاتليه استهدفوا موقعا عسكريا في بلدة المطلة بالصواريخ اليوم.",
        published=PUB,
    )[0]
    assert ev.actor1 == "Hezbollah"
    # announcing a death reports it: the police did not set off the bomb
    ev = rasd.extract(
        "أعلنت الشرطة مقتل ثلاثة أشخاص في انفجار عبوة ناسفة في مدينة الموصل اليوم.",
        published=PUB,
    )[0]
    assert ev.actor1 != "Police Forces of Iraq"


def test_soldiers_counted_in_words_among_the_dead_are_the_victims():
    (ev,) = rasd.extract(
        "قتل ثلاثة جنود أمريكيين وأصيب العشرات في هجوم بطائرة مسيرة على قاعدة البرج 22 في الأردن.",
        published=PUB,
    )
    assert ev.actor2 == "Military Forces of the United States"
    assert ev.actor1 != "Military Forces of the United States"


def test_people_who_hold_a_protest_are_protesters():
    (ev,) = rasd.extract(
        "نظم مئات الطلاب وقفة احتجاجية في مدينة الخرطوم تنديدا باستمرار الحرب.", published=PUB
    )
    assert (ev.event_type, ev.actor1, ev.inter1, ev.actor2) == ("Protests", "Protesters", 6, None)


def test_forces_with_a_nisba_are_that_states_forces_and_without_one_nobody():
    assert names("القوات الأوكرانية") == ["Military Forces of Ukraine"]
    assert names("القوات", "SYR") == []  # bare «the forces» names no one


def test_who_announced_who_was_killed_whose_base_and_who_only_reported():
    (ev,) = rasd.extract(
        "أعلن الجيش الإسرائيلي أنه استهدف القائد العسكري لحماس في غارة على منطقة المواصي غرب خان يونس اليوم.",
        published=PUB,
    )
    assert ev.actor1 == "Military Forces of Israel"
    (ev,) = rasd.extract(
        "اغتيل نائب رئيس المكتب السياسي لحماس في غارة بطائرة مسيرة على الضاحية الجنوبية لبيروت اليوم.",
        published=PUB,
    )
    assert (ev.actor1, ev.actor2) == ("Unidentified armed group", "Hamas")
    (ev,) = rasd.extract(
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة عين الأسد الأمريكية بطائرة مسيرة اليوم.",
        published=PUB,
    )
    assert ev.actor1 == "Islamic Resistance in Iraq"
    assert ev.actor2 is not None and "United States" in ev.actor2
    (ev,) = rasd.extract(
        "تعرضت سفينة تجارية لهجوم قبالة سواحل الحديدة اليوم، بحسب هيئة عمليات التجارة البحرية البريطانية.",
        published=PUB,
    )
    assert ev.actor2 == "Civilians" and ev.geo_precision == 2


def test_a_verb_of_targeting_after_an_opener_word_is_followed_by_its_subject():
    from datetime import date

    import rasd

    text = "أما في محافظة صعدة فقد استهدفت مقاتلات التحالف تجمعات الحوثي في مدينة صعدة أمس."
    (ev,) = rasd.extract(text, published=date(2018, 2, 24))
    assert ev.actor1 == "Saudi-led coalition"


def test_the_owner_of_a_gathering_or_a_depot_struck_is_the_target():
    import rasd

    s = "قصفت مقاتلات التحالف تجمعات الانقلابيين في منطقة الكورنيش بمدينة الحديدة أمس."
    (ev,) = rasd.extract(s, published="2018-06-06")
    assert (ev.actor1, ev.actor2) == ("Saudi-led coalition", "Houthis (Ansar Allah)")


def test_the_rebels_are_the_rebel_group_the_article_names():
    import rasd

    s = (
        "قصفت مقاتلات التحالف مواقع للحوثيين في مدينة الحديدة أمس. "
        "وواصل المتمردون قصفهم الأحياء السكنية في مدينة حيس."
    )
    evs = rasd.extract(s, published="2018-06-06")
    assert [e.actor1 for e in evs] == ["Saudi-led coalition", "Houthis (Ansar Allah)"]
    assert evs[1].fields["actor1"][0].text == "المتمردون"
    # no group named: the rebels stay unidentified
    (ev,) = rasd.extract(
        "وواصل المتمردون قصفهم الأحياء السكنية في مدينة حيس أمس.", published="2018-06-06"
    )
    assert ev.actor1 == "Unidentified armed group"


def test_the_forces_between_a_killing_verb_and_its_victims_are_its_subject():
    (ev,) = rasd.extract("قتلت قوات الجيش المالي أمس 13 إرهابيا في مدينة دوينتزا.", published=PUB)
    assert (ev.actor1, ev.actor2, ev.fatalities) == (
        "Military Forces of Mali",
        "Unidentified armed group",
        13,
    )


def test_the_subject_of_a_killing_verb_acts_when_a_later_noun_anchors_the_event():
    # the clash noun, far after the subject, anchors the event: the killing verb's subject
    # before the counted dead is still who acted
    s = (
        "قتلت قوات الجيش السوري 12 مسلحا على الأقل وأصابت نحو ثلاثين آخرين بجروح متفاوتة"
        " خلال اشتباكات عنيفة اندلعت فجر أمس في ريف مدينة درعا الشرقي."
    )
    [ev] = rasd.extract(s, published=PUB)
    assert ev.actor1 == "Military Forces of Syria"


def test_a_sniper_who_kills_a_medic_or_a_teenager_attacks_civilians():
    # the civilian nouns take their sound inflections (مسعف → مسعفة، مراهق → مراهقا)
    for victim in ("مسعفة شابة", "مراهقا", "سائقين"):
        s = f"قتل قناص إسرائيلي أمس {victim} شرق مدينة رفح في قطاع غزة."
        [ev] = rasd.extract(s, published=PUB)
        assert ev.sub_event_type == "Attack", victim


def test_unknown_gunmen_who_kill_a_civilian_attack_civilians():
    (ev,) = rasd.extract("اغتال مسلحون مجهولون أمس ناشطا في مدينة البصرة.", published=PUB)
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack",
        "Unidentified armed group",
        "Civilians",
        1,
    )


def test_forces_that_own_the_shelling_are_not_its_target():
    (ev,) = rasd.extract(
        "قتل 15 شخصا في قصف مدفعي لقوات الدعم السريع على سوق في مدينة الأبيض أمس.",
        published=PUB,
    )
    assert (ev.actor1, ev.actor2) == ("RSF: Rapid Support Forces", "Civilians")
    # forces named after the object of an attack own the target
    (ev,) = rasd.extract(
        "قتل 3 أشخاص في تفجير استهدف حافلة لقوات الدرك في مدينة الفحيص أمس.", published=PUB
    )
    assert ev.actor2 != "Civilians"


def test_armed_men_of_a_named_group_are_that_group_and_attack_who_they_attack():
    for text in (
        "هاجم مسلحون من جبهة النصرة أمس قرية قرب مدينة إعزاز.",
        "هاجم مسلحون من / جبهة النصرة / أمس قرية قرب مدينة إعزاز.",
    ):
        (ev,) = rasd.extract(text, published=PUB)
        assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
            "Attack",
            "Jabhat al Nusra",
            "Civilians",
        ), text
    # counted from the police, they are its men (the victims)
    (ev,) = rasd.extract("قتل 3 من عناصر الشرطة أمس في هجوم على مدينة إعزاز.", published=PUB)
    assert ev.actor2 == "Police Forces of Syria"


def test_a_spokesman_of_a_party_announcing_its_act_makes_the_party_actor1():
    evs = rasd.extract(
        "أعلن المتحدث العسكري باسم الحوثيين استهداف سفينة تجارية في البحر الأحمر بصاروخين.",
        published=PUB,
    )
    assert [(e.actor1, e.actor2) for e in evs] == [("Houthis (Ansar Allah)", "Civilians")]


def test_a_party_that_says_its_own_men_set_off_a_bomb_is_actor1():
    said = "قالت كتائب القسام إن مقاتليها فجروا عبوة ناسفة بدبابة في مخيم جباليا أمس."
    assert [e.actor1 for e in rasd.extract(said, published=PUB)] == ["Al Qassam Brigades"]
    # a party that only reports a bombing is its source, not its author
    told = "قالت كتائب القسام إن عبوة ناسفة انفجرت بدبابة في مخيم جباليا أمس."
    assert [e.actor1 for e in rasd.extract(told, published=PUB)] != ["Al Qassam Brigades"]


def test_forces_right_after_a_verb_of_attacking_civilians_are_the_attackers():
    evs = rasd.extract(
        "هاجمت قوات الدعم السريع قرية في ولاية الجزيرة أمس وقتلت 40 من سكانها.", published=PUB
    )
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in evs] == [
        ("Attack", "RSF: Rapid Support Forces", "Civilians", 40)
    ]


def test_the_subject_of_a_clause_of_time_after_the_toll_is_the_attacker():
    # the gunmen come after the toll, in «عندما فتح مسلحون النار»: they shot, they did not die
    evs = rasd.extract(
        "قتل 4 أشخاص، عندما فتح مسلحون النار على حافلة في مدينة كركوك يوم الأحد.",
        published=PUB,
    )
    assert [(e.actor1, e.actor2, e.fatalities) for e in evs] == [
        ("Unidentified armed group", "Civilians", 4)
    ]


def test_the_resistance_alone_is_yemens_popular_resistance_only_in_yemen():
    evs = rasd.extract(
        "وحررت المقاومة منطقة النخيلة بمديرية المسيمير في محافظة لحج.", published=date(2015, 7, 23)
    )
    assert [(e.sub_event_type, e.actor1) for e in evs] == [
        ("Government regains territory", "Popular Resistance")
    ]
    evs = rasd.extract("أطلقت المقاومة صواريخ من قطاع غزة على مدينة سديروت أمس.", published=PUB)
    assert evs and all(e.actor1 != "Popular Resistance" for e in evs)


def test_a_strike_named_with_its_nationality_is_that_state_s_act_wherever_it_stands():
    # the strike is not the frame's anchor here (the kill word comes first)
    ev = rasd.extract(
        "قتل 11 مدنيا، السبت، في غارة تركية استهدفت مدينة عفرين في شمال سوريا.", published=PUB
    )
    assert [(e.actor1, e.actor2) for e in ev] == [("Military Forces of Turkey", "Civilians")]
    ev = rasd.extract(
        "وقال الحاكم إن انتحاريا فجر سترته الناسفة داخل سوق في مدينة قندوز صباح اليوم.",
        published=PUB,
    )
    assert [e.actor1 for e in ev] == ["Unidentified armed group"]


def test_members_of_a_group_after_the_verb_attack_and_the_object_s_owner_is_attacked():
    ev = rasd.extract("هاجم عناصر من داعش حاجزا للجيش في ريف حماة أمس.", published=PUB)
    assert [(e.actor1, e.actor2) for e in ev] == [("Islamic State", "Military Forces of Syria")]
    # counted members are victims
    ev = rasd.extract("قتل 3 عناصر من داعش في ريف حماة أمس.", published=PUB)
    assert [e.actor2 for e in ev] == ["Islamic State"]


def test_an_armed_group_right_after_the_verb_is_the_attacker_not_a_victim():
    ev = rasd.extract("اقتحمت مجموعة مسلحة مقر المؤسسة الوطنية للنفط في طرابلس.", published=PUB)
    assert [(e.sub_event_type, e.actor1) for e in ev] == [("Attack", "Unidentified armed group")]


def test_a_party_that_says_it_did_the_act_itself_is_its_actor():
    ev = rasd.extract("وقالت سرايا القدس إنها قصفت مدينة عسقلان أمس.", published=PUB)
    assert [e.actor1 for e in ev] == ["Al Quds Brigades"]
    ev = rasd.extract(
        "وذكر الجيش اللبناني في بيان أنه أوقف خمسة مطلوبين في منطقة حي السلم أمس.", published=PUB
    )
    assert [e.actor1 for e in ev] == ["Military Forces of Lebanon"]


def test_an_object_between_the_act_and_l_makes_the_owner_a_target():
    ev = rasd.extract("وقصف الجيش أهدافا لحركة حماس في بيت لاهيا أمس.", published=PUB)
    assert [e.actor2 for e in ev] == ["Hamas"]
    ev = rasd.extract("هاجم مسلحون حاجزا للجيش الأفغاني في ولاية لوغار أمس.", published=PUB)
    assert [e.actor2 for e in ev] == ["Military Forces of Afghanistan"]
    # an accusative act agrees with its adjectives: the owner after them is the actor
    ev = rasd.extract("وأسفر قصفا مدفعيا للقوات التركية على عفرين عن مقتل 18 مدنيا.", published=PUB)
    assert [e.actor1 for e in ev] == ["Military Forces of Turkey"]


def test_a_side_s_backer_is_neither_actor():
    ev = rasd.extract(
        "اقتحمت المقاومة الشعبية بدعم من طائرات التحالف العربي قاعدة العند الجوية في لحج أمس.",
        published=PUB,
    )
    assert ev and all("Saudi-led coalition" not in (e.actor1, e.actor2) for e in ev)
    # the police guarding a side is not the side it is attacked by
    ev = rasd.extract(
        "اقتحم عشرات المستوطنين المسجد الأقصى أمس بحماية شرطة الاحتلال.", published=PUB
    )
    assert ev and all(e.actor2 != "Police Forces of Israel" for e in ev)


def test_a_take_over_by_a_government_s_ally_regains_territory():
    ev = rasd.extract("أحكمت ألوية العمالقة سيطرتها الكاملة على منطقة الدريهمي أمس.", published=PUB)
    assert [e.sub_event_type for e in ev] == ["Government regains territory"]
    ev = rasd.extract("سيطرت حركة طالبان على منطقة ناو زاد في هلمند أمس.", published=PUB)
    assert [e.sub_event_type for e in ev] == ["Non-state actor overtakes territory"]


def test_warships_named_by_their_country_are_its_forces():
    [ev] = rasd.extract("قصفت المدمرات الأمريكية مواقع في مدينة دمشق فجر اليوم.", published=PUB)
    assert ev.actor1 == "Military Forces of United States"


def test_the_state_named_after_an_active_verb_of_killing_is_the_attacker():
    pub = date(2024, 3, 14)
    active = "اغتالت إسرائيل القيادي في الحركة بغارة على الضاحية الجنوبية لبيروت."
    passive = "اغتيل القيادي في حماس في غارة على الضاحية الجنوبية لبيروت."
    assert [(e.actor1, e.actor2) for e in rasd.extract(active, published=pub)][0][0] == (
        "Military Forces of Israel"
    )
    assert rasd.extract(passive, published=pub)[0].actor2 == "Hamas"


def test_a_group_that_says_its_fighters_fought_with_a_force_fought_that_force():
    evs = rasd.extract(
        "أعلنت سرايا القدس أن مقاتليها خاضوا اشتباكات ضارية مع قوات الاحتلال في مخيم جنين.",
        published=PUB,
    )
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Al Quds Brigades", "Military Forces of Israel")
    ]


def test_the_party_right_after_a_verb_agreeing_with_it_fired():
    evs = rasd.extract(
        "هزت انفجارات عنيفة مدينة مأرب مساء الثلاثاء جراء سقوط صواريخ باليستية أطلقتها "
        "جماعة الحوثي على أحياء سكنية.",
        published=PUB,
    )
    assert [e.actor1 for e in evs] == ["Houthis (Ansar Allah)"]
    # an interception's other side stays the one that fired
    evs = rasd.extract(
        "اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقته جماعة الحوثي باتجاه مدينة نجران.",
        published=PUB,
    )
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Military Forces of Saudi Arabia", "Houthis (Ansar Allah)")
    ]


def test_an_attack_of_a_group_named_with_its_group_word_is_that_group_s():
    evs = rasd.extract(
        "قتل 20 جنديا في هجوم لتنظيم داعش غرب أفريقيا على قاعدة عسكرية في ولاية بورنو.",
        published=PUB,
    )
    assert [e.actor1 for e in evs] == ["Islamic State (West Africa)"]
    # targets belonging to the group are no act of it
    evs = rasd.extract("قصفت الطائرات أهدافا تابعة لتنظيم داعش في مدينة الرمادي.", published=PUB)
    assert [e.actor2 for e in evs] == ["Islamic State"]


def test_the_arms_of_a_party_named_by_its_forces_are_that_party():
    evs = rasd.extract("قصفت طائرات حفتر مطار معيتيقة في طرابلس بعدة صواريخ.", published=PUB)
    assert [e.actor1 for e in evs] == ["LNA: Libyan National Army"]


def test_the_syrian_regime_named_as_such_is_the_syrian_army():
    evs = rasd.extract(
        "قتل 47 شخصا بهجوم شنه النظام السوري بغاز الكلور في مدينة دوما أمس.",
        published=date(2018, 4, 8),
    )
    assert [(e.sub_event_type, e.actor1) for e in evs] == [
        ("Chemical weapon", "Military Forces of Syria")
    ]


def test_a_nisba_written_the_levantine_and_maghrebi_way_names_its_state():
    # البولونية beside البولندية: the police that clashed are Poland's
    found = [
        a.entry.actor for a in find_actors(normalize("اشتبكت الشرطة البولونية مع السكان").text)
    ]
    assert "Police Forces of Poland" in found
