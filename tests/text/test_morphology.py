"""Forms of a triliteral root by the derived patterns I–X."""

import pytest

from rasd.text.morphology import apply, derive


def test_patterns_put_the_root_letters_in_place():
    assert apply("افتعل", "شبك") == "اشتبك"
    assert apply("استفعال", "هدف") == "استهداف"
    assert apply("تفعيل", "فجر") == "تفجير"


def test_each_form_gives_its_verbs_verbal_nouns_and_participles():
    viii = derive("خطف", "VIII")
    assert viii.verbs == ("اختطف",) and "يختطف" in viii.present
    assert viii.nouns == ("اختطاف",) and viii.participles == ("مختطف",)
    assert derive("فجر", "VII").nouns == ("انفجار",)
    assert derive("هجم", "III").nouns == ("مهاجمة",)
    assert derive("قتل", "I", ("قتل", "مقتل")).nouns == ("قتل", "مقتل")


def test_form_viii_assimilates_and_doubled_roots_contract():
    assert derive("صدم", "VIII").verbs == ("اصطدم",)
    assert derive("زحم", "VIII").verbs == ("ازدحم",)
    assert derive("حجج", "VIII").verbs == ("احتج",)
    assert derive("حجج", "VIII").nouns == ("احتجاج",)
    assert derive("حرر", "II").nouns == ("تحرير",)  # II doubles the middle letter: no contraction


def test_forms_that_are_other_words_first_can_be_left_out():
    assert "فجر" not in derive("فجر", "II", excluded=("فجر",)).verbs  # فجر = dawn


def test_unknown_forms_and_roots_are_refused():
    with pytest.raises(ValueError):
        derive("قتل", "XI")
    with pytest.raises(ValueError):
        apply("فعل", "سيطر")
