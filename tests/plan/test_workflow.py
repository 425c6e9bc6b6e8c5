"""A report's life: transitions, locking, who may act, and what it does to the task."""

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cnvh.plan import workflow
from cnvh.plan.models import ProgressReport, ReportLockedError, Role, Task
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting() -> dict[str, Any]:
    lead, city = factories.agency("ward"), factories.agency("city")
    return {
        "task": factories.task(lead=lead, due_on=date(2026, 12, 31)),
        "period": factories.quarter(2026, 2),
        "officer": factories.user(Role.OFFICER, lead, "officer"),
        "coordinator": factories.user(Role.COORDINATOR, city, "coordinator"),
    }


def draft(setting: dict[str, Any], **fields: Any) -> ProgressReport:
    report = workflow.start_report(setting["task"], setting["period"], setting["officer"])
    for name, value in {"narrative": "Đã tổ chức 3 hội nghị.", **fields}.items():
        setattr(report, name, value)
    report.save()
    return report


def test_start_returns_the_existing_report(setting: dict[str, Any]) -> None:
    first = workflow.start_report(setting["task"], setting["period"], setting["officer"])
    again = workflow.start_report(setting["task"], setting["period"], setting["officer"])
    assert first.pk == again.pk
    assert first.status == ProgressReport.Status.DRAFT
    assert first.agency == setting["task"].lead_agency


def test_submit_return_resubmit_approve(setting: dict[str, Any]) -> None:
    report = draft(setting, percent_done=40)
    first = factories.at(date(2026, 7, 8))
    report = workflow.submit(report, setting["officer"], now=first)
    assert report.status == ProgressReport.Status.SUBMITTED
    assert report.first_submitted_at == first

    report = workflow.return_report(
        report, setting["coordinator"], "Bổ sung minh chứng.", now=factories.at(date(2026, 7, 9))
    )
    assert report.status == ProgressReport.Status.RETURNED
    assert report.return_reason == "Bổ sung minh chứng."
    assert report.editable

    later = factories.at(date(2026, 7, 15))
    report = workflow.submit(report, setting["officer"], now=later)
    assert report.first_submitted_at == first  # timeliness counts the first submission
    assert report.submitted_at == later
    assert report.return_reason == ""

    report = workflow.approve(report, setting["coordinator"], now=factories.at(date(2026, 7, 16)))
    assert report.status == ProgressReport.Status.APPROVED
    assert report.reviewed_by == setting["coordinator"]
    task = Task.objects.get(pk=setting["task"].pk)
    assert (task.status, task.percent_done) == (Task.Status.IN_PROGRESS, 40)


def test_an_approved_report_is_locked(setting: dict[str, Any]) -> None:
    report = workflow.submit(draft(setting), setting["officer"])
    report = workflow.approve(report, setting["coordinator"])
    report.narrative = "changed afterwards"
    with pytest.raises(ReportLockedError):
        report.save()
    # They may act on the report, but not in its state: told so, not refused.
    with pytest.raises(workflow.ReportStateChanged):
        workflow.submit(report, setting["officer"])
    with pytest.raises(workflow.ReportStateChanged):
        workflow.return_report(report, setting["coordinator"], "too late")
    assert ProgressReport.objects.get(pk=report.pk).narrative == "Đã tổ chức 3 hội nghị."


def test_return_needs_a_reason(setting: dict[str, Any]) -> None:
    report = workflow.submit(draft(setting), setting["officer"])
    with pytest.raises(ValidationError):
        workflow.return_report(report, setting["coordinator"], "   ")
    assert ProgressReport.objects.get(pk=report.pk).status == ProgressReport.Status.SUBMITTED


def test_submit_needs_a_narrative(setting: dict[str, Any]) -> None:
    report = draft(setting, narrative="")
    with pytest.raises(ValidationError):
        workflow.submit(report, setting["officer"])


def test_others_are_refused(setting: dict[str, Any]) -> None:
    stranger = factories.user(Role.OFFICER, factories.agency("elsewhere"))
    with pytest.raises(PermissionDenied):
        workflow.start_report(setting["task"], setting["period"], stranger)
    report = draft(setting)
    with pytest.raises(PermissionDenied):
        workflow.submit(report, stranger)
    with pytest.raises(workflow.ReportStateChanged):
        workflow.approve(report, setting["coordinator"])  # still a draft
    report = workflow.submit(report, setting["officer"])
    with pytest.raises(PermissionDenied):
        workflow.approve(report, setting["officer"])


def test_approval_completes_the_task(setting: dict[str, Any]) -> None:
    report = draft(setting, task_status=Task.Status.COMPLETED, percent_done=90)
    report = workflow.submit(report, setting["officer"])
    workflow.approve(report, setting["coordinator"], now=factories.at(date(2026, 7, 20)))
    task = Task.objects.get(pk=setting["task"].pk)
    assert task.status == Task.Status.COMPLETED
    assert task.percent_done == 100
    # Completed within the period the report covers.
    assert task.completed_on == date(2026, 6, 30)


def test_an_older_period_does_not_override_a_newer_approval(setting: dict[str, Any]) -> None:
    newer = draft(setting, percent_done=60)
    workflow.approve(workflow.submit(newer, setting["officer"]), setting["coordinator"])
    older = workflow.start_report(setting["task"], factories.quarter(2026, 1), setting["officer"])
    older.narrative, older.percent_done = "Q1", 20
    older.save()
    workflow.approve(workflow.submit(older, setting["officer"]), setting["coordinator"])
    assert Task.objects.get(pk=setting["task"].pk).percent_done == 60


def test_history_keeps_who_and_before_after(setting: dict[str, Any]) -> None:
    report = workflow.submit(draft(setting), setting["officer"])
    workflow.return_report(report, setting["coordinator"], "Thiếu số liệu")
    records = list(ProgressReport.history.filter(id=report.pk).order_by("history_date"))
    assert [r.status for r in records][-2:] == ["submitted", "returned"]
    assert records[-1].history_user == setting["coordinator"]
    delta = records[-1].diff_against(records[-2])
    changed = {change.field: (change.old, change.new) for change in delta.changes}
    assert changed["status"] == ("submitted", "returned")
    assert changed["return_reason"] == ("", "Thiếu số liệu")
