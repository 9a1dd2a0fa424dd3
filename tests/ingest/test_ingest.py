import json

from rasd.ingest import Skip, read_inputs
from rasd.model import Article

ARABIC = "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت شمال بغداد، بحسب مصدر أمني."


def items(paths):
    return list(read_inputs([str(p) for p in paths]))


def test_text_file_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    got = items([tmp_path])
    assert [type(g) for g in got] == [Article, Article]


def test_jsonl_fields_and_bad_lines(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [
        json.dumps(
            {
                "id": "x1",
                "text": ARABIC,
                "published": "2022-01-05",
                "outlet": "O",
                "url": "u",
                "title": "t",
            }
        ),
        "{not json",
        json.dumps({"id": "x2"}),
        json.dumps(["a list"]),
        json.dumps(
            {"id": "x3", "text": "English only text that has no Arabic letters at all in it."}
        ),
        json.dumps({"id": "x4", "text": ""}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    got = items([p])
    assert isinstance(got[0], Article) and got[0].published.isoformat() == "2022-01-05"
    assert got[0].outlet == "O" and got[0].url == "u" and got[0].title == "t"
    reasons = [g.reason for g in got[1:]]
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1] == "missing field 'text'"
    assert reasons[2] == "JSON line is not an object"
    assert reasons[3].startswith("not Arabic")
    assert reasons[4] == "empty document"


def test_undecodable_and_binary(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00\xc3\x28" * 50)
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    got = items([tmp_path])
    assert all(isinstance(g, Skip) for g in got)


def test_legacy_windows_arabic_is_decoded(tmp_path):
    (tmp_path / "w.txt").write_bytes(ARABIC.encode("cp1256"))
    got = items([tmp_path / "w.txt"])
    assert isinstance(got[0], Article) and got[0].text == ARABIC


def test_missing_path():
    got = list(read_inputs(["/no/such/file.txt"]))
    assert isinstance(got[0], Skip) and "no such file" in got[0].reason


def test_a_document_over_the_size_limit_is_one_clear_skip(tmp_path):
    """It used to be cut at 2,000,000 characters without a word (issue 11, case 16)."""
    p = tmp_path / "big.txt"
    p.write_text(ARABIC * 30_000, encoding="utf-8")  # ~2.4 million characters
    (got,) = items([p])
    assert isinstance(got, Skip) and got.reason.startswith("document too long")
    assert "2,000,000" in got.reason and got.path == str(p)


def test_an_invalid_published_is_a_warning_and_leaves_no_date(tmp_path):
    """It became null without a word, or took --published (issue 11, case 6)."""
    from datetime import date

    from rasd.ingest import Notice

    p = tmp_path / "c.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": ARABIC, "published": "2015-13-45"}) + "\n", encoding="utf-8"
    )
    got = list(read_inputs([str(p)], published=date(2022, 1, 5)))
    assert [type(g) for g in got] == [Notice, Article]
    assert "2015-13-45" in got[0].reason and got[1].published is None
    c = tmp_path / "c.csv"
    c.write_text(f"id,text,published\nb,{ARABIC},yesterday\n", encoding="utf-8")
    got = list(read_inputs([str(c)]))
    assert isinstance(got[0], Notice) and got[1].published is None


def test_invalid_dates_are_counted_in_the_summary(tmp_path, capsys):
    from rasd.cli import main

    p = tmp_path / "c.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": ARABIC, "published": "not a date"}) + "\n", encoding="utf-8"
    )
    assert main(["extract", str(p), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "1 warnings" in err and "warned 1: invalid published date" in err


def test_a_quoted_pattern_reads_the_files_it_matches(tmp_path):
    """`rasd extract 'crawl/*.jsonl'` worked only with --engine dask (issue 11, case 14)."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.jsonl").write_text(
            json.dumps({"id": name, "text": ARABIC}) + "\n", encoding="utf-8"
        )
    (tmp_path / "c.txt").write_text(ARABIC, encoding="utf-8")
    got = list(read_inputs([str(tmp_path / "*.jsonl")]))
    assert [g.id for g in got] == ["a", "b"]
    (miss,) = list(read_inputs([str(tmp_path / "*.csv")]))
    assert isinstance(miss, Skip) and "no file matches" in miss.reason


def test_a_quoted_pattern_on_the_command_line(tmp_path):
    from rasd.cli import main

    for name in ("a", "b"):
        (tmp_path / f"{name}.jsonl").write_text(
            json.dumps({"id": name, "text": ARABIC, "published": "2022-01-05"}) + "\n",
            encoding="utf-8",
        )
    out = tmp_path / "out" / "e.jsonl"
    out.parent.mkdir()
    assert main(["extract", str(tmp_path / "*.jsonl"), "-o", str(out), "-q"]) == 0
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a", "b"]


def test_a_binary_jsonl_file_is_one_skip(tmp_path):
    """It printed thousands of "malformed JSON" lines (issue 11, case 15)."""
    import random

    rng = random.Random(7)
    p = tmp_path / "c.jsonl"
    p.write_bytes(bytes(rng.randrange(256) for _ in range(200_000)))
    (got,) = items([p])
    assert isinstance(got, Skip) and got.reason == "binary content" and got.path == str(p)


def test_an_empty_jsonl_file_says_why(tmp_path, capsys):
    """It exited 1 with no reason (issue 11, case 15)."""
    from rasd.cli import main

    p = tmp_path / "c.jsonl"
    p.write_text("\n\n", encoding="utf-8")
    (got,) = items([p])
    assert isinstance(got, Skip) and "empty file" in got.reason
    assert main(["extract", str(p)]) == 1
    err = capsys.readouterr().err
    assert "empty file" in err and "nothing processed" in err


def test_the_dead_letter_file_keeps_what_is_needed_to_retry(tmp_path):
    """It kept only id and reason (issue 11, case 15): now the raw line or the file."""
    from rasd.cli import main

    good = json.dumps({"id": "g", "text": ARABIC})
    broken = '{"id": "b", "text": "' + ARABIC  # cut off
    p = tmp_path / "c.jsonl"
    p.write_text(good + "\n" + broken + "\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    dead = tmp_path / "dead.jsonl"
    args = ["extract", str(p), str(tmp_path / "bin.txt"), "--dead-letter", str(dead), "-q"]
    assert main([*args, "-o", str(tmp_path / "o.jsonl")]) == 0
    recs = [json.loads(x) for x in dead.read_text(encoding="utf-8").splitlines()]
    by_reason = {r["reason"].split(" (")[0]: r for r in recs}
    assert by_reason["malformed JSON"]["raw"] == broken
    assert by_reason["binary content"]["path"] == str(tmp_path / "bin.txt")
    # the line, mended, reads again
    fixed = tmp_path / "retry.jsonl"
    fixed.write_text(by_reason["malformed JSON"]["raw"] + '"}\n', encoding="utf-8")
    (again,) = items([fixed])
    assert isinstance(again, Article) and again.id == "b"


def test_a_json_line_may_hold_unicode_line_separators(tmp_path):
    # JSON allows U+2028, U+2029 and NEL raw in a string; they end no JSON line
    p = tmp_path / "sep.jsonl"
    recs = [
        {"id": "a", "text": ARABIC + "\u2028" + ARABIC},
        {"id": "b", "text": ARABIC + "\u2029\u0085" + ARABIC},
    ]
    p.write_text("\r\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    got = items([p])
    assert [g.id for g in got if isinstance(g, Article)] == ["a", "b"]
    assert "\u2028" in got[0].text
