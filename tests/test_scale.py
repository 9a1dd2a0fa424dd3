"""Scale-out with a Dask LocalCluster gives what one process gives."""

import json

from helpers import corpus

from rasd.cli import main
from rasd.scale import plan
from rasd.store import Store


def test_plan_splits_jsonl_by_lines(tmp_path):
    src = tmp_path / "c.jsonl"
    corpus(src, 25)
    units = plan([str(tmp_path / "*.jsonl")], lines_per_unit=10)
    raw = src.read_bytes()
    assert [len(raw[u.start : u.stop].decode("utf-8").splitlines()) for u in units] == [10, 10, 5]
    assert b"".join(raw[u.start : u.stop] for u in units) == raw  # whole lines, nothing lost


def test_dask_local_cluster_matches_one_process(tmp_path):
    src = tmp_path / "c.jsonl"
    corpus(src, 30)
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    local, dask = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    assert main(["extract", str(src), "--db", local, "-q"]) == 0
    dead = tmp_path / "dead.jsonl"
    assert (
        main(
            [
                "extract",
                str(src),
                str(tmp_path / "bad.jsonl"),
                "--engine",
                "dask",
                "--workers",
                "2",
                "--db",
                dask,
                "--dead-letter",
                str(dead),
                "-q",
            ]
        )
        == 0
    )
    a, b = Store(local), Store(dask)
    ca, cb = a.counts(), b.counts()
    assert {k: ca[k] for k in ("articles", "reports", "events", "claims")} == {
        k: cb[k] for k in ("articles", "reports", "events", "claims")
    }
    assert [e["id"] for e in a.events()] == [e["id"] for e in b.events()]
    a.close()
    b.close()
    assert (
        "malformed JSON" in json.loads(dead.read_text(encoding="utf-8").splitlines()[0])["reason"]
    )


def test_fsspec_urls_are_planned_and_read(tmp_path):
    from rasd.scale import _read_unit

    src = tmp_path / "c.jsonl"
    rows = corpus(src, 12)
    (tmp_path / "one.txt").write_text(rows[0]["text"], encoding="utf-8")
    units = plan([f"file://{tmp_path}/*.jsonl", f"file://{tmp_path}/one.txt"], lines_per_unit=5)
    assert [u.path.startswith("file://") for u in units] == [True] * 4
    got = [a for u in units for a in _read_unit(u, None, None)]
    assert [a.id for a in got[:12]] == [r["id"] for r in rows]
    assert got[12].text == rows[0]["text"]
