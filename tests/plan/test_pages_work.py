"""My work (tasks, reports due, returned reports, one-click start) and notifications."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cnvh.plan import workflow
from cnvh.plan.models import Notification, ProgressReport, ReportingPeriod, Role, Task
from tests import factories


def period(number: int, starts_days: int, due_days: int) -> ReportingPeriod:
    """A quarter placed around today: starts and is due `n` days from today."""
    today = timezone.localdate()
    return ReportingPeriod.objects.create(
        kind=ReportingPeriod.Kind.QUARTER,
        year=2000,
        number=number,
        starts_on=today + timedelta(days=starts_days),
        ends_on=today + timedelta(days=due_days - 10),
        due_on=today + timedelta(days=due_days),
    )


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    today = timezone.localdate()
    ward = factories.agency("ward-a", kind="ward", name_en="Ward A")
    department = factories.agency("dept", name_en="Department of Culture")
    elsewhere = factories.agency("ward-b", kind="ward", name_en="Ward B")
    past = period(1, -200, -90)  # overdue
    current = period(2, -89, 20)
    factories.quarter(2099, 1)  # far future: not yet due
    start = today - timedelta(days=365)
    led = factories.task(lead=ward, code="7.1", title_en="Disseminate", starts_on=start)
    helped = factories.task(lead=department, coordinating=(ward,), code="3.4", starts_on=start)
    foreign = factories.task(lead=elsewhere, code="8.8", title_en="Not ours", starts_on=start)
    officer = factories.user(Role.OFFICER, of=ward, name="officer")
    return {
        "ward": ward,
        "department": department,
        "past": past,
        "current": current,
        "led": led,
        "helped": helped,
        "foreign": foreign,
        "officer": officer,
    }


def login(client: Client, person: Any) -> None:
    client.force_login(person)
    client.cookies["django_language"] = "en"


def test_my_work_lists_tasks_due_reports_and_returns(client: Client, world: dict[str, Any]) -> None:
    officer = world["officer"]
    # The past period's report was submitted, then returned with a reason.
    report = factories.report(world["led"], world["past"], by=officer)
    workflow.submit(report, officer)
    coordinator = factories.user(Role.COORDINATOR)
    workflow.return_report(report, coordinator, "Thiếu số liệu / add the figures")
    login(client, officer)
    response = client.get(reverse("plan-my-work"))
    assert response.status_code == 200
    assert sorted(task.code for task in response.context["tasks"]) == ["3.4", "7.1"]
    due = [(item.task.code, item.period.pk, item.overdue) for item in response.context["due"]]
    # Only the current period's report is due: the past one was submitted (and returned).
    assert due == [("7.1", world["current"].pk, False)]
    body = response.content.decode()
    assert "Thiếu số liệu / add the figures" in body
    assert "Not ours" not in body


def test_an_unsubmitted_past_report_is_overdue(client: Client, world: dict[str, Any]) -> None:
    officer = world["officer"]
    draft = factories.report(world["led"], world["past"], by=officer)
    login(client, officer)
    response = client.get(reverse("plan-my-work"))
    due = [(item.period.pk, item.overdue, item.report) for item in response.context["due"]]
    assert due == [(world["past"].pk, True, draft), (world["current"].pk, False, None)]
    body = response.content.decode()
    assert "Continue the draft" in body and "Start report" in body
    assert "tag--overdue" in body


def test_only_officers_have_my_work(client: Client, world: dict[str, Any]) -> None:
    login(client, factories.user(Role.COORDINATOR))
    assert client.get(reverse("plan-my-work")).status_code == 403
    client.logout()
    assert client.get(reverse("plan-my-work")).status_code == 302


def test_start_report_creates_the_draft_and_opens_it(client: Client, world: dict[str, Any]) -> None:
    login(client, world["officer"])
    data = {"task": world["led"].pk, "period": world["current"].pk}
    response = client.post(reverse("plan-report-start"), data)
    report = ProgressReport.objects.get(task=world["led"], period=world["current"])
    assert response.status_code == 302
    assert response["Location"] == reverse("plan-report", args=[report.pk])
    assert (report.status, report.created_by) == (ProgressReport.Status.DRAFT, world["officer"])
    # A second click opens the same report.
    again = client.post(reverse("plan-report-start"), data)
    assert again["Location"] == response["Location"]
    assert ProgressReport.objects.count() == 1


def test_start_report_is_post_only_and_refuses_other_agencies_tasks(
    client: Client, world: dict[str, Any]
) -> None:
    login(client, world["officer"])
    data = {"task": world["foreign"].pk, "period": world["current"].pk}
    assert client.get(reverse("plan-report-start"), data).status_code == 405
    assert client.post(reverse("plan-report-start"), data).status_code == 403
    assert not ProgressReport.objects.exists()


def test_start_report_refuses_a_period_the_task_does_not_report_in(
    client: Client, world: dict[str, Any]
) -> None:
    world["led"].frequency = Task.Frequency.YEAR
    world["led"].save()
    login(client, world["officer"])
    data = {"task": world["led"].pk, "period": world["current"].pk}
    assert client.post(reverse("plan-report-start"), data).status_code == 403


def test_the_task_page_offers_to_start_the_current_report(
    client: Client, world: dict[str, Any]
) -> None:
    login(client, world["officer"])
    body = client.get(reverse("plan-task", args=[world["led"].pk])).content.decode()
    assert reverse("plan-report-start") in body
    login(client, factories.user(Role.LEADER, of=world["ward"]))
    body = client.get(reverse("plan-task", args=[world["led"].pk])).content.decode()
    assert reverse("plan-report-start") not in body


def test_notifications_list_and_mark_read(client: Client, world: dict[str, Any]) -> None:
    officer = world["officer"]
    stranger = factories.user(Role.OFFICER, of=world["department"])
    mine = Notification.objects.create(
        user=officer, kind=Notification.Kind.OVERDUE, task=world["led"], period=world["past"]
    )
    theirs = Notification.objects.create(
        user=stranger, kind=Notification.Kind.OVERDUE, task=world["helped"], period=world["past"]
    )
    login(client, officer)
    response = client.get(reverse("plan-notifications"))
    assert [item.pk for item in response.context["notifications"]] == [mine.pk]
    assert "The report on task 7.1 for Q1/2000 is overdue." in response.content.decode()
    # Someone else's notification cannot be marked by its number.
    client.post(reverse("plan-notifications-read"), {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None
    client.post(reverse("plan-notifications-read"), {"id": mine.pk})
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_mark_all_read(client: Client, world: dict[str, Any]) -> None:
    officer = world["officer"]
    for which in ("past", "current"):
        Notification.objects.create(
            user=officer, kind=Notification.Kind.DUE_SOON, task=world["led"], period=world[which]
        )
    login(client, officer)
    assert client.get(reverse("plan-notifications-read")).status_code == 405
    client.post(reverse("plan-notifications-read"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_notifications_need_a_login(client: Client, world: dict[str, Any]) -> None:
    assert client.get(reverse("plan-notifications")).status_code == 302


def test_opening_a_report_reads_its_notifications(client: Client, world: dict[str, Any]) -> None:
    officer = world["officer"]
    report = factories.report(world["led"], world["past"], officer, status="returned")
    about = Notification.objects.create(
        user=officer,
        kind=Notification.Kind.RETURNED,
        task=world["led"],
        period=world["past"],
        report=report,
    )
    other = Notification.objects.create(
        user=officer, kind=Notification.Kind.DUE_SOON, task=world["led"], period=world["current"]
    )
    login(client, officer)
    assert client.get(reverse("plan-report", args=[report.pk])).status_code == 200
    about.refresh_from_db()
    other.refresh_from_db()
    assert about.read_at is not None
    assert other.read_at is None


def test_a_submitted_report_stays_on_my_work_waiting_for_approval(
    client: Client, world: dict[str, Any]
) -> None:
    officer = world["officer"]
    report = factories.report(world["led"], world["current"], by=officer)
    workflow.submit(report, officer)
    login(client, officer)
    response = client.get(reverse("plan-my-work"))
    assert list(response.context["waiting"]) == [report]
    body = response.content.decode()
    assert reverse("plan-report", args=[report.pk]) in body
    assert "Waiting for approval" in body
    client.cookies["django_language"] = "vi"
    assert "Chờ phê duyệt" in client.get(reverse("plan-my-work")).content.decode()
