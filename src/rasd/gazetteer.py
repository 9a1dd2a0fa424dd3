"""The embedded offline gazetteer: countries, first-level divisions, GeoNames places,
facilities and city districts, matched clitic-aware in normalized text.

Data files (all under `rasd/data/gazetteer/`, extendable by analysts):
`countries.tsv`, `admin1.tsv`, `admin2.tsv`, `facilities.tsv`, `geonames.tsv.gz` (built
by `scripts/build_gazetteer.py`), `places_extra.tsv`, `common_words.txt`,
`common_words_extra.txt` and `not_places.txt`.

Reading ~100,000 places from the files takes seconds, so the first run compiles them into
one table (rasd/gazetteer_cache.py) kept in the cache folder; later runs load that table
in a fraction of the time and make each place only when a text names it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd import cache
from rasd import settings as settings_module
from rasd.resources import Resources, resources, split_forms
from rasd.settings import SETTINGS
from rasd.text import matcher as matcher_module
from rasd.text import normalize as normalize_module
from rasd.text import words as words_module
from rasd.text.matcher import NO_SUFFIX, Entry, Hit, Matcher, WordMatcher, entry_table, word_codes
from rasd.text.normalize import key
from rasd.text.words import grammar


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country, admin1, admin2, city, district (of a city), facility, sea
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
    not_places: Matcher[str]  # phrases with a place name that name no place (الأسلحة البيضاء)
    spelled_back: frozenset[tuple[str, str]]  # (key, ident): names made from a romanized one
    sounds: dict[str, list[int]]  # sound_key → foreign towns, provinces (numbers in `places`)
    places: _Places

    def by_sound(self, word: str, kind: str = "city") -> tuple[Place, ...]:
        """The foreign towns (or provinces: `kind` admin1) whose name sounds like `word` (a
        matching key)."""
        found = (self.places[n] for n in self.sounds.get(sound_key(word), ()))
        return tuple(p for p in found if p.kind == kind)

    def find(self, text: str) -> list[Hit[tuple[Place, ...]]]:
        return self.matcher.find(text)


# a city this large has its name transcribed in many ways
MAJOR_CITY = 200_000


def _major(p: Place) -> bool:
    return p.kind == "admin1" or (p.kind == "city" and p.population >= MAJOR_CITY)


def _short_vowel_variants(k: str, places: list[Place], common: set[str]) -> list[str]:
    """فارياب → فرياب: one inner «ا» dropped from a one-word name (not after the article)
    when five letters or more are left and the shorter form is no common word."""
    if " " in k or len(k) < 6 or k.startswith("ال") or not any(_major(p) for p in places):
        return []
    out = []
    for i in range(1, len(k) - 1):
        if k[i] == "ا" and k[i - 1] != "ا" and k[i + 1] != "ا":
            v = k[:i] + k[i + 1 :]
            if len(v) >= 5 and v not in common:
                out.append(v)
    return out


def _large_abroad(places: list[Place], arabic: set[str]) -> list[Place]:
    """The large cities among a name's places outside the countries whose place names are
    Arabic words: their names are transcriptions, written in several ways."""
    return [
        p
        for p in places
        if p.kind == "city" and p.population >= MAJOR_CITY and p.iso3 not in arabic
    ]


def _long_vowel_variants(k: str) -> list[str]:
    """كيبك → كيبيك، كيبوك: a (large foreign city's) one-word name with one long vowel (ي
    or و) written between two of its consonants, as transcriptions of foreign names often
    add one; not after the article, only for names of four to eight letters, and not making
    an Arabic word ending."""
    if " " in k or not 4 <= len(k) <= 8 or k.startswith(grammar("no_variant_heads")):
        return []  # لقدس: an article or a clitic (للقديس is "for the saint")
    vowels = set(grammar("vowel_letters"))
    out = [
        k[:i] + v + k[i:]
        for i in range(2, len(k))
        if k[i - 1] not in vowels and k[i] not in vowels
        for v in grammar("added_vowels")
    ]
    return [w for w in out if not w.endswith(grammar("word_endings"))]


def sound_key(word: str) -> str:
    """How a transcribed name sounds (دوغوبيازيد and دوغبايزيد both give دغبزد): its
    letters without inner vowel letters or a final «a» (ه), each written as its sound group's
    first (grammar.yaml sound_classes), a doubled letter once."""
    first, vowels = resources().get(_sound_letters)
    word = word[:-1] if len(word) > 2 and word.endswith("\u0647") else word
    out: list[str] = []
    for i, c in enumerate(word):
        if i and c in vowels:
            continue
        c = first.get(c, c)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _sound_letters(res: Resources) -> tuple[dict[str, str], frozenset[str]]:
    """Each letter of a sound group → the group's first; the vowel letters dropped."""
    first = {c: g.split()[0] for g in grammar("sound_classes") for c in g.split()}
    return first, frozenset(grammar("vowel_letters"))


