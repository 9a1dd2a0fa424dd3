from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rasd
from rasd.extraction.casualties import find_munitions, find_tolls, kills_object
from rasd.text.normalize import normalize
from rasd.text.tokens import tokenize


def tolls(s: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in find_tolls(tokenize(normalize(s).text)):
        out.setdefault(t.field, t.value)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل خمسة أشخاص وأصيب 37 آخرون بجروح جراء سقوط قذائف", {"fatalities": 5, "injuries": 37}),
        (
            "أسفر الانفجار عن مقتل خمسة أشخاص على الأقل وإصابة 16 آخرين",
            {"fatalities": 5, "injuries": 16},
        ),
        ("قتيلان وثلاثة جرحى في هجوم", {"fatalities": 2, "injuries": 3}),
        ("جنديين تركيين وحارسا مسلحا قتلوا في الهجوم", {"fatalities": 3}),
        ("قتل ضابطا شرطة ومجند في الهجوم", {"fatalities": 3}),
        ("ارتفع عدد القتلى إلى 15 والمصابين إلى 40", {"fatalities": 15, "injuries": 40}),
        ("أعلنت المقاومة مقتل 42 حوثياً على الأقل، و9 مقاتلين من المقاومة", {"fatalities": 51}),
        ("أصيب سبعة أشخاص بجروح بينهم خمسة من رجال الشرطة", {"injuries": 7}),
        ("استهدف هجوم صاروخي القاعدة دون سقوط ضحايا", {"fatalities": 0, "injuries": 0}),
        ("ولم يوقع الهجوم أي إصابات", {"fatalities": 0, "injuries": 0}),
        ("سقطت القذائف في أرض زراعية", {}),
        ("تمكنت وحدات الجيش من القضاء على 4 إرهابيين", {"fatalities": 4}),
        ("نجحت القوات في القضاء على مسلحين اثنين", {"fatalities": 2}),
        ("أصدر القضاء على 5 متهمين أحكاما بالسجن", {}),  # the judiciary, no victims
        ("قتل مسلح خمسة أشخاص في هجوم على مقهى", {"fatalities": 5}),  # the gunman killed
        ("قتل رجل 3 نساء أمام كنيسة", {"fatalities": 3}),
        ("قتل جندي و3 مدنيين في الهجوم", {"fatalities": 4}),  # a list stays a list
        ("قتل طفل برصاص قناص", {"fatalities": 1}),
        # a year after a word of time is no count of victims
        ("هو الأكثر دموية منذ 2014 قتل فيه 61 فلسطينيا", {"fatalities": 61}),
        ("في عام 1990 قتل في المدينة", {}),
        ("قتل 2000 شخص في المعارك", {"fatalities": 2000}),
        # the subject between the verb and the count of its victims
        ("قتل مسلحون مجهولون 5 أشخاص في هجوم", {"fatalities": 5}),
        ("قتلت امرأتان 13 شخصا بتفجير نفسيهما", {"fatalities": 13}),
        ("قتل مسلحين اثنين في الاشتباك", {"fatalities": 2}),  # the object: the dead
        # a phrase of scene or cause before the count
        ("قتل في الانفجار 12 شخصا", {"fatalities": 12}),
        ("قتل جراء القصف خمسة مدنيين", {"fatalities": 5}),
        # a second group after «N قتلى» and its qualifiers is added; the wounded are not
        ("خلف التفجير 5 شهداء من رجال الأمن و6 متدربين", {"fatalities": 11}),
        ("أسفر الانفجار عن 5 قتلى من الجنود و3 مدنيين جرحى", {"fatalities": 5, "injuries": 3}),
        ("أسفر الانفجار عن 5 قتلى و3 سيارات محترقة", {"fatalities": 5}),
        ("35 شخصا قضوا في دمشق، و8 آخرين في ريفها", {"fatalities": 35}),
        ("تعرضت له طالبة في 20 شباط/فبراير وأدى لمقتلها", {}),  # a day, no count
        # feminine singular victims and verbs
        ("استشهدت فلسطينية برصاص قوات الاحتلال", {"fatalities": 1}),
        ("لقيت مواطنة حتفها في الانفجار", {"fatalities": 1}),
        # one victim named by a definite singular right after the verb; a definite plural
        # is no count
        ("قتل الشاب أحمد علي برصاص مجهولين", {"fatalities": 1}),
        ("استشهد الأسير المحرر سامي علي برصاص قوات الاحتلال", {"fatalities": 1}),
        ("قتل الجنود في الهجوم", {}),
        ("قتل الجندي و3 مدنيين في الهجوم", {"fatalities": 4}),
        ("أعدموا خمسة مدنيين رميا بالرصاص", {"fatalities": 5}),  # an execution kills
        # a count of years, kilometres or money is a measure, not victims
        ("الأسير المحرر «سامي علي - 53 عاماً» قتلت قوات الاحتلال الأسير", {}),
        ("على بعد 3 كيلومترات قتلوا في القصف", {}),
        ("سرق المسلحون 5000 دولار قتل خلالها حارس", {"fatalities": 1}),
    ],
)
def test_tolls(text, expected):
    assert tolls(text) == expected


