"""The event store: SQLite by default, PostgreSQL by URL (`Store`); the schema, its
migrations, the write path (`writes`) and the queries (`Store.events`, `Store.stats`)."""

from rasd.store.store import Store, StoreError, db_url

__all__ = ["Store", "StoreError", "db_url"]
