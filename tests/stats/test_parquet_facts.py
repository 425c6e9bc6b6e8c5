"""A Parquet file's statistics let the engine skip checks that cannot fail; the figures
must be the same as when every row is checked, and a rule broken must still be found."""

from pathlib import Path

import duckdb
import pytest

from cnvh.stats import EstimateOptions, InputError, estimate, load_scope
from cnvh.stats.result import Estimate

from .files import totals, unit, write_csv

GRDP = {2023: 10_000.0}


def parquet(path: Path, select: str) -> Path:
    """A typed Parquet file, as a program writes one (not via CSV)."""
    con = duckdb.connect()
    con.execute(f"COPY ({select}) TO '{path}' (FORMAT parquet)")
    con.close()
    return path


UNITS = """
    SELECT * FROM (VALUES
        ('a', 2023, '5912', '00004', 100.0, 2.0, 10),
        ('b', 2023, '5610', '00004', 400.0, 1.0, 4),
        ('c', 2023, '7310', '00008', 50.0, 3.0, 2)
    ) t(unit_id, year, code, area, value_added, weight, employment)
"""


def _run(
    tmp_path: Path, units: Path, scope_file: Path, by: tuple[str, ...] = ("sector",)
) -> Estimate:
    return estimate(
        load_scope(scope_file),
        units=units,
        totals=totals(tmp_path / "t.csv", GRDP),
        options=EstimateOptions(by=by, bootstrap=0),
    )


def test_a_typed_file_gives_the_figures_of_the_same_rows_in_csv(
    tmp_path: Path, scope_file: Path
) -> None:
    by_area = ("sector", "area")
    typed = _run(tmp_path, parquet(tmp_path / "u.parquet", UNITS), scope_file, by_area)
    con = duckdb.connect()
    rows = [
        dict(
            zip(
                ["unit_id", "year", "code", "area", "value_added", "weight", "employment"],
                r,
                strict=True,
            )
        )
        for r in con.execute(UNITS).fetchall()
    ]
    text = _run(tmp_path, write_csv(tmp_path / "u.csv", rows), scope_file, by_area)
    assert typed.rows == text.rows
    assert typed.total(2023).value_added == pytest.approx(200 + 100 + 0)  # 5912 x2, 5610 25%


def test_a_typed_file_with_missing_value_added_still_imputes(
    tmp_path: Path, scope_file: Path
) -> None:
    units = parquet(
        tmp_path / "u.parquet",
        """
        SELECT * FROM (VALUES
            ('a', 2023, '5912', 30.0, 100.0),
            ('b', 2023, '5912', NULL, 200.0)
        ) t(unit_id, year, code, value_added, revenue)
    """,
    )
    result = _run(tmp_path, units, scope_file)
    assert result.total(2023).value_added == pytest.approx(30 + 200 * 0.3)


@pytest.mark.parametrize(
    ("values", "problem", "column"),
    [
        ("('a', 2023, '5912', 'nan'::DOUBLE, 1.0, 1)", "not_a_number", "value_added"),
        ("('a', 2023, '5912', 'inf'::DOUBLE, 1.0, 1)", "not_a_number", "value_added"),
        ("('a', 2023, '5912', 1.0, -2.0, 1)", "weight_not_positive", "weight"),
        ("('a', 2023, '5912', 1.0, 1.0, -1)", "negative", "employment"),
        ("('a', 1850, '5912', 1.0, 1.0, 1)", "not_a_year", "year"),
        ("('', 2023, '5912', 1.0, 1.0, 1)", "empty_value", "unit_id"),
    ],
)
def test_a_broken_rule_in_a_typed_file_is_found(
    tmp_path: Path, scope_file: Path, values: str, problem: str, column: str
) -> None:
    units = parquet(
        tmp_path / "u.parquet",
        f"""
        SELECT * FROM (VALUES ('z', 2023, '5913', 5.0, 1.0, 1), {values})
        t(unit_id, year, code, value_added, weight, employment)
    """,
    )
    with pytest.raises(InputError) as error:
        _run(tmp_path, units, scope_file)
    assert [(p.code, p.row, p.column) for p in error.value.problems] == [(problem, 2, column)]


def test_duplicates_are_found_in_a_typed_file(tmp_path: Path, scope_file: Path) -> None:
    units = parquet(
        tmp_path / "u.parquet",
        """
        SELECT 'u' || (i % 5000) AS unit_id, 2023 AS year, '5912' AS code, 1.0 AS value_added
        FROM range(5001) t(i)
    """,
    )
    with pytest.raises(InputError) as error:
        _run(tmp_path, units, scope_file)
    [problem] = error.value.problems
    assert (problem.code, problem.row, problem.params["unit_id"]) == (
        "duplicate_unit_year",
        1,
        "u0",
    )


def test_without_the_duplicate_check_a_checked_file_is_trusted(
    tmp_path: Path, scope_file: Path
) -> None:
    units = write_csv(tmp_path / "u.csv", [unit("a", "5912", 1.0), unit("b", "5912", 2.0)])
    result = estimate(
        load_scope(scope_file),
        units=units,
        totals=totals(tmp_path / "t.csv", GRDP),
        options=EstimateOptions(check_duplicates=False, bootstrap=0),
    )
    assert result.total(2023).value_added == 3.0


def test_sampled_rows_are_counted_from_the_statistics_or_the_rows(
    tmp_path: Path, scope_file: Path
) -> None:
    """Two of three rows in 2023 and one of two in 2024 have a stratum: 3 sampled rows
    in all, read from the file's null counts; 2 in 2023 alone, counted row by row."""
    units = parquet(
        tmp_path / "u.parquet",
        """
        SELECT * FROM (VALUES
            ('a', 2023, '5912', 100.0, 2.0, 'hh'),
            ('b', 2023, '5912', 100.0, 2.0, 'hh'),
            ('c', 2023, '5912', 100.0, 1.0, NULL),
            ('a', 2024, '5912', 100.0, 2.0, 'hh'),
            ('c', 2024, '5912', 100.0, 1.0, NULL)
        ) t(unit_id, year, code, value_added, weight, stratum)
    """,
    )
    grdp = totals(tmp_path / "t.csv", {2023: 10_000.0, 2024: 10_000.0})

    def sampled(years: tuple[int, ...] | None) -> int:
        result = estimate(
            load_scope(scope_file),
            units=units,
            totals=grdp,
            options=EstimateOptions(bootstrap=0, years=years),
        )
        return int(result.provenance["value_added"]["sampled_rows"])

    assert sampled(None) == 3
    assert sampled((2023,)) == 2
