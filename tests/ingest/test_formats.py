"""HTML, CSV, Parquet, WARC and RSS inputs; a dead-letter file for what cannot be read."""

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
from helpers import HTML, TEXT, rss

from rasd.cli import main
from rasd.ingest import Skip, read_inputs
from rasd.model import Article


def read(path):
    return list(read_inputs([str(path)]))


def test_html_boilerplate_is_removed(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    (a,) = read(p)
    assert isinstance(a, Article) and "الكرادة" in a.text
    assert "جميع الحقوق" not in a.text and "رياضة" not in a.text


def test_csv_and_parquet_rows(tmp_path):
    c = tmp_path / "a.csv"
    c.write_text(
        f"id,text,published,outlet\nx1,{TEXT},2023-03-13,O\nx2,,2023-03-13,O\n", encoding="utf-8"
    )
    got = read(c)
    assert isinstance(got[0], Article) and got[0].published.isoformat() == "2023-03-13"
    assert isinstance(got[1], Skip)
    p = tmp_path / "a.parquet"
    pq.write_table(
        pa.Table.from_pylist(
            [{"id": "p1", "text": TEXT, "published": "2023-03-13", "outlet": "O"}]
        ),
        p,
    )
    (a,) = read(p)
    assert isinstance(a, Article) and a.id == "p1"


def test_warc_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        rec = w.create_warc_record(
            "https://news.example/a",
            "response",
            payload=io.BytesIO(HTML.encode()),
            http_headers=headers,
        )
        w.write_record(rec)
    (a,) = read(p)
    assert isinstance(a, Article) and a.url == "https://news.example/a" and "الكرادة" in a.text


def test_rss_items_become_articles(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(rss([("a1", "انفجار في بغداد", TEXT)]), encoding="utf-8")
    (a,) = read(p)
    assert (
        isinstance(a, Article)
        and a.url == "https://news.example/a1"
        and a.published.isoformat() == "2023-03-13"
    )


def test_dead_letter_file_lists_skipped_documents(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "english.txt").write_text(
        "Only English words here, nothing Arabic at all.", encoding="utf-8"
    )
    dead = tmp_path / "dead.jsonl"
    assert (
        main(
            [
                "extract",
                str(tmp_path / "good.txt"),
                str(tmp_path / "english.txt"),
                "--dead-letter",
                str(dead),
                "-q",
            ]
        )
        == 0
    )
    recs = [json.loads(x) for x in dead.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 1 and "not Arabic" in recs[0]["reason"]


def _warc(path, html: str, date_header: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        rec = w.create_warc_record(
            "https://news.example/b",
            "response",
            payload=io.BytesIO(html.encode()),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date_header},
        )
        w.write_record(rec)


def test_a_warc_page_without_a_date_does_not_take_the_crawl_day(tmp_path):
    """«أمس» became the day before the crawl (issue 11, case 6)."""
    p = tmp_path / "crawl.warc.gz"
    _warc(p, HTML, "2024-06-30T12:00:00Z")
    (a,) = read(p)
    assert isinstance(a, Article) and a.published is None


def test_an_rss_item_is_one_event_not_title_and_body(tmp_path):
    """The title became an event of the publication day and the body another of «أمس»,
    and --fuse kept both (issue 11, case 8)."""
    title = "مقتل ثلاثة أشخاص بانفجار عبوة ناسفة في بغداد"
    body = (
        "قتل ثلاثة أشخاص أمس الأحد في انفجار عبوة ناسفة في حي الكرادة ببغداد، بحسب مصدر أمني عراقي."
    )
    p = tmp_path / "feed.xml"
    p.write_text(rss([("a1", title, body)]), encoding="utf-8")
    (a,) = read(p)
    assert a.title == title and a.text == body
    out = tmp_path / "e.jsonl"
    assert main(["extract", str(p), "--fuse", "-o", str(out), "-q"]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["event_date"] for r in recs] == ["2023-03-12"]


def test_a_short_rss_summary_keeps_its_title(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(rss([("a1", "قتل ثلاثة أشخاص في انفجار ببغداد", "التفاصيل")]), encoding="utf-8")
    (a,) = read(p)
    assert isinstance(a, Article) and a.text.startswith("قتل ثلاثة أشخاص")


def test_deeply_nested_html_is_read(tmp_path):
    """HTML nested 255+ levels deep was skipped as "no article text" (issue 11, case 15)."""
    for depth, deep in ((300, False), (5000, True)):
        page = (
            "<html><head><title>انفجار</title></head><body>"
            + "<div>" * depth
            + f"<p>{TEXT}</p>"
            + "</div>" * depth
            + "</body></html>"
        )
        p = tmp_path / f"deep{depth}.html"
        p.write_text(page, encoding="utf-8")
        got = read(p)
        art = [g for g in got if isinstance(g, Article)]
        assert len(art) == 1 and "الكرادة" in art[0].text, got
        from rasd.ingest import Notice

        assert any(isinstance(g, Notice) for g in got) == deep


def test_a_bad_csv_row_is_one_skip_and_the_rows_after_it_are_read(tmp_path):
    """A bare carriage return in a field raised csv.Error out of the reader and ended the
    run with a traceback (found by the fuzzer, kept in tests/fuzz/crashes/)."""
    c = tmp_path / "a.csv"
    c.write_text(f"id,text\nx1,{TEXT}\nx2,broken\rfield\nx3,{TEXT}\n", encoding="utf-8", newline="")
    got = read(c)
    assert [type(g).__name__ for g in got] == ["Article", "Skip", "Article"]
    assert "unreadable CSV row" in got[1].reason and got[2].id == "x3"
