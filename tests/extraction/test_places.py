"""Which place a name refers to: cues, common words, clitics, country context, provinces,
the capital, and the place an event takes."""

from datetime import date

import rasd
from rasd.extraction.places import article_places, choose_place, precision
from rasd.extraction.triggers import lexicon
from rasd.gazetteer import load
from rasd.text.normalize import normalize


def places(s: str) -> list[str]:
    text = normalize(s).text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    return [pm.place.name for pm in found]


def test_in_with_one_conjunction_is_a_cue_before_a_name():
    from rasd.extraction.places import _cue_before

    for before in ("في", "وفي", "ففي"):
        text = normalize(before + " بعقوبة").text
        assert _cue_before(text, text.index(" ") + 1, set())
    text = normalize("وفيي بعقوبة").text
    assert not _cue_before(text, text.index(" ") + 1, set())


def test_a_name_with_bi_after_a_lineage_is_a_place():
    # ابن خلدون names the school; بسيدي بوزيد, with ب on it, is where the school is
    assert places("إضراب جوع بالمعهد الثانوي ابن خلدون بسيدي بوزيد") == ["Sidi Bouzid"]
    assert places("قال صالح بن سعيد الأحمدي إن الوضع هادئ") == []


def test_a_region_is_coded_near_it_and_gives_way_to_a_town_of_its_province():
    (ev,) = rasd.extract(
        "قصفت الطائرات مواقع في الغوطة الشرقية أمس وقتلت خمسة مسلحين.", published=date(2018, 3, 1)
    )
    assert (ev.location, ev.admin1, ev.geo_precision) == ("Eastern Ghouta", "Rural Damascus", 2)
    (ev,) = rasd.extract(
        "قصفت الطائرات بلدة كفربطنا في الغوطة الشرقية أمس وقتلت خمسة مدنيين.",
        published=date(2018, 3, 1),
    )
    assert ev.location == "Kafr Batna"


def test_a_capital_written_like_its_country_gives_way_to_a_town_of_that_country():
    (ev,) = rasd.extract(
        "وفي تونس قتل 37 شخصا على الأقل في هجوم استهدف فندقين بمدينة سوسة.",
        published=date(2015, 7, 17),
    )
    assert ev.location == "Sousse"


def test_facility_beats_town():
    assert "Ain al-Asad Air Base" in places("سقطت صواريخ على قاعدة عين الأسد الجوية في العراق")


def test_spacing_variants():
    assert any("Kamal" in p for p in places("في مدينة البوكمال السورية"))
    assert any("Kamal" in p for p in places("في مدينة البو كمال السورية"))


def test_a_settlement_word_in_a_gazetteer_name_leaves_the_namesakes_of_the_rest():
    # the gazetteer holds «مدينة زنجبار» for Zanzibar only: the word is a cue, and the
    # name after it is the Yemeni town as well
    assert places("انتشرت قوات الجيش اليمني في مدينة زنجبار بمحافظة أبين") == [
        "Zinjibar",
        "Abyan",
    ]
    # a name whose settlement word is part of what it names stays (مدينة الصدر)
    assert "Sadr City" in places("انفجرت عبوة ناسفة في مدينة الصدر شرقي بغداد")


def test_village_names_held_without_the_article_are_read_with_it_after_a_settlement_word():
    found = places("قصفت الطائرات السورية قرى الزويك والدويركة في ريف اللاذقية بسوريا")
    assert {"Zuwayk", "Duwayrikah"} <= set(found)
    # only there: the same words elsewhere stay words
    assert "Zuwayk" not in places("قال الزويك إن الطائرات السورية قصفت ريف اللاذقية بسوريا")


def test_a_name_located_south_of_a_town_is_its_namesake_near_that_town():
    # the West Bank village, not the larger Syrian town of the same name
    pub = date(2024, 5, 19)
    [ev] = rasd.extract("أحرق مستوطنون منزلا في قرية دوما جنوب نابلس فجر اليوم.", published=pub)
    assert (ev.location, ev.admin1) == ("Duma", "West Bank")
    [ev] = rasd.extract("قصفت الطائرات الحربية بلدة دوما شرق دمشق أمس.", published=pub)
    assert ev.admin1 == "Rural Damascus"


def test_weapons_named_like_towns_are_no_places():
    assert places("قال مسؤول أمريكي إن صواريخ توماهوك تستخدم في استهداف مواقع قرب دمشق") == [
        "Damascus"
    ]
    assert "Abadeh" not in places("ندد المتظاهرون في مدينة لندن بالإبادة الجماعية في غزة")


def test_a_village_spelled_with_an_emphatic_letter_is_read_after_a_settlement_word():
    # the gazetteer writes كنسفرة; news writes كنصفرة
    found = places("قصف الطيران الحربي بلدات كنصفرة والبارة في جبل الزاوية بريف إدلب في سوريا")
    assert "Kansafrah" in found
    # only after a settlement word, and only for a country the text is about
    assert "Kansafrah" not in places("قال كنصفرة إن الطيران قصف مواقع في ريف إدلب بسوريا")


def test_a_foreign_town_written_with_other_vowels_is_found_by_its_sound_after_a_town_word():
    # the gazetteer writes دوغبايزيد and سالزبري; news also writes دوغوبيازيد and سالزبيري
    pub = date(2015, 8, 3)
    text = "قالت وكالة الأنباء التركية إن مسلحين هاجموا الأحد مركزا للدرك في مدينة دوغوبيازيد"
    [ev] = rasd.extract(text + " شرق تركيا وقتلوا جنديين.", published=pub)
    assert (ev.location, ev.country) == ("Dogubayazıt", "TUR")
    found = places("قالت الشرطة البريطانية إن رجلا طعن امرأتين في مدينة سالزبيري جنوب إنجلترا")
    assert "Salisbury" in found
    # not for a word with the article, not in a list's plural, not in a country not written of
    us = " وقال مسؤول في واشنطن إن الولايات المتحدة تتابع الوضع في سوريا"
    assert "Manteca" not in places("قصفت الطائرات بلدة كنصفرة ومناطق في ريف إدلب." + us)
    from collections import Counter

    from rasd.extraction.places import _spelled_otherwise

    usa = Counter({"USA": 3})
    assert "Elmira" in [p.name for p in load().by_sound("الامر")]  # sounds as Elmira …
    assert not _spelled_otherwise("الامر", usa, load(), sound=True)  # … but is "the matter"
    assert "Shushtar" not in places("قصفت طائرات سورية بلدات تسيطر عليها المعارضة في سوريا وإيران")
    assert "Salisbury" not in places("قال الوزير إن رجلا طعن امرأتين في مدينة سالزبيري")


