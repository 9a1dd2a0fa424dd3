#!/usr/bin/env python3
"""Reproducible draw of audit part "fresh_older" (40 full articles, 2015-2018).

    python audit/fresh_older/draw.py --mirror /work/.mirror [--write]

Same three corpora, commits, text rules, candidate rules (length 250-6,000,
a date, not a dev-set text, not a repeat) and conflict-word pool (>= 3 matches
of CONFLICT_RE) as part "older": all imported from scripts/audit_texts.py
(``candidates_older``), which is not modified.  New seed, and EXCLUDING every
article of part "older" (audit/older/pointers.jsonl and
audit/older/fusion_pointers.jsonl): a candidate is passed over when its
(repo, path, member, locator) is one of theirs, or when the sha256 of its text
(raw, or NFC/whitespace-normalized) is one of theirs.

Draw (seed SEED): for each stratum (corpus) in STRATA, its pool (in candidate
order) shuffled with random.Random(f"{SEED}/{stratum}/pool") and all its
candidates shuffled with random.Random(f"{SEED}/{stratum}/random"); the first
items are taken (an article already drawn, excluded, or listed in UNUSABLE is
passed over; the next one in the same order replaces it):
SaudiNewsNet 12 pool + 4 random, ANT multisource 12 + 4, ANT JawharaFM 6 + 2.
With --write it (re)writes audit/fresh_older/pointers.jsonl (annotations are
never touched).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
AUDIT = HERE.parent
ROOT = AUDIT.parent

_spec = importlib.util.spec_from_file_location("audit_texts", ROOT / "scripts" / "audit_texts.py")
at = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(at)

SEED = 20261205
STRATA = [("SaudiNewsNet", 12, 4), ("ANT-multisource", 12, 4), ("ANT-JawharaFM", 6, 2)]
ID_FMT = "audit-fresh-older-{:03d}"

# Articles drawn but unusable (not news, garbled, not a whole article); key
# repo:path#index as in audit_texts.candidates_older.  None so far.
UNUSABLE: dict[str, str] = {}


def loc_key(repo, path, member, locator) -> str:
    return json.dumps([repo, path, member, locator or {}], sort_keys=True)


def older_exclusions(mirror: pathlib.Path, parts=("older",)):
    """Location keys and text hashes of every article of the given parts (drawn + fusion)."""
    locs, hashes, n, cache = set(), set(), 0, {}
    files = [AUDIT / part / name for part in parts for name in ("pointers.jsonl", "fusion_pointers.jsonl")]
    for path in files:
        if not path.exists():
            continue
        for p in at.read_jsonl(path):
            locs.add(loc_key(p["repo"], p["path"], p.get("member"), p.get("locator")))
            hashes.add(p["sha256"])
            text = at.build_text(at.load_record(mirror, p, cache), p["text_rule"], "older")
            assert at.sha(text) == p["sha256"], p["id"]
            hashes.add(at.sha(at.norm(text)))
            n += 1
    return locs, hashes, n


def draw_fresh_older(mirror: pathlib.Path, seed=SEED, strata=STRATA, parts=("older",)):
    cands = at.candidates_older(mirror)
    locs, hashes, n_excl = older_exclusions(mirror, parts)
    drawn, stats = [], {}
    skip = set(UNUSABLE)
    for stratum, n_pool, n_rand in strata:
        mine = [c for c in cands if c["stratum"] == stratum]
        excluded = [
            c
            for c in mine
            if loc_key(c["repo"], c["path"], c["member"], c["locator"]) in locs
            or at.sha(c["text"]) in hashes
            or at.sha(at.norm(c["text"])) in hashes
        ]
        skip.update(c["key"] for c in excluded)
        pool = [c for c in mine if c["hits"] >= at.MIN_HITS]
        stats[stratum] = {
            "candidates": len(mine),
            "pool": len(pool),
            "excluded (earlier parts)": len(excluded),
        }
        for kind, items, n in (("pool", pool, n_pool), ("random", mine, n_rand)):
            got = at.take_shuffled(items, n, f"{seed}/{stratum}/{kind}", skip)
            assert len(got) == n, (stratum, kind)
            drawn += [dict(c, drawn_as=kind) for c in got]
    return drawn, stats, n_excl


def run(argv, doc, folder, seed=SEED, strata=STRATA, parts=("older",), id_fmt=ID_FMT) -> int:
    """The command line of a draw of full articles: print it, --write its pointers."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--write", action="store_true", help=f"rewrite {folder}/pointers.jsonl")
    args = ap.parse_args(argv)
    drawn, stats, n_excl = draw_fresh_older(pathlib.Path(args.mirror), seed, strata, parts)
    print(f"parts {', '.join(parts)}: {n_excl} articles excluded (drawn + fusion)", file=sys.stderr)
    for s, v in stats.items():
        print(f"{s}: " + ", ".join(f"{k} {x}" for k, x in v.items()), file=sys.stderr)
    pointers = [at.pointer_of(c, id_fmt.format(i)) for i, c in enumerate(drawn, 1)]
    for p, c in zip(pointers, drawn, strict=True):
        print(p["id"], p["published"], p["drawn_as"], f"{p['outlet']:16s}", c["hits"], p["chars"], c["key"])
    if args.write:
        with open(folder / "pointers.jsonl", "w", encoding="utf-8") as f:
            for p in pointers:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    return 0


def main(argv=None) -> int:
    return run(argv, __doc__, HERE)


if __name__ == "__main__":
    sys.exit(main())
