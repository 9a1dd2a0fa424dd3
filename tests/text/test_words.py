"""The grammar word lists and clitic table as the engine reads them."""

import regex

from rasd.text.normalize import key
from rasd.text.words import alternation, clitics, grammar, listed_word


def test_grammar_lists_are_matching_keys_in_file_order():
    verbs = grammar("speech_verbs")
    assert verbs[0] == key("قال") and key("أعلن") in verbs
    assert all(key(v) == v for v in verbs)


def test_alternation_prefers_the_longest_form():
    pat = regex.compile(alternation(["أن", "أنه", "بأنه"]))
    assert pat.match("بانه").group() == "بانه"
    assert pat.match("انه").group() == "انه"


def test_alternation_may_let_a_phrase_span_any_whitespace():
    pat = regex.compile(alternation(["على بعد"], spaces=r"\s+"))
    assert pat.fullmatch("علي  بعد")
    assert not regex.compile(alternation(["على بعد"])).fullmatch("علي  بعد")


def test_the_clitic_table():
    c = clitics()
    assert c.proclitics == frozenset("وفبلك")
    assert "" in c.bare_chains and "وب" in c.bare_chains
    assert "بال" in c.article_chains and "لل" in c.article_chains
    assert "وب" in c.place_chains and "و" not in c.place_chains  # و only joins


def test_a_listed_word_is_found_whole_and_after_a_conjunction():
    pat = listed_word("ceremony_verbs")
    assert pat.search(key("واستقبل الأمير الأسر")) is not None
    assert pat.search(key("زار المبعوث المدينة")) is not None
    assert pat.search(key("المستقبل القريب")) is None  # inside another word
    assert listed_word("ceremony_verbs") is pat  # compiled once
