"""The event store: SQLite by default, PostgreSQL by URL (`Store`); the schema, its
migrations, the write path (`writes`) and the queries (`Store.events`, `Store.stats`).

`Store`, `StoreError` and `db_url` are imported when first used: SQLAlchemy takes a
tenth of a second to import, and `rasd extract` without `--db` never needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rasd.store.store import Store, StoreError, db_url

__all__ = ["Store", "StoreError", "db_url"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from rasd.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'rasd.store' has no attribute {name!r}")
