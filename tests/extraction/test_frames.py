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
    # a situation that lasted weeks or months is no one event
    s = "وشهدت مدينة البصرة احتجاجات عنيفة لأسابيع عدة، أضرم خلالها محتجون النار في مبان حكومية."
    assert rasd.extract(s, published=PUB) == []
    # a total over a span of days between two dates
    s = "قال المتحدث العسكري إن 88 مسلحا قتلوا في مدينة العريش في الفترة بين 20 و31 يوليو."
    assert rasd.extract(s, published=date(2015, 8, 1)) == []


def test_a_period_inside_a_relative_clause_cancels_that_clause_only():
    (ev,) = rasd.extract(
        "تظاهر الآلاف السبت في مدينة حيفا احتجاجا على قانون الجنسية الذي أقر الشهر الماضي.",
        published=PUB,
    )
    assert ev.event_type == "Protests"
    # the protests the clause describes as recent are background, not news
    s = "قال الوزير إن الاحتجاجات التي شهدتها مدينة القصرين مؤخرا سببها البطالة."
    assert rasd.extract(s, published=PUB) == []


def test_a_toll_of_the_last_weeks_is_a_running_total():
    s = "قتل 12 جنديا في معارك بمدينة الرمادي خلال الأسابيع القليلة الماضية."
    assert rasd.extract(s, published=PUB) == []
    s = "قتل 12 جنديا في معارك بمدينة الرمادي خلال الأسابيع الأخيرة."
    assert rasd.extract(s, published=PUB) == []


def test_the_deadliest_day_since_a_start_is_a_comparison_not_a_total():
    (ev,) = rasd.extract(
        "قتل 8 جنود في مدينة الرمادي أمس، في أحد أكثر الأيام دموية منذ بدء العملية.",
        published=PUB,
    )
    assert ev.fatalities == 8
    # «more than» is no superlative: the toll since the start is a running total
    s = "قتل أكثر من 80 جنديا في مدينة الرمادي منذ بدء العملية."
    assert rasd.extract(s, published=PUB) == []


def test_a_shooting_incident_with_casualties_is_an_attack():
    (ev,) = rasd.extract(
        "أسفر حادث إطلاق نار في مدرسة بمدينة الزرقاء أمس عن إصابة طالبين.", published=PUB
    )
    assert (ev.sub_event_type, ev.injuries) == ("Attack", 2)
    # firing alone (celebration, warning shots) tells no event
    assert rasd.extract("سمع إطلاق نار في مدينة الزرقاء أمس.", published=PUB) == []


def test_complicity_is_an_accusation_not_an_event():
    s = "قال المتحدث إن الدولة تساهم في قتل آلاف المدنيين في مدينة حلب."
    assert rasd.extract(s, published=PUB) == []


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


def test_the_towns_listed_before_the_event_s_place_are_events_too():
    # the trigger after the list takes its nearest town, the last one: the first is listed
    s = "أما بلدتا الحارة وإنخل في ريف درعا فقد تعرضتا لغارات جوية عنيفة."
    evs = rasd.extract(s, published=PUB)
    assert sorted(e.location for e in evs) == ["Al Harah", "Inkhil"]
    # a district after a comma holds the village before it: one event
    s = "قتل مزارع برصاص قناص في منطقة الزوب، مديرية القريشية بمحافظة البيضاء في اليمن أمس."
    assert len(rasd.extract(s, published=PUB)) == 1


def test_a_protest_is_not_placed_where_the_event_it_is_against_happened():
    # the arson it protests took place in the West Bank; the protest names no place
    s = "تظاهر عشرات الصحفيين أمس احتجاجا على حرق مستوطنين منزلا لعائلة فلسطينية في نابلس."
    assert all(e.event_type != "Protests" for e in rasd.extract(s, published=PUB))
    # a cause that tells no event leaves the place to the protest
    s = "تظاهر المئات احتجاجا على غلاء الأسعار في مدينة الإسكندرية أمس."
    [ev] = rasd.extract(s, published=PUB)
    assert (ev.event_type, ev.location) == ("Protests", "Alexandria")


def test_a_strike_is_not_placed_where_the_attack_it_answers_happened():
    # the rocket fire it answers hit a base in the Golan; the strikes hit Syria elsewhere
    s = "أغارت طائرات حربية أمس على مواقع عسكرية ردا على إطلاق صواريخ على قاعدة في مرتفعات الجولان."
    assert all(e.location != "Golan Heights" for e in rasd.extract(s, published=PUB))
    # a place before the answer word is the strike's own
    s = "قصفت المدفعية بلدة اليادودة أمس ردا على هجوم على حاجز في مدينة درعا."
    [ev] = [e for e in rasd.extract(s, published=PUB) if e.event_type != "Battles"]
    assert ev.location is not None and "Yadudah" in ev.location
    # nor is the place of the next sentence lent to it
    s = (
        "سقطت قذائف على مدينة حمص أمس. وأغارت طائرات حربية على مواقع عسكرية ردا على"
        " إطلاق صواريخ على قاعدة في مرتفعات الجولان."
    )
    assert all(e.sub_event_type != "Air/drone strike" for e in rasd.extract(s, published=PUB))


def test_a_condolence_visit_and_a_period_s_seizures_tell_no_new_event():
    s = (
        "وصل وزير الداخلية إلى مدينة أبها مساء اليوم لتقديم واجب العزاء لذوي الجنود الذين"
        " استشهدوا في التفجير الإرهابي الذي استهدف مسجدا في المدينة."
    )
    assert rasd.extract(s, published=PUB) == []
    # condolences sent up with the titles of a ruler and two princes before the act
    s = (
        "رفع الوزير خالد بن عبدالله التعازي إلى مقام خادم الحرمين الشريفين الملك سلمان بن"
        " عبدالعزيز وإلى ولي العهد الأمير محمد بن نايف بن عبدالعزيز وولي ولي العهد الأمير"
        " محمد بن سلمان وعائلات ضحايا التفجير الإرهابي الذي استهدف مسجدا في مدينة أبها."
    )
    assert rasd.extract(s, published=PUB) == []
    s = (
        "وأضاف المتحدث أنه خلال نفس الفترة تم حجز 120 قطعة سلاح و40 قذيفة وحزامين ناسفين"
        " في مدينة بن قردان."
    )
    assert rasd.extract(s, published=PUB) == []


def test_protesters_who_condemn_protest_and_a_court_case_recalls_its_events():
    # ندد: the protesters condemn; their protest is no act condemned
    s = (
        "خرجت مظاهرة في مدينة ليدز أمس. وندد متظاهرون في مدينة مانشستر باستمرار الصمت"
        " الدولي على الحرب."
    )
    evs = rasd.extract(s, published=PUB)
    assert sorted(e.location for e in evs) == ["Leeds", "Manchester"]
    # a court that refers a case names the events of the case, it tells none
    s = "أحالت محكمة مصرية أمس أوراق 20 متهما أدانتهم في قضية فض اعتصام ميدان التحرير إلى المفتي."
    assert rasd.extract(s, published=PUB) == []


def test_an_event_after_just_after_with_its_own_day_is_news():
    # «على إثر عثور … فجر اليوم على قنبلة»: the find is today's news, told as the cause
    s = (
        "على إثر عثور الوحدات الأمنية فجر اليوم على قنبلة تقليدية الصنع قرب جامع في مدينة"
        " جندوبة، نفذت الوحدات الأمنية عمليات تمشيط واسعة."
    )
    [ev] = rasd.extract(s, published=PUB)
    assert ev.sub_event_type == "Disrupted weapons use"
    # an older event it follows stays a reference (على خلفية … قبل ثلاثة أيام)
    s = (
        "نفذ الجيش اللبناني عمليات دهم في بلدة بريتال على خلفية اختطاف شاب قبل ثلاثة أيام"
        " على أيدي مجهولين."
    )
    assert all(
        e.sub_event_type != "Abduction/forced disappearance" for e in rasd.extract(s, published=PUB)
    )


def test_barrel_bombs_are_dropped_from_the_air():
    s = "وأدى قصف البراميل على بلدة الحارة في ريف درعا إلى مقتل 9 أشخاص بينهم خمسة أطفال."
    [ev] = rasd.extract(s, published=PUB)
    assert (ev.sub_event_type, ev.fatalities) == ("Air/drone strike", 9)


