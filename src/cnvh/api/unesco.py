"""The UNESCO City of Design registry: its commitments and their activities for the
plan's members (`unesco.view_commitments`), the training, cooperation and dissemination
activities for those the outreach pages show them to (`unesco.view_outreach`), and the
registry's indicators, computed from its records as on the registry's page."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS, ApiError
from cnvh.api.fields import Code
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.plan.permissions import require
from cnvh.unesco.indicators import Span, compute
from cnvh.unesco.models import Commitment, CommitmentActivity, Outreach
from cnvh.unesco.permissions import outreach_visible_to

router = Router(tags=["unesco"], auth=auth.member)
BAD_SPAN = _("The last year is before the first: check both years.")


class SpanQuery(Schema):
    first_year: int | None = Field(None, ge=2000, le=2100, description="Default: this year.")
    last_year: int | None = Field(None, ge=2000, le=2100, description="Default: first_year.")


class UnescoIndicatorsOut(Schema):
    first_year: int
    last_year: int
    commitments: int = Field(description="Commitments recorded.")
    commitments_with_activity: int = Field(description="With an activity in the span.")
    activities: int = Field(description="Commitment activities overlapping the span.")
    inter_city_activities: int = Field(description="Of them, done with a partner city.")
    budget_planned: Decimal = Field(description="Planned budget of all commitments, VND.")
    budget_executed: Decimal = Field(description="Spent by the span's activities, VND.")
    budget_rate: Decimal | None = Field(description="Executed ÷ planned, a fraction.")
    trained_women: int = Field(description="Women in training courses started in the span.")
    trained_men: int
    units_disseminating: int = Field(
        description="Wards and communes that held a dissemination session in the span."
    )
    local_units: int = Field(description="Wards and communes existing at the span's end.")


@router.get(
    "/unesco/indicators",
    response={200: UnescoIndicatorsOut, **ERRORS},
    operation_id="getUnescoIndicators",
    summary="The UNESCO registry's indicators for a span of years",
)
def unesco_indicators(request: HttpRequest, span: Query[SpanQuery]) -> dict[str, Any]:
    require(caller(request), "unesco.view_commitments")
    first = span.first_year or timezone.localdate().year
    last = span.last_year or first
    if last < first:
        raise ApiError(400, "bad_span", BAD_SPAN, field="last_year")
    found = compute(Span(first, last))
    return {
        "first_year": first,
        "last_year": last,
        "commitments": found.commitments,
        "commitments_with_activity": found.commitments_with_activity,
        "activities": found.activities,
        "inter_city_activities": found.inter_city_activities,
        "budget_planned": found.budget_planned,
        "budget_executed": found.budget_executed,
        "budget_rate": found.budget_rate,
        "trained_women": found.trained_women,
        "trained_men": found.trained_men,
        "units_disseminating": found.units_disseminating,
        "local_units": found.local_units,
    }


class CommitmentOut(Schema):
    id: int
    code: str
    title_vi: str
    title_en: str
    scope: str = Field(description="local or international.")
    source: str = Field(description="The application or report that made the commitment.")
    first_year: int | None = Field(description="The period's first year; null: open.")
    last_year: int | None = Field(description="The period's last year; null: open.")
    lead_agency: str = Field(description="The lead agency's code.")
    partners: str
    budget_planned: Decimal | None = Field(description="In VND, exact; null: not planned.")
    budget_spent: Decimal = Field(description="Spent by all its activities, VND, exact.")
    activities: int = Field(description="Activities recorded for it.")
    task_ids: list[int] = Field(description="The plan tasks it serves.")


class CommitmentPage(PageMeta):
    items: list[CommitmentOut]


class CommitmentFilter(PageQuery):
    scope: Code | None = Field(None, description="local or international.")


class ActivityOut(Schema):
    id: int
    commitment_id: int
    commitment: str = Field(description="The commitment's code.")
    title_vi: str
    title_en: str
    starts_on: date
    ends_on: date
    partner_cities: list[str] = Field(description="Cities of the Network taking part.")
    partner_countries: list[str]
    sdg_targets: list[str] = Field(description="e.g. 11.4")
    outputs_vi: str
    outputs_en: str
    budget_spent: Decimal = Field(description="In VND, exact.")
    task_ids: list[int] = Field(description="The plan tasks of its commitment.")
    event_ids: list[int] = Field(description="The cultural events held for it (/api/events).")
    model_ids: list[int] = Field(description="The models it built or spread (/api/bright-spots).")


class ActivityPage(PageMeta):
    items: list[ActivityOut]


class ActivityFilter(PageQuery):
    commitment: Code | None = Field(None, description="The commitment's code.")
    starts_from: date | None = None
    starts_to: date | None = None


class ParticipantsOut(Schema):
    role: str = Field(description="officials, creatives, enterprises or residents.")
    women: int
    men: int


class OutreachOut(Schema):
    id: int
    kind: str = Field(description="training, conference, exchange, mou or dissemination.")
    title_vi: str
    title_en: str
    organiser: str = Field(description="The organising agency's code.")
    level: str = Field(description="The organiser's kind: city, department, ward, commune.")
    partner_country: str
    partner_city: str
    sector: str
    starts_on: date
    ends_on: date
    budget_vnd: Decimal | None = Field(description="In VND, exact.")
    task_id: int | None = Field(description="The plan task it serves.")
    outputs: str
    reach: int | None = Field(description="People reached beyond the participants.")
    women: int = Field(description="Women taking part, all roles.")
    men: int = Field(description="Men taking part, all roles.")
    participants: list[ParticipantsOut] = Field(description="Women and men by role.")


class OutreachPage(PageMeta):
    items: list[OutreachOut]


class OutreachFilter(PageQuery):
    kind: Code | None = Field(None, description="e.g. training, dissemination.")
    organiser: Code | None = Field(None, description="The organising agency's code.")
    starts_from: date | None = None
    starts_to: date | None = None


def _listed(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def commitment_out(commitment: Any) -> dict[str, Any]:
    return {
        "id": commitment.pk,
        "code": commitment.code,
        "title_vi": commitment.title_vi,
        "title_en": commitment.title_en,
        "scope": commitment.scope,
        "source": commitment.source,
        "first_year": commitment.first_year,
        "last_year": commitment.last_year,
        "lead_agency": commitment.lead_agency.code,
        "partners": commitment.partners,
        "budget_planned": commitment.budget,
        "budget_spent": commitment.spent,
        "activities": commitment.activity_count,
        "task_ids": sorted(task.pk for task in commitment.tasks.all()),
    }


def _commitments() -> QuerySet[Commitment]:
    zero = Value(Decimal(0), output_field=DecimalField(max_digits=18, decimal_places=0))
    return (
        Commitment.objects.select_related("lead_agency")
        .prefetch_related("tasks")
        .annotate(
            spent=Coalesce(Sum("activities__budget_spent"), zero),
            activity_count=Count("activities"),
        )
    )


@router.get(
    "/unesco/commitments",
    response={200: CommitmentPage, **ERRORS},
    operation_id="listUnescoCommitments",
    summary="Hanoi's commitments as a UNESCO City of Design, with their budgets",
)
def list_commitments(request: HttpRequest, filters: Query[CommitmentFilter]) -> dict[str, Any]:
    require(caller(request), "unesco.view_commitments")
    commitments = _commitments()
    if filters.scope:
        commitments = commitments.filter(scope=filters.scope)
    total, found = page(ordered(commitments, "code"), filters)
    return {**meta(total, filters), "items": [commitment_out(c) for c in found]}


def activity_out(activity: CommitmentActivity) -> dict[str, Any]:
    return {
        "id": activity.pk,
        "commitment_id": activity.commitment_id,
        "commitment": activity.commitment.code,
        "title_vi": activity.title_vi,
        "title_en": activity.title_en,
        "starts_on": activity.starts_on,
        "ends_on": activity.ends_on,
        "partner_cities": _listed(activity.partner_cities),
        "partner_countries": _listed(activity.partner_countries),
        "sdg_targets": _listed(activity.sdg_targets),
        "outputs_vi": activity.outputs_vi,
        "outputs_en": activity.outputs_en,
        "budget_spent": activity.budget_spent,
        "task_ids": sorted(task.pk for task in activity.commitment.tasks.all()),
        "event_ids": sorted(event.pk for event in activity.events.all()),
        "model_ids": sorted(spot.pk for spot in activity.bright_spots.all()),
    }


@router.get(
    "/unesco/activities",
    response={200: ActivityPage, **ERRORS},
    operation_id="listUnescoActivities",
    summary="What was done for each commitment, with the partner cities",
)
def list_activities(request: HttpRequest, filters: Query[ActivityFilter]) -> dict[str, Any]:
    require(caller(request), "unesco.view_commitments")
    activities = CommitmentActivity.objects.select_related("commitment").prefetch_related(
        "commitment__tasks", "events", "bright_spots"
    )
    if filters.commitment:
        activities = activities.filter(commitment__code=filters.commitment)
    if filters.starts_from:
        activities = activities.filter(starts_on__gte=filters.starts_from)
    if filters.starts_to:
        activities = activities.filter(starts_on__lte=filters.starts_to)
    total, found = page(ordered(activities, "starts_on"), filters)
    return {**meta(total, filters), "items": [activity_out(a) for a in found]}


def outreach_out(outreach: Outreach) -> dict[str, Any]:
    # Who recorded the activity is left out: the counts are all the API gives of people.
    participants = [
        {"role": p.role, "women": p.women, "men": p.men} for p in outreach.participants.all()
    ]
    return {
        "id": outreach.pk,
        "kind": outreach.kind,
        "title_vi": outreach.title_vi,
        "title_en": outreach.title_en,
        "partner_country": outreach.partner_country,
        "partner_city": outreach.partner_city,
        "sector": outreach.sector,
        "starts_on": outreach.starts_on,
        "ends_on": outreach.ends_on,
        "task_id": outreach.task_id,
        "outputs": outreach.outputs,
        "reach": outreach.reach,
        "organiser": outreach.organiser.code,
        "level": outreach.organiser.kind,
        "budget_vnd": outreach.budget,
        "women": sum(p["women"] for p in participants),
        "men": sum(p["men"] for p in participants),
        "participants": participants,
    }


@router.get(
    "/unesco/outreach",
    response={200: OutreachPage, **ERRORS},
    operation_id="listUnescoOutreach",
    summary="Training, cooperation and dissemination activities, with who took part",
)
def list_outreach(request: HttpRequest, filters: Query[OutreachFilter]) -> dict[str, Any]:
    user = caller(request)
    require(user, "unesco.view_outreach")
    activities = outreach_visible_to(user).prefetch_related("participants")
    if filters.kind:
        activities = activities.filter(kind=filters.kind)
    if filters.organiser:
        activities = activities.filter(organiser__code=filters.organiser)
    if filters.starts_from:
        activities = activities.filter(starts_on__gte=filters.starts_from)
    if filters.starts_to:
        activities = activities.filter(starts_on__lte=filters.starts_to)
    total, found = page(ordered(activities, "starts_on"), filters)
    return {**meta(total, filters), "items": [outreach_out(o) for o in found]}
