"""The REST API over a store of the bundled examples, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io

PROBLEM = "application/problem+json"


def _ids(client, **params) -> list[str]:
    r = client.get("/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["items"]]


def test_events_filters_select_what_they_name(client):
    everything = client.get("/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) == 9
    iraq = client.get("/events", params={"country": "irq", "limit": 1000}).json()["items"]
    assert iraq and all(e["country"] == "IRQ" and e["country_name"] == "Iraq" for e in iraq)
    syria = _ids(client, country="SYR")
    assert syria and not set(syria) & {e["id"] for e in iraq}
    jan5 = client.get("/events", params={"since": "2022-01-05", "until": "2022-01-05"}).json()
    assert jan5["total"] > 0 and {e["event_date"] for e in jan5["items"]} == {"2022-01-05"}
    battles = client.get("/events", params={"event_type": "Battles"}).json()["items"]
    assert [e["sub_event_type"] for e in battles] == ["Armed clash"]
    assert _ids(client, sub_event_type="Protest with intervention") == [
        e["id"] for e in client.get("/events", params={"event_type": "Protests"}).json()["items"]
    ]
    police = client.get("/events", params={"actor": "Police Forces of Iraq"}).json()["items"]
    assert police and all("Police Forces of Iraq" in (e["actor1"], e["actor2"]) for e in police)
    sohr = client.get("/events", params={"source": "Syrian Observatory for Human Rights"})
    assert sohr.json()["total"] >= 1
    assert _ids(client, admin1="Anbar") == _ids(client, bbox="41,32,43,34.5")


def test_free_text_finds_english_words_and_the_arabic_of_the_article(client):
    english = client.get("/events", params={"q": "tikrit"}).json()["items"]
    assert [e["location"] for e in english] == ["Tikrit"]
    arabic = client.get("/events", params={"q": "عين الأسد"}).json()["items"]
    assert {e["location"] for e in arabic} >= {"Ain al-Asad Air Base"}
    assert client.get("/events", params={"q": "no such words anywhere"}).json()["total"] == 0
    # LIKE wildcards are plain characters
    assert client.get("/events", params={"q": "%"}).json()["total"] == 0


def test_paging_is_stable_newest_first_and_capped(client):
    pages = [
        client.get("/events", params={"limit": 2, "offset": o}).json()["items"]
        for o in range(0, 10, 2)
    ]
    seen = [e["id"] for p in pages for e in p]
    assert len(seen) == len(set(seen)) == 9
    days = [e["event_date"] for p in pages for e in p]
    assert days == sorted(days, reverse=True)
    page = client.get("/events", params={"limit": 50_000}).json()
    assert page["limit"] == 1000  # capped at max_limit
    assert client.get("/events").json()["limit"] == 100


def test_summary_has_the_contract_fields(client):
    e = client.get("/events", params={"country": "IRQ", "limit": 1}).json()["items"][0]
    for k in [
        "id",
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "country",
        "country_name",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "actor1",
        "actor2",
        "fatalities",
        "injuries",
        "weapon",
        "munitions",
        "sources",
        "source_scale",
        "notes",
        "n_reports",
        "n_conflicts",
    ]:
        assert k in e, k
    assert e["event_id_cnty"].startswith("IRQ") and e["event_id_cnty"][3:].isdigit()
    assert "updated_at" not in e


def test_the_seed_event_carries_both_conflicting_claims_and_its_evidence(client, seed_event_id):
    ev = client.get(f"/events/{seed_event_id}").json()
    assert ev["location"] == "Ain al-Asad Air Base" and ev["n_conflicts"] == 2
    assert {c["field"] for c in ev["conflicts"]} == {"impact", "damage"}
    impact = next(c for c in ev["conflicts"] if c["field"] == "impact")
    values = {c["value"] for c in impact["claims"]}
    assert values == {"inside", "outside"}
    # conflicts name the claims they oppose
    for cid, c in zip(impact["claim_ids"], impact["claims"], strict=True):
        assert ev["claims"][cid]["quote"] == c["quote"]
    assert all(e["article_id"] == "seed-73ea38c8" for e in ev["fields"]["location"])
    assert ev["reports"][0]["article_id"] == "seed-73ea38c8"
    assert ev["source_scale"] == "Regional-International"  # Alhurra relaying AFP


def test_an_article_is_its_exact_text_with_spans_in_code_points(client, seed, seed_event_id):
    art = client.get("/articles/seed-73ea38c8").json()
    assert art["text"] == seed["text"]
    assert art["spans"]
    for sp in art["spans"]:
        assert art["text"][sp["start"] : sp["end"]] == sp["text"]
        assert sp["event_id"].startswith("rasd-") and sp["report"].startswith("seed-73ea38c8#")
    ev = client.get(f"/events/{seed_event_id}").json()
    for c in ev["claims"]:
        assert art["text"][c["start"] : c["end"]] == c["quote"]


def test_unknown_things_are_404_problems(client):
    for path in ("/events/rasd-000000000000", "/articles/nope", "/nothing-here"):
        r = client.get(path)
        assert r.status_code == 404 and r.headers["content-type"] == PROBLEM
        body = r.json()
        assert body["status"] == 404 and body["title"] and body["detail"]


def test_control_characters_in_ids_are_refused(client):
    for path in ("/events/rasd-%00", "/articles/a%00b"):
        r = client.get(path)
        assert r.status_code == 400 and r.headers["content-type"] == PROBLEM


def test_bad_parameters_are_4xx_problems(client):
    for params in (
        {"since": "yesterday"},
        {"country": "Iraq"},
        {"bbox": "1,2,3"},
        {"bbox": "10,0,5,1"},
        {"limit": -1},
        {"format": "xml"},
        {"since": "2022-02-01", "until": "2022-01-01"},
        {"q": "a\x00b"},
    ):
        r = client.get("/events", params=params)
        assert 400 <= r.status_code < 500, params
        assert r.headers["content-type"] == PROBLEM, params
        assert "Traceback" not in r.text


def test_csv_export_is_acled_csv_with_every_matching_event(client):
    r = client.get("/events", params={"country": "IRQ", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == int(r.headers["x-total-count"]) == 5
    assert {row["country"] for row in rows} == {"Iraq"}
    assert all(row["event_id_cnty"].startswith("IRQ") for row in rows)
    bom = client.get("/events", params={"format": "csv", "bom": "true"})
    assert bom.content.startswith(b"\xef\xbb\xbfevent_id_cnty,")
    by_accept = client.get("/events", headers={"accept": "text/csv"})
    assert by_accept.text.startswith("event_id_cnty,")


def test_geojson_export_has_ids_and_acled_columns(client):
    r = client.get("/events", params={"format": "geojson"})
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 9
    f = fc["features"][0]
    assert f["id"].startswith("rasd-") and f["properties"]["rasd_id"] == f["id"]
    assert {"event_id_cnty", "inter1", "interaction", "admin2"} <= set(f["properties"])


def test_stats_take_the_event_filters(client):
    st = client.get("/stats").json()
    assert st["totals"]["events"] == 9 and st["totals"]["articles"] == 4
    assert {c["iso3"] for c in st["countries"]} == {"IRQ", "SYR"}
    assert any(a["name"] == "Coalition forces" for a in st["actors"])
    iraq = client.get("/stats", params={"country": "IRQ"}).json()
    assert iraq["by_country"] == {"IRQ": 5} and sum(iraq["by_day"].values()) == 5


def test_config_says_whether_writing_is_enabled(client, fresh_client):
    cfg = client.get("/config.json").json()
    assert cfg["write_enabled"] is True and cfg["tile_url"] is None
    with fresh_client(token=None) as c:
        assert c.get("/config.json").json()["write_enabled"] is False


def test_extract_returns_events_and_stores_nothing(client):
    text = "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت أمس، بحسب مصدر أمني."
    before = client.get("/stats").json()["totals"]
    r = client.post("/extract", json={"text": text, "published": "2023-03-14"})
    assert r.status_code == 200, r.text
    (ev,) = r.json()["events"]
    assert ev["event_type"] == "Battles" and ev["event_date"] == "2023-03-13"
    assert ev["fields"]["location"][0]["text"] in text
    assert client.get("/stats").json()["totals"] == before
    english = client.post("/extract", json={"text": "Three soldiers were killed near Tikrit."})
    assert english.status_code == 422 and "not Arabic" in english.json()["detail"]
    assert client.post("/extract", json={"txt": text}).status_code == 422
    # a day the calendar arithmetic cannot step back from (found by schemathesis)
    year_one = client.post("/extract", json={"text": text, "published": "0001-01-07"})
    assert year_one.status_code == 422


def test_writing_needs_the_token(fresh_client):
    body = {
        "text": "قتل شخصان في انفجار عبوة ناسفة في مدينة الموصل اليوم، بحسب مصدر أمني.",
        "published": "2023-03-01",
    }
    with fresh_client(token=None) as c:
        r = c.post("/articles", json=body, headers={"authorization": "Bearer anything"})
        assert r.status_code == 403 and r.headers["content-type"] == PROBLEM
    with fresh_client(token="s3cret") as c:
        assert c.post("/articles", json=body).status_code == 401
        wrong = c.post("/articles", json=body, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401 and "bearer" in wrong.headers["www-authenticate"].lower()
        ok = c.post("/articles", json=body, headers={"authorization": "Bearer s3cret"})
        assert ok.status_code == 201, ok.text
        stored = ok.json()
        assert stored["status"] == "new" and stored["events"]
        mosul = c.get("/events", params={"q": "mosul"}).json()["items"]
        assert [e["id"] for e in mosul] == stored["events"]
        again = c.post("/articles", json=body, headers={"authorization": "Bearer s3cret"})
        assert again.status_code == 200 and again.json()["status"] == "unchanged"
        clash = c.post(
            "/articles",
            json={**body, "id": "example-clash", "url": "https://example.org/other"},
            headers={"authorization": "Bearer s3cret"},
        )
        assert clash.status_code == 409  # that id belongs to another stored article


def test_bodies_over_the_limit_are_refused(fresh_client):
    with fresh_client(token="s3cret", max_body=2000) as c:
        big = {"text": "قتل " * 2000}
        r = c.post("/extract", json=big)
        assert r.status_code == 413 and r.headers["content-type"] == PROBLEM

        def chunks():  # no Content-Length: counted while read
            yield b'{"text": "'
            for _ in range(100):
                yield "قتل ".encode() * 20
            yield b'"}'

        r = c.post("/extract", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_an_unexpected_error_is_a_bare_500(fresh_client, monkeypatch):
    from rasd.store import queries

    def boom(*_a, **_k):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(queries, "count_events", boom)
    with fresh_client() as c:
        r = c.get("/events")
    assert r.status_code == 500 and r.headers["content-type"] == PROBLEM
    assert "secret" not in r.text and "Traceback" not in r.text
    assert r.json()["detail"] == "The server could not answer this request."


def test_page_assets_schema_and_docs_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert client.get("/static/countries-50m.json").json()["type"] == "Topology"
    schema = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/stats", "/extract", "/articles"} <= set(
        schema["paths"]
    )
    assert "ProblemDetails" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 200
