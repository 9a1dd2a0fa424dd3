"""How well rasd's day finder does on public Arabic time-expression corpora.

Reads the cases from the local mirror (see cases.py: Duckling's Arabic time corpus and
Recognizers-Text's Arabic date-time specs, each pinned to a commit), runs
`rasd.extraction.dates.find_dates` on each text against its reference date, and prints:
the share of gold expressions rasd finds a span for, how many of the one-day golds it
resolves to the right day (strictly, and under either reading where the gold rests on a
convention), the coarser grains, what it finds in sentences with no day, and a breakdown
per kind and per source.

    python benchmarks/dates/measure.py --mirror /work/.mirror [--failures] [--json]
        [--source duckling|recognizers] [--kind KIND] [--validated-only] [--src PATH]

`--src PATH` measures another rasd source tree (its `src` folder) instead of the installed
one. Without the mirror the script says what to fetch and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import (  # noqa: E402
    COARSE_KINDS,
    DAY_KINDS,
    NEGATIVE_KINDS,
    OUT_OF_SCOPE,
    SOURCES,
    Case,
    check_mirror,
    iter_cases,
)


@dataclass
class Outcome:
    case: Case
    found: bool  # a mention overlaps the gold span (negatives: anything found)
    got: Any  # the DateMention taken as rasd's answer, or None
    right: bool  # strictly the gold value at the case's grain
    right_alt: bool  # the other reading (alt) instead
    spurious: list[Any]  # negatives: what was found; else the other overlapping mentions


def _grain_match(c: Case, d: date | None, got: Any, target: date | None) -> bool:
    if target is None:
        return False
    if c.grain == "year":
        y = getattr(got, "year_only", None) or (d.year if d else None)
        return y == target.year
    if d is None:
        return False
    if c.grain == "day":
        return d == target
    if c.grain == "week":
        return d.isocalendar()[:2] == target.isocalendar()[:2]
    if c.grain == "month":
        return (d.year, d.month) == (target.year, target.month)
    return False


def run_case(c: Case, find_dates: Any, normalize: Any) -> Outcome:
    n = normalize(c.text)
    mentions = find_dates(n.text, c.published)
    spans = [(m, n.span(m.start, m.end)) for m in mentions]
    lo, hi = c.span if c.span else (0, len(c.text))
    if c.kind in NEGATIVE_KINDS:
        # a duration or a set (span given) or a sentence with no expression (no span):
        # any day or year rasd finds there is spurious
        found = [
            m
            for m, (s, e) in spans
            if (m.day is not None or m.year_only is not None) and min(hi, e) > max(lo, s)
        ]
        return Outcome(c, bool(found), found[0] if found else None, not found, False, found)
    # rasd's answer: the mention overlapping the gold span most; on a tie a day before a
    # coarser grain, then the first (a range is coded to its first day)
    over = [(min(hi, e) - max(lo, s), -m.precision, -s, m) for m, (s, e) in spans]
    over = [o for o in over if o[0] > 0]
    if not over:
        return Outcome(c, False, None, False, False, [])
    best = max(over, key=lambda o: o[:3])[3]
    right = _grain_match(c, best.day, best, c.expected)
    right_alt = not right and _grain_match(c, best.day, best, c.alt)
    others = [o[3] for o in over if o[3] is not best]
    return Outcome(c, True, best, right, right_alt, others)


# the files that decide what the day finder does
_DATE_FILES = ("extraction/dates.py", "data/lexicon/dates.yaml", "text/normalize.py")


def _rasd_revision(rasd_file: str) -> str:
    pkg = Path(rasd_file).resolve().parent

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(pkg), *args], check=True, capture_output=True, text=True
        ).stdout.strip()

    try:
        head = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", *_DATE_FILES)
    except (subprocess.CalledProcessError, FileNotFoundError):
        return f"{pkg} (not in a git work tree)"
    return f"{pkg} at {head}" + (
        " + uncommitted changes to the date files" if dirty else " (date files as committed)"
    )


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"


def summarize(outs: list[Outcome]) -> dict[str, Any]:
    day = [o for o in outs if o.case.kind in DAY_KINDS]
    coarse = [o for o in outs if o.case.kind in COARSE_KINDS]
    neg = [o for o in outs if o.case.kind in NEGATIVE_KINDS]
    scoped = day + coarse
    validated = [o for o in day if o.case.validated]
    res: dict[str, Any] = {
        "cases": len(outs),
        "in scope (day, week, month, year)": len(scoped),
        "spans found": _pct(sum(o.found for o in scoped), len(scoped)),
        "day values right (strict)": _pct(sum(o.right for o in day), len(day)),
        "day values right (either reading)": _pct(
            sum(o.right or o.right_alt for o in day), len(day)
        ),
        "day values right, upstream-checked golds": _pct(
            sum(o.right for o in validated), len(validated)
        ),
        "day golds with another reading (alt)": sum(o.case.alt is not None for o in day),
        "coarse values right (week, month, year)": _pct(sum(o.right for o in coarse), len(coarse)),
        "no-day sentences with nothing found": _pct(sum(o.right for o in neg), len(neg)),
    }
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outs:
        k = per_kind[f"{o.case.kind}"]
        k["cases"] += 1
        k["found"] += o.found
        k["right"] += o.right
        k["right or alt"] += o.right or o.right_alt
        k["has alt"] += o.case.alt is not None
    res["per kind"] = {k: dict(v) for k, v in sorted(per_kind.items(), key=_kind_order)}
    per_source: dict[str, Counter[str]] = defaultdict(Counter)
    for o in day:
        s = per_source[o.case.source]
        s["day cases"] += 1
        s["found"] += o.found
        s["right"] += o.right
        s["right or alt"] += o.right or o.right_alt
    res["day kinds per source"] = {k: dict(v) for k, v in sorted(per_source.items())}
    flags: dict[str, Counter[str]] = defaultdict(Counter)
    for o in day:
        for f in o.case.flags:
            flags[f]["cases"] += 1
            flags[f]["right"] += o.right
            flags[f]["right or alt"] += o.right or o.right_alt
    res["day kinds per flag"] = {k: dict(v) for k, v in sorted(flags.items())}
    return res


_ORDER = [*DAY_KINDS, *COARSE_KINDS, *NEGATIVE_KINDS, *OUT_OF_SCOPE]


def _kind_order(kv: tuple[str, Any]) -> int:
    return _ORDER.index(kv[0]) if kv[0] in _ORDER else len(_ORDER)


def _describe(m: Any) -> str:
    if m is None:
        return "nothing"
    what = m.day.isoformat() if m.day else (f"year {m.year_only}" if m.year_only else "no day")
    extra = " future" if getattr(m, "future", False) else ""
    return f"{what} (precision {m.precision}{extra}, «{m.rule}»)"


def print_failures(outs: list[Outcome]) -> None:
    bad = [o for o in outs if o.case.kind not in OUT_OF_SCOPE and not o.right]
    print(f"\nfailures ({len(bad)}; `+alt` marks the other reading being given):")
    for o in bad:
        c = o.case
        exp = c.expected.isoformat() if c.expected else "no day"
        if c.grain not in ("day", "none"):
            exp += f" ({c.grain})"
        if c.alt:
            exp += f" or {c.alt} [{','.join(f for f in c.flags if f in ('forward-default', 'tense', 'next-week'))}]"
        phrase = c.span_text if c.span and c.span_text != c.text else c.text
        ctx = f"  in «{c.text}»" if phrase != c.text else ""
        if c.kind in NEGATIVE_KINDS:
            got = "spurious " + ", ".join(_describe(m) for m in o.spurious)
        elif not o.found:
            got = "not found"
        else:
            got = _describe(o.got) + "".join(f"; also {_describe(m)}" for m in o.spurious)
        mark = " +alt" if o.right_alt else ""
        print(
            f"- [{c.source} {c.kind}] «{phrase}»{ctx} ref {c.published}: "
            f"expected {exp}; got {got}{mark}  ({c.where})"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--failures", action="store_true", help="print every failure")
    ap.add_argument("--json", action="store_true", help="figures as JSON")
    ap.add_argument("--source", choices=[s.name for s in SOURCES], action="append")
    ap.add_argument("--kind", action="append", help="only cases of this kind (repeatable)")
    ap.add_argument("--validated-only", action="store_true", help="only golds checked upstream")
    ap.add_argument("--src", type=Path, help="a rasd source tree (its src folder) to measure")
    a = ap.parse_args()

    problems = check_mirror(a.mirror)
    if problems:
        print("skipped: the corpora are not in the mirror as pinned.")
        for p in problems:
            print(f"  {p}")
        print("fetch them (the search tool's fetch verb), then run this again:")
        for s in SOURCES:
            print(f"  fetch {s.fetch}    (needs commit {s.commit})")
        return 0

    if a.src:
        sys.path.insert(0, str(a.src.resolve()))
    try:
        import rasd
        from rasd.extraction.dates import find_dates
        from rasd.text.normalize import normalize
    except ImportError as e:
        print(f"skipped: rasd cannot be imported ({e}); install it or pass --src")
        return 0

    sources = tuple(a.source) if a.source else tuple(s.name for s in SOURCES)
    cases = [
        c
        for c in iter_cases(a.mirror, sources)
        if (not a.kind or c.kind in a.kind) and (c.validated or not a.validated_only)
    ]
    outs = [run_case(c, find_dates, normalize) for c in cases]
    res = summarize(outs)
    head = {
        "rasd": _rasd_revision(rasd.__file__),
        "corpora": ", ".join(f"{s.repo}@{s.commit[:12]}" for s in SOURCES if s.name in sources),
    }
    if a.json:
        print(json.dumps({**head, **res}, indent=2, ensure_ascii=False))
    else:
        for k, v in {**head, **res}.items():
            if isinstance(v, dict):
                print(f"\n{k}:")
                cols = sorted({c for row in v.values() for c in row}, key=_COLS.index)
                print(f"  {'':14s}" + "".join(f"{c:>14s}" for c in cols))
                for name, row in v.items():
                    print(f"  {name:14s}" + "".join(f"{row.get(c, 0):>14d}" for c in cols))
            else:
                print(f"{k:42s} {v}")
    if a.failures:
        print_failures(outs)
    return 0


_COLS = ["cases", "day cases", "found", "right", "right or alt", "has alt"]


if __name__ == "__main__":
    sys.exit(main())
