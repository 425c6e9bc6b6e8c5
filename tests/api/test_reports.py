"""Progress reports: each person sees what `plan.view_report` allows; writing goes
through the workflow and the page's form, and is kept in the report's history."""

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from cnvh.plan.models import Notification, ProgressReport, ReportingPeriod, ReportValue
from tests import factories
from tests.api.world import World

pytestmark = pytest.mark.django_db


def ids(world: World, role: str, **query: Any) -> set[int]:
    answer = world.get(role, "/api/reports", **query)
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == len(body["items"])
    return {item["id"] for item in body["items"]}


def test_each_person_sees_the_reports_the_rule_allows(world: World) -> None:
    draft, submitted, approved = (world.objects[n] for n in ("draft", "submitted", "approved"))
    every = {draft.pk, submitted.pk, approved.pk}
    expected = {
        "administrator": every,
        "coordinator": every,
        "leader_of_lead": every,
        "leader_elsewhere": every,
        "officer_of_lead": every,
        # Coordinates 1.1 and 1.2, not 1.3.
        "officer_of_coordinating": {draft.pk, submitted.pk},
        "officer_elsewhere": set(),
        "statistician": set(),
    }
    assert {role: ids(world, role) for role in expected} == expected
    for role, seen in expected.items():
        for report in (draft, submitted, approved):
            status = world.get(role, f"/api/reports/{report.pk}").status_code
            assert status == (200 if report.pk in seen else 404), (role, report)


def test_filters_and_what_a_report_says(world: World) -> None:
    submitted, approved = world.objects["submitted"], world.objects["approved"]
    assert ids(world, "coordinator", status="submitted") == {submitted.pk}
    assert ids(world, "coordinator", task_id=world.objects["third"].pk) == {approved.pk}
    assert ids(world, "coordinator", period_id=world.objects["q2"].pk) == set()
    assert len(ids(world, "coordinator", agency=world.objects["lead"].code)) == 3
    body = world.get("leader_of_lead", f"/api/reports/{approved.pk}").json()
    assert body["status"] == "approved" and body["percent_done"] == 40
    assert body["values"] == [{"indicator": "events", "value": 3.0, "note": ""}]
    assert body["reviewed_by"] == world.people["coordinator"].username
    assert body["allowed"] == {"change": False, "submit": False, "review": False}
    waiting = world.get("leader_of_lead", f"/api/reports/{submitted.pk}").json()
    assert waiting["allowed"] == {"change": False, "submit": False, "review": True}
    assert waiting["on_time"] is not None


def test_start_then_fill_in_then_submit(world: World) -> None:
    task, q2 = world.objects["task"], world.objects["q2"]
    officer = world.people["officer_of_coordinating"]
    started = world.send(
        "officer_of_coordinating", "post", "/api/reports", {"task_id": task.pk, "period_id": q2.pk}
    )
    assert started.status_code == 201
    report_id = started.json()["id"]
    assert started.json()["status"] == "draft"
    again = world.send(
        "officer_of_lead", "post", "/api/reports", {"task_id": task.pk, "period_id": q2.pk}
    )
    assert again.status_code == 200 and again.json()["id"] == report_id
    changed = world.send(
        "officer_of_coordinating",
        "patch",
        f"/api/reports/{report_id}",
        {
            "narrative": "Tổ chức hai triển lãm thiết kế.",
            "percent_done": 55,
            "values": [{"indicator": "events", "value": "2.5"}],
        },
    )
    assert changed.status_code == 200, changed.content
    body = changed.json()
    assert (body["narrative"], body["percent_done"], body["task_status"]) == (
        "Tổ chức hai triển lãm thiết kế.",
        55,
        "in_progress",
    )
    assert body["values"] == [{"indicator": "events", "value": 2.5, "note": ""}]
    report = ProgressReport.objects.get(pk=report_id)
    assert ReportValue.objects.get(report=report).value == Decimal("2.5")
    # Fields left out stay as they were.
    world.send(
        "officer_of_coordinating", "patch", f"/api/reports/{report_id}", {"percent_done": 60}
    )
    report.refresh_from_db()
    assert report.narrative == "Tổ chức hai triển lãm thiết kế." and report.percent_done == 60
    assert ReportValue.objects.get(report=report).value == Decimal("2.5")
    submitted = world.send("officer_of_coordinating", "post", f"/api/reports/{report_id}/submit")
    assert submitted.status_code == 200
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED
    assert report.submitted_by == officer
    # As on the page: the lead agency's leader is told.
    assert Notification.objects.filter(
        user=world.people["leader_of_lead"], report=report, kind="submitted"
    ).exists()
    # Every step is in the history, by the token's owner.
    authors = {entry.history_user for entry in report.history.all()}
    assert authors == {officer}
    assert report.history.count() == 4


