#!/usr/bin/env python3
"""Spot checks of rasd's output on unannotated news: a regression corpus and random samples.

The audit set (audit/) is scored; this corpus is not. It holds every article of two public
corpora with two or more conflict words (audit/spot_checks/conflict_words.txt), so that a
change can be read as the events it adds and removes over some 10,000 articles, and so that
the precision of the output can be judged on events drawn at random from it. No article
text is stored in the repository: the corpus is rebuilt from the mirrors.

    python scripts/spot_check.py build --mirror /work/.mirror --out /tmp/regress
    rasd extract -q /tmp/regress/snn.jsonl -o /tmp/new_snn.jsonl
    python scripts/spot_check.py diff /tmp/old_snn.jsonl /tmp/new_snn.jsonl
    python scripts/spot_check.py sample /tmp/new_snn.jsonl --seed 101 --n 40

``build`` writes snn.jsonl (SaudiNewsNet, July-August 2015), ant.jsonl (ANT multi-source,
2018) and gaza.jsonl (Al Jazeera titles and leads of 2023-2025 from sani1415/Gazza_app, the
items the audit's recent parts point at left out) with ids snn-00001 …, ant-00001 …,
gaza-00001 … in corpus order; ``diff`` lists, per article, the
events (type, day, place, fatalities) only one of two outputs has; ``sample`` prints events
drawn with a fixed seed, one line each, to be judged by a reader (audit/spot_checks/ holds
the judgements, by article id and event, without text). Only the standard library is used.
"""

from __future__ import annotations

import argparse
import io
import json
import pathlib
import random
import re
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORDS = ROOT / "audit" / "spot_checks" / "conflict_words.txt"
SNN = ("inparallel+SaudiNewsNet", "4e39239966c2ae8a3faa591201acb9cd1f51199d")
ANT = ("antcorpus+antcorpus.multisource.data", "f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8")
GAZA = ("sani1415+Gazza_app", "c98d4886683d1b026562a8597750743d2bda408a")
GAZA_FILES = (
    "articles_data_2.json",
    "articles_data_3.json",
    "articles_data_4.json",
    "articles_data_6.json",
    "video_articles.json",
    "live_blog_articles.json",
)


def _git(mirror: pathlib.Path, repo: str, *args: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(mirror / repo / "repo"), *args], capture_output=True, check=True
    ).stdout


def _conflict() -> re.Pattern[str]:
    words = [w.strip() for w in WORDS.read_text(encoding="utf-8").splitlines()]
    return re.compile("|".join(w for w in words if w and not w.startswith("#")))


def _snn(mirror: pathlib.Path, conflict: re.Pattern[str]) -> list[dict[str, str]]:
    repo, commit = SNN
    out: list[dict[str, str]] = []
    names = _git(mirror, repo, "ls-tree", "-r", "--name-only", commit).decode().split()
    for name in (n for n in names if n.endswith(".zip")):
        z = zipfile.ZipFile(io.BytesIO(_git(mirror, repo, "show", f"{commit}:{name}")))
        for member in z.namelist():
            for a in json.loads(z.read(member)):
                text = (a.get("content") or "").strip()
                if len(conflict.findall(text)) >= 2:
                    out.append(
                        {
                            "id": f"snn-{len(out) + 1:05d}",
                            "text": text,
                            "published": a["date_extracted"][:10],
                            "outlet": a["source"],
                        }
                    )
    return out


def _ant(mirror: pathlib.Path, conflict: re.Pattern[str]) -> list[dict[str, str]]:
    repo, commit = ANT
    out: list[dict[str, str]] = []
    names = _git(mirror, repo, "ls-tree", "-r", "--name-only", commit).decode().split("\n")
    for name in (n for n in names if n.endswith(".txt")):
        raw = _git(mirror, repo, "show", f"{commit}:{name}").decode("utf-8", "replace")
        body, day = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S), re.search(r"(\d{8})\.txt$", name)
        if not body or not day:
            continue
        text, d = body.group(1).strip(), day.group(1)
        if len(conflict.findall(text)) >= 2:
            out.append(
                {
                    "id": f"ant-{len(out) + 1:05d}",
                    "text": text,
                    "published": f"{d[:4]}-{d[4:6]}-{d[6:]}",
                    "outlet": name.split("/")[0],
                }
            )
    return out


