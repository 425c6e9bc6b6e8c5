"""Do two result sets agree: same (year, sector) rows, every measure to a relative 1e-9?"""

import math
from typing import Any

from bench.implementations import MEASURES

RELATIVE_TOLERANCE = 1e-9

Key = tuple[int, str | None]


def _keyed(rows: list[dict[str, Any]]) -> dict[Key, dict[str, Any]]:
    return {(int(row["year"]), row["sector"]): row for row in rows}


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-12)


def differences(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[str]:
    """Human-readable differences; empty when the two agree."""
    want, got = _keyed(expected), _keyed(actual)
    problems = [f"missing row {key}" for key in sorted(want.keys() - got.keys(), key=str)]
    problems += [f"extra row {key}" for key in sorted(got.keys() - want.keys(), key=str)]
    for key in sorted(want.keys() & got.keys(), key=str):
        for measure in MEASURES:
            a, b = want[key][measure], got[key][measure]
            if not _close(a, b):
                problems.append(f"{key} {measure}: expected {a!r}, got {b!r}")
    return problems