def test_a_value_can_be_removed(world: World) -> None:
    draft = world.objects["draft"]
    url = f"/api/reports/{draft.pk}"
    world.send("officer_of_lead", "patch", url, {"values": [{"indicator": "events", "value": 4}]})
    assert ReportValue.objects.filter(report=draft).count() == 1
    world.send(
        "officer_of_lead", "patch", url, {"values": [{"indicator": "events", "value": None}]}
    )
    assert not ReportValue.objects.filter(report=draft).exists()


def test_what_the_form_refuses(world: World) -> None:
    draft = world.objects["draft"]
    url = f"/api/reports/{draft.pk}"
    unknown = world.send(
        "officer_of_lead", "patch", url, {"values": [{"indicator": "grdp-share", "value": 1}]}
    )
    assert unknown.status_code == 422
    assert unknown.json()["field"] == "values.0.indicator"
    assert "events" in unknown.json()["message"]["en"]
    status = world.send("officer_of_lead", "patch", url, {"task_status": "finished"})
    assert status.status_code == 422 and status.json()["field"] == "task_status"
    nul = world.send("officer_of_lead", "patch", url, {"narrative": "a\x00b"})
    assert nul.status_code == 422 and nul.json()["field"] == "narrative"
    assert nul.json()["message"]["vi"] != nul.json()["message"]["en"]
    draft.refresh_from_db()
    assert draft.narrative == "Prepared the festival."


def test_no_report_is_due_for_a_period_of_another_kind(world: World) -> None:
    year = ReportingPeriod.objects.create(
        kind="year", year=2026, starts_on="2026-01-01", ends_on="2026-12-31", due_on="2027-01-15"
    )
    answer = world.send(
        "officer_of_lead",
        "post",
        "/api/reports",
        {"task_id": world.objects["task"].pk, "period_id": year.pk},
    )
    assert answer.status_code == 422
    assert answer.json()["code"] == "no_report_due" and answer.json()["field"] == "period_id"


def test_nobody_changes_an_approved_report(world: World) -> None:
    approved = world.objects["approved"]
    for role in ("officer_of_lead", "coordinator"):
        answer = world.send(role, "patch", f"/api/reports/{approved.pk}", {"narrative": "x"})
        assert answer.status_code == (409 if role == "officer_of_lead" else 403)
    approved.refresh_from_db()
    assert approved.narrative == "Three festivals."


def test_a_session_write_needs_the_csrf_token(world: World) -> None:
    officer = world.people["officer_of_lead"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    client.get("/")  # sets the CSRF cookie
    body = {"task_id": world.objects["task"].pk, "period_id": world.objects["q2"].pk}
    refused = client.post("/api/reports", body, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "csrf_failed"
    assert not ProgressReport.objects.filter(period=world.objects["q2"]).exists()
    token = client.cookies["csrftoken"].value
    allowed = client.post(
        "/api/reports", body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert allowed.status_code == 201
    # A token needs no CSRF token: a browser never sends it to another site by itself.
    other = world.client("officer_of_lead", enforce_csrf_checks=True)
    submitted = other.post(f"/api/reports/{allowed.json()['id']}/submit")
    assert submitted.status_code == 422  # refused by the workflow (no narrative), not CSRF


def test_an_officer_of_a_task_not_yet_started_may_not_report_elsewhere(world: World) -> None:
    stranger_task = factories.task(lead=world.objects["elsewhere"], code="9.9")
    answer = world.send(
        "officer_of_lead",
        "post",
        "/api/reports",
        {"task_id": stranger_task.pk, "period_id": world.objects["q1"].pk},
    )
    assert answer.status_code == 403
    assert answer.json()["code"] == "permission_denied"
