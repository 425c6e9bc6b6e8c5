"""Investment projects of the cultural industries and their figures, for members, as the
pages show them: the list with the same filters, one project with its capital by year
and source, milestones and steps, and the figures of a year. Amounts in VND, never
rounded; a figure names the projects that make it."""

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS
from cnvh.api.fields import IdInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, page
from cnvh.enterprises.investment.figures import (
    Capital,
    capital_table,
    investment_figures,
    on_schedule,
    with_records,
)
from cnvh.enterprises.investment.lookup import filtered, scheduled
from cnvh.enterprises.models import InvestmentProject
from cnvh.plan.permissions import require

router = Router(tags=["investment"], auth=auth.member)


class InvestmentProjectOut(Schema):
    id: int
    name_vi: str
    name_en: str
    kind: str
    status: str
    on_schedule: bool = Field(description="Under way, no milestone overdue, today.")
    investor_enterprise: str | None = Field(description="The investor's page key (tax code).")
    investor_agency: str | None = Field(description="The investing agency's code.")
    managing_agency: str
    sector: str = Field(description="A sector of hanoi-plan, or empty.")
    ward_code: str
    location: str
    total_capital: Decimal = Field(description="VND.")
    planned: Decimal = Field(description="VND, all years and sources.")
    disbursed: Decimal = Field(description="VND, all years and sources.")
    principle_decision_number: str
    principle_decided_on: date | None
    investment_decision_number: str
    investment_decided_on: date | None
    starts_on: date | None
    ends_on: date | None


class InvestmentCapitalOut(Schema):
    year: int | None
    source: str | None = Field(description="Null: all sources of the year.")
    planned: Decimal = Field(description="VND.")
    disbursed: Decimal = Field(description="VND.")
    projects: list[int] = Field(description="The projects whose capital makes the figure.")


class InvestmentMilestoneOut(Schema):
    title: str
    due_on: date
    done_on: date | None


class InvestmentStepOut(Schema):
    status: str
    on: date
    reason: str


class InvestmentProjectDetailOut(InvestmentProjectOut):
    capital: list[InvestmentCapitalOut]
    milestones: list[InvestmentMilestoneOut]
    steps: list[InvestmentStepOut]


class InvestmentProjectPage(PageMeta):
    items: list[InvestmentProjectOut]


class InvestmentFilter(PageQuery):
    status: str | None = Field(None, max_length=12, pattern=r"^[a-z_]+$")
    source: str | None = Field(None, max_length=16, pattern=r"^[a-z_]+$")
    year: int | None = Field(None, ge=1990, le=2100, description="With capital that year.")
    sector: str | None = Field(None, max_length=64, pattern=r"^[a-z_]+$")
    ward: str | None = Field(None, max_length=5, pattern=r"^[0-9]+$")
    kind: str | None = Field(None, max_length=12, pattern=r"^[a-z_]+$")
    schedule: Literal["on", "behind"] | None = Field(None, description="Read today.")


class InvestmentFiguresOut(Schema):
    year: int
    day: date = Field(description="The day the schedule is read: the year's end, or today.")
    by_source: list[InvestmentCapitalOut]
    total: InvestmentCapitalOut
    approved: list[int] = Field(
        description="Projects whose decision of investment is dated in the year."
    )
    under_way: list[int] = Field(description="Projects under way or stalled on the day.")
    on_schedule: list[int] = Field(description="Of those, the projects on schedule.")


PROJECT_FIELDS = (
    "id",
    "name_vi",
    "name_en",
    "kind",
    "status",
    "sector",
    "ward_code",
    "location",
    "total_capital",
    "principle_decision_number",
    "principle_decided_on",
    "investment_decision_number",
    "investment_decided_on",
    "starts_on",
    "ends_on",
)


def capital_out(found: Capital) -> dict[str, Any]:
    return {
        "year": found.year,
        "source": found.source,
        "planned": found.planned,
        "disbursed": found.disbursed,
        "projects": list(found.projects),
    }


def project_out(project: InvestmentProject, day: date) -> dict[str, Any]:
    enterprise, agency = project.investor_enterprise, project.investor_agency
    return {
        **{name: getattr(project, name) for name in PROJECT_FIELDS},
        "on_schedule": on_schedule(project, day),
        "investor_enterprise": enterprise.key if enterprise is not None else None,
        "investor_agency": agency.code if agency is not None else None,
        "managing_agency": project.managing_agency.code,
        "planned": project.planned(),
        "disbursed": project.disbursed(),
    }


@router.get(
    "/investment-projects",
    response={200: InvestmentProjectPage, **ERRORS},
    operation_id="listInvestmentProjects",
    summary="Investment projects, filtered as on the list page",
)
def list_projects(request: HttpRequest, filters: Query[InvestmentFilter]) -> dict[str, Any]:
    require(caller(request), "enterprises.view_projects")
    day = timezone.localdate()
    found = scheduled(filtered(filters.dict()), filters.schedule or "", day)
    total, items = page(found, filters)
    return {**meta(total, filters), "items": [project_out(p, day) for p in items]}


@router.get(
    "/investment-projects/{project_id}",
    response={200: InvestmentProjectDetailOut, **ERRORS},
    operation_id="getInvestmentProject",
    summary="One project: capital by year and source, milestones, steps",
)
def get_project(request: HttpRequest, project_id: IdInPath) -> dict[str, Any]:
    require(caller(request), "enterprises.view_projects")
    project = get_object_or_404(with_records(InvestmentProject.objects.all()), pk=project_id)
    return {
        **project_out(project, timezone.localdate()),
        "capital": [capital_out(row) for row in capital_table(project.capital.all())],
        "milestones": [
            {"title": m.title, "due_on": m.due_on, "done_on": m.done_on}
            for m in project.milestones.all()
        ],
        "steps": [
            {"status": s.status, "on": s.on, "reason": s.reason} for s in project.steps.all()
        ],
    }


class FiguresQuery(Schema):
    year: int = Field(ge=1990, le=2100)


@router.get(
    "/investment-figures",
    response={200: InvestmentFiguresOut, **ERRORS},
    operation_id="getInvestmentFigures",
    summary="Capital planned and disbursed by source, and projects on schedule, in a year",
)
def get_figures(request: HttpRequest, query: Query[FiguresQuery]) -> dict[str, Any]:
    require(caller(request), "enterprises.view_indicators")
    found = investment_figures(query.year)
    return {
        "year": found.year,
        "day": found.day,
        "by_source": [capital_out(row) for row in found.by_source],
        "total": capital_out(found.total),
        "approved": [p.pk for p in found.approved],
        "under_way": [p.pk for p in found.under_way],
        "on_schedule": [p.pk for p in found.on_schedule],
    }
