"""Writing events: SPEC JSON Lines, ACLED CSV, GeoJSON (`writers`) and Parquet."""

from rasd.output.acled import ACLED_COLUMNS, acled_row
from rasd.output.parquet import write_parquet
from rasd.output.writers import FORMATS, Writer, write_records

__all__ = ["ACLED_COLUMNS", "FORMATS", "Writer", "acled_row", "write_parquet", "write_records"]
