"""The life of a progress report: start, edit, submit, return, approve.

Every step checks the caller's permission through the one rules module and
records who did it; the history of the report keeps the before and after.
Approving a report moves the task's status and percent done, so the plan's
figures always come from approved reports.

Every step that writes re-reads the report under a row lock inside its transaction,
checks its state again there and saves only the columns it changes: two steps at the
same moment (an edit and a submission, two approvers) run one after the other, and
the second sees what the first did. A step the report's new state no longer allows
raises `ReportStateChanged`, which the pages and the API turn into a clear message.
"""

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cnvh.plan import evidence, limits, reminders
from cnvh.plan.models import Indicator, ProgressReport, ReportingPeriod, ReportValue, Task
from cnvh.plan.permissions import require

# The columns a draft's author fills in; the workflow's steps set the others.
EDITED_FIELDS = ("task_status", "percent_done", "narrative")


class ReportStateChanged(Exception):
    """The report is no longer in a state that allows the step: another step (an edit
    elsewhere, a submission, an approval) came first."""

    def __init__(self, report: ProgressReport) -> None:
        super().__init__(report.status)
        self.report = report
        self.status = report.status


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
def save_draft(
    report: ProgressReport,
    user: Any,
    fields: Mapping[str, Any],
    values: Mapping[Indicator, Decimal | None],
    upload: Any = None,
) -> ProgressReport:
    """Write the author's fields (only those of EDITED_FIELDS given), the indicators'
    values (None removes one) and an evidence file, if the report is still editable."""
    if "narrative" in fields:
        limits.check_length("narrative", fields["narrative"], limits.MAX_NARRATIVE)
    report = _locked(report)
    _check_state(report, user, report.editable)
    require(user, "plan.change_report", report)
    changed = [name for name in EDITED_FIELDS if name in fields]
    for name in changed:
        setattr(report, name, fields[name])
    if changed:
        _stamp(report, user)
        report.save(update_fields=changed)
    for indicator, value in values.items():
        _save_value(report, indicator, value)
    if upload:
        evidence.attach(report, upload, user)
    return report


def _save_value(report: ProgressReport, indicator: Indicator, value: Decimal | None) -> None:
    if value is None:
        # One by one, so that the history keeps each removal.
        for stored in ReportValue.objects.filter(report=report, indicator=indicator):
            stored.delete()
        return
    ReportValue.objects.update_or_create(
        report=report, indicator=indicator, defaults={"value": value}
    )


@transaction.atomic
def submit(report: ProgressReport, user: Any, now: datetime | None = None) -> ProgressReport:
    report = _locked(report)
    _check_state(report, user, report.editable)
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
    report.save(
        update_fields=[
            "status",
            "submitted_at",
            "submitted_by",
            "first_submitted_at",
            "return_reason",
        ]
    )
    reminders.mark_handled(report, now, submitted=True)
    reminders.notify_submitted(report)
    return report


@transaction.atomic
def return_report(
    report: ProgressReport, user: Any, reason: str, now: datetime | None = None
) -> ProgressReport:
    report = _locked(report)
    _check_state(report, user, report.status == ProgressReport.Status.SUBMITTED)
    require(user, "plan.review_report", report)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the report is returned and what to fix.")})
    limits.check_length("reason", reason.strip(), limits.MAX_RETURN_REASON)
    now = now or timezone.now()
    report.status = ProgressReport.Status.RETURNED
    report.return_reason = reason.strip()
    report.reviewed_at = now
    report.reviewed_by = user
    _stamp(report, user, now)
    report.save(update_fields=["status", "return_reason", "reviewed_at", "reviewed_by"])
    reminders.mark_handled(report, now)
    reminders.notify_returned(report)
    return report


@transaction.atomic
def approve(report: ProgressReport, user: Any, now: datetime | None = None) -> ProgressReport:
    report = _locked(report)
    _check_state(report, user, report.status == ProgressReport.Status.SUBMITTED)
    require(user, "plan.review_report", report)
    now = now or timezone.now()
    report.status = ProgressReport.Status.APPROVED
    report.reviewed_at = now
    report.reviewed_by = user
    _stamp(report, user, now)
    report.save(update_fields=["status", "reviewed_at", "reviewed_by"])
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


def _check_state(report: ProgressReport, user: Any, allowed: bool) -> None:
    """Refuse a step the report's present state does not allow. Only for someone who
    may see the report: the others get the permission's refusal, which tells nothing."""
    if not allowed and user.has_perm("plan.view_report", report):
        raise ReportStateChanged(report)


def _locked(report: ProgressReport) -> ProgressReport:
    """Re-read the report under a row lock, so two steps cannot both act on what they
    read before: the second waits for the first to commit, then sees its result."""
    return (
        ProgressReport.objects.select_for_update()
        .select_related("task", "period")
        .get(pk=report.pk)
    )
