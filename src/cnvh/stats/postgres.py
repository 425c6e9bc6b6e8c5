"""The pass over the data, run on a PostgreSQL server.

The pass over every row (cells.py) is the only step whose cost grows with the data:
every later step works on its sums, thousands of rows. Its SQL is common to DuckDB and
PostgreSQL except for four expressions (expressions.Dialect). Here the input, as DuckDB
read it, is copied into a temporary table of the same name, columns and types on the
server; the same pass runs there; its sums come back into DuckDB's `cells` table, and
the estimate goes on as it always does. Rows that break a rule are looked up in DuckDB,
where the file was read, so the problems are told exactly as without a server.

No Django: `server` is a plain psycopg connection. docs/deploy.md tells why this design.
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import duckdb

from .cells import BROKEN, report_unit_problems, unit_pass
from .expressions import Dialect
from .problems import ProblemList
from .sources import Source

POSTGRES = Dialect(
    double="DOUBLE PRECISION",
    try_double="pg_temp.cnvh_try_double({})",
    try_integer="pg_temp.cnvh_try_integer(CAST({} AS TEXT))",
    not_finite="({} IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))",
)

# DuckDB's casts from text, in PostgreSQL: no hexadecimal, "_" allowed between digits,
# numbers beyond the range of a double are infinite; to an integer, rounded half away
# from zero (DuckDB reads '2024.5' as 2025).
FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION pg_temp.cnvh_digits(t text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN t ~* '^[+-]?0x' THEN NULL
        WHEN t ~ '^[+-]?[0-9]+(_[0-9]+)*(\.[0-9]+(_[0-9]+)*)?([eE][+-]?[0-9]+)?$'
            THEN replace(t, '_', '')
        ELSE t
    END
$$;
CREATE OR REPLACE FUNCTION pg_temp.cnvh_try_double(t text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN pg_temp.cnvh_digits(t)::double precision;
EXCEPTION
    WHEN numeric_value_out_of_range THEN
        IF t ~* 'e-' THEN RETURN 0; END IF;
        RETURN (CASE WHEN t LIKE '-%' THEN '-Infinity' ELSE 'Infinity' END)::double precision;
    WHEN invalid_text_representation THEN RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION pg_temp.cnvh_try_integer(t text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN round(pg_temp.cnvh_digits(t)::numeric)::integer;
EXCEPTION
    WHEN numeric_value_out_of_range OR invalid_text_representation THEN RETURN NULL;
END $$;
"""

_TYPES = {
    "VARCHAR": "text",
    "DOUBLE": "double precision",
    "FLOAT": "real",
    "BIGINT": "bigint",
    "INTEGER": "integer",
    "SMALLINT": "smallint",
    "TINYINT": "smallint",
    "UTINYINT": "smallint",
    "USMALLINT": "integer",
    "UINTEGER": "bigint",
    "UBIGINT": "numeric",
    "HUGEINT": "numeric",
    "BOOLEAN": "boolean",
    "DATE": "date",
}
BATCH = 10_000


def postgres_type(duckdb_type: str) -> str:
    kind = duckdb_type.upper()
    if kind.startswith("DECIMAL"):
        return "numeric" + kind[len("DECIMAL") :]
    return _TYPES.get(kind, "text")


def copy_source(con: duckdb.DuckDBPyConnection, source: Source, server: Any) -> None:
    """The input's view, as DuckDB reads it, into a temporary table of the same name."""
    columns = {**source.columns, "__row": "BIGINT"}
    definition = ", ".join(f"{name} {postgres_type(kind)}" for name, kind in columns.items())
    names = ", ".join(columns)
    with server.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{source.view}")
        cursor.execute(f"CREATE TEMP TABLE {source.view} ({definition})")
        reader = con.execute(f"SELECT {names} FROM {source.view}")
        with cursor.copy(f"COPY {source.view} ({names}) FROM STDIN") as copy:
            while batch := reader.fetchmany(BATCH):
                for row in batch:
                    copy.write_row(row)
        cursor.execute(f"ANALYZE {source.view}")


def build_unit_cells_on_postgres(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    server: Any,
    *,
    years: tuple[int, ...] | None,
    by_area: bool,
    data_classification: str,
    problems: ProblemList,
) -> None:
    """build_unit_cells, with the pass over the rows run by `server`."""
    copy_source(con, source, server)
    plan = unit_pass(
        source,
        years=years,
        by_area=by_area,
        data_classification=data_classification,
        dialect=POSTGRES,
    )
    with server.cursor() as cursor:
        cursor.execute(FUNCTIONS)
        cursor.execute("DROP TABLE IF EXISTS pg_temp.unit_sums")
        # Never a prepared plan: the temporary tables change types from one run to the next.
        cursor.execute(f"CREATE TEMP TABLE unit_sums AS {plan.sums}", prepare=False)
        cursor.execute(
            f"SELECT count(*) FILTER (WHERE status = {BROKEN}), "
            "count(*) FILTER (WHERE raw_code IS NULL) FROM unit_sums",
            prepare=False,
        )
        broken, no_code = cursor.fetchone()
        cells = cursor.execute(plan.cells, prepare=False).fetchall()
    local = unit_pass(source, years=years, by_area=by_area, data_classification=data_classification)
    report_unit_problems(con, local, bool(broken), bool(no_code), problems)
    # The cells table takes DuckDB's own types for the pass, so that every later step
    # sees exactly what it sees without a server.
    con.execute(f"CREATE OR REPLACE TEMP TABLE unit_sums AS {local.sums} LIMIT 0")
    con.execute(f"CREATE OR REPLACE TEMP TABLE cells AS {local.cells}")
    _insert(con, "cells", cells)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    width = len(rows[0])
    lists = [[_plain(row[i]) for row in rows] for i in range(width)]
    selected = ", ".join(f"unnest(${i + 1})" for i in range(width))
    con.execute(f"INSERT INTO {table} SELECT {selected}", lists)


def _plain(value: Any) -> Any:
    # PostgreSQL sums whole numbers as numeric: they arrive as Decimal.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
