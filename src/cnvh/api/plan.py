"""The plan, its content groups, tasks and reporting periods: for members, as on the
plan's pages (`plan.view_plan`, `plan.view_task`)."""

from datetime import date
from typing import Any, Literal

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS
from cnvh.api.fields import MAX_ID, Code, CodeInPath, IdInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.plan.models import ContentGroup, Plan, ReportingPeriod, Task, TaskQuerySet
from cnvh.plan.permissions import require

router = Router(tags=["plan"], auth=auth.member)
OVERDUE = "overdue"


class PlanOut(Schema):
    code: str
    title_vi: str
    title_en: str
    document: str | None = Field(description="The number of the plan's legal document.")
    owner: str = Field(description="The coordinating agency's code.")
    starts_on: date
    ends_on: date
    objectives_vi: str
    objectives_en: str


class PlanPage(PageMeta):
    items: list[PlanOut]


class GroupOut(Schema):
    id: int
    plan: str
    number: int
    title_vi: str
    title_en: str
    tasks: int = Field(description="Tasks in the group.")
    tasks_completed: int = Field(description="Of them, completed (from approved reports).")


class PlanDetailOut(PlanOut):
    groups: list[GroupOut]


class GroupPage(PageMeta):
    items: list[GroupOut]


def plan_out(plan: Plan) -> dict[str, Any]:
    return {
        "code": plan.code,
        "title_vi": plan.title_vi,
        "title_en": plan.title_en,
        "document": plan.document.number if plan.document else None,
        "owner": plan.owner.code,
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "objectives_vi": plan.objectives_vi,
        "objectives_en": plan.objectives_en,
    }


def _groups() -> QuerySet[ContentGroup]:
    completed = Q(tasks__status=Task.Status.COMPLETED)
    return ContentGroup.objects.select_related("plan").annotate(
        task_count=Count("tasks"), completed_count=Count("tasks", filter=completed)
    )


def group_out(group: Any) -> dict[str, Any]:
    return {
        "id": group.pk,
        "plan": group.plan.code,
        "number": group.number,
        "title_vi": group.title_vi,
        "title_en": group.title_en,
        "tasks": group.task_count,
        "tasks_completed": group.completed_count,
    }


