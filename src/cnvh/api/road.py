"""The road to the plan's targets through the API: the scenario the page "The road to
5% and 8%" shows, computed by the engine on the stored estimate (the published one for
the public), with its provenance (docs/methods.md §11)."""

import math
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.errors import ERRORS, NOT_FOUND, ApiError
from cnvh.api.statistics import published_only
from cnvh.presentation import road
from cnvh.stats import InputError
from cnvh.stats.scenario_result import Scenario

router = Router(tags=["statistics"])

BAD_SECTOR_GROWTH = _(
    "sector_growth is written as sector=growth pairs separated by commas, growth as a "
    "fraction: tourism=0.1,design=0.05."
)
BAD_SCENARIO = _("The scenario's assumptions do not fit the estimate; see details.")


class RoadQuery(Schema):
    target_year: int = Field(road.DEFAULT_TARGET_YEAR, ge=1900, le=2200)
    target_share: float = Field(
        road.DEFAULT_TARGET_SHARE, gt=0, lt=1, description="A fraction: 0.08 is 8%."
    )
    grdp_growth: float | None = Field(
        None,
        gt=-1,
        le=10,
        description="GRDP growth a year as a fraction (0.075); empty: GRDP's own growth "
        "over the years estimated.",
    )
    sector_growth: str = Field(
        "",
        max_length=2000,
        description="Growth assumed by sector, fractions: tourism=0.1,design=0.05. A "
        "sector not given keeps its trend.",
    )


class RoadRowOut(Schema):
    sector: str | None = Field(description="The sector's key; null for the scope's total.")
    base_value_added: float
    base_share: float
    trend_growth: float | None
    projected_share: float | None
    required_growth: float
    required_growth_alone: float | None = Field(
        description="The growth this sector needs while the others keep their trend; null "
        "when they reach the target without it."
    )
    projected_share_ci_low: float | None
    projected_share_ci_high: float | None


class SharePointOut(Schema):
    year: int
    sector: str | None
    share: float | None


class RoadOut(Schema):
    estimate_id: int
    revision: int
    scope: str
    unit: str
    base_year: int
    target_year: int
    target_share: float
    grdp_growth: float
    trend_from: int
    rows: list[RoadRowOut]
    path: list[SharePointOut] = Field(
        description="The share each year to the target year under the assumptions."
    )
    provenance: dict[str, Any]


@router.get(
    "/road",
    response={200: RoadOut, **ERRORS},
    auth=auth.public,
    operation_id="getRoad",
    summary="The growth that reaches a target share of GRDP, by sector, and the trend",
    openapi_extra=auth.OPTIONAL,
)
def get_road(request: HttpRequest, query: Query[RoadQuery]) -> dict[str, Any]:
    stored = road.road_estimate(published_only=published_only(request))
    if stored is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    inputs = road.RoadInputs(
        target_year=query.target_year,
        target_share=query.target_share,
        grdp_growth=query.grdp_growth,
        sector_growth=_sector_growth(query.sector_growth),
    )
    try:
        made = road.road(stored, inputs)
    except InputError as error:
        raise ApiError(
            422,
            "bad_scenario",
            BAD_SCENARIO,
            field=error.problems[0].column if error.problems else None,
            details=[
                {
                    "code": problem.code,
                    "message": {"vi": problem.message_vi, "en": problem.message_en},
                    "field": problem.column,
                }
                for problem in error.problems
            ],
        ) from error
    return _out(stored.pk, stored.revision, made)


def _sector_growth(text: str) -> tuple[tuple[str, float], ...]:
    pairs = []
    for part in filter(None, (item.strip() for item in text.split(","))):
        key, equals, value = part.partition("=")
        try:
            growth = float(value)
        except ValueError:
            growth = float("nan")
        if not equals or not key.strip() or not math.isfinite(growth):
            raise ApiError(422, "bad_sector_growth", BAD_SECTOR_GROWTH, field="sector_growth")
        pairs.append((key.strip(), growth))
    return tuple(pairs)


def _out(estimate_id: int, revision: int, made: Scenario) -> dict[str, Any]:
    document = made.to_dict()
    return {
        "estimate_id": estimate_id,
        "revision": revision,
        "scope": made.scope.key,
        "unit": made.unit,
        "base_year": made.params.base_year,
        "target_year": made.params.target_year,
        "target_share": made.params.target_share,
        "grdp_growth": made.grdp_growth,
        "trend_from": made.trend_from,
        "rows": document["rows"],
        "path": document["path"],
        "provenance": made.provenance,
    }
