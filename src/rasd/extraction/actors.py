"""Actor mentions from the actor dictionary (`data/lexicon/actors.tsv`).

Generic forms (الجيش، قوات الأمن، الشرطة) name state forces of a country the text
gives elsewhere: a nisba adjective right after them (القوات الهندية), or else the
event's country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.gazetteer import load as load_gazetteer
from rasd.resources import read_tsv
from rasd.text.matcher import Matcher


@dataclass(frozen=True, slots=True)
class ActorEntry:
    actor: str
    inter: int | None
    iso3: str
    kind: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    entry: ActorEntry
    surface: str

    @property
    def needs_country(self) -> bool:
        return "{country}" in self.entry.actor

    def name(self, country: str | None) -> str | None:
        """The canonical name, with `{country}` filled in (None if it cannot be)."""
        if not self.needs_country:
            return self.entry.actor
        if not country:
            return None
        return self.entry.actor.replace("{country}", country)


@cache
def _matcher() -> Matcher[ActorEntry]:
    rows = []
    for r in read_tsv("lexicon/actors.tsv"):
        inter = int(r["inter"]) if r["inter"].strip().isdigit() else None
        rows.append((r["arabic"], ActorEntry(r["actor"], inter, r["iso3"], r["kind"])))
    return Matcher(rows, suffixes=["ا"])


def _country_name(iso3: str) -> str | None:
    c = load_gazetteer().countries.get(iso3)
    return c.name if c else None


def find_actors(text: str) -> list[ActorMention]:
    """Actor mentions in normalized text, generic forms completed by a following nisba."""
    gaz = load_gazetteer()
    adjectives = {h.start: h for h in gaz.adjectives.find(text)}
    out: list[ActorMention] = []
    for h in _matcher().find(text):
        e = h.value
        if e.kind == "ignore":
            continue
        if "{country}" in e.actor:
            # الجيش التركي، القوات الهندية: the adjective that follows names the country
            nxt = h.word_end + 1
            adj = adjectives.get(nxt)
            if adj is not None:
                name = _country_name(adj.value)
                if name:
                    e = ActorEntry(e.actor.replace("{country}", name), e.inter, adj.value, e.kind)
                    out.append(ActorMention(h.start, adj.end, e, h.surface))
                    continue
        out.append(ActorMention(h.start, h.end, e, h.surface))
    return out


def state_actor(mention: ActorMention, event_country: str | None) -> str | None:
    """Name of a mention, filling a generic state form with the event's country."""
    if not mention.needs_country:
        return mention.entry.actor
    return mention.name(_country_name(event_country) if event_country else None)
