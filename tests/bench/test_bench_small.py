"""The benchmark harness on ~20,000 rows: the engine, hand-written SQL and pandas agree.

No timing is asserted here; speed is measured only by `make bench`.
"""

import subprocess
import sys
from pathlib import Path

from bench.compare import differences
from bench.engine import REPO_ROOT

ROWS = 20_000


def test_three_implementations_agree_on_a_small_run() -> None:
    command = [sys.executable, "-m", "bench.engine", "--rows", str(ROWS), "--repeats", "1"]
    command += ["--rounds", "2"]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    for variant in ("engine", "engine-checked", "pandas"):
        assert f"{variant} agrees with sql on 98 rows" in lines
    # The first run hashed the units and checked them; the second took both from the record.
    assert "units hashed in full; each unit once a year: checked" in done.stdout
    assert "units checksum from the record; each unit once a year: recorded" in done.stdout
    # SQL, the first run and the checked files took turns: one run in each of 2 rounds.
    for variant in ("sql", "engine", "engine-checked"):
        [line] = [line for line in lines if line.startswith(f"{variant:<16} best")]
        assert len(line.split("(runs: ")[1].split(")")[0].split(", ")) == 2, line
    ratios = [line.split(":")[0] for line in lines[-4:]]
    assert ratios == [
        "ratio peak memory engine/sql",
        "ratio engine/sql (first run)",
        "ratio engine/sql (checked files)",
        "ratio pandas/engine",
    ]


def test_differences_are_found() -> None:
    row = {"year": 2024, "sector": "design", "value_added": 1.0, "employment": 2.0}
    row |= {"establishments": 3.0, "share": 0.01}
    assert differences([row], [dict(row)]) == []
    assert differences([row], [row | {"value_added": 1.0 + 1e-12}]) == []
    changed = differences([row], [row | {"value_added": 1.0 + 1e-6}])
    assert len(changed) == 1 and "value_added" in changed[0]
    assert differences([row], [row | {"sector": None}]) == [
        "missing row (2024, 'design')",
        "extra row (2024, None)",
    ]


def test_repo_root_holds_the_bench_package() -> None:
    assert (REPO_ROOT / "bench" / "__init__.py").exists()
    assert Path(__file__).resolve().is_relative_to(REPO_ROOT)
