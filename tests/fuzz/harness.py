"""Coverage-guided fuzzing of rasd with atheris: the extractor on any text and the readers
on any bytes under any file name. Run for a bounded time by tests/fuzz/test_atheris.py
(or by hand: `python tests/fuzz/harness.py -max_total_time=60`). Every input that ever
crashed it is kept in tests/fuzz/crashes/ and replayed by the tests."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".xml", ".json", ".warc", ".parquet")


def one_input(data: bytes) -> None:
    """The fuzz target: the first byte picks what is fuzzed, the rest is the input."""
    import rasd
    from rasd.ingest import Notice, Skip, read_inputs
    from rasd.model import Article

    if not data:
        return
    mode, rest = data[0] % (len(SUFFIXES) + 1), data[1:]
    if mode == len(SUFFIXES):
        text = rest.decode("utf-8", errors="replace")
        for ev in rasd.extract(text, published=date(2023, 3, 14)):
            a, b = ev.evidence_span
            assert 0 <= a <= b <= len(text) and text[a:b] == ev.evidence
        return
    with tempfile.TemporaryDirectory(prefix="rasd-fuzz-") as tmp:
        path = Path(tmp) / f"in{SUFFIXES[mode]}"
        path.write_bytes(rest)
        for item in read_inputs([str(path)]):
            assert isinstance(item, (Article, Skip, Notice))
            if isinstance(item, Article):
                rasd.extract_article(item)


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["rasd"]):
        import rasd  # noqa: F401
        import rasd.ingest  # noqa: F401
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
