"""The one pass over the business data.

Every method the engine offers (weights, derived and imputed value added,
benchmarking, crosswalks, scope shares) is linear in the units' figures, so the
data can be summed once by year × code × area and everything after works on
those sums, a table of thousands of rows instead of millions. The same pass
counts every cell that breaks a rule; rows are looked up only when one does.
"""

from dataclasses import dataclass

import duckdb

from . import sql
from .checks import report_rows
from .columns import MONEY, NUMBERS, ROLES
from .expressions import DUCKDB, Columns, Dialect
from .problems import ProblemList
from .sources import Source

UNIT_NUMBERS = [name for name in ROLES["units"].known if name in NUMBERS]
MONEY_COLUMNS = [name for name in UNIT_NUMBERS if name in MONEY]
AGGREGATE_NUMBERS = ["value_added", "employment", "establishments"]


@dataclass(frozen=True)
class Flag:
    """A rule a row can break: its SQL condition, the column it concerns, the problem."""

    name: str
    condition: str
    column: str
    problem: str


def _flags(candidates: list[tuple[str, str | None, str, str]]) -> list[Flag]:
    """The rules a row could break; those the file's statistics rule out are left out."""
    return [
        Flag(name, condition, column, problem)
        for name, condition, column, problem in candidates
        if condition
    ]


def _unit_flags(columns: Columns, by_area: bool) -> list[Flag]:
    candidates = [
        ("bad_year", columns.bad_year(), "year", "not_a_year"),
        ("no_unit_id", columns.blank("unit_id"), "unit_id", "empty_value"),
        *[
            (f"bad_{name}", columns.unreadable_number(name), name, "not_a_number")
            for name in _numbers_read(columns)
        ],
        *[
            (f"huge_{name}", columns.out_of_range(name), name, "number_out_of_range")
            for name in _numbers_read(columns)
        ],
        (
            "weight_not_positive",
            columns.below("weight", 0, inclusive=True),
            "weight",
            "weight_not_positive",
        ),
        (
            "negative_employment",
            columns.below("employment", 0, inclusive=False),
            "employment",
            "negative",
        ),
        ("no_money", _no_money(columns), "value_added", "no_money_value"),
    ]
    if by_area:
        candidates.append(("no_area", columns.blank("area"), "area", "area_required"))
    return _flags(candidates)


def _numbers_read(columns: Columns) -> list[str]:
    if columns.always_present("value_added"):
        return [n for n in UNIT_NUMBERS if n not in MONEY_COLUMNS or n == "value_added"]
    return UNIT_NUMBERS


def _no_money(columns: Columns) -> str | None:
    if columns.always_present("value_added"):
        return None
    unreadable = [columns.unreadable_number(name) for name in MONEY_COLUMNS]
    readable = " AND ".join(f"NOT coalesce({c}, false)" for c in unreadable if c) or "true"
    revenue = columns.number("revenue")
    return f"({_known_value_added(columns)}) IS NULL AND {revenue} IS NULL AND {readable}"


def _aggregate_flags(columns: Columns, by_area: bool) -> list[Flag]:
    candidates = [
        ("bad_year", columns.bad_year(), "year", "not_a_year"),
        ("no_code", columns.blank("code"), "code", "empty_value"),
        ("no_value_added", _missing(columns, "value_added"), "value_added", "empty_value"),
        *[
            (f"bad_{name}", columns.unreadable_number(name), name, "not_a_number")
            for name in AGGREGATE_NUMBERS
        ],
        *[
            (f"huge_{name}", columns.out_of_range(name), name, "number_out_of_range")
            for name in AGGREGATE_NUMBERS
        ],
        *[
            (f"negative_{name}", columns.below(name, 0, inclusive=False), name, "negative")
            for name in ("employment", "establishments")
        ],
    ]
    if by_area:
        candidates.append(("no_area", columns.blank("area"), "area", "area_required"))
    return _flags(candidates)


def _missing(columns: Columns, column: str) -> str | None:
    if columns.always_present(column):
        return None
    unreadable = columns.unreadable_number(column) or "false"
    return f"{columns.number(column)} IS NULL AND NOT coalesce({unreadable}, false)"


def _known_value_added(columns: Columns) -> str:
    given = columns.number("value_added")
    derived = f"{columns.number('output')} - {columns.number('intermediate_consumption')}"
    return f"coalesce({given}, {derived})"


