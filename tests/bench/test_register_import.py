"""The register import benchmark on a few enterprises: its workbook is a register the
import takes whole, and it says what it measured. No timing is asserted here; speed is
measured only by `make bench`."""

import subprocess
import sys
from pathlib import Path

import pytest
from stdnum.vn import mst

from bench import register_import
from cnvh.enterprises import identity
from cnvh.enterprises.imports import check_register


def test_the_synthetic_codes_are_valid_and_distinct() -> None:
    codes = register_import.tax_codes(300)
    assert len(set(codes)) == 300
    assert all(mst.is_valid(code) for code in codes)


@pytest.mark.django_db
def test_the_workbook_passes_the_imports_checks(tmp_path: Path) -> None:
    path = register_import.write_workbook(tmp_path / "dang-ky.xlsx", 60)
    assert check_register(path).items == []
    made = register_import.rows(60)
    # Every 20th row a branch of the enterprise above it, every 20th a household.
    assert [row[0] for row in made[18:20]] == [made[18][0], f"{made[18][0]}-001"]
    assert identity.is_personal(str(made[9][0])) and made[9][2] == "Hộ kinh doanh"


def test_the_benchmark_imports_its_workbook_and_prints_its_figures() -> None:
    command = [sys.executable, "-m", "bench.register_import", "--enterprises", "40"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("register workbook of 40 enterprises: ")
    assert lines[0].endswith("40 rows, 40 enterprises saved")
    assert lines[1].startswith("register import: check ") and lines[1].endswith(" rows/s")
    assert lines[2].startswith("register import peak memory: ")