def test_a_foreign_province_written_with_other_vowels_is_found_by_its_sound_after_a_division_word():
    # the gazetteer writes ننجرهار; news also writes نانجارهار
    text = "قتل خمسة أشخاص في انفجار عبوة ناسفة في مقاطعة نانجارهار شرق أفغانستان يوم الأحد."
    [ev] = rasd.extract(text, published=date(2018, 9, 11))
    assert (ev.admin1, ev.country, ev.geo_precision) == ("Nangarhar", "AFG", 3)
    # not for a country the text is not about, not without the division word
    assert "Nangarhar" not in places(
        "قال نانجارهار إن مسلحين قتلوا خمسة أشخاص في مقاطعة باراك بكندا"
    )
    assert "Nangarhar" not in places("قتل خمسة أشخاص في نانجارهار شرق أفغانستان")


def test_a_capital_that_says_or_denies_is_its_government_not_where_it_happened():
    pub = date(2018, 2, 12)
    text = "وشنت إسرائيل السبت غارات جوية في سوريا على أهداف إيرانية، لكن طهران نفت ذلك."
    assert "Tehran" not in [e.location for e in rasd.extract(text, published=pub)]
    # where it was said, or a headline that ends with the town, is a place
    assert "Tehran" in places("وفي طهران قال وزير الخارجية إن الطائرات قصفت مواقع")
    assert "Cairo" in places("وفي مدينة تقع شمال القاهرة قالت مصادر إن مسلحين قتلوا شرطيا")
    headline = "مقتل قائد بهجوم على طهران\nأفادت وسائل إعلام أن الطائرات قصفت طهران أمس."
    assert [e.location for e in rasd.extract(headline, published=pub)] == ["Tehran"]
    # the control of the capital, or what it describes, is the government's
    assert "Damascus" not in places("وأعاد الهجوم سيطرة دمشق على قطاع من جنوب غرب البلاد")
    assert "Damascus" not in places("ووصفت دمشق الأربعاء التهديدات الأمريكية بالتصعيد")


def test_a_town_that_locates_a_province_leaves_the_event_in_the_province():
    pub = date(2015, 8, 6)
    for where in ("محافظة الشرقية شمال شرقي القاهرة", "محافظة الشرقية التي تقع شمال شرقي القاهرة"):
        text = f"وفي {where} أطلق مسلحون النار أمس على شرطي فقتلوه."
        [ev] = rasd.extract(text, published=pub)
        assert (ev.admin1, ev.geo_precision) == ("Sharqia", 3), where
    # towns «belonging to» a province north of a city: the city locates the towns
    text = "استكملت المقاومة أمس سيطرتها على بلدتي الوهط وصبر التابعتين لمحافظة لحج شمال مدينة عدن."
    [ev] = rasd.extract(text, published=pub)
    assert ev.location == "Aden"
    # a town of that province named so stays the place
    [ev] = rasd.extract("قتل مسلحون أمس شرطيا في محافظة الشرقية بمدينة الزقازيق.", published=pub)
    assert ev.location == "Zagazig" and ev.geo_precision == 1


def test_washington_is_the_us_capital_not_a_town_in_utah():
    pub = date(2023, 11, 5)
    [ev] = rasd.extract("خرجت مظاهرة في مدينة واشنطن أمس للمطالبة بوقف الحرب.", published=pub)
    assert (ev.location, ev.admin1) == ("Washington", "District of Columbia")


def test_common_words_are_not_places():
    assert places("قال التحالف في بيان إن المصدر أكد ذلك") == []


def test_a_bare_town_of_a_country_the_article_never_names_is_a_word():
    # السلط (authorities, in Tunisian usage) is no As-Salt in Jordan in a Tunisian story
    got = places("تدخلت السلط الجهوية في ولاية قبلي بعد الاشتباكات بين القريتين في تونس")
    assert "As Salt" not in got and "Al Qaryatayn" not in got
    assert "Kebili" in got


def test_a_town_that_speaks_is_its_government():
    assert places("اعتبرت تل أبيب أن غالبية القتلى مسلحون") == []
    assert places("وقالت أنقرة إن الهجوم وقع في مدينة ديار بكر") == ["Diyarbakır"]
    assert places("وصل الوزير إلى أنقرة") == ["Ankara"]
    # a capital right after أن acts as its government, unless it is where things happened
    assert "Ankara" not in places("يذكر أن أنقرة أطلقت عملية عسكرية في سوريا")
    assert places("وأكد أن بغداد شهدت انفجارات") != []
    # a capital after a verbal noun of a government's act is that government
    assert places("للمرة الأولى منذ توقيع موسكو هدنة في جنوب سوريا") == ["Syria"]
    assert places("وجاء ذلك بعد رفض واشنطن الاقتراح") == []
    assert places("وصلت الطائرة إلى موسكو") == ["Moscow"]


def test_a_word_with_the_pronoun_suffix_is_no_place_written_with_its_article():
    # داخله "inside it" is Dakhla without its article, عقبه "after it" Aqaba's
    assert places("اقتحموا حرم الجامعة وأطلقوا النار في داخله") == []
    assert places("وجاء الهجوم عقبه بساعات") == []
    assert "Dakhla" in places("وقع الحادث في مدينة الداخلة")
    assert "Aqaba" in places("وصل الوفد إلى العقبة")


def test_a_capital_that_word_lists_count_as_frequent_is_still_a_place():
    # لندن and بدمشق are frequent words only because they are frequent names
    # (gazetteer/not_common_words.txt); the bare name is the capital, not London, Ohio
    assert places("قتل ثلاثة أشخاص في هجوم لندن") == ["London"]
    assert places("انفجرت سيارة بدمشق") == ["Damascus"]


def test_a_small_town_of_a_country_the_article_never_names_is_not_chosen():
    # حي الزهور in an Egyptian story is a quarter of al-Arish, not Ezzouhour in Tunisia
    got = places(
        "شهدت محافظة شمال سيناء أمس انفجار عبوة زرعها مسلحون قرب الطريق بحي الزهور، "
        "ثم شددت مدينة العريش إجراءاتها الأمنية."
    )
    assert "Ezzouhour" not in got and "Arish" in got


def test_places_listed_together_share_their_introduction():
    # مخمور (no population in GeoNames) is a place as the list's second member
    evs = rasd.extract(
        "أصابت غارات التحالف أمس أهدافا قرب مدن بينها الموصل ومخمور والفلوجة.",
        published=date(2015, 7, 24),
    )
    assert [e.location for e in evs] == ["Mosul", "Mexmur", "Al Fallujah"]


