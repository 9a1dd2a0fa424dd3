"""The shapes of the API's requests and answers, for validation and the OpenAPI schema
(answers are built in `views.py` and sent as they are)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rasd.settings import SETTINGS

MAX_TEXT = 200_000


class ProblemDetails(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str


class EventSummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    event_id_cnty: str
    event_date: str | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    country: str | None
    country_name: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    injuries: int | None
    weapon: str | None
    munitions: int | None
    sources: list[str]
    source_scale: str
    notes: str | None
    n_reports: int
    n_conflicts: int


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventSummary]


class Claim(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: int
    field: str
    value: Any
    source: str
    source_kind: str
    outlet: str | None
    article_id: str | None
    start: int
    end: int
    quote: str
    hedge: str | None


class Conflict(BaseModel):
    field: str
    reason: str
    claims: list[Claim]
    claim_ids: list[int | None]


class Report(BaseModel):
    model_config = ConfigDict(extra="allow")

    report: str
    article_id: str | None
    outlet: str | None
    published: str | None
    url: str | None
    sources: list[str]
    evidence: str
    evidence_span: list[int]


class Evidence(BaseModel):
    model_config = ConfigDict(extra="allow")

    start: int
    end: int
    text: str
    rule: str
    source: str | None = None
    article_id: str | None


class EventDetail(EventSummary):
    reports: list[Report]
    claims: list[Claim]
    conflicts: list[Conflict]
    fields: dict[str, list[Evidence]]
    confidence: dict[str, float]


class ArticleSpan(BaseModel):
    start: int
    end: int
    field: str
    rule: str
    text: str
    event_id: str | None
    report: str


class ArticleOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    text: str
    spans: list[ArticleSpan]


class NamedCount(BaseModel):
    name: str
    n: int


class CountryCount(BaseModel):
    iso3: str
    name: str
    n: int


class Stats(BaseModel):
    totals: dict[str, int]
    by_day: dict[str, int]
    by_type: dict[str, int]
    by_sub_type: dict[str, int]
    by_country: dict[str, int]
    claims_by_source: dict[str, int]
    countries: list[CountryCount]
    actors: list[NamedCount]
    sources: list[NamedCount]


class Config(BaseModel):
    tile_url: str | None
    tile_attribution: str
    write_enabled: bool
    version: str


class ExtractIn(BaseModel):
    """An article's text (Arabic), its publication day (for relative days) and outlet."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: date | None = Field(
        default=None,
        ge=date.fromisoformat(SETTINGS.first_day),
        le=date.fromisoformat(SETTINGS.last_day),
    )
    outlet: str | None = Field(default=None, max_length=256)
    title: str | None = Field(default=None, max_length=2000)


class ExtractOut(BaseModel):
    events: list[dict[str, Any]]


class ArticleIn(ExtractIn):
    """An article to store: its id (default: derived from the text), URL and title."""

    id: str | None = Field(default=None, min_length=1, max_length=512, pattern=r"^[^\x00-\x1f]+$")
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")


class IngestOut(BaseModel):
    article_id: str
    status: str  # new, changed, unchanged
    events: list[str]
