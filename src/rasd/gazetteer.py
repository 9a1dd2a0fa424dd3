"""The embedded offline gazetteer: countries, first-level divisions, GeoNames places,
facilities and city districts, matched clitic-aware in normalized text.

Data files (all under `rasd/data/gazetteer/`, extendable by analysts):
`countries.tsv`, `admin1.tsv`, `facilities.tsv`, `geonames.tsv.gz` (built by
`scripts/build_gazetteer.py`), `common_words.txt` and `common_words_extra.txt`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.resources import Resources, resources, split_forms
from rasd.text.matcher import Hit, Matcher
from rasd.text.normalize import key
from rasd.text.words import grammar


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country, admin1, city, district, facility
    iso3: str
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    ident: str = ""  # geonameid or a data-file key
    parent: str | None = None  # the city a district or facility belongs to


@dataclass(frozen=True)
class Gazetteer:
    matcher: Matcher[tuple[Place, ...]]
    countries: dict[str, Place]  # iso3 → country
    capitals: dict[tuple[str, str], Place]  # (iso3, admin1 name) → capital city
    adjectives: Matcher[str]  # nisba adjectives → iso3 (عراقي، السورية)
    national_capitals: dict[str, Place]  # iso3 → capital city (العاصمة alone names it)
    common: frozenset[str]  # names that are words first (بيان، المصدر; وكالة is not و + Calais)

    def find(self, text: str) -> list[Hit[tuple[Place, ...]]]:
        return self.matcher.find(text)


# Name heads that news writes both joined to and apart from the rest of the name.


def load() -> Gazetteer:
    """Build the gazetteer from the data files (once per process)."""
    return resources().get(_build)


def _build(res: Resources) -> Gazetteer:
    iso2_to_3: dict[str, str] = {}
    countries: dict[str, Place] = {}
    names: dict[str, list[Place]] = {}
    adjectives: list[tuple[str, str]] = []

    def add(forms: list[str], place: Place) -> None:
        for f in forms:
            k = key(f)
            names.setdefault(k, []).append(place)

    capital_of: dict[str, str] = {}
    for r in res.tsv("gazetteer/countries.tsv"):
        iso2_to_3[r["iso2"]] = r["iso3"]
        if r.get("capital"):
            capital_of[r["iso3"]] = r["capital"]
        p = Place(
            r["name"], "country", r["iso3"], None, float(r["lat"]), float(r["lon"]), ident=r["iso3"]
        )
        countries[r["iso3"]] = p
        add(split_forms(r["arabic"]), p)
        adjectives.extend((a, r["iso3"]) for a in split_forms(r.get("adjectives", "")))

    admin1_names: dict[tuple[str, str], str] = {}
    admin1_rows = list(res.tsv("gazetteer/admin1.tsv"))
    for r in admin1_rows:
        admin1_names[(r["iso2"], r["code"])] = r["name"]

    # GeoNames places; remember each division's capital to place division-only mentions
    capital_names = {(iso2_to_3.get(r["iso2"], ""), r["name"]): r["capital"] for r in admin1_rows}
    capitals: dict[tuple[str, str], Place] = {}
    national: dict[str, Place] = {}
    common = {
        key(w)
        for name in ("gazetteer/common_words.txt", "gazetteer/common_words_extra.txt")
        for w in res.lines(name)
    }
    for r in res.tsv("gazetteer/geonames.tsv.gz"):
        iso3 = iso2_to_3.get(r["iso2"], r["iso2"])
        adm = admin1_names.get((r["iso2"], r["admin1"]))
        pop = int(r["population"] or 0)
        p = Place(
            r["name"], "city", iso3, adm, float(r["lat"]), float(r["lon"]), pop, r["geonameid"]
        )
        # the build script writes the names already as matching keys
        for k in r["arabic"].split("|"):
            names.setdefault(k, []).append(p)
        if capital_of.get(iso3) == r["name"]:
            old = national.get(iso3)
            if old is None or old.population < pop:
                national[iso3] = p
        if adm and capital_names.get((iso3, adm)) == r["name"]:
            old = capitals.get((iso3, adm))
            if old is None or old.population < pop:
                capitals[(iso3, adm)] = p

    for r in admin1_rows:
        iso3 = iso2_to_3.get(r["iso2"], r["iso2"])
        p = Place(
            r["name"],
            "admin1",
            iso3,
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            ident=f"{r['iso2']}.{r['code']}",
        )
        add(split_forms(r["arabic"]), p)
        if (iso3, r["name"]) not in capitals:
            capitals[(iso3, r["name"])] = Place(
                r["capital"] or r["name"], "city", iso3, r["name"], p.lat, p.lon
            )

    for r in res.tsv("gazetteer/facilities.tsv"):
        kind = "district" if r["kind"] == "district" else "facility"
        p = Place(
            r["name"],
            kind,
            r["iso3"],
            r["admin1"] or None,
            float(r["lat"]),
            float(r["lon"]),
            ident=r["kind"],
            parent=r.get("parent") or None,
        )
        add(split_forms(r["arabic"]), p)

    # spacing variants: البو كمال = البوكمال, ابو غريب = ابوغريب; final hamza: المخا = المخاء
    for k in list(names):
        if k.endswith("اء") and len(k) >= 5:
            names.setdefault(k[:-1], []).extend(names[k])
        elif k.endswith("ا") and len(k) >= 5:
            names.setdefault(k + "ء", []).extend(names[k])
        parts = k.split(" ")
        if len(parts) == 2 and len(parts[0]) <= 4 and len(k) >= 7:
            names.setdefault(parts[0] + parts[1], []).extend(names[k])
        elif len(parts) == 1 and len(k) >= 7:
            for head in grammar("joined_heads"):
                if k.startswith(head):
                    names.setdefault(head + " " + k[len(head) :], []).extend(names[k])
    # A name listed by a country, division or facility is a place even if it is also a word.
    curated = {k for k, ps in names.items() if any(p.kind != "city" for p in ps)}
    common -= curated
    entries = [(k, tuple(ps)) for k, ps in names.items()]
    return Gazetteer(
        Matcher(entries, min_clitic_key=4, normalized=True, article_optional=False),
        countries,
        capitals,
        Matcher(adjectives, article_optional=False),
        national,
        frozenset(common),
    )