def test_a_plural_settlement_word_introduces_every_name_of_its_list():
    # the first district is unknown; the others are districts all the same
    evs = rasd.extract(
        "شنت طائرات التحالف أمس غارات على مديريات شدا وباقم وحرف سفيان.",
        published=date(2018, 9, 3),
    )
    assert [e.location for e in evs] == ["Baqim", "Harf Sufyan"]
    # a direction after the list word is no town (الغوطتين الغربية والشرقية)
    assert "Ash Sharqiyah" not in places("قصفت الطائرات بلدات الغوطتين الغربية والشرقية")


def test_the_seat_of_a_province_is_its_capital_city():
    (ev,) = rasd.extract(
        "قتل 3 جنود في هجوم في مركز محافظة البيضاء أمس.", published=date(2018, 7, 5)
    )
    assert (ev.location, ev.geo_precision) == ("Al Bayda", 1)
    # a seat joined to a list by و is one more place of the list
    evs = rasd.extract(
        "اختطف مسلحون أمس عشرات الناشطين في زبيد وبيت الفقيه ومركز محافظة الحديدة.",
        published=date(2018, 7, 5),
    )
    assert [e.location for e in evs] == ["Zabid", "Bayt al Faqih", "Al Hudaydah"]
    # «X، عاصمة Y»: the town is the capital already, the province is no second place
    evs = rasd.extract(
        "قتل 3 جنود في هجوم في مدينة الحوطة عاصمة محافظة لحج أمس.", published=date(2018, 7, 5)
    )
    assert [e.location for e in evs] == ["Lahij"]


def test_a_mine_collapse_is_no_attack():
    s = "لقي 16 عاملا مصرعهم في انهيار منجم للفحم نجم عن انفجار غاز في مدينة كويتا أمس."
    assert rasd.extract(s, published=date(2018, 7, 5)) == []


def test_a_naval_attack_is_no_town_named_bahri():
    (ev,) = rasd.extract(
        "أعلن التحالف أمس إحباط هجوم بحري للحوثيين بزوارق مفخخة في البحر الأحمر.",
        published=date(2018, 6, 30),
    )
    assert (ev.location, ev.country, ev.geo_precision) == ("Red Sea", "YEM", 3)
    # the area's reference point lies in its southern part, off Yemen
    assert 14 < ev.latitude < 17 and 40 < ev.longitude < 43
    (ev,) = rasd.extract("قتل خمسة أشخاص في انفجار في مدينة بحري أمس.", published=date(2018, 6, 30))
    assert ev.location == "Khartoum North"


def test_a_name_at_the_start_of_a_longer_non_place_phrase_is_no_place():
    # مسقط رأس (birthplace) starts where مسقط (Muscat) does
    got = places("سيطرت القوات على مدينة زنجبار عاصمة محافظة أبين ومسقط رأس الرئيس")
    assert "Muscat" not in got and "Abyan" in got


def test_the_dateline_of_a_wire_story_is_where_it_was_filed_not_a_place_of_events():
    got = places("دبي، الإمارات العربية المتحدة (CNN)— قالت المصادر إن القصف على حلب مستمر")
    assert got == ["Aleppo"]
    assert "Riyadh" not in places("الرياض - واس:\nقتل جندي في جازان")
    # a headline with a dash is no dateline
    assert "Baghdad" in places("غارات عنيفة على بغداد - صور\nقتل جندي")


def test_common_word_after_settlement_word_is_a_place():
    assert "Bayan" not in places("صدر بيان عن الكويت")
    assert "Bayan" in places("في منطقة بيان في الكويت")


def test_clitic_reading_of_a_word_is_no_place():
    # وكالة is "agency", not و + Calais; فرانس برس is AFP, not ف + Reims
    assert places("نقلت وكالة فرانس برس") == []


def test_country_context_disambiguates():
    got = places("قصف الطيران التركي مواقع في مدينة عفرين شمال سوريا")
    assert any("Afrin" in p or "Afrīn" in p for p in got)


def test_province_after_division_word():
    got = places("قتل شرطيان بمنطقة أضنة جنوب تركيا")
    assert got and got[0] == "Adana"
    assert load().capitals.get(("TUR", "Adana")) is not None


def test_data_files_parse_and_are_consistent():
    gaz = load()
    assert len(gaz.countries) >= 250
    hits = gaz.find(normalize("قاعدة عين الأسد").text)
    assert hits and hits[0].value[0].admin1 == "Anbar" and hits[0].value[0].iso3 == "IRQ"


def test_a_country_adjective_is_not_a_place():
    # الهندية is "Indian" before it is the Iraqi town of al-Hindiyah
    assert places("قالت القوات الهندية إن الوضع هادئ") == []


def test_a_country_name_that_is_also_an_adjective_is_the_country_after_a_preposition():
    # سورية is "Syrian" after a noun, Syria after في or with ب on it
    assert places("قصفت الطائرات مواقع في سورية أمس") == ["Syria"]
    assert places("قتل ثلاثة أشخاص بسورية") == ["Syria"]
    assert places("أصيب جندي في غارة سورية") == []


def test_heights_and_valleys_of_a_place_are_near_it():
    text = normalize("اشتباكات في مرتفعات القصرين").text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    assert [(p.place.name, p.cued, p.near) for p in found] == [("Kasserine", True, True)]


def test_the_capital_alone_is_the_capital_of_the_article_country():
    got = places("انفجرت سيارة مفخخة في العاصمة العراقية صباح اليوم")
    assert got == ["Baghdad"]


def test_the_event_takes_the_town_nearest_its_trigger_not_the_province():
    text = normalize("سقطت قذائف على بلدة حديثة في محافظة الأنبار").text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    place, inherited = choose_place(found, text.index("سقطت"), None)
    assert place is not None and place.place.name == "Hadithah" and not inherited
    assert precision(place) == 1


def test_near_a_town_is_precision_2():
    text = normalize("وقع انفجار قرب مدينة تكريت").text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    assert [precision(p) for p in found] == [2]


def test_a_province_alone_is_precision_3_and_coded_to_its_capital():
    from rasd.extraction.places import coded_place

    text = normalize("قصف مدفعي في محافظة إدلب").text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    assert found and precision(found[0]) == 3
    assert coded_place(found[0]).kind == "city"


def test_a_place_name_inside_a_group_or_outlet_name_is_no_place():
    from rasd.extraction.context import read_article
    from rasd.model import Article

    ctx = read_article(
        Article("t", "هاجمت سرايا القدس موقعا عسكريا قرب مدينة الخليل، بحسب قناة الجزيرة")
    )
    assert ctx is not None
    names = [p.place.name for p in ctx.places.items]
    assert "Jerusalem" not in names and "Algiers" not in names
    assert any("Hebron" in n for n in names)


