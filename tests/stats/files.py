"""Writing real input files (CSV, XLSX, Parquet) for the engine's tests."""

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import xlsxwriter

from cnvh.stats import EstimateOptions, estimate, load_scope
from cnvh.stats.result import Estimate

Rows = Sequence[dict[str, Any]]

UNIT_COLUMNS = ["unit_id", "year", "code", "area", "value_added", "employment"]


def _column_names(rows: Rows) -> list[str]:
    return list(dict.fromkeys(name for row in rows for name in row))


def write_csv(path: Path, rows: Rows, columns: Sequence[str] | None = None) -> Path:
    names = list(columns or _column_names(rows))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=names)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: "" if row.get(name) is None else row[name] for name in names})
    return path


def write_xlsx(path: Path, rows: Rows, title_rows: Sequence[str] = ()) -> Path:
    """An Excel sheet as people make them: optional title rows above the table."""
    names = _column_names(rows)
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Data")
    for index, title in enumerate(title_rows):
        sheet.write(index, 0, title)
    top = len(title_rows)
    for col, name in enumerate(names):
        sheet.write(top, col, name)
    for offset, row in enumerate(rows, start=top + 1):
        for col, name in enumerate(names):
            if row.get(name) is not None:
                sheet.write(offset, col, row[name])
    workbook.close()
    return path


def write_parquet(path: Path, rows: Rows) -> Path:
    staging = write_csv(path.with_suffix(".staging.csv"), rows)
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM read_csv('{staging}', header = true)) TO '{path}' (FORMAT parquet)"
    )
    con.close()
    staging.unlink()
    return path


def totals(path: Path, grdp: dict[int, float], **extra: dict[int, float]) -> Path:
    rows = [
        {"year": year, "grdp": value, **{k: v[year] for k, v in extra.items()}}
        for year, value in grdp.items()
    ]
    return write_csv(path, rows)


def run(
    tmp_path: Path,
    units: Rows,
    grdp: dict[int, float],
    scope: str | Path = "hanoi-plan",
    **options: Any,
) -> Estimate:
    """The engine on a units CSV and a totals CSV written from the given rows."""
    options.setdefault("bootstrap", 0)
    return estimate(
        load_scope(scope),
        units=write_csv(tmp_path / "units.csv", units),
        totals=totals(tmp_path / "totals.csv", grdp),
        options=EstimateOptions(**options),
    )


def unit(unit_id: str, code: str, value_added: float | str | None, **fields: Any) -> dict[str, Any]:
    return {
        "unit_id": unit_id,
        "year": fields.pop("year", 2023),
        "code": code,
        "area": fields.pop("area", "00001"),
        "value_added": value_added,
        **fields,
    }
