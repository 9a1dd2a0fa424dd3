"""`rasd serve` as a separate process on 127.0.0.1, for the tests that need a real server
(the browser tests, schemathesis)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def served(
    db: str, token: str | None = None, timeout: float = 60, workers: int = 1
) -> Iterator[str]:
    """Runs `rasd serve --db db` until the block ends; yields its base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "RASD_TOKEN"}
    if token:
        env["RASD_TOKEN"] = token
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "rasd.cli", "serve", "--db", db, "--port", str(port)),
                *("--workers", str(workers)),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    urllib.request.urlopen(base + "/config.json", timeout=2).read()
                    break
                except OSError as e:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(f"rasd serve did not start:\n{log.read()}") from e
                    time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
