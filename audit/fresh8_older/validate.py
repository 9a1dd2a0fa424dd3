#!/usr/bin/env python3
"""Check audit part "fresh8_older" with the checks of part "fresh_older" (see its validate.py).

    python audit/fresh8_older/validate.py [--texts /tmp/fresh8_older.jsonl]
"""

import pathlib
import runpy
import sys

HERE = pathlib.Path(__file__).resolve().parent

if __name__ == "__main__":
    sys.exit(runpy.run_path(str(HERE.parent / "fresh_older" / "validate.py"))["main"](None, HERE))
