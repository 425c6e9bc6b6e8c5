"""An officer's own work: tasks, reports due, returned reports; and notifications."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cnvh.plan import workflow
from cnvh.plan.completeness import current_period, owes_report
from cnvh.plan.models import Notification, ProgressReport, ReportingPeriod, Task
from cnvh.plan.permissions import makes_reports_on, require, tasks_of_agencies
from cnvh.plan.reminders import message
from cnvh.plan.views.common import today
from cnvh.presentation.parameters import parse_id


@dataclass
class Due:
    task: Task
    period: ReportingPeriod
    report: ProgressReport | None
    overdue: bool


def my_tasks(user: Any) -> QuerySet[Task]:
    return tasks_of_agencies(user).select_related("group", "lead_agency").order_by("due_on", "code")


def reports_due(tasks: list[Task], day: date) -> list[Due]:
    """Reports of the current periods and overdue ones not yet submitted, oldest first.

    Only the tasks the officer's agencies lead: the lead agency makes the report.
    """
    current = {current_period(day, kind) for kind in ReportingPeriod.Kind.values}
    periods = [
        period
        for period in ReportingPeriod.objects.filter(starts_on__lte=day)
        if period.is_past_due(day) or period in current
    ]
    periods += [period for period in current if period is not None and period not in periods]
    existing = {
        (report.task_id, report.period_id): report
        for report in ProgressReport.objects.filter(task__in=tasks, period__in=periods)
    }
    due = []
    for period in sorted(periods, key=lambda period: (period.due_on, period.kind)):
        for task in tasks:
            report = existing.get((task.pk, period.pk))
            if not owes_report(task, period) or _submitted(report):
                continue
            due.append(Due(task, period, report, overdue=period.is_past_due(day)))
    return due


def _submitted(report: ProgressReport | None) -> bool:
    # A returned report is listed with its reason, not as due.
    return report is not None and report.status != ProgressReport.Status.DRAFT


@require_safe
@login_required
def my_work(request: HttpRequest) -> HttpResponse:
    require(request.user, "plan.view_my_work")
    day = today()
    tasks = list(my_tasks(request.user))
    for task in tasks:
        task.overdue = task.is_overdue(day)  # type: ignore[attr-defined]
    returned = ProgressReport.objects.filter(
        task__in=tasks, status=ProgressReport.Status.RETURNED
    ).select_related("task", "period", "reviewed_by")
    # Submitted reports stay in sight until they are approved or returned.
    waiting = (
        ProgressReport.objects.filter(task__in=tasks, status=ProgressReport.Status.SUBMITTED)
        .select_related("task", "period")
        .order_by("period__due_on", "task__code")
    )
    context = {
        "tasks": tasks,
        "waiting": waiting,
        "due": reports_due([task for task in tasks if makes_reports_on(request.user, task)], day),
        "returned": returned,
    }
    return render(request, "plan/my_work.html", context)


@require_POST
@login_required
def start_report(request: HttpRequest) -> HttpResponse:
    """Create (or find) the task's report for the period and open its form."""
    task = get_object_or_404(Task, pk=parse_id(request.POST.get("task")) or 0)
    period = get_object_or_404(ReportingPeriod, pk=parse_id(request.POST.get("period")) or 0)
    if not owes_report(task, period):
        raise PermissionDenied("no report is due for this task and period")
    report = workflow.start_report(task, period, request.user)
    return redirect("plan-report", pk=report.pk)


@require_safe
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    items = list(
        Notification.objects.filter(user=user).select_related("task", "period", "report")[:200]
    )
    for item in items:
        item.text = message(item)  # type: ignore[attr-defined]
    return render(request, "plan/notifications.html", {"notifications": items})


@require_POST
@login_required
def mark_read(request: HttpRequest) -> HttpResponse:
    """Mark one notification (`id`) or all of them read; only the user's own."""
    user: Any = request.user
    mine = Notification.objects.filter(user=user, read_at__isnull=True)
    if request.POST.get("id"):
        mine = mine.filter(pk=parse_id(request.POST["id"]) or 0)
    count = mine.update(read_at=timezone.now())
    if count:
        messages.success(request, _("Marked as read."))
    return redirect("plan-notifications")
