"""Quoting for the SQL that cnvh writes out as text (the engine's and the import
checks' DuckDB queries, the backup's SQLite counts): the only place where a text becomes
an SQL string literal or a quoted identifier."""

from pathlib import Path


def literal(text: str | Path) -> str:
    """`text` as an SQL string literal: "Hà Nội's" -> 'Hà Nội''s'."""
    return "'" + str(text).replace("'", "''") + "'"


def identifier(name: str) -> str:
    """`name` as a quoted SQL identifier, its double quotes doubled."""
    return '"' + name.replace('"', '""') + '"'
