"""The method options of an estimate, and how they are written on a command line."""

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .money import DEFAULT_UNIT
from .problems import ProblemList

BY_CHOICES = ("sector", "area")
DEFAULT_REPLICATES = 200


@dataclass(frozen=True)
class EstimateOptions:
    """How to estimate. `bootstrap` is the number of replicates for confidence
    intervals; None means 200 when the data has sampled units (a stratum), else none."""

    years: tuple[int, ...] | None = None
    by: tuple[str, ...] = ("sector",)
    unit: str = DEFAULT_UNIT
    data_classification: str | None = None
    code_list: Path | None = None  # a full list of the data classification's codes
    code_crosswalk: Path | None = None
    area_crosswalk: Path | None = None
    benchmark: Path | None = None
    bootstrap: int | None = None
    seed: int = 20250701
    confidence: float = 0.95
    # Off only for data whose units were checked elsewhere; the record of checked files
    # (checked.py) skips the check only for a file it knows unchanged.
    check_duplicates: bool = True
    # Area codes are whatever the data uses; this checks them against the official list.
    check_areas: bool = False

    def describe(self) -> dict[str, Any]:
        return {name: _plain(value) for name, value in asdict(self).items()}


def _plain(value: object) -> object:
    """JSON's own types, so a provenance reads back from storage exactly as written."""
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def parse_years(text: str, problems: ProblemList) -> tuple[int, ...] | None:
    """ "2019-2024", "2019,2021,2023-2024" -> the years, in order."""
    years: set[int] = set()
    for part in text.split(","):
        match = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", part)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            problems.add("bad_years", value=text)
            return None
        first = int(match.group(1))
        last = int(match.group(2) or first)
        years.update(range(first, last + 1))
    return tuple(sorted(years))


def parse_by(text: str, problems: ProblemList) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in text.split(",") if part.strip())
    for part in parts:
        if part not in BY_CHOICES:
            problems.add("bad_by", value=part)
    return tuple(name for name in BY_CHOICES if name in parts)


def parse_replicates(text: str, problems: ProblemList) -> int | None:
    if text == "auto":
        return None
    if text.isdigit():
        return int(text)
    problems.add("bad_bootstrap", value=text)
    return None
