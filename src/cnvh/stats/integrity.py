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
    if data.role.name != "units" or not run.options.check_duplicates:
        return None
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


def _check_duplicates(con: duckdb.DuckDBPyConnection, data: Source, problems: ProblemList) -> None:
    """A unit counted twice in a year would be counted twice in every figure.

    Sorting 64-bit hashes of (unit, year) in NumPy is several times faster than any
    grouping in SQL; a hash that repeats is then checked on the unit ids themselves,
    so a collision cannot raise a false alarm."""
    columns = Columns(data)
    unit_id, year = columns.text("unit_id"), columns.year()
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
