"""How a frame's trigger categories become an ACLED type (ACLED's coding rules)."""

from datetime import date

import rasd
from rasd.extraction.triggers import Frame, Trigger, choose_type, lexicon, valid_pair
from rasd.text.matcher import Hit


def frame(*cats: str, weapons: tuple[str, ...] = (), **flags: bool) -> Frame:
    anchor = Hit(0, 1, Trigger(cats[0], None, "strong"), "x", 0, 1)
    fr = Frame(anchor, categories=set(cats), weapons=list(weapons))
    for k, v in flags.items():
        setattr(fr, k, v)
    return fr


def test_weapons_that_never_landed_are_disrupted_weapons_use():
    assert choose_type(frame("intercept", "drone"))[:2] == (
        "Strategic developments",
        "Disrupted weapons use",
    )
    # some got through: the attack itself
    assert choose_type(frame("intercept", "shelling", landed=True))[1] == (
        "Shelling/artillery/missile attack"
    )


def test_shelling_by_aircraft_is_an_air_strike():
    assert choose_type(frame("shelling", "aircraft")) == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "airstrike",
    )


def test_an_armed_attack_on_civilians_or_on_security_forces():
    assert choose_type(frame("attack", civilians=True))[:2] == (
        "Violence against civilians",
        "Attack",
    )
    assert choose_type(frame("attack", civilians=True, security=True))[:2] == (
        "Battles",
        "Armed clash",
    )
    assert choose_type(frame("kill", return_fire=True))[0] == "Battles"


def test_protest_variants():
    assert choose_type(frame("protest"))[1] == "Peaceful protest"
    assert choose_type(frame("protest", "intervention"))[1] == "Protest with intervention"
    assert choose_type(frame("protest"), protest_victims=True)[1] == (
        "Excessive force against protesters"
    )
    assert choose_type(frame("protest", "riot"))[:2] == ("Riots", "Violent demonstration")


def test_territory_follows_the_side_that_took_it():
    assert choose_type(frame("territory", state_actor1=True))[1] == "Government regains territory"
    assert choose_type(frame("territory", state_actor1=False))[1] == (
        "Non-state actor overtakes territory"
    )
    assert choose_type(frame("territory"))[1] == "Armed clash"


def test_every_category_a_frame_can_end_with_gives_a_valid_pair():
    for cat in lexicon().precedence:
        etype, sub, _ = choose_type(frame(cat))
        assert valid_pair(etype, sub), (cat, etype, sub)


def test_forms_derived_from_roots_are_triggers_and_hand_listed_ones_win():
    from rasd.extraction.triggers import derived_triggers
    from rasd.resources import resources
    from rasd.text.normalize import key, normalize

    derived = {key(f): t for f, t in derived_triggers(resources())}
    assert derived[key("احتج")].category == "protest"
    assert derived[key("يختطف")].strength == "cue"  # the imperfect only refines
    hits = lexicon().triggers.find_all(normalize("أحرق المسلحون المنازل").text)
    assert [h.value.category for h in hits] == ["attack"]
    # كمنوا لأطقم: an ambush (form I of كمن); تكمن أهميتها: "its importance lies", no trigger
    hits = lexicon().triggers.find_all(normalize("كمنوا لأطقم المتمردين").text)
    assert [h.value.category for h in hits] == ["clash"]
    assert lexicon().triggers.find_all(normalize("وتكمن أهميتها في موقعها").text) == []


def test_opening_fire_is_found_with_words_between_verb_and_object():
    from datetime import date

    import rasd
    from rasd.extraction.triggers import phrasal_triggers
    from rasd.text.normalize import normalize

    text = normalize("وفتحت قوات النظام بعد منتصف الليل نيران رشاشاتها على البلدة").text
    hits = phrasal_triggers(text)
    assert [(text[h.start : h.end], h.value.category, h.value.weapon) for h in hits] == [
        ("فتحت", "attack", "firearm")
    ]
    # no object after the verb, or a full stop between: no trigger
    assert phrasal_triggers(normalize("فتحت المدارس أبوابها. النار").text) == []
    evs = rasd.extract("فتح مسلحون النار على مركز للشرطة في مدينة إسطنبول أمس.", date(2015, 7, 22))
    assert [(e.event_type, e.location) for e in evs] == [("Battles", "Istanbul")]
    evs = rasd.extract("أضرم مجهولون النار في مسجد بمدينة الموصل فجر اليوم.", date(2018, 3, 10))
    assert [(e.sub_event_type, e.location) for e in evs] == [("Attack", "Mosul")]


