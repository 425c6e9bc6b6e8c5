"""Databases of this run's kind for child processes: a new SQLite file, or a new
PostgreSQL database on the server the suite runs on (dropped afterwards)."""

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

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


@pytest.fixture(scope="module")
def make_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], str]]:
    """Makes empty databases; returns the URL of each. Module scope: filling one can
    take seconds, and the tests of a module may share it."""
    created: list[str] = []

    def make() -> str:
        name = f"cnvh_ops_{uuid.uuid4().hex[:12]}"
        if not on_postgres():
            folder = tmp_path_factory.mktemp("databases")
            return database_url({"ENGINE": "sqlite", "NAME": folder / f"{name}.sqlite3"})
        with _admin() as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return database_url({**settings.DATABASES["default"], "NAME": name})

    yield make
    if created:
        with _admin() as admin:
            for name in created:
                # Not WITH (FORCE): it may not end an autovacuum worker, which a plain
                # drop stops by itself. The child processes have all ended.
                drop = sql.SQL("DROP DATABASE IF EXISTS {}")
                admin.execute(drop.format(sql.Identifier(name)))


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
    tmp_path_factory: pytest.TempPathFactory, make_database: Callable[[], str]
) -> Callable[..., Site]:
    def make(name: str, migrate: bool = True) -> Site:
        site = Site(tmp_path_factory.mktemp(name), make_database())
        if migrate:
            cnvh("migrate", "--noinput", env=site.env)
        return site

    return make
