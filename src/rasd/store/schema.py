"""The store's tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("command", Text, nullable=False),
    Column("articles_read", Integer, nullable=False, default=0),
    Column("articles_new", Integer, nullable=False, default=0),
    Column("articles_changed", Integer, nullable=False, default=0),
    Column("articles_unchanged", Integer, nullable=False, default=0),
    Column("documents_skipped", Integer, nullable=False, default=0),
    Column("reports_written", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False, default="running"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(512), nullable=False),  # the URL, or the document id without one
    Column("content_hash", String(64), nullable=False),
    Column("doc_id", String(512), nullable=False),
    Column("url", Text),
    Column("outlet", String(256)),
    Column("title", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    UniqueConstraint("key", name="uq_articles_key"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),  # rasd-… canonical id
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("country", String(3)),
    Column("admin1", String(128)),
    Column("location", String(256)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("actor1", String(256)),
    Column("actor2", String(256)),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("weapon", String(32)),
    Column("munitions", Integer),
    Column("sources", Text),  # ;-joined
    Column("source_scale", String(64)),
    Column("notes", Text),
    Column("record", JSON, nullable=False),  # the canonical record as rasd writes it
    Column("updated_at", DateTime, nullable=False),
    Index("ix_events_date_country", "event_date", "country"),
    Index("ix_events_country_date", "country", "event_date", "id"),  # a country's pages
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("n", Integer, nullable=False),  # position of the event in its article
    Column("event_id", String(32), ForeignKey("events.id", ondelete="SET NULL")),
    Column("event_type", String(64), nullable=False),
    Column("event_date", Date),
    Column("country", String(3)),
    Column("admin1", String(128)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("record", JSON, nullable=False),  # the per-article event with its evidence
    UniqueConstraint("article_id", "n", name="uq_reports_article_n"),
    Index("ix_reports_date_country", "event_date", "country"),
    Index("ix_reports_event", "event_id"),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(256), nullable=False),
    Column("kind", String(32), nullable=False),
    UniqueConstraint("name", name="uq_sources_name"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(32), nullable=False),
    Column("value", Text),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("outlet", String(256)),
    Column("start", Integer),
    Column("end", Integer),
    Column("quote", Text),
    Column("hedge", Text),
    Index("ix_claims_report", "report_id"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("claims", JSON, nullable=False),
    Index("ix_conflicts_event", "event_id"),
)
