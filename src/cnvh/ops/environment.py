"""Settings that come from environment variables: database and mail.

Plain functions of a mapping, no Django import, so that settings.py stays a list of
assignments and the parsing is tested on its own.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

TRUE = {"1", "true", "yes", "on"}
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


class SettingError(ValueError):
    """An environment variable that cannot be understood; the message names it."""


def flag(environ: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in TRUE


def integer(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"{name}={value!r} is not a whole number") from None


def database(
    url: str | None, default_sqlite: Path, conn_max_age: int = 0, connect_timeout: int = 5
) -> dict[str, Any]:
    """Django's DATABASES["default"] from CNVH_DATABASE_URL.

    postgres://user:password@host:port/name?sslmode=require, or sqlite:////absolute/path,
    sqlite:///relative/path, or a plain file path; no URL: the SQLite file `default_sqlite`.
    PostgreSQL connections are checked before reuse (CONN_HEALTH_CHECKS), so a server
    process serves again by itself after the database restarts.
    """
    if not url:
        return _sqlite(default_sqlite)
    parts = urlsplit(url)
    if parts.scheme in POSTGRES_SCHEMES:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise SettingError("CNVH_DATABASE_URL names no database (…/name at the end)")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": unquote(parts.hostname or ""),
            "PORT": str(parts.port or ""),
            # A database host that does not answer (down, or packets dropped) would hold
            # a request until TCP gives up, minutes later: the attempt fails after
            # `connect_timeout` seconds instead, and the request answers 500 rather than
            # hanging until gunicorn kills its worker. The URL's ?connect_timeout= wins.
            "OPTIONS": {"connect_timeout": connect_timeout, **dict(parse_qsl(parts.query))},
            # Each gunicorn worker keeps its connection instead of opening one per request.
            "CONN_MAX_AGE": conn_max_age,
            "CONN_HEALTH_CHECKS": True,
        }
    if parts.scheme == "sqlite":
        # sqlite:///relative and sqlite:////absolute, as in most URL conventions.
        path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
        if not path:
            raise SettingError("CNVH_DATABASE_URL: write sqlite:///path/to/file.sqlite3")
        return _sqlite(Path(path))
    if parts.scheme:
        raise SettingError(
            f"CNVH_DATABASE_URL: unknown database kind {parts.scheme!r} (postgres or sqlite)"
        )
    return _sqlite(Path(url))


def _sqlite(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path.resolve(),
        # Several server processes share the file: wait for a lock instead of failing.
        # IMMEDIATE: a transaction takes the write lock when it begins. A deferred one
        # that read first and then writes cannot wait for another writer (SQLite
        # refuses at once, "database is locked"), so two steps on one report at the same
        # moment would fail instead of running one after the other.
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }


def database_url(settings: Mapping[str, Any]) -> str:
    """The URL of Django's database settings (the inverse of `database`), to hand a
    child process the same database."""
    if "sqlite" in settings["ENGINE"]:
        return f"sqlite:///{Path(settings['NAME']).resolve()}"
    user = quote(settings.get("USER") or "", safe="")
    password = quote(settings.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgres://{credentials}{settings.get('HOST') or ''}{port}/{settings['NAME']}"


def mailer(environ: Mapping[str, str]) -> dict[str, Any]:
    """MAILERS["default"]: CNVH_EMAIL_URL (smtp://user:password@host:587?tls=1, or
    smtps:// for TLS from the start), else CNVH_EMAIL_HOST, _PORT, _USER, _PASSWORD, _TLS,
    _SSL; with neither, the console (mail is printed, not sent)."""
    url = environ.get("CNVH_EMAIL_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"smtp", "smtps"}:
            raise SettingError(f"CNVH_EMAIL_URL: unknown scheme {parts.scheme!r} (smtp or smtps)")
        query = dict(parse_qsl(parts.query))
        options = {
            "host": unquote(parts.hostname or ""),
            "port": parts.port or (465 if parts.scheme == "smtps" else 587),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": query.get("tls", "").lower() in TRUE,
            "use_ssl": parts.scheme == "smtps" or query.get("ssl", "").lower() in TRUE,
        }
    else:
        options = {
            "host": environ.get("CNVH_EMAIL_HOST", "").strip(),
            "port": integer(environ, "CNVH_EMAIL_PORT", 587),
            "username": environ.get("CNVH_EMAIL_USER", ""),
            "password": environ.get("CNVH_EMAIL_PASSWORD", ""),
            "use_tls": flag(environ, "CNVH_EMAIL_TLS"),
            "use_ssl": flag(environ, "CNVH_EMAIL_SSL"),
        }
    if options["use_tls"] and options["use_ssl"]:
        raise SettingError("Mail: choose TLS (STARTTLS, port 587) or SSL (port 465), not both")
    if not options["host"]:
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {**options, "timeout": 20},
    }
