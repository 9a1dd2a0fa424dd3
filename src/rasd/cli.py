"""The `rasd` command. Each sub-command parses its options and calls the library: the
batch runner (`rasd.runner`), the store (`rasd.store`), the feed watcher (`rasd.watch`),
the scorer (`rasd.evaluate`), the server (`rasd.serve`) and the ACLED comparison
(`rasd.output.compare`).

Exit status: 0 done; 1 nothing could be processed; 2 bad usage (an invalid option, an
output that is one of the inputs); 3 a store or file that cannot be used; 130
interrupted (Ctrl-C). Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from rasd import __version__
from rasd.ingest import expand
from rasd.output import FORMATS, AcledStyle, ExportOptions, write_records
from rasd.output.writers import atomic_output
from rasd.runner import Job, run
from rasd.settings import SETTINGS
from rasd.store.names import country_code, event_type_name

if TYPE_CHECKING:
    from rasd.store import Store

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
USAGE, UNUSABLE, INTERRUPTED = 2, 3, 130


class UsageError(Exception):
    """An option the parser could not check alone (an output that is an input …)."""


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
def _store(target: str | None, create: bool = True) -> Iterator[Store | None]:
    if target:
        from rasd.store import Store
    store = Store(target, create=create) if target else None
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def _same_file(path: Path, inputs: list[str]) -> str | None:
    """The input that `path` is, if any (an output inside an input folder is fine: it is
    written under a hidden temporary name, which readers pass over, until the end)."""
    target = path.resolve()
    for spec in inputs:
        if spec == "-" or "://" in spec:
            continue
        for m in expand(spec):
            if Path(m).resolve() == target:
                return m
    return None


def _check_outputs(inputs: list[str], **outputs: str | None) -> None:
    """Refuse an output that would overwrite an input, or that has no folder to go to."""
    for option, out in outputs.items():
        if not out:
            continue
        clash = _same_file(Path(out), inputs)
        if clash is not None:
            raise UsageError(
                f"--{option.replace('_', '-')} {out} would overwrite the input {clash}; "
                "nothing written"
            )
        parent = Path(out).resolve().parent
        if not parent.is_dir():
            raise UsageError(f"--{option.replace('_', '-')} {out}: no folder {parent}")


def cmd_extract(a: argparse.Namespace) -> int:
    paths = a.inputs or [str(p) for p in sorted(EXAMPLES.glob("*"))]
    fmt = _format_for(a.output, a.format)
    _check_outputs(paths, output=a.output, dead_letter=a.dead_letter)
    if a.output and a.dead_letter and Path(a.output).resolve() == Path(a.dead_letter).resolve():
        raise UsageError("--output and --dead-letter name the same file")
    if fmt == "parquet" and not a.output:
        raise UsageError("--format parquet needs -o FILE")
    if a.jobs > 1 and a.engine == "dask":
        raise UsageError("--jobs is for the local engine; with Dask, give --workers")
    with ExitStack() as stack:
        store = stack.enter_context(_store(a.db))
        out: IO[Any]
        target = None
        if a.output:
            target = stack.enter_context(atomic_output(a.output, binary=fmt == "parquet"))
            out = target.fh
        elif store is not None:  # events go to the store
            out = stack.enter_context(open(os.devnull, "w", encoding="utf-8"))
        else:
            out = sys.stdout
        dead = (
            stack.enter_context(open(a.dead_letter, "a", encoding="utf-8"))
            if a.dead_letter
            else None
        )
        job = Job(paths, fmt, a.published, a.outlet, a.fuse, store, a.batch, dead, a.quiet)
        job.export, job.jobs = _export_options(a), a.jobs
        if a.engine == "dask":
            from rasd.scale import extract_with_dask

            job.items = extract_with_dask(
                paths, a.scheduler, a.workers, a.shards, a.published, a.outlet
            )
        summary = run(job, out)
        ok = bool(summary.read or summary.unchanged)
        if target is not None and ok:
            target.commit()  # the output replaces the old file only now
    print(summary.text(), file=sys.stderr)
    if not ok and a.output:
        print(f"rasd: nothing written to {a.output}", file=sys.stderr)
    return 0 if ok else 1


def cmd_watch(a: argparse.Namespace) -> int:
    from rasd.watch import watch

    _check_outputs(a.feeds, dead_letter=a.dead_letter)
    with ExitStack() as stack:
        store = stack.enter_context(_store(a.db))
        assert store is not None
        dead = (
            stack.enter_context(open(a.dead_letter, "a", encoding="utf-8"))
            if a.dead_letter
            else None
        )
        watch(a.feeds, store, a.every, a.polls, a.retries, a.backoff, a.batch, dead)
    return 0


def cmd_events(a: argparse.Namespace) -> int:
    fmt = a.format or (_format_for(a.output, None) if a.output else "jsonl")
    if fmt == "parquet" and not a.output:
        raise UsageError("--format parquet needs -o FILE")
    _check_outputs([], output=a.output)
    # a date range lists dated events unless undated ones are asked for
    undated = a.undated or ("exclude" if a.since or a.until else "include")
    with _store(a.db, create=False) as store:
        assert store is not None
        records = store.events(a.country, a.since, a.until, a.type, undated)
        hidden = (
            len(store.events(a.country, None, None, a.type, "only")) if undated == "exclude" else 0
        )
    kind, options = "acled-csv" if fmt == "csv" else fmt, _export_options(a)
    with ExitStack() as stack:
        if a.output:
            target = stack.enter_context(atomic_output(a.output, binary=fmt == "parquet"))
            write_records(records, target.fh, kind, options)
            target.commit()
        else:
            write_records(records, sys.stdout, kind, options)
    n_undated = sum(1 for r in records if not r.get("event_date"))
    note = f" ({n_undated} undated)" if n_undated else ""
    if hidden:
        note += f"; {hidden} undated events not listed (--undated include lists them)"
    print(f"rasd: {len(records)} events{note}", file=sys.stderr)
    return 0


def cmd_stats(a: argparse.Namespace) -> int:
    with _store(a.db, create=False) as store:
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
    from rasd.evaluate import load_jsonl, report, score

    _check_outputs([a.gold, *([a.pred] if a.pred else [])], save=a.save)
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
            with atomic_output(a.save) as f:
                for rec in pred.values():
                    f.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                f.commit()
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


class _Parser(argparse.ArgumentParser):
    """Errors in one line (what is wrong and where to look), exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _day(value: str) -> date:
    """YYYY-MM-DD, a real day."""
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"must be a day YYYY-MM-DD, got {value!r}")


