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
