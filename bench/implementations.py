"""The three ways to compute value added, employment, establishments and share by year × sector.

Each returns the same rows: one per (year, sector) plus the year's scope total
(sector None). A unit counts weight × value, times the share of each scope row of
its code's longest listed prefix; share = value added ÷ GRDP of the year.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from cnvh.demo.scope import match, read_scope

Row = dict[str, Any]
# What the engine's latest run says of itself in its provenance: its phases' times,
# the database of its pass, whether it hashed the units and checked each unit once
# a year or took both from the record of checked files.
ENGINE_RUN: dict[str, Any] = {}
MEASURES = ("value_added", "employment", "establishments", "share")


@dataclass(frozen=True)
class Inputs:
    units: Path
    totals: Path
    scope_file: Path  # for the SQL and pandas versions; the engine loads hanoi-plan itself
    record: Path | None = None  # the engine's record of checked files
    server: str | None = None  # a PostgreSQL URL: the engine's pass runs there


def code_mapping(codes: list[str], scope_file: Path) -> list[tuple[str, str, float]]:
    """(code as written, sector, share) for every data code that the scope matches."""
    scope = read_scope(scope_file)
    return [(code, row.sector, row.share) for code in codes for row in match(code, scope)]


def run_engine(inputs: Inputs) -> list[Row]:
    from cnvh.stats import EstimateOptions, estimate, load_scope
    from cnvh.stats.checked import CheckedFiles

    server = _connect(inputs.server) if inputs.server else None
    try:
        result = estimate(
            load_scope("hanoi-plan"),
            totals=inputs.totals,
            units=inputs.units,
            options=EstimateOptions(by=("sector",), bootstrap=0),
            checked=CheckedFiles(inputs.record) if inputs.record else None,
            server=server,
        )
    finally:
        if server is not None:
            server.close()
    _note_run(result.provenance)
    return [
        {
            "year": row.year,
            "sector": row.sector,
            "value_added": row.value_added,
            "employment": row.employment,
            "establishments": row.establishments,
            "share": row.share,
        }
        for row in result.rows
        if row.area is None
    ]


def _connect(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _note_run(provenance: dict[str, Any]) -> None:
    units = next(item for item in provenance["inputs"] if item["role"] == "units")
    ENGINE_RUN.clear()
    ENGINE_RUN.update(
        phases=provenance["timings_seconds"],
        database=provenance["pass_database"],
        checksum_computed=units["checksum_computed"],
        unit_year_check=provenance.get("unit_year_check"),
    )


SQL = """
WITH cells AS (
    SELECT
        u.year,
        m.sector,
        sum(u.weight * u.value_added * m.share) AS value_added,
        sum(u.weight * u.employment * m.share) AS employment,
        sum(u.weight * m.share) AS establishments
    FROM read_parquet($units) u JOIN mapping m ON m.code = u.code
    GROUP BY GROUPING SETS ((u.year, m.sector), (u.year))
)
SELECT c.*, c.value_added / t.grdp AS share
FROM cells c JOIN read_csv($totals, types = {'grdp': 'DOUBLE'}) t ON t.year = c.year
"""


def run_sql(inputs: Inputs) -> list[Row]:
    units, totals, scope_file = inputs.units, inputs.totals, inputs.scope_file
    con = duckdb.connect()
    try:
        codes = [
            code
            for (code,) in con.execute(
                "SELECT DISTINCT code FROM read_parquet(?)", [str(units)]
            ).fetchall()
        ]
        con.execute("CREATE TABLE mapping (code VARCHAR, sector VARCHAR, share DOUBLE)")
        con.executemany("INSERT INTO mapping VALUES (?, ?, ?)", code_mapping(codes, scope_file))
        cursor = con.execute(SQL, {"units": str(units), "totals": str(totals)})
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    finally:
        con.close()


def run_pandas(inputs: Inputs) -> list[Row]:
    import pandas as pd

    units, totals, scope_file = inputs.units, inputs.totals, inputs.scope_file
    frame = pd.read_parquet(units, columns=["year", "code", "value_added", "employment", "weight"])
    mapping = pd.DataFrame(
        code_mapping(list(frame["code"].unique()), scope_file), columns=["code", "sector", "share"]
    )
    merged = frame.merge(mapping, on="code")
    merged["va"] = merged["weight"] * merged["value_added"] * merged["share"]
    merged["emp"] = merged["weight"] * merged["employment"] * merged["share"]
    merged["est"] = merged["weight"] * merged["share"]
    measures = ["va", "emp", "est"]
    by_sector = merged.groupby(["year", "sector"], as_index=False)[measures].sum()
    by_year = merged.groupby("year", as_index=False)[measures].sum().assign(sector=None)
    cells = pd.concat([by_sector, by_year], ignore_index=True)
    grdp = pd.read_csv(totals)[["year", "grdp"]]
    cells = cells.merge(grdp, on="year")
    cells["share"] = cells["va"] / cells["grdp"]
    names = {"va": "value_added", "emp": "employment", "est": "establishments"}
    out = cells.rename(columns=names)[["year", "sector", *MEASURES]]
    return [
        {**row, "year": int(row["year"]), "sector": _text_or_none(row["sector"])}
        for row in out.to_dict("records")
    ]


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


IMPLEMENTATIONS = {"engine": run_engine, "sql": run_sql, "pandas": run_pandas}