def test_collocations_and_common_words_are_no_places():
    assert places("هاجم مسلحون بالأسلحة البيضاء المارة في الشارع") == []
    assert places("وصلت الحافلة إلى مفرق الطرق") == []
    assert places("في مركز المدينة") == []
    # a crude oil benchmark (West Texas Intermediate) is no place; Texas alone is
    assert places("ونزلت عقود خام غرب تكساس الوسيط 57 سنتا") == []
    # an office «for the affairs of» a place or a shrine names no place
    assert places("وقال وزير شؤون القدس في الحكومة الفلسطينية إن الاحتلال هدم منزلا") == []
    assert places("وأكد الرئيس العام لشؤون المسجد الحرام والمسجد النبوي أن الهجوم إجرامي") == []
    assert places("وقع هجوم في ولاية تكساس") != []


def test_the_capital_followed_by_its_name_introduces_it():
    assert places("وقع انفجار في العاصمة لندن") == ["London"]


def test_a_district_word_reads_the_district():
    from rasd.extraction.places import precision

    text = normalize("قصفت مقاتلات التحالف مواقع في مديرية باقم بمحافظة صعدة").text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    districts = [p for p in found if p.place.kind == "admin2"]
    assert districts and districts[0].place.iso3 == "YEM" and precision(districts[0]) == 2


def test_no_village_or_town_abroad_in_an_article_about_other_countries():
    def countries(s: str) -> set[str]:
        text = normalize(s).text
        found, _ = article_places(text, lexicon().triggers.find_all(text))
        return {p.place.iso3 for p in found}

    # فان in Turkey is not Vannes in France; الفوار in Tunisia is no Lebanese hamlet
    assert "FRA" not in countries("قتل شخص في هجوم على حافلة إيرانية قرب مدينة فان في تركيا")
    assert "LBN" not in countries("اندلعت اشتباكات بين سكان قبلي ومعتمدية الفوار في تونس")


def test_a_word_that_is_no_place_says_nothing_of_the_country():
    from rasd.extraction.places import context_countries  # noqa: F401

    text = normalize("نقلت وكالة الأنباء عن مصدر في مدينة فان التركية").text
    _, countries = article_places(text, lexicon().triggers.find_all(text))
    assert "FRA" not in countries  # وكالة is no Calais


def test_where_the_wounded_were_taken_or_people_fled_is_not_the_place():
    pub = date(2023, 3, 14)
    for s in (
        "أصيب ثلاثة جنود بجروح في انفجار عبوة ناسفة أمس، وتم نقلهم إلى مدينة الرياض للعلاج.",
        "قتل جنديان في انفجار عبوة ناسفة استهدف دوريتهما أمس قبل أن يفروا إلى مدينة مأرب.",
    ):
        assert [e.location for e in rasd.extract(s, published=pub)] == [], s
    evs = rasd.extract(
        "أصيب ثلاثة جنود بجروح في انفجار عبوة ناسفة في محافظة مأرب أمس، وتم نقلهم إلى "
        "مدينة الرياض للعلاج.",
        published=pub,
    )
    assert [e.location for e in evs] == ["Ma'rib"]


def test_a_river_and_a_project_are_no_places():
    # the Blue Nile is also a Sudanese state, the Euphrates a name; a dam's project is
    # an organisation, and the river a dam stands on is water
    assert "Blue Nile" not in places("قتل مهندس يعمل في سد كبير على النيل الأزرق في إثيوبيا")
    assert "Blue Nile" not in places("غرق قارب في مجرى النيل الأزرق")
    assert places("قال مدير مشروع سد الموصل إن الأعمال مستمرة") == []
    assert "Blue Nile" in places("اشتباكات في ولاية النيل الأزرق السودانية")


def test_a_front_names_its_place_even_when_the_name_is_a_word():
    # حرض is also "he incited"; after «جبهة» it is the Haradh front
    assert "Harad" in places("تقدمت القوات في جبهة حرض بمحافظة حجة")


def test_a_three_letter_place_joined_by_wa_to_a_place_of_its_country_is_read():
    assert "Rafah" in places("معارك مستمرة في مخيم جباليا ورفح")
    # a three-letter word after «و» that is a place elsewhere only is no place here
    assert places("استمعت إلى انتحاري عسير وتلا وصيته") == ["Asir"]


def test_a_hamlet_of_a_country_the_article_never_names_is_not_chosen_even_after_a_cue():
    # المشرفية is a Beirut quarter here, not a Yemeni hamlet of four people
    got = places("اغتيل القيادي بمنطقة المشرفية وقال مصدر لبناني إن التحقيق بدأ")
    assert "Al Mashrafiyah" not in got


def test_a_nisba_after_a_place_names_its_country():
    text = "اشتباكات في مدينة طرابلس الليبية"
    found, _ = article_places(normalize(text).text, [])
    assert [(p.place.name, p.place.iso3) for p in found] == [("Tripoli", "LBY")]
    text = "اشتباكات في مدينة طرابلس اللبنانية"
    found, _ = article_places(normalize(text).text, [])
    assert [p.place.iso3 for p in found] == ["LBN"]
    # with the article it also finds that country's name listed without it (مالكية)
    text = "استهدف المقاتلون موقع المالكية الإسرائيلي"
    found, _ = article_places(normalize(text).text, [])
    assert [p.place.iso3 for p in found] == ["ISR"]


def test_an_event_at_sea_is_coded_to_the_sea_area_and_the_coast_of_its_side():
    evs = rasd.extract(
        "أعلنت جماعة الحوثي استهداف سفينة تجارية في البحر الأحمر بعدد من الصواريخ أمس الأحد.",
        published=date(2024, 2, 12),
    )
    assert [(e.location, e.country, e.admin1, e.geo_precision) for e in evs] == [
        ("Red Sea", "YEM", None, 3)
    ]
    assert evs[0].event_date == date(2024, 2, 11)
    # a town named in the sentence wins over the sea
    evs = rasd.extract(
        "قصفت طائرات أمريكية مواقع في مدينة الحديدة على البحر الأحمر اليوم.",
        published=date(2024, 2, 12),
    )
    assert [e.location for e in evs] == ["Al Hudaydah"]
    # a sea area alone names no country: the article's story stays where it is
    assert places("أبحرت السفينة في البحر الأحمر") == ["Red Sea"]


def test_a_yardstick_with_a_direction_and_a_word_glued_to_like_are_no_places():
    # على مسافة 700 كيلومتر تقريبا جنوبي طرابلس measures from Tripoli: Sabha is the place
    (ev,) = rasd.extract(
        "قتل 29 شخصا في الاشتباكات في سبها الواقعة على مسافة 700 كيلومتر تقريبا جنوبي طرابلس.",
        published=date(2015, 8, 10),
    )
    assert ev.location == "Sabha"
    # كسبها is "winning it", not ك + Sabha; حماة الوطن are the homeland's defenders
    assert places("لا تقدم شيئا على كسبها") == []
    assert places("استهدف حماة الوطن") == []
    assert places("قصف على مدينة حماة") == ["Hamah"]


