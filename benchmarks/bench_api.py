"""Load test of `rasd serve`: `GET /events?country=…` over a store of 10,000 canonical
events, from this process against the server in another, on 127.0.0.1 only.

The store is made from the seed article: its events copied into synthetic articles on
days three apart (so that fusion keeps them apart) with places moved a little, through
the store's own write path. The client is `wrk` (Debian's package; a Lua hook stops each
thread after its share of the requests) or, without it or with `--client python`, a small
asyncio HTTP/1.1 client with keep-alive connections. Either is bounded in requests and in
time and reports requests per second, latency percentiles and errors (any answer but 200,
any socket error).

    python benchmarks/bench_api.py [--events 10000] [--requests 100000] [--seconds 30]
                                   [--connections 16] [--workers 2] [--client wrk] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from rasd.extraction.pipeline import extract_article
from rasd.model import Article, Event
from rasd.store import Store
from rasd.store.store import batched

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from common import print_results  # noqa: E402
from server_process import served  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "src/rasd/data/examples/seed-73ea38c8.jsonl"


def build_store(db: str, n_events: int, seed: int = 5) -> int:
    """A store of about n_events canonical events; returns how many it holds."""
    rec = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    base = Article(rec["id"], rec["text"], date.fromisoformat(rec["published"]), rec["outlet"])
    events = extract_article(base)
    rnd = random.Random(seed)
    store = Store(db)
    n_articles = -(-n_events // len(events))

    def articles():
        for i in range(n_articles):
            shift = timedelta(days=3 * i)
            art = Article(f"bench-{i:06d}", base.text, base.published + shift, base.outlet)
            evs = []
            for e in events:
                c: Event = copy.deepcopy(e)
                c.article_id = art.id
                c.published = art.published
                c.event_date = e.event_date + shift if e.event_date else None
                if c.latitude is not None and c.longitude is not None:
                    c.latitude = round(c.latitude + rnd.uniform(-0.3, 0.3), 4)
                    c.longitude = round(c.longitude + rnd.uniform(-0.3, 0.3), 4)
                evs.append(c)
            yield art, evs

    run_id = store.start_run("bench_api")
    for batch in batched(articles(), 100):
        store.save_batch(batch, run_id)
    n = store.counts()["events"]
    store.close()
    return n


async def _one_connection(
    host: str, port: int, path: str, todo: list[int], deadline: float, out: dict
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n"
    try:
        while todo and time.perf_counter() < deadline:
            todo.pop()
            t0 = time.perf_counter()
            writer.write(request.encode("ascii"))
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = await reader.readexactly(length)
            out["latencies"].append(time.perf_counter() - t0)
            out["bytes"] += len(body)
            if status != 200:
                out["errors"] += 1
    except (OSError, asyncio.IncompleteReadError, ValueError):
        out["errors"] += 1
    finally:
        writer.close()


async def load(base: str, path: str, n: int, seconds: float, connections: int) -> dict:
    host, port = base.removeprefix("http://").split(":")
    out = {"latencies": [], "errors": 0, "bytes": 0}
    todo = list(range(n))
    t0 = time.perf_counter()
    deadline = t0 + seconds
    await asyncio.gather(
        *(_one_connection(host, int(port), path, todo, deadline, out) for _ in range(connections))
    )
    out["elapsed"] = time.perf_counter() - t0
    return out


WRK_LUA = """
local done = 0
local max = %d
function response(status, headers, body)
  done = done + 1
  if done >= max then wrk.thread:stop() end
end
"""


def wrk(base: str, path: str, n: int, seconds: float, connections: int, tmp: str) -> dict:
    """wrk with two threads, each stopping after n/2 answers or when the time is up."""
    threads = 2
    lua = Path(tmp) / "stop.lua"
    lua.write_text(WRK_LUA % max(1, n // threads), encoding="utf-8")
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(seconds)}s", "--latency"]
    out = subprocess.run(
        [*cmd, "-s", str(lua), base + path], capture_output=True, text=True, timeout=seconds + 60
    ).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    done = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out).group(1))  # type: ignore[union-attr]
    elapsed = re.search(r"requests in ([\d.]+)(ms|s|m)", out)
    secs = float(elapsed.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[elapsed.group(2)]  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(int(x) for x in sock.groups()) if sock else 0
    )
    return {
        "done": done,
        "elapsed": secs,
        "errors": errors,
        "p50": ms("50"),
        "p90": ms("90"),
        "p99": ms("99"),
        "mean": None,
        "bytes": None,
    }


def python_client(base: str, path: str, n: int, seconds: float, connections: int) -> dict:
    res = asyncio.run(load(base, path, n, seconds, connections))
    lat = res["latencies"]
    done = len(lat)
    return {
        "done": done,
        "elapsed": res["elapsed"],
        "errors": res["errors"],
        "p50": _pct(lat, 0.50),
        "p90": _pct(lat, 0.90),
        "p99": _pct(lat, 0.99),
        "mean": round(statistics.fmean(lat) * 1000, 2) if lat else None,
        "bytes": round(res["bytes"] / done) if done else 0,
    }


def _pct(xs: list[float], q: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(q * len(xs)))] * 1000 if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument(
        "--requests", type=int, default=100_000, help="at most this many requests (a safety cap)"
    )
    ap.add_argument("--seconds", type=float, default=30.0, help="and at most this long")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--country", default="IRQ")
    ap.add_argument("--workers", type=int, default=2, help="server processes (default 2)")
    ap.add_argument("--client", choices=("wrk", "python"), help="default: wrk when installed")
    ap.add_argument("--db", help="reuse this store (made when missing)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    client = a.client or ("wrk" if shutil.which("wrk") else "python")

    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        n_events = Store(db).counts()["events"] if Path(db).exists() else build_store(db, a.events)
        build_s = time.perf_counter() - t0
        path = f"/events?country={a.country}"
        with served(db, workers=a.workers) as base:
            with urllib.request.urlopen(base + path) as r:
                first = json.loads(r.read())
                size = len(json.dumps(first, ensure_ascii=False).encode("utf-8"))
            asyncio.run(load(base, path, 400, 10, 4))  # warm-up
            if client == "wrk":
                res = wrk(base, path, a.requests, a.seconds, a.connections, tmp)
            else:
                res = python_client(base, path, a.requests, a.seconds, a.connections)
    print_results(
        {
            "stored events": n_events,
            "store build (s)": round(build_s, 1),
            "request": f"GET {path} (total {first['total']}, page of {first['limit']})",
            "response bytes": size,
            "client": client,
            "server workers": a.workers,
            "connections": a.connections,
            "requests done": res["done"],
            "errors": res["errors"],
            "seconds": round(res["elapsed"], 2),
            # wrk's threads stop at the cap but it reports the whole duration: then the rate
            # is a lower bound
            "requests/s": (round(res["done"] / res["elapsed"], 1) if res["elapsed"] else 0)
            if res["done"] < a.requests
            else f"at least {res['done'] / res['elapsed']:.1f} (request cap reached)",
            "p50 (ms)": round(res["p50"], 2),
            "p90 (ms)": round(res["p90"], 2),
            "p99 (ms)": round(res["p99"], 2),
        },
        a.json,
    )


if __name__ == "__main__":
    main()
