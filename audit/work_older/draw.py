#!/usr/bin/env python3
"""Reproducible draw of audit part "work_older" (40 full articles, 2015-2018).

    python audit/work_older/draw.py --mirror /work/.mirror [--write]

A WORKING part: its errors are read while rasd is developed (like parts
"older" and "recent"), so its figures flatter rasd; the unread parts
("fresh_older", "fresh_recent") are the ones to quote.  Annotated before
rasd was run on it all the same, so that the annotations follow SPEC.md and
not rasd.

Same corpora, candidate rules and conflict-word pool as part "older" (the
draw code of audit/fresh_older/draw.py, called with its own seed), from the
pool only (articles with events are what a working part is for), EXCLUDING
every article of parts "older" (drawn + fusion) and "fresh_older":
SaudiNewsNet 16, ANT multisource 16, ANT JawharaFM 8.  With --write it
(re)writes audit/work_older/pointers.jsonl (annotations are never touched).
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
AUDIT = HERE.parent

_spec = importlib.util.spec_from_file_location("fresh_older_draw", AUDIT / "fresh_older" / "draw.py")
fresh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh)

SEED = 20261206
STRATA = [("SaudiNewsNet", 16, 0), ("ANT-multisource", 16, 0), ("ANT-JawharaFM", 8, 0)]
PARTS = ("older", "fresh_older")
ID_FMT = "audit-work-older-{:03d}"


def main(argv=None) -> int:
    return fresh.run(argv, __doc__, HERE, SEED, STRATA, PARTS, ID_FMT)


if __name__ == "__main__":
    sys.exit(main())
