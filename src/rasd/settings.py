"""The thresholds every stage uses, in one place.

`SETTINGS` is what rasd runs with; tests and experiments may build their own
`Settings(...)` and pass it where a function accepts one. Distances are kilometres.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Settings:
    # reading an article
    lead_sentences: int = 6  # an undated event further down is background unless it follows one
    judicial_lead: int = 2  # sentences where a sentence carried out makes the article no news
    commentary_chars: int = 1200  # a text this long with no recent day and no report verb
    commentary_lead: int = 3  # sentences where a verb of reporting makes a text a report
    fresh_days: int = 7  # a day this close before publication dates a report
    background_days: int = 30  # events older than this before publication are background (SPEC)
    aggregate_toll: int = 1000  # a death toll this high is a war's or a campaign's, not one event
    district_km: float = 15.0  # a district or facility this close to the town refines its place
    reference_gap: int = 25  # X جنوب Y: characters between a place and a near word + place
    reference_km: float = 800.0  # "X south of Y": X farther than this from Y is misread
    # "X south of Y": a namesake of X this close to Y is read before one farther away
    reference_namesake_km: float = 80.0
    quarter_reference_km: float = 60.0  # "quarter X north of Y": X farther than this is misread
    quarter_km: float = 12.0  # a quarter named after a town lies this close to it
    known_city_population: int = 1_000_000  # a city this big abroad is a place after في/ب
    major_city_population: int = 500_000  # its small namesakes need their province named
    construct_city_population: int = 100_000  # a city this big abroad names its event: هجوم نيس
    sound_city_population: int = 10_000  # a foreign town this big is found by its sound
    # one event or two
    same_place_km: float = 2.0  # in-article: two named places further apart are two places
    part_of_km: float = 8.0  # in-article: a quarter this close to a town is in it
    named_km: float = 2.0  # fusion: two named places further apart are two places
    near_km: float = 15.0  # fusion: a report "near" a town may be about a place this close
    cell_deg: float = 0.5  # fusion blocking: map cells of this many degrees
    # input
    first_day: str = "1900-01-01"  # publication days outside these are no dates (typos, 0001)
    last_day: str = "2199-12-31"
    max_chars: int = 2_000_000  # longer documents are cut (news articles are far shorter)
    min_arabic: int = 20  # Arabic letters; fewer and the document is not Arabic news
    min_arabic_share: float = 0.3  # of all letters

    def plausible_day(self, day: date) -> bool:
        """A publication day between first_day and last_day (not 0001-01-07 or 9999)."""
        return date.fromisoformat(self.first_day) <= day <= date.fromisoformat(self.last_day)


SETTINGS = Settings()
