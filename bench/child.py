"""Run one variant in its own process and report times, peak memory and rows as JSON.

Usage: python -m bench.child VARIANT UNITS TOTALS SCOPE_FILE REPEATS RECORD [SERVER]
Its own process so that the peak resident set size belongs to it alone.

Variants: `sql`, `pandas`; `engine`, a first run: each repetition with a record of
checked files of its own, empty (RECORD/first-N), so the files are ones it never
saw; `engine-checked`: every repetition with the record RECORD, which an earlier run
filled; `engine-postgres`: a first run whose pass runs on the PostgreSQL server SERVER.
"""

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from bench.implementations import ENGINE_RUN, IMPLEMENTATIONS, Inputs


def peak_rss_bytes() -> int:
    """This process's peak resident set size.

    VmHWM belongs to the process's own address space; ru_maxrss would also carry
    the peak of the parent the process was forked from, which built the data.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    # Elsewhere (macOS) fall back to ru_maxrss, in bytes there and kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _inputs(variant: str, base: Inputs, record: Path, server: str | None, n: int) -> Inputs:
    if variant == "engine-checked":
        return Inputs(base.units, base.totals, base.scope_file, record)
    if variant.startswith("engine"):
        fresh = record / f"first-{n}"
        return Inputs(base.units, base.totals, base.scope_file, fresh, server)
    return base


def run(variant: str, base: Inputs, repeats: int, record: Path, server: str | None) -> Any:
    implementation = IMPLEMENTATIONS[variant.split("-", maxsplit=1)[0]]
    times, cpu = [], []
    rows: list[dict[str, object]] = []
    for n in range(repeats):
        inputs = _inputs(variant, base, record, server, n)
        started, used = time.perf_counter(), time.process_time()
        rows = implementation(inputs)
        times.append(time.perf_counter() - started)
        # Every thread's processor time: on cores shared with other work it varies far
        # less than the wall time, which waits for the cores as well.
        cpu.append(time.process_time() - used)
    report: dict[str, object] = {
        "name": variant,
        "times": times,
        "cpu": cpu,
        "peak_rss": peak_rss_bytes(),
    }
    if variant.startswith("engine"):
        report["engine"] = dict(ENGINE_RUN)
    return {**report, "rows": rows}


def main(argv: list[str]) -> int:
    variant, units, totals, scope_file, repeats, record, *server = argv
    base = Inputs(Path(units), Path(totals), Path(scope_file))
    try:
        report = run(variant, base, int(repeats), Path(record), server[0] if server else None)
    except ImportError as error:
        report = {"name": variant, "error": f"{type(error).__name__}: {error}"}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