def _published(value: str) -> date:
    """A publication day: YYYY-MM-DD between SETTINGS.first_day and last_day."""
    day = _day(value)
    if not SETTINGS.plausible_day(day):
        raise argparse.ArgumentTypeError(
            f"must be a day between {SETTINGS.first_day} and {SETTINGS.last_day}, got {value!r}"
        )
    return day


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, got {value!r}")
    return n


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number of 0 or more, got {value!r}")
    return n


def _seconds(value: str) -> float:
    try:
        s = float(value)
    except ValueError:
        s = -1.0
    if not s >= 0 or s == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds, got {value!r}")
    return s


def _every(value: str) -> float:
    from rasd.watch import parse_every

    try:
        s = parse_every(value)
    except ValueError:
        s = -1.0
    if not s >= 0 or s == float("inf"):
        raise argparse.ArgumentTypeError(f"must be an interval such as 30s, 15m, 1h, got {value!r}")
    return s


def _name(resolve: Any) -> Any:
    def check(value: str) -> str:
        try:
            return str(resolve(value))
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e)) from None

    return check


def _port(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port from 0 to 65535, got {value!r}")
    return n


def _feed(value: str) -> str:
    """An http(s):// or file:// URL, or the path of a feed file."""
    if value.startswith(("http://", "https://", "file://")) or Path(value).is_file():
        return value
    if "://" in value:
        raise argparse.ArgumentTypeError(f"{value}: give an http(s):// URL or a file path")
    raise argparse.ArgumentTypeError(f"{value}: no such file (give an http(s):// URL or a path)")


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="rasd", description="Arabic news → ACLED-style conflict events, offline.")
    p.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
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
        "inputs",
        nargs="*",
        help="files, folders, quoted patterns ('crawl/*.jsonl'), or - for stdin "
        "(default: bundled examples)",
    )
    e.add_argument("-o", "--output", help="output file (default or -: stdout)")
    e.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default from the file name, else jsonl)",
    )
    e.add_argument(
        "--published",
        type=_published,
        help="publication date YYYY-MM-DD for inputs that carry none",
    )
    e.add_argument("--outlet", help="outlet name for inputs that carry none")
    e.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar or per-document messages"
    )
    e.add_argument(
        "--db",
        help="store articles, reports and canonical events in this SQLite file or postgresql:// URL",
    )
    e.add_argument(
        "--batch",
        type=_positive,
        default=50,
        help="articles per transaction with --db (default 50)",
    )
    e.add_argument(
        "--dead-letter",
        help="append each skipped document, its reason and its content (or file) to this "
        "JSON Lines file",
    )
    e.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: one process (default); dask: partition the input over Dask workers",
    )
    e.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=1,
        help="processes extracting articles on this machine (local engine; default 1); "
        "the output is the same, in input order",
    )
    e.add_argument("--scheduler", help="Dask scheduler address (tcp://…); default: a LocalCluster")
    e.add_argument("--workers", type=_positive, default=2, help="LocalCluster workers (default 2)")
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
    w.add_argument("feeds", nargs="+", type=_feed, help="feed URLs or feed files")
    w.add_argument("--db", required=True, help=_DB_HELP)
    w.add_argument(
        "--every",
        type=_every,
        default="15m",
        help="interval between polls: 30s, 15m, 1h (default 15m)",
    )
    w.add_argument(
        "--polls", type=_count, default=0, help="stop after this many polls (default: never)"
    )
    w.add_argument(
        "--retries", type=_count, default=3, help="retries of a failing feed per poll (default 3)"
    )
    w.add_argument(
        "--backoff",
        type=_seconds,
        default=5.0,
        help="first retry delay in seconds, doubled each time",
    )
    w.add_argument("--batch", type=_positive, default=50, help="articles per transaction")
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
    q.add_argument(
        "--country", type=_name(country_code), help="ISO3 code, English or Arabic name: SYR, Syria"
    )
    q.add_argument("--since", type=_day, help="YYYY-MM-DD")
    q.add_argument("--until", type=_day, help="YYYY-MM-DD")
    q.add_argument(
        "--type", type=_name(event_type_name), help="event type or sub-event type, any case"
    )
    q.add_argument(
        "--undated",
        choices=("include", "exclude", "only"),
        help="events whose day is unknown: listed (default without --since/--until), "
        "left out (default with them), or alone",
    )
    q.add_argument(
        "-f",
        "--format",
        choices=("csv", "jsonl", "geojson", "parquet"),
        help="default from -o, else jsonl",
    )
    q.add_argument("-o", "--output", help="output file (default or -: stdout)")
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
    s.add_argument("--workers", type=_positive, default=1, help="server processes (default 1)")
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
    p.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0: any free one)")


