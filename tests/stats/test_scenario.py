"""Scenarios against figures computed by hand (docs/methods.md §11)."""

from pathlib import Path

import pytest

from cnvh.stats import InputError
from cnvh.stats.scenario import ScenarioParams, compound_growth, growth_alone, scenario

from .files import run, unit
from .scenario_files import example_estimate, sampled_film_estimate

GAMMA = 1.07**5  # GRDP growth 2025 -> 2030 at 7% a year
FILM_2025, TV_2025 = 1610.51 / 100_000, 389.49 / 100_000


def params(**changes: object) -> ScenarioParams:
    values: dict[str, object] = {
        "base_year": 2025,
        "target_year": 2030,
        "target_share": 0.04,
        "grdp_growth": 0.07,
    }
    values.update(changes)
    return ScenarioParams(**values)  # type: ignore[arg-type]


def test_required_growth_of_the_total_and_of_each_sector(tmp_path: Path) -> None:
    made = scenario(example_estimate(tmp_path), params())
    # share 2025 = 2,000 / 100,000 = 0.02; (1 + 0.07) · (0.04 / 0.02)^(1/5) − 1
    required = 1.07 * 2 ** (1 / 5) - 1
    assert required == pytest.approx(0.2291072398)
    total = made.row(None)
    assert total.base_value_added == pytest.approx(2000)
    assert total.base_share == pytest.approx(0.02)
    assert total.required_growth == pytest.approx(required)
    assert [row.required_growth for row in made.rows] == pytest.approx([required] * 3)
    assert [row.sector for row in made.rows] == [None, "film", "tv"]


def test_trend_and_projected_share(tmp_path: Path) -> None:
    made = scenario(example_estimate(tmp_path), params())
    film, tv, total = made.row("film"), made.row("tv"), made.row(None)
    assert film.trend_growth == pytest.approx(0.10)  # (1,610.51 / 1,000)^(1/5) − 1
    assert tv.trend_growth == pytest.approx(0.0)
    assert total.trend_growth == pytest.approx((2000 / 1389.49) ** (1 / 5) - 1)
    assert film.projected_share == pytest.approx(FILM_2025 * 1.1**5 / GAMMA)  # 0.018493
    assert tv.projected_share == pytest.approx(TV_2025 / GAMMA)  # 0.002777
    assert total.projected_share == pytest.approx(0.018493025 + 0.002777010)
    assert film.projected_share_ci_low is None  # nothing was sampled


def test_growth_each_sector_needs_alone(tmp_path: Path) -> None:
    made = scenario(example_estimate(tmp_path), params())
    tv_trend, film_trend = TV_2025 / GAMMA, FILM_2025 * 1.1**5 / GAMMA
    film_alone = ((0.04 - tv_trend) * GAMMA / FILM_2025) ** (1 / 5) - 1
    tv_alone = ((0.04 - film_trend) * GAMMA / TV_2025) ** (1 / 5) - 1
    assert made.row("film").required_growth_alone == pytest.approx(film_alone)
    assert made.row("tv").required_growth_alone == pytest.approx(tv_alone)
    assert (film_alone, tv_alone) == pytest.approx((0.26518, 0.50591), abs=1e-5)
    # Check the solution: film at that rate plus tv on its trend reach exactly 4%.
    assert FILM_2025 * (1 + film_alone) ** 5 / GAMMA + tv_trend == pytest.approx(0.04)


def test_no_growth_is_needed_of_a_sector_the_others_carry() -> None:
    assert growth_alone(0.01, others=0.05, target=0.04, factor=1.3, years=5) is None
    assert growth_alone(0.01, others=0.03, target=0.04, factor=1.0, years=1) == pytest.approx(0)
    assert compound_growth(0.0, 10.0, 3) is None
    assert compound_growth(100.0, 121.0, 2) == pytest.approx(0.1)


def test_a_grdp_projection_instead_of_a_rate(tmp_path: Path) -> None:
    # GRDP up 50% over five years: required = (1.5 · 0.04 / 0.02)^(1/5) − 1 = 3^(1/5) − 1
    path = {2025: 100.0, 2026: 108.0, 2027: 115.0, 2028: 125.0, 2029: 140.0, 2030: 150.0}
    made = scenario(example_estimate(tmp_path), params(grdp_growth=None, grdp_path=path))
    assert made.row(None).required_growth == pytest.approx(3 ** (1 / 5) - 1)
    assert made.grdp_growth == pytest.approx(1.5 ** (1 / 5) - 1)
    # tv stays at 389.49 while GRDP is up 25% in 2028: 0.0038949 / 1.25
    assert made.share_in(2028, "tv") == pytest.approx(TV_2025 / 1.25)


