"""The city-scale plan for load tests (`cnvh load-demo --scale city`), at half scale:
the counts asked for, every status, and records as the workflow would leave them."""

from collections import Counter
from datetime import date

import pytest
from django.db.models import Count

from cnvh.plan.demo.city import load_city_plan
from cnvh.plan.models import Membership, ProgressReport, Role, Task

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 26)


def test_half_a_city() -> None:
    loaded = load_city_plan(TODAY, demo_mode=False, factor=0.5)
    assert loaded is not None
    assert (loaded.tasks, loaded.reports) == (500, 5000)
    assert Task.objects.count() == 500
    assert ProgressReport.objects.count() == 5000
    assert set(loaded.by_status) == {"draft", "submitted", "returned", "approved"}
    assert sum(loaded.by_status.values()) == 5000
    # Every report has its history; every submitted one its submitter and time.
    assert ProgressReport.history.values("id").distinct().count() == 5000
    assert not ProgressReport.objects.exclude(status="draft").filter(submitted_at=None).exists()
    assert not ProgressReport.objects.filter(status="approved", reviewed_by=None).exists()
    # The load's officers: one per agency, each with reports to submit.
    agencies = Membership.objects.filter(
        role=Role.OFFICER, user__username__in=loaded.officers
    ).values_list("agency", flat=True)
    assert len(loaded.officers) == len(set(agencies)) > 50
    assert load_city_plan(TODAY, demo_mode=False, factor=0.5) is None


def test_tasks_follow_their_latest_approved_report() -> None:
    load_city_plan(TODAY, demo_mode=False, factor=0.5)
    added = Task.objects.filter(code__startswith="L").annotate(n=Count("reports"))
    assert added.count() > 300
    statuses: Counter[str] = Counter()
    for task in added.filter(n__gt=0):
        latest = task.reports.filter(status="approved").order_by("-period__ends_on").first()
        if latest is None:
            assert task.status == Task.Status.NOT_STARTED
            continue
        assert (task.status, task.percent_done) == (latest.task_status, latest.percent_done)
        assert task.history.first().status == task.status
        statuses[task.status] += 1
    assert statuses[Task.Status.IN_PROGRESS] and statuses[Task.Status.COMPLETED]
