"""Run one implementation in its own process and report times, peak memory and rows as JSON.

Usage: python -m bench.child IMPLEMENTATION UNITS TOTALS SCOPE_FILE REPEATS
Its own process so that the peak resident set size belongs to it alone.
"""

import json
import resource
import sys
import time
from pathlib import Path

from bench.implementations import ENGINE_PHASES, IMPLEMENTATIONS


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


def run(name: str, units: Path, totals: Path, scope_file: Path, repeats: int) -> dict[str, object]:
    implementation = IMPLEMENTATIONS[name]
    times = []
    rows: list[dict[str, object]] = []
    for _ in range(repeats):
        started = time.perf_counter()
        rows = implementation(units, totals, scope_file)
        times.append(time.perf_counter() - started)
    report: dict[str, object] = {"name": name, "times": times, "peak_rss": peak_rss_bytes()}
    if name.startswith("engine"):
        report["phases"] = dict(ENGINE_PHASES)
    return {**report, "rows": rows}


def main(argv: list[str]) -> int:
    name, units, totals, scope_file, repeats = argv
    try:
        report = run(name, Path(units), Path(totals), Path(scope_file), int(repeats))
    except ImportError as error:
        # The engine may not be written yet; the harness says so instead of failing.
        report = {"name": name, "error": f"{type(error).__name__}: {error}"}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
