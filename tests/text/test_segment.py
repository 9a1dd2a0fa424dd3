from rasd.text.normalize import normalize
from rasd.text.segment import sentences


def test_sentences_clauses_and_quotes():
    text = normalize('قتل 2.5 ألف شخص. وقال المصدر "سقطت الصواريخ"، فيما اندلعت اشتباكات؟ نعم').text
    ss = sentences(text)
    assert len(ss) == 3
    second = ss[1]
    assert second.quote_spans and text[second.quote_spans[0][0]] == '"'
    assert len(second.clauses) >= 2  # split at the comma and at فيما


def test_decimal_point_does_not_end_a_sentence():
    assert len(sentences(normalize("قطع 2.5 كيلومتر").text)) == 1


def test_the_reports_of_a_roundup_are_sentences_of_their_own():
    from rasd.text.normalize import normalize

    t = normalize(
        "دارت اشتباكات في مدينة الزبداني، كما قصفت القوات مدينة داريا، بينما دارت اشتباكات في حي جوبر"
    ).text
    assert len(sentences(t)) == 3
    assert len(sentences(normalize("قال المصدر، كما ذكرنا سابقا، إن الوضع هادئ").text)) == 2


def test_a_full_stop_without_its_space_still_ends_a_sentence():
    t = normalize(
        "زار الوزير مقر القيادة.واستمع إلى شرح عن الحرب. نقلا عن أ.ف.ب والمصدر د.محمد"
    ).text
    assert len(sentences(t)) == 3


def test_a_one_letter_title_before_a_name_ends_no_sentence():
    t = normalize("وشجب د. عبدالرحمن العمل الإرهابي. وقال م. أحمد إن الهجوم وقع.").text
    assert len(sentences(t)) == 2


def test_a_new_speakers_statement_after_a_comma_is_a_sentence_of_its_own():
    t = normalize(
        "واصلت الطائرات قصف مدينة غزة، ومن جانبها أكدت الوزارة مقتل 5 أشخاص في نابلس"
    ).text
    assert len(sentences(t)) == 2
    t = normalize("قصفت المدفعية مواقع المسلحين، وإلى ذلك اعتقلت الشرطة ثلاثة أشخاص").text
    assert len(sentences(t)) == 2


def test_a_headline_splits_before_a_new_subject_with_its_verb():
    text = normalize(
        "مقتل قائد بجباليا وحزب الله يقصف حيفا\nقصفت الطائرات البلدة والسكان يفرون منها."
    ).text
    head, body = sentences(text)
    assert head.headline and not body.headline
    assert [text[a:b].strip() for a, b in head.clauses] == [
        normalize("مقتل قائد بجباليا").text,
        normalize("وحزب الله يقصف حيفا").text,
    ]
    # running text keeps such a clause whole
    assert len(body.clauses) == 1


def test_a_report_joined_with_fi_hin_after_a_comma_is_a_sentence_of_its_own():
    text = normalize(
        "شنت القوات حملة اعتقالات في نابلس، في حين هاجم مستوطنون منزلا شرقي رام الله."
    ).text
    assert len(sentences(text)) == 2
