"""Reading a file without holding it whole: its start (to tell the format), the encoding
`decode` would choose for all of it (found in one pass over the bytes, a chunk at a
time), then its text line by line. Memory stays that of one line, whatever the size of
the file.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Generator, Iterator
from contextlib import closing
from typing import IO

import regex

from rasd.ingest.base import Skip, is_binary
from rasd.settings import SETTINGS

CHUNK = 1 << 18  # bytes read at a time
_ARABIC = regex.compile(r"\p{Arabic}")
_BYTES_SPACE = b" \t\n\r\x0b\x0c"  # what bytes.lstrip removes


def lead(fh: IO[bytes], size: int = 200) -> bytes:
    """The first `size` bytes after leading white space (what `raw.lstrip()[:size]` gives)."""
    fh.seek(0)
    kept = b""
    while len(kept) < size:
        chunk = fh.read(CHUNK)
        if not chunk:
            break
        kept = kept + chunk if kept else chunk.lstrip(_BYTES_SPACE)
    return kept[:size]


def _valid(fh: IO[bytes], encoding: str) -> bool:
    """Whether all of the file decodes in `encoding` (one chunk at a time)."""
    fh.seek(0)
    dec = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := fh.read(CHUNK):
            dec.decode(chunk)
        dec.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def encoding(doc: str, fh: IO[bytes]) -> str | Skip:
    """The encoding `decode` would read the whole file in, or why it cannot be read:
    UTF-8 (or UTF-16 with a byte-order mark), else Windows-1256; binary content is one
    skip."""
    fh.seek(0)
    head = fh.read(20000)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16" if _valid(fh, "utf-16") else Skip(doc, "undecodable bytes (broken UTF-16)")
    if is_binary(head):
        return Skip(doc, "binary content")
    if _valid(fh, "utf-8-sig"):
        return "utf-8-sig"
    # legacy Windows Arabic: every byte is a character; one code page per byte
    if len(_ARABIC.findall(head.decode("cp1256"))) < SETTINGS.min_arabic:
        return Skip(doc, "undecodable bytes (not UTF-8)")
    return "cp1256"


def text(fh: IO[bytes], enc: str, newline: str = "") -> Generator[str, None, None]:
    """The file's text in `enc`, a line at a time, line ends kept as they are."""
    fh.seek(0)
    wrapper = io.TextIOWrapper(fh, encoding=enc, newline=newline)
    try:
        for line in wrapper:  # noqa: UP028 - `yield from` would close the file on close()
            yield line
    finally:
        # the file stays open for its owner; if the owner closed it first (an
        # interrupt unwinding its `with`), there is nothing left to hand back
        if not fh.closed:
            wrapper.detach()


def whole(fh: IO[bytes], enc: str) -> str:
    """All of the text (a single document: an HTML page, a text file)."""
    return "".join(text(fh, enc))


def lines(fh: IO[bytes], enc: str) -> Iterator[str]:
    """The lines of the text, read one at a time, without their ends. Lines end at LF, CR
    or CR LF only: JSON may hold U+2028, U+2029 and U+0085 raw inside a string (Python's
    `json.dumps(..., ensure_ascii=False)` writes them so), where `str.splitlines()` would
    cut the line in two."""
    for physical in text(fh, enc):
        yield physical.rstrip("\r\n")


def starts_with(fh: IO[bytes], enc: str, prefix: str) -> bool:
    """Whether the text, leading white space dropped, begins with `prefix`."""
    with closing(text(fh, enc)) as physical_lines:
        for physical in physical_lines:
            stripped = physical.lstrip()
            if stripped:
                return stripped.startswith(prefix)
    return False
