"""From the cell sums to the estimate's rows: value added resolved, benchmarked,
moved to today's areas, split among the scope's sectors and summed."""

from typing import Any

import duckdb

from .problems import ProblemList


def resolve_value_added(con: duckdb.DuckDBPyConnection) -> None:
    """Table `resolved`: value added per year × code (scope classification) × area, with
    imputed value added added in and classification splits applied."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE resolved AS
        SELECT c.year, m.code, c.area,
               (c.va_known + c.rev_imputed * coalesce(r.ratio, 0)) * m.weight AS va,
               c.rev_imputed * coalesce(r.ratio, 0) * m.weight AS va_imputed,
               c.emp * m.weight AS emp, c.est * m.weight AS est
        FROM cells c
        JOIN code_map m USING (raw_code, cls)
        LEFT JOIN ratios r ON r.cls = c.cls AND r.data_code = m.data_code
    """)


def benchmark(
    con: duckdb.DuckDBPyConnection, label: str, problems: ProblemList
) -> list[dict[str, object]]:
    """Scales the value added of each division and year so that the data's total for
    the division equals the official figure (the DCMS approach). Creates table
    `factors(year, division, factor)` and returns the factors for the provenance."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE factors AS
        SELECT o.year, o.division, o.value_added AS official, s.va AS data,
               o.value_added / s.va AS factor
        FROM official o
        JOIN (SELECT year, left(code, 2) AS division, sum(va) AS va FROM resolved
              GROUP BY ALL) s USING (year, division)
    """)
    factors = con.execute(
        "SELECT year, division, official, data, factor FROM factors ORDER BY ALL"
    ).fetchall()
    for year, division, _, survey, _ in factors:
        if survey <= 0:
            problems.add(
                "benchmark_not_positive", file=label, value=division, year=year, total=f"{survey:g}"
            )
    if problems:
        return []
    con.execute("""
        CREATE OR REPLACE TEMP TABLE resolved AS
        SELECT r.year, r.code, r.area, r.va * coalesce(f.factor, 1) AS va,
               r.va_imputed * coalesce(f.factor, 1) AS va_imputed, r.emp, r.est
        FROM resolved r
        LEFT JOIN factors f ON f.year = r.year AND f.division = left(r.code, 2)
    """)
    return [
        {"year": year, "division": division, "official": official, "data": survey, "factor": factor}
        for year, division, official, survey, factor in factors
    ]


def move_areas(con: duckdb.DuckDBPyConnection) -> int:
    """Re-aggregates old areas to today's through the crosswalk; returns how many
    cells were moved."""
    moved = con.execute(
        "SELECT count(*) FROM resolved WHERE area IN (SELECT old_area FROM area_map)"
    ).fetchone()
    con.execute("""
        CREATE OR REPLACE TEMP TABLE resolved AS
        SELECT r.year, r.code, coalesce(x.new_area, r.area) AS area,
               r.va * coalesce(x.weight, 1) AS va,
               r.va_imputed * coalesce(x.weight, 1) AS va_imputed,
               r.emp * coalesce(x.weight, 1) AS emp, r.est * coalesce(x.weight, 1) AS est
        FROM resolved r LEFT JOIN area_map x ON x.old_area = r.area
    """)
    return int(moved[0]) if moved else 0


def _grouping_sets(by: tuple[str, ...]) -> str:
    dimensions = [name for name in ("sector", "area") if name in by]
    sets = [["year"]]
    for name in dimensions:
        sets += [[*current, name] for current in sets]
    return ", ".join("(" + ", ".join(current) + ")" for current in sets)


def summarise(
    con: duckdb.DuckDBPyConnection,
    years: list[int],
    by: tuple[str, ...],
    sector_order: dict[str, int],
    has_employment: bool,
    has_establishments: bool,
) -> list[tuple[object, ...]]:
    """The estimate's rows: (year, sector, area, value_added, share, employment,
    establishments, employment_share), totals always present for every year and area."""
    by_area = "area" in by
    year_list = ", ".join(str(year) for year in years)
    area_key = "area" if by_area else "CAST(NULL AS VARCHAR)"
    sector_key = "sector" if "sector" in by else "CAST(NULL AS VARCHAR)"
    zero_emp = "0.0" if has_employment else "NULL"
    zero_est = "0.0" if has_establishments else "NULL"
    scaffold_areas = (
        "SELECT DISTINCT year, area FROM resolved UNION SELECT year, NULL FROM years"
        if by_area
        else "SELECT year, CAST(NULL AS VARCHAR) AS area FROM years"
    )
    rows = con.execute(f"""
        WITH years AS (SELECT unnest([{year_list}]) AS year),
        inscope AS (
            SELECT r.year, s.sector, r.area, r.va * s.share AS va,
                   r.emp * s.share AS emp, r.est * s.share AS est
            FROM resolved r JOIN scope_map s USING (code)
        ),
        grouped AS (
            SELECT year, {sector_key} AS sector, {area_key} AS area, sum(va) AS va, sum(emp) AS emp,
                   sum(est) AS est
            FROM inscope GROUP BY GROUPING SETS ({_grouping_sets(by)})
        ),
        scaffold AS (
            SELECT year, area FROM ({scaffold_areas}) WHERE year IN (SELECT year FROM years)
        ),
        rows AS (
            SELECT * FROM grouped WHERE sector IS NOT NULL
            UNION ALL
            SELECT s.year, NULL, s.area, coalesce(g.va, 0), coalesce(g.emp, {zero_emp}),
                   coalesce(g.est, {zero_est})
            FROM scaffold s LEFT JOIN grouped g
                 ON g.sector IS NULL AND g.year = s.year
                 AND g.area IS NOT DISTINCT FROM s.area
        )
        SELECT r.year, r.sector, r.area, r.va, r.va / t.grdp, r.emp, r.est,
               r.emp / t.employment
        FROM rows r
        LEFT JOIN totals t ON t.year = r.year AND t.area IS NOT DISTINCT FROM r.area
    """).fetchall()
    return sorted(rows, key=lambda row: _row_order(row, sector_order))


def _row_order(row: tuple[Any, ...], sector_order: dict[str, int]) -> tuple[object, ...]:
    """Year, then the whole territory before each area, then the total before the
    sectors in the scope's order."""
    year, sector, area = row[0], row[1], row[2]
    return (
        year,
        area is not None,
        area or "",
        sector is not None,
        sector_order.get(sector, len(sector_order)),
        sector or "",
    )
