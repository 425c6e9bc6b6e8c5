"""Confidence intervals where units were sampled."""

from pathlib import Path

import pytest

from .files import run, unit

GRDP = {2023: 10_000.0}


def _sample(size: int) -> list[dict[str, object]]:
    return [unit(f"s{i}", "5912", float(10 * (i + 1)), weight=5, stratum="h1") for i in range(size)]


def test_two_units_in_a_stratum_give_the_two_possible_replicates(
    tmp_path: Path, scope_file: Path
) -> None:
    # One draw of the two, weight rescaled by 2/1: the total is 2 x 5 x 10 or 2 x 5 x 20.
    units = [
        unit("a", "5912", 10.0, weight=5, stratum="h"),
        unit("b", "5912", 20.0, weight=5, stratum="h"),
    ]
    result = run(tmp_path, units, GRDP, scope_file, bootstrap=400)
    total = result.total(2023)
    assert total.share == pytest.approx(150 / 10_000)
    assert total.share_ci_low == pytest.approx(100 / 10_000)
    assert total.share_ci_high == pytest.approx(200 / 10_000)


def test_units_taken_whole_have_no_sampling_error(tmp_path: Path, scope_file: Path) -> None:
    units = [*_sample(6), unit("census", "5913", 1000.0)]
    result = run(tmp_path, units, GRDP, scope_file, bootstrap=200)
    film = result.cell(2023, "film")
    assert film.share_ci_low is not None and film.share_ci_high is not None
    assert film.share is not None
    assert film.share_ci_low < film.share < film.share_ci_high
    # The census unit shifts the interval without widening it.
    width = film.share_ci_high - film.share_ci_low
    alone = run(tmp_path, _sample(6), GRDP, scope_file, bootstrap=200).cell(2023, "film")
    assert alone.share_ci_high is not None and alone.share_ci_low is not None
    assert width == pytest.approx(alone.share_ci_high - alone.share_ci_low)


def test_the_seed_makes_intervals_reproducible(tmp_path: Path, scope_file: Path) -> None:
    first = run(tmp_path, _sample(8), GRDP, scope_file, bootstrap=100, seed=7).total(2023)
    again = run(tmp_path, _sample(8), GRDP, scope_file, bootstrap=100, seed=7).total(2023)
    other = run(tmp_path, _sample(8), GRDP, scope_file, bootstrap=100, seed=8).total(2023)
    assert (first.share_ci_low, first.share_ci_high) == (again.share_ci_low, again.share_ci_high)
    assert (first.share_ci_low, first.share_ci_high) != (other.share_ci_low, other.share_ci_high)


def test_replicates_and_seed_are_stated(tmp_path: Path, scope_file: Path) -> None:
    result = run(tmp_path, _sample(4), GRDP, scope_file, bootstrap=None, seed=11)
    stated = result.provenance["bootstrap"]
    assert (stated["replicates"], stated["seed"], stated["confidence"]) == (200, 11, 0.95)
    assert stated["sampled_rows"] == 4 and stated["strata"] == 1


def test_no_interval_without_sampled_units(tmp_path: Path, scope_file: Path) -> None:
    result = run(tmp_path, [unit("a", "5912", 10.0)], GRDP, scope_file, bootstrap=None)
    assert result.total(2023).share_ci_low is None
    assert result.provenance["bootstrap"] is None
