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