def test_munitions_before_weapon_noun():
    toks = tokenize(normalize("تم استهدافها بثماني قذائف صاروخية").text)
    i = next(k for k, t in enumerate(toks) if t.text == "قذائف")
    assert find_munitions(toks, i)[0] == 8


def test_vague_count_is_not_munitions():
    toks = tokenize(normalize("أسقطت الدفاعات عددا آخر من الصواريخ").text)
    i = next(k for k, t in enumerate(toks) if t.text == "الصواريخ")
    assert find_munitions(toks, i) is None


def test_an_accusative_singular_is_one_victim_and_a_construct_dual_two():
    def toll(s):
        return [(t.field, t.value) for t in find_tolls(tokenize(normalize(s).text))]

    assert toll("مسلحون قتلوا مزارعا في القرية") == [("fatalities", 1)]
    assert toll("قتل ضابطا شرطة") == [("fatalities", 2)]


def test_a_counted_noun_takes_the_number_before_it_not_the_next_figure():
    def toll(s):
        return [(t.field, t.value) for t in find_tolls(tokenize(normalize(s).text))]

    assert toll("أسفر الهجوم عن سقوط 5 قتيلا و12 جريحا") == [("fatalities", 5), ("injuries", 12)]
    assert toll("مقتل عدد من المسلحين") == [("fatalities", 3)]  # عدد من = several = 3


def test_eleven_or_more_take_a_singular_noun():
    from rasd.extraction.casualties import mention_munitions
    from rasd.model import Sentence

    t = normalize("زرعوا 11 عبوة ناسفة في الطريق").text
    assert mention_munitions(tokenize(t), Sentence(0, len(t), [(0, len(t))]))[0] == 11


def test_a_long_run_of_kill_words_reads_each_count_once(monkeypatch):
    """200,000 «قتل» in a row took 11.5 s, re-reading the same numbers again and again
    (issue 11, case 16): each token's count is now read once per sentence."""
    import rasd.extraction.casualties as cas

    calls = []
    real = cas.read_count

    def counting(tokens, i):
        calls.append(i)
        return real(tokens, i)

    monkeypatch.setattr(cas, "read_count", counting)
    tokens = tokenize(normalize(" ".join(["قتل"] * 2000)).text)
    find_tolls(tokens)
    assert len(calls) == len(set(calls)) <= len(tokens)
    assert tolls("جنديين تركيين وحارسا مسلحا قتلوا في الهجوم") == {"fatalities": 3}


def _casualty_forms() -> list[str]:
    """Every word of casualties.yaml and numbers.tsv, bare and with clitics, and a few others."""
    from rasd.extraction.casualties import _vocab

    v = _vocab()
    words = {
        w
        for vocab in (v.kill, v.injure, v.kill_dual, v.injure_dual, v.victims, v.duals)
        for f in vocab
        for w in f.split()
    }
    words |= {w for vocab in (v.fillers, v.subset, v.rise, v.rise_verbs) for w in vocab}
    words |= {w for z in (v.zero_negators, v.zero_nouns, v.zero_blockers) for w in z}
    words |= set(v.number_heads) | {w + "ا" for w in list(v.victims)[:40]}
    words |= {"5", "12,000", "و3", "ب5", "قصف", "في"}
    return sorted(words | {c + w for w in list(words) for c in ("و", "ب", "وب", "ف")})


