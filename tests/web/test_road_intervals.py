"""The road's projected shares with their bootstrap interval, from the replicates kept
with the stored estimate: the interval the engine gives on the same data."""

from pathlib import Path

import pytest
from django.test import Client

from cnvh.estimates.store import publish, save_estimate, stored_replicates
from cnvh.presentation import road
from cnvh.stats.result import Estimate as Result
from cnvh.stats.scenario import ScenarioParams, scenario
from tests.stats.conftest import SCOPE_ROWS
from tests.stats.files import write_csv
from tests.stats.scenario_files import sampled_film_estimate
from tests.web.conftest import page

pytestmark = pytest.mark.django_db


def sampled(tmp_path: Path) -> Result:
    scope = write_csv(tmp_path / "scope.csv", SCOPE_ROWS)
    return sampled_film_estimate(tmp_path, scope)


def test_the_city_replicates_are_kept_as_the_engine_gave_them(tmp_path: Path) -> None:
    made = sampled(tmp_path)
    assert made.replicates is not None
    kept = stored_replicates(save_estimate(made, label="sampled", synthetic=True))
    assert kept is not None and kept.confidence == made.replicates.confidence == 0.95
    city = {key for key in made.replicates.index if key[2] is None}
    assert set(kept.index) == city and len(city) == 4  # 2021, 2023 × total, film
    for key in city:
        assert kept.of(key).tolist() == made.replicates.of(key).tolist()  # type: ignore[union-attr]


def test_an_estimate_without_replicates_keeps_none() -> None:
    from tests.road_data import published_road_estimate

    assert stored_replicates(published_road_estimate()) is None


def test_the_road_gives_the_engines_interval(tmp_path: Path, client: Client) -> None:
    made = sampled(tmp_path)
    stored = save_estimate(made, label="sampled", synthetic=True)
    publish(stored)
    on_road = road.road(stored, road.RoadInputs(2026, 0.5, grdp_growth=0.0))
    params = ScenarioParams(base_year=2023, target_year=2026, target_share=0.5, grdp_growth=0.0)
    direct = scenario(made, params)
    film = on_road.row("film")
    assert film.projected_share is not None
    # 840 → 1,260 of 10,000 from 2021 to 2023: √1.5 a year, three more years.
    assert film.projected_share == pytest.approx(0.126 * 1.5**1.5)
    assert film.projected_share_ci_low is not None and film.projected_share_ci_high is not None
    assert film.projected_share_ci_low < film.projected_share < film.projected_share_ci_high
    for sector in (None, "film"):
        mine, engines = on_road.row(sector), direct.row(sector)
        assert (mine.projected_share_ci_low, mine.projected_share_ci_high) == (
            engines.projected_share_ci_low,
            engines.projected_share_ci_high,
        )

    text = page(client, "/road/?target_year=2026&target_share=50&grdp_growth=0", "en")
    low, high = film.projected_share_ci_low * 100, film.projected_share_ci_high * 100
    assert f'<small class="interval">{low:.2f}%–{high:.2f}%</small>' in text
    assert "Under a share on the trend, its interval from the estimate's bootstrap" in text
