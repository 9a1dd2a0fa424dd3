"""The stores the tests run on: SQLite, and PostgreSQL when RASD_TEST_PG names a server."""

from __future__ import annotations

import os

from sqlalchemy import create_engine, text

from rasd.store import db_url

PG = os.environ.get("RASD_TEST_PG")
BACKENDS = ["sqlite"] + (["postgresql"] if PG else [])


def reset_pg(url: str) -> None:
    """An empty public schema."""
    eng = create_engine(db_url(url))
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()
