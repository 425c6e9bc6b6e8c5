"""Every row of every table of a database, read without Django, to compare two
databases exactly."""

import sqlite3
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

Tables = dict[str, list[tuple[Any, ...]]]


def every_row(url: str) -> Tables:
    if url.startswith("sqlite:"):
        return _sqlite(url[len("sqlite:///") :])
    return _postgres(url)


def _sorted(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted(rows, key=repr)


def _sqlite(path: str) -> Tables:
    con = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {name: _sorted(con.execute(f'SELECT * FROM "{name}"').fetchall()) for name in names}
    finally:
        con.close()


def _postgres(url: str) -> Tables:
    parts = urlsplit(url)
    with psycopg.connect(
        dbname=parts.path.lstrip("/"),
        user=parts.username,
        password=parts.password,
        host=parts.hostname,
        port=parts.port,
    ) as con:
        names = [
            row[0]
            for row in con.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        tables = {
            name: _sorted(
                con.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(name))).fetchall()
            )
            for name in names
        }
        # The next id each table hands out: a restored database must not reuse one.
        sequences = con.execute(
            "SELECT sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        tables["(sequences)"] = sequences
        return tables