def test_a_denial_governs_its_whole_statement():
    text = "نفى مصدر عسكري، مساء الأحد، تعرض مطار المزة العسكري في دمشق إلى هجوم صاروخي."
    assert rasd.extract(text, published=PUB) == []


def test_releases_and_road_accidents_are_no_events():
    assert rasd.extract("أفرجت الشرطة عن كل من اعتقلوا في مدينة الموصل.", published=PUB) == []
    assert rasd.extract("قتل ثلاثة أشخاص في حادث سير قرب مدينة كركوك أمس.", published=PUB) == []


def test_deaths_from_storms_and_heat_are_no_events_but_a_protest_against_the_heat_is():
    s = "وأكدت السلطات مقتل 65 شخصا في مدينة لكناو جراء العواصف الأربعاء."
    assert rasd.extract(s, published=PUB) == []
    s = "قتل 65 شخصا في مدينة كراتشي خلال يومين بسبب موجة الحر الشديد."
    assert rasd.extract(s, published=PUB) == []
    s = "أعلنت الوزارة مقتل خمسة أشخاص في مدينة نابل نتيجة سوء الأحوال الجوية أمس."
    assert rasd.extract(s, published=PUB) == []
    (ev,) = rasd.extract(
        "تظاهر المئات في مدينة البصرة أمس احتجاجا على انقطاع الكهرباء في موجة الحر.",
        published=PUB,
    )
    assert ev.event_type == "Protests"


def test_the_spellings_of_a_chemical_attack_and_toxic_gas_type_it():
    (ev,) = rasd.extract(
        "قتل 60 شخصا على الأقل في هجوم كيمياوي على مدينة دوما مساء السبت.", published=PUB
    )
    assert ev.sub_event_type == "Chemical weapon"
    (ev,) = rasd.extract(
        "قتل العشرات في مدينة دوما السبت جراء استنشاق الغازات السامة التي استهدفت المدينة.",
        published=PUB,
    )
    assert ev.sub_event_type == "Chemical weapon"


def test_bodies_found_shot_are_a_killing():
    (ev,) = rasd.extract("عثر على جثة شاب مقتولا بالرصاص في مدينة البصرة أمس.", published=PUB)
    assert (ev.event_type, ev.location) == ("Violence against civilians", "Basrah")


def test_the_cause_of_casualties_just_told_is_the_event():
    (ev,) = rasd.extract("قتل جنديان إثر تفجير عبوة ناسفة في مدينة الرمادي أمس.", published=PUB)
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.fatalities == 2
    assert rasd.extract("وصل وزير الدفاع إلى مدينة الرمادي غداة التفجير.", published=PUB) == []


def test_gatherings_under_fire_are_a_target_not_a_protest():
    (ev,) = rasd.extract(
        "قصفت مقاتلات التحالف تجمعات للمسلحين في مدينة الحديدة أمس.", published=PUB
    )
    assert ev.sub_event_type == "Air/drone strike"


def test_a_verbal_noun_after_tamakkana_tells_the_act():
    (ev,) = rasd.extract(
        "تمكنت قوات الجيش من القضاء على أربعة إرهابيين في جبل الشعانبي بمدينة القصرين أمس.",
        published=PUB,
    )
    # armed men killed by the army: a clash, the army against an unidentified group
    assert (ev.event_type, ev.actor2) == ("Battles", "Unidentified armed group")
    assert ev.actor1 == "Military Forces of Tunisia"


def test_a_massacre_is_violence_against_civilians_by_its_perpetrator():
    (ev,) = rasd.extract(
        "ارتكب جيش الاحتلال مجزرة في مدرسة تؤوي نازحين في بلدة بيت حانون أمس.", published=PUB
    )
    assert (ev.event_type, ev.actor2) == ("Violence against civilians", "Civilians")


def test_targets_are_no_goals_and_a_general_no_team():
    # أهداف are a strike's targets as often as a match's goals; الفريق is also a rank
    (ev,) = rasd.extract(
        "قصفت مقاتلات التحالف مواقع وأهداف للمسلحين في مدينة صعدة أمس.", published=PUB
    )
    assert ev.sub_event_type == "Air/drone strike"
    assert rasd.extract("سجل اللاعب هدفين في المباراة في مدينة صعدة أمس.", published=PUB) == []


def test_casualties_of_the_attack_just_told_add_to_it():
    evs = rasd.extract(
        "فجر انتحاري نفسه في سوق بمدينة المار أمس. وقتل 15 شخصا بينهم جندي في الهجوم.",
        published=PUB,
    )
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Suicide bomb", 15)]


def test_a_weapon_noun_with_a_day_is_no_attack_and_a_release_cancels_its_arrests():
    text = "نسبت تقارير إلى إيران نقل صواريخ إلى مدينة البصرة السبت."
    assert rasd.extract(text, published=PUB) == []
    text = "قالت الشرطة إن كل من اعتقلوا في مدينة الموصل أفرج عنهم."
    assert rasd.extract(text, published=PUB) == []


def test_what_a_protest_demands_does_not_cancel_it():
    # the release is what is demanded, not what happened
    (ev,) = rasd.extract(
        "تظاهر مئات الطلاب في مدينة الحسكة أمس للمطالبة بإطلاق سراح زملائهم.", published=PUB
    )
    assert ev.sub_event_type == "Peaceful protest" and ev.location == "Al Hasakah"
    (ev,) = rasd.extract(
        "نظمت عائلات المعتقلين وقفة احتجاجية في مدينة تعز أمس للمطالبة بالإفراج عن أبنائها.",
        published=PUB,
    )
    assert (ev.event_type, ev.location) == ("Protests", "Taiz")
    # a release told as news still cancels the arrests it ends
    assert rasd.extract("أفرجت الشرطة عن المعتقلين في مدينة تعز أمس.", published=PUB) == []


def test_a_call_is_no_event_but_a_gathering_that_demands_is_a_protest():
    text = "طالبت فرنسا بوقف إطلاق النار في مدينة غزة أمس."
    assert rasd.extract(text, published=PUB) == []
    (ev,) = rasd.extract(
        "نظم الأهالي تجمعات في شوارع مدينة اللاذقية أمس وطالبوا بمحاسبة القاتل.", published=PUB
    )
    assert ev.event_type == "Protests"


def test_reinforcements_and_a_cordon_are_responses_not_events():
    text = "دفعت قوات الجيش بتعزيزات عسكرية إلى مدينة الرمادي أمس وطوقت المنطقة."
    assert rasd.extract(text, published=PUB) == []


def test_a_claim_tells_the_event_unless_it_recalls_it_in_a_relative_clause():
    (ev,) = rasd.extract("وتبنت الحركة الأربعاء قتل شرطيين في مدينة الرمادي.", published=PUB)
    assert ev.fatalities == 2
    text = "وتنظيم داعش التي أعلنت مسؤوليتها عن تفجير مسجد في مدينة أبها يتصرف كالحركات الغادرة."
    assert rasd.extract(text, published=PUB) == []


def test_damage_told_before_its_cause_makes_the_cause_this_event():
    evs = rasd.extract(
        "رصد مراسلنا الدمار الكبير الذي طال سوق مدينة تكريت إثر قصفه بالطائرات.",
        published=date(2023, 3, 14),
    )
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]
    # an event named only as the time of another is still no event
    evs = rasd.extract(
        "وصل الوزير إلى مدينة تكريت إثر قصف الطائرات للمدينة.", published=date(2023, 3, 14)
    )
    assert evs == []


def test_an_event_told_beside_another_is_its_own_event():
    evs = rasd.extract(
        "تواصلت الاشتباكات بين الجيش العراقي ومسلحي داعش في مدينة تكريت أمس، وسط غارات "
        "شنتها الطائرات على مواقع المسلحين.",
        published=date(2023, 3, 14),
    )
    assert sorted(e.sub_event_type for e in evs) == ["Air/drone strike", "Armed clash"]
    # at the head of a sentence it names the context: no event of its own
    evs = rasd.extract(
        "بالتزامن مع المعارك الجارية في العراق، أعلنت الحكومة في بغداد خطة لدعم المزارعين.",
        published=date(2023, 3, 14),
    )
    assert evs == []


