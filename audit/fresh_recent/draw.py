#!/usr/bin/env python3
"""Reproducible draw of audit part "fresh_recent" (40 items).

    python audit/fresh_recent/draw.py --mirror /work/.mirror [--write]

Same corpus, commit, text rule, candidate rules and conflict-word pool as part
"recent" (imported from audit/recent/draw.py, whose draw functions it calls), with a
new seed, and EXCLUDING the 50 items of audit/recent/pointers.jsonl:
a candidate is passed over when its (path, index) is one of theirs, when the
sha256 of its text (raw, or NFC/whitespace-normalized) is one of theirs, or
when its aljazeera.net link is the link of one of their records.

Draw (seed SEED): 30 from the pool, stratified by quarter (2023-Q4 .. 2024-Q4,
6 each), and 10 "random" from the candidates outside the pool.  Each stratum
is sorted by (date, link), shuffled with random.Random(SEED), and its first
items taken, skipping links in UNUSABLE (the next item of the same stratum
replaces a skipped one).  With --write it (re)writes
audit/fresh_recent/pointers.jsonl (annotations are never touched).
"""
import argparse
import importlib.util
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
AUDIT = HERE.parent

_spec = importlib.util.spec_from_file_location("audit_recent_draw", AUDIT / "recent" / "draw.py")
recent = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(recent)

REPO, COMMIT, FILES, RULE = recent.REPO, recent.COMMIT, recent.FILES, recent.RULE
CONFLICT_RE = recent.CONFLICT_RE  # the pool is the candidates' "pool" flag, set with it
sha, norm, git_show = recent.sha, recent.norm, recent.git_show

SEED = 20261205
STRATA = [("2023-10-01", "2023-12-31", 6), ("2024-01-01", "2024-03-31", 6),
          ("2024-04-01", "2024-06-30", 6), ("2024-07-01", "2024-09-30", 6),
          ("2024-10-01", "2024-12-31", 6)]
N_RANDOM = 10
ID_FMT = "audit-fresh-recent-{:03d}"

# Links drawn but judged unusable (not news: encyclopedia entries and the like);
# the next item of the same stratum replaces each.  Filled in while annotating.
UNUSABLE: dict[str, str] = {
}


def recent_exclusions(mirror: pathlib.Path, parts=("recent",)):
    """(path, index) pairs, text hashes and links of the items of the given parts."""
    pointers = [json.loads(l) for part in parts
                for l in (AUDIT / part / "pointers.jsonl").open(encoding="utf-8")]
    locs, hashes, links, cache = set(), set(), set(), {}
    for p in pointers:
        assert p["repo"] == REPO and p["commit"] == COMMIT
        if p["path"] not in cache:
            cache[p["path"]] = json.loads(git_show(mirror, p["path"]))
        rec = cache[p["path"]][p["locator"]["index"]]
        text = recent.build_text(rec, p["text_rule"])
        assert sha(text) == p["sha256"], p["id"]
        locs.add((p["path"], p["locator"]["index"]))
        hashes.update({p["sha256"], sha(norm(text))})
        links.add(rec.get("link"))
    return locs, hashes, links, len(pointers)


def draw(mirror: pathlib.Path, seed=SEED, strata=STRATA, n_random=N_RANDOM, parts=("recent",)):
    all_cands = recent.candidates(mirror)
    locs, hashes, links, n_recent = recent_exclusions(mirror, parts)
    cands = [c for c in all_cands
             if (c["path"], c["index"]) not in locs
             and sha(c["text"]) not in hashes and sha(norm(c["text"])) not in hashes
             and c["link"] not in links]
    assert len(all_cands) - len(cands) == n_recent, (len(all_cands), len(cands))
    pool, drawn = recent.stratified(cands, strata, n_random, seed, UNUSABLE)
    return all_cands, cands, pool, drawn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    all_cands, cands, pool, drawn = draw(pathlib.Path(args.mirror))
    print(f"candidates {len(all_cands)}  after excluding part recent {len(cands)}  "
          f"pool {len(pool)}  rest {len(cands) - len(pool)}  drawn {len(drawn)}", file=sys.stderr)
    recent.write_and_show(recent.pointer_lines(drawn, ID_FMT), drawn, HERE, args.write)


if __name__ == "__main__":
    main()
