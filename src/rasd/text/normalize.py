"""Normalize Arabic news text for matching while keeping a map back to the original.

Every character of the normalized text knows the span of original characters it
came from, so whatever a later stage finds can be quoted from the original article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

# One-to-one character replacements (length preserving).
_MAP = {
    # Persian / Urdu letter forms seen in Arabic news (ی ھ ہ ک): the Arabic letter,
    # with Farsi yeh to ي (not ى), so words like عملیة match عملية.
    "\u06cc": "\u064a",  # ی → ي
    "\u06d0": "\u064a",  # ې → ي
    "\u0649": "\u064a",  # ى → ي (matching key: على/علي, مستشفى/مستشفي)
    "\u06be": "\u0647",  # ھ → ه
    "\u06c1": "\u0647",  # ہ → ه
    "\u06c0": "\u0647",  # ۀ → ه
    "\u06d5": "\u0647",  # ە → ه
    "\u0629": "\u0647",  # ة → ه (matching key)
    "\u06a9": "\u0643",  # ک → ك
    "\u06aa": "\u0643",  # ڪ → ك
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0622": "\u0627",  # آ → ا
    "\u0671": "\u0627",  # ٱ → ا
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    # curly, low and angle quotes → plain quotes
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    # dashes and odd spaces
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\t": " ",
    "_": " ",  # hashtags join words: #إقليم_داغستان
    # Arabic punctuation kept as such but the decimal separator becomes a point
    "\u066b": ".",
    "\u066c": ",",
}
# Arabic-Indic and Persian digits → ASCII digits.
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)
_TABLE = str.maketrans(_MAP)


def _presentation_forms() -> tuple[dict[int, str], dict[str, str]]:
    """Arabic presentation forms (ﺍﺷﺘﺒﺎﻛﺎﺕ, copied from PDFs and old pages) → the letters
    (then as _MAP maps them): one letter each, or several for a ligature (ﻻ → لا)."""
    one: dict[int, str] = {}
    many: dict[str, str] = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE80, 0xFEFF)]:  # FE70-FE7F: marks, dropped
        nfkc = unicodedata.normalize("NFKC", chr(cp))
        nfkc = "".join(c for c in nfkc if not unicodedata.combining(c) and c not in " \u0640")
        if (
            not nfkc
            or nfkc == chr(cp)
            or not all("\u0600" <= c <= "\u06ff" or c == " " for c in nfkc)
        ):
            continue
        mapped = "".join(_MAP.get(c, c) for c in nfkc)
        if len(mapped) == 1:
            one[cp] = mapped
        else:
            many[chr(cp)] = mapped
    return one, many


_FORMS, _LIGATURES = _presentation_forms()
_FORM_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_LIGATURE_RE = re.compile("[" + "".join(sorted(_LIGATURES)) + "]")
# the same map as replacements: a dozen str.replace of letters a text holds cost less than
# one translate looking every character up (no replacement makes a letter another replaces)
_PAIRS = () if set(_MAP) & set(_MAP.values()) else tuple(_MAP.items())

# Characters dropped from the normalized text: harakat, superscript alef, Quranic
# marks, tatweel (they attach to the letter before them) and invisible bidi controls.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\ufe70-\ufe7f"
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad"
_DROP = regex.compile(f"[{_MARKS}{_INVISIBLE}]")
_IS_MARK = regex.compile(f"[{_MARKS}]")
_DROP_RE = re.compile(_DROP.pattern)  # explicit ranges: re reads them as regex does, faster

# ة and ى only end a word: a letter right after one means two words were glued
# together (a common scraping artefact: الحرةقال = الحرة قال).
_GLUED = regex.compile("(?<=[\u0629\u0649])(?=[\u0621-\u064a])")
_GLUED_AFTER = re.compile(r"[\u0629\u0649](?=[\u0621-\u064a])")  # ends one character before


def _mapped(text: str, forms: bool = True) -> str:
    """`text.translate(_TABLE)`, and presentation forms to their letters (a ligature is
    left for `normalize` to expand); `forms` False when the text is known to hold none."""
    if forms:
        text = text.translate(_FORMS)
    if not _PAIRS:
        return text.translate(_TABLE)
    for a, b in _PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus, per character, the original span it came from."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original character offsets of the normalized slice [start, end)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def quote(self, start: int, end: int) -> str:
        """The original characters behind a normalized slice."""
        a, b = self.span(start, end)
        return self.original[a:b]


def normalize(original: str, glued: tuple[str, ...] = ()) -> Normalized:
    """Normalize `original` for matching; `glued` lists outlet names that may be stuck to the next word."""
    forms = _FORM_RE.search(original) is not None
    mapped = _mapped(original, forms)
    inserts = {m.end() for m in _GLUED_AFTER.finditer(original)}
    for name in glued:
        if (
            original.startswith(name)
            and len(original) > len(name)
            and original[len(name)].isalpha()
        ):
            inserts.add(len(name))
    drop = [m.start() for m in _DROP_RE.finditer(original)]
    # ﻻ → لا: both letters come from the one original character
    expand = (
        {m.start(): _LIGATURES[m.group()] for m in _LIGATURE_RE.finditer(original)} if forms else {}
    )
    events = sorted({*inserts, *drop, *expand})
    if not events:
        n = len(original)
        return Normalized(original, mapped, list(range(n)), list(range(1, n + 1)))
    dropped = set(drop)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for i in events:
        # copy the untouched run before this position in one go
        if i > pos:
            out.append(mapped[pos:i])
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
            pos = i
        if i in inserts:
            out.append(" ")
            starts.append(i)
            ends.append(i)
        if i in expand:
            out.append(expand[i])
            starts.extend([i] * len(expand[i]))
            ends.extend([i + 1] * len(expand[i]))
            pos = i + 1
        if i in dropped:
            # a dropped diacritic or tatweel still belongs to the letter before it
            if ends and ends[-1] == i and _IS_MARK.match(original[i]):
                ends[-1] = i + 1
            pos = i + 1
    if pos < len(mapped):
        out.append(mapped[pos:])
        starts.extend(range(pos, len(mapped)))
        ends.extend(range(pos + 1, len(mapped) + 1))
    return Normalized(original, "".join(out), starts, ends)


def key(s: str) -> str:
    """Matching key of a lexicon entry: normalized, single-spaced (no offset map needed)."""
    return " ".join(_DROP.sub("", _GLUED.sub(" ", s)).translate(_TABLE).split())
