"""Running `cnvh` as a city's server would: child processes with their own database."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

CNVH = str(Path(sys.executable).parent / "cnvh")
REPO = Path(__file__).resolve().parents[2]


def environment(var_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    """The parent's environment without its cnvh and Django settings (other tests set
    some, such as DJANGO_ALLOW_ASYNC_UNSAFE), plus these."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("CNVH_", "DJANGO_"))
    }
    env |= {"CNVH_VAR_DIR": str(var_dir), "CNVH_DATABASE_URL": database_url}
    env["PYTHONPATH"] = str(REPO)  # so that a worker finds the tasks of tests.ops
    return env | extra


def cnvh(
    *args: str, env: Mapping[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [CNVH, *args], env=dict(env), capture_output=True, text=True, timeout=600, check=False
    )
    if check and done.returncode != 0:
        raise AssertionError(f"cnvh {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str, headers: Mapping[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@contextmanager
def serving(env: Mapping[str, str], *options: str) -> Iterator[str]:
    """`cnvh serve` on a free port; yields its base URL once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [CNVH, "serve", "--bind", f"127.0.0.1:{port}", *options],
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_listening(server, port)
        yield base
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=60)
        print(output)


def _wait_until_listening(server: subprocess.Popen[str], port: int) -> None:
    # A deadline only to fail rather than hang: nothing is measured against it.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = server.stdout.read() if server.stdout else ""
            raise AssertionError(f"cnvh serve exited with {server.returncode}:\n{output}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("cnvh serve did not start listening")