def test_a_foreign_namesake_followed_by_a_province_of_another_country_is_dropped():
    # الوزيرية is a Baghdad quarter in the gazetteer; here it lies in Hodeidah province
    got = places("مواجهات في منطقة الوزيرية طريق مديرية الجراحي، التابعة لمحافظة الحديدة")
    assert "Waziriya" not in got and "Al Hudaydah" in got


def test_a_name_that_is_also_a_province_is_read_in_that_province_s_country():
    # القنيطرة: a Syrian province (and its town) before Morocco's Kenitra
    (ev,) = rasd.extract(
        "قصفت قوات النظام بلدة في ريف القنيطرة اليوم.", published=date(2015, 8, 10)
    )
    assert ev.country == "SYR"


def test_a_capital_written_like_its_country_yields_to_a_province_of_it():
    (ev,) = rasd.extract(
        "قتل 9 عسكريين بولاية عين الدفلى غرب الجزائر في كمين إرهابي ليلة أول أمس.",
        published=date(2015, 7, 22),
    )
    assert (ev.location, ev.event_date) == ("Ain Defla", date(2015, 7, 20))
    (ev,) = rasd.extract("قتل 3 في انفجار في مدينة الكويت اليوم.", published=date(2015, 7, 22))
    assert ev.location == "Kuwait City"


def test_a_short_name_of_a_big_place_takes_a_clitic():
    # gazetteer/short_names.txt: بغزة، برفح، وحلب; other three-letter names stay bare-only
    assert "Gaza" in places("استشهد ثلاثة في غارة بغزة")
    assert "Rafah" in places("اشتباكات ضارية بين المقاومة والاحتلال برفح")
    assert "Aleppo" in places("تواصل القصف على إدلب وحلب")
    assert places("وصل الوفد للحج") == []  # لحج (Lahij) is not on the list


def test_a_name_head_followed_by_the_rest_of_its_name_is_no_place_alone():
    # منطقة وادي الحجر is a valley of Mosul, not El Oued (الوادي) in Algeria
    assert places("قتل ثلاثة مسلحين في منطقة وادي الحجر قرب الموصل") == ["Mosul"]
    assert "El Oued" in places("قتل جنديان في انفجار بولاية الوادي جنوب شرق البلاد")


def test_a_region_named_by_a_direction_needs_its_country():
    # المنطقة الوسطى is Israel's Central District only in a story that names Israel
    got = places("قال الناطق باسم المقاومة في اليمن في المنطقة الوسطى إن المعارك مستمرة")
    assert "HaMerkaz" not in got
    assert "Eastern Province" in places("أعلنت الشرطة مقتل رجل أمن في هجوم بالمنطقة الشرقية")


def test_a_small_town_of_a_country_the_story_never_names_is_not_read():
    # a Lebanese army statement (Lebanon named three times): المنية is no town of Algeria
    text = (
        "أعلن الجيش اللبناني في بيان أن قوة من الجيش أوقفت في محلتي تعنايل - زحلة، والمنية - "
        "بحنين، 23 شخصا من التابعية السورية. وتواصل الأجهزة الأمنية اللبنانية في لبنان "
        "مطاردة المشبوهين."
    )
    assert "El Menia" not in places(text)


def test_son_of_in_a_mans_name_is_no_place_but_ben_gardane_is():
    # يوسف بن أحمد is a man; بن أحمد alone would be Ben Ahmed in Morocco
    assert places("قال الأمين العام للمنظمة، يوسف بن أحمد العثيمين، إن الهجوم عمل إرهابي") == []
    # a town written with its head apart (بن قردان = بنقردان), after a cue, is a place
    assert places("قتل 5 مسلحين في هجوم على مدينة بن قردان التونسية") == ["Ben Gardane"]
    assert places("اشتباكات في بن قردان أمس") == ["Ben Gardane"]


def test_a_family_name_after_son_of_is_no_place():
    # the family name after «بن X» is written like a town in Kuwait
    man = "أقدم خالد بن سعيد بن ناصر الأحمدي على قتل جاره في الكويت"
    assert "Al Ahmadi" not in places(man)
    assert "Al Ahmadi" in places("اشتباكات في الأحمدي في الكويت")


def test_an_economic_capital_is_not_the_capital():
    got = places("قتل شخصان في إطلاق نار بمدينة تورونتو، العاصمة الاقتصادية لكندا")
    assert got == ["Toronto", "Canada"]


def test_a_place_between_two_sides_is_where_the_first_side_is_from():
    day = date(2024, 1, 3)
    s = "دارت اشتباكات بين عناصر حماس بغزة وقوات الاحتلال في مدينة خان يونس الأربعاء."
    assert [e.location for e in rasd.extract(s, published=day)] == ["Khan Yunis"]
    s = "اشتبك مقاتلو حماس في غزة مع قوات الاحتلال في مدينة رفح الأربعاء."
    assert [e.location for e in rasd.extract(s, published=day)] == ["Rafah"]
    # the only place of the sentence stays the event's
    s = "دارت اشتباكات بين عناصر حماس بغزة وقوات الاحتلال الأربعاء."
    assert [e.location for e in rasd.extract(s, published=day)] == ["Gaza"]


def test_a_town_word_reads_the_town_not_the_province_of_its_name():
    # إدلب is a province and its capital, a town of 130,000: after مدينة, the town
    day = date(2024, 1, 3)
    town = rasd.extract("قتل 3 مدنيين في قصف على مدينة إدلب اليوم.", published=day)
    assert [(e.location, e.geo_precision) for e in town] == [("Idlib", 1)]
    province = rasd.extract("قتل 3 مدنيين في قصف على محافظة إدلب اليوم.", published=day)
    assert [e.geo_precision for e in province] == [3]


def test_a_junction_is_near_the_town_it_is_named_after():
    assert places("وحررت القوات مناطق جديدة بعد مفرق زبيد جنوب الحديدة")[0] == "Zabid"
    day = date(2018, 5, 26)
    ev = rasd.extract("قصفت مدفعية الحوثيين مواقع القوات عند مفرق زبيد اليوم.", published=day)
    assert [(e.location, e.geo_precision) for e in ev] == [("Zabid", 2)]


def test_deep_inside_a_place_is_that_place():
    day = date(2018, 7, 5)
    s = (
        "تتواصل المعارك في اليمن. وقال المصدر إن طيران التحالف يساند القوات الحكومية بالقصف "
        "على مواقع الحوثيين في عمق التحيتا."
    )
    ev = rasd.extract(s, published=day)
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in ev] == [
        ("Air/drone strike", "At Tuhayat", 2)
    ]


