"""The coverage-guided fuzzer, run for a bounded time, and every input it ever crashed on
replayed (issue 11: a lasting guard against pathological input)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from harness import one_input  # noqa: E402

KEPT = sorted(p for d in ("crashes", "seeds") for p in (HERE / d).iterdir() if p.is_file())


@pytest.mark.parametrize("path", KEPT, ids=[f"{p.parent.name}/{p.name}" for p in KEPT])
def test_kept_inputs_stay_harmless(path):
    one_input(path.read_bytes())


def test_fuzz_for_twenty_seconds(tmp_path):
    if importlib.util.find_spec("atheris") is None:
        pytest.skip("atheris is not installed (its wheels are for Linux; see pyproject.toml)")
    corpus = tmp_path / "corpus"
    shutil.copytree(HERE / "seeds", corpus)
    r = subprocess.run(
        [
            sys.executable,
            str(HERE / "harness.py"),
            "-max_total_time=20",
            "-rss_limit_mb=4096",
            f"-artifact_prefix={tmp_path}/crash-",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    crashes = sorted(tmp_path.glob("crash-*"))
    found = "\n".join(f"{p.name}: {p.read_bytes()[:300]!r}" for p in crashes)
    assert r.returncode == 0 and not crashes, (
        "the fuzzer found an input that breaks rasd; copy it into tests/fuzz/crashes/ "
        f"and fix it:\n{found}\n{r.stderr[-3000:]}"
    )
