"""Reported speech: the verbs that introduce what a source says (قال، أكد …), the
complementizer that opens the content (أن، إنه …) and the phrases that name a source's
affiliation (وفق مصدر في …). Attribution, dates and actor roles all read them."""

from __future__ import annotations

import regex

SPEECH_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:و|ف)?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت|اوضح|اوضحت|اضاف|اضافت|صرح|صرحت)(?![\p{L}])"
)
# Speech verbs: the actor right after one is the speaker (a source), not a party.
SPEECH = regex.compile(
    r"(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت|اوضح|اوضحت|اضاف|اضافت|اتهم|اتهمت|نفي|نفت|حمل|حملت)\s*$"
)
COMPLEMENTIZER = regex.compile(r"(?<![\p{L}])(?:ان|بان|انه|انها|بانه)(?![\p{L}])")
# وفق مصدر … في التحالف: what follows is the source's affiliation
SOURCE_CONTEXT = regex.compile(
    r"(?:وفق|بحسب|حسب|نقلا عن|مصدر|مصادر|مسؤول|مسؤولين|مسؤولون|متحدث|المتحدث|الناطق|مراسل|بيان|اخر)"
    r"(?:\s+[\p{L}]+){0,3}\s+(?:في|من|باسم|ب|عن)\s*$"
)
