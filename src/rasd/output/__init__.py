"""Writing events: SPEC JSON Lines, ACLED CSV, GeoJSON (`writers`) and GeoParquet."""

from rasd.output.acled import ACLED_COLUMNS, AcledStyle, acled_row, record_row
from rasd.output.parquet import write_parquet
from rasd.output.writers import FORMATS, ExportOptions, Writer, write_records

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "AcledStyle",
    "ExportOptions",
    "Writer",
    "acled_row",
    "record_row",
    "write_parquet",
    "write_records",
]
