#!/usr/bin/env python3
"""Reproducible draw of audit part "recent" (50 articles).

    python audit/recent/draw.py --mirror /work/.mirror [--write]

Reads the Al Jazeera Arabic listing data of sani1415/Gazza_app at COMMIT
(fetched snapshot: <mirror>/sani1415+Gazza_app/repo, a bare git directory),
builds the candidate set, draws with SEED and prints the draw; with --write it
(re)writes audit/recent/pointers.jsonl.  Annotations are not touched.

Candidate set: records of the files in FILES dated 2019-01-01..2024-12-31,
type post/video/liveblog (type "episode" = TV-programme pages, left out), with a
non-empty title and excerpt, first occurrence of each link (files in FILES
order), and no text that matches a dev-set text (sha256 of normalized text or
first 200 characters).

Pool: candidates whose text matches CONFLICT_RE (a broad conflict-word list,
written for this draw from general Arabic).  38 are drawn from the pool,
stratified over five quarters (2023-Q4 .. 2024-Q4, 8/8/8/7/7) so that dates are
spread; 12 are drawn from the candidates that do NOT match the list (in this
Gaza-war corpus a uniform draw would be nearly all conflict news, so the
"random" part is drawn from the complement to get mostly negatives).
Each stratum is a list sorted by (date, link) and shuffled with
random.Random(SEED); the first items are taken, skipping links in UNUSABLE
(the next item of the same stratum replaces a skipped one).
"""
import argparse
import hashlib
import json
import pathlib
import random
import re
import subprocess
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from text_rules import build_text  # noqa: E402

REPO = "sani1415/Gazza_app"
COMMIT = "c98d4886683d1b026562a8597750743d2bda408a"
FILES = ["articles_data_2.json", "articles_data_3.json", "articles_data_4.json",
         "live_blog_articles.json", "video_articles.json"]
RULE = "title+newline+excerpt"
SEED = 20191001
TYPES = {"post", "video", "liveblog"}
STRATA = [("2023-10-01", "2023-12-31", 8), ("2024-01-01", "2024-03-31", 8),
          ("2024-04-01", "2024-06-30", 8), ("2024-07-01", "2024-09-30", 7),
          ("2024-10-01", "2024-12-31", 7)]
N_RANDOM = 12
DEV = pathlib.Path("/work/shared/gold/dev.jsonl")

# Links drawn but judged unusable (not news / garbled / not Arabic); the next
# item of the same stratum replaces each.  Filled in while annotating.
UNUSABLE = {
    # encyclopedia entry on a church (not news), drawn as pool item 31
    "https://www.aljazeera.net/encyclopedia/2024/9/2/%D9%83%D9%86%D9%8A%D8%B3%D8%A9-%D9%82%D8%A8%D8%B1-%D9%85%D8%B1%D9%8A%D9%85-%D9%85%D8%B2%D8%A7%D8%B1-%D9%8A%D9%82%D8%AF%D8%B3%D9%87-%D8%A7%D9%84%D9%85%D8%B3%D9%8A%D8%AD%D9%8A%D9%88%D9%86",
    # encyclopedia biography (not news), drawn as random item 12
    "https://www.aljazeera.net/encyclopedia/2024/11/28/%D8%B1%D9%88%D8%AD%D9%8A-%D9%81%D8%AA%D9%88%D8%AD-%D8%A7%D9%84%D8%A8%D8%AF%D9%8A%D9%84-%D9%84%D9%84%D8%B4%D8%BA%D9%88%D8%B1-%D8%A7%D9%84%D8%B1%D8%A6%D8%A7%D8%B3%D9%8A-%D9%81%D9%8A",
}

# Broad conflict-word list (stems with common inflections), general Arabic.
_WORDS = [
    # killing, death
    r"قتل", r"مقتل", r"قتلى", r"قتيل", r"يقتل", r"تقتل", r"استشهد", r"استشهاد", r"شهيد", r"شهداء",
    r"اغتيال", r"اغتال", r"مجزر", r"ضحايا", r"جرحى", r"جريح", r"إصابة", r"اصابة", r"مصاب",
    # attack, raid, strike, shelling
    r"هجوم", r"هجمات", r"هاجم", r"يهاجم", r"تهاجم", r"غارة", r"غارات", r"قصف", r"يقصف", r"تقصف",
    r"اقتحام", r"اقتحم", r"يقتحم", r"تقتحم", r"اقتحامات", r"مداهم", r"داهم", r"توغل", r"كمين",
    r"استهداف", r"استهدف", r"يستهدف", r"تستهدف",
    # weapons
    r"صاروخ", r"صواريخ", r"صاروخي", r"قذيف", r"قذائف", r"هاون", r"مدفعي", r"مسير", r"درون",
    r"طائرة مسيرة", r"اعتراض", r"اعترض", r"تفجير", r"انفجار", r"ناسفة", r"مفخخ", r"انتحاري",
    r"إطلاق نار", r"اطلاق نار", r"رصاص", r"قناص",
    # fighting
    r"اشتباك", r"معارك", r"معركة", r"مواجهات", r"اشتبك", r"عملية عسكرية", r"عمليات عسكرية",
    # arrests, abduction
    r"اعتقال", r"اعتقل", r"يعتقل", r"تعتقل", r"معتقل", r"توقيف", r"أوقف", r"احتجاز", r"احتجز",
    r"خطف", r"اختطاف", r"اختطف", r"رهين", r"أسر",
    # protest
    r"احتجاج", r"احتجاجات", r"محتج", r"تظاهر", r"متظاهر", r"مظاهرة", r"مظاهرات", r"وقفة",
    r"اعتصام", r"شغب",
    # sea
    r"سفينة", r"سفن", r"ناقلة", r"بحرية",
]
CONFLICT_RE = re.compile("|".join(sorted(set(_WORDS), key=len, reverse=True)))


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text).strip()


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def git_show(mirror: pathlib.Path, path: str) -> bytes:
    gitdir = mirror / "sani1415+Gazza_app" / "repo"
    if (gitdir / ".git").is_dir():
        gitdir = gitdir / ".git"
    return subprocess.run(["git", "--git-dir", str(gitdir), "show", f"{COMMIT}:{path}"],
                          check=True, capture_output=True).stdout


