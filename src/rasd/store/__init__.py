"""The event store: SQLite by default, PostgreSQL by URL (`Store`); the schema, its
migrations, the write path (`writes`) and the queries (`Store.events`, `Store.stats`)."""

from rasd.store.store import Store, db_url

__all__ = ["Store", "db_url"]
