"""Build the whole demo data set into a directory."""

from pathlib import Path

import numpy as np

from cnvh.demo import calibration, files
from cnvh.demo.measured import recalibrate
from cnvh.demo.population import businesses
from cnvh.demo.scope import read_scope, scope_path
from cnvh.demo.unit_years import unit_columns

DEFAULT_SEED = 20221208  # any fixed number; this one is arbitrary
DEFAULT_UNITS = 20_000
CALIBRATION_SCOPE = "hanoi-plan"


def generate(
    output: Path,
    units_per_year: int = DEFAULT_UNITS,
    seed: int = DEFAULT_SEED,
    scope_file: Path | None = None,
    first_year: int = calibration.YEARS[0],
) -> dict[str, str]:
    """Write the data set; returns the manifest's file checksums."""
    scope = read_scope(scope_file or scope_path(CALIBRATION_SCOPE))
    years = calibration.years_from(first_year)
    rng = np.random.default_rng(seed)
    pool = businesses(rng, units_per_year, years)
    columns = recalibrate(unit_columns(rng, pool, scope, years), scope)
    output.mkdir(parents=True, exist_ok=True)
    files.write_units(columns, output)
    files.write_totals(output, years)
    files.write_crosswalk(output)
    files.write_workbook(output)
    files.write_readme(output, seed, units_per_year, years)
    files.write_manifest(output, seed, units_per_year, years)
    return {name: files.sha256(output / name) for name in (*files.DATA_FILES, "manifest.json")}
