"""Reading the data files under `rasd/data/` (TSV and YAML), once per process.

Analysts extend rasd by editing these files; the engine only reads them. A TSV file
has a header line; lines starting with `#` are comments.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA = resources.files("rasd") / "data"


def data_path(name: str) -> Path:
    """Path of a bundled data file, e.g. `lexicon/triggers.tsv`."""
    return Path(str(DATA / name))


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a bundled TSV file (gzip if the name ends in .gz) as dicts keyed by header."""
    path = data_path(name)
    if not path.exists():
        return
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            return
        for n, row in enumerate(reader, 2):
            if len(row) < len(header):
                row = row + [""] * (len(header) - len(row))
            elif len(row) > len(header):
                raise ValueError(f"{name}: row {n} has {len(row)} fields, header has {len(header)}")
            yield {h: v.strip() for h, v in zip(header, row, strict=True)}


@cache
def read_yaml(name: str) -> Any:
    """A bundled YAML file, parsed."""
    return yaml.safe_load(data_path(name).read_text(encoding="utf-8"))


def split_forms(cell: str) -> list[str]:
    """`a|b|c` → ['a', 'b', 'c'] without empty items."""
    return [p.strip() for p in cell.split("|") if p.strip()]