def test_shooting_is_found_with_the_subject_between_verb_and_object():
    from datetime import date

    import rasd
    from rasd.extraction.triggers import phrasal_triggers
    from rasd.text.normalize import normalize

    evs = rasd.extract(
        "أطلق مسلحان النار على مقهى في مدينة مرسين التركية مساء أمس.", date(2019, 5, 2)
    )
    assert [(e.sub_event_type, e.location, e.weapon) for e in evs] == [
        ("Attack", "Mersin", "firearm")
    ]
    # release (أطلق سراح) and launches (أطلقت حملة) are no shooting
    assert phrasal_triggers(normalize("أطلقت السلطات سراح المعتقلين").text) == []
    assert phrasal_triggers(normalize("أطلقت الوزارة حملة لجمع التبرعات").text) == []


def test_a_single_projectile_is_shelling_like_many():
    from datetime import date

    import rasd

    evs = rasd.extract(
        "توفي عامل إثر سقوط مقذوف أطلق من داخل الأراضي اليمنية على قرية في منطقة نجران مساء أمس.",
        date(2015, 8, 3),
    )
    assert [(e.sub_event_type, e.admin1) for e in evs] == [
        ("Shelling/artillery/missile attack", "Najran")
    ]


def test_forces_that_make_an_advance_into_a_place_gain_territory():
    from datetime import date

    import rasd

    evs = rasd.extract(
        "حققت قوات الجيش والمقاتلون الموالون لها تقدما في أجزاء واسعة من حي الشيخ مقصود"
        " بمدينة حلب اليوم.",
        date(2018, 5, 4),
    )
    assert [(e.sub_event_type, e.location) for e in evs] == [
        ("Government regains territory", "Sheikh Maqsoud")
    ]
    # progress in talks is no advance
    assert rasd.extract("حقق المفاوضون تقدما في محادثات جنيف اليوم.", date(2018, 5, 4)) == []


def _phrasal_categories(s: str) -> list[str]:
    from rasd.extraction.triggers import phrasal_triggers
    from rasd.text.normalize import normalize

    return [h.value.category for h in phrasal_triggers(normalize(s).text)]


def test_blowing_oneself_up_and_detonating_a_bomb_are_explosions_dawn_is_not():
    cats = _phrasal_categories
    assert cats("عندما فجر انتحاري نفسه في سوق مزدحمة") == ["suicide"]
    assert cats("فجر مسلحون عبوة ناسفة قرب دورية") == ["ied"]
    assert cats("فجر اليوم الأحد سقطت قذائف على البلدة") == []


def test_killed_by_a_drone_of_someone_but_not_at_a_march():
    from datetime import date

    import rasd

    cats = _phrasal_categories
    assert cats("استشهد خمسة فلسطينيين بمسيّرة إسرائيلية في البلدة") == ["drone"]
    assert cats("قتل قيادي في الجماعة بمسيرة مفخخة") == ["drone"]
    assert cats("قتل متظاهر بمسيرة العودة قرب السياج") == []
    got = rasd.extract("استشهد خمسة فلسطينيين بمسيّرة إسرائيلية في طوباس.", date(2024, 9, 11))
    assert [(e.sub_event_type, e.actor1) for e in got] == [
        ("Air/drone strike", "Military Forces of Israel")
    ]


