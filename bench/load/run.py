"""`make load`: the load scenario (bench/load/locustfile.py) against `cnvh serve` on
PostgreSQL with the city-scale data set, then its figures per request type.

1. PostgreSQL: `.ci/postgres` (a private server on 127.0.0.1:54329; one already running
   is used and left running, one started here is stopped at the end).
2. The database `cnvh_load`, migrated and loaded once with `cnvh load-demo --scale city`
   from `cnvh demo-data --units 108000 --first-year 2016` (about a million unit-year
   rows, ten years); `--fresh` loads it again (a run submits and approves reports, so
   runs to compare start fresh).
3. `cnvh serve` and `cnvh worker`, then locust headless: 50 users for 5 minutes unless
   `--users`/`--time` say otherwise (`make load LOAD_ARGS="--time 1m"`).
4. p50/p95/p99 and errors per request type; locust's CSV and HTML under var/load/.

    python -m bench.load.run [--users 50] [--time 5m] [--fresh] [--no-page-cache]
"""

import argparse
import csv
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LOAD_DIR = REPO / "var" / "load"
DATA_DIR = LOAD_DIR / "data"
SITE_DIR = LOAD_DIR / "site"
OFFICERS = LOAD_DIR / "officers.txt"
DATABASE = "cnvh_load"
PG_DIR = Path(os.environ.get("CNVH_PG_DIR", "/tmp/cnvh-postgres"))
PG_PORT = int(os.environ.get("CNVH_PG_PORT", "54329"))
UNITS_PER_YEAR = 108_000
FIRST_YEAR = 2016


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--time", default="5m", help="run time, e.g. 5m or 90s")
    parser.add_argument("--port", type=int, default=8931)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers")
    parser.add_argument("--fresh", action="store_true", help="load the database again")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="compute public pages every time"
    )
    parser.add_argument("--label", default="", help="a word added to the report's name")
    return parser.parse_args()


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def start_postgres() -> str:
    """The server's URL for the `cnvh` role (`.ci/postgres` prints it)."""
    out = subprocess.run(
        [str(REPO / ".ci" / "postgres")], check=True, capture_output=True, text=True
    ).stdout
    line = next(line for line in out.splitlines() if "CNVH_TEST_DATABASE_URL=" in line)
    return line.split("=", 1)[1].strip().strip("'\"")


def stop_postgres() -> None:
    pg_ctl = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
    command = [str(pg_ctl), "-D", str(PG_DIR / "data"), "-m", "fast", "-w", "stop"]
    if os.getuid() == 0:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)]
    subprocess.run(command, check=True, capture_output=True)


def ensure_database(server_url: str, fresh: bool) -> tuple[str, bool]:
    """The load database's URL, and whether it was made now (and must be loaded)."""
    with psycopg.connect(server_url, autocommit=True) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if exists and fresh:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(DATABASE)))
        if fresh or not exists:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    base = server_url.rsplit("/", 1)[0]
    return f"{base}/{DATABASE}", bool(fresh or not exists)


def site_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CNVH_", "DJANGO_"))}
    return env | {"CNVH_VAR_DIR": str(SITE_DIR), "CNVH_DATABASE_URL": database_url} | extra


def cnvh(*args: str, env: dict[str, str]) -> None:
    started = time.monotonic()
    print(f"$ cnvh {' '.join(args)}", flush=True)
    subprocess.run([str(BIN / "cnvh"), *args], env=env, check=True)
    print(f"  ({time.monotonic() - started:.0f} s)", flush=True)


def prepare(database_url: str, load: bool) -> None:
    env = site_env(database_url)
    if not (DATA_DIR / "manifest.json").exists():
        units = ["--units", str(UNITS_PER_YEAR), "--first-year", str(FIRST_YEAR)]
        cnvh("demo-data", "--output", str(DATA_DIR), *units, env=env)
    cnvh("migrate", "--noinput", "-v", "0", env=env)
    if load:
        # Demo mode while loading only: the load's people get the demo password.
        demo = site_env(database_url, CNVH_DEBUG="1")
        officers = ["--officers-file", str(OFFICERS)]
        cnvh("load-demo", str(DATA_DIR), "--scale", "city", *officers, env=demo)


@contextmanager
def running(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("ab") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_healthy(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120  # to fail rather than hang; nothing is timed by it
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"cnvh serve exited with {server.returncode}: see {LOAD_DIR}")
        try:
            with urllib.request.urlopen(f"{base}/health/", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("cnvh serve did not answer /health/")


def run_locust(args: argparse.Namespace, base: str, prefix: Path) -> int:
    command = [
        str(BIN / "locust"),
        "-f", str(REPO / "bench" / "load" / "locustfile.py"),
        "--headless", "--only-summary",
        "--users", str(args.users),
        "--spawn-rate", str(args.spawn_rate),
        "--run-time", args.time,
        "--host", base,
        "--csv", str(prefix),
        "--html", f"{prefix}.html",
    ]  # fmt: skip
    env = os.environ | {"CNVH_LOAD_OFFICERS": str(OFFICERS)}
    return subprocess.run(command, env=env, check=False).returncode


def summary(prefix: Path) -> str:
    """A Markdown table of the run's figures per request type."""
    with Path(f"{prefix}_stats.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    lines = [
        "| request | requests | errors | p50 ms | p95 ms | p99 ms | max ms | per s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        name = f"{row['Type']} {row['Name']}".strip() if row["Name"] != "Aggregated" else "all"
        cells = [name, row["Request Count"], row["Failure Count"], row["50%"], row["95%"]]
        cells += [row["99%"], f"{float(row['Max Response Time']):.0f}"]
        cells += [f"{float(row['Requests/s']):.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    args = arguments()
    LOAD_DIR.mkdir(parents=True, exist_ok=True)
    started_postgres = not listening(PG_PORT)
    try:
        database_url, made = ensure_database(start_postgres(), args.fresh)
        prepare(database_url, load=made or not OFFICERS.exists())
        return serve_and_load(args, database_url)
    finally:
        if started_postgres:
            stop_postgres()


def serve_and_load(args: argparse.Namespace, database_url: str) -> int:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    prefix = LOAD_DIR / "-".join(filter(None, [stamp, args.label]))
    extra = {"CNVH_PAGE_CACHE": "0"} if args.no_page_cache else {}
    env = site_env(database_url, **extra)
    serve = [str(BIN / "cnvh"), "serve", "--bind", f"127.0.0.1:{args.port}"]
    if args.workers:
        serve += ["--workers", str(args.workers)]
    base = f"http://127.0.0.1:{args.port}"
    if listening(args.port):
        raise SystemExit(f"port {args.port} is taken: choose another with --port")
    before = os.getloadavg()
    with (
        running(serve, env, LOAD_DIR / "serve.log") as server,
        running([str(BIN / "cnvh"), "worker"], env, LOAD_DIR / "worker.log"),
    ):
        wait_healthy(base, server)
        code = run_locust(args, base, prefix)
    after = os.getloadavg()
    table = summary(prefix)
    print(f"\n{args.users} users for {args.time}; page cache {'off' if extra else 'on'}; "
          f"load average (1 min) before: {before[0]:.2f}, at the end: {after[0]:.2f}, "
          f"on {os.cpu_count()} cores\n")  # fmt: skip
    print(table)
    Path(f"{prefix}.md").write_text(table + "\n", encoding="utf-8")
    print(f"\nReports: {prefix}_stats.csv, {prefix}.html")
    return code


if __name__ == "__main__":
    sys.exit(main())
