"""Each list of `cnvh.plan.permissions` equals its rule applied item by item, for every
role, on a city where the lists differ: several agencies leading and helping with
tasks, reports in every state, and people who hold two roles at once."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from cnvh.plan import permissions
from cnvh.plan.models import Membership, ProgressReport, ReportingPeriod, Role, Task
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "no_role",
    "administrator",
    "coordinator",
    "leader_of_lead",
    "leader_elsewhere",
    "officer_of_lead",
    "officer_of_coordinating",
    "officer_elsewhere",
    "statistician",
    "officer_and_leader",
    "officer_and_coordinator",
    "inactive_coordinator",
]


@pytest.fixture
def city() -> dict[str, Any]:
    lead, coordinating, elsewhere, city = (factories.agency() for _ in range(4))
    people: dict[str, Any] = factories.everyone_around(lead, coordinating, elsewhere, city)
    both = factories.user(Role.OFFICER, lead)
    Membership.objects.create(user=both, agency=lead, role=Role.LEADER)
    people["officer_and_leader"] = both
    helper = factories.user(Role.OFFICER, coordinating)
    Membership.objects.create(user=helper, agency=city, role=Role.COORDINATOR)
    people["officer_and_coordinator"] = helper
    inactive = factories.user(Role.COORDINATOR, city)
    inactive.is_active = False
    inactive.save()
    people["inactive_coordinator"] = inactive

    group = factories.group()
    tasks = [
        factories.task(lead=lead, coordinating=(coordinating,), in_group=group),
        factories.task(lead=elsewhere, coordinating=(lead, coordinating), in_group=group),
        factories.task(lead=coordinating, in_group=group),
        factories.task(lead=city, in_group=group),
    ]
    submitters = [
        people["officer_of_lead"],
        people["officer_and_leader"],
        people["officer_and_coordinator"],
        people["officer_elsewhere"],
    ]
    periods = [factories.quarter(2026, number) for number in range(1, 5)]
    for task, submitter in zip(tasks, submitters, strict=True):
        for period, state in zip(periods, ProgressReport.Status.values, strict=True):
            factories.report(
                task,
                period,
                submitter,
                status=state,
                submitted_by=submitter if state != ProgressReport.Status.DRAFT else None,
            )
    return people


def pks(items: Any) -> set[int]:
    return {item.pk for item in items}


@pytest.mark.parametrize("role", ROLES)
def test_reports_visible_to(city: dict[str, Any], role: str) -> None:
    user = city[role]
    expected = pks(r for r in ProgressReport.objects.all() if user.has_perm("plan.view_report", r))
    assert pks(permissions.reports_visible_to(user)) == expected


@pytest.mark.parametrize("role", ROLES)
def test_reports_to_review(city: dict[str, Any], role: str) -> None:
    user = city[role]
    expected = pks(
        r for r in ProgressReport.objects.all() if user.has_perm("plan.review_report", r)
    )
    assert pks(permissions.reports_to_review(user)) == expected


@pytest.mark.parametrize("role", ROLES)
def test_tasks_of_agencies(city: dict[str, Any], role: str) -> None:
    user = city[role]
    expected = pks(t for t in Task.objects.all() if user.has_perm("plan.add_report", t))
    assert pks(permissions.tasks_of_agencies(user)) == expected


@pytest.mark.parametrize("role", ROLES)
def test_makes_reports_on(city: dict[str, Any], role: str) -> None:
    """The lead agency's officers make the report: a subset of those who may add it."""
    user = city[role]
    made = {t.pk for t in Task.objects.all() if permissions.makes_reports_on(user, t)}
    officer_of_lead = {
        t.pk
        for t in permissions.tasks_of_agencies(user)
        if Membership.objects.filter(user=user.pk, agency=t.lead_agency_id, role=Role.OFFICER)
    }
    assert made == officer_of_lead


def test_the_lists_are_not_trivial(city: dict[str, Any]) -> None:
    """Every list is neither empty nor everything for someone."""
    everything = ProgressReport.objects.count()
    seen = {len(permissions.reports_visible_to(city[role])) for role in ROLES}
    assert {0, everything} < seen
    reviewed = {len(permissions.reports_to_review(city[role])) for role in ROLES}
    assert len(reviewed) >= 3
    worked = {len(permissions.tasks_of_agencies(city[role])) for role in ROLES}
    assert len(worked) >= 3


def test_people_of_each_task_and_report(city: dict[str, Any]) -> None:
    people = list(get_user_model().objects.all())
    for task in Task.objects.all():
        workers = {p.pk for p in people if p.has_perm("plan.add_report", task)}
        assert pks(permissions.workers_of(task)) == workers
        reporters = {p.pk for p in people if p.is_active and permissions.makes_reports_on(p, task)}
        assert pks(permissions.reporters_of(task)) == reporters
    reviewed = 0
    for report in ProgressReport.objects.all():
        reviewers = {p.pk for p in people if p.has_perm("plan.review_report", report)}
        assert pks(permissions.reviewers_of(report)) == reviewers
        reviewed += bool(reviewers)
    assert reviewed == len(Task.objects.all())  # one waiting report per task


def test_a_superuser_flag_adds_nothing_to_the_lists(city: dict[str, Any]) -> None:
    """The rules decide alone: a superuser with no role sees and reviews no report, and
    the lists say the same as the rule asked of each report."""
    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "pass-word-1")
    reports = list(ProgressReport.objects.all())
    seen = {r.pk for r in reports if boss.has_perm("plan.view_report", r)}
    reviewed = {r.pk for r in reports if boss.has_perm("plan.review_report", r)}
    assert pks(permissions.reports_visible_to(boss)) == seen == set()
    waiting = permissions.reports_to_review(boss)
    assert pks(waiting) == reviewed == set()


def test_overdue_is_the_definition_item_by_item() -> None:
    today = date(2026, 6, 15)
    group = factories.group()
    for offset in (-30, -1, 0, 1):
        for status in Task.Status.values:
            factories.task(in_group=group, due_on=today + timedelta(days=offset), status=status)
    expected = {
        t.pk for t in Task.objects.all() if t.status != Task.Status.COMPLETED and t.due_on < today
    }
    assert pks(Task.objects.overdue(today)) == expected
    assert {t.pk for t in Task.objects.all() if t.is_overdue(today)} == expected
    # Due yesterday or before, and not completed (suspended ones too): 2 days × 3 statuses.
    assert len(expected) == 6


def test_past_due_periods_item_by_item() -> None:
    periods = [factories.quarter(2026, number) for number in range(1, 5)]
    day = periods[1].due_on
    expected = {p.pk for p in periods if p.due_on < day}
    assert pks(ReportingPeriod.objects.past_due(day)) == expected
    assert {p.pk for p in ReportingPeriod.objects.all() if p.is_past_due(day)} == expected
    assert expected == {periods[0].pk}
