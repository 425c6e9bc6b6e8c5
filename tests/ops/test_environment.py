"""Database and mail settings read from environment variables."""

from pathlib import Path

import pytest

from cnvh.ops.environment import SettingError, database, database_url, mailer

DEFAULT = Path("/srv/cnvh/var/cnvh.sqlite3")


def test_no_url_is_the_sqlite_file_under_var() -> None:
    config = database(None, DEFAULT)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == DEFAULT


def test_postgres_url_with_quoted_password_and_options() -> None:
    url = "postgres://cnvh:p%40ss%2Fw0rd@db.internal:6543/cnvh_prod?sslmode=require"
    config = database(url, DEFAULT, conn_max_age=60)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == (
        "cnvh_prod",
        "cnvh",
        "p@ss/w0rd",
    )
    assert (config["HOST"], config["PORT"]) == ("db.internal", "6543")
    assert config["OPTIONS"] == {"connect_timeout": 5, "sslmode": "require"}
    assert database(url + "&connect_timeout=2", DEFAULT)["OPTIONS"]["connect_timeout"] == "2"
    assert config["CONN_MAX_AGE"] == 60
    assert database(database_url(config), DEFAULT)["PASSWORD"] == "p@ss/w0rd"


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////srv/cnvh/db.sqlite3", Path("/srv/cnvh/db.sqlite3")),
        ("sqlite:///data/db.sqlite3", Path("data/db.sqlite3").resolve()),
        ("/srv/cnvh/other.sqlite3", Path("/srv/cnvh/other.sqlite3")),
    ],
)
def test_sqlite_urls(url: str, path: Path) -> None:
    config = database(url, DEFAULT)
    assert config["NAME"] == path
    assert database(database_url(config), DEFAULT)["NAME"] == path


@pytest.mark.parametrize("url", ["mysql://u:p@h/db", "postgres://u:p@h:5432/", "sqlite://"])
def test_unusable_database_urls_are_refused(url: str) -> None:
    with pytest.raises(SettingError, match="CNVH_DATABASE_URL"):
        database(url, DEFAULT)


def test_mail_goes_to_the_console_unless_a_server_is_named() -> None:
    assert mailer({}) == {"BACKEND": "django.core.mail.backends.console.EmailBackend"}


def test_mail_from_a_url() -> None:
    config = mailer({"CNVH_EMAIL_URL": "smtp://cnvh%40city.vn:secret@mail.city.vn:587?tls=1"})
    assert config["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert config["OPTIONS"] == {
        "host": "mail.city.vn",
        "port": 587,
        "username": "cnvh@city.vn",
        "password": "secret",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 20,
    }
    assert mailer({"CNVH_EMAIL_URL": "smtps://mail.city.vn"})["OPTIONS"]["port"] == 465


def test_mail_from_separate_variables() -> None:
    config = mailer(
        {"CNVH_EMAIL_HOST": "mail.city.vn", "CNVH_EMAIL_PORT": "2525", "CNVH_EMAIL_TLS": "1"}
    )
    assert config["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["OPTIONS"]["port"], config["OPTIONS"]["use_tls"]) == (2525, True)


@pytest.mark.parametrize(
    "environ",
    [
        {"CNVH_EMAIL_URL": "imap://mail.city.vn"},
        {"CNVH_EMAIL_HOST": "mail.city.vn", "CNVH_EMAIL_PORT": "smtp"},
        {"CNVH_EMAIL_HOST": "mail.city.vn", "CNVH_EMAIL_TLS": "1", "CNVH_EMAIL_SSL": "1"},
    ],
)
def test_unusable_mail_settings_are_refused(environ: dict[str, str]) -> None:
    with pytest.raises(SettingError):
        mailer(environ)