def _audited() -> set[tuple[str, str, int]]:
    """(repo, path, index) of every item an audit part points at."""
    out = set()
    for f in (ROOT / "audit").glob("*/*pointers.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            p = json.loads(line) if line.strip() else {}
            if "index" in (p.get("locator") or {}):
                out.add((p["repo"], p["path"], p["locator"]["index"]))
    return out


def _gaza(mirror: pathlib.Path, conflict: re.Pattern[str]) -> list[dict[str, str]]:
    repo, commit = GAZA
    skip, seen = _audited(), set()
    out: list[dict[str, str]] = []
    for name in GAZA_FILES:
        items = json.loads(_git(mirror, repo, "show", f"{commit}:{name}"))
        for i, a in enumerate(items):
            title, lead = (a.get("title") or "").strip(), (a.get("excerpt") or "").strip()
            text = title + "\n" + lead  # the audit's rule title+newline+excerpt
            day = (a.get("date") or "")[:10]
            if (repo.replace("+", "/"), name, i) in skip or text in seen or len(day) != 10:
                continue
            seen.add(text)
            if len(conflict.findall(text)) >= 2:
                out.append(
                    {
                        "id": f"gaza-{len(out) + 1:05d}",
                        "text": text,
                        "published": day,
                        "outlet": a.get("source") or "Al Jazeera",
                    }
                )
    return out


CORPORA = {"snn": (SNN, _snn), "ant": (ANT, _ant), "gaza": (GAZA, _gaza)}


def build(mirror: pathlib.Path, out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    conflict = _conflict()
    for name, ((repo, _), read) in CORPORA.items():
        try:
            docs = read(mirror, conflict)
        except (subprocess.CalledProcessError, FileNotFoundError):
            repo = repo.replace("+", "/")
            sys.exit(f"spot_check: mirror of {repo} missing: fetch github:{repo}")
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"{name}: {len(docs)} articles -> {out / name}.jsonl")


def _events(path: str) -> dict[str, list[dict]]:
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d.get("events", []) for d in map(json.loads, f)}


def _key(e: dict) -> tuple:
    return (e["sub_event_type"], e.get("event_date"), e.get("location"), e.get("fatalities"))


def diff(old: str, new: str) -> None:
    a, b = _events(old), _events(new)
    changed = 0
    for k in a:
        x, y = [_key(e) for e in a[k]], [_key(e) for e in b.get(k, [])]
        gone, came = [e for e in x if e not in y], [e for e in y if e not in x]
        if gone or came:
            changed += 1
            print(k, "\n  -", gone, "\n  +", came)
    n_a, n_b = sum(map(len, a.values())), sum(map(len, b.values()))
    print(f"articles changed {changed}; events {n_a} -> {n_b}")


def sample(path: str, seed: int, n: int) -> None:
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    events = [(d["id"], e) for d in docs for e in d.get("events", [])]
    random.seed(seed)
    for i, (k, e) in enumerate(random.sample(events, min(n, len(events)))):
        evidence = (e.get("evidence") or "")[:200].replace("\n", " ")
        print(i, k, *_key(e), "|", evidence)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--mirror", type=pathlib.Path, default=pathlib.Path("/work/.mirror"))
    b.add_argument("--out", type=pathlib.Path, required=True)
    d = sub.add_parser("diff")
    d.add_argument("old")
    d.add_argument("new")
    s = sub.add_parser("sample")
    s.add_argument("output")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=40)
    args = p.parse_args()
    if args.cmd == "build":
        build(args.mirror, args.out)
    elif args.cmd == "diff":
        diff(args.old, args.new)
    else:
        sample(args.output, args.seed, args.n)


if __name__ == "__main__":
    main()
