"""Speed of `rasd extract` beside a floor, in one run (issue 13).

The floor (benchmarks/floor.py) is the least a program can do with the same input: read
the same JSON Lines, run one compiled `re` alternation of 200 conflict words over each
text, write one JSON line per article. rasd and the floor run as fresh processes on the
dev texts (../shared/gold/dev.jsonl when present, else the bundled examples) repeated to
each size. Printed, with no pass or fail: for each size the time of both and their
ratio (wall clock and CPU), articles per second and peak RSS; the cold start for one
article of both and their ratio (median of `--cold` runs, rasd as installed: its
bytecode written first and the compiled gazetteer in the cache folder); `--jobs` scaling
on the largest size; and the share of each stage of the time of an extraction in one
process. Timings on a shared machine are noisy: read the ratios.

    python benchmarks/bench_speed.py [--articles 2000 20000] [--jobs 1 2] [--json]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import importlib.util
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_results  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"
EXAMPLES = ROOT / "src" / "rasd" / "data" / "examples"
FLOOR = Path(__file__).resolve().parent / "floor.py"


def dev_records() -> tuple[list[dict[str, Any]], str]:
    files = [DEV] if DEV.exists() else sorted(EXAMPLES.glob("*.jsonl"))
    keep = ("id", "text", "published", "outlet")
    out = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out.append({k: r[k] for k in keep if r.get(k) is not None})
    return out, str(files[0] if DEV.exists() else EXAMPLES)


def write_input(records: list[dict[str, Any]], n: int, path: Path) -> Path:
    """The records repeated to n articles (each id made unique), as JSON Lines."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            r = dict(records[i % len(records)])
            r["id"] = f"{r.get('id', 'doc')}-{i}"
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def measure(cmd: list[str]) -> dict[str, float]:
    """Wall and CPU seconds and peak RSS (MiB) of one fresh process."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{cmd[:4]} failed: {err.read().decode()[-500:]}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
    }


def rasd_cmd(path: Path, out: Path, jobs: int | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "rasd.cli", "extract", str(path), "-q", "-o", str(out)]
    return cmd + ["--jobs", str(jobs)] if jobs is not None else cmd


def floor_cmd(path: Path, out: Path) -> list[str]:
    return [sys.executable, str(FLOOR), str(path), str(out)]


def has_jobs() -> bool:
    help_text = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", "--help"], capture_output=True, text=True
    ).stdout
    return "--jobs" in help_text


def compare(n: int, path: Path, tmp: Path) -> dict[str, Any]:
    """rasd and the floor on one input: times, their ratios, rates and peak RSS."""
    floor = measure(floor_cmd(path, tmp / "floor.jsonl"))
    rasd = measure(rasd_cmd(path, tmp / "rasd.jsonl"))
    return {
        "articles": n,
        "rasd_s": round(rasd["wall"], 2),
        "floor_s": round(floor["wall"], 2),
        "ratio_wall": round(rasd["wall"] / floor["wall"], 2),
        "ratio_cpu": round(rasd["cpu"] / floor["cpu"], 2),
        "rasd_articles_per_s": round(n / rasd["wall"]),
        "rasd_articles_per_cpu_s": round(n / rasd["cpu"]),
        "floor_articles_per_s": round(n / floor["wall"]),
        "rasd_peak_rss_mib": round(rasd["rss"], 1),
        "floor_peak_rss_mib": round(floor["rss"], 1),
    }


def compile_bytecode() -> bool:
    """Write the bytecode of rasd's modules, as `pip install` does for an installed copy.

    An editable checkout run with PYTHONDONTWRITEBYTECODE (set on some machines) has none,
    and every start would compile ~60 modules from source. True when every module compiled.
    """
    spec = importlib.util.find_spec("rasd")
    if spec is None or spec.origin is None:
        return False
    return bool(compileall.compile_dir(Path(spec.origin).parent, quiet=1))


def cold_start(records: list[dict[str, Any]], tmp: Path, runs: int) -> dict[str, Any]:
    """One article from a fresh process: rasd and the floor, median of `runs` each.

    rasd starts as installed: its bytecode compiled and the compiled gazetteer in the cache.
    """
    one = write_input(records, 1, tmp / "one.jsonl")
    compiled = compile_bytecode()
    measure(rasd_cmd(one, tmp / "one-rasd.jsonl"))  # the compiled gazetteer is in the cache
    rasd = statistics.median(
        measure(rasd_cmd(one, tmp / "one-rasd.jsonl"))["wall"] for _ in range(runs)
    )
    floor = statistics.median(
        measure(floor_cmd(one, tmp / "one-floor.jsonl"))["wall"] for _ in range(runs)
    )
    return {
        "rasd_s": round(rasd, 3),
        "floor_s": round(floor, 3),
        "ratio": round(rasd / floor, 1),
        "bytecode": compiled,
    }


def jobs_scaling(path: Path, n: int, jobs: list[int], tmp: Path) -> dict[str, Any]:
    """Wall seconds of `--jobs N` on one input and the speed-up over the first N."""
    if not has_jobs():
        return {"note": "rasd extract has no --jobs"}
    times = {j: measure(rasd_cmd(path, tmp / f"jobs{j}.jsonl", j))["wall"] for j in jobs}
    base = times[jobs[0]]
    return {
        "articles": n,
        "cores": os.cpu_count(),
        **{f"jobs_{j}_s": round(t, 2) for j, t in times.items()},
        **{f"jobs_{j}_speedup": round(base / t, 2) for j, t in times.items() if j != jobs[0]},
    }


# the stages of an extraction: (module, attribute) → label; a method as "Class.method"
STAGES = {
    ("rasd.extraction.context", "normalize"): "normalize",
    ("rasd.extraction.context", "sentences"): "sentences",
    ("rasd.text.matcher", "Matcher.find_all"): "triggers",
    ("rasd.text.matcher", "Matcher.find"): "lexicons",  # the gazetteer's: "gazetteer"
    ("rasd.extraction.context", "article_places"): "places",
    ("rasd.extraction.context", "find_dates"): "dates",
    ("rasd.extraction.context", "find_actors"): "actors",
    ("rasd.extraction.discourse", "find_tolls"): "casualties",
    ("rasd.extraction.discourse", "frames"): "frames",
    ("rasd.extraction.discourse", "build_mention"): "mentions",
    ("rasd.extraction.discourse", "Discourse._sentence"): "sentence reading",
    ("rasd.extraction.pipeline", "to_event"): "records",
    ("rasd.extraction.pipeline", "merge_events"): "records",
    ("rasd.extraction.pipeline", "settle"): "records",
    ("rasd.ingest.base", "check_text"): "input checks",
    ("rasd.runner", "extract_article"): "extraction glue",
    ("rasd.output.writers", "Writer.article"): "output",
}


def _timed(f: Callable[..., Any], label: str, acc: dict[str, float], stack: list[float]) -> Any:
    from rasd.text.matcher import WordMatcher

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        stack.append(0.0)
        try:
            return f(*args, **kwargs)
        finally:
            spent = time.process_time() - t0
            inner = stack.pop()
            here = "gazetteer" if args and isinstance(args[0], WordMatcher) else label
            acc[here] += spent - inner  # a stage's own time, not its callees'
            if stack:
                stack[-1] += spent

    return timed


def stage_shares(path: Path, tmp: Path) -> dict[str, float]:
    """Per cent of the CPU time of `rasd extract` (in this process) spent in each stage."""
    import importlib

    from rasd.cli import main as rasd_main

    acc: dict[str, float] = defaultdict(float)
    stack: list[float] = []
    for (mod_name, attr), label in STAGES.items():
        owner: Any = importlib.import_module(mod_name)
        *path_, name = attr.split(".")
        for part in path_:
            owner = getattr(owner, part)
        if name in vars(owner) or not path_:
            setattr(owner, name, _timed(getattr(owner, name), label, acc, stack))
    with contextlib.redirect_stderr(io.StringIO()):  # the runs' summaries
        rasd_main(["extract", str(tmp / "warm.jsonl"), "-q", "-o", str(tmp / "warm.out")])
        acc.clear()
        t0 = time.process_time()
        rasd_main(["extract", str(path), "-q", "-o", str(tmp / "stages.jsonl")])
        total = time.process_time() - t0
    acc["rest (reading, glue)"] = total - sum(acc.values())
    return {k: round(100 * v / total, 1) for k, v in sorted(acc.items(), key=lambda kv: -kv[1])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cold", type=int, default=5, help="runs of each cold start")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    records, source = dev_records()
    res: dict[str, Any] = {"input": source, "dev_articles": len(records)}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        write_input(records, 20, tmp / "warm.jsonl")
        res["cold_start"] = cold_start(records, tmp, a.cold)
        paths = {n: write_input(records, n, tmp / f"in-{n}.jsonl") for n in a.articles}
        for n, path in paths.items():
            res[f"run_{n}"] = compare(n, path, tmp)
        sizes = sorted(paths)
        res["rss_growth"] = round(
            res[f"run_{sizes[-1]}"]["rasd_peak_rss_mib"]
            / res[f"run_{sizes[0]}"]["rasd_peak_rss_mib"],
            2,
        )
        res["jobs"] = jobs_scaling(paths[sizes[-1]], sizes[-1], a.jobs, tmp)
        res["stage_shares_pct"] = stage_shares(paths[sizes[0]], tmp)
    print_results(res, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
