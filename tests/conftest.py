"""Shared fixtures: the seed article (bundled) and the team's dev set when present."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "src" / "rasd" / "data" / "examples" / "seed-73ea38c8.jsonl"


@pytest.fixture(scope="session")
def seed() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture(scope="session")
def seed_events(seed):
    import rasd

    return rasd.extract(
        seed["text"], published=date.fromisoformat(seed["published"]), outlet=seed["outlet"]
    )


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold" / "dev.jsonl").exists():
        pytest.skip("../shared is not here (a user's clone has none)")
    return SHARED