def _year_filter(columns: Columns, years: tuple[int, ...] | None) -> str:
    if not years:
        return ""
    listed = ", ".join(str(year) for year in years)
    return f"WHERE {columns.year()} IS NULL OR {columns.year()} IN ({listed})"


def _area(columns: Columns, by_area: bool) -> str:
    # Areas matter only to an estimate by area; leaving them out keeps the cells few.
    return columns.text("area") if by_area else "CAST(NULL AS VARCHAR)"


def _group_by(columns: Columns, by_area: bool) -> str:
    """Grouping by a column that is constant is ten times slower in DuckDB than leaving
    it out, so area and classification are keys only when they vary."""
    keys = ["year", "raw_code"]
    keys += ["area"] if by_area else []
    keys += ["cls"] if columns.has("classification") else []
    return ", ".join(keys)


def _keys(columns: Columns, by_area: bool, data_classification: str) -> str:
    area = "area" if by_area else "CAST(NULL AS VARCHAR) AS area"
    # Without a classification column every row has the same one: the constant itself.
    cls = (
        "cls"
        if columns.has("classification")
        else f"{_classification(columns, data_classification)} AS cls"
    )
    return f"year, raw_code, {area}, {cls}"


def _classification(columns: Columns, default: str) -> str:
    literal = sql.literal(default)
    if not columns.has("classification"):
        return literal
    return f"upper(coalesce({columns.text('classification')}, {literal}))"


def unit_rows_sql(
    source: Source,
    data_classification: str,
    by_area: bool,
    flags: list[Flag] | None = None,
    years: tuple[int, ...] | None = None,
    dialect: Dialect = DUCKDB,
) -> str:
    """One row per unit and year, read the engine's way (the bootstrap reads the same)."""
    columns = Columns(source, dialect)
    given = columns.number("value_added")
    derived = f"({columns.number('output')} - {columns.number('intermediate_consumption')})"
    revenue = columns.number("revenue")
    if columns.always_present("value_added"):
        # The parts of value added and revenue cannot matter: they are not even read.
        derived = revenue = f"CAST(NULL AS {dialect.double})"
    flag_columns = (", " + _flag_columns(flags)) if flags else ""
    return f"""
        SELECT {columns.year()} AS year, {columns.text("code")} AS raw_code,
               {_area(columns, by_area)} AS area,
               {_classification(columns, data_classification)} AS cls,
               {columns.weight()} AS w, {given} AS va_given, {derived} AS va_derived,
               coalesce({given}, {derived}) AS va_known,
               {revenue} AS rev, {columns.number("employment")} AS emp,
               {columns.text("stratum")} AS stratum, __row {flag_columns}
        FROM {source.view} {_year_filter(columns, years)}
    """


# How a row's value added is known, kept as a small key of the one-pass sums so that
# every sum in that pass is plain: DuckDB computes plain sums several times faster
# than filtered ones. Known values: 0 reported, 1 derived, 2 from revenue, 3 none;
# +4 when the row reports revenue; 8 when the row breaks a rule.
HAS_REVENUE, BROKEN = 4, 8


def _status(flags: list[Flag], every_row_reports: bool) -> str | None:
    """The status key's expression; None when it is 0 on every row (every unit reports
    its value added and no rule can be broken): then it is no key at all."""
    known = """(CASE WHEN va_given IS NOT NULL THEN 0 WHEN va_derived IS NOT NULL THEN 1
                     WHEN rev IS NOT NULL THEN 2 ELSE 3 END)
               + (CASE WHEN rev IS NOT NULL THEN 4 ELSE 0 END)"""
    if every_row_reports:
        known = "0"
    if not flags:
        return None if known == "0" else known
    broken = " OR ".join(f"flag_{flag.name}" for flag in flags)
    return f"CASE WHEN {broken} THEN {BROKEN} ELSE {known} END"


@dataclass(frozen=True)
class UnitPass:
    """The pass over unit rows as SQL text: `sums` makes the table unit_sums, `cells`
    the table cells from it. In DuckDB's dialect or PostgreSQL's (postgres.py)."""

    columns: Columns
    flags: list[Flag]
    rows: str
    sums: str
    cells: str


