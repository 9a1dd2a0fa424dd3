#!/usr/bin/env python3
"""Check audit part "fresh8_older" with the checks of part "fresh_older" (its validate.py):
annotations parse, ids follow pointers.jsonl in order, every event has SPEC's fields with
values in SPEC's vocabularies; print the counts used in SOURCES.md.

    python audit/fresh8_older/validate.py [--texts /tmp/fresh8_older.jsonl]

With --texts (the output of scripts/audit_texts.py --part fresh8_older) it also checks that each
`evidence` is an exact substring of its article and holds no line break.  Standard library only.
"""

import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

_spec = importlib.util.spec_from_file_location(
    "fresh_older_validate", HERE.parent / "fresh_older" / "validate.py"
)
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)


def main(argv=None) -> int:
    return _base.main(argv, HERE)


if __name__ == "__main__":
    sys.exit(main())