def test_a_noun_in_ta_marbuta_with_a_possessive_suffix_is_its_trigger():
    from datetime import date

    import rasd
    from rasd.extraction.triggers import lexicon
    from rasd.text.normalize import normalize

    def found(s: str) -> list[str]:
        return [h.value.category for h in lexicon().bound.find_all(normalize(s).text)]

    assert found("واصل جيش الاحتلال غارته على المدينة") == ["air"]
    assert found("شنت الطائرات غارتها الثانية") == ["air"]
    assert found("غارت الطائرات") == []  # the stem alone is no noun
    (ev,) = rasd.extract("واصل جيش الاحتلال غارته على مناطق في مدينة غزة أمس.", date(2024, 3, 12))
    assert ev.sub_event_type == "Air/drone strike" and ev.event_date == date(2024, 3, 11)


def test_pounding_is_a_bombardment_and_a_shop_is_not():
    from datetime import date

    import rasd

    text = "دكت مقاتلات التحالف، الاثنين، مقرا لقادة الحوثيين جنوب غربي مدينة الحديدة."
    (ev,) = rasd.extract(text, published=date(2018, 7, 2))
    assert ev.sub_event_type == "Air/drone strike" and ev.actor1 == "Saudi-led coalition"
    assert rasd.extract("فتح صاحب الدكان محله في مدينة الحديدة أمس.", date(2018, 7, 2)) == []


def test_a_cell_dismantled_is_an_arrest_a_bomb_dismantled_is_a_defusal():
    from datetime import date

    import rasd

    day = date(2018, 5, 14)
    cell = rasd.extract("فككت الشرطة المغربية الاثنين خلية إرهابية في مدينة فاس.", day)
    assert [e.sub_event_type for e in cell] == ["Arrests"]
    toppled = rasd.extract("أطاحت قوات الأمن الاثنين بخلية لدعم الإرهابيين في مدينة البليدة.", day)
    assert [e.sub_event_type for e in toppled] == ["Arrests"]
    bomb = rasd.extract("فككت قوات الهندسة الاثنين عبوة ناسفة في مدينة الرمادي.", day)
    assert [e.sub_event_type for e in bomb] == ["Disrupted weapons use"]


def test_homes_demolished_or_bulldozed_are_property_destruction():
    from datetime import date

    import rasd

    day = date(2023, 12, 26)
    for s in (
        "قامت جرافات الاحتلال بتجريف الشوارع في مخيم جنين اليوم.",
        "هدمت قوات الاحتلال منزلين في بلدة سلوان اليوم.",
    ):
        assert [e.sub_event_type for e in rasd.extract(s, day)] == ["Looting/property destruction"]
    # a figure of speech with ب before the verb is no attack
    assert _phrasal_categories("دشن الرئيس جولته بفتح النار على حلفائه") == []


def test_drones_shot_down_are_an_interception_not_a_march():
    import rasd

    evs = rasd.extract(
        "أسقطت الدفاعات الجوية 30 مسيرة أوكرانية فوق مدينة بيلغورود الروسية.",
        published="2024-05-19",
    )
    assert [(e.sub_event_type, e.location) for e in evs] == [("Disrupted weapons use", "Belgorod")]


def test_toppling_a_government_is_no_interception():
    import rasd

    evs = rasd.extract(
        "تجمع آلاف المحتجين أمس في وسط مدينة عمان وهم يهتفون الشعب يريد إسقاط الحكومة.",
        published="2024-05-19",
    )
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"]


def test_warplanes_right_after_a_verb_of_destroying_strike_from_the_air():
    from datetime import date

    import rasd

    pub = date(2018, 5, 26)
    evs = rasd.extract("ودمرت مقاتلات التحالف عربات عسكرية للمتمردين قرب مدينة صعدة أمس.", pub)
    assert [(e.sub_event_type, e.location) for e in evs] == [("Air/drone strike", "Sa'dah")]
    # a drone destroyed by the army is the object, not the striker: an interception
    evs = rasd.extract("وقال المتحدث إن الجيش دمر طائرة دون طيار قرب مدينة صعدة أمس.", pub)
    assert [e.sub_event_type for e in evs] == ["Disrupted weapons use"]


