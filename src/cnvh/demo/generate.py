"""Build the whole demo data set into a directory."""

from pathlib import Path

import numpy as np

from cnvh.demo import files
from cnvh.demo.measured import recalibrate
from cnvh.demo.population import businesses
from cnvh.demo.scope import read_scope, scope_path
from cnvh.demo.units import unit_columns

DEFAULT_SEED = 20221208  # any fixed number; this one is arbitrary
DEFAULT_UNITS = 20_000
CALIBRATION_SCOPE = "hanoi-plan"


def generate(
    output: Path,
    units_per_year: int = DEFAULT_UNITS,
    seed: int = DEFAULT_SEED,
    scope_file: Path | None = None,
) -> dict[str, str]:
    """Write the data set; returns the manifest's file checksums."""
    scope = read_scope(scope_file or scope_path(CALIBRATION_SCOPE))
    rng = np.random.default_rng(seed)
    pool = businesses(rng, units_per_year)
    columns = recalibrate(unit_columns(rng, pool, scope), scope)
    output.mkdir(parents=True, exist_ok=True)
    files.write_units(columns, output)
    files.write_totals(output)
    files.write_crosswalk(output)
    files.write_readme(output, seed, units_per_year)
    files.write_manifest(output, seed, units_per_year)
    return {name: files.sha256(output / name) for name in (*files.DATA_FILES, "manifest.json")}
