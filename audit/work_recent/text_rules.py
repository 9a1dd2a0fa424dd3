"""Text rules for audit part "work_recent": those of part "recent", loaded by path."""
import importlib.util
import pathlib

_F = pathlib.Path(__file__).resolve().parent.parent / "recent" / "text_rules.py"
_spec = importlib.util.spec_from_file_location("audit_recent_text_rules_for_work", _F)
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

RULES = _mod.RULES
build_text = _mod.build_text
