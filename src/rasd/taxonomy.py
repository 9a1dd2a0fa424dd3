"""ACLED's event taxonomy and what each type implies (`lexicon/event_types.yaml`): its
sub-event types, whether it is political violence, its disorder type and the actors
ACLED codes when the text names none. A new sub-type is a line of YAML (and its
triggers in triggers.tsv), not code."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.resources import Resources, resources


@dataclass(frozen=True)
class TypeInfo:
    """What an event type (or one of its sub-event types) implies."""

    violent: bool
    disorder: str
    actor1: tuple[str, int] | None  # (name, ACLED inter code) when no perpetrator is named
    actor2: tuple[str, int] | None  # … when no target is named


@dataclass(frozen=True)
class Taxonomy:
    types: dict[str, list[str]]  # event type → its sub-event types
    info: dict[tuple[str, str], TypeInfo]  # (event type, sub-event type) → what it implies
    violent: frozenset[str]  # the event types of political violence

    @property
    def default_actors(self) -> frozenset[str]:
        """Names ACLED gives actors the text does not name (generic, not a party)."""
        return frozenset(a[0] for i in self.info.values() for a in (i.actor1, i.actor2) if a)

    def valid(self, event_type: str, sub_event_type: str) -> bool:
        """Whether a sub-event type belongs to an event type in ACLED's hierarchy."""
        return sub_event_type in self.types.get(event_type, [])

    def of(self, event_type: str, sub_event_type: str) -> TypeInfo:
        got = self.info.get((event_type, sub_event_type))
        if got is None:
            raise KeyError(f"not an ACLED type: {event_type} / {sub_event_type}")
        return got


def taxonomy() -> Taxonomy:
    """The taxonomy (built once)."""
    return resources().get(_build)


def _build(res: Resources) -> Taxonomy:
    y = res.yaml("lexicon/event_types.yaml")
    types = {k: list(v) for k, v in y["taxonomy"].items()}
    info = {}
    for etype, subs in types.items():
        base = y["types"][etype]
        for sub in subs:
            d = {**base, **y.get("sub_types", {}).get(sub, {})}
            info[(etype, sub)] = TypeInfo(
                bool(d.get("violent")),
                str(d["disorder"]),
                (d["actor1"][0], int(d["actor1"][1])) if d.get("actor1") else None,
                (d["actor2"][0], int(d["actor2"][1])) if d.get("actor2") else None,
            )
    violent = frozenset(t for t in types if y["types"][t].get("violent"))
    return Taxonomy(types, info, violent)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event type / sub-event type."""
    return taxonomy().of(event_type, sub_event_type).disorder