def unit_pass(
    source: Source,
    *,
    years: tuple[int, ...] | None,
    by_area: bool,
    data_classification: str,
    dialect: Dialect = DUCKDB,
) -> UnitPass:
    columns = Columns(source, dialect)
    flags = _unit_flags(columns, by_area)
    rows = unit_rows_sql(source, data_classification, by_area, flags, years, dialect)
    every_row_reports = columns.always_present("value_added")
    status = _status(flags, every_row_reports)
    # Revenue matters only to impute value added, which no row needs when every row
    # reports it: it is then neither read nor summed.
    revenue = f"CAST(NULL AS {dialect.double})" if every_row_reports else "sum(w * rev)"
    employed = "count(*)" if columns.always_present("employment") else "count(emp)"
    # Reading the stratum text only to count it would cost a third of the pass.
    counted = "count(stratum)" if _strata_in_statistics(columns, years) is None else "0"
    sums = f"""
        SELECT {_keys(columns, by_area, data_classification)}, {status or 0} AS status,
               count(*) AS n_rows, sum(w) AS w, sum(w * va_known) AS va, {revenue} AS rev,
               sum(w * emp) AS emp, {employed} AS n_emp, {counted} AS n_sampled
        FROM ({rows}) AS u
        GROUP BY {_group_by(columns, by_area)}{", status" if status else ""}
    """
    donor = f"status IN ({HAS_REVENUE}, {HAS_REVENUE + 1})"
    from_revenue = f"status % {HAS_REVENUE} = 2"
    cells = f"""
        SELECT year, raw_code, area, cls,
               sum(n_rows) AS n_rows,
               sum(w) AS est,
               coalesce(sum(va), 0) AS va_known,
               coalesce(sum(n_rows) FILTER (WHERE status % {HAS_REVENUE} = 0), 0) AS n_given,
               coalesce(sum(n_rows) FILTER (WHERE status % {HAS_REVENUE} = 1), 0) AS n_derived,
               coalesce(sum(n_rows) FILTER (WHERE {from_revenue}), 0) AS n_imputed,
               coalesce(sum(rev) FILTER (WHERE {from_revenue}), 0) AS rev_imputed,
               coalesce(sum(va) FILTER (WHERE {donor}), 0) AS donor_va,
               coalesce(sum(rev) FILTER (WHERE {donor}), 0) AS donor_rev,
               coalesce(sum(n_rows) FILTER (WHERE {donor}), 0) AS n_donors,
               sum(emp) AS emp, sum(n_emp) AS n_emp, sum(n_sampled) AS n_sampled
        FROM unit_sums WHERE status < {BROKEN}
        GROUP BY year, raw_code, area, cls
    """
    return UnitPass(columns, flags, rows, sums, cells)


def _strata_in_statistics(columns: Columns, years: tuple[int, ...] | None) -> int | None:
    """Rows with a stratum, by the file's statistics, when these prove the count of the
    rows the estimate keeps: every row, since a row that breaks a rule stops the
    estimate, unless some years are left out. None when the pass must count them."""
    if not columns.has("stratum"):
        return 0
    facts = columns.source.facts.get("stratum")
    if years or facts is None or facts.nulls is None:
        return None
    return facts.rows - facts.nulls


def sampled_rows(
    con: duckdb.DuckDBPyConnection, source: Source, years: tuple[int, ...] | None
) -> int:
    """Rows of sampled units (with a stratum) among those the estimate keeps."""
    if source.role.name == "units":
        known = _strata_in_statistics(Columns(source), years)
        if known is not None:
            return known
    found = con.execute("SELECT coalesce(sum(n_sampled), 0) FROM cells").fetchone()
    return int(found[0]) if found else 0


