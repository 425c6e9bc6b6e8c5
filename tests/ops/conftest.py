"""Databases of this run's kind for child processes: a new SQLite file, or a new
PostgreSQL database on the server the suite runs on (dropped afterwards)."""

import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection, connections
from psycopg import sql
from pytest_django import DjangoDbBlocker

from cnvh.ops.environment import database_url

from .processes import cnvh, environment


def on_postgres() -> bool:
    return "postgresql" in settings.DATABASES["default"]["ENGINE"]


def _admin() -> psycopg.Connection:
    server = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        user=server["USER"],
        password=server["PASSWORD"],
        host=server["HOST"],
        port=server["PORT"],
        autocommit=True,
    )


_NAMES: dict[str, str] = {}  # the URL of each PostgreSQL database made here -> its name


class Databases:
    """Creates databases for child processes, empty or as a copy of another, and
    drops the PostgreSQL ones it created."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.folders = tmp_path_factory
        self.created: list[str] = []

    def make(self, copy_of: str | None = None) -> str:
        """A new database, empty or a copy of one made here (by its URL)."""
        if on_postgres():
            return self._create(template=_NAMES[copy_of] if copy_of else None)
        path = self._sqlite_path()
        if copy_of:
            # The process that filled it has ended, so the file holds the whole database.
            shutil.copyfile(Path(copy_of.removeprefix("sqlite:///")), path)
        return database_url({"ENGINE": "sqlite", "NAME": path})

    def copy_test_database(self) -> str | None:
        """A copy of this process's test database, which pytest-django migrated when the
        session began; None when PostgreSQL cannot copy it because another session is
        connected to it."""
        connections.close_all()
        if on_postgres():
            try:
                return self._create(template=connection.settings_dict["NAME"])
            except psycopg.errors.ObjectInUse:
                return None
        path = self._sqlite_path()
        # The test database may live in memory only: SQLite's backup copies it whole.
        with sqlite3.connect(path) as copy:
            connection.ensure_connection()
            connection.connection.backup(copy)
        connection.close()
        return database_url({"ENGINE": "sqlite", "NAME": path})

    def drop_all(self) -> None:
        if not self.created:
            return
        with _admin() as admin:
            for name in self.created:
                # Not WITH (FORCE): it may not end an autovacuum worker, which a plain
                # drop stops by itself. The child processes have all ended.
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        self.created.clear()

    def _sqlite_path(self) -> Path:
        return self.folders.mktemp("databases") / f"{_new_name()}.sqlite3"

    def _create(self, template: str | None) -> str:
        name = _new_name()
        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with _admin() as admin:
            admin.execute(create)
        self.created.append(name)
        url = database_url({**settings.DATABASES["default"], "NAME": name})
        _NAMES[url] = name
        return url


def _new_name() -> str:
    return f"cnvh_ops_{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def migrated_database(
    tmp_path_factory: pytest.TempPathFactory,
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
) -> Iterator[Callable[[], str]]:
    """A database as `cnvh migrate` leaves it, made once per test process on first use,
    for sites to copy.

    Migrating takes some forty seconds, nearly all of it Django rendering the models'
    states. The test database went through the same migrations when the session began,
    and the tests leave it as they found it, so the first copy is of it; `cnvh migrate`
    runs only where it cannot be copied."""
    databases = Databases(tmp_path_factory)
    migrated: list[str] = []

    def url() -> str:
        if not migrated:
            with django_db_blocker.unblock():
                copied = databases.copy_test_database()
            if copied is None:
                copied = databases.make()
                env = environment(tmp_path_factory.mktemp("m"), copied)
                cnvh("migrate", "--noinput", env=env)
            migrated.append(copied)
        return migrated[0]

    yield url
    databases.drop_all()


@pytest.fixture(scope="module")
def make_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], str]]:
    """Makes empty databases; returns the URL of each. Module scope: filling one can
    take seconds, and the tests of a module may share it."""
    databases = Databases(tmp_path_factory)
    yield databases.make
    databases.drop_all()


@pytest.fixture(scope="module")
def make_migrated_database(
    tmp_path_factory: pytest.TempPathFactory, migrated_database: Callable[[], str]
) -> Iterator[Callable[[], str]]:
    """Makes databases as `cnvh migrate` leaves them, each a copy of one migrated once."""
    databases = Databases(tmp_path_factory)
    yield lambda: databases.make(copy_of=migrated_database())
    databases.drop_all()


@dataclass
class Site:
    """One installation: its folder (CNVH_VAR_DIR) and its database."""

    var_dir: Path
    url: str

    @property
    def env(self) -> dict[str, str]:
        return environment(self.var_dir, self.url)

    @property
    def media(self) -> Path:
        return self.var_dir / "media"


@pytest.fixture(scope="module")
def make_site(
    tmp_path_factory: pytest.TempPathFactory,
    make_database: Callable[[], str],
    make_migrated_database: Callable[[], str],
) -> Callable[..., Site]:
    """An installation with its database migrated, or (migrate=False) empty."""

    def make(name: str, migrate: bool = True) -> Site:
        database = make_migrated_database() if migrate else make_database()
        return Site(tmp_path_factory.mktemp(name), database)

    return make
