"""`make bench`: time the engine against hand-written DuckDB SQL and pandas on 10M rows.

Builds the data in a temporary directory, runs each implementation in its own
process (best of 3 for the engine and SQL, 1 run of pandas), checks that all
three give the same rows to a relative 1e-9, and prints wall time and peak
memory. The last two lines are `ratio engine/sql: X.XX` and
`ratio pandas/engine: X.XX`. Targets: engine ≤ 1.3 × SQL, pandas ≥ 10 × engine,
peak memory < 2 GB each.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import data
from bench.compare import differences
from cnvh.demo.scope import read_scope, scope_path

DEFAULT_ROWS = 10_000_000
REPEATS = {"engine": 3, "engine-checked-data": 3, "sql": 3, "pandas": 1}
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
    return parser.parse_args(argv)


def _run_child(name: str, units: Path, totals: Path, scope: Path, repeats: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.child", name, str(units), str(totals), str(scope)]
    done = subprocess.run(
        [*command, str(repeats)], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"name": name, "error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def _best(report: dict[str, Any]) -> float | None:
    return min(report["times"]) if "times" in report else None


def _print_report(report: dict[str, Any]) -> None:
    name = report["name"]
    if "error" in report:
        print(f"{name:<19} not run: {report['error']}")
        return
    times = ", ".join(f"{t:.3f}" for t in report["times"])
    print(
        f"{name:<19} best {min(report['times']):8.3f} s  (runs: {times})  "
        f"peak memory {report['peak_rss'] / 2**20:8.1f} MiB"
    )
    if report.get("phases"):
        phases = ", ".join(
            f"{phase} {seconds:.3f} s" for phase, seconds in report["phases"].items()
        )
        print(f"        engine's phases, last run: {phases}")


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or denominator is None or denominator == 0:
        return "n/a"
    return f"{numerator / denominator:.2f}"


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


def run(rows: int, scope: Path, repeats: int | None = None) -> tuple[dict[str, Any], bool]:
    with tempfile.TemporaryDirectory(prefix="cnvh-bench-") as directory:
        units, totals = Path(directory) / "units.parquet", Path(directory) / "totals.csv"
        started = time.perf_counter()
        data.write_units(units, rows, read_scope(scope))
        data.write_totals(totals)
        print(f"built {rows:,} unit-year rows in {time.perf_counter() - started:.1f} s")
        reports = {
            name: _run_child(name, units, totals, scope, repeats or default)
            for name, default in REPEATS.items()
        }
    for report in reports.values():
        _print_report(report)
    return reports, _check(reports)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    reports, agree = run(args.rows, args.scope, args.repeats)
    engine, sql, pandas = (_best(reports[name]) for name in ("engine", "sql", "pandas"))
    checked = _best(reports["engine-checked-data"])
    print(f"ratio engine (units already checked)/sql: {_ratio(checked, sql)}")
    print(f"ratio engine/sql: {_ratio(engine, sql)}")
    print(f"ratio pandas/engine: {_ratio(pandas, engine)}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
