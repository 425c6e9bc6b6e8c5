"""A scenario's files: the growth assumed for some sectors (`sector, growth`) and the
city's own GRDP projection (`year, grdp`), read by the engine's one reader."""

from pathlib import Path

import duckdb

from .checks import check_filled, check_numbers, check_years, report_rows
from .expressions import Columns
from .problems import ProblemList
from .result import ScopeInfo
from .scenario import check_rate
from .sources import read_source


def read_sector_growth(
    path: Path, scope: ScopeInfo, problems: ProblemList
) -> tuple[dict[str, float], dict[str, object] | None]:
    """sector -> growth a year, and the file's description for the provenance. Every
    sector must be one of the scope's and appear once; a growth must be above −1."""
    con = duckdb.connect()
    try:
        source = read_source(con, path, "sector_growth", problems)
        if source is None or problems:
            return {}, None
        columns = Columns(source)
        _check_cells(con, columns, "growth", problems)
        if problems:
            return {}, None
        found = con.execute(
            f"SELECT __row, {columns.text('sector')}, {columns.number('growth')} "
            f"FROM {source.view} ORDER BY __row"
        ).fetchall()
        growth: dict[str, float] = {}
        for row, sector, value in found:
            where = {"file": source.label, "row": int(row)}
            if sector not in scope.sectors:
                known = ", ".join(scope.sectors)
                problems.add(
                    "unknown_sector",
                    column="sector",
                    value=sector,
                    scope=scope.key,
                    known=known,
                    **where,
                )
            elif sector in growth:
                problems.add("duplicate_sector", column="sector", value=sector, **where)
            elif check_rate(float(value), problems, column="growth", **where):
                growth[str(sector)] = float(value)
        return growth, source.describe()
    finally:
        con.close()


def read_grdp_path(
    path: Path, problems: ProblemList
) -> tuple[dict[int, float], dict[str, object] | None]:
    """year -> GRDP of the whole territory, and the file's description."""
    con = duckdb.connect()
    try:
        source = read_source(con, path, "grdp_path", problems)
        if source is None or problems:
            return {}, None
        columns = Columns(source)
        check_years(con, columns, problems)
        _check_cells(con, columns, "grdp", problems)
        report_rows(
            con, columns, f"{columns.number('grdp')} <= 0", "grdp_not_positive", "grdp", problems
        )
        if problems:
            return {}, None
        found = con.execute(
            f"SELECT {columns.year()}, {columns.number('grdp')} FROM {source.view} ORDER BY __row"
        ).fetchall()
        return {int(year): float(grdp) for year, grdp in found}, source.describe()
    finally:
        con.close()


def _check_cells(
    con: duckdb.DuckDBPyConnection, columns: Columns, name: str, problems: ProblemList
) -> None:
    check_numbers(con, columns, [name], problems)
    check_filled(con, columns, name, problems)
