"""Indicator values from statistical tables: kept with their import and row, read by the
indicator's series, breakdown and status; a new import replaces a value and keeps the old
one; bad rows are reported with row and column in both languages and nothing is saved."""

from decimal import Decimal
from typing import Any

import pytest

from cnvh.plan import trajectory, values
from cnvh.plan.imports import IndicatorValueKind
from cnvh.plan.models import ImportedValue, Indicator
from tests import factories
from tests.plan.imports.support import record, rows, run

pytestmark = pytest.mark.django_db
KIND = IndicatorValueKind()


@pytest.fixture
def visitors(db: None) -> Indicator:
    """Visits to the city's cultural sites (thousand visits), from the statistics office:
    baseline 2023 (its own value), 1,400 in 2025."""
    return factories.indicator(
        "cultural-visits",
        name_en="Visits to cultural sites",
        unit="thousand visits",
        source=Indicator.Source.IMPORTED,
        disaggregations=["area"],
        baseline_year=2023,
        targets={2025: 1400},
    )


def value_row(year: int, value: str, area: str | None = None, **cells: Any) -> dict[str, Any]:
    return {
        "indicator": "cultural-visits",
        "year": year,
        "area": area,
        "value": Decimal(value),
        **cells,
    }


FIRST_FILE = (
    value_row(2023, "1234.5", source="Niên giám thống kê Hà Nội 2023"),
    value_row(2024, "1300", unit="Thousand visits"),
    value_row(2024, "120.25", "00004"),
    value_row(2024, "80", "00008", note="Số ước tính / preliminary"),
)


def test_values_with_their_import_in_series_breakdown_and_status(visitors: Indicator) -> None:
    on = record("indicator_values", "nien-giam-2024.xlsx")
    problems, saved = run(KIND, rows(*FIRST_FILE), on)
    assert (problems.found, saved) == ([], 4)

    series = values.series(visitors)
    assert [(v.year, v.value) for v in series] == [(2023, 1234.5), (2024, 1300.0)]
    first = series[0].imported
    assert first is not None
    assert (first.record, first.row, first.source) == (on, 2, "Niên giám thống kê Hà Nội 2023")
    assert series[1].imported is not None and series[1].imported.row == 3
    by_area = values.breakdown(visitors, "area", 2024)
    assert [(v.key, v.value) for v in by_area] == [("00004", 120.25), ("00008", 80.0)]
    assert values.breakdown(visitors, "area", 2023) == []
    many = values.series_many([visitors])[visitors.pk]
    assert [(v.year, v.value, v.imported) for v in many] == [
        (v.year, v.value, v.imported) for v in series
    ]
    # Baseline 1,234.5 (2023) to 1,400 (2025): 1,317.25 expected in 2024;
    # (1,300 - 1,234.5) / (1,317.25 - 1,234.5) = 65.5 / 82.75 = 0.7915.
    assessment = values.assess(visitors)
    assert assessment.status == trajectory.Status.AT_RISK
    assert assessment.ratio == pytest.approx(65.5 / 82.75)


def test_a_new_import_replaces_the_value_and_keeps_the_old_one(visitors: Indicator) -> None:
    first = record("indicator_values", "nien-giam-2024.xlsx")
    run(KIND, rows(*FIRST_FILE), first)
    second = record("indicator_values", "nien-giam-2024-chinh-thuc.xlsx")
    problems, saved = run(KIND, rows(value_row(2024, "1310", source="Chính thức")), second)
    assert (problems.found, saved) == ([], 1)

    assert ImportedValue.objects.count() == 5
    old = ImportedValue.objects.get(year=2024, area="", record=first)
    new = ImportedValue.objects.get(year=2024, area="", record=second)
    assert (old.current, old.value, old.row) == (False, Decimal("1300"), 3)
    assert (new.current, new.value, new.replaces) == (True, Decimal("1310"), old)
    series = values.series(visitors)
    assert [(v.year, v.value) for v in series] == [(2023, 1234.5), (2024, 1310.0)]
    assert series[1].imported == new
    # The areas of 2024 came from the first file and stay.
    assert [v.value for v in values.breakdown(visitors, "area", 2024)] == [120.25, 80.0]
    # (1,310 - 1,234.5) / 82.75 = 0.9124: on track.
    assert values.assess(visitors).status == trajectory.Status.ON_TRACK


