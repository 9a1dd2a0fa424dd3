"""Storage cost and Dask speed-up, measured in one run on the same input.

1. Store: articles/s of the bare extractor vs extraction + SQLite store (target: the
   store costs at most 25% of throughput).
2. Scale-out: one process vs a Dask LocalCluster with 2 workers (target: >= 1.6x).

The input is the dev texts (../shared/gold/dev.jsonl, else the bundled examples)
varied to N articles: other ids, URLs and publication days.

    python benchmarks/bench_scale.py [--articles 50000] [--batch 500] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_results  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"
EXAMPLES = ROOT / "src" / "rasd" / "data" / "examples"


def corpus(n: int, path: Path) -> None:
    files = [DEV] if DEV.exists() else sorted(EXAMPLES.glob("*.jsonl"))
    base = [
        json.loads(x)
        for f in files
        for x in f.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            b = base[i % len(base)]
            pub = date.fromisoformat(b["published"]) + timedelta(days=3 * (i // len(base)))
            rec = {
                "id": f"{b['id']}-{i}",
                "text": b["text"],
                "outlet": b.get("outlet"),
                "published": pub.isoformat(),
                "url": f"https://bench.example/{i}",
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    from rasd.extraction.pipeline import extract
    from rasd.runner import Job, run
    from rasd.scale import run_dask
    from rasd.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="rasd-bench-"))
    src = tmp / "corpus.jsonl"
    corpus(a.articles, src)
    extract("قصف", published=date(2022, 1, 5))  # data loaded before timing

    with open(os.devnull, "w", encoding="utf-8") as null:
        t = time.perf_counter()
        run(Job([str(src)], quiet=True, log=null), null)
        bare = time.perf_counter() - t

        store = Store(str(tmp / "bench.db"))
        t = time.perf_counter()
        run(Job([str(src)], store=store, batch=a.batch, quiet=True, log=null), null)
        stored = time.perf_counter() - t
        counts = store.counts()
        store.close()

    t = time.perf_counter()
    shards, _ = run_dask([str(src)], workers=2, shard_dir=str(tmp / "shards"))
    dask_s = time.perf_counter() - t

    res = {
        "articles": a.articles,
        "bare_articles_per_s": round(a.articles / bare, 1),
        "store_articles_per_s": round(a.articles / stored, 1),
        "store_cost": round(1 - bare / stored, 3),
        "store_cost_target": 0.25,
        "store_counts": counts,
        "one_process_s": round(bare, 2),
        "dask_2_workers_s": round(dask_s, 2),
        "dask_speedup": round(bare / dask_s, 2),
        "dask_speedup_target": 1.6,
        "shards": len(shards),
    }
    print_results(res, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