def test_a_country_s_north_or_south_is_no_province():
    # SPEC: a region wider than one province is not recorded (ACLED records none)
    day = date(2024, 11, 4)
    assert rasd.extract("هاجمت فصائل عراقية بمسيرة هدفا في شمال إسرائيل اليوم.", day) == []
    assert rasd.extract("قتل جنديان إسرائيليان في معارك جنوب لبنان اليوم.", day) == []
    assert rasd.extract("اشتبك الجيش مع مسلحين في شمال لبنان اليوم.", day) == []
    # the governorate named as one stays a place
    ev = rasd.extract("قتل جنديان إسرائيليان في معارك بمحافظة الجنوب اللبناني اليوم.", day)
    assert [e.geo_precision for e in ev] == [3]


def test_a_big_city_abroad_wins_over_its_small_namesake():
    # Amsterdam, New York (18,000) is no rival for Amsterdam (740,000) in a story that
    # names Americans but no American place
    text = "طعن رجل سائحين أميركيين في مدينة أمستردام الجمعة."
    found = [pm.place for pm in _found(text)]
    assert [(p.name, p.iso3) for p in found] == [("Amsterdam", "NLD")]


def _found(s: str):
    text = normalize(s).text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    return found


def test_a_dual_settlement_word_introduces_both_names():
    # منطقتي (the dual of منطقة) introduces a village GeoNames knows with no population
    assert "Al Fayush" in places("دارت معارك في منطقتي الفيوش وجعولة شمال مدينة عدن")


def test_the_place_of_a_whole_war_is_not_the_place_of_the_event():
    day = date(2024, 5, 8)
    s = "في اليوم الـ200 من الحرب على غزة، قصفت المدفعية مناطق برفح وخان يونس."
    assert [e.location for e in rasd.extract(s, published=day)] == ["Rafah", "Khan Yunis"]
    # the only place named stays the event's
    s = "قصفت المدفعية اليوم مواقع ضمن الحرب على غزة."
    assert [e.location for e in rasd.extract(s, published=day)] == ["Gaza"]


def test_the_cause_of_a_protest_is_not_where_it_is_held():
    day = date(2024, 4, 27)
    s = "يتواصل الاعتصام الطلابي من أجل غزة في جامعة هوارد العريقة بالعاصمة الأميركية."
    assert [e.location for e in rasd.extract(s, published=day)] == ["Washington"]


def test_a_city_abroad_named_by_its_event_needs_no_country():
    day = date(2017, 6, 6)
    s = "اعتقلت الشرطة رجلا على صلة بهجوم ليون أمس."
    assert [e.location for e in rasd.extract(s, published=day)] == ["Lyon"]
    # after a preposition a town of this size abroad needs its country named
    s = "اعتقلت الشرطة رجلا على صلة بهجوم في ليون أمس."
    assert rasd.extract(s, published=day) == []


def test_names_listed_after_a_town_are_towns_not_provinces():
    # عنابة is a city; سطيف and بجاية name both a province and its seat
    s = "أوقفت قوات الجيش خمسة عناصر بكل من عنابة وسطيف وبجاية أمس."
    evs = rasd.extract(s, published=date(2017, 6, 6))
    assert [(e.location, e.geo_precision) for e in evs] == [
        ("Annaba", 1),
        ("Setif", 1),
        ("Bejaia", 1),
    ]


def test_a_newspaper_told_and_everyday_phrases_are_no_places():
    assert "Riyadh" not in places("وقال مصدر في المقاومة لـ«الرياض» إن الهجوم وقع في مدينة تعز")
    assert "Riyadh" not in places('وقالت مصادر ل"الرياض" إن الهجوم وقع في مدينة تعز')
    assert places('وقع الهجوم في "الرياض" أمس') == ["Riyadh"]
    assert places("يريدون الزواج من الحور العين") == []
    assert places("زار الأمير المصابين الذين تماثلوا للشفاء") == []


def test_where_a_visit_went_is_no_place_of_the_event():
    s = "نفذت الطائرات الغارات أمس بعد ساعات من زيارة رئيس الوزراء بنيامين نتانياهو إلى موسكو"
    assert "Moscow" not in places(s)
    assert "Moscow" in places("انفجرت عبوة ناسفة أمس في موسكو")


def test_a_dateline_with_the_outlet_in_quotes_is_where_the_story_was_filed():
    s = "* كابل - «الشرق الأوسط»: قتل ستة من عناصر الشرطة في انفجار قنبلة في ولاية هرات أمس"
    assert "Kabul" not in places(s)


def test_tear_gas_is_no_town():
    # «المسيلة للدموع» (tear gas) holds the name of M'Sila, Algeria
    assert places("أطلقت الشرطة القنابل المسيلة للدموع على المحتجين في البصرة") == ["Basrah"]
    assert places("استخدمت قوات الأمن الغاز المسيل للدموع") == []


def test_a_capital_that_denies_is_its_government():
    assert places("يؤكد المرصد أن طائرات روسية تشارك في القصف، الأمر الذي تنفيه موسكو") == []
    assert places("قصفت الطائرات أمس مدينة دوما، وهو ما نفته دمشق") == ["Duma"]


def test_a_place_south_of_another_is_the_events_place_not_the_reference():
    import rasd

    evs = rasd.extract(
        "اقتحم مستوطنون بلدة حوارة جنوب نابلس وأضرموا النار في منازل الفلسطينيين أمس.",
        published="2023-03-01",
    )
    assert [e.location for e in evs] == ["Huwwarah"]
    # with no place before it, «south of X» stays X, near it (precision 2)
    evs = rasd.extract("قتل جندي في هجوم مسلح جنوب نابلس أمس.", published="2023-03-01")
    assert [(e.location, e.geo_precision) for e in evs] == [("Nablus", 2)]


def test_the_place_a_reporter_writes_from_is_not_the_events():
    assert places("وفق ما أفاد مراسل قناة العربية في أربيل") == []
    assert places("قال مراسلنا بالموصل") == []
    # a bare event with only the reporter's town left has no place to be coded at
    text = "وقتل ثلاثة مدنيين في قصف مدفعي على قرية حدودية يوم الأحد، وفق ما أفاد مراسل قناة العربية في أربيل."
    assert rasd.extract(text, published=date(2024, 5, 19)) == []


def test_a_doctrine_named_like_a_province_is_no_place():
    assert places("اعتقلت السلطات ثلاثة معارضين لنظام ولاية الفقيه") == []