def _sounds(names: dict[str, list[Place]], arabic: set[str]) -> dict[str, list[Place]]:
    """Foreign towns (not of the countries whose place names are Arabic words) of
    settings.sound_city_population or more, and foreign provinces, by the sound of each
    one-word name of four sounded letters or more."""
    out: dict[str, list[Place]] = {}
    for k, ps in names.items():
        towns = [
            p
            for p in ps
            if p.iso3 not in arabic
            and (p.kind == "admin1" or p.population >= SETTINGS.sound_city_population)
            and p.kind in ("city", "admin1")
        ]
        if towns and " " not in k and len(sound := sound_key(k)) >= 4:
            have = out.setdefault(sound, [])
            have.extend(p for p in towns if p not in have)
    return out


def load() -> Gazetteer:
    """The gazetteer, built from the data files once per process."""
    return resources().get(_build)


def _build(res: Resources) -> Gazetteer:
    folder = res.path("gazetteer")
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    files += [res.path("lexicon/grammar.yaml"), res.path("lexicon/clitics.yaml")]
    # the code that builds the table, and the settings it reads (sound_city_population)
    code = (__file__, matcher_module.__file__, normalize_module.__file__, words_module.__file__)
    files += [Path(f) for f in (*code, settings_module.__file__)]
    data = cache.compiled("gazetteer", files, lambda: _compile(read_files(res)))
    return _from_compiled(data)


def sea_coasts() -> dict[str, tuple[str, ...]]:
    """gazetteer/seas.tsv: sea area name → its coastal states (ISO3)."""
    return resources().get(_read_coasts)


def _read_coasts(res: Resources) -> dict[str, tuple[str, ...]]:
    return {r["name"]: tuple(r["coast"].split()) for r in res.tsv("gazetteer/seas.tsv")}


def read_files(res: Resources) -> dict[str, Any]:
    """What the gazetteer holds, read from the data files: names (matching key → places),
    countries, capitals, adjectives, common words, non-places and spelled-back names."""
    b = _Builder(res)
    b.countries()
    b.geonames()
    b.divisions()
    b.districts()
    b.facilities()
    b.seas()
    b.foreign_letters()
    b.spelling_variants()
    b.settlement_prefixed()
    # A name listed by a country, division or facility is a place even if it is also a word.
    curated = {k for k, ps in b.names.items() if any(p.kind not in ("city", "admin2") for p in ps)}
    return {
        "names": b.names,
        "countries": b.country_places,
        "capitals": b.capitals,
        "adjectives": b.adjectives,
        "national": b.national,
        "common": sorted(b.common - curated),
        "short_clitic": sorted(b.short),
        "not_places": res.lines("gazetteer/not_places.txt"),
        "spelled_back": sorted(b.spelled_back),
        "sounds": _sounds(b.names, b.arabic),
    }


_COLUMNS = ("name", "kind", "iso3", "admin1", "ident", "parent")


