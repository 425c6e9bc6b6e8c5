"""Checks of the business data as a whole: each unit once a year, and (on request)
area codes that are official administrative units."""

from concurrent.futures import Future, ThreadPoolExecutor

import duckdb
import numpy as np

from . import sql
from .checks import report_rows
from .expressions import Columns
from .problems import ProblemList
from .provenance import Run
from .sources import Source

_CHECKING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cnvh-duplicates")


def start_duplicate_check(
    con: duckdb.DuckDBPyConnection, run: Run, data: Source
) -> "Future[ProblemList] | None":
    """Runs beside the pass over the data, on its own cursor: each leaves the cores idle
    at moments (fetching, sorting in NumPy) that the other fills."""
    if data.role.name != "units":
        return None
    if not run.options.check_duplicates:
        run.unit_years = "not checked"
        return None
    if data.checked and data.checked.units_once_a_year:
        run.unit_years = "recorded"  # this very content was checked before
        return None
    run.unit_years = "checked"
    cursor = con.cursor()

    def check() -> ProblemList:
        found = ProblemList()
        try:
            _check_duplicates(cursor, data, found)
        finally:
            cursor.close()
        return found

    job = _CHECKING.submit(check)
    run.background.append(job)
    return job


# Row orders in which files of unit-year rows are commonly written: by unit, then year
# (a register's extract), or one year after another. Each says when a row is strictly
# after the row before it; NULL is never after anything.
ORDERS = (
    "u > pu OR (u = pu AND y > py)",
    "y > py OR (y = py AND u > pu)",
)
PREFIX_ROWS = 8192


def _check_duplicates(con: duckdb.DuckDBPyConnection, data: Source, problems: ProblemList) -> None:
    """A unit counted twice in a year would be counted twice in every figure.

    A file whose rows are each strictly after the one before, in one of the ORDERS,
    has no key twice: that is proven in one streaming pass that holds two rows at a
    time. Any other file is checked by sorting 64-bit hashes of (unit, year) in NumPy,
    several times faster than any grouping in SQL; a hash that repeats is then checked
    on the unit ids themselves, so a collision cannot raise a false alarm."""
    columns = Columns(data)
    unit_id, year = columns.text("unit_id"), columns.year()
    if in_strict_order(con, f"SELECT {unit_id} AS u, {year} AS y FROM {data.view}"):
        return
    key = f"hash({unit_id}, {year})"
    hashes = con.execute(f"SELECT {key} AS h FROM {data.view}").fetchnumpy()["h"]
    hashes.sort()
    repeated = np.unique(hashes[1:][hashes[1:] == hashes[:-1]])
    if not repeated.size:
        return
    found = con.execute(
        f"""
        SELECT {unit_id} AS unit_id, {year} AS year, count(*), min(__row)
        FROM {data.view} WHERE {key} IN (SELECT unnest($1::UBIGINT[]))
        GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY 4 LIMIT 10
        """,
        [repeated[:1000].tolist()],
    ).fetchall()
    for unit, found_year, count, row in found:
        problems.add(
            "duplicate_unit_year",
            file=data.label,
            row=int(row),
            column="unit_id",
            unit_id=unit,
            year=found_year,
            count=count,
        )


def in_strict_order(con: duckdb.DuckDBPyConnection, keys: str) -> bool:
    """Whether the rows of `keys` (columns u, y) follow one another in one of ORDERS.

    `lag() OVER ()` chains every row to the one before it in a single sequence, so
    a chain that rises at every link repeats no key, whatever sequence DuckDB chose.
    The first rows say which order could hold, so that a file in no order is not
    read through for nothing; the whole file then proves it or not, stopping at the
    first row out of order."""
    return any(
        _rises(con, f"{keys} LIMIT {PREFIX_ROWS}", rises) and _rises(con, keys, rises)
        for rises in ORDERS
    )


def _rises(con: duckdb.DuckDBPyConnection, keys: str, rises: str) -> bool:
    # The first row, with no row before it (pu NULL), is the only one the condition
    # cannot test. A row with no unit or year counts as out of order, so the row after
    # it, compared with NULL, needs no test of its own. (Written without coalesce,
    # which costs half as much again.)
    found = con.execute(f"""
        SELECT 1 FROM (
            SELECT u, y, lag(u) OVER () AS pu, lag(y) OVER () AS py FROM ({keys}) AS k
        ) AS chained
        WHERE u IS NULL OR y IS NULL OR NOT ({rises}) LIMIT 1
    """).fetchone()
    return found is None


def check_areas(con: duckdb.DuckDBPyConnection, data: Source, problems: ProblemList) -> None:
    # Imported here: loading the official lists takes a fifth of a second, which an
    # estimate that does not check areas should not pay.
    from ..geo.units import official_codes

    columns = Columns(data)
    area = columns.text("area")
    found = con.execute(f"SELECT DISTINCT {area} FROM {data.view} WHERE {area} IS NOT NULL")
    for (code,) in sorted(found.fetchall()):
        if str(code).strip() not in official_codes():
            condition = f"{area} = {sql.literal(str(code))}"
            report_rows(con, columns, condition, "unknown_area", "area", problems)
