import json
import subprocess
import sys

from rasd.cli import main

ARABIC = "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت أمس، بحسب مصدر أمني."


def test_extract_bundled_examples_by_default(tmp_path, capsys):
    out = tmp_path / "e.jsonl"
    assert main(["extract", "-o", str(out), "-q"]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert any(r["id"] == "seed-73ea38c8" and r["events"] for r in recs)
    assert "articles read" in capsys.readouterr().err


def test_extract_text_file_with_published_and_csv(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARABIC, encoding="utf-8")
    out = tmp_path / "e.csv"
    assert (
        main(
            [
                "extract",
                str(src),
                "--published",
                "2023-03-14",
                "--outlet",
                "X",
                "-o",
                str(out),
                "-q",
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("event_id_cnty,event_date,year")
    assert "2023-03-13" in text


def test_batch_goes_on_after_bad_documents(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "english.txt").write_text(
        "Nothing Arabic in here at all, only English words.", encoding="utf-8"
    )
    out = tmp_path / "e.jsonl"
    assert main(["extract", str(tmp_path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 articles read" in err and "2 documents skipped" in err
    assert "empty document" in err and "not Arabic" in err


def test_nothing_processed_is_an_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["extract", str(tmp_path / "empty.txt"), "-q"]) == 1


def test_stdin(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", "-", "--published", "2023-03-14", "-q"],
        input=ARABIC.encode(),
        capture_output=True,
        check=True,
    )
    rec = json.loads(r.stdout.decode().splitlines()[0])
    assert rec["events"]


def test_bad_published_date_is_reported(capsys):
    assert main(["extract", "--published", "yesterday", "-q"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