def candidates(mirror: pathlib.Path):
    dev = [json.loads(l)["text"] for l in DEV.open(encoding="utf-8")] if DEV.exists() else []
    dev_sha = {sha(norm(t)) for t in dev}
    dev_200 = {norm(t)[:200] for t in dev}
    seen, out = set(), []
    for path in FILES:
        records = json.loads(git_show(mirror, path))
        for index, rec in enumerate(records):
            date = rec.get("date") or ""
            if not ("2019-01-01" <= date <= "2024-12-31"):
                continue
            if rec.get("type") not in TYPES:
                continue
            if not (rec.get("title") or "").strip() or not (rec.get("excerpt") or "").strip():
                continue
            link = rec.get("link")
            if link in seen:
                continue
            seen.add(link)
            text = build_text(rec, RULE)
            if sha(norm(text)) in dev_sha or norm(text)[:200] in dev_200:
                continue
            out.append({"path": path, "index": index, "date": date, "link": link,
                        "type": rec.get("type"), "text": text,
                        "pool": bool(CONFLICT_RE.search(text))})
    return out


def ordered(items, seed=SEED):
    items = sorted(items, key=lambda c: (c["date"], c["link"]))
    random.Random(seed).shuffle(items)
    return items


def take(items, n, unusable=UNUSABLE):
    got = []
    for c in items:
        if len(got) == n:
            break
        if c["link"] in unusable:
            continue
        got.append(c)
    return got


def stratified(cands, strata, n_random, seed=SEED, unusable=UNUSABLE):
    """The pool (candidates flagged "pool"), and the draw: per (first day, last day, n)
    of `strata` n pool items of those dates, then `n_random` of the other candidates."""
    pool = [c for c in cands if c["pool"]]
    rest = [c for c in cands if not c["pool"]]
    drawn = []
    for lo, hi, n in strata:
        stratum = [c for c in pool if lo <= c["date"] <= hi]
        drawn += [dict(c, drawn_as="pool") for c in take(ordered(stratum, seed), n, unusable)]
    drawn += [dict(c, drawn_as="random") for c in take(ordered(rest, seed), n_random, unusable)]
    return pool, drawn


def pointer_lines(drawn, id_fmt):
    """The pointers.jsonl lines of the items drawn, numbered with `id_fmt`."""
    return [{"id": id_fmt.format(i), "repo": REPO, "commit": COMMIT, "path": c["path"],
             "member": None, "locator": {"index": c["index"]}, "text_rule": RULE,
             "sha256": sha(c["text"]), "chars": len(c["text"]), "published": c["date"],
             "outlet": "Al Jazeera", "drawn_as": c["drawn_as"]}
            for i, c in enumerate(drawn, 1)]


def draw(mirror: pathlib.Path):
    cands = candidates(mirror)
    pool, drawn = stratified(cands, STRATA, N_RANDOM)
    return cands, pool, drawn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    cands, pool, drawn = draw(pathlib.Path(args.mirror))
    print(f"candidates {len(cands)}  pool {len(pool)}  rest {len(cands) - len(pool)}  drawn {len(drawn)}",
          file=sys.stderr)
    write_and_show(pointer_lines(drawn, "audit-recent-{:03d}"), drawn, HERE, args.write)


def write_and_show(lines, drawn, folder, write):
    """Print the drawn items; with `write`, (re)write folder/pointers.jsonl."""
    if write:
        with (folder / "pointers.jsonl").open("w", encoding="utf-8") as f:
            for l in lines:
                f.write(json.dumps(l, ensure_ascii=False) + "\n")
    for l, c in zip(lines, drawn):
        print(l["id"], l["published"], l["drawn_as"], c["type"], c["link"][:60])


if __name__ == "__main__":
    main()
