"""Verb and noun forms of an Arabic triliteral root, unvowelled as news writes them.

The derived forms (الأوزان) I–X are patterns over the root letters ف ع ل: form VIII of
ش ب ك is اشتبك (verb), يشتبك (imperfect), اشتباك (verbal noun); form II of ف ج ر is فجر،
يفجر، تفجير. Unvowelled, the passive (قُتل، اُختطف) is written like the active, so it is
covered too; subject and object suffixes (ت، وا، ها، هم …) and proclitics are left to the
matcher. Only sound roots are derived; hollow and defective roots (اغتال، رمى) are
listed by hand in triggers.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass

# ف ع ل stand for the three root letters.
PATTERNS: dict[str, dict[str, tuple[str, ...]]] = {
    "I": {"verb": ("فعل",), "present": ("يفعل", "تفعل"), "participle": ("فاعل", "مفعول")},
    "II": {
        "verb": ("فعل",),
        "present": ("يفعل", "تفعل"),
        "noun": ("تفعيل",),
        "participle": ("مفعل",),
    },
    "III": {
        "verb": ("فاعل",),
        "present": ("يفاعل", "تفاعل"),
        "noun": ("مفاعلة",),
        "participle": ("مفاعل",),
    },
    "IV": {
        "verb": ("أفعل",),
        "present": ("يفعل", "تفعل"),
        "noun": ("إفعال",),
        "participle": ("مفعل",),
    },
    "V": {"verb": ("تفعل",), "present": ("يتفعل", "تتفعل"), "noun": ("تفعل",)},
    "VI": {"verb": ("تفاعل",), "present": ("يتفاعل", "تتفاعل"), "noun": ("تفاعل",)},
    "VII": {
        "verb": ("انفعل",),
        "present": ("ينفعل", "تنفعل"),
        "noun": ("انفعال",),
        "participle": ("منفعل",),
    },
    "VIII": {
        "verb": ("افتعل",),
        "present": ("يفتعل", "تفتعل"),
        "noun": ("افتعال",),
        "participle": ("مفتعل",),
    },
    "X": {
        "verb": ("استفعل",),
        "present": ("يستفعل", "تستفعل"),
        "noun": ("استفعال",),
        "participle": ("مستفعل",),
    },
}
PLACEHOLDERS = "فعل"


@dataclass(frozen=True)
class Forms:
    """What one root in one derived form gives."""

    verbs: tuple[str, ...]  # the perfect (3rd person), passive alike
    present: tuple[str, ...]  # the imperfect: habitual or ongoing more often than news
    nouns: tuple[str, ...]  # verbal nouns
    participles: tuple[str, ...]


def apply(pattern: str, root: str, contract: bool = True) -> str:
    """The pattern with its ف ع ل replaced by the root's letters."""
    if len(root) != 3:
        raise ValueError(f"not a triliteral root: {root!r}")
    word = "".join(root[PLACEHOLDERS.index(c)] if c in PLACEHOLDERS else c for c in pattern)
    if contract and root[1] == root[2]:
        # a doubled root contracts where its last letters meet: احتجج → احتج
        word = word.replace(root[1] + root[2], root[1])
    return word


def _form_viii(word: str, root: str) -> str:
    """The infixed ت of form VIII assimilates: اصطدم (ص), ازدحم (ز), اتصل (و)."""
    c1 = root[0]
    if c1 in "صضطظ":
        return word.replace(c1 + "ت", c1 + "ط", 1)
    if c1 in "دذز":
        return word.replace(c1 + "ت", c1 + "د", 1)
    if c1 in "وت":
        return word.replace(c1 + "ت", "ت", 1)  # اتّصل، اتّبع: one ت written
    return word


def derive(
    root: str, form: str, noun_forms: tuple[str, ...] = (), excluded: tuple[str, ...] = ()
) -> Forms:
    """The forms of `root` in derived form `form` (I–X). Form I's verbal nouns are not
    predictable (قتل، مقتل، هجوم) and are given in `noun_forms`; `excluded` forms are other
    words first (فجر = dawn)."""
    if form not in PATTERNS:
        raise ValueError(f"unknown derived form {form!r}; one of {', '.join(PATTERNS)}")
    pats = PATTERNS[form]

    def make(kind: str) -> tuple[str, ...]:
        # a doubled root contracts (احتج، اشتد) except where the pattern doubles or
        # parts its middle letter (II حرّر، III حاصّ، V، VI)
        contract = form not in ("II", "III", "V", "VI")
        words = (apply(p, root, contract) for p in pats.get(kind, ()))
        if form == "VIII":
            words = (_form_viii(w, root) for w in words)
        return tuple(w for w in dict.fromkeys(words) if w not in excluded)

    nouns = tuple(w for w in dict.fromkeys((*make("noun"), *noun_forms)) if w not in excluded)
    return Forms(make("verb"), make("present"), nouns, make("participle"))
