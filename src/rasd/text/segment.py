"""Sentences, clauses and quotations over normalized text."""

from __future__ import annotations

import regex

from rasd.model import Sentence
from rasd.resources import Resources, resources
from rasd.text.words import alternation, grammar

# A sentence ends at . ! ? ؟ ۔ (not inside numbers like 2.5) or at a line break.
# a full stop before a space, a quote or the end; between two Arabic words without the
# space (…بقوة منطقة جازان.واستمع: scraped text), but not in abbreviations (أ.ف.ب، د.محمد,
# nor after a one-letter title: وشجب د. عبدالرحمن، م. أحمد)
_SENT_END = regex.compile(
    r"(?<!\d)(?<!(?:^|[\s(«\"])\p{L})[.!?؟۔]+(?=\s|$|[\"'])|(?<=\d)\.(?=\s|$)|\n+"
    r"|(?<=\p{Arabic}{2})\.(?=\p{Arabic}{2})"
)
_QUOTE = regex.compile(r'"[^"\n]{1,600}"')
_STOPS = ".!?\u061f\u06d4"  # the marks that end a sentence of running text
_PAUSES = "\u060c,\u061b;:"  # a report cut at a comma is no headline


def _new_subject(res: Resources) -> regex.Pattern[str]:
    """«و» before a new subject and its verb in the imperfect (مقتل قائد بجباليا وحزب الله
    يقصف حيفا، … والاحتلال يقتحم مخيم جنين): a definite noun, perhaps after one word, then a
    word with the prefix of the imperfect."""
    conj = alternation(grammar("new_subject_conjunctions"))
    article = alternation(grammar("definite_article"))
    prefixes = "".join(grammar("imperfect_prefixes"))
    return regex.compile(
        rf"{conj}(?:\p{{L}}+\s)?{article}\p{{L}}+\s(?P<verb>[{prefixes}]\p{{L}}{{2,}})(?!\p{{L}})"
    )


def new_subject_verb(text: str, pos: int) -> int | None:
    """Where the verb of a clause of a new subject (… والاحتلال يقتحم) starting at `pos`
    begins, or None when no such clause starts there."""
    m = resources().get(_new_subject).match(text, pos)
    return m.start("verb") if m else None


def new_subject_at(text: str, pos: int) -> bool:
    """Whether a clause of a new subject (… والاحتلال يقتحم) starts at `pos`."""
    return new_subject_verb(text, pos) is not None


def _clause_end(res: Resources) -> regex.Pattern[str]:
    """Clause ends: punctuation, and connectors that join two reports (في وقت، فيما، بينما)."""
    connectors = alternation(grammar("clause_connectors"))
    return regex.compile(rf"[،,؛;:]|\s-\s|(?<=\s)(?={connectors}\s)")


def _headline_clause_end(res: Resources) -> regex.Pattern[str]:
    """In a headline, also the start of a clause of a new subject: headlines join their
    reports with «و» (مقتل قائد بجباليا وحزب الله يقصف حيفا)."""
    return regex.compile(rf"{_clause_end(res).pattern}|(?<=\s)(?={_new_subject(res).pattern})")


def _report_break(res: Resources) -> regex.Pattern[str]:
    """A comma before a word that opens the next report of a roundup (، كما قصفت …) or a
    new speaker's statement (، ومن جانبها أكدت …)."""
    words = [*grammar("report_connectors"), *grammar("statement_connectors")]
    return regex.compile(rf"[،,؛;](?=\s*{alternation(words)}\s)")


def sentences(text: str) -> list[Sentence]:
    """Split normalized text into sentences with clause and quote spans; the reports of a
    roundup joined by commas (… ، كما قصفت … ، بينما دارت …) are sentences of their own."""
    out: list[Sentence] = []
    pos = 0
    breaks = resources().get(_report_break)
    for m in _SENT_END.finditer(text):
        _add_reports(text, pos, m.end(), out, breaks)
        pos = m.end()
    _add_reports(text, pos, len(text), out, breaks)
    return out


def _add_reports(
    text: str, start: int, end: int, out: list[Sentence], breaks: regex.Pattern[str]
) -> None:
    pos = start
    for m in breaks.finditer(text, start, end):
        _add(text, pos, m.end(), out)
        pos = m.end()
    _add(text, pos, end, out)


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop - start < 2:
        return
    clauses = []
    pos = start
    headline = text[stop - 1] not in _STOPS and text[stop - 1] not in _PAUSES
    ends = resources().get(_headline_clause_end if headline else _clause_end)
    for m in ends.finditer(text, start, stop):
        if m.start() > pos:
            clauses.append((pos, m.start()))
        pos = m.end()
    if pos < stop:
        clauses.append((pos, stop))
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text, start, stop)]
    out.append(Sentence(start, stop, clauses or [(start, stop)], quotes, headline))