def test_the_place_an_act_stands_for_is_not_where_it_happened():
    assert places("نفذت الجماعة هجوما بالمسيرات دعما لغزة") == []
    assert places("في إطار عمليات دعم مستمرة لكل من غزة ولبنان") == []
    assert places("تظاهر الآلاف في مدينة إربد تضامنا مع غزة") == ["Irbid"]


def test_a_missile_named_like_a_town_is_no_place():
    assert places("أطلقت الجماعة دفعة من صواريخ بركان على مدينة جدة") == ["Jeddah"]


def test_a_capital_addressed_by_a_demand_is_its_government():
    assert "Ankara" not in places("ودانت الجامعة القصف في شمال العراق، وطالبت أنقرة باحترام سيادته")
    assert places("مما دعا طهران إلى دعوة رعاياها للمغادرة") == []


def test_a_capital_after_a_ruler_or_envoy_title_is_its_state():
    assert "Kuwait City" not in places("ووجه أمير الكويت بتقديم المساعدة العاجلة للعراق")
    assert "Moscow" not in places("وأعاد حساب التابع لسفارة موسكو في واشنطن نشر الفيديو")
    assert places("تظاهر المئات أمس أمام مجلس الأمة في الكويت") == ["Kuwait City"]
    # a coalition «led by» a capital is led by its state
    assert "Riyadh" not in places("اعترضت الدفاعات أربعة صواريخ كما أعلن التحالف بقيادة الرياض")


def test_a_namesake_outside_the_district_that_holds_the_name_is_not_the_place():
    # the gazetteer's النخيلة are in Taiz and Israel; the text puts this one in Al Musaymir
    assert places("تحرير منطقة النخيلة بالمسيمير في لحج") == ["Al Musaymir", "Lahj"]
    # a holder of another country tells nothing (الحسينية is also a district of Egypt)
    assert "Al Jah" in places("غارة على منطقة الجاح في مديرية الحسينية بمحافظة الحديدة")


def test_the_base_aircraft_or_missiles_came_from_is_not_the_place_struck():
    got = places("أغارت طائرات حربية من قاعدة حميميم على بلدة سراقب أمس")
    assert got == ["Saraqib"]
    got = places("قصفت طائرات سلاح الجو من قاعدة طبرق الجوية مركبا قبالة ميناء درنة")
    assert "Derna" in got and not any("Base" in p for p in got)
    # a base that is struck stays the place
    assert "Ain al-Asad Air Base" in places("سقطت صواريخ على قاعدة عين الأسد الجوية")
    assert any("Base" in p for p in places("انسحبت القوات من قاعدة حميميم"))


def test_the_positions_fire_came_from_are_not_the_place_struck():
    got = places("كثف المسلحون قصف المدينة من مواقعهم في الجراحي وجبل راس بمحافظة الحديدة")
    assert "Al Garrahi" not in got and not any("Ra's" in p for p in got)
    # positions that are struck, or left, stay the place
    assert "Murak" in places("وقصفت الطائرات مواقع المسلحين في بلدة مورك بريف حماة")
    assert "Murak" in places("وانسحب المسلحون من مواقعهم في بلدة مورك بريف حماة")


def test_a_bare_capital_is_the_capital_named_last_before_it():
    text = (
        "وبحث الوزير في موسكو مع نظيره الروسي في موسكو الوضع في روسيا. "
        "وسقطت قذائف على حي باب توما بالعاصمة دمشق أمس. "
        "وقتل خمسة أشخاص في سقوط القذائف شرق العاصمة."
    )
    assert places(text)[-1] == "Damascus"
    # with no capital named before, the country the article names most
    assert places("وتواصلت الاحتجاجات في العراق. وخرج المئات في العاصمة.")[-1] == "Baghdad"


def test_a_name_with_a_clitic_preposition_after_an_establishment_word_is_a_place():
    # فندق بيبلوس names a hotel; فندق بالقدس is a hotel in Jerusalem
    assert "Jerusalem" in places("قتل ثلاثة في انفجار داخل فندق بالقدس أمس")
    assert "Hebron" in places("قتل ثلاثة من الشرطة في عملية بالخليل، وقال الجيش إنه قتل المنفذ")
    assert places("انتهت عملية الخليل الكبرى أمس") == []


def test_a_place_far_from_the_place_that_locates_it_is_a_wrong_reading():
    # معسكر (a camp) is read as Mascara (Algeria) only: «قرب مدينة الطبقة» says it is near
    # al-Tabqa in Syria
    ev = rasd.extract(
        "قتل 29 مسلحا في استهداف لمنطقة معسكر الكرين قرب مدينة الطبقة بريف الرقة أمس.",
        published=date(2024, 9, 1),
    )
    assert [e.location for e in ev] == ["Al-Tabqa"]
    ev = rasd.extract(
        "قتل شاب برصاص الجيش في بلدة حوارة جنوب نابلس أمس.", published=date(2024, 9, 1)
    )
    assert [e.location for e in ev] == ["Huwwarah"]


def test_the_gaza_envelope_is_in_israel_and_its_towns_are_the_place():
    assert places("سقطت صواريخ على مدينة سديروت في غلاف غزة") == ["Sderot", "HaDarom"]
    assert places("قصفت القسام مستوطنات غلاف غزة برشقة صاروخية") == ["HaDarom"]
    assert places("قصف إسرائيلي على مدينة غزة") == ["Gaza"]


def test_the_strip_named_by_itself_in_an_article_about_gaza():
    lead = "قالت وزارة الصحة في غزة إن المستشفيات تعاني. "
    got = places(lead + "واستشهد 5 فلسطينيين في قصف على شمال القطاع أمس.")
    assert got[-1] == "Gaza Strip"
    # not where it locates nothing (the siege on it, a sector) nor with no Gaza in the story
    assert places(lead + "وطالب المحتجون برفع الحصار عن القطاع.")[-1] != "Gaza Strip"
    assert "Gaza Strip" not in places("وأكد الوزير أن القطاع الصحي في لبنان منهار.")
    assert "Gaza Strip" not in places("معارك ضارية في القطاع أمس.")


def test_a_town_named_by_a_word_is_read_after_a_settlement_word_only():
    # الخيام is "the tents" and El Khiyam in South Lebanon
    assert "El Khiyam" in places("قتل شاب في غارة على بلدة الخيام جنوب لبنان")
    assert places("نصب النازحون الخيام في الساحة") == []


