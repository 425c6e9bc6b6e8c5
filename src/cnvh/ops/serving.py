"""How `cnvh serve` starts gunicorn."""

import os
import sys
from collections.abc import Mapping

DEFAULT_BIND = "127.0.0.1:8000"


def default_workers(cpus: int | None = None) -> int:
    """Gunicorn's rule of thumb, 2 × CPUs + 1: a sync worker waits on the database about
    as long as it computes, so two per core keep the cores busy; the +1 covers one stuck
    on a slow request."""
    return 2 * (cpus or os.cpu_count() or 1) + 1


def workers_from(environ: Mapping[str, str], option: int | None) -> int:
    if option is not None:
        return option
    value = environ.get("CNVH_WORKERS", "").strip()
    return int(value) if value else default_workers()


def gunicorn_command(bind: str, workers: int, timeout: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "cnvh.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--timeout",
        str(timeout),
        # A worker is replaced now and then, so that a slow leak never grows for months.
        "--max-requests",
        "2000",
        "--max-requests-jitter",
        "200",
        "--access-logfile",
        "-",
        "--error-logfile",
        "-",
        # Restarts go through systemd's signals; a control socket in $HOME would only
        # collide between two instances.
        "--no-control-socket",
    ]
