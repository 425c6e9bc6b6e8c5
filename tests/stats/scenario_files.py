"""The worked example of docs/methods.md §11 as files: two sectors, film growing 10% a
year from 2020 to 2025 and television not at all, 2% of GRDP in 2025."""

from pathlib import Path

from cnvh.stats import EstimateOptions, estimate, load_scope
from cnvh.stats.result import Estimate

from .files import run, totals, unit, write_csv

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


def sampled_film_estimate(folder: Path, scope: str | Path) -> Estimate:
    """Six sampled film units (weight 4, one stratum), each 1.5 times larger in 2023 than
    in 2021 (840 → 1,260 of a GRDP of 10,000), with 300 bootstrap replicates."""
    units = [
        unit(
            f"u{i}{year}",
            "5912",
            float(10 * (i + 1) * (1 if year == 2021 else 1.5)),
            year=year,
            weight=4,
            stratum="h",
        )
        for i in range(6)
        for year in (2021, 2023)
    ]
    return run(folder, units, {2021: 1e4, 2023: 1e4}, scope, bootstrap=300)
