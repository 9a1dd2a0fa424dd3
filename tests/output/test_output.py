import csv
import io
import json

from rasd.output.writers import ACLED_COLUMNS, Writer


def test_acled_csv_has_acled_columns_in_order_then_extras(seed_events):
    buf = io.StringIO()
    w = Writer(buf, "acled-csv")
    w.article("seed", seed_events)
    w.close()
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows[0][:31] == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert "injuries" in rows[0][31:]
    fat = rows[0].index("fatalities")
    assert all(r[fat].isdigit() for r in rows[1:])  # null written as 0, as ACLED does


def test_jsonl_one_line_per_article_with_spans(seed_events):
    buf = io.StringIO()
    w = Writer(buf, "jsonl")
    w.article("seed", seed_events)
    w.article("empty", [])
    w.close()
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["seed", "empty"]
    assert lines[1]["events"] == []
    ev = lines[0]["events"][0]
    assert "fields" in ev and "evidence_span" in ev and ev["event_type"]


def test_geojson_is_a_feature_collection(seed_events):
    buf = io.StringIO()
    w = Writer(buf, "geojson")
    w.article("seed", seed_events)
    w.close()
    gj = json.loads(buf.getvalue())
    assert gj["type"] == "FeatureCollection" and gj["features"]
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_events_written_to_a_parquet_name_are_parquet(tmp_path, capsys):
    """`rasd events -o x.parquet` wrote JSON Lines into the file (issue 11, case 2)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from helpers import corpus

    from rasd.cli import main

    src = tmp_path / "c.jsonl"
    corpus(src, 4)
    db = str(tmp_path / "x.db")
    assert main(["extract", str(src), "--db", db, "-q"]) == 0
    out = tmp_path / "x.parquet"
    assert main(["events", "--db", db, "-o", str(out)]) == 0
    t = pq.read_table(out)
    assert t.num_rows > 0 and t.schema.field("event_date").type == pa.date32()
    assert all(r["id"].startswith("rasd-") for r in t.to_pylist())


def test_an_output_file_appears_only_when_complete(tmp_path):
    from rasd.output.writers import atomic_output

    target = tmp_path / "o.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with atomic_output(target) as f:
        f.fh.write("new\n")
        assert target.read_text(encoding="utf-8") == "old\n"  # not yet
    assert target.read_text(encoding="utf-8") == "old\n"  # not committed: discarded
    with atomic_output(target) as f:
        f.fh.write("new\n")
        f.commit()
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["o.jsonl"]


def test_confidence_keys_are_written_in_a_fixed_order():
    from rasd.output.writers import stable

    rec = {"id": "x", "confidence": {"injuries": 0.5, "fatalities": 0.9, "damage": 0.3}}
    assert list(stable(rec)["confidence"]) == ["damage", "fatalities", "injuries"]
    assert list(stable(rec)) == ["id", "confidence"]
