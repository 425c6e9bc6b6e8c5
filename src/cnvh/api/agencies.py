"""Agencies, for members (`plan.view_agency`), with each one's reporting record as the
agency page shows it (`cnvh.plan.completeness`)."""

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
from cnvh.api.fields import CodeInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.plan import completeness
from cnvh.plan.models import Agency, ReportingPeriod, Task
from cnvh.plan.permissions import require

router = Router(tags=["agencies"], auth=auth.member)
Kind = Literal["city", "department", "ward", "commune", "district", "other"]


class AgencyOut(Schema):
    code: str
    kind: Kind
    name_vi: str
    name_en: str
    short_name: str
    unit_code: str = Field(description="GSO code of the administrative unit it governs.")
    parent: str | None
    valid_from: date | None
    valid_to: date | None
    current: bool = Field(description="Exists today (former districts do not).")
    latitude: float | None
    longitude: float | None
    email: str
    tasks_led: int
    tasks_coordinated: int


class AgencyPage(PageMeta):
    items: list[AgencyOut]


class CompletenessOut(Schema):
    period_id: int
    period_kind: str
    period_year: int
    period_number: int
    due_on: date
    reports_due: int
    reports_submitted: int
    reports_on_time: int
    completeness: float | None = Field(description="Submitted ÷ due, a fraction.")
    timeliness: float | None = Field(description="Submitted by the due date ÷ due.")
    missing_task_ids: list[int]


class AgencyDetailOut(AgencyOut):
    children: list[str]
    reporting: list[CompletenessOut] = Field(
        description="By period whose reports are past due, oldest first."
    )


class AgencyFilter(PageQuery):
    kind: Kind | None = None
    current: bool | None = Field(None, description="Only agencies that exist today, or not.")


def _agencies() -> QuerySet[Agency]:
    return Agency.objects.select_related("parent").annotate(
        led=Count("led_tasks", distinct=True),
        coordinated=Count("coordinated_tasks", distinct=True),
    )


def agency_out(agency: Any, day: date) -> dict[str, Any]:
    return {
        "code": agency.code,
        "kind": agency.kind,
        "name_vi": agency.name_vi,
        "name_en": agency.name_en,
        "short_name": agency.short_name,
        "unit_code": agency.unit_code,
        "parent": agency.parent.code if agency.parent else None,
        "valid_from": agency.valid_from,
        "valid_to": agency.valid_to,
        "current": agency.exists_on(day),
        "latitude": agency.latitude,
        "longitude": agency.longitude,
        "email": agency.email,
        "tasks_led": agency.led,
        "tasks_coordinated": agency.coordinated,
    }


@router.get(
    "/agencies",
    response={200: AgencyPage, **ERRORS},
    operation_id="listAgencies",
    summary="Agencies that lead, coordinate and report on the plan",
)
def list_agencies(request: HttpRequest, filters: Query[AgencyFilter]) -> dict[str, Any]:
    require(caller(request), "plan.view_agency")
    day = timezone.localdate()
    agencies = _agencies()
    if filters.kind:
        agencies = agencies.filter(kind=filters.kind)
    today = Q(valid_from__isnull=True) | Q(valid_from__lte=day)
    today &= Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    if filters.current is True:
        agencies = agencies.filter(today)
    elif filters.current is False:
        agencies = agencies.exclude(today)
    total, found = page(ordered(agencies, "code"), filters)
    return {**meta(total, filters), "items": [agency_out(agency, day) for agency in found]}


@router.get(
    "/agencies/{code}",
    response={200: AgencyDetailOut, **ERRORS},
    operation_id="getAgency",
    summary="One agency with its reporting record",
)
def get_agency(request: HttpRequest, code: CodeInPath) -> dict[str, Any]:
    agency = get_object_or_404(_agencies(), code=code)
    require(caller(request), "plan.view_agency", agency)
    day = timezone.localdate()
    periods = ReportingPeriod.objects.past_due(day)
    rows = completeness.completeness(periods, Task.objects.filter(lead_agency=agency))
    return {
        **agency_out(agency, day),
        "children": list(agency.children.order_by("code").values_list("code", flat=True)),
        "reporting": [_completeness(row) for row in rows],
    }


def _completeness(row: completeness.Completeness) -> dict[str, Any]:
    return {
        "period_id": row.period.pk,
        "period_kind": row.period.kind,
        "period_year": row.period.year,
        "period_number": row.period.number,
        "due_on": row.period.due_on,
        "reports_due": row.expected,
        "reports_submitted": row.submitted,
        "reports_on_time": row.on_time,
        "completeness": row.completeness,
        "timeliness": row.timeliness,
        "missing_task_ids": [task.pk for task in row.missing],
    }