def test_an_event_named_as_cause_or_start_of_a_period_is_no_new_event():
    pub = date(2023, 3, 14)
    for s in (
        "رست أول سفينة مساعدات أمس في ميناء عدن بعد أربعة أشهر على بدء المعارك في البلاد.",
        "أعيد فتح مطار عدن اليوم لأول مرة منذ أشهر بسبب المعارك في اليمن.",
        "وبدأت المعارك في مدينة حلب في صيف 2012 وانقسمت المدينة منذ ذلك الحين.",
    ):
        assert rasd.extract(s, published=pub) == [], s
    # the cause of casualties just told is this event
    evs = rasd.extract("قتل ثلاثة مدنيين أمس في مدينة حلب جراء القصف.", published=pub)
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]


def test_a_committed_massacre_is_an_event_and_a_habit_is_not():
    evs = rasd.extract(
        "وقالت وزارة الصحة إن الاحتلال ارتكب 3 مجازر في مدينة خان يونس.", published=PUB
    )
    assert [(e.event_type, e.location) for e in evs] == [
        ("Violence against civilians", "Khan Yunis")
    ]
    text = "وقال السفير إن الاحتلال يرتكب مجازر بحق المدنيين في مدينة خان يونس."
    assert rasd.extract(text, published=PUB) == []


def test_forces_that_take_a_place_noun_tell_a_territory_change():
    evs = rasd.extract(
        "حررت قوات الجيش اليمني والمقاومة جبل الحلقوم جنوبي مدينة تعز.", published=PUB
    )
    assert [(e.sub_event_type, e.admin1) for e in evs] == [("Government regains territory", "Taiz")]
    # freeing a kidnapped child takes no place: no territory change
    evs = rasd.extract("حررت قوات الأمن طفلا مختطفا في مدينة تعز.", published=PUB)
    assert all(e.sub_event_type != "Government regains territory" for e in evs)


def test_forces_that_take_a_named_place_tell_a_territory_change():
    regains = [("Government regains territory", "Abyan")]
    # the verb, its subject, then على and the town's bare name
    evs = rasd.extract("سيطرت قوات الجيش اليمني على زنجبار.", published=PUB)
    assert [(e.sub_event_type, e.admin1) for e in evs] == regains
    # a verbal noun that a verb of succeeding governs was done
    evs = rasd.extract("نجحت قوات الجيش اليمني في تحرير زنجبار.", published=PUB)
    assert [(e.sub_event_type, e.admin1) for e in evs] == regains
    # a chain of hills is ground taken as a town is
    evs = rasd.extract("سيطر الجيش اليمني على تلال شرق مدينة زنجبار.", published=PUB)
    assert [(e.sub_event_type, e.admin1) for e in evs] == regains


def test_a_taking_named_as_an_aim_or_an_operation_is_no_territory_change():
    # the purposive ل: reinforcements sent to take a town took nothing yet
    s = "وصلت تعزيزات عسكرية للجيش اليمني إلى عدن لتحرير مدينة زنجبار."
    assert rasd.extract(s, published=PUB) == []
    # after a taking, the name of another operation tells no second one
    s = "سيطرت قوات الجيش اليمني على زنجبار. وقال قائد عملية تحرير تعز إن قواته مستعدة."
    evs = rasd.extract(s, published=PUB)
    assert [(e.sub_event_type, e.admin1) for e in evs] == [
        ("Government regains territory", "Abyan")
    ]
    # areas the army took, in a relative clause: no taking of the town named after it
    s = "ونقلت الحافلات المدنيين من مناطق سيطرت عليها القوات الحكومية إلى مدينة إدلب."
    assert rasd.extract(s, published=PUB) == []


def test_a_connector_opens_a_second_report_of_another_type_with_its_own_parties():
    from datetime import date

    import rasd

    evs = rasd.extract(
        "وشهدت أطراف مدينة حرض اشتباكات متقطعة، فيما قصفت مدفعية التحالف مواقع للحوثيين"
        " في المنطقة فجر اليوم.",
        published=date(2018, 8, 3),
    )
    assert [(e.event_type, e.actor1) for e in evs][1:] == [
        ("Explosions/Remote violence", "Saudi-led coalition")
    ]
    assert evs[0].event_type == "Battles" and "Saudi-led coalition" not in (
        evs[0].actor1,
        evs[0].actor2,
    )
    assert evs[1].actor2 == "Houthis (Ansar Allah)"


def test_what_will_be_done_and_a_weak_word_after_a_reference_are_no_events():
    from datetime import date

    import rasd

    # a future verb right before the trigger: a plan
    assert (
        rasd.extract(
            "وقال القائد إن المقاتلين سيبدأون معركة تحرير مدينة زنجبار خلال الساعات المقبلة.",
            published=date(2015, 8, 10),
        )
        == []
    )
    # «التقدم» points back to nothing; the weak «تقدم» after it (offers) is no advance
    assert (
        rasd.extract(
            "قال الوزير إنه يأمل في مزيد من التقدم في المنطقة، فيما استبعد مسؤولون أن تقدم"
            " إسرائيل تنازلات في مفاوضات غزة.",
            published=date(2024, 11, 29),
        )
        == []
    )
    # a past act after a future verb and «بعد أن» is still an event
    evs = rasd.extract(
        "قال الجيش إن قواته ستبقى في المنطقة بعد أن قتلت 5 مسلحين في مدينة العريش أمس.",
        published=date(2015, 8, 10),
    )
    assert len(evs) == 1 and evs[0].fatalities == 5


def test_will_do_reads_future_verbs_not_nouns_that_look_like_them():
    from rasd.extraction.dates import will_do
    from rasd.text.normalize import normalize

    def at(s: str, word: str) -> bool:
        t = normalize(s).text
        return will_do(t, t.index(normalize(word).text))

    assert at("قال إن صواريخها ستستخدم لمهاجمة المدن", "لمهاجمة")
    assert at("والجيش سوف يشن هجوما", "هجوما")
    assert not at("انفجرت سيارة مفخخة في السوق", "مفخخة")
    assert not at("وقع هجوم في مدينة سيفاري أمس", "هجوم")


def test_what_happens_periodically_is_no_event():
    from datetime import date

    import rasd

    assert (
        rasd.extract(
            "وقالت المتحدثة إن الجماعات المسلحة مستمرة بقصف مدينة حمص، بصورة دورية.",
            published=date(2018, 3, 2),
        )
        == []
    )


def test_an_act_judged_a_crime_is_referred_to_not_told():
    from datetime import date

    import rasd

    assert (
        rasd.extract(
            "وأكدت الرابطة أن تفجير المسجد في مدينة أبها يعد جريمة تنكرها كل الأديان.",
            published=date(2015, 8, 10),
        )
        == []
    )


def test_what_a_place_lives_amid_is_background():
    from datetime import date

    import rasd

    assert (
        rasd.extract(
            "وقال الوزير إنه لن يزور أي مدينة تعيش على وقع احتجاجات في ولاية قفصة اليوم.",
            published=date(2017, 4, 16),
        )
        == []
    )


def test_a_verb_of_occurring_says_a_weak_trigger_happened():
    from datetime import date

    import rasd

    evs = rasd.extract(
        "وقعت عملية اغتيال القيادي في الحزب بمنطقة الشياح في بيروت.",
        published=date(2024, 1, 3),
    )
    assert [(e.event_type, e.country) for e in evs] == [("Violence against civilians", "LBN")]


def test_publishing_footage_or_a_statement_deploys_nothing():
    from datetime import date

    import rasd

    assert (
        rasd.extract(
            "ونشرت مؤسسة إعلامية تابعة للتنظيم مقطع فيديو جديدا في مدينة الرقة أمس.",
            published=date(2015, 8, 3),
        )
        == []
    )
    # deploying aircraft is still a deployment
    evs = rasd.extract(
        "ونشرت الولايات المتحدة الأحد ست مقاتلات في قاعدة إنجرليك التركية.",
        published=date(2015, 8, 10),
    )
    assert [e.sub_event_type for e in evs] == ["Change to group/activity"]


