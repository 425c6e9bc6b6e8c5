"""Build the benchmark's unit-year Parquet file with DuckDB SQL (seconds, no Python loops).

Rows look like real microdata: ~300 distinct VSIC codes (a third in the scope, some
written with a dot), the 126 wards, 7 years, log-normal value added with its parts and
revenue, employment following value added, household rows sampled (weight > 1, a
stratum) and enterprise rows a census. Unlike the demo data every row reports value
added, so the benchmark times aggregation, not imputation.
"""

import csv
from pathlib import Path

import duckdb

from cnvh.demo import areas, calibration
from cnvh.demo.scope import ScopeRow, match
from cnvh.stats.codes import load_classification
from cnvh.stats.integrity import in_strict_order

CODE_COUNT = 300
YEARS = calibration.YEARS

UNITS_SQL = """
COPY (
    WITH draws AS (
        SELECT
            i,
            -- Uniform draws in (0, 1) from independent hashes of the row number.
            (hash(i, 1) % 1000000000 + 0.5) / 1e9 AS u_code,
            (hash(i, 2) % 1000000000 + 0.5) / 1e9 AS u_size1,
            (hash(i, 3) % 1000000000 + 0.5) / 1e9 AS u_size2,
            (hash(i, 4) % 1000000000 + 0.5) / 1e9 AS u_kind,
            (hash(i, 5) % 1000000000 + 0.5) / 1e9 AS u_ratio,
            (hash(i, 6) % $area_count)::BIGINT AS area_index
        FROM range($rows) AS t(i)
    ),
    shaped AS (
        SELECT
            i,
            -- Squaring the draw makes the first codes in the list the most common.
            floor(u_code * u_code * $code_count)::INTEGER AS code_index,
            u_kind < 0.55 AS household,
            exp(sqrt(-2 * ln(u_size1)) * cos(2 * pi() * u_size2)) AS noise,
            0.15 + 0.4 * u_ratio AS va_ratio,
            area_index
        FROM draws
    ),
    valued AS (
        SELECT
            s.*,
            c.code,
            (CASE WHEN household THEN 300.0 ELSE c.median_va END) * noise AS value_added,
            list_extract($areas, area_index + 1) AS area
        FROM shaped s JOIN bench_codes c ON c.code_index = s.code_index
    )
    SELECT
        printf('U%09d', i // $year_count) AS unit_id,
        ($first_year + i % $year_count)::INTEGER AS year,
        code,
        area,
        round(value_added, 3) AS value_added,
        round(value_added / va_ratio, 3) AS output,
        round(value_added / va_ratio - value_added, 3) AS intermediate_consumption,
        round(value_added / va_ratio * 1.02, 3) AS revenue,
        greatest(1, round(value_added / 250))::BIGINT AS employment,
        (CASE WHEN household THEN 4 + (i % 13) * 0.75 ELSE 1 END)::DOUBLE AS weight,
        CASE WHEN household THEN 'hh-' || area END AS stratum
    FROM valued
    $order
) TO '$path' (FORMAT parquet)
"""


def bench_codes(scope: dict[str, list[ScopeRow]]) -> list[str]:
    """~300 distinct codes as files write them: scope codes first, then others.

    Codes come from divisions VSIC 2018 has, so the engine accepts them all.
    """
    vsic = load_classification("VSIC2018")
    listed = [code for code in vsic.titles if code.isdigit() and len(code) >= 3]
    inside = {code for code in listed if len(code) >= 4 and match(code, scope)}
    inside |= {code + digit for code in listed if len(code) == 3 for digit in "12"}
    inside = {code for code in inside if match(code, scope) and vsic.knows(code)}
    outside = [f"{n:04d}" for n in range(1010, 9900, 13)]
    outside = [code for code in outside if vsic.knows(code) and not match(code, scope)]
    codes = sorted(inside)[: CODE_COUNT // 3]
    codes += outside[: CODE_COUNT - len(codes)]
    # Every seventh code is written with a dot after the division, as in real files.
    return [f"{c[:2]}.{c[2:]}" if n % 7 == 3 else c for n, c in enumerate(codes)]


def _code_table(con: duckdb.DuckDBPyConnection, codes: list[str]) -> None:
    con.execute("CREATE TABLE bench_codes (code_index INTEGER, code VARCHAR, median_va DOUBLE)")
    rows = [(n, code, 1000.0 + 97.0 * (n % 50)) for n, code in enumerate(codes)]
    con.executemany("INSERT INTO bench_codes VALUES (?, ?, ?)", rows)


def _fill(sql: str, values: dict[str, object]) -> str:
    for name, value in values.items():
        sql = sql.replace(f"${name}", str(value))
    return sql


def write_units(
    path: Path, rows: int, scope: dict[str, list[ScopeRow]], shuffled: bool = False
) -> None:
    """Rows by unit, then year, as a register's extract is; `shuffled`, in no order."""
    codes = bench_codes(scope)
    con = duckdb.connect()
    try:
        _code_table(con, codes)
        values = {
            "rows": rows,
            "code_count": len(codes),
            "area_count": len(areas.new_wards()),
            "areas": list(areas.new_wards()),
            "year_count": len(YEARS),
            "first_year": YEARS[0],
            "path": path,
            # DuckDB writes the rows in the order range() makes them (it keeps insertion
            # order); sorting 100M rows only to keep it would need gigabytes.
            "order": "ORDER BY hash(i, 7)" if shuffled else "",
        }
        con.execute(_fill(UNITS_SQL, values))
    finally:
        con.close()


def in_order(path: Path) -> bool:
    """Whether the rows are by unit, then year, or by year, then unit, as the engine sees."""
    con = duckdb.connect()
    try:
        return in_strict_order(con, f"SELECT unit_id AS u, year AS y FROM '{path}'")
    finally:
        con.close()


def write_totals(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["year", "grdp", "employment"])
        for year in YEARS:
            writer.writerow([year, f"{calibration.GRDP[year]:.0f}", calibration.EMPLOYMENT[year]])
