"""The `rasd` command. Each sub-command parses its options and calls the library: the
batch runner (`rasd.runner`), the store (`rasd.store`), the feed watcher (`rasd.watch`)
and the scorer (`rasd.evaluate`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

from rasd import __version__
from rasd.evaluate import load_jsonl, report, score
from rasd.ingest import parse_date
from rasd.output import FORMATS, AcledStyle, ExportOptions, write_parquet, write_records
from rasd.runner import Job, run
from rasd.store import Store
from rasd.watch import parse_every, watch

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"


def _format_for(path: str | None, given: str | None) -> str:
    if given:
        return given
    if path and path.endswith(".csv"):
        return "acled-csv"
    if path and path.endswith((".geojson", ".geo.json")):
        return "geojson"
    if path and path.endswith(".parquet"):
        return "parquet"
    return "jsonl"


@contextmanager
def _store(target: str | None) -> Iterator[Store | None]:
    store = Store(target) if target else None
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def cmd_extract(a: argparse.Namespace) -> int:
    paths = a.inputs or [str(p) for p in sorted(EXAMPLES.glob("*"))]
    published = parse_date(a.published) if a.published else None
    if a.published and published is None:
        print(f"rasd: --published must be YYYY-MM-DD, got {a.published!r}", file=sys.stderr)
        return 2
    with ExitStack() as stack:
        store = stack.enter_context(_store(a.db))
        out: IO[str]
        if a.output:
            out = stack.enter_context(open(a.output, "w", encoding="utf-8", newline=""))
        elif store is not None:  # events go to the store
            out = stack.enter_context(open(os.devnull, "w", encoding="utf-8"))
        else:
            out = sys.stdout
        dead = (
            stack.enter_context(open(a.dead_letter, "a", encoding="utf-8"))
            if a.dead_letter
            else None
        )
        job = Job(
            paths,
            _format_for(a.output, a.format),
            published,
            a.outlet,
            a.fuse,
            store,
            a.batch,
            dead,
            a.quiet,
        )
        job.export = _export_options(a)
        if a.engine == "dask":
            from rasd.scale import extract_with_dask

            job.items = extract_with_dask(
                paths, a.scheduler, a.workers, a.shards, published, a.outlet
            )
        summary = run(job, out)
    print(summary.text(), file=sys.stderr)
    return 0 if summary.read or summary.unchanged else 1


def cmd_watch(a: argparse.Namespace) -> int:
    every = parse_every(a.every)
    with ExitStack() as stack:
        store = stack.enter_context(_store(a.db))
        assert store is not None
        dead = (
            stack.enter_context(open(a.dead_letter, "a", encoding="utf-8"))
            if a.dead_letter
            else None
        )
        watch(a.feeds, store, every, a.polls, a.retries, a.backoff, a.batch, dead)
    return 0


def cmd_events(a: argparse.Namespace) -> int:
    with _store(a.db) as store:
        assert store is not None
        since = parse_date(a.since) if a.since else None
        until = parse_date(a.until) if a.until else None
        records = store.events(a.country, since, until, a.type)
    fmt = a.format or (_format_for(a.output, None) if a.output else "jsonl")
    if fmt == "parquet":
        if not a.output:
            print("rasd: --format parquet needs -o FILE", file=sys.stderr)
            return 2
        write_parquet(records, a.output, _export_options(a).style)
    else:
        with ExitStack() as stack:
            out = (
                stack.enter_context(open(a.output, "w", encoding="utf-8", newline=""))
                if a.output
                else sys.stdout
            )
            write_records(records, out, "acled-csv" if fmt == "csv" else fmt, _export_options(a))
    print(f"rasd: {len(records)} events", file=sys.stderr)
    return 0


def cmd_stats(a: argparse.Namespace) -> int:
    with _store(a.db) as store:
        assert store is not None
        st = store.stats()
    if a.json:
        print(json.dumps(st, ensure_ascii=False, indent=2))
        return 0
    print("totals: " + ", ".join(f"{k} {v}" for k, v in st["totals"].items()))
    for name in ("by_type", "by_country", "by_day", "claims_by_source"):
        print(f"{name.replace('_', ' ')}:")
        for k, v in list(st[name].items())[:40]:
            print(f"  {k:40s} {v}")
    return 0


def cmd_eval(a: argparse.Namespace) -> int:
    gold = load_jsonl(a.gold)
    if a.pred:
        pred = load_jsonl(a.pred)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / "pred.jsonl"
            with open(p, "w", encoding="utf-8") as out:
                summary = run(Job([a.gold], quiet=True), out)
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


# -- the parser --------------------------------------------------------------------------

_DB_HELP = "SQLite file or postgresql:// URL"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rasd", description="Arabic news → ACLED-style conflict events, offline."
    )
    p.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    _extract_parser(sub)
    _watch_parser(sub)
    _events_parser(sub)
    _stats_parser(sub)
    _eval_parser(sub)
    _serve_parsers(sub)
    _compare_parser(sub)
    return p


def _extract_parser(sub: Any) -> None:
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
        "--db",
        help="store articles, reports and canonical events in this SQLite file or postgresql:// URL",
    )
    e.add_argument(
        "--batch", type=int, default=50, help="articles per transaction with --db (default 50)"
    )
    e.add_argument(
        "--dead-letter", help="append each skipped document and its reason to this JSON Lines file"
    )
    e.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: one process (default); dask: partition the input over Dask workers",
    )
    e.add_argument("--scheduler", help="Dask scheduler address (tcp://…); default: a LocalCluster")
    e.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    e.add_argument(
        "--shards", help="folder for the workers' Parquet shards (default: a temporary one)"
    )
    e.add_argument(
        "--fuse",
        action="store_true",
        help="one record per real event: reports of it from several articles fused, with their claims",
    )
    _export_args(e)
    e.set_defaults(func=cmd_extract)


def _watch_parser(sub: Any) -> None:
    w = sub.add_parser(
        "watch",
        help="poll RSS/Atom feeds and store new items",
        description="Poll feeds every interval; new items are extracted into the store.",
    )
    w.add_argument("feeds", nargs="+", help="feed URLs")
    w.add_argument("--db", required=True, help=_DB_HELP)
    w.add_argument(
        "--every", default="15m", help="interval between polls: 30s, 15m, 1h (default 15m)"
    )
    w.add_argument(
        "--polls", type=int, default=0, help="stop after this many polls (default: never)"
    )
    w.add_argument(
        "--retries", type=int, default=3, help="retries of a failing feed per poll (default 3)"
    )
    w.add_argument(
        "--backoff", type=float, default=5.0, help="first retry delay in seconds, doubled each time"
    )
    w.add_argument("--batch", type=int, default=50, help="articles per transaction")
    w.add_argument(
        "--dead-letter", help="append skipped items and failed feeds to this JSON Lines file"
    )
    w.set_defaults(func=cmd_watch)


def _events_parser(sub: Any) -> None:
    q = sub.add_parser(
        "events",
        help="query canonical events in a store",
        description="Export canonical events of a store, filtered.",
    )
    q.add_argument("--db", required=True, help=_DB_HELP)
    q.add_argument("--country", help="ISO3 code, e.g. SYR")
    q.add_argument("--since", help="YYYY-MM-DD")
    q.add_argument("--until", help="YYYY-MM-DD")
    q.add_argument("--type", help="event type or sub-event type")
    q.add_argument(
        "-f",
        "--format",
        choices=("csv", "jsonl", "geojson", "parquet"),
        help="default from -o, else jsonl",
    )
    q.add_argument("-o", "--output", help="output file (default: stdout)")
    _export_args(q)
    q.set_defaults(func=cmd_events)


def _stats_parser(sub: Any) -> None:
    st = sub.add_parser("stats", help="counts of a store by day, type, country and source")
    st.add_argument("--db", required=True, help=_DB_HELP)
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_stats)


def _eval_parser(sub: Any) -> None:
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


# -- ACLED export options; serve, demo, compare ------------------------------------------


def _export_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("ACLED CSV, GeoJSON and Parquet")
    g.add_argument(
        "--inter",
        choices=("text", "numeric"),
        default="text",
        help="inter1/inter2/interaction as ACLED writes them now (text, default) "
        "or in its older numeric codes",
    )
    g.add_argument(
        "--date-format",
        choices=("iso", "acled"),
        default="iso",
        help="event_date as 2022-01-05 (iso, default) or 05 January 2022 (acled)",
    )
    g.add_argument("--bom", action="store_true", help="CSV: a byte-order mark for Excel")


def _export_options(a: argparse.Namespace) -> ExportOptions:
    return ExportOptions(AcledStyle(inter=a.inter, dates=a.date_format), bom=a.bom)


def cmd_serve(a: argparse.Namespace) -> int:
    from rasd.serve.run import serve

    return serve(a.db, a.host, a.port, a.workers, open_browser=False)


def cmd_demo(a: argparse.Namespace) -> int:
    from rasd.serve.run import demo

    return demo(a.db, a.host, a.port, open_browser=not a.no_browser)


def _serve_parsers(sub: Any) -> None:
    s = sub.add_parser(
        "serve",
        help="the REST API and the web map over a store",
        description="Serve the store's events: the web page at / and the API (docs at /docs). "
        "Writing (POST /articles) needs RASD_TOKEN in the environment.",
    )
    s.add_argument("--db", required=True, help=_DB_HELP)
    _listen_args(s)
    s.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    s.set_defaults(func=cmd_serve)
    d = sub.add_parser(
        "demo",
        help="load the bundled example articles into a new SQLite file and serve them",
        description="Extract the bundled examples (the seed article and rasd's own sentences) "
        "into a fresh SQLite store and open the map.",
    )
    d.add_argument("--db", help="the SQLite file to create (default: a temporary one)")
    _listen_args(d)
    d.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    d.set_defaults(func=cmd_demo)


def _listen_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine)"
    )
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free one)")


def cmd_compare(a: argparse.Namespace) -> int:
    from rasd.output.compare import compare, read_acled_csv
    from rasd.output.compare import report as compare_report

    acled, mine = read_acled_csv(a.acled), read_acled_csv(a.rasd)
    since = parse_date(a.since) if a.since else None
    until = parse_date(a.until) if a.until else None
    cmp = compare(acled, mine, a.country or None, since, until)
    if a.json:
        print(json.dumps(cmp.to_dict(), indent=2))
    else:
        print(compare_report(cmp))
    return 0


def _compare_parser(sub: Any) -> None:
    c = sub.add_parser(
        "compare",
        help="set rasd's ACLED CSV beside an ACLED export of the same country and weeks",
        description="Reads an ACLED export and rasd's ACLED CSV, keeps the countries and weeks "
        "of rasd's events, pairs events as the SPEC scorer does and prints counts by type.",
    )
    c.add_argument("--acled", required=True, help="an ACLED export (CSV)")
    c.add_argument("--rasd", required=True, help="rasd's output (rasd extract/events ... .csv)")
    c.add_argument("--country", action="append", help="ISO3 code (repeatable; default: rasd's)")
    c.add_argument("--since", help="YYYY-MM-DD (default: the Monday of rasd's first week)")
    c.add_argument("--until", help="YYYY-MM-DD (default: the Sunday of rasd's last week)")
    c.add_argument("--json", action="store_true", help="print the figures as JSON")
    c.set_defaults(func=cmd_compare)


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
