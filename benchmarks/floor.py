"""The floor of bench_speed.py: the least a program can do with the same input.

Reads JSON Lines, runs one compiled `re` alternation of 200 conflict words over each
text and writes one JSON line per article (its id and the words found). The words are
the first 200 trigger forms of lexicon/triggers.tsv in code-point order. It imports
nothing of rasd, so its cold start is the interpreter's.

    python benchmarks/floor.py input.jsonl [output.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TRIGGERS = Path(__file__).resolve().parents[1] / "src/rasd/data/lexicon/triggers.tsv"
WORDS = 200


def words() -> list[str]:
    forms: set[str] = set()
    for line in TRIGGERS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or not line.strip() or cols[0] == "arabic":
            continue
        forms.update(f for f in cols[0].split("|") if f)
    return sorted(forms)[:WORDS]


def main(argv: list[str]) -> int:
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words(), key=len, reverse=True)))
    out = open(argv[2], "w", encoding="utf-8") if len(argv) > 2 else sys.stdout  # noqa: SIM115
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            found = [m.group() for m in pattern.finditer(record["text"])]
            out.write(json.dumps({"id": record["id"], "words": found}, ensure_ascii=False) + "\n")
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
