"""Distances on the ground and the city's box, against figures computed by hand."""

import math

import pytest

from cnvh.geo.distance import EARTH_RADIUS_METRES, Bounds, haversine_metres


def test_one_degree_along_a_meridian() -> None:
    # π/180 × 6,371,008.8 m = 111,195.08 m, whatever the longitude.
    assert haversine_metres(21.0, 105.85, 22.0, 105.85) == pytest.approx(111_195.08, abs=0.01)
    assert haversine_metres(0.0, 0.0, 1.0, 0.0) == pytest.approx(111_195.08, abs=0.01)


def test_along_a_parallel_the_degree_shrinks_with_the_cosine() -> None:
    # At 60° N the parallel's degree is half the equator's: 55,597.54 m. The great
    # circle is a little shorter: 2R·asin(cos 60° · sin 0.5°) = 2R · 0.0043632838
    # = 55,597.01 m.
    found = haversine_metres(60.0, 10.0, 60.0, 11.0)
    assert found == pytest.approx(55_597.01, abs=0.01)
    assert found < math.pi / 180 * EARTH_RADIUS_METRES / 2


def test_250_and_350_metres() -> None:
    assert haversine_metres(21.0, 105.85, 21.002248, 105.85) == pytest.approx(249.97, abs=0.01)
    assert haversine_metres(21.0, 105.85, 21.003148, 105.85) == pytest.approx(350.04, abs=0.01)
    assert haversine_metres(21.0, 105.85, 21.0, 105.85) == 0.0


def test_the_box_holds_its_edges() -> None:
    hanoi = Bounds(20.53, 105.28, 21.39, 106.04)
    assert hanoi.holds(21.024237, 105.857614)  # the Opera House
    assert hanoi.holds(20.53, 106.04)
    assert not hanoi.holds(10.776889, 106.700806)  # Hồ Chí Minh City
    assert not hanoi.holds(105.857614, 21.024237)  # latitude and longitude swapped
