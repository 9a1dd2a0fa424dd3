"""One Resources object reads each data file once; a data folder of one's own works too."""

import pytest

from rasd.resources import Resources, resources


def test_a_build_runs_once_per_resources(tmp_path):
    calls = []

    def build(res: Resources) -> int:
        calls.append(1)
        return len(list(res.tsv("lexicon/numbers.tsv")))

    res = Resources()
    assert res.get(build) == res.get(build) > 100
    assert calls == [1]
    assert resources() is resources()


def test_a_data_folder_of_ones_own(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "words.tsv").write_text(
        "# a comment\narabic\tvalue\nقصف\t1\nغارة\n", encoding="utf-8"
    )
    res = Resources(tmp_path)
    rows = list(res.tsv("lexicon/words.tsv"))
    assert rows == [{"arabic": "قصف", "value": "1"}, {"arabic": "غارة", "value": ""}]
    assert list(res.tsv("lexicon/missing.tsv")) == []


def test_a_row_with_too_many_fields_is_an_error(tmp_path):
    (tmp_path / "bad.tsv").write_text("a\tb\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2 has 3 fields"):
        list(Resources(tmp_path).tsv("bad.tsv"))
