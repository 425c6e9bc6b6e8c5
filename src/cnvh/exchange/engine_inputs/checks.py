"""The engine's own checks of its inputs, run on the canonical file of an import.

An imported file is first read into typed rows (Vietnamese numbers, dates, headers);
what the engine then requires of the data (years in range, no unit twice a year, codes
of the classification, weights that add up to 1, one GRDP per year and area, ...) is
asked of the engine itself, on the same Parquet file it will later read, so that an
import accepts exactly what an estimate accepts. The engine reports rows of that file;
they are turned back into the rows of the imported file.
"""

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb

from cnvh.stats.cells import build_aggregate_cells, build_unit_cells
from cnvh.stats.codemap import build_code_map
from cnvh.stats.expressions import Columns
from cnvh.stats.integrity import _check_duplicates
from cnvh.stats.numbers import WHOLE_DIGITS
from cnvh.stats.problems import CATALOGUE, InputError, Problem, ProblemList
from cnvh.stats.scope import load_scope
from cnvh.stats.small_inputs import load_area_crosswalk, load_totals, read_code_crosswalk
from cnvh.stats.sources import Source, declared_unit, read_source

from ..kinds import Column, Problems, Row
from . import canonical

DEFAULT_CLASSIFICATION = "VSIC2018"  # the shipped scopes' classification
ENGINE_PROBLEMS_LISTED = 500


def check(role: str, rows: Sequence[Row], columns: Sequence[Column], problems: Problems) -> None:
    """Runs the engine's checks of input `role` on `rows`; reports into `problems`."""
    if not rows:
        return
    found = ProblemList(limit=ENGINE_PROBLEMS_LISTED)
    with tempfile.TemporaryDirectory(prefix="cnvh-check-") as folder:
        path = Path(folder) / f"{role}.parquet"
        canonical.write(rows, columns, path)
        if role == "scope":
            _check_scope(path, found)
        else:
            _check_source(role, path, found)
    _translate(found, rows, problems)


def _check_scope(path: Path, found: ProblemList) -> None:
    try:
        load_scope(path, DEFAULT_CLASSIFICATION)
    except InputError as error:
        found.items.extend(error.problems)
        found.count_more(error.more)


def _check_source(role: str, path: Path, found: ProblemList) -> None:
    con = duckdb.connect()
    try:
        source = read_source(con, path, role, found)
        if source is not None:
            ROLE_CHECKS[role](con, source, found)
    finally:
        con.close()


def _units(con: duckdb.DuckDBPyConnection, source: Source, found: ProblemList) -> None:
    build_unit_cells(
        con,
        source,
        years=None,
        by_area=False,
        data_classification=DEFAULT_CLASSIFICATION,
        problems=found,
    )
    _check_duplicates(con, source, found)
    _check_codes(con, source, found)
    declared_unit(con, source, found)


def _aggregates(con: duckdb.DuckDBPyConnection, source: Source, found: ProblemList) -> None:
    build_aggregate_cells(
        con,
        source,
        years=None,
        by_area=False,
        data_classification=DEFAULT_CLASSIFICATION,
        problems=found,
    )
    _check_codes(con, source, found)
    declared_unit(con, source, found)


def _check_codes(con: duckdb.DuckDBPyConnection, source: Source, found: ProblemList) -> None:
    """Codes against their own classification (a row's `classification`, else VSIC 2018):
    converting them to a scope's is the estimate's business, with the crosswalk it uses."""
    con.execute("CREATE OR REPLACE TEMP TABLE every_cell AS SELECT * FROM cells")
    classifications = con.execute("SELECT DISTINCT cls FROM every_cell ORDER BY 1").fetchall()
    for (classification,) in classifications:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE cells AS SELECT * FROM every_cell WHERE cls = ?",
            [classification],
        )
        build_code_map(con, Columns(source), str(classification), None, found)


def _totals(con: duckdb.DuckDBPyConnection, source: Source, found: ProblemList) -> None:
    load_totals(con, source, found)
    declared_unit(con, source, found)


def _code_crosswalk(con: duckdb.DuckDBPyConnection, source: Source, found: ProblemList) -> None:
    read_code_crosswalk(con, source, found)


ROLE_CHECKS: dict[str, Callable[[duckdb.DuckDBPyConnection, Source, ProblemList], None]] = {
    "units": _units,
    "aggregates": _aggregates,
    "totals": _totals,
    "area_crosswalk": load_area_crosswalk,
    "code_crosswalk": _code_crosswalk,
}


def _translate(found: ProblemList, rows: Sequence[Row], problems: Problems) -> None:
    """The engine's problems as the imported file's: record k of the canonical file is
    the k-th row read."""

    def row_of(record: int) -> int:
        return rows[record - 1].number if 0 < record <= len(rows) else record

    # A row the reading found wrong (a number it could not read) is one the engine
    # finds wrong again in consequence (no money value): the first problem is the one
    # to fix.
    seen = getattr(problems, "has_row", lambda row: False)
    rows_read_wrong = {row_of(p.row) for p in found.items if p.row and seen(row_of(p.row))}
    for problem in found.items:
        row = row_of(problem.row) if problem.row else None
        if row in rows_read_wrong:
            continue
        params = dict(problem.params)
        if "rows" in params:  # the rows of a code whose shares exceed 1
            params["rows"] = ", ".join(
                str(row_of(int(part))) for part in str(params["rows"]).split(", ")
            )
        what_vi, what_en, fix_vi, fix_en = _texts(problem.code, problem.column, params)
        problems.add(
            row=row,
            column=problem.column,
            what_vi=what_vi,
            what_en=what_en,
            fix_vi=fix_vi,
            fix_en=fix_en,
        )
    more = getattr(problems, "count_more", None)
    if found.more and more:
        more(found.more)


def entry(problem: Problem) -> dict[str, object]:
    """An engine's problem as an import's (cnvh.exchange.reading.problems)."""
    what_vi, what_en, fix_vi, fix_en = _texts(problem.code, problem.column, problem.params)
    return {
        "file": problem.file,
        "sheet": "",
        "row": problem.row,
        "column": problem.column,
        "header": problem.column,
        "what_vi": what_vi,
        "what_en": what_en,
        "fix_vi": fix_vi,
        "fix_en": fix_en,
    }


def _texts(code: str, column: str | None, params: dict[str, object]) -> tuple[str, ...]:
    values = {"column": column or "", "row": "", "digits": WHOLE_DIGITS, **params}
    return tuple(text.format(**values) for text in CATALOGUE[code])
