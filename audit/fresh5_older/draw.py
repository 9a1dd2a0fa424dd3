#!/usr/bin/env python3
"""Reproducible draw of audit part "fresh5_older" (40 full articles, 2015-2018).

    python audit/fresh5_older/draw.py --mirror /work/.mirror [--write]

An UNREAD part, like "fresh_older", "fresh2_older", "fresh3_older" and
"fresh4_older" were when drawn, drawn 2026-12-07: annotated before rasd was run
on it, and its errors are not to be read case by case while rasd is developed.
Drawn so that "fresh4_older" can become a read part, with "fresh5_older" the
unread older-corpus part.

Same corpora, candidate rules and conflict-word pool as part "older" (the
draw code of audit/fresh_older/draw.py, called with its own seed), from the
pool only, EXCLUDING every article of parts "older" (drawn + fusion),
"fresh_older", "work_older", "fresh2_older", "fresh3_older" and
"fresh4_older": SaudiNewsNet 16, ANT multisource 16, ANT JawharaFM 8.  With
--write it (re)writes audit/fresh5_older/pointers.jsonl (annotations are never
touched).

One correction to `published`, made here and not in scripts/audit_texts.py:
its ant_published reads an 8-digit file-name date starting with "20" as
YYYYMMDD, so a DDMMYYYY name whose day is 20-29 (JA-internationalNews-115-
20122016.txt, <TIME>20/12/2016</TIME>) came out as the impossible "2012-20-16".
ant_published_fixed below reads YYYYMMDD only when the month digits are 01-12
(in DDMM20YY they are always "20"), else DDMMYYYY.  It returns a date for the
same files as before, so the candidates, the pool and the draw are unchanged;
only that file's `published` becomes 2016-12-20 (no article of an earlier part
has such a name).
"""

from __future__ import annotations

import importlib.util
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
AUDIT = HERE.parent

_spec = importlib.util.spec_from_file_location("fresh_older_draw", AUDIT / "fresh_older" / "draw.py")
fresh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh)


def ant_published_fixed(path: str, rec: dict) -> str | None:
    """The date at the end of an ANT file name: YYYYMMDD, or DDMMYYYY (see the docstring)."""
    m = re.search(r"-(\d{8})\.txt$", path)
    if not m:
        return None
    s = m.group(1)
    if s.startswith("20") and "01" <= s[4:6] <= "12":
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return f"{s[4:]}-{s[2:4]}-{s[:2]}"


fresh.at.ant_published = ant_published_fixed

SEED = 20261210
STRATA = [("SaudiNewsNet", 16, 0), ("ANT-multisource", 16, 0), ("ANT-JawharaFM", 8, 0)]
PARTS = ("older", "fresh_older", "work_older", "fresh2_older", "fresh3_older", "fresh4_older")
ID_FMT = "audit-fresh5-older-{:03d}"


def main(argv=None) -> int:
    return fresh.run(argv, __doc__, HERE, SEED, STRATA, PARTS, ID_FMT)


if __name__ == "__main__":
    sys.exit(main())
