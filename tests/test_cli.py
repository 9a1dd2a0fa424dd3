import json
import subprocess
import sys
from datetime import date

import pytest

import rasd
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


def test_output_dash_is_standard_output(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "-o", "-", "-q"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["id"]
    assert not (tmp_path / "-").exists()  # no file called "-"


def test_bad_published_date_is_reported(capsys):
    assert main(["extract", "--published", "yesterday", "-q"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["extract", "--published", "0001-01-07", "-q"]) == 2
    assert "1900-01-01" in capsys.readouterr().err


def test_a_year_one_publication_day_is_a_warning_and_the_store_takes_the_article(tmp_path):
    """POST /articles with published 0001-01-07 failed in the store (date out of range)."""
    p = tmp_path / "y1.jsonl"
    text = "قتل ثلاثة جنود في اشتباكات اندلعت فجر الاثنين قرب مدينة تكريت، بحسب مصدر أمني."
    rec = {"id": "0", "text": text, "published": "0001-01-07"}
    p.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["extract", str(p), "--db", str(tmp_path / "s.db"), "-q"]) == 0
    with pytest.raises(ValueError, match="outside"):
        rasd.extract(text, published=date(9999, 12, 31))


# -- issue 11: nothing lost, nothing silently wrong ---------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def _corpus(tmp_path, n=3):
    from helpers import corpus

    src = tmp_path / "c.jsonl"
    corpus(src, n)
    return src


def test_extracting_onto_its_own_input_keeps_it_byte_for_byte(tmp_path, capsys):
    """`rasd extract c.jsonl -o c.jsonl` emptied the corpus (issue 11, case 1)."""
    src = _corpus(tmp_path)
    before = src.read_bytes()
    assert main(["extract", str(src), "-o", str(src), "-q"]) == 2
    assert src.read_bytes() == before
    err = capsys.readouterr().err
    assert "would overwrite the input" in err and len(err.strip().splitlines()) == 1
    # the same through a pattern, and for the dead-letter file
    assert main(["extract", str(tmp_path / "*.jsonl"), "-o", str(src), "-q"]) == 2
    assert main(["extract", str(src), "--dead-letter", str(src), "-q"]) == 2
    assert src.read_bytes() == before


def test_a_missing_input_leaves_an_existing_output_alone(tmp_path, capsys):
    """`rasd extract typo.jsonl -o results.jsonl` emptied the results (issue 11, case 1)."""
    out = tmp_path / "results.jsonl"
    out.write_text('{"id": "kept", "events": []}\n', encoding="utf-8")
    assert main(["extract", str(tmp_path / "typo.jsonl"), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == '{"id": "kept", "events": []}\n'
    assert "no such file" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["results.jsonl"]  # no temporary left


def test_an_interrupted_run_leaves_the_output_as_it_was(tmp_path, monkeypatch, capsys):
    """Ctrl-C: one line, exit 130, no traceback, the old output intact (issue 11, case 13)."""
    import rasd.runner

    src = _corpus(tmp_path)
    out = tmp_path / "results.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def interrupted(article):
        raise KeyboardInterrupt

    monkeypatch.setattr(rasd.runner, "extract_article", interrupted)
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 130
    assert out.read_text(encoding="utf-8") == "old\n"
    assert capsys.readouterr().err.strip() == "rasd: interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "results.jsonl"]


def test_ctrl_c_in_a_real_process(tmp_path):
    import signal
    import time

    # enough articles that the run is still going when the first output bytes appear
    # (the writer flushes in blocks; 400 articles could finish before the signal came)
    src = _corpus(tmp_path, 5000)
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "rasd.cli", "extract", str(src), "-o", str(out), "-q"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(".o.jsonl.") and p.stat().st_size for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    # a signal that lands while Python runs a finalizer is swallowed by the interpreter
    # ("Exception ignored in …"): send it again, as a user presses Ctrl-C again
    for _ in range(20):
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=1)
            break
        except subprocess.TimeoutExpired:
            continue
    else:
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().strip().endswith("rasd: interrupted")
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["c.jsonl"]


def test_zero_workers_and_other_bad_numbers_are_refused_at_parse_time(capsys):
    """`--engine dask --workers 0` hung forever (issue 11, case 13)."""
    for args in (
        ["extract", "--engine", "dask", "--workers", "0"],
        ["extract", "--batch", "0"],
        ["extract", "--batch", "many"],
        ["watch", "https://example.org/rss", "--db", "x.db", "--every", "soon"],
        ["watch", "https://example.org/rss", "--db", "x.db", "--retries", "-1"],
    ):
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_parquet_output_is_parquet(tmp_path):
    """`-o x.parquet` wrote JSON Lines and `-f parquet` was refused (issue 11, case 2)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = _corpus(tmp_path, 4)
    out = tmp_path / "x.parquet"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    t = pq.read_table(out)
    rows = t.to_pylist()
    assert rows and all(r["article_id"] for r in rows)
    assert t.schema.field("event_date").type == pa.date32()
    assert t.schema.field("fatalities").type == pa.int64()
    assert t.schema.field("latitude").type == pa.float64()
    assert b"geo" in t.schema.metadata  # GeoParquet (docs/outputs/parquet.md)
    assert all(r["evidence"] and r["evidence_end"] > r["evidence_start"] for r in rows)
    fused = tmp_path / "fused.data"
    assert main(["extract", str(src), "-f", "parquet", "--fuse", "-o", str(fused), "-q"]) == 0
    f = pq.read_table(fused).to_pylist()
    assert f and all(r["rasd_id"].startswith("rasd-") and r["article_id"] for r in f)
    assert main(["extract", str(src), "-f", "parquet", "-q"]) == 2  # no file to write to


def _run(args, seed, env_extra=None):
    import os

    env = {**os.environ, "PYTHONHASHSEED": str(seed), **(env_extra or {})}
    r = subprocess.run(
        [sys.executable, "-m", "rasd.cli", *args], capture_output=True, env=env, check=True
    )
    return r.stdout


def test_output_bytes_are_the_same_whatever_the_hash_seed(tmp_path):
    """The key order of `confidence` followed the hash seed (issue 11, case 9)."""
    seed = str(ROOT / "src" / "rasd" / "data" / "examples" / "seed-73ea38c8.jsonl")
    for extra in (["-q"], ["--fuse", "-q"], ["-f", "acled-csv", "-q"]):
        env = {"SOURCE_DATE_EPOCH": "1700000000"}
        runs = {_run(["extract", seed, *extra], s, env) for s in (1, 2)}
        assert len(runs) == 1, extra
        assert next(iter(runs))


def test_the_cli_imports_neither_the_store_nor_dask_until_a_command_needs_them():
    # a cold `rasd extract` without --db pays for extraction only
    code = (
        "import sys, rasd.cli; "
        "print(sorted(m for m in ('sqlalchemy', 'dask', 'rasd.store.store', 'rasd.evaluate',"
        " 'rasd.watch', 'multiprocessing') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_store_error_is_still_one_line_when_the_store_is_imported_late(tmp_path):
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is no database file" * 100)
    src = tmp_path / "in.txt"
    src.write_text("نص قصير", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", str(src), "--db", str(bad), "-q"],
        capture_output=True,
        text=True,
    )
    assert r.returncode != 0
    assert r.stderr.startswith("rasd: ") and "Traceback" not in r.stderr
