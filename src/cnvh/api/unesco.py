"""The UNESCO City of Design registry's indicators, computed from its records as on
the registry's page (`unesco.view_commitments`, members of the plan)."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS, ApiError
from cnvh.plan.permissions import require
from cnvh.unesco.indicators import Span, compute

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