def test_a_friendly_match_is_no_clash():
    text = "يخوض الفريق أربع مواجهات ودية في معسكره بمدينة السلط يوم 23 يوليو."
    assert rasd.extract(text, published=PUB) == []
    (ev,) = rasd.extract("اندلعت مواجهات عنيفة في مدينة السلط يوم الجمعة.", published=PUB)
    assert ev.sub_event_type == "Armed clash"


def test_a_place_taken_may_follow_the_subject_and_a_part_of_it():
    (ev,) = rasd.extract(
        "سيطر الجيش الإسرائيلي على الجانب الفلسطيني من معبر رفح صباح اليوم.", published=PUB
    )
    assert ev.event_type == "Battles" and ev.location == "Rafah border crossing"
    # a freed child is no ground taken, even with a town right after
    assert rasd.extract("أعلنت الشرطة تحرير طفل مختطف في مدينة الموصل اليوم.", published=PUB) == []


def test_a_warplane_that_arrives_strikes_nothing():
    assert rasd.extract("طائرة حربية سعودية تصل إلى مطار عدن اليوم.", published=PUB) == []
    (ev,) = rasd.extract("قصفت طائرات حربية مطار عدن اليوم.", published=PUB)
    assert ev.sub_event_type == "Air/drone strike"


def test_a_drone_is_read_from_a_march_word_only_where_it_strikes():
    (ev,) = rasd.extract(
        "استهدفت مسيرة إسرائيلية سيارة في بلدة ميس الجبل جنوبي لبنان، ما أدى إلى مقتل شخصين.",
        published=PUB,
    )
    assert (ev.sub_event_type, ev.actor1, ev.country) == (
        "Air/drone strike",
        "Military Forces of Israel",
        "LBN",
    )
    (ev,) = rasd.extract(
        "قتل جنديان في هجوم بمسيرة على موقع عسكري في مدينة الفاشر اليوم.", published=PUB
    )
    assert ev.sub_event_type == "Air/drone strike"
    (ev,) = rasd.extract("خرجت مسيرة احتجاجية في مدينة عمان اليوم.", published=PUB)
    assert ev.event_type == "Protests"


def test_only_an_agreement_between_fighting_sides_is_an_event():
    assert rasd.extract("وقعت الشركة اتفاقية تعاون مع جامعة في الرياض أمس.", published=PUB) == []
    assert rasd.extract("أقر مجلس الأمن اتفاق فيينا النووي أمس.", published=PUB) == []
    (ev,) = rasd.extract(
        "أعلنت الأمم المتحدة أنه تم الاتفاق على هدنة بين الميليشيات المتحاربة في مدينة طرابلس الليبية أمس.",
        published=PUB,
    )
    assert ev.sub_event_type == "Agreement"


def test_nashr_deploys_only_forces_or_arms():
    (ev,) = rasd.extract(
        "ونشرت واشنطن أمس مقاتلات من طراز إف 16 في قاعدة إنجرليك بجنوب تركيا.", published=PUB
    )
    assert ev.sub_event_type == "Change to group/activity"
    assert rasd.extract("ونشرت صحف تونس أمس تقارير مطولة عن افتتاح القناة.", published=PUB) == []
    assert (
        rasd.extract('وكانت "الوطن" نشرت الأسبوع الماضي خبرا في المدينة المنورة.', published=PUB)
        == []
    )


def test_a_festival_and_gatherings_under_fire_are_no_protest():
    assert rasd.extract("نظمت الجمعية تظاهرة ثقافية في مدينة تونس اليوم.", published=PUB) == []
    (ev,) = rasd.extract(
        "تظاهر المئات في مدينة تونس اليوم احتجاجا على غلاء الأسعار.", published=PUB
    )
    assert ev.event_type == "Protests"
    evs = rasd.extract(
        "وكان قصف الطيران مساء الأحد مواقع عسكرية ومقرا للحوثيين وتجمعات لهم في منطقة حزيز جنوب صنعاء.",
        published=PUB,
    )
    assert [e.event_type for e in evs] == ["Explosions/Remote violence"]


def test_police_work_on_crime_is_no_political_event_but_spares_the_fighting():
    text = "تمكن رجال الجمارك بمطار جدة من إحباط محاولتين لتهريب كمية من المخدرات اليوم."
    assert rasd.extract(text, published=PUB) == []
    text = "أوقفت الخطوط الجوية اليمنية اليوم رحلاتها من وإلى مطار صنعاء الدولي."
    assert rasd.extract(text, published=PUB) == []
    # a clause cue cancels only what it does not spare: the smugglers' clash stays
    (ev,) = rasd.extract(
        "اندلعت اشتباكات بين حرس الحدود ومهربي مخدرات في مدينة الجغبوب اليوم.", published=PUB
    )
    assert ev.sub_event_type == "Armed clash"
    (ev,) = rasd.extract(
        "اعتقلت قوات الأمن 5 أشخاص في مدينة الموصل اليوم بتهمة الانتماء لتنظيم داعش.",
        published=PUB,
    )
    assert ev.sub_event_type == "Arrests"


def test_a_programme_that_aims_at_people_attacks_nothing():
    text = "تنظم الجمعية في مدينة جدة اليوم دورات تستهدف تأهيل الشباب وتطوير قدراتهم."
    assert rasd.extract(text, published=PUB) == []


def test_a_question_tells_no_event_and_a_burnt_flag_is_a_gesture():
    text = "ما هو حجم مشاركتكم في معركة الفلوجة اليوم؟"
    assert rasd.extract(text, published=PUB) == []
    evs = rasd.extract(
        "تظاهر عشرات الصحفيين أمس أمام نقابتهم في مدينة القاهرة وأحرقوا علم إسرائيل.",
        published=PUB,
    )
    assert [e.event_type for e in evs] == ["Protests"]
    (ev,) = rasd.extract("أحرق مسلحون منزلا في قرية دوما بمدينة نابلس أمس.", published=PUB)
    assert ev.event_type == "Violence against civilians"


def test_killed_by_someones_fire_raids_and_rocket_salvoes():
    (ev,) = rasd.extract(
        "استشهد أكثر من 100 فلسطيني بنيران الاحتلال أثناء انتظارهم المساعدات في مدينة غزة اليوم.",
        published=PUB,
    )
    assert (ev.event_type, ev.actor1, ev.fatalities) == (
        "Violence against civilians",
        "Military Forces of Israel",
        100,
    )
    (ev,) = rasd.extract(
        "أغار الطيران الإسرائيلي على مدرسة في مخيم النصيرات، ما أدى إلى استشهاد 40 شخصا.",
        published=PUB,
    )
    assert ev.sub_event_type == "Air/drone strike"
    (ev,) = rasd.extract("أطلقت الفصائل رشقة صاروخية على مدينة عسقلان اليوم.", published=PUB)
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_a_protest_broken_up_and_a_counted_crowd():
    (ev,) = rasd.extract(
        "فضت الشرطة العراقية بالقوة اعتصاما أمام مبنى البرلمان في بغداد اليوم، وأصيب 12 محتجا.",
        published=PUB,
    )
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention",
        "Protesters",
        "Police Forces of Iraq",
    )
    # مئات المحتجين are some protesters, told here for the first time
    (ev,) = rasd.extract(
        "خرج مئات المحتجين في مدينة السويداء مطالبين برحيل النظام، وأضرموا النار في الإطارات.",
        published=PUB,
    )
    assert ev.event_type == "Protests"
    # أحد التجمعات is one of the groups: no protest
    text = "دعت رئيسة أحد التجمعات المصرفية في مدينة عمان اليوم العملاء إلى الهدوء."
    assert rasd.extract(text, published=PUB) == []


def test_despair_a_thwarted_sale_and_freed_prices_are_no_events():
    assert (
        rasd.extract("أصبح الناس في مدينة جدة اليوم في حال من اليأس والإحباط.", published=PUB) == []
    )
    text = "أحبطت أمانة محافظة جدة اليوم بيع 5 أطنان من الأغذية الفاسدة."
    assert rasd.extract(text, published=PUB) == []
    text = "أعلنت الوزارة اليوم أن تحرير أسعار الوقود سيبدأ في مدينة دبي."
    assert rasd.extract(text, published=PUB) == []
    (ev,) = rasd.extract(
        "أحبطت قوات الأمن هجوما بسيارة مفخخة في مدينة الرمادي اليوم.", published=PUB
    )
    assert ev.sub_event_type == "Disrupted weapons use"


