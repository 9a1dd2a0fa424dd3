"""Readers hold one article at a time: the first comes before the rest of the input is
read, and memory does not grow with the number of articles."""

import csv
import io
import json
import sys
import tracemalloc

from helpers import TEXT, rss

from rasd.ingest import Skip, read_inputs
from rasd.ingest.feeds import feed_articles, feed_file_articles
from rasd.ingest.jsonl import read_jsonl_lines
from rasd.model import Article


class Guarded(io.BytesIO):
    """A file that fails if read beyond `limit` bytes."""

    def __init__(self, data: bytes, limit: int) -> None:
        super().__init__(data)
        self.limit = limit

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0 or self.tell() + size > self.limit:
            size = self.limit - self.tell()
            if size <= 0:
                raise AssertionError("read past the first record")
        return super().read(size)


def test_the_first_json_line_is_an_article_before_the_next_line_is_read():
    def lines():
        yield json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False)
        raise AssertionError("read past the first record")

    first = next(read_jsonl_lines("in.jsonl", lines(), None, None))
    assert isinstance(first, Article) and first.id == "a"


def test_the_first_feed_item_comes_before_the_rest_of_the_feed_is_read():
    many = rss([(f"i{n}", f"خبر {n}", TEXT) for n in range(8000)]).encode()
    end_of_first = many.index(b"</item>") + len(b"</item>")
    assert len(many) > 20 * 65536
    fh = Guarded(many, end_of_first + 65536)  # the parser reads ahead a block at most
    first = next(feed_file_articles("feed.xml", fh, None))
    assert isinstance(first, Article) and first.id == "i0" and first.outlet == "Example"


def test_a_feed_read_item_by_item_gives_what_the_whole_feed_gives(tmp_path):
    items = [("a1", "انفجار في بغداد", TEXT), ("a2", "قصير", "التفاصيل"), ("a3", "", "")]
    data = rss(items).encode()
    whole = list(feed_articles("feed.xml", data, None))
    streamed = list(feed_file_articles("feed.xml", io.BytesIO(data), None))
    assert streamed == whole and len(whole) == 3 and isinstance(whole[2], Skip)


def test_a_malformed_feed_is_still_read_leniently(tmp_path):
    data = rss([("a1", "انفجار &nbsp; في بغداد", TEXT)]).encode()
    got = list(feed_file_articles("feed.xml", io.BytesIO(data), None))
    assert got == list(feed_articles("feed.xml", data, None)) and len(got) == 1


def _peak_while_reading(path) -> tuple[int, int]:
    tracemalloc.start()
    n = 0
    try:
        for it in read_inputs([str(path)]):
            n += isinstance(it, Article)
        return n, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_of_reading_jsonl_does_not_grow_with_the_file(tmp_path):
    p = tmp_path / "many.jsonl"
    line = json.dumps({"text": TEXT}, ensure_ascii=False) + "\n"
    p.write_text(line * 40000, encoding="utf-8")  # ~7 MB
    n, peak = _peak_while_reading(p)
    assert n == 40000 and peak < p.stat().st_size // 3, (peak, p.stat().st_size)


def test_memory_of_reading_csv_does_not_grow_with_the_file(tmp_path):
    p = tmp_path / "many.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        for n in range(40000):
            w.writerow([f"r{n}", TEXT])
    n, peak = _peak_while_reading(p)
    assert n == 40000 and peak < p.stat().st_size // 3, (peak, p.stat().st_size)


def test_stdin_is_read_as_json_lines(monkeypatch):
    data = (json.dumps({"id": "s1", "text": TEXT}, ensure_ascii=False) + "\n") * 3
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    got = list(read_inputs(["-"]))
    assert [type(g) for g in got] == [Article] * 3


def test_a_reader_whose_file_its_owner_closed_first_ends_quietly():
    # an interrupt unwinds the owner's `with open(...)` before the half-read
    # generator is collected; ending the generator then must not raise
    from rasd.ingest.stream import text

    fh = io.BytesIO(b"one\ntwo\n")
    lines = text(fh, "utf-8")
    assert next(lines) == "one\n"
    fh.close()
    lines.close()