def test_a_quarter_is_named_after_a_province_or_a_town_elsewhere():
    # حي التأميم in Ramadi borrows the old name of Kirkuk's province
    got = places("تقدمت القوات باتجاه حي التأميم في الرمادي")
    assert "Kirkuk" not in got and got == ["Ramadi"]
    # a quarter followed by its town is one of the town's places, never a namesake far off
    ev = rasd.extract(
        "قصفت طائرات إسرائيلية منزلا في حي النصر بمدينة غزة أمس.", published=date(2024, 3, 10)
    )
    assert [e.location for e in ev] == ["Nasr (Gaza)"]
    # a quarter's name listed with its quarter word (حي الخالدية, Homs) is not one in Aleppo
    ev = rasd.extract(
        "دارت اشتباكات صباح أمس بين الفصائل وقوات النظام في حي الخالدية بمدينة حلب.",
        published=date(2015, 7, 30),
    )
    assert [e.location for e in ev] == ["Aleppo"]


def test_a_village_is_read_in_the_province_named_through_its_seat():
    # رأس العين names a dozen villages; «ريف الحسكة» names the province (through its seat),
    # and the town the sentence names is the event's place, not the country around
    ev = rasd.extract(
        "وفي ريف الحسكة الغربي، استهدف التنظيم بدراجة نارية مفخخة حاجزا في مدخل مدينة رأس"
        " العين، ما أدى لمقتل ثلاثة عناصر.",
        published=date(2015, 8, 1),
    )
    assert [(e.location, e.admin1) for e in ev] == [("Ra's al 'Ayn", "Al-Hasakeh")]
    # a direction word (شرق X) is no country around X: the nearer place stays
    ev = rasd.extract(
        "استهدفت طائرات الاحتلال منزلا في منطقة الفراحين شرق بلدة عبسان الكبيرة بخان يونس،"
        " وأسفرت الغارة عن استشهاد 3 مدنيين.",
        published=date(2024, 5, 19),
    )
    assert [e.location for e in ev] == ["'Abasan al Kabirah"]


def test_where_a_person_comes_from_is_not_where_the_event_happened():
    pub = date(2015, 8, 8)
    ev = rasd.extract(
        "قتل شاب ينحدر من مدينة الزنتان في هجوم على حاجز قرب مدينة طرابلس أمس.", published=pub
    )
    assert [e.location for e in ev] == ["Tripoli"]
    # the only place named is the victim's home town: no place for the event
    s = "قالت المصادر إن رجل الأعمال الذي ينتمي إلى مدينة الزنتان تعرض للخطف أمس."
    assert all(e.location != "Zintan" for e in rasd.extract(s, published=pub))


def test_a_name_inside_a_town_of_another_country_is_a_quarter_of_it():
    # no Mahdia of Egypt: the name is a quarter of Rafah the gazetteer lacks
    got = places("بين منطقتي (المهدية) و(الماسورة) بمدينة رفح التابعة لمحافظة شمال سيناء")
    assert "Mahdia" not in got and "Rafah" in got
    # a quarter the gazetteer files under the town's neighbour country stays
    assert "Ras al 'Amud" in places("اعتقلت فتيين من سكان حي رأس العامود في مدينة القدس")


def test_a_quarter_read_far_from_the_town_named_after_it_is_misread():
    # the gazetteer's only الخالدية quarter is in Homs, 150 km from Aleppo
    s = "ودارت أمس اشتباكات على أطراف حي الخالدية شمال حلب بين قوات النظام والكتائب المقاتلة."
    [ev] = rasd.extract(s, published="2015-08-03")
    assert ev.location == "Aleppo"


def test_the_place_a_missile_was_fired_from_toward_another_is_not_the_place():
    s = "أطلقت الميليشيا صاروخا من (مدينة صعدة) باتجاه الأراضي السعودية أمس"
    assert "Sa'dah" not in places(s)
    # «نحو 20 صاروخا» is «about 20», and a road from a town toward another names the town
    assert "Golan Heights" in places("أطلقت قوات من مرتفعات الجولان نحو 20 صاروخا")
    s = "غارات استهدفت حاجزا على الطريق المؤدي من عفرين باتجاه مناطق سيطرة القوات"
    assert "'Afrin" in places(s)


def test_a_capital_written_like_its_country_and_listed_with_countries_is_the_country():
    # the attackers are from Tunisia, Algeria and Morocco: three countries, no capital
    assert places("وقالت الشرطة إن المعتقلين من تونس والجزائر والمغرب.") == [
        "Tunisia",
        "Algeria",
        "Morocco",
    ]
    assert places("تفجير المساجد في الكويت، والعراق.") == ["Kuwait", "Iraq"]
    # alone, or listed with a town, it stays the capital
    assert places("انفجرت سيارة مفخخة في تونس العاصمة.")[0] == "Tunis"


def test_a_country_name_is_not_a_town_named_after_it_abroad():
    # بيرو and هولندا are also towns of the United States (Peru, Indiana; Nederland, Texas)
    text = normalize("دعت الولايات المتحدة وفرنسا وهولندا وبيرو إلى عقد اجتماع في نيويورك.").text
    found, _ = article_places(text, lexicon().triggers.find_all(text))
    assert [(pm.place.name, pm.place.kind) for pm in found] == [
        ("United States", "country"),
        ("France", "country"),
        ("Netherlands", "country"),
        ("Peru", "country"),
        ("New York City", "city"),
    ]


def test_a_settlement_word_introduces_the_israeli_settlement_it_names():
    evs = rasd.extract(
        "أعلن حزب الله استهداف مستوطنة المطلة بالصواريخ.", published=date(2024, 3, 14)
    )
    assert [(e.location, e.country) for e in evs] == [("Metula", "ISR")]


def test_a_distance_at_sea_from_a_coastal_town_places_the_event_in_the_sea_off_it():
    pub = date(2024, 3, 14)
    for text, sea in (
        ("تعرضت سفينة لهجوم على بعد 50 ميلا بحريا جنوب غرب الحديدة.", "Red Sea"),
        ("تعرضت سفينة لهجوم على بعد 80 ميلا بحريا شرق عدن.", "Gulf of Aden"),
    ):
        evs = rasd.extract(text, published=pub)
        assert [(e.location, e.geo_precision) for e in evs] == [(sea, 3)], text


def test_a_town_named_like_a_lineage_is_a_place_after_a_near_word():
    assert "Bent Jbeil" in places("استهدفت غارة سيارة على طريق بنت جبيل في جنوب لبنان.")


def test_the_cornerstone_is_no_zawiya():
    assert places("الأسرة حجر الزاوية للمجتمع في مواجهة التطرف والقتال.") == []


def test_where_a_body_is_based_is_no_place_of_the_event():
    text = "قال المرصد السوري ومقره لندن إن 5 مدنيين قتلوا في قصف على مدينة إدلب."
    assert [e.location for e in rasd.extract(text, published=date(2024, 3, 14))] == ["Idlib"]
    based = "أعلنت المؤسسة التي تتخذ من طرابلس مقرا لها تعليق عمليات التصدير إثر قصف."
    assert "Tripoli" not in places(based)
