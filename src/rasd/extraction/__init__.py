"""Extraction: one Arabic article in, ACLED-style events out. One module per decision:
`context` (the article's hits), `frames` and `triggers` (what happened), `places`,
`dates`, `casualties`, `actors`, `sources`, `discourse` (what earlier sentences tell a
later one), `mention`, `siblings` (several events in one sentence), `record` (the event
record with its evidence) and `dedupe` (repeated mentions folded together)."""

from rasd.extraction.pipeline import extract, extract_article

__all__ = ["extract", "extract_article"]
