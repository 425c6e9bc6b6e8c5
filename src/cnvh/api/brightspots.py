"""Models and bright spots: the recognised models and the registry's indicators for
everyone; the other models, the rounds and their rankings for members. The weighted
scores and the ranking are those of the round pages (`cnvh.brightspots.ranking`)."""

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS
from cnvh.api.fields import IdInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.brightspots import indicators, ranking
from cnvh.brightspots.models import BrightSpot, Round
from cnvh.plan.permissions import require

router = Router(tags=["bright spots"])
Status = Literal["nominated", "recognised", "not_recognised", "revoked"]


class ResultOut(Schema):
    year: int
    indicator: str
    unit: str
    value: Decimal = Field(description="As reported, full precision.")


class ReplicationOut(Schema):
    target: str = Field(description="The code of the agency or ward that took it up.")
    target_name: str
    started_on: date
    status: Literal["planned", "under_way", "in_place", "stopped"]
    results: str


class BrightSpotOut(Schema):
    id: int
    name_vi: str
    name_en: str
    level: str
    sector: str
    host_kind: str
    host: str
    ward: str | None = Field(description="The ward's agency code.")
    start_year: int
    status: Status
    recognised_until: date | None
    replications: int


class BrightSpotPage(PageMeta):
    items: list[BrightSpotOut]


class DecisionOut(Schema):
    outcome: str
    number: str
    decided_on: date
    level: str
    valid_until: date | None
    reasons: str


class BrightSpotDetailOut(BrightSpotOut):
    description: str
    task: str | None = Field(description="The plan task's code.")
    results: list[ResultOut]
    decisions: list[DecisionOut]
    taken_up: list[ReplicationOut]


class SpotFilter(PageQuery):
    status: Status | None = Field(None, description="Members only; the public sees recognised.")


def _visible(request: HttpRequest) -> QuerySet[BrightSpot]:
    spots = BrightSpot.objects.select_related("ward", "host_agency", "task")
    if caller(request).has_perm("brightspots.view_registry"):
        return spots
    return spots.filter(status=BrightSpot.Status.RECOGNISED)


def spot_out(spot: BrightSpot) -> dict[str, Any]:
    return {
        "id": spot.pk,
        "name_vi": spot.name_vi,
        "name_en": spot.name_en,
        "level": spot.level,
        "sector": spot.sector,
        "host_kind": spot.host_kind,
        "host": spot.host,
        "ward": spot.ward.code if spot.ward else None,
        "start_year": spot.start_year,
        "status": spot.status,
        "recognised_until": spot.recognised_until,
        "replications": spot.replications.count(),
    }


@router.get(
    "/bright-spots",
    response={200: BrightSpotPage, **ERRORS},
    auth=auth.public,
    operation_id="listBrightSpots",
    summary="Models and bright spots: the recognised ones for everyone, all for members",
    openapi_extra=auth.OPTIONAL,
)
def list_spots(request: HttpRequest, filters: Query[SpotFilter]) -> dict[str, Any]:
    spots = _visible(request)
    if filters.status:
        spots = spots.filter(status=filters.status)
    total, found = page(ordered(spots, "name_vi"), filters)
    return {**meta(total, filters), "items": [spot_out(spot) for spot in found]}


@router.get(
    "/bright-spots/{spot_id}",
    response={200: BrightSpotDetailOut, **ERRORS},
    auth=auth.public,
    operation_id="getBrightSpot",
    summary="One model with its results, decisions and where it was taken up",
    openapi_extra=auth.OPTIONAL,
)
def get_spot(request: HttpRequest, spot_id: IdInPath) -> dict[str, Any]:
    spot = _visible(request).filter(pk=spot_id).first()
    if spot is None:
        raise Http404
    decisions = [
        nomination.decision
        for nomination in spot.nominations.select_related("decision").order_by("submitted_at")
        if hasattr(nomination, "decision")
    ]
    return {
        **spot_out(spot),
        "description": spot.description,
        "task": spot.task.code if spot.task else None,
        "results": list(spot.results.values("year", "indicator", "unit", "value")),
        "decisions": [
            {
                "outcome": d.outcome,
                "number": d.number,
                "decided_on": d.decided_on,
                "level": d.level,
                "valid_until": d.valid_until,
                "reasons": d.reasons,
            }
            for d in decisions
        ],
        "taken_up": [
            {
                "target": r.target.code,
                "target_name": r.target.name,
                "started_on": r.started_on,
                "status": r.status,
                "results": r.results,
            }
            for r in spot.replications.select_related("target")
        ],
    }