_FORMS = _casualty_forms()


@given(st.sampled_from(_FORMS))
def test_word_classes_are_the_word_lists_of_its_readings(w):
    from rasd.extraction import casualties as c
    from rasd.text.numbers import read_count
    from rasd.text.tokens import Token, strip_clitics

    v = c._vocab()
    bits = c._classes(v, w)
    readings = strip_clitics(w)
    for bit, vocab in ((c.KILL, v.kill), (c.INJURE, v.injure), (c.VICTIM, v.victims)):
        assert bool(bits & bit) == any(x in vocab for x in readings)
    assert bool(bits & c.DUAL) == any(x in v.duals for x in readings)
    assert bool(bits & c.SUBSET) == any(x in v.subset for x in readings)
    if not bits & c.NUMBER:  # no count starts at a word not marked as a number
        assert read_count([Token(w, 0, len(w)), Token("قتلى", len(w) + 1, len(w) + 5)], 0) is None


def test_the_outcome_told_after_a_long_clause_is_the_events_toll():
    from datetime import date

    import rasd

    (ev,) = rasd.extract(
        "سقطت قذيفة أطلقت من داخل الأراضي اليمنية، في أرض زراعية تقع بقرية صغيرة تابعة"
        " لمحافظة صامطة في منطقة جازان، مما أدى إلى وفاة عامل وإصابة آخر.",
        published=date(2015, 7, 25),
    )
    assert (ev.fatalities, ev.injuries) == (1, 1)


def test_a_count_joined_by_and_after_a_figure_is_the_next_figure():
    got = tolls("بلغت حصيلة القتلى 59 شهيدا و2271 مصابا")
    assert got == {"fatalities": 59, "injuries": 2271}
    assert tolls("ارتفاع حصيلة ضحايا الألغام إلى عشرة قتلى و81 جريحا") == {
        "fatalities": 10,
        "injuries": 81,
    }


