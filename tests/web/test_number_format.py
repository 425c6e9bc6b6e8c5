from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.utils import translation

from cnvh.presentation.formatting import (
    count,
    exact,
    money,
    money_scale,
    number,
    percent,
    points,
    unit_label,
)


@pytest.fixture
def vi() -> Iterator[None]:
    with translation.override("vi"):
        yield


@pytest.fixture
def en() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.mark.usefixtures("vi")
def test_vietnamese_style() -> None:
    assert number(1234.5, 1) == "1.234,5"
    assert number(1234567.891, 2) == "1.234.567,89"
    assert percent(0.042) == "4,2%"
    assert percent(0.05, 0) == "5%"
    assert points(-0.00425) == "-0,4 điểm %"
    assert points(0.003) == "+0,3 điểm %"
    assert count(187065.6) == "187.066"
    assert unit_label("million VND") == "triệu đồng"


@pytest.mark.usefixtures("en")
def test_english_style() -> None:
    assert number(1234.5, 1) == "1,234.5"
    assert percent(0.042) == "4.2%"
    assert points(-0.00425) == "-0.4 pp"
    assert unit_label("trillion VND") == "trillion VND"


@pytest.mark.usefixtures("en")
def test_missing_and_not_finite() -> None:
    assert number(None) == "—"
    assert number(float("nan")) == "—"
    assert percent(None) == "—"
    assert points(None) == "—"


@pytest.mark.usefixtures("en")
def test_no_negative_zero() -> None:
    assert number(-0.01, 1) == "0.0"
    assert points(-0.0000001) == "0.0 pp"


@pytest.mark.usefixtures("vi")
def test_money_in_thousand_billion_dong_when_large() -> None:
    # 67,400,000 million VND = 67.4 trillion VND (nghìn tỷ đồng).
    scale = money_scale([67_400_000.0, 800_000.0], "million VND")
    assert scale.unit == "trillion VND"
    assert scale.label == "nghìn tỷ đồng"
    assert money(67_400_000.0, scale) == "67,4"
    assert money(800_000.0, scale) == "0,8"


@pytest.mark.usefixtures("en")
def test_money_scale_follows_the_largest_figure() -> None:
    assert money_scale([2_500.0], "million VND").unit == "billion VND"
    assert money_scale([250.0], "million VND").unit == "million VND"
    assert money_scale([3.0], "billion VND").unit == "billion VND"  # never finer than stored
    assert money_scale([], "million VND").unit == "million VND"
    scale = money_scale([2_500.0], "million VND")
    assert money(2_500.0, scale) == "2.50"


@pytest.mark.usefixtures("en")
def test_other_currencies_are_shown_as_stored() -> None:
    scale = money_scale([1234.5], "GBP million")
    assert scale.label == "GBP million"
    assert money(1234.5, scale) == "1,234.5"


def test_exact_shows_a_stored_decimal_without_trailing_zeros() -> None:
    with translation.override("vi"):
        assert [exact(Decimal("1200.0000")), exact(Decimal("1.2000")), exact(None)] == [
            "1.200",
            "1,2",
            "—",
        ]
    with translation.override("en"):
        assert [exact(Decimal("1200.0000")), exact(Decimal("1.2000")), exact(2.5)] == [
            "1,200",
            "1.2",
            "2.5",
        ]
