"""The approval queue: who sees which reports, approve, return with a reason."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cnvh.plan import workflow
from cnvh.plan.models import Membership, ProgressReport, Role, Task
from tests import factories


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    culture = factories.agency("so-vhtt", name_en="Department of Culture")
    industry = factories.agency("so-ct", name_en="Department of Industry")
    quarter = factories.quarter(2026, 1)
    officer_c = factories.user(Role.OFFICER, of=culture, name="officer_c")
    officer_i = factories.user(Role.OFFICER, of=industry, name="officer_i")
    ours = factories.task(lead=culture, code="1.1", title_en="Innovation support")
    theirs = factories.task(lead=industry, code="2.1", title_en="Trademarks")
    submitted = []
    for task, officer in ((ours, officer_c), (theirs, officer_i)):
        report = factories.report(task, quarter, by=officer, percent_done=50)
        submitted.append(workflow.submit(report, officer))
    return {
        "culture": culture,
        "ours": submitted[0],
        "theirs": submitted[1],
        "coordinator": factories.user(Role.COORDINATOR, of=culture, name="coordinator"),
        "leader": factories.user(Role.LEADER, of=culture, name="leader"),
        "officer": officer_c,
    }


def login(client: Client, person: Any) -> None:
    client.force_login(person)
    client.cookies["django_language"] = "en"


def queued(client: Client) -> list[str]:
    response = client.get(reverse("plan-approvals"))
    assert response.status_code == 200
    return [row["report"].task.code for row in response.context["rows"]]


def test_the_coordinator_sees_every_submitted_report(client: Client, world: dict[str, Any]) -> None:
    login(client, world["coordinator"])
    assert sorted(queued(client)) == ["1.1", "2.1"]


def test_a_leader_sees_only_the_reports_of_tasks_their_agency_leads(
    client: Client, world: dict[str, Any]
) -> None:
    login(client, world["leader"])
    assert queued(client) == ["1.1"]


def test_officers_and_anonymous_have_no_queue(client: Client, world: dict[str, Any]) -> None:
    login(client, world["officer"])
    assert client.get(reverse("plan-approvals")).status_code == 403
    client.logout()
    assert client.get(reverse("plan-approvals")).status_code == 302


def test_approve_moves_the_task_and_empties_the_row(client: Client, world: dict[str, Any]) -> None:
    login(client, world["coordinator"])
    report = world["ours"]
    response = client.post(reverse("plan-approve", args=[report.pk]), follow=True)
    report.refresh_from_db()
    report.task.refresh_from_db()
    assert report.status == ProgressReport.Status.APPROVED
    assert report.reviewed_by == world["coordinator"]
    assert report.task.percent_done == 50
    assert "Report 1.1 Q1/2026 approved." in response.content.decode()
    assert queued(client) == ["2.1"]


def test_return_needs_a_reason(client: Client, world: dict[str, Any]) -> None:
    login(client, world["coordinator"])
    report = world["ours"]
    response = client.post(
        reverse("plan-return", args=[report.pk]), {f"r{report.pk}-reason": " "}, follow=True
    )
    assert "Say why the report is returned and what to fix." in response.content.decode()
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED


def test_return_with_a_reason(client: Client, world: dict[str, Any]) -> None:
    login(client, world["coordinator"])
    report = world["ours"]
    client.post(
        reverse("plan-return", args=[report.pk]), {f"r{report.pk}-reason": "Add the figures."}
    )
    report.refresh_from_db()
    assert (report.status, report.return_reason) == (
        ProgressReport.Status.RETURNED,
        "Add the figures.",
    )


def test_a_report_already_handled_says_so(client: Client, world: dict[str, Any]) -> None:
    report = world["ours"]
    workflow.approve(report, world["leader"])
    login(client, world["coordinator"])
    response = client.post(reverse("plan-approve", args=[report.pk]), follow=True)
    assert "This report is no longer waiting for approval (now: Approved)." in (
        response.content.decode()
    )


def test_a_leader_cannot_approve_another_agencys_report(
    client: Client, world: dict[str, Any]
) -> None:
    login(client, world["leader"])
    report = world["theirs"]
    assert client.post(reverse("plan-approve", args=[report.pk])).status_code == 403
    assert client.post(reverse("plan-return", args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED


def test_nobody_approves_their_own_submission(client: Client, world: dict[str, Any]) -> None:
    task = factories.task(lead=world["culture"], code="1.9")
    coordinator = world["coordinator"]
    # A coordinator who also is an officer of the lead agency submits a report...
    Membership.objects.create(user=coordinator, agency=world["culture"], role=Role.OFFICER)
    report = factories.report(task, factories.quarter(2026, 2), by=coordinator)
    workflow.submit(report, coordinator)
    login(client, coordinator)
    assert "1.9" not in queued(client)
    # ...and cannot approve it by its address either.
    assert client.post(reverse("plan-approve", args=[report.pk])).status_code == 403
    assert Task.objects.get(pk=task.pk).percent_done == 0


def test_approve_is_post_only(client: Client, world: dict[str, Any]) -> None:
    login(client, world["coordinator"])
    assert client.get(reverse("plan-approve", args=[world["ours"].pk])).status_code == 405


def test_writes_need_the_csrf_token(world: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["coordinator"])
    report = world["ours"]
    assert client.post(reverse("plan-approve", args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED


def test_a_long_queue_shows_its_oldest_page_in_bounded_queries(
    client: Client, world: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from cnvh.plan.views.approvals import QUEUE_SHOWN

    quarter = factories.quarter(2026, 2)
    officer = world["officer"]
    for number in range(QUEUE_SHOWN + 3):
        task = factories.task(lead=world["culture"], code=f"9.{number}")
        workflow.submit(factories.report(task, quarter, by=officer), officer)
    login(client, world["coordinator"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plan-approvals"))
    rows = response.context["rows"]
    assert len(rows) == QUEUE_SHOWN
    # Oldest first: the two reports of the world were submitted before the others.
    assert [row["report"].task.code for row in rows[:2]] == ["1.1", "2.1"]
    assert "Also waiting: 5 reports." in response.content.decode()
