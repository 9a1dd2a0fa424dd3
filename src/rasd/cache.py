"""Compiled tables kept between runs, so that a cold start does not rebuild them.

A table is compiled from data files by a function of the engine and stored with `marshal`
under a name made from a fingerprint of everything it was made from: the data files, the
source files of the code that compiles and reads it, and the Python version. Changing any
of them makes a new file; nothing stale is ever read. The folder is `$RASD_CACHE_DIR`, else
`$XDG_CACHE_HOME/rasd`, else `~/.cache/rasd`; `RASD_CACHE_DIR=off` (or a folder that cannot
be written) keeps the tables in memory only.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the layout of a compiled table changes without a source change


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    env = os.environ.get("RASD_CACHE_DIR")
    if env:
        return None if env.lower() in ("off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rasd"


def fingerprint(files: Iterable[Path]) -> str:
    """A digest of the files' names and bytes (missing files count as absent), the Python
    version and the table format."""
    h = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]} {marshal.version}".encode())
    for path in files:
        h.update(path.name.encode() + b"\0")
        if path.is_file():
            h.update(path.read_bytes())
        h.update(b"\1")
    return h.hexdigest()[:20]


def compiled(name: str, files: Iterable[Path], make: Callable[[], Any]) -> Any:
    """The table `make` compiles from `files` (marshal-able values only), read from the
    cache folder when it is there and current, else made and stored there."""
    where = folder()
    path = where / f"{name}-{fingerprint(files)}.marshal" if where else None
    with paused_gc():
        if path is not None and path.is_file():
            try:
                return marshal.loads(path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError) as e:
                log.warning("cache file %s is unreadable (%s): compiling it again", path, e)
        table = make()
        if path is not None:
            _store(path, marshal.dumps(table))
            _prune(path, name)
        return table


def _prune(keep: Path, name: str) -> None:
    """Remove the tables of the same name made from other files (an edited data file or a
    new rasd leaves the old ones behind)."""
    for old in keep.parent.glob(f"{name}-*.marshal"):
        if old != keep:
            old.unlink(missing_ok=True)


def _store(path: Path, blob: bytes) -> None:
    """Write atomically (a reader never sees half a file); a folder that cannot be written
    only costs the next start its time."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, path)
    except OSError as e:
        log.info("cannot keep %s in the cache (%s); it is rebuilt on each start", path.name, e)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No garbage collection while many lasting objects are made: the collector would
    walk them again and again for nothing to free."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