def test_a_kill_word_with_the_pronoun_of_one_person_is_one_dead():
    import rasd

    def dead(s: str) -> list[int | None]:
        return [e.fatalities for e in rasd.extract(s, published="2017-06-06")]

    assert dead("اغتالته طائرة مسيرة قرب منزله في مدينة خان يونس أمس.") == [1]
    assert dead("قتل مسلحون شرطيا في مدينة الموصل أمس وأدى الهجوم إلى مقتله.") == [1]
    # a figure in the sentence says more
    assert dead("أطلق جندي النار على رفاقه في مدينة الموصل ما أدى إلى مقتله ومقتل 3 آخرين.") != [1]
    # it fills the figure of an event, it does not make one
    assert dead("احتمال اغتياله في القنصلية في مدينة إسطنبول أثار مخاوف.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of an active verb stands between it and the victims it killed
        ("قتلت قوات الجيش أمس 13 إرهابيا في الغابة", {"fatalities": 13}),
        ("أعدم التنظيم بالرصاص أربعة رجال في القرية", {"fatalities": 4}),
        ("قتلت الوحدات الخاصة إرهابيا مسلحا في كمين", {"fatalities": 1}),
        # a connector, a scene word or a relative clause ends the subject
        ("قتل ستة أشخاص، فيما جرى نقل 30 آخرين إلى المستشفيات", {"fatalities": 6}),
        ("ستة أشخاص قتلوا فيما جرى نقل 30 آخرين إلى المستشفيات", {"fatalities": 6}),
        ("قتل في الهجوم الذي نفذه 3 مسلحين", {}),
        # unknown gunmen are the killers, not the dead
        ("اغتال مسلحون مجهولون أمس ناشطا في المدينة", {"fatalities": 1}),
        ("قتل مسلحون مجهولون أمس 3 أشخاص في المدينة", {"fatalities": 3}),
        ("اغتال مسلحون ملثمون العالم في منزله", {}),
        # a singular subject, then the victim in the accusative; an adjective of the
        # pattern أفعل takes no alif (شابا أعزل is one young man, not a dual in construct)
        ("قتل شرطي شابا أعزل في المدينة", {"fatalities": 1}),
        ("قتل جندي فتى فلسطينيا عند الحاجز", {"fatalities": 1}),
        ("قتل جنديا الاحتلال في الكمين", {"fatalities": 2}),
        # a subject in the nominative plural -ون, the victims in -ين
        ("قتل مسلحون مدنيين اثنين في السوق", {"fatalities": 2}),
    ],
)
def test_victims_after_the_subject_of_an_active_verb(text, expected):
    assert tolls(text) == expected


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a day's window adds up several events: one total is not split (SPEC)
        (
            "قالت وزارة الصحة إن 87 مدنيا قتلوا في غارات جوية على مدينة خان يونس خلال الـ24 ساعة الماضية.",
            None,
        ),
        ("قتل 40 مسلحا في معارك بمدينة تعز في يوم واحد، بحسب مصادر طبية.", None),
        # the same figures with no window are the event's
        ("قالت وزارة الصحة إن 87 مدنيا قتلوا في غارات جوية على مدينة خان يونس أمس.", 87),
        # a zero stays: nobody hurt in the window
        ("سقطت خمسة صواريخ على مدينة سديروت خلال 24 ساعة دون وقوع إصابات.", 0),
    ],
)
def test_a_figure_of_a_days_window_is_no_events_toll(text, fatalities):
    evs = rasd.extract(text, published=date(2023, 3, 14))
    assert len(evs) == 1, [(e.sub_event_type, e.location) for e in evs]
    assert evs[0].fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «N من» a group of persons names some of them, after the subject too
        ("قتل مسلحون 20 من سكان القرية", {"fatalities": 20}),
        ("أعدم التنظيم تسعة من سائقي سيارات الأجرة", {"fatalities": 9}),
        ("قتل القائد مع 6 من مرافقيه في الغارة", {"fatalities": 6}),
        # a count «of its kind» or of a month counts nobody
        ("قال المحققون إن قتل سعاد هو الحادث رقم 12 من نوعه", {}),
        # «one» after a noun qualifies it: no second count
        ("مقتل شخص واحد في الانفجار", {"fatalities": 1}),
        ("قتل 5 من أفراد عائلة واحدة في القصف", {"fatalities": 5}),
    ],
)
def test_some_of_a_group_and_one_as_an_adjective(text, expected):
    assert tolls(text) == expected


def test_militia_fighters_killed_by_forces_is_a_fight_not_violence_against_civilians():
    evs = rasd.extract(
        "قتل 8 من عناصر مليشيات الحوثي بنيران قوات الجيش في مدينة صعدة أمس.",
        published=date(2018, 5, 20),
    )
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Armed clash", 8)]


def test_a_calibre_before_a_verb_of_killing_is_no_toll():
    assert tolls("عربة عليها رشاش عيار 14 وقتل 2 من طاقمها") == {"fatalities": 2}


