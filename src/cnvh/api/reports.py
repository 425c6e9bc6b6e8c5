"""Progress reports, each one only if `plan.view_report` allows it: the list and a
report by its id are read from `cnvh.plan.permissions.reports_visible_to`."""

from datetime import date, datetime
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS
from cnvh.api.fields import MAX_ID, Code, IdInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.plan.models import ProgressReport
from cnvh.plan.permissions import reports_visible_to, require

router = Router(tags=["reports"], auth=auth.member)
Status = Literal["draft", "submitted", "returned", "approved"]
TaskStatus = Literal["not_started", "in_progress", "completed", "suspended"]


class ReportValueOut(Schema):
    indicator: str = Field(description="The indicator's code.")
    value: float = Field(description="In the indicator's unit.")
    note: str


class EvidenceOut(Schema):
    id: int
    name: str
    size: int = Field(description="Bytes.")
    sha256: str
    uploaded_at: datetime


class AllowedOut(Schema):
    change: bool
    submit: bool
    review: bool


class ReportOut(Schema):
    id: int
    task_id: int
    task_code: str
    period_id: int
    period_kind: Literal["quarter", "half", "year"]
    period_year: int
    period_number: int
    due_on: date
    agency: str = Field(description="The reporting agency's code.")
    status: Status
    task_status: TaskStatus
    percent_done: int
    narrative: str
    return_reason: str
    created_by: str
    created_at: datetime
    first_submitted_at: datetime | None
    submitted_at: datetime | None
    submitted_by: str | None
    reviewed_at: datetime | None
    reviewed_by: str | None
    on_time: bool | None = Field(description="First submitted by the period's due date.")
    values: list[ReportValueOut]
    allowed: AllowedOut = Field(description="What you may do with it now.")


class ReportDetailOut(ReportOut):
    evidence: list[EvidenceOut]


class ReportPage(PageMeta):
    items: list[ReportOut]


class ReportFilter(PageQuery):
    task_id: int | None = Field(None, ge=1, le=MAX_ID)
    period_id: int | None = Field(None, ge=1, le=MAX_ID)
    status: Status | None = None
    agency: Code | None = Field(None, description="The reporting agency's code.")


def with_related(reports: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
    return reports.select_related(
        "task", "period", "agency", "created_by", "submitted_by", "reviewed_by"
    ).prefetch_related("values__indicator", "task__coordinating_agencies")


def report_out(user: Any, report: ProgressReport) -> dict[str, Any]:
    period = report.period
    return {
        "id": report.pk,
        "task_id": report.task_id,
        "task_code": report.task.code,
        "period_id": period.pk,
        "period_kind": period.kind,
        "period_year": period.year,
        "period_number": period.number,
        "due_on": period.due_on,
        "agency": report.agency.code,
        "status": report.status,
        "task_status": report.task_status,
        "percent_done": report.percent_done,
        "narrative": report.narrative,
        "return_reason": report.return_reason,
        "created_by": report.created_by.get_username(),
        "created_at": report.created_at,
        "first_submitted_at": report.first_submitted_at,
        "submitted_at": report.submitted_at,
        "submitted_by": report.submitted_by.get_username() if report.submitted_by else None,
        "reviewed_at": report.reviewed_at,
        "reviewed_by": report.reviewed_by.get_username() if report.reviewed_by else None,
        "on_time": report.on_time(),
        "values": [
            {"indicator": value.indicator.code, "value": float(value.value), "note": value.note}
            for value in sorted(report.values.all(), key=lambda value: value.indicator.code)
        ],
        "allowed": {
            "change": user.has_perm("plan.change_report", report),
            "submit": user.has_perm("plan.submit_report", report),
            "review": user.has_perm("plan.review_report", report),
        },
    }


def detail_out(user: Any, report: ProgressReport) -> dict[str, Any]:
    evidence = report.evidence.order_by("uploaded_at", "pk")
    return {
        **report_out(user, report),
        "evidence": [
            {
                "id": item.pk,
                "name": item.original_name,
                "size": item.size,
                "sha256": item.sha256,
                "uploaded_at": item.uploaded_at,
            }
            for item in evidence
        ],
    }


def find_report(user: Any, report_id: int) -> ProgressReport:
    """The report, if the caller may see it; otherwise it does not exist for them."""
    return get_object_or_404(with_related(reports_visible_to(user)), pk=report_id)


@router.get(
    "/reports",
    response={200: ReportPage, **ERRORS},
    operation_id="listReports",
    summary="Progress reports you may see, the latest period first",
)
def list_reports(request: HttpRequest, filters: Query[ReportFilter]) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    require(caller(request), "plan.view_plan")
    reports = reports_visible_to(user)
    if filters.task_id:
        reports = reports.filter(task_id=filters.task_id)
    if filters.period_id:
        reports = reports.filter(period_id=filters.period_id)
    if filters.status:
        reports = reports.filter(status=filters.status)
    if filters.agency:
        reports = reports.filter(agency__code=filters.agency)
    reports = ordered(with_related(reports), "-period__starts_on", "task__code")
    total, found = page(reports, filters)
    return {
        **meta(total, filters),
        "items": [report_out(user, report) for report in found],
    }


@router.get(
    "/reports/{report_id}",
    response={200: ReportDetailOut, **ERRORS},
    operation_id="getReport",
    summary="One progress report with its values and evidence files",
)
def get_report(request: HttpRequest, report_id: IdInPath) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    return detail_out(user, find_report(user, report_id))
