"""The estimate: business data + economy totals + a scope -> value added, employment,
businesses and share of GRDP by year, sector and area, with provenance."""

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import duckdb

from . import aggregate
from .bootstrap import Replicates, share_intervals
from .cells import build_aggregate_cells, build_unit_cells, sampled_rows
from .checked import Checked, CheckedFiles, known_checksum, look_up, now, unchanged
from .codemap import build_code_map, impute_ratios
from .codes import known_classifications
from .expressions import Columns
from .integrity import check_areas, start_duplicate_check
from .money import canonical_unit, same_unit
from .options import DEFAULT_REPLICATES, EstimateOptions
from .postgres import build_unit_cells_on_postgres
from .problems import ProblemList
from .provenance import Run, provenance
from .result import Estimate, EstimateRow
from .scope import Scope
from .small_inputs import (
    check_totals_cover,
    load_area_crosswalk,
    load_benchmark,
    load_totals,
    read_code_list,
)
from .sources import Source, declared_unit, read_source
from .tables import create_table

Progress = Callable[[str, float], None]


def estimate(
    scope: Scope,
    *,
    totals: Path,
    units: Path | None = None,
    aggregates: Path | None = None,
    options: EstimateOptions | None = None,
    progress: Progress | None = None,
    server: Any = None,
    checked: CheckedFiles | None = None,
) -> Estimate:
    """Raises InputError listing every problem in the inputs; computes nothing then.

    `server`, a psycopg connection to PostgreSQL, runs the pass over the units there
    (postgres.py); the estimate is the same. `checked`, the record of the files already
    checked: a file found there unchanged is not read through again for its checksum
    nor for each unit once a year, and every file read in full is added to it."""
    options = options or EstimateOptions()
    problems = ProblemList()
    if (units is None) == (aggregates is None):
        problems.add("no_units_or_aggregates")
        problems.raise_if_any()
    con = duckdb.connect()
    run = Run(options=options, scope=scope, record=checked)
    try:
        result = _estimate(con, run, totals, units, aggregates, problems, progress, server)
        _remember(run)
        return result
    finally:
        for job in run.background:
            job.exception()  # waits: the connection must outlive every query on it
        con.close()
        for source in run.sources:
            source.remove_temporary_files()


def _estimate(
    con: duckdb.DuckDBPyConnection,
    run: Run,
    totals_path: Path,
    units_path: Path | None,
    aggregates_path: Path | None,
    problems: ProblemList,
    progress: Progress | None,
    server: Any = None,
) -> Estimate:
    run.mark("open files", progress, 0.0)
    data = _open_inputs(con, run, totals_path, units_path, aggregates_path, problems)
    run.mark("one pass over the data", progress, 0.1)
    duplicates = start_duplicate_check(con, run, data)
    builder = build_unit_cells if data.role.name == "units" else build_aggregate_cells
    if server is not None and data.role.name == "units":
        builder = partial(build_unit_cells_on_postgres, server=server)
        run.database = {"name": "postgresql", "version": str(server.info.server_version)}
    builder(
        con,
        data,
        years=run.options.years,
        by_area="area" in run.options.by,
        data_classification=run.data_classification,
        problems=problems,
    )
    run.sampled_rows = sampled_rows(con, data, run.options.years)
    run.mark("checks", progress, 0.4)
    if duplicates:
        problems.extend(duplicates.result())
    _check_inputs(con, run, data, problems)
    run.mark("compute", progress, 0.5)
    rows = _compute(con, run, data, problems)
    run.mark("confidence intervals", progress, 0.6)
    intervals, replicates = _intervals(con, data, run, rows, progress)
    run.mark("provenance", progress, 0.95)
    return Estimate(
        scope=run.scope.info(),
        unit=run.unit,
        rows=[_row(values, intervals) for values in rows],
        provenance=provenance(con, run),
        replicates=replicates,
    )


def _check_inputs(
    con: duckdb.DuckDBPyConnection, run: Run, data: Source, problems: ProblemList
) -> None:
    totals_loaded = _load_small_inputs(con, run, problems)
    run.years = list(run.options.years) if run.options.years else _data_years(con)
    if totals_loaded:
        check_totals_cover(con, run.years, run.source("totals").label, problems)
    if run.options.check_areas and data.has("area"):
        check_areas(con, data, problems)
    code_lists = {}
    if run.options.code_list:
        code_lists[run.data_classification] = read_code_list(
            con, run.source("code_list"), run.data_classification, problems
        )
    run.code_report = build_code_map(
        con,
        Columns(data),
        run.scope.classification,
        run.options.code_crosswalk,
        problems,
        code_lists,
    )
    problems.raise_if_any()


def _compute(
    con: duckdb.DuckDBPyConnection, run: Run, data: Source, problems: ProblemList
) -> list[tuple[Any, ...]]:
    run.ratios = impute_ratios(con, problems)
    problems.raise_if_any()
    aggregate.resolve_value_added(con)
    if run.options.benchmark:
        run.benchmark = aggregate.benchmark(con, run.source("benchmark").label, problems)
        problems.raise_if_any()
    if run.options.area_crosswalk:
        run.areas_moved = aggregate.move_areas(con)
    _create_scope_map(con, run.scope)
    return aggregate.summarise(
        con,
        run.years,
        run.options.by,
        {key: sector.order for key, sector in run.scope.sectors.items()},
        has_employment=data.has("employment"),
        has_establishments=data.role.name == "units" or data.has("establishments"),
    )