def _compile(parts: dict[str, Any]) -> dict[str, Any]:
    """The gazetteer as plain tables (strings, numbers, byte arrays) that `marshal` stores
    and loads fast: every place once, by number; each matching key's entries as runs of
    place numbers."""
    places: list[Place] = []
    number: dict[int, int] = {}

    def ref(p: Place) -> int:
        n = number.get(id(p))
        if n is None:
            n = number[id(p)] = len(places)
            places.append(p)
        return n

    table = entry_table(((k, tuple(ps)) for k, ps in parts["names"].items()), normalized=True)
    key_rows, row_places, place_ids = array("I", [0]), array("I", [0]), array("I")
    article = bytearray()
    for rows in table.values():
        for e in rows:
            article.append(e.article)
            place_ids.extend(ref(p) for p in e.value)
            row_places.append(len(place_ids))
        key_rows.append(len(article))
    return {
        "codes": word_codes(table),
        "keys": "\n".join(table),
        "key_rows": key_rows.tobytes(),
        "row_places": row_places.tobytes(),
        "place_ids": place_ids.tobytes(),
        "article": bytes(article),
        "countries": {iso3: ref(p) for iso3, p in parts["countries"].items()},
        "capitals": [(iso3, adm, ref(p)) for (iso3, adm), p in parts["capitals"].items()],
        "national": {iso3: ref(p) for iso3, p in parts["national"].items()},
        "places": {
            **{c: [getattr(p, c) for p in places] for c in _COLUMNS},
            "lat": array("d", (p.lat for p in places)).tobytes(),
            "lon": array("d", (p.lon for p in places)).tobytes(),
            "population": array("q", (p.population for p in places)).tobytes(),
        },
        **{
            k: parts[k]
            for k in ("adjectives", "common", "short_clitic", "not_places", "spelled_back")
        },
        "sounds": {k: [ref(p) for p in ps] for k, ps in parts["sounds"].items()},
    }


class _Places:
    """The compiled places, each made into a Place the first time it is asked for."""

    def __init__(self, cols: dict[str, Any]) -> None:
        self.cols = cols
        self.lat = array("d", cols["lat"])
        self.lon = array("d", cols["lon"])
        self.population = array("q", cols["population"])
        self.made: list[Place | None] = [None] * len(self.lat)

    def __getitem__(self, n: int) -> Place:
        p = self.made[n]
        if p is None:
            c = self.cols
            p = self.made[n] = Place(
                c["name"][n],
                c["kind"][n],
                c["iso3"][n],
                c["admin1"][n],
                self.lat[n],
                self.lon[n],
                self.population[n],
                c["ident"][n],
                c["parent"][n],
            )
        return p


class _Rows:
    """The entries of a compiled key (by number), decoded on first use."""

    def __init__(self, data: dict[str, Any], places: _Places) -> None:
        self.keys: list[str] | None = None
        self.data = data
        self.key_rows = array("I", data["key_rows"])
        self.row_places = array("I", data["row_places"])
        self.place_ids = array("I", data["place_ids"])
        self.places = places
        self.done: dict[int, tuple[Entry[tuple[Place, ...]], ...]] = {}

    def __call__(self, n: int) -> tuple[Entry[tuple[Place, ...]], ...]:
        rows = self.done.get(n)
        if rows is None:
            if self.keys is None:
                self.keys = self.data["keys"].split("\n")
            k, article, out = self.keys[n], self.data["article"], []
            for r in range(self.key_rows[n], self.key_rows[n + 1]):
                ids = self.place_ids[self.row_places[r] : self.row_places[r + 1]]
                value = tuple(self.places[i] for i in ids)
                surface = "\u0627\u0644" + k if article[r] else k
                out.append(Entry(value, surface, bool(article[r]), NO_SUFFIX))
            rows = self.done[n] = tuple(out)
        return rows


def _from_compiled(data: dict[str, Any]) -> Gazetteer:
    places = _Places(data["places"])
    return Gazetteer(
        WordMatcher(
            data["codes"],
            _Rows(data, places),
            min_clitic_key=4,
            article_optional=False,
            short_ok=frozenset(data["short_clitic"]),
        ),
        {iso3: places[n] for iso3, n in data["countries"].items()},
        {(iso3, adm): places[n] for iso3, adm, n in data["capitals"]},
        Matcher(data["adjectives"], article_optional=False),
        {iso3: places[n] for iso3, n in data["national"].items()},
        frozenset(data["common"]),
        Matcher([(w, "not a place") for w in data["not_places"]]),
        frozenset((k, ident) for k, ident in data["spelled_back"]),
        data["sounds"],
        places,
    )


def _readings(word: str) -> set[str]:
    """The word as written and without one or two proclitic letters (و ف ب ل)."""
    out = {word}
    for _ in range(2):
        if len(word) > 3 and word[0] in "وفبل":
            word = word[1:]
            out.add(word)
    return out


