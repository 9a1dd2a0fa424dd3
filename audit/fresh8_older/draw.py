#!/usr/bin/env python3
"""Reproducible draw of audit part "fresh8_older" (40 full articles, 2015-2018).

    python audit/fresh8_older/draw.py --mirror /work/.mirror [--write]

An UNREAD part, like "fresh_older", "fresh2_older", "fresh3_older",
"fresh4_older", "fresh5_older", "fresh6_older" and "fresh7_older" were when
drawn, drawn 2026-12-08: annotated before rasd was run on it, and its errors
are not to be read case by case while rasd is developed.  Drawn so that
"fresh7_older" can become a read part, with "fresh8_older" the unread
older-corpus part.

Same corpora, candidate rules and conflict-word pool as part "older" (the
draw code of audit/fresh_older/draw.py, called with its own seed), from the
pool only, EXCLUDING every article of parts "older" (drawn + fusion),
"fresh_older", "work_older", "fresh2_older", "fresh3_older", "fresh4_older",
"fresh5_older", "fresh6_older" and "fresh7_older": SaudiNewsNet 16, ANT
multisource 16, ANT JawharaFM 8.  With --write it (re)writes
audit/fresh8_older/pointers.jsonl (annotations are never touched).
"""

import pathlib
import runpy
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20261213
STRATA = [("SaudiNewsNet", 16, 0), ("ANT-multisource", 16, 0), ("ANT-JawharaFM", 8, 0)]
PARTS = ("older", "fresh_older", "work_older", "fresh2_older", "fresh3_older", "fresh4_older",
         "fresh5_older", "fresh6_older", "fresh7_older")
ID_FMT = "audit-fresh8-older-{:03d}"

if __name__ == "__main__":
    run = runpy.run_path(str(HERE.parent / "fresh_older" / "draw.py"))["run"]
    sys.exit(run(None, __doc__, HERE, SEED, STRATA, PARTS, ID_FMT))
