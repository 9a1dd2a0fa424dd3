#!/usr/bin/env python3
"""Reproducible draw of audit part "work_recent" (40 items, 2023-2024).

    python audit/work_recent/draw.py --mirror /work/.mirror [--write]

A WORKING part: its errors are read while rasd is developed, so its figures
flatter rasd; the unread part "fresh_recent" is the one to quote.  Annotated
before rasd was run on it all the same.

Same corpus, text rule, candidate rules and conflict-word pool as part
"recent" (the draw code of audit/fresh_recent/draw.py, called with its own
seed), pool only (8 per quarter, 2023-Q4 .. 2024-Q4), EXCLUDING every item of
parts "recent" and "fresh_recent".  With --write it (re)writes
audit/work_recent/pointers.jsonl (annotations are never touched).
"""
import argparse
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
AUDIT = HERE.parent

_spec = importlib.util.spec_from_file_location("fresh_recent_draw", AUDIT / "fresh_recent" / "draw.py")
fresh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh)

SEED = 20261206
STRATA = [(start, end, 8) for start, end, _ in fresh.STRATA]
PARTS = ("recent", "fresh_recent")
ID_FMT = "audit-work-recent-{:03d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    all_cands, cands, pool, drawn = fresh.draw(pathlib.Path(args.mirror), SEED, STRATA, 0, PARTS)
    print(f"candidates {len(all_cands)}  after excluding {', '.join(PARTS)} {len(cands)}  "
          f"pool {len(pool)}  drawn {len(drawn)}", file=sys.stderr)
    lines = fresh.recent.pointer_lines(drawn, ID_FMT)
    fresh.recent.write_and_show(lines, drawn, HERE, args.write)


if __name__ == "__main__":
    main()
