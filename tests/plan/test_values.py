"""Indicator values come from their stated source, traceably, in the indicator's unit."""

from datetime import date

import pytest

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan import values
from cnvh.plan.models import Indicator, ProgressReport, ReportingPeriod, ReportValue, Task
from cnvh.plan.trajectory import Status
from tests import factories
from tests.conftest import engine_estimate

pytestmark = pytest.mark.django_db


def test_share_from_the_latest_estimate_in_percent(stored_estimate: Estimate) -> None:
    share = factories.indicator(baseline_year=2021, targets={2025: 5})
    series = values.series(share)
    assert [(v.year, v.value) for v in series] == [
        (2021, pytest.approx(3.5)),
        (2022, pytest.approx(3.8)),
        (2023, pytest.approx(4.0)),
        (2024, pytest.approx(4.2)),
    ]
    assert all(v.estimate == stored_estimate for v in series)
    assert series[-1].ci_low == pytest.approx(3.9)
    # Baseline 3.5 (2021), target 5 (2025): expected 4.625 in 2024; ratio 0.7/1.125.
    result = values.assess(share, series)
    assert result.expected == pytest.approx(4.625)
    assert result.ratio == pytest.approx(0.7 / 1.125)
    assert result.status == Status.AT_RISK


def test_the_public_sees_only_published_revisions(stored_estimate: Estimate) -> None:
    share = factories.indicator()
    newer = save_estimate(engine_estimate(with_ci=False), label="rerun", synthetic=True)
    assert values.series(share)[0].estimate == newer
    assert values.series(share, published_only=True) == []
    publish(stored_estimate)
    assert values.series(share, published_only=True)[0].estimate == stored_estimate


def test_breakdowns(stored_estimate: Estimate) -> None:
    value_added = factories.indicator("va", measure=Indicator.Measure.VALUE_ADDED)
    by_sector = values.breakdown(value_added, "sector", 2024)
    assert {v.key: v.value for v in by_sector} == {
        "crafts": 15_000_000.0,
        "design": 20_000_000.0,
        "tourism": 25_060_000.0,
    }
    # The area rows of the scope total; the fixture only has a "design" area row.
    assert values.breakdown(value_added, "area", 2024) == []
    design = factories.indicator("va-design", measure="value_added", sector="design")
    assert [(v.key, v.value) for v in values.breakdown(design, "area", 2024)] == [
        ("00004", 1_000_000.0)
    ]


@pytest.fixture
def reported() -> Indicator:
    """Events reported by two agencies over three quarters (approved ones count)."""
    indicator = factories.indicator("events", source=Indicator.Source.REPORTS, unit="events")
    group = factories.group()
    for code, numbers in {"a": (2, 3, 4), "b": (5, 0, 7)}.items():
        agency = factories.agency(code)
        task = factories.task(lead=agency, in_group=group)
        officer = factories.user(of=agency)
        for (year, number_of_quarter), number in zip(
            [(2025, 4), (2026, 1), (2026, 2)], numbers, strict=True
        ):
            report = factories.report(
                task, quarter(year, number_of_quarter), officer, status="approved"
            )
            ReportValue.objects.create(report=report, indicator=indicator, value=number)
    # A draft's number does not count.
    draft = factories.report(task, quarter(2026, 3), officer)
    ReportValue.objects.create(report=draft, indicator=indicator, value=100)
    return indicator


def quarter(year: int, number: int) -> ReportingPeriod:
    found = ReportingPeriod.objects.filter(kind="quarter", year=year, number=number).first()
    return found or factories.quarter(year, number)


def test_reported_values_summed_by_year(reported: Indicator) -> None:
    assert [(v.year, v.value) for v in values.series(reported)] == [(2025, 7.0), (2026, 14.0)]
    assert len(values.series(reported)[1].report_ids) == 4


def test_reported_values_latest_and_cumulative(reported: Indicator) -> None:
    reported.aggregation = Indicator.Aggregation.LATEST
    assert [(v.year, v.value) for v in values.series(reported)] == [(2025, 7.0), (2026, 11.0)]
    reported.aggregation = Indicator.Aggregation.CUMULATIVE
    assert [(v.year, v.value) for v in values.series(reported)] == [(2025, 7.0), (2026, 21.0)]


def test_reported_values_by_agency(reported: Indicator) -> None:
    by_agency = values.breakdown(reported, "area", 2026)
    assert [(v.key, v.value) for v in by_agency] == [("a", 7.0), ("b", 7.0)]


def test_registry_counts_completed_tasks_cumulatively() -> None:
    done = factories.indicator("done", source=Indicator.Source.REGISTRY, registry="tasks_completed")
    group = factories.group()
    for day in (date(2025, 5, 1), date(2026, 2, 1), date(2026, 9, 1)):
        factories.task(in_group=group, status=Task.Status.COMPLETED, completed_on=day)
    factories.task(in_group=group)
    assert [(v.year, v.value) for v in values.series(done)] == [(2025, 1.0), (2026, 3.0)]
    assert ProgressReport.objects.count() == 0
