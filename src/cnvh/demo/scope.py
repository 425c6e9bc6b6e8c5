"""Read a scope file and match codes to it, only to calibrate the demo data.

The engine has its own, fuller scope loader. The generator reads the CSV itself
so that the demo data do not depend on the engine they are meant to test, and
the rule is short: a code (dots and spaces removed) takes the rows of its
longest listed prefix.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import cnvh

SCOPES_DIR = Path(cnvh.__file__).parent / "stats" / "data" / "scopes"


@dataclass(frozen=True)
class ScopeRow:
    code: str
    sector: str
    share: float


def normalise_code(code: str) -> str:
    return code.replace(".", "").replace(" ", "").strip()


def scope_path(key: str) -> Path:
    return SCOPES_DIR / f"{key}.csv"


def read_scope(path: Path) -> dict[str, list[ScopeRow]]:
    """Listed code → its rows (one per sector the code belongs to)."""
    rows: dict[str, list[ScopeRow]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            code = normalise_code(record["code"])
            row = ScopeRow(code, record["sector"].strip(), float(record["share"]))
            rows.setdefault(code, []).append(row)
    return rows


def match(code: str, scope: dict[str, list[ScopeRow]]) -> list[ScopeRow]:
    """The scope rows of the code's longest listed prefix; empty when out of scope."""
    normal = normalise_code(code)
    for length in range(len(normal), 0, -1):
        rows = scope.get(normal[:length])
        if rows:
            return rows
    return []


def in_scope_share(code: str, scope: dict[str, list[ScopeRow]]) -> float:
    """How much of a unit of this code the scope's total counts (0 to 1)."""
    return sum(row.share for row in match(code, scope))
