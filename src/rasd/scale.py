"""Scale-out with Dask: partition the input, extract in workers, write Parquet shards,
then load the shards into the store (or an output file) from the driver.

With no scheduler address a `dask.distributed` LocalCluster is started (one process
per worker, one thread each: the extractor is pure Python). The default engine of
`rasd extract` stays a single process.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rasd.ingest import Notice, Read, Skip, expand, parse_date, read_path
from rasd.model import Article, Event


@dataclass(frozen=True)
class Unit:
    """One piece of input a worker reads: a whole file, or bytes [start, stop) of a JSONL
    file (whole lines: a worker seeks to its piece instead of reading the file)."""

    path: str
    start: int = 0
    stop: int = -1


def plan(inputs: list[str], lines_per_unit: int = 200) -> list[Unit]:
    """Work units for the inputs: local paths, folders and globs, and fsspec URLs
    (s3://bucket/*.jsonl with s3fs installed; JSON Lines split by lines)."""
    units: list[Unit] = []
    for spec in inputs:
        if "://" in spec and not spec.startswith(("http://", "https://")):
            units += _remote_units(spec, lines_per_unit)
            continue
        paths = expand(spec)
        for p in paths:
            path = Path(p)
            files = sorted(x for x in path.rglob("*") if x.is_file()) if path.is_dir() else [path]
            for f in files:
                if f.suffix.lower() in (".jsonl", ".ndjson"):
                    units += _line_units(f, lines_per_unit)
                else:
                    units.append(Unit(str(f)))
    return units


def _remote_units(spec: str, lines_per_unit: int) -> list[Unit]:
    """Units for files behind an fsspec URL (s3://, gs://, file://, memory:// …)."""
    import fsspec

    fs, _ = fsspec.core.url_to_fs(spec)
    proto = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    units: list[Unit] = []
    for path in sorted(
        fs.glob(spec) if any(ch in spec for ch in "*?[") else [fs._strip_protocol(spec)]
    ):
        url = f"{proto}://{path}"
        if path.lower().endswith((".jsonl", ".ndjson")):
            with fsspec.open(url, "rb") as fh:
                units += _ranges(url, fh, lines_per_unit)
        else:
            units.append(Unit(url))
    return units


def _ranges(name: str, fh: Any, lines_per_unit: int) -> list[Unit]:
    units: list[Unit] = []
    start = pos = count = 0
    for line in fh:
        pos += len(line)
        count += 1
        if count == lines_per_unit:
            units.append(Unit(name, start, pos))
            start, count = pos, 0
    if pos > start:
        units.append(Unit(name, start, pos))
    return units


def _line_units(path: Path, lines_per_unit: int) -> list[Unit]:
    """Byte ranges of `lines_per_unit` whole lines each."""
    with open(path, "rb") as fh:
        return _ranges(str(path), fh, lines_per_unit)


def _read_unit(u: Unit, published: date | None, outlet: str | None) -> Iterator[Read]:
    remote = "://" in u.path
    if u.stop < 0 and not remote:
        yield from read_path(Path(u.path), published, outlet)
        return
    import fsspec

    from rasd.ingest.jsonl import read_jsonl_lines

    if u.stop < 0:  # a whole remote file: fetch it, then read it like a local one
        with tempfile.TemporaryDirectory() as tmp:
            local = Path(tmp) / Path(u.path.split("://", 1)[1]).name
            with fsspec.open(u.path, "rb") as src:
                local.write_bytes(src.read())
            yield from read_path(local, published, outlet)
        return
    # a worker seeks to its piece instead of reading the file from the start
    with fsspec.open(u.path, "rb") if remote else open(u.path, "rb") as fh:
        fh.seek(u.start)
        chunk = fh.read(u.stop - u.start).decode("utf-8", errors="replace")
    yield from read_jsonl_lines(f"{u.path}@{u.start}", iter(chunk.splitlines()), published, outlet)


def extract_partition(
    units: list[Unit], shard_dir: str, published: str | None, outlet: str | None
) -> list[dict[str, Any]]:
    """Worker side: extract every article of the units, write one Parquet shard, and
    return its path and counts (skips travel as records too)."""
    import uuid

    import pyarrow as pa
    import pyarrow.parquet as pq

    from rasd.extraction.pipeline import extract_article

    pub = parse_date(published) if published else None
    rows: list[dict[str, Any]] = []
    skipped: list[dict[str, str | None]] = []
    for u in units:
        for item in _read_unit(u, pub, outlet):
            if isinstance(item, Skip):
                skipped.append(
                    {"doc": item.doc, "reason": item.reason, "raw": item.raw, "path": item.path}
                )
                continue
            if isinstance(item, Notice):
                skipped.append({"doc": item.doc, "reason": item.reason, "notice": "1"})
                continue
            try:
                events = extract_article(item)
            except Exception as e:  # noqa: BLE001 - one broken document must not stop the partition
                skipped.append(
                    {"doc": item.id, "reason": f"extraction failed ({type(e).__name__}: {e})"}
                )
                continue
            rows.append(
                {
                    "id": item.id,
                    "text": item.text,
                    "url": item.url,
                    "title": item.title,
                    "outlet": item.outlet,
                    "published": item.published.isoformat() if item.published else None,
                    "events": json.dumps([e.to_dict() for e in events], ensure_ascii=False),
                }
            )
    path = os.path.join(shard_dir, f"part-{uuid.uuid4().hex}.parquet")
    schema = pa.schema(
        [(k, pa.string()) for k in ("id", "text", "url", "title", "outlet", "published", "events")]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return [{"shard": path, "articles": len(rows), "skipped": skipped}]


def read_shard(path: str) -> Iterator[tuple[Article, list[Event]]]:
    """Driver side: the articles and events of one shard."""
    import pyarrow.parquet as pq

    for r in pq.read_table(path).to_pylist():
        a = Article(
            id=r["id"],
            text=r["text"],
            published=parse_date(r["published"]),
            outlet=r["outlet"],
            url=r["url"],
            title=r["title"],
        )
        yield a, [Event.from_dict(e) for e in json.loads(r["events"])]


def run_dask(
    inputs: list[str],
    scheduler: str | None = None,
    workers: int = 2,
    shard_dir: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    lines_per_unit: int = 200,
) -> tuple[list[str], list[dict[str, str | None]]]:
    """Extract the inputs on a Dask cluster; returns the shard paths and the skipped documents."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    units = plan(inputs, lines_per_unit)
    out_dir = shard_dir or tempfile.mkdtemp(prefix="rasd-shards-")
    os.makedirs(out_dir, exist_ok=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    try:
        if not units:
            return [], []
        bag = db.from_sequence(units, npartitions=max(1, min(len(units), workers * 4)))
        pub = published.isoformat() if published else None
        results = bag.map_partitions(extract_partition, out_dir, pub, outlet).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    shards = [r["shard"] for r in results]
    skipped = [s for r in results for s in r["skipped"]]
    return shards, skipped


def extract_with_dask(
    inputs: list[str],
    scheduler: str | None = None,
    workers: int = 2,
    shard_dir: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
) -> list[Skip | Notice | tuple[Article, list[Event]]]:
    """The inputs extracted on a Dask cluster, as items for the batch runner: the skipped
    documents, then each article with its events."""
    shards, skipped = run_dask(inputs, scheduler, workers, shard_dir, published, outlet)
    items: list[Skip | Notice | tuple[Article, list[Event]]] = [
        Notice(str(s["doc"]), str(s["reason"]))
        if s.get("notice")
        else Skip(str(s["doc"]), str(s["reason"]), raw=s.get("raw"), path=s.get("path"))
        for s in skipped
    ]
    items += [pair for shard in shards for pair in read_shard(shard)]
    return items
