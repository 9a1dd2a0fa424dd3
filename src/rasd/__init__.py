"""rasd (رصد): Arabic news → ACLED-style conflict-event records, offline and explainable."""

from rasd.extraction.pipeline import extract, extract_article
from rasd.model import Article, Event, Evidence

__version__ = "0.1.0"
__all__ = ["Article", "Event", "Evidence", "extract", "extract_article", "__version__"]
