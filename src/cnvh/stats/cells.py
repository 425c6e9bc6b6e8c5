"""The one pass over the business data.

Every method the engine offers (weights, derived and imputed value added,
benchmarking, crosswalks, scope shares) is linear in the units' figures, so the
data can be summed once by year × code × area and everything after works on
those sums, a table of thousands of rows instead of millions. The same pass
counts every cell that breaks a rule; rows are looked up only when one does.
"""

from dataclasses import dataclass

import duckdb

from .checks import report_rows
from .expressions import Columns
from .problems import ProblemList
from .sources import Source

UNIT_NUMBERS = [
    "value_added",
    "output",
    "intermediate_consumption",
    "revenue",
    "employment",
    "weight",
]
MONEY_COLUMNS = ["value_added", "output", "intermediate_consumption", "revenue"]
AGGREGATE_NUMBERS = ["value_added", "employment", "establishments"]


@dataclass(frozen=True)
class Flag:
    """A rule a row can break: its SQL condition, the column it concerns, the problem."""

    name: str
    condition: str
    column: str
    problem: str


def _unit_flags(columns: Columns, by_area: bool) -> list[Flag]:
    flags = [
        Flag("bad_year", f"{columns.year()} IS NULL", "year", "not_a_year"),
        Flag("no_code", f"{columns.text('code')} IS NULL", "code", "empty_value"),
        Flag("no_unit_id", f"{columns.text('unit_id')} IS NULL", "unit_id", "empty_value"),
    ]
    for name in UNIT_NUMBERS:
        condition = columns.unreadable_number(name)
        if condition:
            flags.append(Flag(f"bad_{name}", condition, name, "not_a_number"))
    if columns.has("weight"):
        flags.append(
            Flag(
                "weight_not_positive",
                f"{columns.number('weight')} <= 0",
                "weight",
                "weight_not_positive",
            )
        )
    if columns.has("employment"):
        flags.append(
            Flag(
                "negative_employment",
                f"{columns.number('employment')} < 0",
                "employment",
                "negative",
            )
        )
    known = _known_value_added(columns)
    revenue = columns.number("revenue")
    unreadable = [columns.unreadable_number(name) for name in MONEY_COLUMNS]
    readable = " AND ".join(f"NOT coalesce({c}, false)" for c in unreadable if c) or "true"
    flags.append(
        Flag(
            "no_money",
            f"({known}) IS NULL AND {revenue} IS NULL AND {readable}",
            "value_added",
            "no_money_value",
        )
    )
    if by_area:
        flags.append(Flag("no_area", f"{columns.text('area')} IS NULL", "area", "area_required"))
    return flags


def _aggregate_flags(columns: Columns, by_area: bool) -> list[Flag]:
    flags = [
        Flag("bad_year", f"{columns.year()} IS NULL", "year", "not_a_year"),
        Flag("no_code", f"{columns.text('code')} IS NULL", "code", "empty_value"),
        Flag(
            "no_value_added",
            f"{columns.number('value_added')} IS NULL "
            "AND NOT coalesce("
            + (columns.unreadable_number("value_added") or "false")
            + ", false)",
            "value_added",
            "empty_value",
        ),
    ]
    for name in AGGREGATE_NUMBERS:
        condition = columns.unreadable_number(name)
        if condition:
            flags.append(Flag(f"bad_{name}", condition, name, "not_a_number"))
    for name in ("employment", "establishments"):
        if columns.has(name):
            flags.append(Flag(f"negative_{name}", f"{columns.number(name)} < 0", name, "negative"))
    if by_area:
        flags.append(Flag("no_area", f"{columns.text('area')} IS NULL", "area", "area_required"))
    return flags


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


def _keys(columns: Columns, by_area: bool) -> str:
    area = "area" if by_area else "CAST(NULL AS VARCHAR) AS area"
    cls = "cls" if columns.has("classification") else "any_value(cls) AS cls"
    return f"year, raw_code, {area}, {cls}"


def _classification(columns: Columns, default: str) -> str:
    literal = "'" + default.replace("'", "''") + "'"
    if not columns.has("classification"):
        return literal
    return f"upper(coalesce({columns.text('classification')}, {literal}))"


