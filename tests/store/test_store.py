"""The store on SQLite and, when RASD_TEST_PG names a server, on PostgreSQL (CI starts one)."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date

import pytest
from helpers import corpus
from sqlalchemy import create_engine, text

import rasd
from rasd.cli import main
from rasd.fuse.fusion import fuse
from rasd.store import Store, db_url

PG = os.environ.get("RASD_TEST_PG")
BACKENDS = ["sqlite"] + (["postgresql"] if PG else [])


def _reset_pg(url: str) -> None:
    eng = create_engine(db_url(url))
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "rasd.db")
    _reset_pg(PG)
    return PG


def test_rerun_stores_nothing_twice_and_a_changed_article_is_replaced(db, tmp_path):
    src = tmp_path / "c.jsonl"
    rows = corpus(src, 8)
    assert main(["extract", str(src), "--db", db, "-q"]) == 0
    st = Store(db)
    first = st.counts()
    assert first["articles"] == 8 and first["events"] > 0
    st.close()
    assert main(["extract", str(src), "--db", db, "-q"]) == 0  # nothing new: still success
    st = Store(db)
    assert st.counts() == {**first, "runs": 2}
    st.close()
    rows[0]["text"] = "قتل خمسة أشخاص في انفجار عبوة ناسفة في مدينة الموصل اليوم، بحسب مصدر أمني."
    src.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    assert main(["extract", str(src), "--db", db, "-q"]) == 0
    st = Store(db)
    after = st.counts()
    assert after["articles"] == 8
    assert any(r["location"] == "Mosul" for r in st.events())
    st.close()


def test_query_export_and_stats(db, tmp_path, capsys):
    src = tmp_path / "c.jsonl"
    corpus(src, 4)
    main(["extract", str(src), "--db", db, "-q"])
    out = tmp_path / "syr.csv"
    assert (
        main(["events", "--db", db, "--country", "SYR", "--since", "2022-01-01", "-o", str(out)])
        == 0
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,") and len(lines) > 1
    assert all(",Syria," in x for x in lines[1:])
    pq = tmp_path / "all.parquet"
    assert main(["events", "--db", db, "-f", "parquet", "-o", str(pq)]) == 0
    import pyarrow.parquet as pqm

    assert pqm.read_table(pq).num_rows > 0
    assert main(["stats", "--db", db, "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["totals"]["articles"] == 4 and st["by_country"]


def test_kill_mid_batch_then_rerun_processes_every_article_exactly_once(db, tmp_path):
    src = tmp_path / "c.jsonl"
    rows = corpus(src, 200)
    cmd = [sys.executable, "-m", "rasd.cli", "extract", str(src), "--db", db, "--batch", "5", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    eng = create_engine(db_url(db))
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with eng.connect() as conn:
                stored = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        except Exception:
            stored = 0  # the schema may not exist yet
        if stored >= 20:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    eng.dispose()
    assert 0 < stored < 200
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    st = Store(db)
    counts = st.counts()
    reports = []
    for r in rows:
        reports += rasd.extract(
            r["text"], published=date.fromisoformat(r["published"]), outlet=r["outlet"], id=r["id"]
        )
    assert counts["articles"] == 200  # nothing lost, nothing twice
    assert counts["reports"] == len(reports)
    assert counts["events"] == len(fuse(reports))
    with st.engine.connect() as conn:
        dup = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT key FROM articles GROUP BY key HAVING count(*) > 1) d"
            )
        ).scalar_one()
        statuses = [s for (s,) in conn.execute(text("SELECT status FROM runs ORDER BY id"))]
    assert dup == 0
    assert statuses == ["running", "done"]  # the killed run is on record as unfinished
    st.close()


# -- issue 11 --------------------------------------------------------------------------------

UNDATED = "قتل ثلاثة أشخاص في انفجار عبوة ناسفة في حي الكرادة ببغداد، بحسب مصدر أمني عراقي."


def test_an_undated_event_is_stored_and_listed(db, tmp_path, capsys):
    """Plain text without --published gave "reports 1, events 0" and `rasd events` printed
    nothing (issue 11, case 4)."""
    src = tmp_path / "a.txt"
    src.write_text(UNDATED, encoding="utf-8")
    dated = tmp_path / "c.jsonl"
    corpus(dated, 2)
    assert main(["extract", str(src), str(dated), "--db", db, "-q"]) == 0
    st = Store(db)
    c = st.counts()
    assert c["reports"] > 0 and c["events"] > 0
    undated = st.events(undated="only")
    assert len(undated) == 1 and undated[0]["event_date"] is None
    assert undated[0]["location"] == "Karrada"
    everything = st.events()
    assert everything[-1] == undated[0]  # oldest first, undated last
    assert st.stats()["by_day"]["undated"] == 1
    st.close()
    capsys.readouterr()
    assert main(["events", "--db", db]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == len(everything) and "(1 undated)" in out.err
    assert main(["events", "--db", db, "--since", "2000-01-01"]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == len(everything) - 1
    assert "1 undated events not listed" in out.err
    assert main(["events", "--db", db, "--undated", "exclude"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(everything) - 1
    # a changed article replaces its undated event instead of leaving the old one behind
    src.write_text(UNDATED.replace("ثلاثة", "أربعة"), encoding="utf-8")
    assert main(["extract", str(src), "--db", db, "-q"]) == 0
    st = Store(db)
    (again,) = st.events(undated="only")
    assert again["fatalities"] == 4 and st.counts()["events"] == c["events"]
    st.close()


def test_the_same_id_twice_in_one_input_keeps_both(db, tmp_path, capsys):
    """The store silently kept the last of two articles sharing an id (issue 11, case 7)."""
    src = tmp_path / "c.jsonl"
    first = {"id": "x", "text": UNDATED, "published": "2023-03-14"}
    second = {
        "id": "x",
        "text": "قتل جنديان في اشتباكات مع مسلحين قرب مدينة تكريت أمس، بحسب مصدر أمني.",
        "published": "2023-03-14",
    }
    src.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (first, second)) + "\n",
        encoding="utf-8",
    )
    assert main(["extract", str(src), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "already used by another article" in err and "1 warnings" in err
    st = Store(db)
    assert st.counts()["articles"] == 2
    ids = {r["article_id"] for e in st.events() for r in e["reports"]}
    assert "x" in ids and any(i.startswith("x~") for i in ids)
    st.close()
    assert main(["extract", str(src), "--db", db, "-q"]) == 0  # again: nothing new
    st = Store(db)
    assert st.counts()["articles"] == 2
    st.close()


def test_two_concurrent_ingests_end_as_one_run(db, tmp_path):
    """The second of two simultaneous runs died with IntegrityError, or `table
    alembic_version already exists` on a new store (issue 11, case 11)."""
    src = tmp_path / "c.jsonl"
    corpus(src, 40)
    cmd = [sys.executable, "-m", "rasd.cli", "extract", str(src), "--db", db, "--batch", "4", "-q"]
    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE) for _ in range(2)]
    errs = [p.communicate(timeout=300)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert not any("Traceback" in e or "Error" in e for e in errs), errs
    st = Store(db)
    together = (st.counts(), st.events())
    st.close()
    if db.startswith("postgresql"):
        _reset_pg(db)
        alone_db = db
    else:
        alone_db = str(tmp_path / "alone.db")
    assert main(["extract", str(src), "--db", alone_db, "-q"]) == 0
    st = Store(alone_db)
    alone = (st.counts(), st.events())
    st.close()
    assert {**together[0], "runs": 1} == alone[0]
    assert together[1] == alone[1]