def assert_nothing_saved() -> None:
    assert ImportedValue.objects.count() == 0


def test_unknown_indicator(visitors: Indicator) -> None:
    problems, saved = run(
        KIND, rows(value_row(2024, "1"), value_row(2024, "2") | {"indicator": "x"})
    )
    problem = problems.only()
    assert (problem.row, problem.column, saved) == (3, "indicator", 0)
    assert problem.what_vi == "Không có chỉ tiêu mã “x”."
    assert problem.what_en == "No indicator with code “x”."
    assert_nothing_saved()


def test_indicator_whose_values_come_from_elsewhere(visitors: Indicator) -> None:
    factories.indicator("cnvh-grdp-share")  # from the engine's estimates
    problems, _ = run(KIND, rows(value_row(2024, "4.2") | {"indicator": "cnvh-grdp-share"}))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "indicator")
    assert problem.what_vi == (
        "Chỉ tiêu “cnvh-grdp-share” lấy giá trị từ nguồn “Ước tính của công cụ thống kê”, "
        "không nhận giá trị nhập từ tệp."
    )
    assert problem.what_en == (
        "The indicator “cnvh-grdp-share” takes its values from “Estimate of the statistics "
        "engine”, not from imported files."
    )
    assert "Values from an imported statistical table" in problem.fix_en
    assert "đổi nguồn của chỉ tiêu" in problem.fix_vi
    assert_nothing_saved()


def test_same_indicator_year_and_area_twice(visitors: Indicator) -> None:
    problems, _ = run(
        KIND,
        rows(value_row(2024, "1", "00004"), value_row(2024, "2"), value_row(2024, "3", "00004")),
    )
    problem = problems.only()
    assert (problem.row, problem.column) == (4, "value")
    assert problem.what_vi == "Cùng chỉ tiêu, năm và địa bàn đã có ở dòng 2."
    assert problem.what_en == "The same indicator, year and area is on row 2."
    assert_nothing_saved()


def test_area_of_an_indicator_not_broken_down_by_area(visitors: Indicator) -> None:
    visitors.disaggregations = []
    visitors.save()
    problems, _ = run(KIND, rows(value_row(2024, "1", "00004")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "area")
    assert problem.what_en == "The indicator “cultural-visits” is not broken down by area."
    assert_nothing_saved()


def test_unknown_area_code(visitors: Indicator) -> None:
    problems, _ = run(KIND, rows(value_row(2024, "1", "99999")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "area")
    assert problem.what_vi == "Mã địa bàn “99999” không phải mã đơn vị hành chính chính thức."
    assert "00004" in problem.fix_en
    assert_nothing_saved()


def test_another_unit(visitors: Indicator) -> None:
    problems, _ = run(KIND, rows(value_row(2024, "1300000", unit="lượt khách")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "unit")
    assert problem.what_en == (
        "The unit “lượt khách” differs from the indicator's unit “thousand visits”."
    )
    assert problem.fix_vi == "Đổi giá trị sang đơn vị “thousand visits” và ghi đơn vị đó."
    assert_nothing_saved()


@pytest.mark.parametrize("year", [24, 2224])
def test_year_out_of_range(visitors: Indicator, year: int) -> None:
    problems, _ = run(KIND, rows(value_row(year, "1")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "year")
    assert problem.what_en == f"The year {year} is not valid."
    assert_nothing_saved()


@pytest.mark.parametrize("value", ["1.1234567", "123456789012345"])
def test_more_digits_than_kept(visitors: Indicator, value: str) -> None:
    problems, _ = run(KIND, rows(value_row(2024, value)))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "value")
    assert problem.what_en == f"The value {value} has too many digits."
    assert_nothing_saved()


def test_digits_that_fit(visitors: Indicator) -> None:
    file = rows(value_row(2023, "1.123456000"), value_row(2024, "99999999999999.5"))
    assert run(KIND, file)[0].found == []
    assert [v.value for v in values.series(visitors)] == [1.123456, 99999999999999.5]
