"""The `rasd` command: a thin layer over `rasd.pipeline`, `rasd.ingest`, `rasd.output` and `rasd.evaluate`."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import IO, Any

from rasd import __version__
from rasd.evaluate import load_jsonl, report, score
from rasd.fusion import fuse
from rasd.ingest import Skip, parse_date, read_inputs
from rasd.model import Article, Event
from rasd.output import FORMATS, Writer
from rasd.pipeline import extract_article

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"


def _format_for(path: str | None, given: str | None) -> str:
    if given:
        return given
    if path and path.endswith(".csv"):
        return "acled-csv"
    if path and path.endswith((".geojson", ".geo.json")):
        return "geojson"
    return "jsonl"


def _progress(items: Iterable[Article | Skip], quiet: bool) -> Iterator[Article | Skip]:
    """A rich progress display on a terminal; silent otherwise or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        transient=True,
    ) as prog:
        task = prog.add_task("extracting", total=None)
        for it in items:
            yield it
            prog.advance(task)


class RunSummary:
    """What a run did: articles read, events written, documents skipped and why."""

    def __init__(self) -> None:
        self.read = 0
        self.events = 0
        self.with_events = 0
        self.skipped: list[Skip] = []
        self.canonical: int | None = None

    def text(self) -> str:
        lines = [
            f"rasd: {self.read} articles read, {self.events} events written "
            f"({self.with_events} articles with events), {len(self.skipped)} documents skipped"
        ]
        if self.canonical is not None:
            lines[0] += f"; fused into {self.canonical} canonical events"
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        for reason, n in reasons.most_common():
            lines.append(f"  skipped {n}: {reason}")
        return "\n".join(lines)


def run_extract(
    paths: list[str],
    out: IO[str],
    fmt: str,
    published: date | None,
    outlet: str | None,
    quiet: bool,
    log: IO[str],
    fuse_reports: bool = False,
) -> RunSummary:
    """Extract events from every input into `out`; bad documents are reported and skipped.
    With `fuse_reports`, reports of one event from several articles are written as one."""
    summary = RunSummary()
    writer = Writer(out, fmt)
    collected: list[Event] = []
    for item in _progress(read_inputs(paths, published, outlet), quiet):
        if isinstance(item, Skip):
            summary.skipped.append(item)
            if not quiet:
                print(f"rasd: skipped {item.doc}: {item.reason}", file=log)
            continue
        try:
            events = extract_article(item)
        except Exception as e:  # one broken document must not stop the batch
            summary.skipped.append(Skip(item.id, f"extraction failed ({type(e).__name__}: {e})"))
            print(f"rasd: skipped {item.id}: extraction failed ({type(e).__name__}: {e})", file=log)
            continue
        summary.read += 1
        summary.events += len(events)
        summary.with_events += bool(events)
        if fuse_reports:
            collected.extend(events)
        else:
            writer.article(item.id, events)
    if fuse_reports:
        canonical = fuse(collected)
        summary.canonical = len(canonical)
        for c in canonical:
            writer.canonical(c)
    writer.close()
    return summary


def cmd_extract(a: argparse.Namespace) -> int:
    paths = a.inputs or [str(p) for p in sorted(EXAMPLES.glob("*"))]
    fmt = _format_for(a.output, a.format)
    published = parse_date(a.published) if a.published else None
    if a.published and published is None:
        print(f"rasd: --published must be YYYY-MM-DD, got {a.published!r}", file=sys.stderr)
        return 2
    with ExitStack() as stack:
        out = (
            stack.enter_context(open(a.output, "w", encoding="utf-8", newline=""))
            if a.output
            else sys.stdout
        )
        summary = run_extract(paths, out, fmt, published, a.outlet, a.quiet, sys.stderr, a.fuse)
    print(summary.text(), file=sys.stderr)
    return 0 if summary.read else 1


def cmd_eval(a: argparse.Namespace) -> int:
    gold = load_jsonl(a.gold)
    if a.pred:
        pred = load_jsonl(a.pred)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / "pred.jsonl"
            with open(p, "w", encoding="utf-8") as out:
                summary = run_extract([a.gold], out, "jsonl", None, None, True, sys.stderr)
            if not a.json:
                print(summary.text(), file=sys.stderr)
            pred = load_jsonl(p)
        if a.save:
            with open(a.save, "w", encoding="utf-8") as f:
                for rec in pred.values():
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    sc = score(gold, pred)
    if a.json:
        d: dict[str, Any] = sc.to_dict()
        if a.per_article:
            d["per_article"] = sc.per_article
        print(json.dumps(d, indent=2))
    else:
        print(report(sc, a.per_article))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rasd", description="Arabic news → ACLED-style conflict events, offline."
    )
    p.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser(
        "extract",
        help="extract events from articles",
        description="Extract events from text files, folders, JSON Lines or stdin (-). "
        "With no input, runs on the bundled example articles.",
    )
    e.add_argument(
        "inputs", nargs="*", help="files, folders, or - for stdin (default: bundled examples)"
    )
    e.add_argument("-o", "--output", help="output file (default: stdout)")
    e.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default from the file name, else jsonl)",
    )
    e.add_argument("--published", help="publication date YYYY-MM-DD for inputs that carry none")
    e.add_argument("--outlet", help="outlet name for inputs that carry none")
    e.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar or per-document messages"
    )
    e.add_argument(
        "--fuse",
        action="store_true",
        help="one record per real event: reports of it from several articles fused, with their claims",
    )
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser(
        "eval",
        help="score extraction against gold annotations (SPEC.md)",
        description="Extract the gold articles' texts and score the events against their annotations.",
    )
    v.add_argument(
        "--gold", required=True, help="gold JSON Lines (id, text, published, outlet, events)"
    )
    v.add_argument("--pred", help="score this prediction file instead of extracting")
    v.add_argument("--save", help="also write the predictions made to this file")
    v.add_argument("--per-article", action="store_true", help="list per-article counts")
    v.add_argument("--json", action="store_true", help="print the figures as JSON")
    v.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        return int(a.func(a))
    except BrokenPipeError:
        # `rasd extract | head`: the reader has what it wanted
        sys.stderr.close()
        return 0
    except (OSError, ValueError) as e:
        print(f"rasd: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
