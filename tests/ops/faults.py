"""What the fault tests need: processes to kill, a browser-like client, and PostgreSQL's
own view of who waits on which lock, so that a process is killed at a known point of its
transaction rather than after a guessed delay."""

import http.cookiejar
import os
import re
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import psycopg

from .processes import CNVH, free_port

T = TypeVar("T")
LOGS: dict[int, Path] = {}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Only to fail rather than hang: every wait ends on a condition, never on this.
DEADLINE = 120.0


def wait_for[T](condition: Callable[[], T], what: str, deadline: float = DEADLINE) -> T:
    ends = time.monotonic() + deadline
    while time.monotonic() < ends:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting: {what}")


def connect(url: str, **options: Any) -> psycopg.Connection:
    parts = urlsplit(url)
    return psycopg.connect(
        dbname=parts.path.lstrip("/"),
        user=parts.username,
        password=parts.password,
        host=parts.hostname,
        port=parts.port,
        **options,
    )


def waiting(probe: psycopg.Connection) -> list[int]:
    """The other sessions waiting for a lock (on a table or a row)."""
    rows = probe.execute(
        "SELECT DISTINCT pid FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()"
    ).fetchall()
    return [row[0] for row in rows]


def writing(probe: psycopg.Connection, pid: int, table: str) -> bool:
    """Whether session `pid` has written to `table` in its open transaction."""
    row = probe.execute(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "WHERE l.pid = %s AND c.relname = %s AND l.mode = 'RowExclusiveLock' AND l.granted",
        [pid, table],
    ).fetchone()
    return bool(row and row[0])


def waiting_on(probe: psycopg.Connection, table: str) -> bool:
    """Whether another session waits for a lock on `table` (and so is in the middle of
    a transaction that writes to it)."""
    row = probe.execute(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "WHERE c.relname = %s AND NOT l.granted AND l.pid <> pg_backend_pid()",
        [table],
    ).fetchone()
    return bool(row and row[0])


def others_gone(probe: psycopg.Connection) -> bool:
    """No other session on the database: every killed client's transaction has ended."""
    row = probe.execute(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    ).fetchone()
    return bool(row and row[0] == 0)


@contextmanager
def locked(url: str, statement: str, *params: object) -> Iterator[psycopg.Connection]:
    """Holds the locks `statement` takes (LOCK TABLE t IN SHARE MODE stops every write to
    t; SELECT ... FOR UPDATE stops writes to those rows) until the block ends; yields a
    second connection to look at the database meanwhile."""
    holder = connect(url)
    probe = connect(url, autocommit=True)
    try:
        holder.execute(statement, params or None)
        yield probe
    finally:
        holder.rollback()
        holder.close()
        probe.close()


def kill_group(process: subprocess.Popen[Any]) -> None:
    """SIGKILL to the process and every process it started (gunicorn's workers)."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


def start(args: list[str], env: Mapping[str, str]) -> subprocess.Popen[str]:
    """`cnvh ARGS` in a process group of its own, so that all of it can be killed. Its
    output goes to a file (`output()`): a pipe nobody reads fills up, and then every
    process writing its log waits for ever."""
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 — kept open by the child
        mode="w+", prefix="cnvh-", suffix=".log", delete=False
    )
    process = subprocess.Popen(
        [CNVH, *args],
        env=dict(env),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    LOGS[process.pid] = Path(log.name)
    log.close()
    return process


def output(process: subprocess.Popen[str]) -> str:
    return LOGS[process.pid].read_text(errors="replace")


def start_server(env: Mapping[str, str], workers: int = 2) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    # Static files are test_serving.py's matter; pages name them plainly without them.
    serve = ["serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    server = start([*serve, "--no-collectstatic"], env)
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        if server.poll() is not None:
            raise AssertionError(f"cnvh serve exited:\n{output(server)}")
        try:
            with urllib.request.urlopen(f"{base}/health/", timeout=5):
                return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False

    wait_for(answers, "cnvh serve to answer")
    return server, base


class Browser:
    """Cookies and CSRF tokens, as a person's browser has them."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post_form(self, path: str, data: Mapping[str, str], page: str | None = None) -> int:
        """POST as the form on `page` (by default the page at `path`) would."""
        if page is None:
            page = self.get(path)[1]
        token = CSRF.search(page)
        body = urllib.parse.urlencode(
            {**data, "csrfmiddlewaretoken": token.group(1) if token else ""}
        )
        request = urllib.request.Request(
            self.base + path, body.encode(), headers={"Referer": self.base + path}
        )
        return self._open(request)[0]

    def log_in(self, username: str, password: str) -> None:
        status = self.post_form("/login/", {"username": username, "password": password})
        assert status == 302, f"{username} could not log in ({status})"

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=DEADLINE) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is the answer itself (302 after a saved form)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None
