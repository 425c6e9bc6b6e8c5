"""The plan with its groups and tasks, the filters, the CSV, and the task page."""

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cnvh.plan import copies, values
from cnvh.plan.completeness import current_period
from cnvh.plan.forms import OVERDUE, TaskFilterForm
from cnvh.plan.models import Indicator, Plan, ProgressReport, ReportingPeriod, Task
from cnvh.plan.permissions import reports_visible_to, require
from cnvh.plan.views.common import today
from cnvh.presentation import indicators as indicator_page
from cnvh.presentation.access import published_only
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.presentation.tables.tasks import task_table


def chosen_plan(request: HttpRequest) -> Plan:
    """The plan asked for, or the latest one (a city runs one plan at a time)."""
    plans = Plan.objects.select_related("document", "owner")
    code = request.GET.get("plan")
    plan = plans.filter(code=code).first() if code else plans.first()
    if plan is None:
        raise Http404(_("No plan has been loaded yet."))
    return plan


def filtered_tasks(plan: Plan, form: TaskFilterForm, day: date) -> QuerySet[Task]:
    tasks = Task.objects.filter(group__plan=plan).select_related("group", "lead_agency")
    if not form.is_valid():
        return tasks
    data = form.cleaned_data
    if data["agency"]:
        tasks = tasks.filter(lead_agency=data["agency"])
    if data["group"]:
        tasks = tasks.filter(group=data["group"])
    if data["due_from"]:
        tasks = tasks.filter(due_on__gte=data["due_from"])
    if data["due_to"]:
        tasks = tasks.filter(due_on__lte=data["due_to"])
    if data["status"] == OVERDUE:
        tasks = tasks.overdue(day)
    elif data["status"]:
        tasks = tasks.filter(status=data["status"])
    return tasks


def grouped(tasks: Iterable[Task], day: date, collapse: bool = True) -> list[dict[str, Any]]:
    """Tasks under their content groups, in plan order, each marked overdue or not; with
    `collapse`, the copies of a ward task as one line where the first copy stood."""
    tasks = list(tasks)
    lines = copies.gather(tasks, day) if collapse else {}
    groups: dict[int, dict[str, Any]] = {}
    for task in tasks:
        task.overdue = task.is_overdue(day)  # type: ignore[attr-defined]
        entry = groups.setdefault(task.group_id, {"group": task.group, "tasks": []})
        line = lines.get(task.pk)
        if line is None:
            entry["tasks"].append(task)
        elif line.tasks[0] is task:
            entry["tasks"].append(line)
    return list(groups.values())


def copies_asked(request: HttpRequest) -> str | None:
    """The code whose ward copies the drill-down lists (`?copies=1.2`)."""
    code = request.GET.get("copies", "")
    return code if re.fullmatch(r"[\w.]{1,40}", code) else None


@require_safe
@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plan = chosen_plan(request)
    require(request.user, "plan.view_plan", plan)
    form = TaskFilterForm(request.GET or None, plan=plan)
    day = today()
    tasks = filtered_tasks(plan, form, day)
    drill_down = copies_asked(request)
    if drill_down:
        tasks = tasks.filter(code__startswith=f"{drill_down}-", lead_agency__kind__in=copies.LOCAL)
    if file_format := requested_format(request):
        with_agencies = tasks.prefetch_related("coordinating_agencies")
        table = task_table(plan, with_agencies, day, request.build_absolute_uri())
        return table_response(table, file_format)
    context = {
        "plan": plan,
        "form": form,
        # One line per copied task unless its copies, or one agency's tasks, are asked.
        "groups": grouped(tasks, day, collapse=not drill_down and not request.GET.get("agency")),
        "drill_down": drill_down,
        "csv_query": _csv_query(request),
        "xlsx_query": _csv_query(request, "xlsx"),
    }
    # htmx asks for the table alone when a filter changes.
    template = "plan/_task_table.html" if getattr(request, "htmx", False) else "plan/plan.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _csv_query(request: HttpRequest, file_format: str = "csv") -> str:
    query = request.GET.copy()
    query["format"] = file_format
    return query.urlencode()


@require_safe
@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(
        Task.objects.select_related("group__plan", "lead_agency").prefetch_related(
            "coordinating_agencies", "indicators"
        ),
        pk=pk,
    )
    require(request.user, "plan.view_task", task)
    reports = visible_reports(request.user, task)
    period = startable_period(request.user, task, {report.period_id for report in reports})
    context = {
        "task": task,
        "overdue": task.is_overdue(today()),
        "reports": reports,
        "indicators": indicator_rows(list(task.indicators.all()), published_only(request)),
        "start_period": period,
    }
    return render(request, "plan/task.html", context)


def indicator_rows(indicators: list[Indicator], public: bool) -> list[dict[str, Any]]:
    """Each indicator with its latest value (and where it came from) and its scale."""
    every_series = values.series_many(indicators, published_only=public)
    rows = []
    for indicator in indicators:
        series = every_series[indicator.pk]
        latest = series[-1] if series else None
        shown = indicator_page.scale(indicator, [latest.value] if latest else [])
        rows.append({"indicator": indicator, "latest": latest, "scale": shown})
    return rows


def visible_reports(user: Any, task: Task) -> list[ProgressReport]:
    reports = list(
        reports_visible_to(user)
        .filter(task=task)
        .select_related("period", "agency", "submitted_by", "reviewed_by")
        .order_by("-period__starts_on")
    )
    for report in reports:
        report.task = task  # the page's task object: no query for it again
    return reports


def startable_period(user: Any, task: Task, reported: set[int]) -> ReportingPeriod | None:
    """The current period of the task's frequency, if the user may start its report."""
    if not user.has_perm("plan.add_report", task):
        return None
    period = current_period(today(), task.frequency)
    if period is None or period.pk in reported:
        return None
    return period
