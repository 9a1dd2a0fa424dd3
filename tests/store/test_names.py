"""Filters as users write them (issue 11, case 3)."""

import pytest

from rasd.cli import main
from rasd.store.names import country_code, event_type_name


@pytest.mark.parametrize("name", ["IRQ", "irq", "Iraq", "IRAQ", "IQ", "العراق", "  Iraq "])
def test_country_names(name):
    assert country_code(name) == "IRQ"


def test_an_unknown_country_says_what_is_accepted():
    with pytest.raises(ValueError, match=r"Iraq.*ISO3 code"):
        country_code("Irak")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("battles", "Battles"),
        ("BATTLES", "Battles"),
        ("air/drone strike", "Air/drone strike"),
        ("explosions/remote violence", "Explosions/Remote violence"),
    ],
)
def test_event_types_in_any_case(name, expected):
    assert event_type_name(name) == expected


def test_an_unknown_type_lists_the_types():
    with pytest.raises(ValueError, match="Battles, Explosions/Remote violence"):
        event_type_name("fights")


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "garbage"],
        ["--since", "2015-13-45"],
        ["--until", "' OR 1=1 --"],
        ["--country", "Irak"],
        ["--type", "fights"],
        ["--undated", "maybe"],
    ],
)
def test_bad_filters_exit_2_in_one_line_before_the_store_is_opened(tmp_path, capsys, args):
    """Garbage dates returned every event; unknown names returned nothing without a hint."""
    db = tmp_path / "x.db"
    assert main(["events", "--db", str(db), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and not db.exists()


def test_filters_by_the_names_users_write(tmp_path, capsys):
    from helpers import corpus

    src = tmp_path / "c.jsonl"
    corpus(src, 8)
    db = str(tmp_path / "x.db")
    assert main(["extract", str(src), "--db", db, "-q"]) == 0
    capsys.readouterr()
    outs = []
    for country in ("SYR", "Syria", "سوريا"):
        assert main(["events", "--db", db, "--country", country]) == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] and outs[0] == outs[1] == outs[2]
    assert main(["events", "--db", db, "--type", "Explosions/Remote violence"]) == 0
    exact = capsys.readouterr().out
    assert main(["events", "--db", db, "--type", "explosions/remote violence"]) == 0
    assert exact and capsys.readouterr().out == exact