def test_who_most_of_the_dead_were_stands_between_the_count_and_its_verb():
    s = "قال مسؤولون إن 15 شخصا على الأقل معظمهم من الجنود قتلوا في هجوم على حاجز"
    assert tolls(s) == {"fatalities": 15}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أن الشرطة قتلت شابا في المدينة", True),
        ("الجنود قتلوا 3 مدنيين في المدينة", True),
        # a passive (or a noun) with no object after it: the forces before it are the dead
        ("ستة جنود قتلوا في الهجوم", False),
        ("أعلن الجيش مقتل 3 جنود في الهجوم", False),
    ],
)
def test_a_toll_that_is_the_object_of_an_active_verb(text, expected):
    norm = normalize(text).text
    found = find_tolls(tokenize(norm))
    assert found
    assert any(kills_object(norm, t) for t in found) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of a person by its pattern, right after a word of one death
        ("قتل مهندس رميا بالرصاص في المدينة", {"fatalities": 1}),
        ("أعلن الجيش مقتل عقيد في الهجوم", {"fatalities": 1}),
        ("أدى الانفجار إلى مقتل رقيب وإصابة 6 من أفراد الدورية", {"fatalities": 1, "injuries": 6}),
        ("توفي سائق الحافلة متأثرا بجروحه", {"fatalities": 1}),
        # with the article too, but not a plural فعلة (القادة) or a weekday
        ("استشهد المصور في قصف على المدرسة", {"fatalities": 1}),
        ("أعلنت الحركة مقتل القادة في الغارة", {}),
        ("وقعت جرائم قتل الخميس في المدينة", {}),
        # a quantity, a whole, an adjective or a plural of the same pattern is no person
        ("قتلت موجة من الهجمات في المدينة", {}),
        ("دمرت الغارة المدرعة وقتل كامل طاقمها", {}),
        ("ندد بما يجري من قتل متعمد ضد المدنيين", {}),
        ("قتل مهندسين في الهجوم على القرية", {}),
        # not after a plural noun of the dead
        ("عزى أسر الشهداء سائلا الله أن يتغمدهم برحمته", {}),
        # an attempt to kill counts no dead
        ("نجا الوزير من محاولة قتل مهندس في المدينة", {}),
    ],
)
def test_one_victim_named_by_a_noun_of_a_person(text, expected):
    assert tolls(text) == expected


def test_a_figure_for_several_places_days_or_massacres_is_no_event_s_toll():
    pub = date(2024, 7, 20)
    for text in (
        "أكدت وزارة الصحة استشهاد 12 مواطنا برصاص الجيش في الضفة الغربية خلال يومين.",
        "استشهد عشرات الفلسطينيين اليوم السبت في مجازر جديدة ارتكبها الجيش في قطاع غزة.",
        "وشنت الطائرات غارات على أحياء عدة في مدينة غزة، مخلفة مئات القتلى والجرحى.",
        "أفاد المرصد بمقتل 51 عنصرا خلال الـ 48 ساعة جراء غارات التحالف على مواقع في الحسكة.",
    ):
        assert [e.fatalities for e in rasd.extract(text, published=pub)] == [None], text
    ev = rasd.extract("استشهد 7 فلسطينيين في قصف على منزل في مخيم النصيرات أمس.", published=pub)
    assert [e.fatalities for e in ev] == [7]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who the dead were, not how many
        ("وكان بين القتلى نساء وأطفال", {}),
        ("ومن بين القتلى 3 أطفال", {}),
        # killed and wounded together: how many died is not said
        ("سقط سبعة حوثيين بين قتيل وجريح", {}),
        # the total stays
        ("قتل 7 أشخاص في القصف ومن بين القتلى 3 أطفال", {"fatalities": 7}),
    ],
)
def test_among_the_dead_names_who_they_were_not_how_many(text, expected):
    assert tolls(text) == expected


def test_villagers_killed_by_gunmen_are_counted_as_civilians():
    evs = rasd.extract(
        "قتل مسلحون 12 قرويا في هجوم على قرية بولاية زمفارا شمال غرب نيجيريا.",
        published=date(2024, 3, 14),
    )
    assert [(e.sub_event_type, e.fatalities, e.actor2) for e in evs] == [
        ("Attack", 12, "Civilians")
    ]


def test_guests_tourists_and_shoppers_killed_are_civilians():
    for victims in ("21 من الضيوف", "12 من السياح", "9 من المتسوقين"):
        evs = rasd.extract(
            f"قتل مسلحون {victims} في هجوم على مدينة بغلان شمال أفغانستان يوم الأحد.",
            published=date(2015, 7, 27),
        )
        assert [(e.sub_event_type, e.actor2) for e in evs] == [("Attack", "Civilians")], victims
        assert evs[0].fatalities == int(victims.split()[0]), victims
