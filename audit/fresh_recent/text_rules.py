"""Text rules for audit part "fresh_recent".

Same corpus and same rule as part "recent" (sani1415/Gazza_app, Al Jazeera
Arabic listing data; ``title+newline+excerpt``).  The rule is not re-written
here: this module loads ``audit/recent/text_rules.py`` by path and re-exports
its ``build_text`` and ``RULES``, so both parts cut texts identically.
``scripts/audit_texts.py`` finds this file as ``audit/<part>/text_rules.py``.
"""
import importlib.util
import pathlib

_F = pathlib.Path(__file__).resolve().parent.parent / "recent" / "text_rules.py"
_spec = importlib.util.spec_from_file_location("audit_recent_text_rules_for_fresh", _F)
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

RULES = _mod.RULES


def build_text(record: dict, rule: str) -> str:
    """Return the article text for one corpus record under ``rule`` (see part "recent")."""
    return _mod.build_text(record, rule)