def unit_rows_sql(
    source: Source,
    data_classification: str,
    by_area: bool,
    flags: list[Flag] | None = None,
    years: tuple[int, ...] | None = None,
) -> str:
    """One row per unit and year, read the engine's way (the bootstrap reads the same)."""
    columns = Columns(source)
    given = columns.number("value_added")
    derived = f"({columns.number('output')} - {columns.number('intermediate_consumption')})"
    flag_columns = (", " + _flag_columns(flags)) if flags else ""
    return f"""
        SELECT {columns.year()} AS year, {columns.text("code")} AS raw_code,
               {columns.text("area")} AS area,
               {_classification(columns, data_classification)} AS cls,
               {columns.weight()} AS w, {given} AS va_given, {derived} AS va_derived,
               coalesce({given}, {derived}) AS va_known,
               {columns.number("revenue")} AS rev, {columns.number("employment")} AS emp,
               {columns.text("stratum")} AS stratum, __row {flag_columns}
        FROM {source.view} {_year_filter(columns, years)}
    """


def build_unit_cells(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    *,
    years: tuple[int, ...] | None,
    by_area: bool,
    data_classification: str,
    problems: ProblemList,
) -> None:
    columns = Columns(source)
    flags = _unit_flags(columns, by_area)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE cells AS
        SELECT {_keys(columns, by_area)},
               count(*) AS n_rows,
               sum(w) AS est,
               coalesce(sum(w * va_known), 0) AS va_known,
               count(va_given) AS n_given,
               count(*) FILTER (WHERE va_given IS NULL AND va_derived IS NOT NULL) AS n_derived,
               count(*) FILTER (WHERE va_known IS NULL AND rev IS NOT NULL) AS n_imputed,
               coalesce(sum(w * rev) FILTER (WHERE va_known IS NULL), 0) AS rev_imputed,
               coalesce(sum(w * va_known) FILTER (WHERE rev IS NOT NULL), 0) AS donor_va,
               coalesce(sum(w * rev) FILTER (WHERE va_known IS NOT NULL), 0) AS donor_rev,
               count(*) FILTER (WHERE va_known IS NOT NULL AND rev IS NOT NULL) AS n_donors,
               sum(w * emp) AS emp,
               count(emp) AS n_emp, count(stratum) AS n_sampled,
               {_flag_counts(flags)}
        FROM ({unit_rows_sql(source, data_classification, by_area, flags, years)})
        GROUP BY {_group_by(columns, by_area)}
    """)
    _report_flags(con, columns, flags, problems)


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
        SELECT {_keys(columns, by_area)},
               count(*) AS n_rows, sum(est) AS est, coalesce(sum(va), 0) AS va_known,
               count(*) AS n_given, 0 AS n_derived, 0 AS n_imputed,
               CAST(0 AS DOUBLE) AS rev_imputed, CAST(0 AS DOUBLE) AS donor_va,
               CAST(0 AS DOUBLE) AS donor_rev, 0 AS n_donors,
               sum(emp) AS emp, count(emp) AS n_emp, 0 AS n_sampled,
               {_flag_counts(flags)}
        FROM r GROUP BY {_group_by(columns, by_area)}
    """)
    _report_flags(con, columns, flags, problems)


def _flag_columns(flags: list[Flag]) -> str:
    return ", ".join(f"({flag.condition}) AS flag_{flag.name}" for flag in flags)


def _flag_counts(flags: list[Flag]) -> str:
    return ", ".join(f"count(*) FILTER (WHERE flag_{flag.name}) AS {flag.name}" for flag in flags)


def _report_flags(
    con: duckdb.DuckDBPyConnection, columns: Columns, flags: list[Flag], problems: ProblemList
) -> None:
    totals = con.execute(
        "SELECT " + ", ".join(f"coalesce(sum({f.name}), 0)" for f in flags) + " FROM cells"
    ).fetchone()
    assert totals is not None
    for flag, count in zip(flags, totals, strict=True):
        if count:
            report_rows(con, columns, flag.condition, flag.problem, flag.column, problems)