def test_an_act_told_in_a_relative_clause_with_nothing_new_recalls_it():
    text = "قالت دائرة الإفتاء إن العصابة الإرهابية التي استهدفت مسجدا في مدينة أبها لا تراعي حرمة المساجد."
    assert rasd.extract(text, published=PUB) == []
    # with figures of its own it is told
    (ev,) = rasd.extract(
        "الغارات التي استهدفت مدينة صعدة أمس أسفرت عن مقتل 5 أشخاص.", published=PUB
    )
    assert ev.sub_event_type == "Air/drone strike"


def test_a_clause_that_judges_an_act_tells_no_event():
    assert rasd.extract("تفجير مسجد الطوارئ في أبها جريمة بشعة وعمل منكر.", published=PUB) == []


def test_an_act_condemned_without_a_day_of_its_own_is_recalled():
    text = "مجلس الوزراء يدين التفجير الإرهابي بمسجد قوات الطوارئ في أبها"
    assert rasd.extract(text, published=PUB) == []
    # with its own day it is told (and dated)
    (ev,) = rasd.extract("أدان الوزير مقتل 3 جنود في هجوم على مدينة الرمادي الخميس.", published=PUB)
    assert ev.fatalities == 3
    # a long title and name between the verb and the act, or news received with denunciation
    text = "أدان محافظ المنطقة محمد بن سعود بن عبدالله المتحمي التفجير الذي استهدف مسجدا في أبها"
    assert rasd.extract(text, published=PUB) == []
    text = "قال المجلس إنه تلقى باستنكار شديد أنباء التفجير الذي استهدف مسجدا في مدينة أبها"
    assert rasd.extract(text, published=PUB) == []


def test_the_attack_followed_by_the_clause_that_tells_its_day_is_told():
    # الهجوم الذي وقع مساء الثلاثاء: a definite event noun introduced with its day, in the lead
    text = (
        "أعلنت وزارة الداخلية اليوم الأربعاء القضاء على مرتكب الهجوم الذي وقع مساء الثلاثاء "
        "على نقطة تفتيش أمنية في مدينة العريش."
    )
    (ev,) = rasd.extract(text, published=date(2017, 4, 19))
    assert ev.event_date == date(2017, 4, 18) and ev.location == "Arish"
    # without a day of its own it only points at an event
    assert rasd.extract("وأدانت الوزارة الهجوم الذي وقع على نقطة تفتيش في مدينة العريش.", PUB) == []


def test_violence_by_protesters_is_a_riot_and_forces_on_them_an_intervention():
    def coded(text: str) -> list[tuple[str, str | None, str | None]]:
        evs = rasd.extract(text, published=date(2018, 9, 7))
        return [(e.sub_event_type, e.actor1, e.actor2) for e in evs]

    # the crowd storms and burns: a violent demonstration, the crowd is actor1
    got = coded("اقتحم محتجون القنصلية في مدينة البصرة الجمعة وأضرموا النار فيها.")
    assert got == [("Violent demonstration", "Protesters", None)]
    # the forces fire on the crowd: the protesters stay actor1 (SPEC), the forces actor2
    got = coded("أطلقت الشرطة النار على المحتجين في مدينة البصرة الجمعة.")
    assert got == [("Protest with intervention", "Protesters", "Police Forces of Iraq")]
    got = coded("وقتلت قوات الأمن بالرصاص عشرات المحتجين في مدينة البصرة الجمعة.")
    assert got[0][0] == "Excessive force against protesters"


def test_a_sentence_carried_out_and_a_murder_charge_are_no_political_event():
    pub = date(2015, 8, 10)
    text = "أصدرت وزارة الداخلية بيانا حول تنفيذ حكم القتل قصاصا في جان بمنطقة الباحة أقدم على قتل آخر."
    assert rasd.extract(text, published=pub) == []
    assert rasd.extract("ووجهت إلى الرجل تهمة قتل امرأة في مدينة أوكلاند.", published=pub) == []
    # a group's own «sentence» told in another clause does not hide its arrests
    text = (
        "اعتقل تنظيم داعش أمس أكثر من 80 مواطنا في مدينة الموصل بتهمة استخدام الهواتف، "
        "التي حدد لها التنظيم حكم الإعدام."
    )
    assert rasd.extract(text, published=pub) != []


def test_a_bomb_left_from_a_world_war_is_no_event():
    text = "فككت الشرطة في مدينة برلين اليوم قنبلة من مخلفات الحرب العالمية الثانية."
    assert rasd.extract(text, published=date(2018, 4, 18)) == []


def test_an_aim_a_charge_and_a_call_to_abstain_are_no_events():
    aim = "أرسلت الجماعة مقاتلين إلى مدينة الزبداني بهدف فك الحصار وتخفيف القصف على أحيائها."
    assert rasd.extract(aim, published=PUB) == []
    # the move itself, told before its aim, happened
    move = "شن المسلحون أمس هجوما عنيفا على مدينة الرمادي بهدف السيطرة عليها."
    assert len(rasd.extract(move, published=PUB)) == 1
    charge = "اعتقلت الشرطة أمس رجلين في مدينة الموصل بتهمة تفجير سيارة مفخخة."
    (ev,) = rasd.extract(charge, published=PUB)
    assert ev.sub_event_type == "Arrests"
    call = "دعا خطيب الجمعة في مدينة النجف أمس المواطنين إلى عدم المشاركة في التظاهرات."
    assert rasd.extract(call, published=PUB) == []


def test_a_broken_truce_is_no_agreement_but_the_shelling_is():
    s = "خرقت قوات النظام الهدنة في مدينة داريا أمس وقصفتها بقذائف الهاون."
    types = [ev.sub_event_type for ev in rasd.extract(s, published=PUB)]
    assert types == ["Shelling/artillery/missile attack"]


def test_what_is_scheduled_intended_expected_avoided_or_prepared_for_has_not_happened():
    # each sentence names a day and a place, which alone would make its trigger an event
    for s in (
        "ومن المقرر أن تخرج تظاهرات حاشدة في مدينة بيروت يوم الأحد.",
        "ومن المتوقع أن تندلع اشتباكات عنيفة في مدينة رفح يوم الجمعة.",
        "وقال الأمين العام يوم الثلاثاء إن من الضروري تجنب معركة شاملة في مدينة إدلب.",
        "أقامت الجماعة المتاريس في مدينة الحديدة يوم الأحد في إطار استعداداتها لمعركة تحرير المدينة.",
        "وتسعى القوات الحكومية إلى استعادة السيطرة على مدينة الرقة يوم الأحد.",
        "وأعلنت النقابة اليوم الاثنين تأجيل وقفة احتجاجية أمام البرلمان في مدينة تونس.",
        "وكانت وقفة احتجاجية مبرمجة يوم الأحد أمام مقر الولاية في مدينة صفاقس.",
        "وقالت الشرطة الخميس إن نيته كانت اغتيال الوزير خلال زيارته لمدينة ليستر البريطانية.",
        "وكانت نية الرجل اغتيال الوزير الخميس خلال زيارته لمدينة ليستر البريطانية.",
    ):
        assert rasd.extract(s, published=PUB) == [], s
    # a strike that caused a postponement happened (القصف تسبب بتأجيل الإجلاء)
    s = "وتسبب القصف على مدينة دوما أمس بتأجيل عملية الإجلاء."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] != []
    # «بنية تحتية» (infrastructure) is no intention
    s = "وقصفت طائرات حربية الخميس بنية تحتية في مدينة ليستر البريطانية ما أدى إلى مقتل شخصين."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Air/drone strike"]


def test_a_verbal_attack_hurts_nobody():
    s = "شن الرئيس أمس في مدينة أنقرة هجوما لاذعا على رئيس الوزراء."
    assert rasd.extract(s, published=PUB) == []
    (ev,) = rasd.extract("شن مسلحون أمس هجوما على حاجز للشرطة في مدينة العريش.", published=PUB)
    assert ev.event_type != "Protests"


def test_the_dual_of_a_noun_in_ta_marbuta_is_its_trigger():
    s = "وقال شهود إن غارتين جويتين استهدفتا أمس معسكرا في مدينة صعدة."
    (ev,) = rasd.extract(s, published=PUB)
    assert ev.sub_event_type == "Air/drone strike"


