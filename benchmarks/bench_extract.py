"""Throughput, start-up time and peak memory of `rasd extract`, beside a plain regex baseline.

Runs on the dev texts (../shared/gold/dev.jsonl when present, else the bundled
examples) repeated to N articles, on one core, and prints the figures measured in this
one run. Timings on shared machines are noisy: read the ratio, not the absolute figure.

    python benchmarks/bench_extract.py [--articles 5000] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_results  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"
EXAMPLES = ROOT / "src" / "rasd" / "data" / "examples"


def load_texts() -> tuple[list[tuple[str, date | None]], str]:
    files = [DEV] if DEV.exists() else sorted(EXAMPLES.glob("*.jsonl"))
    out = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out.append(
                    (r["text"], date.fromisoformat(r["published"]) if r.get("published") else None)
                )
    return out, str(files[0] if DEV.exists() else EXAMPLES)


def baseline(texts: list[str]) -> float:
    """Articles/s of a plain regex pass: one alternation of the trigger words, finditer."""
    from rasd.resources import resources

    words = sorted(
        {r["arabic"] for r in resources().tsv("lexicon/triggers.tsv")}, key=len, reverse=True
    )
    pat = regex.compile("|".join(regex.escape(w) for w in words))
    t = time.perf_counter()
    hits = 0
    for text in texts:
        hits += sum(1 for _ in pat.finditer(text))
    return len(texts) / (time.perf_counter() - t)


def startup() -> float:
    """Seconds from a fresh interpreter to the first extracted article (data loaded)."""
    code = "import rasd, datetime; rasd.extract('قتل ثلاثة في انفجار في الموصل', published=datetime.date(2022,1,5))"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    import rasd

    docs, source = load_texts()
    batch = [docs[i % len(docs)] for i in range(a.articles)]
    start = startup()
    rasd.extract("قصف", published=date(2022, 1, 5))  # load data before timing
    t = time.perf_counter()
    events = 0
    for text, pub in batch:
        events += len(rasd.extract(text, published=pub))
    rasd_rate = len(batch) / (time.perf_counter() - t)
    base_rate = baseline([t for t, _ in batch])
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res = {
        "input": source,
        "articles": len(batch),
        "events": events,
        "rasd_articles_per_s": round(rasd_rate, 1),
        "regex_baseline_articles_per_s": round(base_rate, 1),
        "rasd_vs_baseline": round(rasd_rate / base_rate, 4),
        "startup_s": round(start, 3),
        "peak_rss_mb": round(rss_mb, 1),
        "targets": {"articles_per_s": 200, "startup_s": 2.0, "peak_rss_mb": 500},
    }
    print_results(res, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
