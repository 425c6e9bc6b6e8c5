"""The canonical file of an engine input: Parquet, written by DuckDB, canonical column
names, exact numbers (DECIMAL), and `source_row`, the row of the imported file each
record came from.

The engine reads it like any Parquet file a person gives it (the `source_row` column is
not one it knows, so it is left alone), and gets the same figures as from the file it
was imported from.
"""

import csv
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

from cnvh.stats import sql

from ..kinds import Column, Row, Value
from ..reading.numbers import plain_text

SOURCE_ROW = "source_row"
_NARROW_DIGITS = 18  # DECIMAL(18, s) is a 64-bit integer inside: smaller and faster


@dataclass(frozen=True)
class Canonical:
    path: Path
    rows: int
    types: dict[str, str]  # column -> DuckDB type


def kept_columns(rows: Sequence[Row], columns: Sequence[Column]) -> list[Column]:
    """The required columns, and the others that hold a value in some row."""
    return [
        column
        for column in columns
        if column.required or any(row.values.get(column.name) is not None for row in rows)
    ]


def duckdb_type(column: Column, rows: Sequence[Row]) -> str:
    if column.type == "integer":
        return "INTEGER" if column.name == "year" else "BIGINT"
    if column.type == "date":
        return "DATE"
    if column.type != "decimal":
        return "VARCHAR"
    scale, whole = 0, 1
    for row in rows:
        value = row.values.get(column.name)
        if isinstance(value, Decimal):
            _, digits, exponent = value.as_tuple()
            assert isinstance(exponent, int)
            scale = max(scale, -exponent)
            whole = max(whole, len(digits) + exponent)
    precision = _NARROW_DIGITS if whole + scale <= _NARROW_DIGITS else 38
    return f"DECIMAL({precision}, {min(scale, precision)})"


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_text(value)
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int) else value.isoformat()


def write(rows: Sequence[Row], columns: Sequence[Column], target: Path) -> Canonical:
    """Writes `rows` to the Parquet file `target`, in the file's order."""
    kept = kept_columns(rows, columns)
    types = {SOURCE_ROW: "BIGINT"} | {c.name: duckdb_type(c, rows) for c in kept}
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cnvh-canonical-") as folder:
        flat = Path(folder) / "rows.csv"
        with flat.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(types)
            names = [c.name for c in kept]
            writer.writerows(
                [str(row.number), *(_cell(row.values.get(name)) for name in names)] for row in rows
            )
        _copy_to_parquet(flat, types, target)
    return Canonical(target, len(rows), types)


def _copy_to_parquet(flat: Path, types: dict[str, str], target: Path) -> None:
    spec = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in types.items()) + "}"
    con = duckdb.connect()
    try:
        con.execute(
            f"COPY (SELECT * FROM read_csv({sql.literal(flat)}, header = true, "
            f"auto_detect = false, columns = {spec}, quote = '\"', escape = '\"', "
            f"delim = ',')) TO {sql.literal(target)} (FORMAT parquet, COMPRESSION zstd)"
        )
    finally:
        con.close()