def test_an_agreement_acted_under_training_a_promise_and_an_animal_are_no_events():
    for s in (
        "وقال المتحدث إن الانفصاليين يستخدمون أمس في مدينة دونيتسك أسلحة يحظر استخدامها"
        " بموجب اتفاق سلام.",
        "وكشفت الوزارة أمس أن جهة أجنبية قامت بتدريب مواطن على الغوص وطرق تنفيذ عمليات"
        " التفجير في مدينة المنامة.",
        "وعدت قيادة التحالف أمس بقصف مواقع المتمردين في مدينة تعز.",
        "لقي غواص حتفه إثر تعرضه لهجوم من سمكة قرش قبالة مدينة سيدني اليوم السبت.",
    ):
        assert rasd.extract(s, published=PUB) == [], s


def test_a_court_named_in_reactions_does_not_make_a_trial_report():
    text = (
        "استشهد رضيع فلسطيني يوم أمس جراء إحراق مستوطنين لمنزل عائلته في مدينة نابلس. "
        "وقال المتحدث إن الملف سيقدم إلى المحكمة الجنائية الدولية. "
        "ودعا المجلس إلى محاكمة المسؤولين أمام المحكمة الجنائية الدولية. "
        "وأكد أن محكمة الجنايات الدولية هي المكان المناسب."
    )
    (ev,) = rasd.extract(text, published=PUB)
    assert ev.location == "Nablus" and ev.fatalities == 1


def test_an_arrest_takes_no_toll_of_the_bombing_it_follows_and_statistics_are_no_event():
    s = (
        "ألقت الشرطة أمس القبض على خمسة أشخاص في مدينة الكويت بعد أكثر من شهر من تفجير"
        " مسجد أودى بحياة 27 شخصا."
    )
    (ev,) = rasd.extract(s, published=PUB)
    assert ev.sub_event_type == "Arrests" and ev.fatalities is None
    s = "أظهرت إحصائية رسمية أمس تسجيل 84 قضية قتل في مدينة جدة خلال العام."
    assert rasd.extract(s, published=PUB) == []
    s = "أظهرت إحصائية رسمية أمس مقتل 84 شخصا في مدينة جدة."
    assert rasd.extract(s, published=PUB) == []


def test_bodies_held_a_court_ruling_a_crash_and_an_expectation_are_no_new_events():
    s = "أكدت السلطات أمس احتجاز جثماني شابين في مدينة رفح."
    assert all(ev.sub_event_type != "Arrests" for ev in rasd.extract(s, published=PUB))
    for s in (
        "قضت المحكمة العسكرية بمدينة الإسكندرية، الخميس، بإعدام 17 متهما في وقائع تفجير كنائس.",
        "قتل طيارا مروحية عسكرية أمس في تحطم طائرتهما قرب مدينة اللاذقية.",
        # the dead told in one clause, the crash in the next
        "وقال جنرال إن 17 شخصا قتلوا أمس، 12 جنديا وأفراد الطاقم، في تحطم مروحية بولاية زابل.",
    ):
        assert rasd.extract(s, published=PUB) == [], s


def test_weather_deminers_strikes_that_stop_and_habits_are_no_events():
    for s in (
        "وقال التلفزيون إن ثمانية أشخاص قتلوا أمس في مدينة هانغتشو مع تسبب الأمطار الغزيرة"
        " في انهيارات طينية.",
        "قررت السعودية أمس إرسال كاسحات ألغام لتطهير مدينة عدن بعد تحريرها.",
        "قصف الحوثيون في عدة مرات مصفاة النفط في مدينة عدن.",
    ):
        assert rasd.extract(s, published=PUB) == [], s
    s = "أعلن التحالف السبت هدنة في مدينة صنعاء تتوقف خلالها الغارات الجوية."
    assert [ev.sub_event_type for ev in rasd.extract(s, published=PUB)] == ["Agreement"]


def test_a_bomb_made_harmless_is_a_disrupted_attack():
    s = "أبطل خبراء متفجرات أمس مفعول عبوة ناسفة قرب مبنى الحزب في مدينة أنقرة."
    (ev,) = rasd.extract(s, published=PUB)
    assert ev.sub_event_type == "Disrupted weapons use"
    # «أبطل» with nothing armed after it annulled a decision
    assert rasd.extract("أبطلت المحكمة أمس قرار البلدية في مدينة أنقرة.", published=PUB) == []


def test_fighting_that_erupts_is_no_bomb_and_animals_attack_nobody_acled_codes():
    s = "وقال عميد البلدية إن الاشتباكات تفجرت بين الطرفين أمس في ضاحية من ضواحي مدينة سبها."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Armed clash"]
    s = (
        "قالت الشرطة إن مجموعة من الخنازير البرية قتلت رجلا أمس قرب مدينة باليرمو أثناء"
        " محاولته الدفاع عن كلابه أمام هجوم لهذه الحيوانات."
    )
    assert rasd.extract(s, published=PUB) == []


def test_a_dispersal_after_the_protesters_demands_makes_a_protest_with_intervention():
    s = (
        "تظاهر مئات المحتجين أمس في مدينة البصرة للمطالبة بتحسين الخدمات، وفرقت قوات الأمن"
        " المتظاهرين بالغاز المسيل للدموع."
    )
    (ev,) = rasd.extract(s, published=PUB)
    assert ev.sub_event_type == "Protest with intervention"


def test_an_armed_group_that_arrests_abducts():
    s = "اعتقل تنظيم داعش أمس أكثر من 80 مواطنا في مدينة الموصل بتهمة استخدام الهواتف."
    (ev,) = rasd.extract(s, published=PUB)
    assert (ev.event_type, ev.sub_event_type) == (
        "Violence against civilians",
        "Abduction/forced disappearance",
    )
    (ev,) = rasd.extract("اعتقلت الشرطة أمس خمسة أشخاص في مدينة الموصل.", published=PUB)
    assert ev.sub_event_type == "Arrests"


def test_a_withdrawal_from_a_post_or_a_treaty_is_no_territory_and_the_police_cited_no_target():
    for s in (
        "وستقود الجنرال القيادة بعد انسحاب الفريق الأول روبيرت أبرامز، الثلاثاء، من منصبه.",
        "وأدى انسحاب الولايات المتحدة من الاتفاق النووي ثم إعادة فرض عقوبات على طهران"
        " الثلاثاء إلى تفاقم الأزمة.",
    ):
        assert rasd.extract(s, published=PUB) == [], s
    s = (
        "قتل 4 أشخاص وأصيب آخرون بطلقات نارية داخل مصرف في مدينة سينسيناتي الخميس، بحسب"
        " تقارير الإعلام والشرطة."
    )
    (ev,) = rasd.extract(s, published=PUB)
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians")


def test_what_is_usually_done_and_an_award_are_no_events():
    s = "وعادة ما تنفذ تركيا ضربات جوية ضد أهداف الحزب في جبال قنديل شمال العراق أمس."
    assert rasd.extract(s, published=PUB) == []
    for s in (
        "وتشن تركيا بانتظام ضربات جوية ضد أهداف الحزب في جبال قنديل.",
        "وكثيرا ما تنفذ الجماعة هجمات انتحارية في أسواق مدينة مايدوغوري.",
        "وغالبا ما تستهدف الحركة مواقع حساسة في العاصمة مقديشو.",
    ):
        assert rasd.extract(s, published=PUB) == [], s
    s = "حصل مصور الوكالة أمس على جائزة عن صوره لمظاهرات مدينة كراكاس."
    assert rasd.extract(s, published=PUB) == []


def test_a_volcano_and_a_space_rocket_are_no_attacks():
    for s in (
        "أعلنت هيئة المسح الجيولوجي أمس أن انفجارا كبيرا في بركان كيلاويا قرب مدينة هونولولو.",
        "أجرت شركة سبيس إكس أمس بنجاح عملية إطلاق لصاروخ جديد من قاعدة قرب مدينة سكرامنتو.",
    ):
        assert rasd.extract(s, published=PUB) == [], s


def _types(text: str) -> list[str]:
    return [e.sub_event_type for e in rasd.extract(text, published=PUB)]


