"""Text rules for audit part "recent".

The corpus of this part (sani1415/Gazza_app, Al Jazeera Arabic listing data)
stores one JSON array per file; each element has a ``title`` and an
``excerpt`` (the article's lead paragraph as published by aljazeera.net).

``build_text(record, rule)`` turns one such element into the exact text given
to the extractor.  It has no dependency outside the standard library, so
``scripts/audit_texts.py`` can import it:

    from audit.recent.text_rules import build_text, RULES
    text = build_text(json_array[locator["index"]], pointer["text_rule"])
"""

RULES = ("title+newline+excerpt",)


def build_text(record: dict, rule: str) -> str:
    """Return the article text for one corpus record under ``rule``.

    title+newline+excerpt: ``title.strip() + "\\n" + excerpt.strip()``.
    """
    if rule == "title+newline+excerpt":
        title = (record.get("title") or "").strip()
        excerpt = (record.get("excerpt") or "").strip()
        return title + "\n" + excerpt
    raise ValueError(f"unknown text rule for part 'recent': {rule!r}")