def test_the_path_under_assumed_sector_growth(tmp_path: Path) -> None:
    made = scenario(example_estimate(tmp_path), params(sector_growth={"tv": 0.2}))
    # tv assumed +20% a year, film on its 10% trend, GRDP +7%
    for year in range(2025, 2031):
        k = year - 2025
        tv = TV_2025 * 1.2**k / 1.07**k
        film = FILM_2025 * 1.1**k / 1.07**k
        assert made.share_in(year, "tv") == pytest.approx(tv)
        assert made.share_in(year, None) == pytest.approx(film + tv)
    # The rows keep the trend: the assumptions change the path only.
    assert made.row("tv").projected_share == pytest.approx(TV_2025 / GAMMA)


def test_trend_from_a_later_year(tmp_path: Path, scope_file: Path) -> None:
    units = [
        unit("a", "5912", 100.0, year=2019),
        unit("a", "5912", 400.0, year=2021),
        unit("a", "5912", 800.0, year=2023),
    ]
    estimate = run(tmp_path, units, {2019: 1e4, 2021: 1e4, 2023: 2e4}, scope_file)
    both = ScenarioParams(base_year=2023, target_year=2025, target_share=0.05, grdp_growth=0.0)
    assert scenario(estimate, both).row("film").trend_growth == pytest.approx(8**0.25 - 1)
    later = ScenarioParams(
        base_year=2023, target_year=2025, target_share=0.05, grdp_growth=0.0, trend_from=2021
    )
    made = scenario(estimate, later)
    assert made.row("film").trend_growth == pytest.approx(2**0.5 - 1)
    assert made.trend_from == 2021
    # 800 / 20,000 = 4% growing by √2 a year for two years: 8%
    assert made.row("film").projected_share == pytest.approx(0.08)


def test_projected_share_interval_from_the_bootstrap(tmp_path: Path, scope_file: Path) -> None:
    estimate = sampled_film_estimate(tmp_path, scope_file)
    made = scenario(
        estimate,
        ScenarioParams(base_year=2023, target_year=2026, target_share=0.5, grdp_growth=0.0),
    )
    film, total = made.row("film"), made.row(None)
    assert film.projected_share is not None and film.projected_share_ci_low is not None
    assert film.projected_share_ci_high is not None
    # 840 → 1,260 of 10,000: growth √1.5 a year, three more years: 0.126 · 1.5^1.5
    assert film.projected_share == pytest.approx(0.126 * 1.5**1.5)
    assert film.projected_share_ci_low < film.projected_share < film.projected_share_ci_high
    assert (total.projected_share_ci_low, total.projected_share_ci_high) == pytest.approx(
        (film.projected_share_ci_low, film.projected_share_ci_high)
    )


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"target_year": 2025}, "target_year_not_after_base"),
        ({"target_share": 1.0}, "target_share_out_of_range"),
        ({"target_share": 0.0}, "target_share_out_of_range"),
        ({"grdp_growth": -1.0}, "growth_too_low"),
        ({"grdp_growth": float("nan")}, "growth_too_low"),
        ({"grdp_growth": 101.0}, "growth_too_high"),
        ({"target_year": 2126}, "horizon_too_long"),
        ({"sector_growth": {"tv": -1.5}}, "growth_too_low"),
        ({"sector_growth": {"radio": 0.1}}, "unknown_sector"),
        ({"base_year": 2024, "target_year": 2030}, "no_base_year_data"),
        ({"trend_from": 2025}, "bad_trend_from"),
        ({"trend_from": 2021}, "bad_trend_from"),
        ({"grdp_growth": None}, "no_grdp_growth"),
        ({"grdp_growth": None, "grdp_path": {2025: 1.0, 2030: 2.0}}, "grdp_year_missing"),
    ],
)
def test_bad_assumptions(tmp_path: Path, changes: dict[str, object], code: str) -> None:
    with pytest.raises(InputError) as error:
        scenario(example_estimate(tmp_path), params(**changes))
    assert [problem.code for problem in error.value.problems][:1] == [code]
    problem = error.value.problems[0]
    assert problem.message_vi != problem.message_en
    assert "Cách sửa" in problem.message_vi and "Fix" in problem.message_en


def test_a_base_share_of_zero(tmp_path: Path, scope_file: Path) -> None:
    units = [unit("a", "5912", 0.0, year=2023), unit("a", "5912", 10.0, year=2022)]
    estimate = run(tmp_path, units, {2022: 1e4, 2023: 1e4}, scope_file)
    with pytest.raises(InputError) as error:
        scenario(estimate, ScenarioParams(2023, 2025, 0.05, grdp_growth=0.05))
    assert [p.code for p in error.value.problems] == ["base_share_zero"]
    assert "bằng 0" in str(error.value) and "is 0" in str(error.value)
