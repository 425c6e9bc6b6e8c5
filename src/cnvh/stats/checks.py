"""Row-level checks of an input: each finds the rows that break a rule and says
where they are. They run only where a cheap count has shown a problem exists."""

import duckdb

from .expressions import Columns
from .problems import ProblemList

ROWS_SHOWN_PER_CHECK = 10


def report_rows(
    con: duckdb.DuckDBPyConnection,
    columns: Columns,
    condition: str,
    problem: str,
    column: str,
    problems: ProblemList,
) -> None:
    """Adds one problem for each of the first rows where `condition` holds, and counts
    the rest, so a file with thousands of bad cells still gives a readable message."""
    source = columns.source
    value = f"CAST({column} AS VARCHAR)" if source.has(column) else "NULL"
    found = con.execute(
        f"SELECT __row, {value} FROM {source.view} WHERE {condition} "
        f"ORDER BY __row LIMIT {ROWS_SHOWN_PER_CHECK}"
    ).fetchall()
    total = con.execute(f"SELECT count(*) FROM {source.view} WHERE {condition}").fetchone()
    for row, raw in found:
        problems.add(problem, file=source.label, row=int(row), column=column, value=raw or "")
    problems.count_more(max(0, int(total[0] if total else 0) - len(found)))


def check_numbers(
    con: duckdb.DuckDBPyConnection,
    columns: Columns,
    names: list[str],
    problems: ProblemList,
) -> None:
    """Cells that should hold numbers but hold text, or numbers the rule of
    cnvh.stats.numbers refuses (NaN, infinity, 1e308)."""
    conditions = [
        (name, condition, problem)
        for name in names
        for condition, problem in (
            (columns.unreadable_number(name), "not_a_number"),
            (columns.out_of_range(name), "number_out_of_range"),
        )
        if condition
    ]
    if not conditions:
        return
    counts = con.execute(
        "SELECT "
        + ", ".join(f"count(*) FILTER (WHERE {c})" for _, c, _ in conditions)
        + f" FROM {columns.source.view}"
    ).fetchone()
    assert counts is not None
    for (name, condition, problem), count in zip(conditions, counts, strict=True):
        if count:
            report_rows(con, columns, condition, problem, name, problems)


def check_years(con: duckdb.DuckDBPyConnection, columns: Columns, problems: ProblemList) -> None:
    condition = f"{columns.year()} IS NULL"
    count = con.execute(f"SELECT count(*) FROM {columns.source.view} WHERE {condition}").fetchone()
    if count and count[0]:
        report_rows(con, columns, condition, "not_a_year", "year", problems)


def check_filled(
    con: duckdb.DuckDBPyConnection, columns: Columns, column: str, problems: ProblemList
) -> None:
    condition = f"{columns.text(column)} IS NULL"
    count = con.execute(f"SELECT count(*) FROM {columns.source.view} WHERE {condition}").fetchone()
    if count and count[0]:
        report_rows(con, columns, condition, "empty_value", column, problems)
