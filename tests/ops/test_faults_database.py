"""PostgreSQL restarted while `cnvh serve` is under load: requests during the restart
fail cleanly (500 or 503, never a hang), the same server processes serve again once the
database is back (CONN_HEALTH_CHECKS drops their dead connections), and nothing
committed before is lost.

The test starts a PostgreSQL server of its own (`.ci/postgres` in a new folder, on a
free port): restarting the suite's server would break every other test.
"""

import os
import shutil
import subprocess
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import on_postgres
from .faults import connect, kill_group, start_server, wait_for
from .processes import REPO, cnvh, environment, free_port, get
from .tables import every_row

pytestmark = pytest.mark.skipif(not on_postgres(), reason="restarts a PostgreSQL server")
CLIENTS = 4


class PrivateServer:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        env = {"CNVH_PG_DIR": str(folder), "CNVH_PG_PORT": str(port), "PATH": "/usr/bin:/bin"}
        out = subprocess.run(
            [str(REPO / ".ci" / "postgres")], env=env, check=True, capture_output=True, text=True
        ).stdout
        self.url = out.split("=", 1)[1].strip().strip("'\"")

    def pg_ctl(self, *args: str) -> None:
        binary = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
        command = [str(binary), "-D", str(self.folder / "data"), "-w", *args]
        if args[0] == "start":
            command += ["-l", str(self.folder / "server.log")]
            command += ["-o", f"-h 127.0.0.1 -p {self.port} -k {self.folder} -F"]
        runner = ["su", "postgres", "-s", "/bin/sh", "-c", subprocess.list2cmdline(command)]
        subprocess.run(runner if _root() else command, check=True, capture_output=True)


def _root() -> bool:
    return os.getuid() == 0


@pytest.fixture
def private_server() -> Iterator[PrivateServer]:
    # Under /tmp itself: the postgres user must reach the folder, and pytest's own
    # temporary folders are private to root.
    folder = Path(tempfile.mkdtemp(prefix="cnvh-pg-restart-", dir="/tmp"))
    server = PrivateServer(folder, free_port())
    try:
        yield server
    finally:
        server.pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(folder, ignore_errors=True)


class Load:
    """Clients asking for pages without pause; every answer's status is counted, and a
    request that gets no answer (a hang, a refused connection) is counted by its kind."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.seen: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(CLIENTS)]

    def run(self, number: int) -> None:
        path = ("/", "/health/", "/indicators/", "/estimates/")[number % 4]
        while not self.stop.is_set():
            try:
                status = str(get(self.base + path)[0])
            except OSError as error:
                status = type(error).__name__
            with self.lock:
                self.seen[status] += 1

    def count(self, status: str) -> int:
        with self.lock:
            return self.seen[status]

    def __enter__(self) -> "Load":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=120)


def test_database_restart_under_load(private_server: PrivateServer, tmp_path: Path) -> None:
    site = environment(tmp_path, private_server.url, CNVH_PAGE_CACHE="0")
    cnvh("migrate", "--noinput", env=site)
    demo = tmp_path / "demo"
    cnvh("demo-data", "--units", "1500", "--output", str(demo), env=site)
    cnvh("load-demo", str(demo), env={**site, "CNVH_DEBUG": "1"})
    before = every_row(private_server.url)
    server, base = start_server(site, workers=2)
    try:
        with Load(base) as load:
            wait_for(lambda: load.count("200") >= 20, "pages served before the restart")
            private_server.pg_ctl("stop", "-m", "fast")
            wait_for(lambda: load.count("500") + load.count("503") >= 8, "errors while down")
            private_server.pg_ctl("start")
            served = load.count("200")
            wait_for(lambda: load.count("200") >= served + 40, "pages after the restart")
        # The same processes serve again: every page and the health check, in a row.
        for path in ("/", "/health/", "/indicators/", "/estimates/") * 3:
            assert get(base + path)[0] == 200, path
    finally:
        kill_group(server)
    print(dict(load.seen))
    assert set(load.seen) <= {"200", "500", "503"}, load.seen
    assert load.count("500") + load.count("503") >= 8
    assert server.returncode is not None
    with connect(private_server.url, autocommit=True) as probe:
        wait_for(
            lambda: (
                probe.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid()"
                ).fetchone()
                == (0,)
            ),
            "the server's sessions to end",
        )
    after = every_row(private_server.url)
    assert after == before
