"""Running the server: `rasd serve` (uvicorn over a store) and `rasd demo` (the bundled
example articles loaded into a fresh SQLite file, then served)."""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import webbrowser
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from rasd.serve.app import create_app
from rasd.serve.settings import ServeSettings

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"
ENV_DB = "RASD_SERVE_DB"


def app_from_env() -> FastAPI:
    """The application over the store named by RASD_SERVE_DB (uvicorn's factory, for
    several worker processes)."""
    return create_app(ServeSettings(db=os.environ[ENV_DB]))


def serve(db: str, host: str, port: int, workers: int = 1, open_browser: bool = False) -> int:
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"rasd: listening on {host}: other machines can reach this server", file=sys.stderr)
    if workers > 1:
        if port == 0:
            port = _free_port(host)
        os.environ[ENV_DB] = db
        _announce(db, host, port)
        uvicorn.run(
            "rasd.serve.run:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            access_log=False,
        )
        return 0
    app = create_app(ServeSettings(db=db))
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    _Server(config, db, open_browser).run()
    return 0


class _Server:
    """uvicorn's server, saying where it listens once it does (the port may be 0: any)."""

    def __init__(self, config: Any, db: str, open_browser: bool) -> None:
        import uvicorn

        outer = self

        class Server(uvicorn.Server):
            async def startup(self, sockets: Any = None) -> None:
                await super().startup(sockets)
                for server in self.servers:
                    for sock in server.sockets:
                        host, port = sock.getsockname()[:2]
                        outer.started(host, port)
                        return

        self.server = Server(config)
        self.db, self.open_browser = db, open_browser

    def started(self, host: str, port: int) -> None:
        url = _announce(self.db, host, port)
        if self.open_browser:
            webbrowser.open(url)

    def run(self) -> None:
        self.server.run()


def _announce(db: str, host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    print(f"rasd: serving {db} at {url} (API docs at {url}docs; Ctrl-C stops)", flush=True)
    return url


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def load_examples(db: str) -> str:
    """Extract the bundled example articles into the store `db`; returns the run summary."""
    from rasd.runner import Job, run
    from rasd.store import Store

    store = Store(db)
    try:
        paths = [str(p) for p in sorted(EXAMPLES.glob("*.jsonl"))]
        with open(os.devnull, "w", encoding="utf-8") as out:
            summary = run(Job(paths, store=store, quiet=True), out)
    finally:
        store.close()
    return summary.text()


def demo(db: str | None, host: str, port: int, open_browser: bool = True) -> int:
    if db is None:
        db = str(Path(tempfile.mkdtemp(prefix="rasd-demo-")) / "rasd-demo.db")
    elif Path(db).exists():
        print(f"rasd: {db} exists; the demo makes a new store: name a new file", file=sys.stderr)
        return 2
    print(load_examples(db), file=sys.stderr)
    return serve(db, host, port, 1, open_browser)