class _Builder:
    """Reads the gazetteer files in order (countries, GeoNames places, divisions,
    facilities) into one table of matching keys → places."""

    def __init__(self, res: Resources) -> None:
        self.res = res
        self.names: dict[str, list[Place]] = {}
        self.adjectives: list[tuple[str, str]] = []
        self.iso2_to_3: dict[str, str] = {}
        self.country_places: dict[str, Place] = {}
        self.capital_of: dict[str, str] = {}  # iso3 → name of the national capital
        self.capitals: dict[tuple[str, str], Place] = {}  # (iso3, admin1) → its capital
        self.national: dict[str, Place] = {}
        self.spelled_back: set[tuple[str, str]] = set()  # names transliterated, not attested
        # names of three letters a clitic may precede (بغزة): their clitic forms are names
        self.short = {key(w) for w in res.lines("gazetteer/short_names.txt")}
        self.admin1_rows = list(res.tsv("gazetteer/admin1.tsv"))
        common = {
            key(w)
            for name in ("gazetteer/common_words.txt", "gazetteer/common_words_extra.txt")
            for w in res.lines(name)
        }
        self.arabic = {c.strip() for c in res.lines("gazetteer/arabic_name_countries.txt")}
        places_first = {key(w) for w in res.lines("gazetteer/not_common_words.txt")}
        self.common = {
            w for w in common if not _readings(w) & places_first and w[1:] not in self.short
        }

    def add(self, forms: list[str], place: Place) -> None:
        for f in forms:
            self.names.setdefault(key(f), []).append(place)

    def countries(self) -> None:
        for r in self.res.tsv("gazetteer/countries.tsv"):
            self.iso2_to_3[r["iso2"]] = r["iso3"]
            if r.get("capital"):
                self.capital_of[r["iso3"]] = r["capital"]
            p = Place(
                r["name"],
                "country",
                r["iso3"],
                None,
                float(r["lat"]),
                float(r["lon"]),
                ident=r["iso3"],
            )
            self.country_places[r["iso3"]] = p
            self.add(split_forms(r["arabic"]), p)
            self.adjectives.extend((a, r["iso3"]) for a in split_forms(r.get("adjectives", "")))

    def geonames(self) -> None:
        """GeoNames places; remembers each division's capital to place division-only mentions."""
        admin1_names = {(r["iso2"], r["code"]): r["name"] for r in self.admin1_rows}
        capital_names = {
            (self.iso2_to_3.get(r["iso2"], ""), r["name"]): r["capital"] for r in self.admin1_rows
        }
        # names kept by hand for a GeoNames id (also merged by the build script): read here
        # too, so that an analyst's new row works without rebuilding the GeoNames file
        extra: dict[str, set[str]] = {}
        for r in self.res.tsv("gazetteer/places_extra.tsv"):
            extra.setdefault(r["geonameid"], set()).update(map(key, split_forms(r["arabic"])))
        # places the sources lack altogether, added by hand with their own row
        added = [
            {**r, "arabic": "|".join(map(key, split_forms(r["arabic"])))}
            for r in self.res.tsv("gazetteer/places_added.tsv")
        ]
        for r in [*self.res.tsv("gazetteer/geonames.tsv.gz"), *added]:
            iso3 = self.iso2_to_3.get(r["iso2"], r["iso2"])
            adm = admin1_names.get((r["iso2"], r["admin1"]))
            pop = int(r["population"] or 0)
            p = Place(
                r["name"], "city", iso3, adm, float(r["lat"]), float(r["lon"]), pop, r["geonameid"]
            )
            # the build script writes the names already as matching keys
            keys = r["arabic"].split("|")
            keys += sorted(extra.get(r["geonameid"], set()) - set(keys))
            for k in keys:
                self.names.setdefault(k, []).append(p)
            for k in split_forms(r.get("translit", "")):
                self.spelled_back.add((k, p.ident))
            if self.capital_of.get(iso3) == r["name"]:
                old = self.national.get(iso3)
                if old is None or old.population < pop:
                    self.national[iso3] = p
            if adm and capital_names.get((iso3, adm)) == r["name"]:
                old = self.capitals.get((iso3, adm))
                if old is None or old.population < pop:
                    self.capitals[(iso3, adm)] = p

    def divisions(self) -> None:
        for r in self.admin1_rows:
            iso3 = self.iso2_to_3.get(r["iso2"], r["iso2"])
            p = Place(
                r["name"],
                "admin1",
                iso3,
                r["name"],
                float(r["lat"]),
                float(r["lon"]),
                ident=f"{r['iso2']}.{r['code']}",
            )
            self.add(split_forms(r["arabic"]), p)
            if (iso3, r["name"]) not in self.capitals:
                self.capitals[(iso3, r["name"])] = Place(
                    r["capital"] or r["name"], "city", iso3, r["name"], p.lat, p.lon
                )

    def districts(self) -> None:
        """Second-level divisions (مديرية، قضاء، معتمدية), placed at their centroid."""
        admin1_names = {(r["iso2"], r["code"]): r["name"] for r in self.admin1_rows}
        for r in self.res.tsv("gazetteer/admin2.tsv"):
            if not r["arabic"]:
                continue
            p = Place(
                r["name"],
                "admin2",
                self.iso2_to_3.get(r["iso2"], r["iso2"]),
                admin1_names.get((r["iso2"], r["admin1"])),
                float(r["lat"]),
                float(r["lon"]),
                ident=r["code"],
            )
            self.add(split_forms(r["arabic"]), p)

    def facilities(self) -> None:
        for r in self.res.tsv("gazetteer/facilities.tsv"):
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
            self.add(split_forms(r["arabic"]), p)

    def seas(self) -> None:
        """Sea areas (البحر الأحمر، خليج عدن): kind "sea", no province, the first coastal
        state until the event's sides say which (`sea_country`)."""
        for r in self.res.tsv("gazetteer/seas.tsv"):
            coast = r["coast"].split()
            p = Place(
                r["name"], "sea", coast[0], None, float(r["lat"]), float(r["lon"]), ident="sea"
            )
            self.add(split_forms(r["arabic"]), p)

    def settlement_prefixed(self) -> None:
        """مدينة زنجبار names Zanzibar, and زنجبار names it and a Yemeni town: a name that
        begins with a settlement word (grammar.yaml settlement_prefixes) and names nothing
        its remainder does not is dropped, so that the reader sees the word as a cue and
        the remainder with all its places (مدينة الصدر, a quarter of its own, stays)."""
        heads = [key(w) + " " for w in grammar("settlement_prefixes")]
        names = self.names
        for k in list(names):
            head = next((h for h in heads if k.startswith(h)), None)
            rest = names.get(k[len(head) :]) if head else None
            if rest and {p.ident for p in names[k]} <= {p.ident for p in rest}:
                del names[k]

    def foreign_letters(self) -> None:
        """بانگوئي = بانغوئي: a name written with letters of another script (grammar.yaml
        foreign_letters) also written with the Arabic letters news uses for them."""
        table = {a: b for a, b in (pair.split() for pair in grammar("foreign_letters"))}
        letters = set(table)
        names = self.names
        for k in list(names):
            if not letters & set(k):
                continue
            v = "".join(table.get(c, c) for c in k)
            if len(v.replace(" ", "")) >= 5 and v not in self.common and v not in names:
                names[v] = list(names[k])

    def spelling_variants(self) -> None:
        """Spacing variants (البو كمال = البوكمال, ابو غريب = ابوغريب), final hamza
        (المخا = المخاء), a large city's final «a» as ا (كويته = كويتا), for provinces
        and large cities, a transcribed name written without one of its inner long «ا»
        (فارياب = فرياب), and for large foreign cities, with one more (كيبك = كيبيك)."""
        names = self.names
        heads = grammar("joined_heads")
        arabic = self.arabic
        for k in list(names):
            for v in _short_vowel_variants(k, names[k], self.common):
                if v not in names:
                    names[v] = [p for p in names[k] if _major(p)]
            big = _large_abroad(names[k], arabic)
            for v in _long_vowel_variants(k) if big else []:
                if v not in names and v not in self.common:
                    names[v] = list(big)
            # كويته = كويتا: a transcribed final «a» written with ة or with ا
            last_a = k[:-1] + "ا"
            if (
                big
                and k.endswith("ه")
                and " " not in k
                and len(k) >= 4
                and last_a not in self.common
            ):
                names.setdefault(last_a, []).extend(big)
            if k.endswith("اء") and len(k) >= 5:
                names.setdefault(k[:-1], []).extend(names[k])
            elif k.endswith("ا") and len(k) >= 5:
                names.setdefault(k + "ء", []).extend(names[k])
            parts = k.split(" ")
            if len(parts) == 2 and len(parts[0]) <= 4 and len(k) >= 7:
                names.setdefault(parts[0] + parts[1], []).extend(names[k])
            elif len(parts) == 1 and len(k) >= 7:
                for head in heads:
                    if k.startswith(head):
                        names.setdefault(head + " " + k[len(head) :], []).extend(names[k])
