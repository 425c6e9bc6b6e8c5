"""Small tables made from Python rows (code maps, ratios, scope maps)."""

from collections.abc import Sequence

import duckdb


def create_table(
    con: duckdb.DuckDBPyConnection,
    name: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[object]],
) -> None:
    """One statement whatever the number of rows: DuckDB's executemany runs one
    statement per row, which costs more than the whole estimate on small data."""
    lists = [[row[i] for row in rows] for i in range(len(columns))]
    selected = ", ".join(
        f"CAST(unnest(${i + 1}) AS {kind}) AS {column}" for i, (column, kind) in enumerate(columns)
    )
    definition = ", ".join(f"{column} {kind}" for column, kind in columns)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({definition})")
    if rows:
        con.execute(f"INSERT INTO {name} SELECT {selected}", lists)