def test_a_death_by_someones_fire_told_as_a_noun_is_a_shooting():
    from datetime import date

    import rasd

    evs = rasd.extract(
        "أكدت الوزارة استشهاد 4 مواطنين برصاص الجنود في مدينة جنين.", date(2024, 1, 9)
    )
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Attack", 4)]


def test_a_drone_told_by_its_strike_or_its_flag():
    # «مسيرات» alone may be marches; shelling by them, or their nationality, makes them drones
    ev = rasd.extract(
        "3 شهداء بقصف مسيرات إسرائيلية على مدينة طولكرم أمس", published=date(2024, 8, 22)
    )
    assert [e.sub_event_type for e in ev] == ["Air/drone strike"]


def test_an_exchange_is_a_clash_only_when_fire_is_exchanged():
    pub = date(2018, 8, 12)
    evs = rasd.extract("تبادلت القوات الهندية والباكستانية أمس إطلاق النار في كشمير.", pub)
    assert [e.sub_event_type for e in evs] == ["Armed clash"]
    evs = rasd.extract("قتل مسلحان بعد تبادل كثيف لإطلاق النيران في مدينة العريش أمس.", pub)
    assert [e.sub_event_type for e in evs] == ["Armed clash"]
    # expulsions, accusations, prisoners are exchanged too
    assert rasd.extract("تبادلت لندن وموسكو طرد عشرات الدبلوماسيين أمس.", pub) == []
    assert rasd.extract("وتبادلت الحكومتان الاتهامات بشأن أحداث العنف في مدينة حلب.", pub) == []


def test_a_definite_noun_and_adjective_type_the_event_as_the_indefinite_do():
    pub = date(2018, 4, 1)
    s = "قتل 12 شخصا نتيجة القصف الجوي لمدينة أريحا في محافظة إدلب."
    [ev] = rasd.extract(s, published=pub)
    assert ev.sub_event_type == "Air/drone strike"
    s = "وانفجرت القنابل اليدوية في سوق مدينة بوجمبورا ليل الاثنين."
    assert [e.sub_event_type for e in rasd.extract(s, published=pub)] == ["Grenade"]


def test_a_phrase_of_words_in_ta_marbuta_is_found_in_the_dual():
    from rasd.extraction.triggers import lexicon
    from rasd.text.normalize import normalize

    for s in ("هجوم بطائرتين مسيرتين", "انفجرت سيارتان مفخختان", "زرعوا عبوتين ناسفتين"):
        t = normalize(s).text
        cats = {h.value.category for h in lexicon().triggers.find_all(t)}
        assert cats & {"drone", "ied"}, s


def test_marches_named_by_their_kind_are_protests():
    import rasd

    for text in (
        "فرقت الشرطة مسيرة سلمية في مدينة وهران.",
        "خرجت مسيرات حاشدة في مدينة تعز تنديدا بالحصار.",
        "نظم طلاب وقفة تضامنية أمام الجامعة في مدينة الرباط.",
    ):
        evs = rasd.extract(text, published="2024-03-14")
        assert [e.event_type for e in evs] == ["Protests"], text


def test_verbs_and_weapons_of_recent_wars_are_found():
    from rasd.extraction.triggers import lexicon
    from rasd.text.normalize import normalize

    for s, cat in (
        ("فجرت عناصر التنظيم عبوة", "ied"),
        ("هجوم بزورق مفخخ", "ied"),
        ("أطلقت الفصائل صليات صاروخية", "shelling"),
        ("هجوم نفذه انغماسيون", "suicide"),
    ):
        t = normalize(s).text
        assert cat in {h.value.category for h in lexicon().triggers.find_all(t)}, s


def test_poison_gas_named_as_such_is_a_chemical_attack():
    import rasd

    evs = rasd.extract(
        "قصفت قوات النظام مدينة دوما بغاز سام مساء السبت ما أدى إلى مقتل العشرات.",
        published="2024-03-14",
    )
    assert [e.sub_event_type for e in evs] == ["Chemical weapon"]
