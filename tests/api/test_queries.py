"""Queries per request stay few, however much data a page of the list holds."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cnvh.estimates.store import save_estimate
from cnvh.plan.models import Indicator, ReportValue
from tests import factories
from tests.api.world import World
from tests.conftest import engine_estimate

pytestmark = pytest.mark.django_db

# (url, role): the most queries the request may make.
READS = {
    ("/api/scopes", "anonymous"): 2,
    ("/api/estimates", "coordinator"): 6,
    ("/api/estimate-rows?limit=1000", "anonymous"): 4,
    ("/api/indicators", "anonymous"): 8,
    ("/api/indicators", "coordinator"): 10,
    ("/api/indicators/grdp-share", "anonymous"): 10,
    ("/api/plans", "officer_of_lead"): 6,
    ("/api/groups", "officer_of_lead"): 6,
    ("/api/tasks?limit=1000", "officer_of_lead"): 8,
    ("/api/periods", "officer_of_lead"): 6,
    ("/api/agencies?limit=1000", "officer_of_lead"): 6,
    ("/api/reports?limit=1000", "officer_of_coordinating"): 10,
    ("/api/reports?limit=1000", "coordinator"): 10,
    ("/api/me", "statistician"): 6,
}


def more_of_everything(world: World, count: int) -> None:
    """`count` more tasks, each with a report and a value, agencies, indicators, and
    revisions of a second scope."""
    officer = world.people["officer_of_lead"]
    events = world.objects["events"]
    for number in range(count):
        agency = factories.agency()
        task = factories.task(
            lead=world.objects["lead"],
            coordinating=(world.objects["coordinating"], agency),
            in_group=world.objects["group"],
            code=f"2.{number}",
        )
        task.indicators.add(events)
        report = factories.report(task, world.objects["q1"], officer, status="approved")
        ReportValue.objects.create(report=report, indicator=events, value=Decimal(number))
        factories.indicator(f"extra-{number}", source=Indicator.Source.REPORTS, published=True)
        save_estimate(engine_estimate("fcs-core"), label=f"run {number}", synthetic=True)


def queries(world: World, url: str, role: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        answer = world.client(role).get(url)
    assert answer.status_code == 200, answer.content
    return len(captured)


@pytest.mark.parametrize(("url", "role"), sorted(READS))
def test_reads_make_few_queries_whatever_the_data(world: World, url: str, role: str) -> None:
    queries(world, url, role)  # the token's first use of the minute is recorded
    small = queries(world, url, role)
    more_of_everything(world, 12)
    large = queries(world, url, role)
    assert large <= READS[(url, role)], (small, large)
    # At most one more: a prefetch Django skips when the small page has nothing to fetch.
    assert small <= large <= small + 1


def test_the_bound_is_checked_by_pytest_django_too(
    world: World, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    more_of_everything(world, 5)
    with django_assert_max_num_queries(10):
        assert world.client("coordinator").get("/api/reports").status_code == 200
