"""The data files under `rasd/data/`, read once per process.

Analysts extend rasd by editing these files; the engine only reads them. A TSV file has
a header line; lines starting with `#` are comments; `|` separates alternative forms.

Every stage asks the one `Resources` object for what it builds from the files
(`resources().get(build)`): a file is parsed once and each table built from it (an
automaton, a vocabulary, the gazetteer) is built once, on first use.
"""

from __future__ import annotations

import csv
import gzip
import threading
from collections.abc import Callable, Iterator
from importlib import resources as _pkg
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

# libyaml's parser when PyYAML was built with it (about ten times faster at start-up)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Resources:
    """The data files of one data folder (the bundled one by default) and what is built
    from them."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or Path(str(_pkg.files("rasd") / "data"))
        self._yaml: dict[str, Any] = {}
        self._built: dict[Callable[[Resources], Any], Any] = {}
        self._lock = threading.RLock()

    def path(self, name: str) -> Path:
        """Path of a data file, e.g. `lexicon/triggers.tsv`."""
        return self.root / name

    def tsv(self, name: str) -> Iterator[dict[str, str]]:
        """Rows of a TSV file (gzip if the name ends in .gz) as dicts keyed by header."""
        path = self.path(name)
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
                    raise ValueError(
                        f"{name}: row {n} has {len(row)} fields, header has {len(header)}"
                    )
                yield {h: v.strip() for h, v in zip(header, row, strict=True)}

    def yaml(self, name: str) -> Any:
        """A YAML file, parsed (once)."""
        with self._lock:
            if name not in self._yaml:
                self._yaml[name] = yaml.load(  # noqa: S506 (a safe loader)
                    self.path(name).read_text(encoding="utf-8"), Loader=_LOADER
                )
            return self._yaml[name]

    def lines(self, name: str) -> list[str]:
        """The lines of a word-list file, without blanks and `#` comments."""
        path = self.path(name)
        if not path.exists():
            return []
        text = path.read_text(encoding="utf-8")
        return [w for w in text.splitlines() if w.strip() and not w.startswith("#")]

    def get(self, build: Callable[[Resources], T]) -> T:
        """What `build` makes from the data files, made once."""
        try:
            return self._built[build]
        except KeyError:
            with self._lock:
                if build not in self._built:
                    self._built[build] = build(self)
                return self._built[build]


_current: Resources | None = None


def resources() -> Resources:
    """The process-wide resources: the bundled data folder unless `use` chose another."""
    global _current
    if _current is None:
        _current = Resources()
    return _current


def use(res: Resources | None) -> Resources | None:
    """Read the data files of `res` from now on (an analyst's own copy of the data folder,
    `Resources(Path("my-data"))`); None goes back to the bundled folder. Returns the
    resources used before."""
    global _current
    old, _current = _current, res
    return old


def split_forms(cell: str) -> list[str]:
    """`a|b|c` → ['a', 'b', 'c'] without empty items."""
    return [p.strip() for p in cell.split("|") if p.strip()]
