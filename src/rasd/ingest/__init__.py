"""Reading articles: plain-text files, folders of them, JSON Lines, CSV, Parquet, HTML
pages, RSS/Atom feeds, WARC crawls, URLs and stdin. One reader per format; this module
picks the reader for each input.
"""

from __future__ import annotations

import glob
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

from rasd.ingest import stream
from rasd.ingest.base import (
    Notice,
    Read,
    Skip,
    check_text,
    decode,
    make_article,
    parse_date,
)
from rasd.ingest.feeds import FEED_SUFFIXES, feed_file_articles
from rasd.ingest.html import HTML_SUFFIXES, html_article
from rasd.ingest.jsonl import read_jsonl_lines
from rasd.ingest.tables import csv_articles, parquet_articles
from rasd.ingest.warc import WARC_SUFFIXES, warc_articles
from rasd.ingest.web import fetch, read_url

__all__ = [
    "Notice",
    "Read",
    "Skip",
    "check_text",
    "decode",
    "expand",
    "fetch",
    "make_article",
    "parse_date",
    "read_inputs",
    "read_jsonl_lines",
    "read_path",
    "read_url",
]

GLOB_CHARS = "*?["


def read_path(
    path: Path, published: date | None = None, outlet: str | None = None
) -> Iterator[Read]:
    """Articles from a file (text or JSON Lines) or a folder of them."""
    if path.is_dir():
        files = [p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")]
        if not files:
            yield Skip(str(path), "empty folder (no files)", path=str(path))
        for p in files:
            yield from read_path(p, published, outlet)
        return
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from warc_articles(path, published, outlet)
        return
    if name.endswith(".parquet"):
        yield from parquet_articles(path, published, outlet)
        return
    try:
        with open(path, "rb") as fh:
            yield from _read_file(str(path), path.suffix.lower(), name, fh, published, outlet)
    except OSError as e:
        yield Skip(str(path), f"cannot read file ({e.strerror})", path=str(path))


def _read_file(
    doc: str, suffix: str, name: str, fh: IO[bytes], published: date | None, outlet: str | None
) -> Iterator[Read]:
    """The articles of an open file, read as it is used: a feed item, a JSON line or a CSV
    row at a time; an HTML page or a text file whole (it is one document)."""
    if name.endswith(FEED_SUFFIXES) or stream.lead(fh).lower().startswith(
        (b"<?xml", b"<rss", b"<feed")
    ):
        yield from feed_file_articles(doc, fh, outlet)
        return
    enc = stream.encoding(doc, fh)
    if isinstance(enc, Skip):
        yield Skip(enc.doc, enc.reason, path=doc)
        return
    if suffix in (".jsonl", ".ndjson") or (suffix == ".json" and stream.starts_with(fh, enc, "{")):
        yield from read_jsonl_lines(doc, stream.lines(fh, enc), published, outlet)
        return
    if name.endswith(".csv"):
        yield from csv_articles(doc, stream.text(fh, enc, newline="\n"), published, outlet)
        return
    decoded = stream.whole(fh, enc)
    if name.endswith(HTML_SUFFIXES) or decoded.lstrip()[:100].lower().startswith(
        ("<!doctype html", "<html")
    ):
        items = html_article(Path(doc).stem, decoded, published, outlet)
    else:
        items = iter([make_article(Path(doc).stem, decoded, published, outlet)])
    for it in items:  # a whole file: retried from its path
        yield Skip(it.doc, it.reason, path=doc) if isinstance(it, Skip) else it


def expand(spec: str) -> list[str]:
    """A path as given, or the files a quoted pattern ('crawl/*.jsonl') names, sorted."""
    if any(ch in spec for ch in GLOB_CHARS) and not Path(spec).exists():
        return sorted(glob.glob(spec, recursive=True))
    return [spec]


def read_inputs(
    paths: list[str], published: date | None = None, outlet: str | None = None
) -> Iterator[Read]:
    """Articles from every path; `-` reads stdin (JSON Lines if it starts with `{`, else one
    text); a quoted pattern reads the files it matches."""
    for p in paths:
        if p == "-":
            yield from _stdin(published, outlet)
            continue
        if p.startswith(("http://", "https://")):
            yield from read_url(p, published, outlet)
            continue
        matches = expand(p)
        if not matches:
            yield Skip(p, "no file matches the pattern")
        for m in matches:
            path = Path(m)
            if not path.exists():
                yield Skip(m, "no such file or folder")
                continue
            yield from read_path(path, published, outlet)


def _stdin(published: date | None, outlet: str | None) -> Iterator[Read]:
    """Standard input, copied to a temporary file as it comes (its encoding is that of
    all of it), then read like a file: JSON Lines if it starts with `{`, else one text."""
    with tempfile.TemporaryFile() as fh:
        shutil.copyfileobj(sys.stdin.buffer, fh)
        enc = stream.encoding("stdin", fh)
        if isinstance(enc, Skip):
            yield enc
        elif stream.starts_with(fh, enc, "{"):
            yield from read_jsonl_lines("stdin", stream.lines(fh, enc), published, outlet)
        else:
            decoded = stream.whole(fh, enc)
            art = make_article("stdin", decoded, published, outlet)
            yield Skip(art.doc, art.reason, raw=decoded) if isinstance(art, Skip) else art
