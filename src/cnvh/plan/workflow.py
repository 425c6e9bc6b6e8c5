"""The life of a progress report: start, edit, submit, return, approve.

Every step checks the caller's permission through the one rules module and
records who did it; the history of the report keeps the before and after.
Approving a report moves the task's status and percent done, so the plan's
figures always come from approved reports.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cnvh.plan import reminders
from cnvh.plan.models import ProgressReport, ReportingPeriod, Task
from cnvh.plan.permissions import require


def _stamp(report: ProgressReport | Task, user: Any, now: datetime | None = None) -> None:
    # simple-history reads the acting user (and, for back-dated records such as
    # the demo's, the time) from here outside a web request.
    report._history_user = user  # type: ignore[union-attr]
    if now is not None:
        report._history_date = now  # type: ignore[union-attr]


def start_report(
    task: Task, period: ReportingPeriod, user: Any, now: datetime | None = None
) -> ProgressReport:
    """The task's report for the period: the existing one, or a new draft that
    starts from the task's current status and percent done."""
    require(user, "plan.add_report", task)
    existing = ProgressReport.objects.filter(task=task, period=period).first()
    if existing is not None:
        return existing
    report = ProgressReport(
        task=task,
        period=period,
        agency=task.lead_agency,
        created_by=user,
        task_status=(
            task.status if task.status != Task.Status.NOT_STARTED else Task.Status.IN_PROGRESS
        ),
        percent_done=task.percent_done,
        created_at=now or timezone.now(),
    )
    _stamp(report, user, now)
    report.save()
    return report


@transaction.atomic
def submit(report: ProgressReport, user: Any, now: datetime | None = None) -> ProgressReport:
    report = _locked(report)
    require(user, "plan.submit_report", report)
    if not report.narrative.strip():
        raise ValidationError(
            {"narrative": _("Write what was done in the period before submitting.")}
        )
    now = now or timezone.now()
    report.status = ProgressReport.Status.SUBMITTED
    report.submitted_at = now
    report.submitted_by = user
    report.first_submitted_at = report.first_submitted_at or now
    report.return_reason = ""
    _stamp(report, user, now)
    report.save()
    reminders.mark_handled(report, now, submitted=True)
    reminders.notify_submitted(report)
    return report


@transaction.atomic
def return_report(
    report: ProgressReport, user: Any, reason: str, now: datetime | None = None
) -> ProgressReport:
    report = _locked(report)
    require(user, "plan.review_report", report)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the report is returned and what to fix.")})
    now = now or timezone.now()
    report.status = ProgressReport.Status.RETURNED
    report.return_reason = reason.strip()
    report.reviewed_at = now
    report.reviewed_by = user
    _stamp(report, user, now)
    report.save()
    reminders.mark_handled(report, now)
    reminders.notify_returned(report)
    return report


@transaction.atomic
def approve(report: ProgressReport, user: Any, now: datetime | None = None) -> ProgressReport:
    report = _locked(report)
    require(user, "plan.review_report", report)
    now = now or timezone.now()
    report.status = ProgressReport.Status.APPROVED
    report.reviewed_at = now
    report.reviewed_by = user
    _stamp(report, user, now)
    report.save()
    reminders.mark_handled(report, now)
    _update_task(report, user, now)
    return report


def _update_task(report: ProgressReport, user: Any, now: datetime) -> None:
    """The task takes the status of its latest approved report (by period)."""
    task = Task.objects.select_for_update().get(pk=report.task_id)
    latest = (
        task.reports.filter(status=ProgressReport.Status.APPROVED)
        .order_by("-period__ends_on", "-reviewed_at")
        .first()
    )
    if latest is None or latest.pk != report.pk:
        return
    task.status = report.task_status
    task.percent_done = report.percent_done
    if report.task_status == Task.Status.COMPLETED:
        task.percent_done = 100
        today = timezone.localdate(now)
        task.completed_on = task.completed_on or min(today, report.period.ends_on)
    else:
        task.completed_on = None
    _stamp(task, user, now)
    task.save()


def _locked(report: ProgressReport) -> ProgressReport:
    """Re-read the report under a row lock, so two approvers cannot both act on it."""
    return (
        ProgressReport.objects.select_for_update()
        .select_related("task", "period")
        .get(pk=report.pk)
    )
