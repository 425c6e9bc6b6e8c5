"""The pass over the data gives the same estimates on PostgreSQL as on DuckDB.

Each input is estimated twice, once all in DuckDB and once with the pass over the
units run by a PostgreSQL server (cnvh.stats.postgres), and the two are compared row
by row: the sums of every cell, then every figure of the estimate. The server is
CNVH_TEST_DATABASE_URL (`eval "$(.ci/postgres)"` starts one); CI always has it.
"""

import math
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest

from cnvh.cli import main
from cnvh.stats import EstimateOptions, InputError, estimate, load_scope
from cnvh.stats.cells import build_unit_cells
from cnvh.stats.postgres import build_unit_cells_on_postgres
from cnvh.stats.problems import ProblemList
from cnvh.stats.result import Estimate
from cnvh.stats.sources import read_source

from .files import totals, write_csv


@pytest.fixture(scope="module")
def server() -> Iterator[psycopg.Connection[Any]]:
    url = os.environ.get("CNVH_TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CNVH_TEST_DATABASE_URL is not set on CI: .ci/run starts PostgreSQL")
        pytest.skip('no PostgreSQL server: set CNVH_TEST_DATABASE_URL (eval "$(.ci/postgres)")')
    with psycopg.connect(url, autocommit=True) as connection:
        yield connection


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    assert main(["demo-data", "--output", str(directory), "--units", "2000"]) == 0
    return directory


def same(left: Any, right: Any) -> bool:
    """Equal; floats to 12 significant digits, the freedom a floating-point sum has in
    the order it adds its terms."""
    if isinstance(left, float) and isinstance(right, float):
        return (math.isnan(left) and math.isnan(right)) or math.isclose(
            left, right, rel_tol=1e-12, abs_tol=1e-9
        )
    return left == right


def assert_same_rows(ours: list[tuple[Any, ...]], theirs: list[tuple[Any, ...]]) -> None:
    assert len(ours) == len(theirs)
    for left, right in zip(ours, theirs, strict=True):
        assert len(left) == len(right)
        assert all(same(a, b) for a, b in zip(left, right, strict=True)), (left, right)


def rows_of(result: Estimate) -> list[tuple[Any, ...]]:
    return [tuple(asdict(row).values()) for row in result.rows]


def both_ways(server: Any, **arguments: Any) -> tuple[Estimate, Estimate]:
    return estimate(**arguments), estimate(**arguments, server=server)


def cells(units: Path, server: Any | None, by_area: bool) -> list[tuple[Any, ...]]:
    con = duckdb.connect()
    problems = ProblemList()
    source = read_source(con, units, "units", problems)
    assert source is not None
    options: dict[str, Any] = {"years": None, "by_area": by_area, "data_classification": "VSIC2018"}
    if server is None:
        build_unit_cells(con, source, problems=problems, **options)
    else:
        build_unit_cells_on_postgres(con, source, server, problems=problems, **options)
    assert not problems
    found = con.execute("SELECT * FROM cells ORDER BY year, raw_code, area, cls").fetchall()
    con.close()
    return found


@pytest.mark.parametrize("name", ["units.csv", "units.parquet"])
@pytest.mark.parametrize("by_area", [False, True])
def test_the_cell_sums_are_the_same(server: Any, demo: Path, name: str, by_area: bool) -> None:
    duck = cells(demo / name, None, by_area)
    assert len(duck) > 100
    assert_same_rows(duck, cells(demo / name, server, by_area))


@pytest.mark.parametrize("scope", ["hanoi-plan", "fcs-core", "dcms-creative"])
@pytest.mark.parametrize("name", ["units.csv", "units.parquet"])
def test_every_figure_of_the_demo_estimate_is_the_same(
    server: Any, demo: Path, scope: str, name: str
) -> None:
    options = EstimateOptions(
        by=("sector", "area"),
        area_crosswalk=demo / "area-crosswalk.csv",
        bootstrap=20,
        seed=7,
    )
    duck, postgres = both_ways(
        server,
        scope=load_scope(scope),
        units=demo / name,
        totals=demo / "totals.csv",
        options=options,
    )
    assert len(duck.rows) > 100
    assert any(row.share_ci_low is not None for row in duck.rows)
    # The provenance says which database ran the pass.
    assert duck.provenance["pass_database"]["name"] == "duckdb"
    assert postgres.provenance["pass_database"]["name"] == "postgresql"
    assert_same_rows(rows_of(duck), rows_of(postgres))


# Units as people type them: numbers as text with spaces, exponents and digit groups,
# value added derived or imputed from revenue, sampling weights, years written 2024.0.
TYPED_BY_HAND = [
    {"unit_id": "a", "year": "2024", "code": "59.11", "area": "00004", "value_added": " 1000 ",
     "employment": "10"},
    {"unit_id": "b", "year": "2024.0", "code": "5610", "area": "00004", "output": "5e2",
     "intermediate_consumption": "300", "employment": "20"},
    {"unit_id": "c", "year": "2024", "code": "7310", "area": "00008", "revenue": "400",
     "employment": "4"},
    {"unit_id": "d", "year": "2024", "code": "7310", "area": "00008", "value_added": "90",
     "revenue": "300", "employment": "3", "weight": "2"},
    {"unit_id": "e", "year": "2023", "code": "9000", "area": "00008", "value_added": "1_250.5",
     "employment": "7", "weight": "1.5"},
    {"unit_id": "f", "year": "2023", "code": "5911", "area": "00004", "revenue": "800",
     "employment": ""},
    {"unit_id": "f", "year": "2024", "code": "5911", "area": "00004", "value_added": "-12.25"},
]  # fmt: skip


def test_the_same_from_numbers_typed_by_hand(server: Any, tmp_path: Path) -> None:
    units = write_csv(tmp_path / "units.csv", TYPED_BY_HAND)
    totals_file = totals(tmp_path / "totals.csv", {2023: 90_000.0, 2024: 100_000.0})
    for by in [("sector",), ("sector", "area")]:
        duck, postgres = both_ways(
            server,
            scope=load_scope("hanoi-plan"),
            units=units,
            totals=totals_file,
            options=EstimateOptions(by=by),
        )
        assert_same_rows(rows_of(duck), rows_of(postgres))
    assert duck.total(2024).value_added == pytest.approx(1000 + 40 + 120 + 180 - 12.25)


def test_the_same_problems_for_broken_rows(server: Any, tmp_path: Path) -> None:
    broken = [
        *TYPED_BY_HAND,
        {"unit_id": "x", "year": "20x4", "code": "5911", "value_added": "1"},
        {"unit_id": "y", "year": "2024", "code": "5911", "value_added": "0x10"},
        {"unit_id": "z", "year": "2024", "code": "", "value_added": "5", "weight": "0"},
    ]
    units = write_csv(tmp_path / "units.csv", broken)
    totals_file = totals(tmp_path / "totals.csv", {2023: 90_000.0, 2024: 100_000.0})
    messages = []
    for where in (None, server):
        with pytest.raises(InputError) as raised:
            estimate(load_scope("hanoi-plan"), units=units, totals=totals_file, server=where)
        messages.append([problem.to_dict() for problem in raised.value.problems])
    assert messages[0] == messages[1]
    assert {problem["code"] for problem in messages[0]} >= {
        "not_a_year",
        "not_a_number",
        "weight_not_positive",
        "empty_value",
    }
