"""`rasd watch` against feeds served from a local HTTP server."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from helpers import TEXT, rss

from rasd.cli import main
from rasd.store import Store
from rasd.watch import Poller, parse_every

STATE = {"items": [("a1", "انفجار في بغداد", TEXT)], "hits": {}}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server name
        STATE["hits"][self.path] = STATE["hits"].get(self.path, 0) + 1
        if self.path == "/feed.xml":
            body, code = rss(STATE["items"]).encode(), 200
        elif self.path == "/broken":
            body, code = b"server error", 500
        else:
            body, code = b"\x00\x01 not a feed at all", 200
        self.send_response(code)
        self.send_header("Content-Type", "application/rss+xml" if code == 200 else "text/plain")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture()
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_parse_every():
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("1h") == 3600


def test_items_appearing_over_time_are_stored_once(server, tmp_path):
    db = str(tmp_path / "w.db")
    STATE["items"] = [("a1", "انفجار في بغداد", TEXT)]
    assert (
        main(["watch", f"{server}/feed.xml", "--db", db, "--every", "0.01s", "--polls", "2"]) == 0
    )
    st = Store(db)
    assert st.counts()["articles"] == 1
    st.close()
    STATE["items"] = STATE["items"] + [
        (
            "a2",
            "اشتباكات في الموصل",
            "اندلعت اشتباكات بين الجيش العراقي ومسلحين في مدينة الموصل اليوم.",
        )
    ]
    assert (
        main(["watch", f"{server}/feed.xml", "--db", db, "--every", "0.01s", "--polls", "2"]) == 0
    )
    st = Store(db)
    assert st.counts()["articles"] == 2  # each item once, however often it was seen
    st.close()


def test_failing_feeds_are_retried_with_backoff_and_reported(server, tmp_path, capsys):
    waits = []
    p = Poller(
        [f"{server}/broken", f"{server}/garbage", f"{server}/feed.xml"],
        retries=2,
        backoff=0.5,
        sleep=waits.append,
    )
    items = p.poll()
    assert waits == [0.5, 1.0, 0.5, 1.0]  # exponential backoff for each failing feed
    reasons = [getattr(i, "reason", "") for i in items]
    assert sum("failed after 3 attempts" in r for r in reasons) == 2
    assert any(getattr(i, "url", None) for i in items)  # the good feed still delivered
    db = str(tmp_path / "w.db")
    assert (
        main(
            [
                "watch",
                f"{server}/broken",
                f"{server}/feed.xml",
                "--db",
                db,
                "--every",
                "0s",
                "--polls",
                "1",
                "--retries",
                "1",
                "--backoff",
                "0",
            ]
        )
        == 0
    )
    assert "failed 2 times" in capsys.readouterr().err


def test_a_local_feed_file_is_polled(tmp_path, capsys):
    """`rasd watch feed.xml` retried "unknown url type" for 35 s (issue 11, case 13)."""
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([("a1", "انفجار في بغداد", TEXT)]), encoding="utf-8")
    db = str(tmp_path / "w.db")
    assert main(["watch", str(feed), "--db", db, "--every", "0s", "--polls", "1"]) == 0
    assert "failed" not in capsys.readouterr().err
    feed.write_text(
        rss(
            [
                ("a1", "انفجار في بغداد", TEXT),
                ("a2", "اشتباكات", "اندلعت اشتباكات بين الجيش العراقي ومسلحين في الموصل اليوم."),
            ]
        ),
        encoding="utf-8",
    )
    assert main(["watch", f"file://{feed}", "--db", db, "--every", "0s", "--polls", "1"]) == 0
    st = Store(db)
    assert st.counts()["articles"] == 2
    st.close()


def test_a_feed_that_is_neither_url_nor_file_is_refused_at_once(tmp_path, capsys):
    for feed in (str(tmp_path / "missing.xml"), "ftp://example.org/feed.xml"):
        assert main(["watch", feed, "--db", str(tmp_path / "w.db")]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and feed in err
    assert not (tmp_path / "w.db").exists()
