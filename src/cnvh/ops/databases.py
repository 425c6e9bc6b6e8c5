"""Copying a database to a file and back: SQLite through its online backup API,
PostgreSQL through pg_dump and pg_restore (custom format).

Each works on Django's settings of the database (DATABASES["default"]) and connects by
itself, so a restore never goes through models that may not match the backup.
"""

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from cnvh.stats.sql import identifier

from .messages import OpsError

# Tables that `migrate` fills by itself: a database holding only these is empty.
FILLED_BY_MIGRATE = {"django_migrations", "django_content_type", "auth_permission"}


def vendor(settings: Mapping[str, Any]) -> str:
    return "sqlite" if "sqlite" in settings["ENGINE"] else "postgresql"


def dump_name(settings: Mapping[str, Any]) -> str:
    return "database/cnvh.sqlite3" if vendor(settings) == "sqlite" else "database/cnvh.pgdump"


def dump(settings: Mapping[str, Any], target: Path) -> dict[str, int]:
    """Writes the database to `target`; returns the row count of every table, counted in
    the same snapshot as the copy."""
    if vendor(settings) == "sqlite":
        return _dump_sqlite(Path(settings["NAME"]), target)
    return _dump_postgres(settings, target)


def restore(settings: Mapping[str, Any], source: Path, workdir: Path) -> None:
    """Replaces the whole database with the copy in `source`, in one transaction."""
    if vendor(settings) == "sqlite":
        _restore_sqlite(source, Path(settings["NAME"]))
    else:
        _restore_postgres(settings, source, workdir)


def row_counts(settings: Mapping[str, Any]) -> dict[str, int]:
    if vendor(settings) == "sqlite":
        path = Path(settings["NAME"])
        if not path.exists():
            return {}
        with _sqlite(path) as lite:
            return _sqlite_counts(lite)
    with _postgres(settings) as con, con.cursor() as cursor:
        return _postgres_counts(cursor)


def holding_data(counts: Mapping[str, int]) -> dict[str, int]:
    return {t: n for t, n in counts.items() if n and t not in FILLED_BY_MIGRATE}


@contextmanager
def _sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(path, timeout=20)
    try:
        yield con
    finally:
        con.close()


def _sqlite_counts(con: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    quoted = {name: identifier(name) for name in names}
    return {
        name: con.execute(f"SELECT count(*) FROM {quoted[name]}").fetchone()[0] for name in names
    }


def _dump_sqlite(database: Path, target: Path) -> dict[str, int]:
    # The backup API copies a consistent state even while the server keeps writing.
    with _sqlite(database) as source, _sqlite(target) as copy:
        source.backup(copy)
        counts = _sqlite_counts(copy)
    return counts


def _restore_sqlite(source: Path, database: Path) -> None:
    with _sqlite(source) as copy:
        checked = copy.execute("PRAGMA integrity_check").fetchone()
        if not checked or checked[0] != "ok":
            raise OpsError("archive_unreadable", file=source.name, detail=str(checked))
        database.parent.mkdir(parents=True, exist_ok=True)
        # The backup API replaces every page of the target in one transaction.
        with _sqlite(database) as target:
            copy.backup(target)


def _connection_kwargs(settings: Mapping[str, Any]) -> dict[str, Any]:
    options = dict(settings.get("OPTIONS") or {})
    options.pop("pool", None)
    values = {
        "dbname": settings["NAME"],
        "user": settings.get("USER") or None,
        "password": settings.get("PASSWORD") or None,
        "host": settings.get("HOST") or None,
        "port": settings.get("PORT") or None,
        **options,
    }
    return {key: value for key, value in values.items() if value is not None}


@contextmanager
def _postgres(settings: Mapping[str, Any]) -> Iterator[psycopg.Connection[Any]]:
    con = psycopg.connect(**_connection_kwargs(settings))
    try:
        yield con
    finally:
        con.close()


def _tool_environment(settings: Mapping[str, Any]) -> dict[str, str]:
    """libpq's variables: the password never appears in a command line (`ps` shows it)."""
    names = {"dbname": "PGDATABASE", "user": "PGUSER", "password": "PGPASSWORD"}
    names |= {"host": "PGHOST", "port": "PGPORT", "sslmode": "PGSSLMODE"}
    names |= {"sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY"}
    environment = dict(os.environ)
    for key, value in _connection_kwargs(settings).items():
        if key in names:
            environment[names[key]] = str(value)
    return environment


def _run(tool: str, arguments: list[str], settings: Mapping[str, Any]) -> None:
    program = shutil.which(tool)
    if program is None:
        raise OpsError("tool_missing", tool=tool)
    done = subprocess.run(
        [program, *arguments],
        env=_tool_environment(settings),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise OpsError("tool_failed", tool=tool, detail=lines[-1] if lines else done.returncode)


def _postgres_counts(cursor: psycopg.Cursor[Any]) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
    counts = {}
    for (name,) in cursor.fetchall():
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name)))
        row = cursor.fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts


def _dump_postgres(settings: Mapping[str, Any], target: Path) -> dict[str, int]:
    # pg_dump copies the snapshot this transaction exports, so the counts kept in the
    # manifest are those of the very rows in the dump.
    with _postgres(settings) as con:
        con.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with con.transaction(), con.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            row = cursor.fetchone()
            assert row is not None
            counts = _postgres_counts(cursor)
            arguments = ["--format=custom", f"--snapshot={row[0]}", "--no-owner"]
            _run("pg_dump", [*arguments, "--no-privileges", f"--file={target}"], settings)
    return counts


def _restore_postgres(settings: Mapping[str, Any], source: Path, workdir: Path) -> None:
    script = workdir / "restore.sql"
    _run("pg_restore", ["--no-owner", "--no-privileges", f"--file={script}", str(source)], settings)
    drops = workdir / "drop.sql"
    drops.write_text(_drop_everything(settings), encoding="utf-8")
    # One transaction for the drops and the whole restore: a failure changes nothing.
    arguments = ["--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1"]
    _run("psql", [*arguments, "--file", str(drops), "--file", str(script)], settings)


def _drop_everything(settings: Mapping[str, Any]) -> str:
    """DROP statements for every table, view and sequence of the schema, so a forced
    restore leaves nothing of the old database, not even tables of newer migrations."""
    with _postgres(settings) as con, con.cursor() as cursor:
        cursor.execute("""
            SELECT format('DROP VIEW IF EXISTS %I.%I CASCADE;', schemaname, viewname)
            FROM pg_views WHERE schemaname = current_schema()
            UNION ALL
            SELECT format('DROP TABLE IF EXISTS %I.%I CASCADE;', schemaname, tablename)
            FROM pg_tables WHERE schemaname = current_schema()
            UNION ALL
            SELECT format('DROP SEQUENCE IF EXISTS %I.%I CASCADE;', schemaname, sequencename)
            FROM pg_sequences WHERE schemaname = current_schema()
        """)
        return "\n".join(row[0] for row in cursor.fetchall()) + "\n"
