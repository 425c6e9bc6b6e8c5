"""Figures in each language's style, as the engine's command writes them."""

import pytest

from cnvh.stats.figures import grouped, percent


@pytest.mark.parametrize(
    ("value", "digits", "vi", "en"),
    [
        (1340.0, 1, "1.340,0", "1,340.0"),
        (1_234_567.891, 2, "1.234.567,89", "1,234,567.89"),
        (1_000_000, 0, "1.000.000", "1,000,000"),
        (-2500.25, 1, "-2.500,2", "-2,500.2"),
        (12.0, 0, "12", "12"),
    ],
)
def test_grouped(value: float, digits: int, vi: str, en: str) -> None:
    assert grouped(value, digits, "vi") == vi
    assert grouped(value, digits, "en") == en


def test_percent() -> None:
    assert percent(0.0134, 2, "vi") == "1,34%"
    assert percent(0.0134, 2, "en") == "1.34%"
    assert percent(0.25, 0, "vi") == "25%"
