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


def test_huge_document_is_cut_not_rejected(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(ARABIC * 120_000, encoding="utf-8")  # ~10 MB
    got = items([p])
    assert isinstance(got[0], Article) and len(got[0].text) <= 2_000_000
