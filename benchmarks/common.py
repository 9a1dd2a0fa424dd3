"""What the benchmark scripts share: printing their figures."""

from __future__ import annotations

import json
from typing import Any


def print_results(res: dict[str, Any], as_json: bool) -> None:
    """Figures as JSON, or one `name value` line each."""
    if as_json:
        print(json.dumps(res, indent=2))
        return
    width = max(len(k) for k in res) + 2
    for k, v in res.items():
        print(f"{k:{width}s} {v}")
