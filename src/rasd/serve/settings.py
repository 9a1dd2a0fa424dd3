"""What a server is given: the store, the write token, limits and the map's tile layer."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


@dataclass(frozen=True)
class ServeSettings:
    """Settings of one server. `token`: the bearer token that write endpoints require
    (from RASD_TOKEN; without one they answer 403); `max_body`: the largest request body
    in bytes; `max_text`: the longest article text in characters; `max_limit`: the largest
    page of `GET /events` as JSON; `tile_url`: an optional tile layer for online users."""

    db: str
    token: str | None = field(default_factory=lambda: os.environ.get("RASD_TOKEN") or None)
    max_body: int = 1_000_000
    max_text: int = 200_000
    max_limit: int = 1000
    default_limit: int = 100
    max_export: int = 100_000
    tile_url: str | None = field(default_factory=lambda: os.environ.get("RASD_TILE_URL") or None)
    tile_attribution: str = field(
        default_factory=lambda: os.environ.get("RASD_TILE_ATTRIBUTION", "")
    )
    static: Path = STATIC