def test_a_nuclear_test_or_a_missile_able_to_carry_warheads_is_no_strike():
    test = "بعد التفجيرات الناتجة عن قنبلة هيدروجينية قرب مدينة هامهونغ أمس ظهرت انهيارات أرضية."
    assert _types(test) == []
    assert _types("أطلقت الهند أمس صاروخا قادرا على حمل رؤوس نووية قبالة ساحل أوديشا.") == []
    # a strike told beside the nuclear deal is still a strike
    strike = "أطلقت إسرائيل أمس صواريخ على هدف قرب دمشق بعد الانسحاب من الاتفاق النووي."
    assert _types(strike) == ["Shelling/artillery/missile attack"]


def test_a_place_safe_from_strikes_suffered_none():
    assert _types("وبقيت مدينة مسقط في مأمن من تفجيرات داعش خلال الأعوام الماضية.") == []
    assert _types("وظلت مدينة مسقط بمنأى عن الغارات يوم الأحد.") == []


def test_what_a_side_would_do_so_that_it_may_has_not_happened():
    assert _types("ويعطي ذلك مبررا للجيش لكي يواصل قصف مدينة دوما في الغوطة الشرقية.") == []
    # a name holding «كي» (بان كي مون) purposes nothing
    named = "ندد بان كي مون أمس بمقتل طفل في هجوم شنه مستوطنون على منزله في قرية دوما قرب نابلس."
    assert _types(named) == ["Attack"]


def test_bombs_made_or_stored_are_no_blast():
    workshop = (
        "دمرت قوات الجيش أمس في مدينة العريش معملا لتصنيع العبوات الناسفة، عثر بداخله على 70 عبوة."
    )
    assert _types(workshop) == ["Disrupted weapons use"]
    blast = "انفجرت عبوة ناسفة أمس قرب مخزن للأسلحة في مدينة العريش."
    assert _types(blast) == ["Remote explosive/landmine/IED"]


def test_arms_seized_or_found_are_a_disrupted_weapons_use():
    for text in (
        "وحجزت قوات الجيش أمس لغمين تقليديي الصنع في مدينة البويرة.",
        "عثرت قوات الجيش أمس على مخزن أسلحة في مدينة البويرة.",
        "ضبطت قوات الجيش أمس كميات من المتفجرات في مدينة البويرة.",
    ):
        (ev,) = rasd.extract(text, published=PUB)
        assert ev.sub_event_type == "Disrupted weapons use", text


def test_what_is_seized_must_be_arms():
    for text in (
        "دعا الوزير أمس في مدينة البويرة إلى ضبط النفس في استخدام الذخيرة الحية.",
        "حجزت الشركة أمس موعدا لعرض أسلحة الصيد في مدينة البويرة.",
        "عثرت الشرطة أمس على جثة رجل في مدينة البويرة.",
        "ضبطت الشرطة أمس في مدينة البويرة أشخاصا بحوزتهم أسلحة بيضاء.",
    ):
        assert rasd.extract(text, published=PUB) == [], text


def test_arms_seized_in_an_arrest_or_a_fight_belong_to_it():
    text = "اعتقلت الشرطة أمس 4 أشخاص في مدينة البويرة، وضبط أسلحة وذخائر."
    assert [e.sub_event_type for e in rasd.extract(text, published=PUB)] == ["Arrests"]
    text = (
        "قتلت قوات الجيش أمس مسلحين اثنين في اشتباك بمدينة البويرة. "
        "وأسفرت العملية عن حجز بندقيتين وقنبلة يدوية."
    )
    assert [e.sub_event_type for e in rasd.extract(text, published=PUB)] == ["Armed clash"]


def test_protesters_wounded_by_gunfire_met_excessive_force():
    (ev,) = rasd.extract(
        "أصيب 20 متظاهرا أمس برصاص قوات الأمن خلال احتجاجات في مدينة الناصرية.", published=PUB
    )
    assert ev.sub_event_type == "Excessive force against protesters"
    # shots fired at a protest, no toll: the protest met force
    (ev,) = rasd.extract(
        "أطلقت قوات الأمن الرصاص الحي أمس على المحتجين خلال مظاهرة في مدينة الناصرية.",
        published=PUB,
    )
    assert ev.sub_event_type != "Peaceful protest"


def test_a_suicide_drone_is_a_drone_strike_and_a_march_no_drone():
    (ev,) = rasd.extract(
        "قتل 3 أشخاص أمس في هجوم شنته مسيرات انتحارية على مدينة مروي.", published=PUB
    )
    assert ev.sub_event_type == "Air/drone strike"
    assert rasd.extract("خرجت أمس مسيرة تابعة لنقابة المعلمين في مدينة مروي.", published=PUB) == []
    (ev,) = rasd.extract("فجر انتحاري نفسه أمس في سوق بمدينة مروي.", published=PUB)
    assert ev.sub_event_type == "Suicide bomb"


def test_a_connector_clause_with_a_toll_of_its_own_is_a_second_report():
    evs = rasd.extract(
        "قتل ثلاثة مدنيين أمس في غارة على مدينة معرة النعمان، فيما قتل اثنان في قصف مدفعي"
        " على مدينة إدلب.",
        published=PUB,
    )
    assert sorted((e.sub_event_type, e.fatalities) for e in evs) == [
        ("Air/drone strike", 3),
        ("Shelling/artillery/missile attack", 2),
    ]


def test_rules_of_engagement_are_no_clash():
    text = "وقال المتحدث أمس في مدينة الرياض إن على التحالف مراجعة قواعد الاشتباك."
    assert rasd.extract(text, published=PUB) == []


def test_the_toll_of_a_quake_is_no_killing_but_a_strike_that_shook_the_ground_is_a_strike():
    assert (
        rasd.extract(
            "أعلنت السلطات الإيرانية، الأحد، أن حصيلة الزلزال الذي ضرب مدينة كرمانشاه في "
            "البلاد السبت، ارتفعت إلى 9 قتلى و100 جريح.",
            published=PUB,
        )
        == []
    )
    evs = rasd.extract(
        "شنت طائرات حربية غارات على مدينة إدلب يوم الأحد، وأحدث القصف زلزالا في المنطقة.",
        published=PUB,
    )
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]


def test_a_death_toll_in_the_story_of_a_quake_is_the_quakes():
    lead = "ضرب زلزال بقوة 7 درجات جزيرة سولاويسي الإندونيسية يوم الجمعة. "
    toll = "وقتل 55 شخصا معظمهم في مدينة بالو، بحسب الوكالة الوطنية."
    assert rasd.extract(lead + "وتبعته أمواج عاتية. " + toll, published=PUB) == []
    # the areas «the quake struck» are struck by nothing armed
    assert rasd.extract("تضررت المنازل في مدينة بالو التي ضربها الزلزال يوم الجمعة.") == []
    # an attack told in the same story is still one
    attack = (
        "وفي سياق آخر قتل مسلحون الجمعة ثلاثة جنود في هجوم على حاجز في مدينة بيشاور الباكستانية."
    )
    assert [e.sub_event_type for e in rasd.extract(lead + attack, published=PUB)] == ["Armed clash"]


def test_a_death_met_in_an_act_of_violence_is_an_event_a_death_in_a_mishap_is_not():
    pub = date(2015, 8, 6)
    s = "لقي أمين شرطة مصرعه أمس في مدينة الزقازيق إثر قيام مجهولين بإطلاق النار عليه."
    [ev] = rasd.extract(s, published=pub)
    assert (ev.sub_event_type, ev.fatalities, ev.actor2) == (
        "Armed clash",
        1,
        "Police Forces of Egypt",
    )
    [ev] = rasd.extract("لقي 3 مسلحين حتفهم أمس بنيران الجيش في مدينة العريش.", published=pub)
    assert ev.fatalities == 3
    for s in (
        "لقيت امرأة مصرعها أمس في مدينة الزقازيق إثر سقوطها من الطابق الثالث.",
        "لقي 4 أشخاص مصرعهم وأصيب 3 آخرون أمس إثر اصطدام سيارتهم بشاحنة في مدينة الزقازيق.",
        "لقي 7 أشخاص مصرعهم أمس، عندما انقلب قطار قرب مدينة الزقازيق.",
        "لقي 3 أشخاص مصرعهم أمس إثر اندلاع حريق في منزل بمدينة الزقازيق.",
    ):
        assert rasd.extract(s, published=pub) == [], s
    # a fire someone set (أضرمه، root ضرم) is an attack
    s = "لقي 5 أشخاص مصرعهم أمس في حريق أضرمه مجهولون في منزل بمدينة الزقازيق."
    assert [e.sub_event_type for e in rasd.extract(s, published=pub)] == ["Attack"]
    # «the coup» (الانقلاب) is no road accident
    s = "لقي 5 من مسلحي الانقلاب مصرعهم أمس في اشتباكات مع الجيش في مدينة تعز."
    assert [e.fatalities for e in rasd.extract(s, published=pub)] == [5]


