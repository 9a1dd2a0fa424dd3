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
