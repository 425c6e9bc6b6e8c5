"""Running one variant in its own process, and printing what it measured."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def run_child(arguments: list[str], cwd: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.child", *arguments]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"name": arguments[0], "error": done.stderr.strip().splitlines()[-1:] or "failed"}
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def merge(earlier: dict[str, Any], later: dict[str, Any]) -> dict[str, Any]:
    """One variant's reports from several rounds as one: all runs, the highest peak of
    memory, the rows and the engine's account of the last round."""
    if "error" in earlier or "error" in later:
        return later if "error" in later else earlier
    return {
        **later,
        "times": earlier["times"] + later["times"],
        "cpu": earlier["cpu"] + later["cpu"],
        "peak_rss": max(earlier["peak_rss"], later["peak_rss"]),
    }


def best(report: dict[str, Any], measure: str = "times") -> float | None:
    return min(report[measure]) if measure in report else None


def print_report(report: dict[str, Any]) -> None:
    name = report["name"]
    if "error" in report:
        print(f"{name:<16} not run: {report['error']}")
        return
    times = ", ".join(f"{t:.3f}" for t in report["times"])
    print(
        f"{name:<16} best {min(report['times']):8.3f} s  (runs: {times})  "
        f"processor {min(report['cpu']):7.3f} s  peak memory {report['peak_rss'] / 2**20:8.1f} MiB"
    )
    engine = report.get("engine")
    if engine:
        phases = ", ".join(
            f"{phase} {seconds:.3f} s" for phase, seconds in engine["phases"].items()
        )
        database = engine["database"]
        hashed = "hashed in full" if engine["checksum_computed"] else "checksum from the record"
        print(
            f"        pass on {database['name']} {database['version']}; units {hashed}; "
            f"each unit once a year: {engine['unit_year_check']}"
        )
        print(f"        phases, last run: {phases}")


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or denominator is None or denominator == 0:
        return "n/a"
    return f"{numerator / denominator:.2f}"


def print_ratios(reports: dict[str, dict[str, Any]]) -> None:
    sql, first, checked, pandas = (
        best(reports[name]) for name in ("sql", "engine", "engine-checked", "pandas")
    )
    memory = {name: reports[name].get("peak_rss") for name in ("engine", "sql")}
    cpu = {name: best(reports[name], "cpu") for name in ("sql", "engine", "engine-checked")}
    print(
        f"processor time engine/sql (first run): {_ratio(cpu['engine'], cpu['sql'])}, "
        f"(checked files): {_ratio(cpu['engine-checked'], cpu['sql'])}"
    )
    print(f"ratio peak memory engine/sql: {_ratio(memory['engine'], memory['sql'])}")
    print(f"ratio engine/sql (first run): {_ratio(first, sql)}")
    print(f"ratio engine/sql (checked files): {_ratio(checked, sql)}")
    print(f"ratio pandas/engine: {_ratio(pandas, first)}")
