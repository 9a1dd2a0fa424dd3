"""Names users write for the query filters: a country as IRQ, Iraq or العراق, an event
type in any case ("battles"). Unknown names are refused with what is accepted."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rasd.resources import Resources, resources
from rasd.taxonomy import taxonomy
from rasd.text.normalize import key


@dataclass(frozen=True)
class _Countries:
    by_name: dict[str, str]  # ISO3, ISO2, English name (lower case), Arabic key → ISO3
    english: list[str]


def _build(res: Resources) -> _Countries:
    by_name: dict[str, str] = {}
    english = []
    for r in res.tsv("gazetteer/countries.tsv"):
        iso3 = r["iso3"]
        english.append(r["name"])
        by_name[iso3.lower()] = iso3
        by_name.setdefault(r["iso2"].lower(), iso3)
        by_name[r["name"].lower()] = iso3
        for form in r["arabic"].split("|"):
            if form.strip():
                by_name.setdefault(key(form), iso3)
    return _Countries(by_name, sorted(english))


def country_code(name: str) -> str:
    """The ISO3 code of a country named by code, English name or Arabic name."""
    c = resources().get(_build)
    given = name.strip()
    code = c.by_name.get(given.lower()) or c.by_name.get(key(given))
    if code is None:
        near = difflib.get_close_matches(given, c.english, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise ValueError(
            f"unknown country {name!r}{hint}; give an ISO3 code (IRQ), an English name "
            "(Iraq) or an Arabic name"
        )
    return code


def event_type_name(name: str) -> str:
    """The ACLED event type or sub-event type a name means, whatever its case."""
    tax = taxonomy()
    names = [*tax.types, *(s for subs in tax.types.values() for s in subs)]
    for n in names:
        if n.lower() == " ".join(name.split()).lower():
            return n
    near = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    raise ValueError(
        f"unknown event type {name!r}{hint}; event types: {', '.join(tax.types)} "
        "(or one of their sub-event types)"
    )