def test_a_clause_opened_by_an_event_verb_is_out_of_reach_of_a_cue_before_it():
    pub = date(2015, 8, 6)
    s = (
        "واعتقلت قوات الأمن أمس 20 شخصا في مدينة العريش بينهم عناصر متورطة في الهجمات الأخيرة، "
        "وأبطلت مفعول ست عبوات ناسفة زرعت على جانبي الطريق في مدينة الشيخ زويد."
    )
    assert [e.sub_event_type for e in rasd.extract(s, published=pub)] == [
        "Arrests",
        "Disrupted weapons use",
    ]
    # within its clause the cue still speaks: «involved in the bombing» is no bombing
    s = "واعتقلت قوات الأمن أمس في مدينة العريش 20 شخصا متورطين في تفجير عبوة ناسفة."
    assert [e.sub_event_type for e in rasd.extract(s, published=pub)] == ["Arrests"]


def test_an_interception_system_deployed_intercepts_nothing():
    deployed = (
        "نشر الجيش الإسرائيلي يوم الأحد بطاريات تابعة لنظام اعتراض الصواريخ قرب مدينة عسقلان."
    )
    assert rasd.extract(deployed, published=PUB) == []
    used = "اعترضت منظومة القبة الحديدية صاروخين فوق مدينة عسقلان يوم الأحد."
    assert [e.sub_event_type for e in rasd.extract(used, published=PUB)] == [
        "Disrupted weapons use"
    ]


def test_a_man_hit_by_a_lorry_died_in_no_attack():
    text = "لقي عامل مصرعه في مدينة الزرقاء مساء السبت بعد أن صدمته شاحنة مسرعة."
    assert rasd.extract(text, published=PUB) == []


def test_a_targeting_clause_after_a_campaign_describes_the_campaign():
    text = "شنت قوات الأمن حملة اعتقالات ومداهمات، استهدفت عشرات الشبان في مدينة الخليل يوم الأحد."
    assert [e.sub_event_type for e in rasd.extract(text, published=PUB)] == ["Arrests"]


def test_planes_named_as_air_cover_of_a_ground_fight_make_no_air_strike():
    text = (
        "تقدمت قوات الجيش في محيط مدينة حرض صباح الأحد بعد معارك عنيفة مع الحوثيين، "
        "بإسناد من طيران التحالف."
    )
    assert [e.sub_event_type for e in rasd.extract(text, published=PUB)] == ["Armed clash"]


def test_fighting_that_has_gone_on_for_more_than_three_years_is_background():
    text = "وتشهد مدينة درعا معارك متقطعة بين الفصائل وقوات النظام منذ أكثر من ثلاثة أعوام."
    assert rasd.extract(text, published=PUB) == []


def test_a_cyber_attack_is_no_violence():
    s = "تعرضت قاعدة البيانات التابعة لوزارة الصحة في مدينة بيروت لهجوم إلكتروني كبير يوم الجمعة."
    assert rasd.extract(s, published=PUB) == []


def test_firefighters_gaining_on_a_wildfire_fight_no_one():
    s = "وأحرزت فرق الإطفاء تقدما في مواجهة حرائق الغابات قرب مدينة اللاذقية يوم الاثنين."
    assert rasd.extract(s, published=PUB) == []


def test_an_aggression_on_a_right_is_a_figure_of_speech():
    s = "وقال الوزير يوم الأحد إن التمرد في مدينة عدن يشكل اعتداء مباشرا ومتواصلا على حق الشعب."
    assert rasd.extract(s, published=PUB) == []
    # an attack on a field (حقل) is an attack
    s = "هاجم مسلحون حقلا نفطيا قرب مدينة كركوك أمس."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Attack"]


def test_a_counterfactual_tells_what_did_not_happen():
    s = (
        "وقال القادة إنهم لو امتلكوا أربع مدرعات مثل المدرعات التي أدخلت إلى محافظة عدن "
        "لاستطاعوا الوصول بها إلى وسط مدينة تعز وتحرير المدينة من المسلحين."
    )
    assert rasd.extract(s, published=PUB) == []
    # ولو is "even if": the fighting went on
    s = "استمرت الاشتباكات بين الجيش والمسلحين في مدينة درعا أمس ولو بوتيرة أقل."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Armed clash"]


def test_what_reinforcements_prepare_for_has_not_happened():
    s = "حشدت القوات مقاتليها قرب مدينة زبيد أمس تمهيدا لعملية عسكرية تستهدف تحرير المدينة."
    assert rasd.extract(s, published=PUB) == []


def test_an_arrest_warrant_is_no_arrest():
    s = "وأصدرت النيابة في إسطنبول أمس مذكرات اعتقال بحق 271 جنديا في إطار تحقيق."
    assert rasd.extract(s, published=PUB) == []
    s = "اعتقلت الشرطة التركية أمس 20 جنديا في مدينة إسطنبول."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Arrests"]


def test_a_failed_truce_or_take_over_changes_nothing_but_the_fight_stays():
    s = "فشلت الأطراف المتحاربة أمس في التوصل إلى اتفاق لوقف إطلاق النار في مدينة طرابلس."
    assert rasd.extract(s, published=PUB) == []
    s = "فشلت قوات النظام أمس في السيطرة على بلدة كفرنبودة بعد معارك عنيفة مع الفصائل."
    assert [e.sub_event_type for e in rasd.extract(s, published=PUB)] == ["Armed clash"]


def test_a_car_bomb_told_beside_an_attack_with_a_connector_is_another_event():
    evs = rasd.extract(
        "هاجم مسلحون القنصلية في مدينة إسطنبول وتبادلوا إطلاق النار مع الشرطة، "
        "فيما استهدفت سيارة مفخخة مركزا للشرطة في المدينة.",
        published=date(2023, 3, 14),
    )
    assert [e.event_type for e in evs] == ["Battles", "Explosions/Remote violence"]


def test_what_happened_years_ago_is_no_event():
    told = "قتل مسلحون ثلاثة مدنيين في هجوم على قرية في ولاية بورنو."
    assert len(rasd.extract(told, published=date(2023, 3, 14))) == 1
    for ago in ("قبل عدة سنوات", "قبل عقدين"):
        text = told.replace("مدنيين في", f"مدنيين {ago} في")
        assert rasd.extract(text, published=date(2023, 3, 14)) == []


def test_protesters_who_burn_or_storm_a_building_riot():
    pub = date(2024, 3, 14)
    evs = rasd.extract("أحرق محتجون غاضبون مقر الحزب في مدينة الناصرية.", published=pub)
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Violent demonstration", "Protesters")]
    # protesters run into are no rioters
    assert rasd.extract("اقتحمت مدرعة حشدا من المحتجين في مدينة البصرة.", published=pub) == []


def test_blasts_told_before_their_cause_take_the_cause_s_kind():
    evs = rasd.extract(
        "هزت انفجارات عنيفة مدينة مأرب مساء الثلاثاء جراء سقوط صواريخ باليستية أطلقتها "
        "جماعة الحوثي على أحياء سكنية.",
        published=date(2024, 3, 14),
    )
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]


def test_a_role_in_an_attack_names_the_attack_not_a_new_one():
    pub = date(2024, 3, 14)
    told = "انفجرت قنبلة في محطة مترو في مدينة بروكسل صباح اليوم."
    assert len(rasd.extract(told, published=pub)) == 1
    role = "قال المحققون إن المشتبه به لعب دورا في تفجيرات بروكسل هذا الأسبوع."
    assert rasd.extract(role, published=pub) == []
