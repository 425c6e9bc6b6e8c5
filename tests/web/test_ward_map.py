"""The ward map's drawing aids: bubble sizes by area, the size legend, the names of
the largest wards and the outline of the centres when no boundaries were uploaded."""

import pytest
from django.test import Client
from django.utils import translation

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Agency
from cnvh.presentation import bubbles
from cnvh.stats.result import EstimateRow
from cnvh.web import wardmap
from tests.web.conftest import page
from tests.web.test_overview_plan import MakeEstimate, chart_data, ward


def test_diameter_grows_with_the_square_root_of_the_value() -> None:
    assert bubbles.diameter(100.0, 100.0) == 34.0
    # A quarter of the largest value: half the range of diameters, 4 + 30 × 0.5.
    assert bubbles.diameter(25.0, 100.0) == 19.0
    assert bubbles.diameter(0.0, 100.0) == 3.0


@pytest.mark.parametrize(
    ("value", "step"), [(2_500_000.0, 2_000_000.0), (625_000.0, 500_000.0), (0.9, 0.5), (7.0, 5.0)]
)
def test_legend_steps_are_one_two_or_five_times_a_power_of_ten(value: float, step: float) -> None:
    assert wardmap.round_down(value) == pytest.approx(step)


def test_outline_is_the_hull_of_the_centres_closed() -> None:
    # A square with one centre inside it: the inside one is not on the outline.
    centres = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.5, 0.5)]
    assert bubbles.outline(centres) == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]


@pytest.fixture
def three_wards(db: None, make_estimate: MakeEstimate) -> Estimate:
    result = make_estimate()
    for area, value in (("00004", 2_500_000.0), ("00008", 625_000.0), ("00012", 100_000.0)):
        result.rows.append(EstimateRow(2024, None, area, value, None, 5_000.0, 300.0))
    estimate = save_estimate(result, label="", synthetic=True)
    publish(estimate)
    ward("hoan-kiem", "00004", 21.03, 105.85)
    ward("ba-dinh", "00008", 21.04, 105.82)
    ward("dong-da", "00012", 21.01, 105.83)
    return estimate


def test_map_gives_sizes_outline_and_legend(client: Client, three_wards: Estimate) -> None:
    text = page(client, "/")
    data = chart_data(text, "ward-map")
    # 625,000 is a quarter of 2,500,000: diameter 19; 100,000 is 1/25: 4 + 30 × 0.2 = 10.
    assert [point[5] for point in data["points"]] == [34.0, 19.0, 10.0]
    # Fewer than six: all named, on the map without "Agency"'s kind word if it had one.
    assert [point[6] for point in data["points"]] == [
        "Agency hoan-kiem",
        "Agency ba-dinh",
        "Agency dong-da",
    ]
    assert len(data["outline"]) == 4 and data["outline"][0] == data["outline"][-1]
    # Legend steps under 2,500,000, 625,000 and 156,250 million VND: 2, 0.5 and 0.1
    # trillion VND, each drawn at the diameter the map gives that value.
    with translation.override("en"):
        legend = wardmap.size_legend(wardmap.ward_map(three_wards, 2024))  # type: ignore[arg-type]
    assert legend == [("2", 30.8), ("0.5", 17.4), ("0.1", 10.0)]
    assert "Area spanned by the ward centres (not a boundary)" in text
    assert 'class="map-legend__bubble" style="width: 30.8px; height: 30.8px"' in text


def test_only_the_six_largest_are_named(db: None, make_estimate: MakeEstimate) -> None:
    result = make_estimate()
    for number in range(1, 11):
        result.rows.append(EstimateRow(2024, None, f"{number:05d}", number * 1000.0, None, 1, 1))
    estimate = save_estimate(result, label="", synthetic=True)
    for number in range(1, 11):
        ward(f"w{number}", f"{number:05d}", 21.0 + number / 100, 105.8 + (number % 3) / 100)
    found = wardmap.ward_map(estimate, 2024)
    assert found is not None
    named = [point[4] for point in wardmap.chart(found)["points"] if point[6]]
    assert named == [f"{number:05d}" for number in range(10, 4, -1)]
    assert Agency.objects.count() == 10


def test_map_labels_drop_the_kind_word() -> None:
    assert bubbles.map_label("Phường Hoàn Kiếm") == "Hoàn Kiếm"
    assert bubbles.map_label("Xã Bát Tràng") == "Bát Tràng"
    assert bubbles.map_label("Hoàn Kiếm") == "Hoàn Kiếm"
