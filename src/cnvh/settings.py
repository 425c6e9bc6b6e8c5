"""Django settings for cnvh.

Defaults suit one laptop: SQLite and files under ./var. Everything that differs
between a laptop and a city's server comes from environment variables:

    CNVH_DEBUG          "1"/"true"/"yes"/"on" turns debug mode on (default off)
    CNVH_SECRET_KEY     the secret key; without it one is generated once and
                        kept in var/secret_key (mode 600)
    CNVH_ALLOWED_HOSTS  comma-separated host names (default: localhost only)
    CNVH_VAR_DIR        where the database, secret key, static and uploaded files
                        live (default: ./var)
    CNVH_DATABASE_URL   postgres://user:password@host:5432/name, or sqlite:///path
                        (default: the SQLite file var/cnvh.sqlite3)
    CNVH_DB_CONN_MAX_AGE  seconds a server process keeps its database connection (60)
    CNVH_DB_CONNECT_TIMEOUT  seconds to wait for a PostgreSQL connection (5)
    CNVH_EMAIL_URL      smtp://user:password@host:587?tls=1 (or CNVH_EMAIL_HOST, _PORT,
                        _USER, _PASSWORD, _TLS, _SSL); without it mail goes to the console
    CNVH_FROM_EMAIL     the sender of the mail cnvh sends
    CNVH_HTTPS          "1" behind HTTPS: redirect to HTTPS, secure cookies, HSTS; each
                        can be set apart: CNVH_SSL_REDIRECT, CNVH_SECURE_COOKIES,
                        CNVH_HSTS_SECONDS, CNVH_HSTS_INCLUDE_SUBDOMAINS, CNVH_HSTS_PRELOAD
    CNVH_PROXY_SSL_HEADER  "1" when a reverse proxy sets X-Forwarded-Proto (only then)
    CNVH_TRUSTED_PROXIES  comma-separated addresses or networks of the reverse proxies
                        whose X-Forwarded-For gives the client's address (default: none)
    CNVH_CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://cnvh.example.vn
    CNVH_PAGE_CACHE     "0" computes the public pages on every request (default on)
    CNVH_OPEN_DATA_LICENCE  the address of the open data's licence (default CC BY 4.0)
    CNVH_API_WRITE_LIMIT  writes one person may make through the API per minute (30)
    CNVH_REPORT_PLACE   the place written in a periodic report's date line (default Hà Nội)
    CNVH_REPORT_SIGNATORY  the name in a periodic report's signature block (default blank)
    CNVH_EVENT_CLASH_METRES  events at venues this close on the same day clash (300)
    CNVH_EVENT_WARD_DAY_LIMIT  more people expected in one ward on one day than this
                        is a clash between the events there (20000)
    CNVH_EVENT_VIEW_DUE_SOON_DAYS  a view due within this many working days is
                        reminded to the officers who give it (2)
    CNVH_CULTURE_DEPARTMENT  the code of the agency whose officers keep the venues
                        with the coordinator (so-vhtt)

docs/deploy.md has a production example.
"""

import ipaddress
import os
import secrets
import warnings
from pathlib import Path

from django.utils.csp import CSP
from whitenoise.compress import Compressor

from cnvh.ops import environment