@router.get(
    "/plans",
    response={200: PlanPage, **ERRORS},
    operation_id="listPlans",
    summary="Plans, the latest first",
)
def list_plans(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    require(caller(request), "plan.view_plan")
    plans = ordered(Plan.objects.select_related("document", "owner"), "-starts_on")
    total, found = page(plans, paging)
    return {**meta(total, paging), "items": [plan_out(plan) for plan in found]}


@router.get(
    "/plans/{code}",
    response={200: PlanDetailOut, **ERRORS},
    operation_id="getPlan",
    summary="One plan with its content groups",
)
def get_plan(request: HttpRequest, code: CodeInPath) -> dict[str, Any]:
    require(caller(request), "plan.view_plan")
    plan = get_object_or_404(Plan.objects.select_related("document", "owner"), code=code)
    groups = _groups().filter(plan=plan).order_by("number", "pk")
    return {**plan_out(plan), "groups": [group_out(group) for group in groups]}


class GroupFilter(PageQuery):
    plan: Code | None = None


@router.get(
    "/groups",
    response={200: GroupPage, **ERRORS},
    operation_id="listGroups",
    summary="Content groups of the plans",
)
def list_groups(request: HttpRequest, filters: Query[GroupFilter]) -> dict[str, Any]:
    require(caller(request), "plan.view_plan")
    groups = _groups()
    if filters.plan:
        groups = groups.filter(plan__code=filters.plan)
    total, found = page(ordered(groups, "plan__starts_on", "plan_id", "number"), filters)
    return {**meta(total, filters), "items": [group_out(group) for group in found]}


class TaskOut(Schema):
    id: int
    code: str
    plan: str
    group_id: int
    group_number: int
    title_vi: str
    title_en: str
    lead_agency: str = Field(description="Agency code.")
    coordinating_agencies: list[str]
    starts_on: date
    due_on: date
    status: Literal["not_started", "in_progress", "completed", "suspended"]
    percent_done: int = Field(description="From the latest approved report.")
    completed_on: date | None
    overdue: bool
    frequency: Literal["quarter", "half", "year"]
    indicators: list[str] = Field(description="Codes of the indicators the task should move.")


class TaskDetailOut(TaskOut):
    description_vi: str
    description_en: str
    expected_output_vi: str
    expected_output_en: str


class TaskPage(PageMeta):
    items: list[TaskOut]


class TaskFilter(PageQuery):
    plan: Code | None = None
    group_id: int | None = Field(None, ge=1, le=MAX_ID)
    agency: Code | None = Field(None, description="The lead agency's code.")
    status: Literal["not_started", "in_progress", "completed", "suspended", "overdue"] | None = None
    due_from: date | None = None
    due_to: date | None = None


def _tasks() -> TaskQuerySet:
    return Task.objects.select_related("group__plan", "lead_agency").prefetch_related(
        "coordinating_agencies", "indicators"
    )


def task_out(task: Task, day: date) -> dict[str, Any]:
    return {
        "id": task.pk,
        "code": task.code,
        "plan": task.group.plan.code,
        "group_id": task.group_id,
        "group_number": task.group.number,
        "title_vi": task.title_vi,
        "title_en": task.title_en,
        "lead_agency": task.lead_agency.code,
        "coordinating_agencies": sorted(a.code for a in task.coordinating_agencies.all()),
        "starts_on": task.starts_on,
        "due_on": task.due_on,
        "status": task.status,
        "percent_done": task.percent_done,
        "completed_on": task.completed_on,
        "overdue": task.is_overdue(day),
        "frequency": task.frequency,
        "indicators": sorted(i.code for i in task.indicators.all()),
    }


@router.get(
    "/tasks",
    response={200: TaskPage, **ERRORS},
    operation_id="listTasks",
    summary="Tasks, filtered as on the plan page",
)
def list_tasks(request: HttpRequest, filters: Query[TaskFilter]) -> dict[str, Any]:
    require(caller(request), "plan.view_task")
    day = timezone.localdate()
    tasks = _filter_tasks(_tasks(), filters, day)
    total, found = page(ordered(tasks, "group__plan__code", "group__number", "code"), filters)
    return {**meta(total, filters), "items": [task_out(task, day) for task in found]}


def _filter_tasks(tasks: TaskQuerySet, filters: TaskFilter, day: date) -> TaskQuerySet:
    if filters.plan:
        tasks = tasks.filter(group__plan__code=filters.plan)
    if filters.group_id:
        tasks = tasks.filter(group_id=filters.group_id)
    if filters.agency:
        tasks = tasks.filter(lead_agency__code=filters.agency)
    if filters.due_from:
        tasks = tasks.filter(due_on__gte=filters.due_from)
    if filters.due_to:
        tasks = tasks.filter(due_on__lte=filters.due_to)
    if filters.status == OVERDUE:
        tasks = tasks.overdue(day)
    elif filters.status:
        tasks = tasks.filter(status=filters.status)
    return tasks


@router.get(
    "/tasks/{task_id}",
    response={200: TaskDetailOut, **ERRORS},
    operation_id="getTask",
    summary="One task",
)
def get_task(request: HttpRequest, task_id: IdInPath) -> dict[str, Any]:
    task = get_object_or_404(_tasks(), pk=task_id)
    require(caller(request), "plan.view_task", task)
    return {
        **task_out(task, timezone.localdate()),
        "description_vi": task.description_vi,
        "description_en": task.description_en,
        "expected_output_vi": task.expected_output_vi,
        "expected_output_en": task.expected_output_en,
    }


class PeriodOut(Schema):
    id: int
    kind: Literal["quarter", "half", "year"]
    year: int
    number: int
    starts_on: date
    ends_on: date
    due_on: date = Field(description="Reports of the period are due on this day.")


class PeriodPage(PageMeta):
    items: list[PeriodOut]


class PeriodFilter(PageQuery):
    year: int | None = Field(None, ge=1, le=9999)
    kind: Literal["quarter", "half", "year"] | None = None


@router.get(
    "/periods",
    response={200: PeriodPage, **ERRORS},
    operation_id="listPeriods",
    summary="Reporting periods",
)
def list_periods(request: HttpRequest, filters: Query[PeriodFilter]) -> dict[str, Any]:
    require(caller(request), "plan.view_plan")
    periods = ReportingPeriod.objects.all()
    if filters.year:
        periods = periods.filter(year=filters.year)
    if filters.kind:
        periods = periods.filter(kind=filters.kind)
    total, found = page(ordered(periods, "starts_on", "kind"), filters)
    return {**meta(total, filters), "items": [period_out(period) for period in found]}


def period_out(period: ReportingPeriod) -> dict[str, Any]:
    return {
        "id": period.pk,
        "kind": period.kind,
        "year": period.year,
        "number": period.number,
        "starts_on": period.starts_on,
        "ends_on": period.ends_on,
        "due_on": period.due_on,
    }
