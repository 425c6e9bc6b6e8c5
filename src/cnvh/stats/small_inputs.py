"""The small inputs beside the business data: economy totals, official value added
by division (for benchmarking) and the area and code crosswalks."""

import duckdb

from .checks import check_filled, check_numbers, check_years, report_rows
from .codes import Classification, classification_from_rows, is_code, normalise_code
from .expressions import Columns
from .problems import ProblemList
from .sources import Source

WEIGHT_TOLERANCE = 1e-6


def load_totals(con: duckdb.DuckDBPyConnection, source: Source, problems: ProblemList) -> bool:
    """Creates table `totals`; False when some of its cells could not be used."""
    columns = Columns(source)
    before = len(problems.items) + problems.more
    check_years(con, columns, problems)
    check_numbers(con, columns, ["grdp", "employment"], problems)
    check_filled(con, columns, "grdp", problems)
    report_rows(
        con, columns, f"{columns.number('grdp')} <= 0", "grdp_not_positive", "grdp", problems
    )
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE totals AS
        SELECT {columns.year()} AS year, {columns.text("area")} AS area,
               {columns.number("grdp")} AS grdp, {columns.number("employment")} AS employment,
               __row
        FROM {source.view}
    """)
    duplicates = con.execute(
        "SELECT year, area, count(*), min(__row) FROM totals WHERE year IS NOT NULL "
        "GROUP BY year, area HAVING count(*) > 1 ORDER BY year, area"
    ).fetchall()
    for year, area, count, row in duplicates:
        area_text = f", {area}" if area else ""
        problems.add(
            "duplicate_total",
            file=source.label,
            row=int(row),
            year=year,
            count=count,
            area_text=area_text,
        )
    return len(problems.items) + problems.more == before


def check_totals_cover(
    con: duckdb.DuckDBPyConnection, years: list[int], label: str, problems: ProblemList
) -> None:
    """Every year estimated needs the whole territory's GRDP."""
    present = {
        row[0] for row in con.execute("SELECT year FROM totals WHERE area IS NULL").fetchall()
    }
    for year in years:
        if year not in present:
            problems.add("no_total_for_year", file=label, column="year", year=year)


def load_benchmark(con: duckdb.DuckDBPyConnection, source: Source, problems: ProblemList) -> None:
    columns = Columns(source)
    check_years(con, columns, problems)
    check_numbers(con, columns, ["value_added"], problems)
    check_filled(con, columns, "value_added", problems)
    division = f"regexp_replace({columns.text('division')}, '[\\s.\\-]', '', 'g')"
    report_rows(
        con,
        columns,
        f"NOT coalesce(regexp_full_match({division}, '\\d{{2}}'), false)",
        "bad_division",
        "division",
        problems,
    )
    if problems:
        return
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE official AS
        SELECT {columns.year()} AS year, {division} AS division,
               sum({columns.number("value_added")}) AS value_added
        FROM {source.view} GROUP BY ALL
    """)


def load_area_crosswalk(
    con: duckdb.DuckDBPyConnection, source: Source, problems: ProblemList
) -> None:
    columns = Columns(source)
    check_filled(con, columns, "old_area", problems)
    check_filled(con, columns, "new_area", problems)
    check_numbers(con, columns, ["weight"], problems)
    if problems:
        return
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE area_map AS
        SELECT {columns.text("old_area")} AS old_area, {columns.text("new_area")} AS new_area,
               sum({columns.weight()}) AS weight, min(__row) AS __row
        FROM {source.view} GROUP BY ALL
    """)
    unbalanced = con.execute(
        "SELECT old_area, sum(weight), min(__row) FROM area_map GROUP BY old_area "
        f"HAVING abs(sum(weight) - 1) > {WEIGHT_TOLERANCE} ORDER BY min(__row)"
    ).fetchall()
    for old_area, total, row in unbalanced:
        problems.add(
            "weights_not_one",
            file=source.label,
            row=int(row),
            column="weight",
            value=old_area,
            total=f"{total:g}",
        )


def read_code_crosswalk(
    con: duckdb.DuckDBPyConnection, source: Source, problems: ProblemList
) -> dict[str, list[tuple[str, float]]]:
    """from_code -> [(to_code, weight)], codes normalised, weights checked to sum to 1."""
    columns = Columns(source)
    check_numbers(con, columns, ["weight"], problems)
    records = con.execute(
        f"SELECT __row, {columns.text('from_code')}, {columns.text('to_code')}, "
        f"{columns.weight()} FROM {source.view} ORDER BY __row"
    ).fetchall()
    mapping: dict[str, list[tuple[str, float]]] = {}
    first_row: dict[str, int] = {}
    for row, raw_from, raw_to, weight in records:
        from_code, to_code = normalise_code(raw_from or ""), normalise_code(raw_to or "")
        for column, code, raw in (("from_code", from_code, raw_from), ("to_code", to_code, raw_to)):
            if not is_code(code):
                problems.add(
                    "bad_code", file=source.label, row=int(row), column=column, value=raw or ""
                )
        mapping.setdefault(from_code, []).append((to_code, float(weight)))
        first_row.setdefault(from_code, int(row))
    for from_code, parts in mapping.items():
        total = sum(weight for _, weight in parts)
        if abs(total - 1) > WEIGHT_TOLERANCE:
            problems.add(
                "weights_not_one",
                file=source.label,
                row=first_row[from_code],
                column="weight",
                value=from_code,
                total=f"{total:g}",
            )
    return mapping


def read_code_list(
    con: duckdb.DuckDBPyConnection, source: Source, key: str, problems: ProblemList
) -> Classification:
    columns = Columns(source)
    check_filled(con, columns, "code", problems)
    records = con.execute(
        f"SELECT __row, {columns.text('code')}, {columns.text('title_vi')}, "
        f"{columns.text('title_en')} FROM {source.view} ORDER BY __row"
    ).fetchall()
    rows = []
    for row, raw, vi, en in records:
        code = normalise_code(raw or "")
        if raw and not is_code(code):
            problems.add("bad_code", file=source.label, row=int(row), column="code", value=raw)
        rows.append((code, vi or "", en or ""))
    return classification_from_rows(key, rows)
