"""ACLED-shaped exports line up with ACLED's own: ids, inter codes, names, dates, scales,
districts, and the CSV / GeoJSON / GeoParquet files an analyst's code opens."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from rasd.cli import main
from rasd.model import Event, Evidence
from rasd.output.acled import AcledStyle, acled_row, source_scale

SEED = "src/rasd/data/examples/seed-73ea38c8.jsonl"
TEXT, NUMERIC = AcledStyle(), AcledStyle(inter="numeric")


def _event(**kw) -> Event:
    base = dict(
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2023, 3, 13),
        country="IRQ",
        admin1="Salah al-Din",
        location="Tikrit",
        latitude=34.6158,
        longitude=43.6786,
        geo_precision=1,
        article_id="a1",
        evidence_span=(10, 40),
    )
    base.update(kw)
    return Event(**base)


def _csv(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    """The bundled examples as JSON Lines, in order and reversed."""
    from helpers import EXAMPLES

    d = tmp_path_factory.mktemp("acled")
    lines = [
        x
        for f in sorted(EXAMPLES.glob("*.jsonl"))
        for x in f.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    fwd, rev = d / "fwd.jsonl", d / "rev.jsonl"
    fwd.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rev.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    return fwd, rev


@pytest.mark.parametrize("fuse", [False, True])
def test_ids_do_not_change_when_the_input_is_reversed(examples, tmp_path, fuse):
    fwd, rev = examples
    ids = []
    for src in (fwd, rev, fwd):
        out = tmp_path / f"{src.stem}.csv"
        assert main(["extract", str(src), "-o", str(out), "-q", *(["--fuse"] if fuse else [])]) == 0
        rows = _csv(out)
        key = ("article_id", "evidence_start", "event_date", "location")
        ids.append({tuple(r[k] for k in key): r["event_id_cnty"] for r in rows})
    assert len(ids[0]) == 9
    assert ids[0] == ids[1] == ids[2]
    assert len(set(ids[0].values())) == 9  # one id per event
    assert all(i[:3] in ("IRQ", "SYR") and i[3:].isdigit() for i in ids[0].values())


def test_stored_events_have_the_ids_of_the_unfused_export(examples, tmp_path):
    fwd, _ = examples
    main(["extract", str(fwd), "-o", str(tmp_path / "plain.csv"), "-q"])
    db = str(tmp_path / "s.db")
    main(["extract", str(fwd), "--db", db, "-q"])
    main(["events", "--db", db, "-o", str(tmp_path / "stored.csv")])
    plain = {r["event_id_cnty"] for r in _csv(tmp_path / "plain.csv")}
    stored = _csv(tmp_path / "stored.csv")
    assert {r["event_id_cnty"] for r in stored} == plain
    assert all(r["rasd_id"].startswith("rasd-") for r in stored)


def test_one_actor_interactions_as_acled_writes_them():
    ev = _event(actor1="Islamic State", inter1=2)
    row = acled_row(ev, 0, TEXT)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (
        "Rebel groups",
        "",
        "Rebel groups only",
    )
    row = acled_row(ev, 0, NUMERIC)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 0, "20")


def test_two_actor_interactions_put_the_lower_code_first():
    ev = _event(
        actor1="Unidentified armed group", inter1=3, actor2="Military Forces of Iraq", inter2=1
    )
    assert acled_row(ev, 0, TEXT)["interaction"] == "State forces-Political militias"
    assert acled_row(ev, 0, NUMERIC)["interaction"] == "13"
    vac = _event(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Islamic State",
        inter1=2,
        actor2="Civilians",
        inter2=7,
    )
    row = acled_row(vac, 0, TEXT)
    assert row["actor2"] == "Civilians (Iraq)" and row["inter2"] == "Civilians"
    assert row["interaction"] == "Rebel groups-Civilians"
    assert row["civilian_targeting"] == "Civilian targeting"


def test_a_violent_demonstration_is_coded_as_rioters():
    ev = _event(
        event_type="Riots",
        sub_event_type="Violent demonstration",
        actor1="Protesters",
        inter1=6,
    )
    row = acled_row(ev, 0, TEXT)
    assert (row["actor1"], row["inter1"], row["interaction"]) == (
        "Rioters (Iraq)",
        "Rioters",
        "Rioters only",
    )
    assert acled_row(ev, 0, NUMERIC)["interaction"] == "50"
    peaceful = _event(
        event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters", inter1=6
    )
    assert acled_row(peaceful, 0, TEXT)["actor1"] == "Protesters (Iraq)"


def test_state_forces_carry_the_government_period_of_the_day():
    def name(day: date, actor: str = "Military Forces of Iraq", country: str = "IRQ") -> str:
        return acled_row(_event(actor1=actor, inter1=1, event_date=day, country=country), 0)[
            "actor1"
        ]

    assert name(date(2023, 3, 13)) == "Military Forces of Iraq (2022-)"
    assert name(date(2022, 1, 5)) == "Military Forces of Iraq (2020-2022)"
    assert name(date(2023, 3, 13), "Police Forces of Iraq") == "Police Forces of Iraq (2022-)"
    # no period known: the plain name
    assert (
        name(date(2023, 3, 13), "Military Forces of Lebanon", "LBN") == "Military Forces of Lebanon"
    )


def test_export_tool_dates_as_an_option():
    ev = _event(event_date=date(2022, 1, 5))
    assert acled_row(ev, 0)["event_date"] == "2022-01-05"
    assert acled_row(ev, 0, AcledStyle(dates="acled"))["event_date"] == "05 January 2022"


def test_source_scale_in_acled_vocabulary():
    assert source_scale(["coalition official (AFP)"], ["Alhurra"]) == "Regional-International"
    assert source_scale(["SANA"], [""]) == "National"
    assert source_scale(["Reuters"], ["AFP"]) == "International"
    assert source_scale(["security source"], ["rasd example"]) == ""


def test_admin2_from_the_nearest_district_of_the_province():
    base = _event(
        admin1="Anbar",
        location="Ain al-Asad Air Base",
        latitude=33.8,
        longitude=42.44,
        geo_precision=1,
    )
    assert acled_row(base, 0)["admin2"] == "Heet"
    coarse = _event(
        admin1="Anbar", location="Ramadi", latitude=33.42, longitude=43.3, geo_precision=3
    )
    assert acled_row(coarse, 0)["admin2"] == ""


def test_associated_actors_from_the_role_evidence():
    ev = _event(actor1="Popular Mobilization Forces", inter1=3)
    ev.fields["actor1"] = [
        Evidence(0, 12, "الحشد الشعبي", "actor:الحشد الشعبي:subject"),
        Evidence(20, 31, "الجيش العراقي", "actor:الجيش العراقي:with"),
    ]
    row = acled_row(ev, 0)
    assert row["assoc_actor_1"] == "Military Forces of Iraq (2022-)"
    assert row["assoc_actor_2"] == ""


def test_csv_with_a_byte_order_mark_for_excel(tmp_path):
    out = tmp_path / "e.csv"
    assert main(["extract", SEED, "-o", str(out), "-q", "--bom", "--inter", "numeric"]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfevent_id_cnty,")
    rows = _csv(out)
    assert all(r["inter2"] != "" for r in rows)  # 0, not blank, in the numeric scheme


def test_geojson_features_have_ids_and_acled_columns(tmp_path):
    out = tmp_path / "e.geojson"
    assert main(["extract", SEED, "-o", str(out), "-q"]) == 0
    fc = json.loads(out.read_text(encoding="utf-8"))
    ids = [f["id"] for f in fc["features"]]
    assert ids and len(set(ids)) == len(ids)
    for f in fc["features"]:
        p = f["properties"]
        assert p["event_id_cnty"] == f["id"]
        assert [p["longitude"], p["latitude"]] == f["geometry"]["coordinates"]
        assert {"inter1", "interaction", "source_scale", "admin2"} <= set(p)


def test_geopandas_opens_the_parquet_of_extract_and_of_events(tmp_path):
    gpd = pytest.importorskip("geopandas")
    extracted = tmp_path / "x.parquet"
    assert main(["extract", SEED, "-o", str(extracted), "-q"]) == 0
    db = str(tmp_path / "s.db")
    main(["extract", SEED, "--db", db, "-q"])
    stored = tmp_path / "s.parquet"
    assert main(["events", "--db", db, "-o", str(stored), "-f", "parquet"]) == 0
    for path in (extracted, stored):
        gdf = gpd.read_parquet(path)
        assert len(gdf) == 7 and gdf.geometry.name == "geometry"
        assert gdf.crs is not None and gdf.crs.to_epsg() in (4326, None)
        assert str(gdf["fatalities"].dtype).startswith(("int", "Int"))
        assert isinstance(gdf["event_date"].dropna().iloc[0], date)
        row = gdf.iloc[0]
        assert (row.geometry.x, row.geometry.y) == (row["longitude"], row["latitude"])


def test_compare_with_an_acled_export(tmp_path, capsys):
    mine = tmp_path / "rasd.csv"
    main(["extract", SEED, "-o", str(mine), "-q"])
    rows = _csv(mine)
    # an "ACLED export" written for the test: two of rasd's events in ACLED's own form,
    # one event rasd does not have, and one in another country
    acled = tmp_path / "acled.csv"
    cols = [
        "event_date",
        "event_type",
        "sub_event_type",
        "country",
        "admin1",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
    ]
    ain = next(
        r
        for r in rows
        if r["location"] == "Ain al-Asad Air Base" and r["event_date"] == "2022-01-05"
    )
    with acled.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, cols, extrasaction="ignore")
        w.writeheader()
        w.writerow(
            {**ain, "event_date": "05 January 2022", "latitude": "33.79", "longitude": "42.43"}
        )
        w.writerow(
            {**rows[0], "event_date": "03 January 2022"}
            if rows[0]["event_date"] == "2022-01-03"
            else rows[0]
        )
        w.writerow(
            {
                "event_date": "04 January 2022",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "country": "Iraq",
                "admin1": "Nineveh",
                "latitude": "36.34",
                "longitude": "43.13",
                "geo_precision": "1",
                "fatalities": "2",
            }
        )
        w.writerow(
            {
                "event_date": "05 January 2022",
                "event_type": "Protests",
                "sub_event_type": "Peaceful protest",
                "country": "Jordan",
                "admin1": "Amman",
                "latitude": "31.95",
                "longitude": "35.93",
                "geo_precision": "1",
                "fatalities": "0",
            }
        )
    assert main(["compare", "--acled", str(acled), "--rasd", str(mine), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["countries"] == ["IRQ", "SYR"]
    assert out["acled"] == 3 and out["rasd"] == len(rows) and out["matched"] == 2
    assert out["by_type"]["Battles"] == {"acled": 1, "rasd": 0, "matched": 0}
    assert main(["compare", "--acled", str(acled), "--rasd", str(mine)]) == 0
    assert "matched 2" in capsys.readouterr().out