def _open_inputs(
    con: duckdb.DuckDBPyConnection,
    run: Run,
    totals: Path,
    units: Path | None,
    aggregates: Path | None,
    problems: ProblemList,
) -> Source:
    role, path = ("units", units) if units else ("aggregates", aggregates)
    assert path is not None
    named = [(role, path), ("totals", totals)]
    options = run.options
    if options.benchmark:
        named.append(("benchmark", options.benchmark))
    if options.area_crosswalk:
        named.append(("area_crosswalk", options.area_crosswalk))
    if options.code_list:
        named.append(("code_list", options.code_list))
    for name, file in named:
        _open_source(con, run, name, Path(file), problems)
    if not 0 < options.confidence < 1 or (options.bootstrap or 0) < 0:
        detail = f"confidence {options.confidence}, bootstrap {options.bootstrap}"
        problems.add("bad_method_option", detail=detail)
    problems.raise_if_any()
    data = run.source(role)
    if "area" in options.by and not data.has("area"):
        problems.add("missing_column", file=data.label, column="area")
    run.unit = _check_units(con, run.sources, options.unit, problems)
    run.data_classification = (options.data_classification or run.scope.classification).upper()
    if run.data_classification not in known_classifications():
        known = ", ".join(known_classifications())
        problems.add("unknown_classification", value=run.data_classification, known=known)
    problems.raise_if_any()
    return data


def _open_source(
    con: duckdb.DuckDBPyConnection, run: Run, name: str, path: Path, problems: ProblemList
) -> None:
    print_, recorded = look_up(run.record, path)
    checksum = known_checksum(recorded.checksum) if recorded else None
    source = read_source(con, path, name, problems, checksum)
    if source:
        source.fingerprint, source.checked = print_, recorded
        run.sources.append(source)


def _remember(run: Run) -> None:
    """Adds to the record what this estimate found of each file, if it learnt anything,
    and only of a file that did not change while it was read."""
    for source in run.sources:
        if run.record is None or source.fingerprint is None:
            continue
        once = source.role.name == "units" and run.unit_years in {"checked", "recorded"}
        if source.checked and (source.checked.units_once_a_year or not once):
            continue  # the record already says all this estimate knows
        if unchanged(source.fingerprint):
            found = Checked(source.checksum.result(), once, "estimate", now())
            run.record.remember(source.fingerprint, found)


def _check_units(
    con: duckdb.DuckDBPyConnection, sources: list[Source], stated: str, problems: ProblemList
) -> str:
    """Each money file is in the unit it declares, else in the stated one (--unit); all
    must agree, since the engine never adds or divides figures in different units."""
    money = [s for s in sources if s.role.name in {"units", "aggregates", "totals", "benchmark"}]
    first: tuple[str, str] | None = None
    for source in money:
        unit = declared_unit(con, source, problems) or canonical_unit(stated)
        if first is None:
            first = (source.label, unit)
        elif not same_unit(first[1], unit):
            problems.add(
                "unit_mismatch",
                left=first[0],
                left_unit=first[1],
                right=source.label,
                right_unit=unit,
            )
    return first[1] if first else canonical_unit(stated)


def _load_small_inputs(con: duckdb.DuckDBPyConnection, run: Run, problems: ProblemList) -> bool:
    totals_loaded = load_totals(con, run.source("totals"), problems)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE official (year INTEGER, division VARCHAR, value_added DOUBLE)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE factors (year INTEGER, division VARCHAR, "
        "official DOUBLE, data DOUBLE, factor DOUBLE)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE area_map (old_area VARCHAR, new_area VARCHAR, "
        "weight DOUBLE, __row BIGINT)"
    )
    if run.options.benchmark:
        load_benchmark(con, run.source("benchmark"), problems)
    if run.options.area_crosswalk:
        load_area_crosswalk(con, run.source("area_crosswalk"), problems)
    return totals_loaded


def _data_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    found = con.execute(
        "SELECT DISTINCT year FROM cells WHERE year IS NOT NULL ORDER BY year"
    ).fetchall()
    return [int(row[0]) for row in found]


def _create_scope_map(con: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    codes = {str(row[0]) for row in con.execute("SELECT DISTINCT code FROM resolved").fetchall()}
    create_table(
        con,
        "scope_map",
        [("code", "VARCHAR"), ("sector", "VARCHAR"), ("share", "DOUBLE")],
        scope.match(codes),
    )


def _intervals(
    con: duckdb.DuckDBPyConnection,
    data: Source,
    run: Run,
    rows: list[tuple[Any, ...]],
    progress: Progress | None,
) -> tuple[dict[Any, Any], Replicates | None]:
    replicates = run.options.bootstrap
    if replicates is None:
        replicates = DEFAULT_REPLICATES if run.sampled_rows else 0
    if not replicates or not run.sampled_rows:
        return {}, None
    intervals, run.bootstrap, kept = share_intervals(
        con,
        data,
        rows=rows,
        years=run.years,
        by=run.options.by,
        data_classification=run.data_classification,
        replicates=replicates,
        seed=run.options.seed,
        confidence=run.options.confidence,
        progress=progress,
    )
    return intervals, kept


def _row(values: tuple[Any, ...], intervals: dict[Any, Any]) -> EstimateRow:
    year, sector, area, va, share, emp, est, emp_share = values
    interval = intervals.get((year, sector, area))
    return EstimateRow(
        year=int(year),
        sector=sector,
        area=area,
        value_added=float(va),
        share=None if share is None else float(share),
        employment=None if emp is None else float(emp),
        establishments=None if est is None else float(est),
        employment_share=None if emp_share is None else float(emp_share),
        share_ci_low=interval.low if interval else None,
        share_ci_high=interval.high if interval else None,
    )
