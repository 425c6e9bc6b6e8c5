"""`make bench`: time the engine against hand-written DuckDB SQL and pandas on 10M rows.

Builds the data in a temporary directory and runs each variant in its own process:
hand-written SQL, the engine on files it never saw (a first run: it hashes them and
checks each unit once a year), the engine on files its record shows it checked (same
path, inode, size, times and content sample: see cnvh.stats.checked), pandas, and,
given a PostgreSQL server, the engine with its pass run there. Best of 3 for SQL and
the engine, 1 run of pandas and of PostgreSQL. SQL, the first run and the run on
checked files take turns, in ROUNDS rounds of one process each, so that a moment when
the machine is busier with other work falls on all three alike rather than on one;
each keeps its best run of all rounds. Checks that all give the same rows to a
relative 1e-9, prints wall time and peak memory, then the ratios:

    ratio engine/sql (first run): X        target ≤ 2.0
    ratio engine/sql (checked files): X    target ≤ 1.3
    ratio pandas/engine: X                 target ≥ 10 (on the first run)
    ratio peak memory engine/sql: X        target ≤ 1.5 (the first run's)

`make bench ROWS=100000000` runs the same at 100M rows; pandas is left out when it
would not fit in memory, PostgreSQL above 10M rows (its copy of the data is slow).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import data
from bench.compare import differences
from bench.report import merge, print_ratios, print_report, run_child
from cnvh.demo.scope import read_scope, scope_path

DEFAULT_ROWS = 10_000_000
REPEATS = {"sql": 3, "engine": 3, "engine-checked": 3, "pandas": 1, "engine-postgres": 1}
ROUNDS = 3
TAKING_TURNS = ("sql", "engine", "engine-checked")
PANDAS_BYTES_PER_ROW = 200  # its peak is 1.6 GiB at 10M rows; a margin on top
POSTGRES_MAX_ROWS = 10_000_000
REPO_ROOT = Path(__file__).resolve().parent.parent


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.engine", description=__doc__)
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="unit-year rows")
    parser.add_argument(
        "--scope",
        type=Path,
        default=scope_path("hanoi-plan"),
        help="scope CSV for the SQL and pandas versions (the engine loads hanoi-plan itself)",
    )
    parser.add_argument("--repeats", type=int, default=None, help="runs of engine and SQL")
    parser.add_argument(
        "--rounds", type=int, default=ROUNDS, help="turns of SQL, first run and checked files"
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("CNVH_BENCH_DATABASE_URL")
        or os.environ.get("CNVH_TEST_DATABASE_URL"),
        help="PostgreSQL URL for the engine's pass (default: $CNVH_TEST_DATABASE_URL)",
    )
    parser.add_argument(
        "--shuffled",
        action="store_true",
        help="rows in no order: each unit once a year is then checked by sorting hashes",
    )
    return parser.parse_args(argv)


def _available_memory() -> int:
    """MemAvailable: what can be used without swapping (all memory where unknown)."""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return sys.maxsize


def _variants(args: argparse.Namespace) -> dict[str, str]:
    """Variant -> why it is not run ("" when it is)."""
    skipped = dict.fromkeys(REPEATS, "")
    # Over half the memory left, it would squeeze the other work on the machine too.
    if args.rows * PANDAS_BYTES_PER_ROW > _available_memory() // 2:
        skipped["pandas"] = (
            f"it would need about {args.rows * PANDAS_BYTES_PER_ROW / 2**30:.0f} GiB, "
            "over half the memory available"
        )
    if not args.postgres:
        skipped["engine-postgres"] = "no server: set CNVH_TEST_DATABASE_URL or --postgres"
    elif args.rows > POSTGRES_MAX_ROWS:
        skipped["engine-postgres"] = f"only up to {POSTGRES_MAX_ROWS:,} rows"
    return skipped


def _check(reports: dict[str, dict[str, Any]]) -> bool:
    done = {name: r["rows"] for name, r in reports.items() if "rows" in r}
    if "sql" not in done:
        print("cannot compare: the SQL version did not run")
        return False
    agree = True
    for name, rows in done.items():
        if name == "sql":
            continue
        problems = differences(done["sql"], rows)
        agree = agree and not problems
        verdict = "agrees" if not problems else f"DISAGREES ({len(problems)} differences)"
        print(f"{name} {verdict} with sql on {len(done['sql'])} rows")
        for problem in problems[:10]:
            print(f"  {problem}")
    return agree


def _records(folder: Path, turn: int) -> dict[str, Path]:
    """Where each variant keeps its record of checked files in round `turn`: the first
    run a new one in every round and repetition (files it never saw), the run on
    checked files the one the first round's first repetition filled."""
    return {
        "engine": folder / "record" / f"round-{turn}",
        "engine-postgres": folder / "record-postgres",
        "engine-checked": folder / "record" / "round-0" / "first-0",
    }


def _measure(
    args: argparse.Namespace, skipped: dict[str, str], folder: Path, units: Path, totals: Path
) -> dict[str, dict[str, Any]]:
    reports: dict[str, dict[str, Any]] = {}
    for name in REPEATS:
        if skipped[name]:
            reports[name] = {"name": name, "error": skipped[name]}
    turns = [(t, name) for t in range(args.rounds) for name in TAKING_TURNS]
    turns += [(0, name) for name in REPEATS if name not in TAKING_TURNS]
    for turn, name in turns:
        if skipped[name]:
            continue
        record = _records(folder, turn).get(name, folder / "unused")
        server = [args.postgres] if name == "engine-postgres" else []
        repeats = args.repeats or REPEATS[name]
        command = [name, units, totals, args.scope, repeats, record, *server]
        report = run_child([str(part) for part in command], REPO_ROOT)
        reports[name] = merge(reports[name], report) if name in reports else report
    return reports


def run(args: argparse.Namespace) -> tuple[dict[str, Any], bool]:
    skipped = _variants(args)
    with tempfile.TemporaryDirectory(prefix="cnvh-bench-") as directory:
        folder = Path(directory)
        units, totals = folder / "units.parquet", folder / "totals.csv"
        started = time.perf_counter()
        data.write_units(units, args.rows, read_scope(args.scope), shuffled=args.shuffled)
        data.write_totals(totals)
        # The new file's pages go to disk now, not in the background of the first
        # timings, which would otherwise share the cores with the kernel's writeback.
        os.sync()
        order = "in order of unit and year" if data.in_order(units) else "in no order"
        print(
            f"built {args.rows:,} unit-year rows ({units.stat().st_size / 2**20:,.0f} MiB, "
            f"{order}) in {time.perf_counter() - started:.1f} s"
        )
        reports = _measure(args, skipped, folder, units, totals)
    for name in REPEATS:
        print_report(reports[name])
    return reports, _check(reports)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    reports, agree = run(args)
    print_ratios(reports)
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