class RankedOut(Schema):
    rank: int | None = Field(description="None while no member has scored every criterion.")
    nomination_id: int
    bright_spot_id: int
    name_vi: str
    status: str
    members: int = Field(description="Members who scored every criterion.")
    score: Decimal | None = Field(
        description="Mean over those members of Σ weight × score, out of 10 (10 decimals)."
    )
    tie_note: str = Field(description="How a tie with a neighbour was broken, if any.")


class CriterionOut(Schema):
    position: int
    name_vi: str
    name_en: str
    weight: Decimal


class RoundOut(Schema):
    id: int
    name_vi: str
    name_en: str
    opens_on: date
    closes_on: date
    nominator_kinds: list[str]
    rubric: str = Field(description="The rubric's code and version, e.g. mo-hinh v1.")
    criteria: list[CriterionOut]


class RoundDetailOut(RoundOut):
    ranking: list[RankedOut]


class RoundPage(PageMeta):
    items: list[RoundOut]


def round_out(round_: Round) -> dict[str, Any]:
    rubric = round_.rubric
    return {
        "id": round_.pk,
        "name_vi": round_.name_vi,
        "name_en": round_.name_en,
        "opens_on": round_.opens_on,
        "closes_on": round_.closes_on,
        "nominator_kinds": list(round_.nominator_kinds),
        "rubric": f"{rubric.code} v{rubric.version}",
        "criteria": list(
            rubric.criteria.order_by("position").values("position", "name_vi", "name_en", "weight")
        ),
    }


@router.get(
    "/bright-spot-rounds",
    response={200: RoundPage, **ERRORS},
    auth=auth.member,
    operation_id="listBrightSpotRounds",
    summary="Nomination rounds with their rubric version",
)
def list_rounds(request: HttpRequest, filters: Query[PageQuery]) -> dict[str, Any]:
    require(caller(request), "brightspots.view_registry")
    rounds = Round.objects.select_related("rubric")
    total, found = page(ordered(rounds, "-opens_on"), filters)
    return {**meta(total, filters), "items": [round_out(r) for r in found]}


@router.get(
    "/bright-spot-rounds/{round_id}",
    response={200: RoundDetailOut, **ERRORS},
    auth=auth.member,
    operation_id="getBrightSpotRound",
    summary="One round with its computed ranking",
)
def get_round(request: HttpRequest, round_id: IdInPath) -> dict[str, Any]:
    require(caller(request), "brightspots.view_registry")
    round_ = get_object_or_404(Round.objects.select_related("rubric"), pk=round_id)
    rows = [
        {
            "rank": row.rank,
            "nomination_id": row.nomination.pk,
            "bright_spot_id": row.nomination.spot_id,
            "name_vi": row.nomination.spot.name_vi,
            "status": row.nomination.status,
            "members": row.members,
            "score": ranking.as_decimal(row.score, 10),
            "tie_note": row.tie_note,
        }
        for row in ranking.ranking(round_)
    ]
    return {**round_out(round_), "ranking": rows}


class BrightSpotCountOut(Schema):
    key: str | None
    count: int


class BrightSpotIndicatorsOut(Schema):
    recognised: int = Field(description="Models whose recognition stands.")
    by_level: list[BrightSpotCountOut]
    by_sector: list[BrightSpotCountOut]
    by_ward: list[BrightSpotCountOut] = Field(
        description="By the ward's agency code (None: no ward)."
    )
    replications: list[BrightSpotCountOut] = Field(description="By model id.")
    recognised_a_year_ago: int
    still_reporting: int = Field(
        description="Of those, the models with results for a year after their recognition's."
    )


def _counts(counts: dict[Any, int]) -> list[dict[str, Any]]:
    return [
        {"key": None if key is None else str(key), "count": count}
        for key, count in sorted(counts.items(), key=lambda item: str(item[0]))
    ]


@router.get(
    "/bright-spot-indicators",
    response={200: BrightSpotIndicatorsOut, **ERRORS},
    auth=auth.public,
    operation_id="getBrightSpotIndicators",
    summary="The registry's indicators, computed from its records",
    openapi_extra=auth.OPTIONAL,
)
def get_indicators(request: HttpRequest) -> dict[str, Any]:
    figures = indicators.compute(timezone.localdate())
    codes = dict(BrightSpot.objects.filter(ward__isnull=False).values_list("ward_id", "ward__code"))
    return {
        "recognised": figures.total,
        "by_level": _counts(figures.by_level),
        "by_sector": _counts(figures.by_sector),
        "by_ward": _counts({codes.get(k, k) if k else None: v for k, v in figures.by_ward.items()}),
        "replications": _counts(figures.replications),
        "recognised_a_year_ago": figures.recognised_a_year_ago,
        "still_reporting": figures.still_reporting,
    }
