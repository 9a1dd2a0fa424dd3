"""Verb and noun forms of an Arabic triliteral root, unvowelled as news writes them.

The derived forms (الأوزان) I–X are patterns over the root letters (lexicon/verb_forms.yaml):
form VIII of ش ب ك is اشتبك (verb), يشتبك (imperfect), اشتباك (verbal noun); form II of
ف ج ر is فجر، يفجر، تفجير. Unvowelled, the passive (قُتل، اُختطف) is written like the active,
so it is covered too; subject and object suffixes (ت، وا، ها، هم …) and proclitics are left
to the matcher. Only sound and doubled roots are derived; hollow and defective roots
(اغتال، رمى) are listed by hand in triggers.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.resources import Resources, resources


@dataclass(frozen=True)
class Forms:
    """What one root in one derived form gives."""

    verbs: tuple[str, ...]  # the perfect (3rd person), passive alike
    present: tuple[str, ...]  # the imperfect: habitual or ongoing more often than news
    nouns: tuple[str, ...]  # verbal nouns
    participles: tuple[str, ...]


@dataclass(frozen=True)
class _Patterns:
    placeholders: str
    forms: dict[str, dict[str, tuple[str, ...]]]
    no_contraction: frozenset[str]
    infix: dict[str, str]  # first root letter → what form VIII's ت is written as


def _patterns(res: Resources) -> _Patterns:
    y = res.yaml("lexicon/verb_forms.yaml")
    forms = {f: {k: tuple(v) for k, v in kinds.items()} for f, kinds in y["forms"].items()}
    infix = {c: written for written, firsts in y["form_viii_infix"].items() for c in firsts}
    return _Patterns(y["placeholders"], forms, frozenset(y["no_contraction"]), infix)


def apply(pattern: str, root: str, contract: bool = True) -> str:
    """The pattern with its placeholders (ف ع ل) replaced by the root's letters."""
    if len(root) != 3:
        raise ValueError(f"not a triliteral root: {root!r}")
    slots = resources().get(_patterns).placeholders
    word = "".join(root[slots.index(c)] if c in slots else c for c in pattern)
    if contract and root[1] == root[2]:
        # a doubled root contracts where its last letters meet: احتجج → احتج
        word = word.replace(root[1] + root[2], root[1])
    return word


def _form_viii(word: str, root: str) -> str:
    """The infixed ت of form VIII assimilates: اصطدم (ص), ازدحم (ز), اتصل (و)."""
    written = resources().get(_patterns).infix.get(root[0])
    if written is None:
        return word
    t = "\u062a"  # the infix
    return word.replace(root[0] + t, root[0] + written if written else t, 1)


def derive(
    root: str, form: str, noun_forms: tuple[str, ...] = (), excluded: tuple[str, ...] = ()
) -> Forms:
    """The forms of `root` in derived form `form` (I–X). Form I's verbal nouns are not
    predictable (قتل، مقتل، هجوم) and are given in `noun_forms`; `excluded` forms are other
    words first (فجر = dawn)."""
    pats = resources().get(_patterns)
    if form not in pats.forms:
        raise ValueError(f"unknown derived form {form!r}; one of {', '.join(pats.forms)}")
    kinds = pats.forms[form]
    contract = form not in pats.no_contraction

    def make(kind: str) -> tuple[str, ...]:
        words = (apply(p, root, contract) for p in kinds.get(kind, ()))
        if form == "VIII":
            words = (_form_viii(w, root) for w in words)
        return tuple(w for w in dict.fromkeys(words) if w not in excluded)

    nouns = tuple(w for w in dict.fromkeys((*make("noun"), *noun_forms)) if w not in excluded)
    return Forms(make("verb"), make("present"), nouns, make("participle"))
