"""Write the demo data set: units (Parquet and CSV), totals, crosswalk, README, manifest."""

import csv
import hashlib
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb

from cnvh.demo import areas, calibration, workbook
from cnvh.demo.readme import readme_text
from cnvh.demo.unit_years import Columns
from cnvh.geo.crosswalk import write_crosswalk as write_crosswalk_file
from cnvh.stats.columns import ROLES

# The columns the engine reads from unit-level data, less those a file may leave out.
UNIT_COLUMNS = tuple(c for c in ROLES["units"].known if c not in {"classification", "unit"})

DATA_FILES = (
    "README.txt",
    "area-crosswalk.csv",
    "totals.csv",
    "units.csv",
    "units.parquet",
    workbook.FILE_NAME,
)

# Explicit types so that the files do not depend on how DuckDB reads the arrays;
# NaN in a NumPy array arrives as NULL, which is what a missing figure is.
UNITS_SELECT = """
SELECT
    unit_id::VARCHAR AS unit_id,
    year::INTEGER AS year,
    code::VARCHAR AS code,
    area::VARCHAR AS area,
    value_added::DOUBLE AS value_added,
    output::DOUBLE AS output,
    intermediate_consumption::DOUBLE AS intermediate_consumption,
    revenue::DOUBLE AS revenue,
    employment::BIGINT AS employment,
    weight::DOUBLE AS weight,
    stratum::VARCHAR AS stratum
FROM demo_columns
ORDER BY year, unit_id
"""


def write_units(columns: Columns, output: Path) -> None:
    con = duckdb.connect()
    try:
        # One thread: the same rows in the same order every time, so the same bytes.
        con.execute("SET threads = 1")
        con.register("demo_columns", columns)
        con.execute(f"CREATE TABLE units AS {UNITS_SELECT}")
        con.execute(f"COPY units TO '{output / 'units.parquet'}' (FORMAT parquet)")
        con.execute(f"COPY units TO '{output / 'units.csv'}' (FORMAT csv, HEADER)")
    finally:
        con.close()


def write_totals(output: Path, years: tuple[int, ...] = calibration.YEARS) -> None:
    with (output / "totals.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["year", "grdp", "employment"])
        for year in years:
            writer.writerow([year, f"{calibration.grdp(year):.0f}", calibration.employment(year)])


def write_workbook(output: Path) -> None:
    rows = workbook.aggregate_rows(output / "units.parquet")
    workbook.write_workbook(rows, output / workbook.FILE_NAME)


def write_crosswalk(output: Path) -> None:
    write_crosswalk_file(areas.crosswalk(), output / "area-crosswalk.csv")


def cnvh_version() -> str:
    try:
        return version("cnvh")
    except PackageNotFoundError:
        return "unknown"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_readme(
    output: Path, seed: int, units_per_year: int, years: tuple[int, ...] = calibration.YEARS
) -> None:
    text = readme_text(seed, units_per_year, years)
    (output / "README.txt").write_text(text, encoding="utf-8")


def write_manifest(
    output: Path, seed: int, units_per_year: int, years: tuple[int, ...] = calibration.YEARS
) -> None:
    manifest: dict[str, object] = {
        "synthetic": True,
        "note": "SYNTHETIC DEMO DATA, not official statistics / DỮ LIỆU MẪU TỔNG HỢP",
        "seed": seed,
        "units_per_year": units_per_year,
        "generator": "cnvh demo-data",
        "cnvh_version": cnvh_version(),
        "files": {name: sha256(output / name) for name in DATA_FILES},
    }
    if years != calibration.YEARS:
        # Only when asked for, so the default data set's manifest keeps its bytes.
        manifest["years"] = [years[0], years[-1]]
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (output / "manifest.json").write_text(text, encoding="utf-8")