PACKAGE_DIR = Path(__file__).resolve().parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def read_or_create_secret_key(path: Path) -> str:
    """Return the key stored in `path`, creating it (mode 600) the first time."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # O_EXCL: if two processes start at once, only one writes the key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    return key


VAR_DIR = Path(os.environ.get("CNVH_VAR_DIR", "var")).resolve()

DEBUG = env_flag("CNVH_DEBUG")
SECRET_KEY = os.environ.get("CNVH_SECRET_KEY") or read_or_create_secret_key(VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("CNVH_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "rules",
    "simple_history",
    "django_tasks_db",
    "cnvh.estimates",
    "cnvh.plan",
    "cnvh.procedures",
    "cnvh.crafts",
    "cnvh.brightspots",
    "cnvh.unesco",
    "cnvh.enterprises",
    "cnvh.events",
    "cnvh.presentation",
    "cnvh.web",
    "cnvh.ops",
    "cnvh.exchange",
    "cnvh.exports",
    "cnvh.api",
    # The API's docs page: django-ninja's own copy of Swagger UI, served from here.
    "ninja",
]

AUTHENTICATION_BACKENDS = [
    # Object permissions (who may edit which report) come from cnvh.plan.permissions.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "web-login"
LOGIN_REDIRECT_URL = "web-overview"
LOGOUT_REDIRECT_URL = "web-overview"

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Mail: the console in the demo; a server's SMTP settings come from the environment.
MAILERS = {"default": environment.mailer(os.environ)}
DEFAULT_FROM_EMAIL = os.environ.get("CNVH_FROM_EMAIL", "cnvh@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
# The engine's record of the input files it has checked (cnvh.stats.checked): a file
# found there unchanged is not read through again. Losing it costs time, never a check.
CHECKED_FILES_DIR = VAR_DIR / "checked-files"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cnvh.web.middleware.ChosenLanguageMiddleware",
    "cnvh.web.middleware.UnstorableParameterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "cnvh.urls"
WSGI_APPLICATION = "cnvh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": environment.database(
        os.environ.get("CNVH_DATABASE_URL"),
        VAR_DIR / "cnvh.sqlite3",
        conn_max_age=environment.integer(os.environ, "CNVH_DB_CONN_MAX_AGE", 60),
        connect_timeout=environment.integer(os.environ, "CNVH_DB_CONNECT_TIMEOUT", 5),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Files under var/: one cache every server process shares, for the public pages
# (cnvh.presentation.page_cache). CNVH_PAGE_CACHE=0 turns that off (to measure without it).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
CNVH_PAGE_CACHE = env_flag("CNVH_PAGE_CACHE", True)

# The licence the open data (/open-data/) is published under, stated in its catalogue.
CNVH_OPEN_DATA_LICENCE = os.environ.get(
    "CNVH_OPEN_DATA_LICENCE", "https://creativecommons.org/licenses/by/4.0/"
)

# The REST API (cnvh.api): writes per person within the window, across every process.
CNVH_API_WRITE_LIMIT = environment.integer(os.environ, "CNVH_API_WRITE_LIMIT", 30)
CNVH_API_WRITE_WINDOW_SECONDS = 60

# The periodic report's date line and signature block; a person may change them per report.
CNVH_REPORT_PLACE = os.environ.get("CNVH_REPORT_PLACE", "")
CNVH_REPORT_SIGNATORY = os.environ.get("CNVH_REPORT_SIGNATORY", "")

# The events register's clash detection (cnvh.events.clashes) and its venues.
CNVH_EVENT_CLASH_METRES = environment.integer(os.environ, "CNVH_EVENT_CLASH_METRES", 300)
CNVH_EVENT_WARD_DAY_LIMIT = environment.integer(os.environ, "CNVH_EVENT_WARD_DAY_LIMIT", 20000)
CNVH_EVENT_VIEW_DUE_SOON_DAYS = environment.integer(os.environ, "CNVH_EVENT_VIEW_DUE_SOON_DAYS", 2)
CNVH_CULTURE_DEPARTMENT = os.environ.get("CNVH_CULTURE_DEPARTMENT", "so-vhtt")
# The city's extent (south, west, north, east in degrees): Hanoi reaches from 20°34' to
# 21°23' N and from 105°17' to 106°02' E; a venue's coordinates must fall inside.
CNVH_CITY_BOUNDS = (20.53, 105.28, 21.39, 106.04)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Vietnamese first; English complete.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
# Day first in both languages (cnvh/formats): Django's English reads and shows a month first.
FORMAT_MODULE_PATH = ["cnvh.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

# Static files: served by whitenoise, vendored (no CDN).
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "cnvh.web.storage.StaticFilesStorage"
        )
    },
}
# Serve from the app directories too, so `runserver` works without collectstatic
# (and do not warn that STATIC_ROOT is missing before it has been run).
WHITENOISE_USE_FINDERS = True
# Source maps (11 MB of the API pages' 24 MB) are for developers' tools, fetched rarely:
# compressing them cost most of collectstatic's time. Only the hashed copies are kept,
# so each file is compressed once; the plain names stay served from the app directories.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

# Security.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Pages load scripts only from our own static files; chart data comes through
# json_script. ECharts' tooltips carry inline style attributes, hence style-src.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Behind HTTPS (CNVH_HTTPS=1): cookies never travel in clear text, plain HTTP is
# redirected, and browsers are told to use HTTPS only for a year.
HTTPS = env_flag("CNVH_HTTPS")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_flag(
    "CNVH_SECURE_COOKIES", HTTPS
)
SECURE_SSL_REDIRECT = env_flag("CNVH_SSL_REDIRECT", HTTPS)
# A monitor on the server itself asks for /health/ over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = environment.integer(
    os.environ, "CNVH_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("CNVH_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_flag("CNVH_HSTS_PRELOAD", HTTPS)
# Only a proxy that overwrites X-Forwarded-Proto may be trusted with it: otherwise a
# client could claim HTTPS.
if env_flag("CNVH_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CNVH_CSRF_TRUSTED_ORIGINS", [])
# Login attempts are limited by address: behind a proxy, the client's address is read
# from X-Forwarded-For, only when the request comes from one of these (cnvh.plan.addresses).
# A mistyped entry stops the start here rather than every login later.
TRUSTED_PROXIES = [
    str(ipaddress.ip_network(entry, strict=False)) for entry in env_list("CNVH_TRUSTED_PROXIES", [])
]
# Uploads: data files go through the engine, never into memory whole.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