def build_unit_cells(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    *,
    years: tuple[int, ...] | None,
    by_area: bool,
    data_classification: str,
    problems: ProblemList,
) -> None:
    plan = unit_pass(source, years=years, by_area=by_area, data_classification=data_classification)
    con.execute(f"CREATE OR REPLACE TEMP TABLE unit_sums AS {plan.sums}")
    broken = con.execute(f"SELECT count(*) FROM unit_sums WHERE status = {BROKEN}").fetchone()
    no_code = con.execute("SELECT count(*) FROM unit_sums WHERE raw_code IS NULL").fetchone()
    report_unit_problems(
        con, plan, bool(broken and broken[0]), bool(no_code and no_code[0]), problems
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE cells AS {plan.cells}")


def report_unit_problems(
    con: duckdb.DuckDBPyConnection,
    plan: UnitPass,
    broken: bool,
    no_code: bool,
    problems: ProblemList,
) -> None:
    """Finds the rows behind what the sums counted, with `plan` in DuckDB's dialect:
    the rows are looked up where the file was read."""
    if broken:
        _report_flags(con, plan.columns, plan.flags, plan.rows, problems)
    # Checked on the sums rather than row by row: the codes are few, the rows many.
    if no_code:
        blank = plan.columns.blank("code") or "false"
        report_rows(con, plan.columns, blank, "empty_value", "code", problems)


def build_aggregate_cells(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    *,
    years: tuple[int, ...] | None,
    by_area: bool,
    data_classification: str,
    problems: ProblemList,
) -> None:
    columns = Columns(source)
    flags = _aggregate_flags(columns, by_area)
    establishments = (
        columns.number("establishments")
        if columns.has("establishments")
        else ("CAST(NULL AS DOUBLE)")
    )
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE cells AS
        WITH r AS (
            SELECT {columns.year()} AS year, {columns.text("code")} AS raw_code,
                   {columns.text("area")} AS area,
                   {_classification(columns, data_classification)} AS cls,
                   {establishments} AS est, {columns.number("value_added")} AS va,
                   {columns.number("employment")} AS emp, {_flag_columns(flags)}
            FROM {source.view} {_year_filter(columns, years)}
        )
        SELECT {_keys(columns, by_area, data_classification)},
               count(*) AS n_rows, sum(est) AS est, coalesce(sum(va), 0) AS va_known,
               count(*) AS n_given, 0 AS n_derived, 0 AS n_imputed,
               CAST(0 AS DOUBLE) AS rev_imputed, CAST(0 AS DOUBLE) AS donor_va,
               CAST(0 AS DOUBLE) AS donor_rev, 0 AS n_donors,
               sum(emp) AS emp, count(emp) AS n_emp, 0 AS n_sampled
        FROM r WHERE NOT ({_any_flag(flags)})
        GROUP BY {_group_by(columns, by_area)}
    """)
    rows = f"SELECT {_flag_columns(flags)} FROM {source.view} {_year_filter(columns, years)}"
    _report_flags(con, columns, flags, rows, problems)
    _report_duplicate_aggregates(con, source, data_classification, problems)


def _report_duplicate_aggregates(
    con: duckdb.DuckDBPyConnection, source: Source, data_classification: str, problems: ProblemList
) -> None:
    """A year, code and area given twice would be summed: two 2024,5911,1000 rows make
    2,000. Refused as units, totals and scope rows given twice are, naming the rows.
    Codes are compared as written: a table summed by code as written may hold 59.11
    and 5911 apart (the demo's does), which are parts of one figure, not repeats."""
    columns = Columns(source)
    found = con.execute(f"""
        WITH r AS (
            SELECT {columns.year()} AS year,
                   {columns.text("code")} AS code,
                   {columns.text("area")} AS area,
                   {_classification(columns, data_classification)} AS cls, __row
            FROM {source.view}
        )
        SELECT year, code, area, count(*), list(__row ORDER BY __row)[:5]
        FROM r WHERE year IS NOT NULL AND code IS NOT NULL
        GROUP BY year, code, area, cls HAVING count(*) > 1
        ORDER BY min(__row) LIMIT 50
    """).fetchall()
    for year, code, area, count, rows in found:
        # The first five rows; the count says how many more there are.
        listed = ", ".join(str(int(row)) for row in rows)
        problems.add(
            "duplicate_aggregate",
            file=source.label,
            row=int(rows[1]),
            column="code",
            year=year,
            value=code,
            area_text=f", {area}" if area else "",
            count=count,
            rows=listed,
        )


def _any_flag(flags: list[Flag]) -> str:
    return " OR ".join(f"coalesce(flag_{flag.name}, false)" for flag in flags) or "false"


def _flag_columns(flags: list[Flag]) -> str:
    return ", ".join(f"({flag.condition}) AS flag_{flag.name}" for flag in flags)


def _report_flags(
    con: duckdb.DuckDBPyConnection,
    columns: Columns,
    flags: list[Flag],
    rows: str,
    problems: ProblemList,
) -> None:
    if not flags:  # a typed file whose statistics rule out every broken rule
        return
    counts = con.execute(
        "SELECT "
        + ", ".join(f"count(*) FILTER (WHERE flag_{flag.name})" for flag in flags)
        + f" FROM ({rows})"
    ).fetchone()
    assert counts is not None
    for flag, count in zip(flags, counts, strict=True):
        if count:
            report_rows(con, columns, flag.condition, flag.problem, flag.column, problems)
