"""The README's commands are the ones CI runs and the CLI options it documents exist."""

import re
from pathlib import Path

from rasd.cli import parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    blocks = re.findall(r"```\n(.*?)\n```", README, flags=re.S)
    test_cmd = next(b for b in blocks if "pytest" in b)
    assert test_cmd.strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_documented_extract_options_exist():
    help_text = parser().format_help()
    sub = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    extract_help = sub["extract"].format_help()
    for opt in re.findall(r"rasd extract [^\n]*", README):
        for flag in re.findall(r"(--[a-z-]+)", opt):
            assert flag in extract_help, flag
    assert "eval" in help_text


def test_data_files_named_in_readme_exist():
    for name in re.findall(r"`((?:lexicon|gazetteer)/[\w.]+)`", README):
        assert (ROOT / "src" / "rasd" / "data" / name).exists(), name


def test_guide_commands_use_existing_options():
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    sub = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    code = "\n".join(re.findall(r"```\n(.*?)\n```", guide, flags=re.S))
    for line in re.findall(r"^rasd (\w+)([^\n]*)$", code, flags=re.M):
        command, rest = line
        assert command in sub, command
        help_text = sub[command].format_help()
        for flag in re.findall(r"(--[a-z-]+)", rest):
            assert flag in help_text, (command, flag)
