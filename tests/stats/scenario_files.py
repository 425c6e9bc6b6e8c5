"""The worked example of docs/methods.md §11 as files: two sectors, film growing 10% a
year from 2020 to 2025 and television not at all, 2% of GRDP in 2025."""

from pathlib import Path

from cnvh.stats import EstimateOptions, estimate, load_scope
from cnvh.stats.result import Estimate

from .files import totals, write_csv

SCOPE = [
    {"code": "5912", "sector": "film", "share": 1},
    {"code": "6020", "sector": "tv", "share": 1},
]
AGGREGATES = [
    {"year": 2020, "code": "5912", "value_added": 1000},
    {"year": 2020, "code": "6020", "value_added": 389.49},
    {"year": 2025, "code": "5912", "value_added": 1610.51},
    {"year": 2025, "code": "6020", "value_added": 389.49},
]
GRDP = {2020: 80_000.0, 2025: 100_000.0}


def example_files(folder: Path) -> dict[str, Path]:
    return {
        "scope": write_csv(folder / "scope.csv", SCOPE),
        "aggregates": write_csv(folder / "aggregates.csv", AGGREGATES),
        "totals": totals(folder / "totals.csv", GRDP),
    }


def example_estimate(folder: Path) -> Estimate:
    files = example_files(folder)
    return estimate(
        load_scope(files["scope"]),
        aggregates=files["aggregates"],
        totals=files["totals"],
        options=EstimateOptions(bootstrap=0),
    )
