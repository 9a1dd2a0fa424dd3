"""`rasd extract --jobs N`: a pool of processes gives the same output bytes, in input
order, the same skips and failures, with every output format, --fuse and --db."""

import json
import multiprocessing
import sqlite3

import pytest
from helpers import EXAMPLES

import rasd.parallel
from rasd.cli import main

SENTENCES = [
    "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت أمس، بحسب مصدر أمني.",
    "أصيب خمسة مدنيين في قصف مدفعي على بلدة في ريف إدلب الجنوبي صباح اليوم.",
    "تظاهر مئات الطلاب أمام مبنى البرلمان في بغداد للمطالبة بفرص عمل.",
    "هذا نص بلا أي حادث يذكر عن الطقس المعتدل في المدينة.",
]


def _corpus(path, copies=6):
    """The bundled examples and the sentences above, repeated (ids kept distinct), with a
    bad line and an empty text among them."""
    base = [
        json.loads(x)
        for f in sorted(EXAMPLES.glob("*.jsonl"))
        for x in f.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    base += [{"id": f"s{i}", "text": t, "published": "2023-03-14"} for i, t in enumerate(SENTENCES)]
    with path.open("w", encoding="utf-8") as f:
        for c in range(copies):
            for r in base:
                f.write(json.dumps({**r, "id": f"{r['id']}-{c}"}, ensure_ascii=False) + "\n")
            f.write("{not json\n")
            f.write(json.dumps({"id": f"empty-{c}", "text": ""}) + "\n")
    return path


def _run(args, capsys):
    code = main(args)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["jsonl", "acled-csv", "geojson", "parquet"])
def test_jobs_give_the_same_bytes_in_every_format(tmp_path, capsys, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # ACLED's timestamp column
    src = _corpus(tmp_path / "in.jsonl")
    outs = {}
    for jobs in (1, 2, 3):
        out = tmp_path / f"out-{jobs}.{fmt}"
        code, err = _run(
            ["extract", str(src), "-f", fmt, "-o", str(out), "--jobs", str(jobs)], capsys
        )
        assert code == 0
        outs[jobs] = (out.read_bytes(), err)
    assert outs[1][0] and outs[2] == outs[1] and outs[3] == outs[1]
    assert "12 documents skipped" in outs[1][1]


def test_jobs_with_fuse_and_the_bundled_examples(tmp_path, capsys):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _run(["extract", "--fuse", "-q", "-o", str(one)], capsys)[0] == 0
    assert _run(["extract", "--fuse", "-q", "-o", str(two), "-j", "2"], capsys)[0] == 0
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 0


def test_jobs_fill_the_store_as_one_process_does(tmp_path, capsys):
    src = _corpus(tmp_path / "in.jsonl", copies=2)
    counts = []
    for jobs in (1, 2):
        db = tmp_path / f"s{jobs}.db"
        args = ["extract", str(src), "-q", "--db", str(db), "--batch", "7", "-j", str(jobs)]
        assert _run(args, capsys)[0] == 0
        with sqlite3.connect(db) as con:
            counts.append(
                [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles",)]
            )
        again = _run(args, capsys)[1]
        assert "already stored" in again
    assert counts[0] == counts[1] and counts[0][0] > 0


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="the failing extraction is patched in this process; spawned workers would not see it",
)
def test_a_failing_extraction_in_a_worker_is_one_skip_as_in_one_process(
    tmp_path, capsys, monkeypatch
):
    real = rasd.parallel.extract_article

    def fragile(article):
        if "الطلاب" in article.text:
            raise RuntimeError("broken on purpose")
        return real(article)

    monkeypatch.setattr(rasd.parallel, "extract_article", fragile)
    monkeypatch.setattr("rasd.runner.extract_article", fragile)
    src = _corpus(tmp_path / "in.jsonl", copies=3)
    results = []
    for jobs in (1, 2):
        out, dead = tmp_path / f"o{jobs}.jsonl", tmp_path / f"d{jobs}.jsonl"
        args = ["extract", str(src), "-o", str(out), "--dead-letter", str(dead), "-j", str(jobs)]
        code, err = _run(args, capsys)
        reasons = [json.loads(x)["reason"] for x in dead.read_text(encoding="utf-8").splitlines()]
        results.append((code, out.read_bytes(), err.count("broken on purpose"), reasons))
    assert results[0] == results[1]
    assert results[0][2] == 3 and sum("broken on purpose" in r for r in results[0][3]) == 3


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_one_or_more(value, capsys):
    assert main(["extract", "--jobs", value]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_jobs_are_for_the_local_engine(capsys):
    assert main(["extract", "--engine", "dask", "--jobs", "2"]) == 2
    assert "--workers" in capsys.readouterr().err
