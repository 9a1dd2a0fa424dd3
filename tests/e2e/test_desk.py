"""The analyst's desk in a real browser against a real `rasd serve`: filter, open the seed's
event, read both conflicting claims and the highlighted words, export CSV; and an article
full of markup that must stay text."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

SINCE, UNTIL = "2022-01-01", "2022-01-10"
SEED_ARTICLE = "seed-73ea38c8"
MARKUP = (
    '<script>window.__xss = "script"</script>'
    "قتل شخصان في انفجار عبوة ناسفة في مدينة الموصل اليوم، "
    "<img src=x onerror=\"window.__xss = 'img'\"> بحسب مصدر أمني "
    "<b onmouseover=\"window.__xss = 'b'\">عراقي</b>."
)


def _ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def _rows(page) -> list[str]:
    return page.eval_on_selector_all(
        '[data-testid="event-row"]', "rows => rows.map(r => r.getAttribute('data-event-id'))"
    )


def _wait_rows(page, ids: list[str]) -> None:
    page.wait_for_function(
        """want => {
          const got = [...document.querySelectorAll('[data-testid="event-row"]')]
            .map(r => r.getAttribute('data-event-id')).sort();
          return JSON.stringify(got) === JSON.stringify(want);
        }""",
        arg=sorted(ids),
    )


def _whole_panel(page, path) -> None:
    """The event panel from its summary to its claims: a viewport tall enough for all."""
    height = page.evaluate("() => document.querySelector('[data-testid=event-panel]').scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(max(900, height + 200), 6000)})
    page.wait_for_timeout(300)
    page.locator('[data-testid="event-panel"]').screenshot(path=str(path))
    page.set_viewport_size({"width": 1440, "height": 900})


def test_filter_open_the_seed_event_and_export(server, page, artifacts):
    everything = server.get("/events?limit=1000")["items"]
    _ready(page, server.base + "/")
    _wait_rows(page, [e["id"] for e in everything])
    assert page.locator('[data-testid="event-marker"], .ev-cluster').count() > 0

    # filter by country, then by date
    page.select_option('[data-testid="filter-country"]', "IRQ")
    iraq = server.get("/events?country=IRQ&limit=1000")["items"]
    _wait_rows(page, [e["id"] for e in iraq])
    page.fill('[data-testid="filter-since"]', SINCE)
    page.fill('[data-testid="filter-until"]', UNTIL)
    page.locator('[data-testid="filter-until"]').dispatch_event("change")
    wanted = server.get(f"/events?country=IRQ&since={SINCE}&until={UNTIL}&limit=1000")["items"]
    assert wanted and len(wanted) < len(iraq)
    _wait_rows(page, [e["id"] for e in wanted])
    assert set(
        page.eval_on_selector_all(
            '[data-testid="event-row"]', "rs => rs.map(r => r.getAttribute('data-country'))"
        )
    ) == {"IRQ"}
    assert "country=IRQ" in page.url and f"since={SINCE}" in page.url
    page.wait_for_timeout(500)  # markers settle
    page.screenshot(path=str(artifacts / "map.png"))

    # open the seed's Ain al-Asad event of 5 January from the list
    seed = next(
        e
        for e in wanted
        if e["location"] == "Ain al-Asad Air Base" and e["event_date"] == "2022-01-05"
    )
    page.click(f'[data-testid="event-row"][data-event-id="{seed["id"]}"]')
    panel = page.locator('[data-testid="event-panel"]')
    panel.locator('[data-testid="article-text"]').wait_for()
    page.wait_for_selector('[data-testid="article-text"] [data-testid="evidence-span"]')

    # both sides of the contradiction, each with its source and its words
    detail = server.get(f"/events/{seed['id']}")
    impact = next(c for c in detail["conflicts"] if c["field"] == "impact")
    assert panel.locator('[data-testid="conflict"][data-conflict="impact"]').count() == 1
    for claim in impact["claims"]:
        el = panel.locator(
            f'[data-testid="claim"][data-field="impact"][data-source="{claim["source"]}"]'
            '[data-conflict="impact"]'
        )
        assert el.count() >= 1, claim["source"]
        assert claim["quote"] in el.first.inner_text()
    sources = {c["source"] for c in impact["claims"]}
    assert sources == {"coalition official (AFP)", "security source (Alhurra)"}

    # the highlighted words are the article's own characters at the API's offsets
    text = server.get(f"/articles/{SEED_ARTICLE}")["text"]
    loc = detail["fields"]["location"][0]
    marks = panel.locator('[data-testid="evidence-span"][data-field="location"]')
    assert marks.count() >= 1
    assert text[loc["start"] : loc["end"]] in [
        marks.nth(i).inner_text() for i in range(marks.count())
    ]
    conflict_marks = panel.locator('[data-testid="evidence-span"].conflict')
    assert conflict_marks.count() >= 2
    shown = panel.locator('[data-testid="article-text"]').inner_text()
    assert shown.replace("\n", "") == text.replace("\n", "")
    page.screenshot(path=str(artifacts / "page.png"))
    _whole_panel(page, artifacts / "panel.png")

    # export the selection as CSV
    with page.expect_download() as dl:
        page.click('[data-testid="export-csv"]')
    path = dl.value.path()
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(io.StringIO(f.read())))
    assert {r["rasd_id"] for r in rows} == {e["id"] for e in wanted}
    assert {r["country"] for r in rows} == {"Iraq"}
    assert all(SINCE <= r["event_date"] <= UNTIL for r in rows)
    assert page.errors == [] and page.dialogs == []


def test_markup_in_an_article_stays_text(server, page, artifacts):
    status, stored = server.post(
        "/articles",
        {
            "id": "markup-article",
            "text": MARKUP,
            "published": "2022-01-06",
            "outlet": "<img src=x onerror=\"window.__xss='outlet'\">",
            "title": "<script>window.__xss='title'</script>عنوان",
        },
    )
    assert status == 201, stored
    (event_id,) = stored["events"]
    _ready(page, server.base + "/?" + urlencode({"event": event_id, "q": "<script>"}))
    text = page.locator('[data-testid="article-text"]')
    text.wait_for()
    page.wait_for_selector('[data-testid="article-text"] [data-testid="evidence-span"]')
    page.wait_for_timeout(300)
    shown = text.inner_text()
    assert '<script>window.__xss = "script"</script>' in shown
    assert "<img src=x onerror=" in shown
    panel = page.locator('[data-testid="event-panel"]')
    assert "<script>window.__xss='title'</script>" in panel.inner_text()
    # nothing became an element, nothing ran
    assert text.locator("script, img, b").count() == 0
    assert page.locator('[data-testid="event-panel"] script').count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    page.hover('[data-testid="article-text"]')
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    _whole_panel(page, artifacts / "panel-markup.png")
    assert page.errors == []


def test_rasd_demo_shows_the_seed_events_on_the_map(page, artifacts, tmp_path):
    """The README's first command ends in `rasd demo`: the seed's events on the map."""
    import subprocess
    import sys
    import time
    import urllib.request

    from server_process import free_port

    port = free_port()
    log = tmp_path / "demo.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "rasd.cli",
                "demo",
                "--no-browser",
                "--port",
                str(port),
                "--db",
                str(tmp_path / "demo.db"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(base + "/config.json", timeout=2).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
        assert f"serving {tmp_path / 'demo.db'} at {base}/" in log.read_text()
        _ready(page, base + "/")
        page.wait_for_selector('[data-testid="event-row"]')
        seed_rows = page.locator('[data-testid="event-row"]', has_text="Ain al-Asad Air Base")
        assert seed_rows.count() == 2
        # every seed event is on the map: a marker or inside a cluster
        n_markers = page.locator('[data-testid="event-marker"]').count()
        in_clusters = sum(
            int(t) for t in page.locator(".ev-cluster-count").all_inner_texts() if t.isdigit()
        )
        assert n_markers + in_clusters == len(_rows(page)) == 9
        page.screenshot(path=str(artifacts / "demo.png"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
