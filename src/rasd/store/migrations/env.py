"""Alembic environment: runs the project's migrations on the connection rasd opened."""

from alembic import context

from rasd.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("rasd migrations run through rasd.store.open_store()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