def cmd_compare(a: argparse.Namespace) -> int:
    from rasd.output.compare import compare, read_acled_csv
    from rasd.output.compare import report as compare_report

    acled, mine = read_acled_csv(a.acled), read_acled_csv(a.rasd)
    cmp = compare(acled, mine, a.country or None, a.since, a.until)
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
    c.add_argument(
        "--country",
        action="append",
        type=_name(country_code),
        help="ISO3 code, English or Arabic name (repeatable; default: rasd's)",
    )
    c.add_argument(
        "--since", type=_day, help="YYYY-MM-DD (default: the Monday of rasd's first week)"
    )
    c.add_argument(
        "--until", type=_day, help="YYYY-MM-DD (default: the Sunday of rasd's last week)"
    )
    c.add_argument("--json", action="store_true", help="print the figures as JSON")
    c.set_defaults(func=cmd_compare)


def main(argv: list[str] | None = None) -> int:
    try:
        a = parser().parse_args(argv)
    except SystemExit as e:  # --help, --version, or an option refused (one line printed)
        return e.code if isinstance(e.code, int) else USAGE
    if getattr(a, "output", None) == "-":
        a.output = None  # -o - is standard output, as an input of - is standard input
    try:
        return int(a.func(a))
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # `rasd extract | head`: the reader has what it wanted
        sys.stderr.close()
        return 0
    except UsageError as e:
        print(f"rasd {a.command}: {e}", file=sys.stderr)
        return USAGE
    except OSError as e:
        print(
            f"rasd: {e.filename or ''}{': ' if e.filename else ''}{e.strerror or e}",
            file=sys.stderr,
        )
        return UNUSABLE
    except ValueError as e:
        print(f"rasd: {e}", file=sys.stderr)
        return USAGE
    except Exception as e:
        message = _store_error(e)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return UNUSABLE


def _store_error(e: Exception) -> str | None:
    """The one line of a store error, or None for any other error. The store and
    SQLAlchemy are imported only by commands that use them: an error can only be theirs
    if they were imported."""
    store = sys.modules.get("rasd.store.store")
    if store is not None and isinstance(e, store.StoreError):
        return f"rasd: {e}"
    sa = sys.modules.get("sqlalchemy.exc")
    if sa is not None and isinstance(e, sa.SQLAlchemyError):
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()
        return f"rasd: store error: {reason[0] if reason else type(e).__name__}"
    return None


if __name__ == "__main__":
    sys.exit(main())
