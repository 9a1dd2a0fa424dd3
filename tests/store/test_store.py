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
