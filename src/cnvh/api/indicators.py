"""Indicators with their series, targets and status, read through `cnvh.plan.values`:
the functions the indicator pages use, so the numbers are the same."""

from typing import Any, Literal

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.errors import ERRORS
from cnvh.api.fields import CodeInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, page
from cnvh.api.statistics import published_only
from cnvh.plan import trajectory, values
from cnvh.plan.models import Indicator, Target
from cnvh.presentation import serialise

router = Router(tags=["indicators"])


class PointOut(Schema):
    year: int
    value: float


class TargetOut(Schema):
    year: int
    value: float
    document: str | None = Field(description="The number of the document that set it.")
    note_vi: str
    note_en: str


class ValueOut(Schema):
    year: int
    value: float = Field(description="In the indicator's unit, full precision.")
    ci_low: float | None
    ci_high: float | None
    expected: float | None = Field(description="The target trajectory's value that year.")
    estimate_id: int | None = Field(description="The estimate revision the value is from.")
    estimate_revision: int | None
    report_ids: list[int] = Field(description="The approved reports the value sums.")
    import_id: int | None = Field(description="The import (file) the value came in with.")
    import_row: int | None = Field(description="The value's row in that file.")
    records_url: str | None = Field(
        description="The registry's records that make the value: their list's address."
    )


class AssessmentOut(Schema):
    status: Literal["on_track", "at_risk", "off_track", "no_data", "no_target"]
    observed: PointOut | None
    expected: float | None
    ratio: float | None = Field(description="(observed − baseline) ÷ (expected − baseline).")
    on_track_ratio: float = trajectory.ON_TRACK_RATIO
    at_risk_ratio: float = trajectory.AT_RISK_RATIO


class IndicatorOut(Schema):
    code: str
    name_vi: str
    name_en: str
    definition_vi: str
    definition_en: str
    unit: str = Field(description="'%', a money unit such as 'million VND', or a count.")
    source: Literal["estimate", "registry", "reports", "imported"]
    scope: str | None
    measure: str | None
    sector: str | None
    registry: str | None
    aggregation: str
    direction: Literal["increase", "decrease"]
    disaggregations: list[str]
    published: bool
    baseline: PointOut | None
    targets: list[TargetOut]
    series: list[ValueOut]
    latest: ValueOut | None
    assessment: AssessmentOut


class IndicatorPage(PageMeta):
    items: list[IndicatorOut]


class PartOut(Schema):
    key: str = Field(description="A sector key, an area code or a reporting agency's code.")
    title_vi: str | None
    title_en: str | None
    value: float
    estimate_id: int | None
    estimate_revision: int | None
    report_ids: list[int]
    import_id: int | None
    import_row: int | None
    records_url: str | None


class BreakdownOut(Schema):
    dimension: Literal["sector", "area"]
    year: int
    parts: list[PartOut]


class IndicatorDetailOut(IndicatorOut):
    breakdowns: list[BreakdownOut]


class IndicatorFilter(PageQuery):
    source: Literal["estimate", "registry", "reports", "imported"] | None = None


def _indicators() -> Any:
    targets = Target.objects.select_related("document").order_by("year")
    return Indicator.objects.prefetch_related(Prefetch("targets", queryset=targets))


@router.get(
    "/indicators",
    response={200: IndicatorPage, **ERRORS},
    auth=auth.public,
    operation_id="listIndicators",
    summary="Indicators with their series, targets and status",
    openapi_extra=auth.OPTIONAL,
)
def list_indicators(request: HttpRequest, filters: Query[IndicatorFilter]) -> dict[str, Any]:
    """The published indicators (members: all), by code."""
    public = published_only(request)
    indicators = _indicators().order_by("code", "pk")
    if public:
        indicators = indicators.filter(published=True)
    if filters.source:
        indicators = indicators.filter(source=filters.source)
    total, found = page(indicators, filters)
    series = values.series_many(found, published_only=public)
    return {
        **meta(total, filters),
        "items": [indicator_out(indicator, series[indicator.pk]) for indicator in found],
    }


@router.get(
    "/indicators/{code}",
    response={200: IndicatorDetailOut, **ERRORS},
    auth=auth.public,
    operation_id="getIndicator",
    summary="One indicator, with its breakdowns in the latest year",
    openapi_extra=auth.OPTIONAL,
)
def get_indicator(request: HttpRequest, code: CodeInPath) -> dict[str, Any]:
    indicator = _indicators().filter(code=code).first()
    # Unpublished indicators do not exist for the public, as on the pages.
    if indicator is None or not request.auth.has_perm(  # type: ignore[attr-defined]
        "plan.view_indicator", indicator
    ):
        raise Http404
    public = published_only(request)
    series = values.series(indicator, published_only=public)
    found = indicator_out(indicator, series)
    found["breakdowns"] = _breakdowns(indicator, series, public)
    return found


def indicator_out(indicator: Indicator, series: list[values.IndicatorValue]) -> dict[str, Any]:
    baseline = values.baseline(indicator, series)
    points = values.target_points(indicator)
    lines = [
        _value(value, trajectory.expected_within(value.year, baseline, points)) for value in series
    ]
    assessment = values.assess(indicator, series)
    return {
        **serialise.indicator_fields(indicator),
        "disaggregations": list(indicator.disaggregations or []),
        "published": indicator.published,
        "baseline": serialise.point(baseline),
        "targets": [serialise.target_fields(target) for target in indicator.targets.all()],
        "series": lines,
        "latest": lines[-1] if lines else None,
        "assessment": {
            "status": str(assessment.status),
            "observed": serialise.point(assessment.observed),
            "expected": assessment.expected,
            "ratio": assessment.ratio,
        },
    }


def _value(value: values.IndicatorValue, expected: float | None = None) -> dict[str, Any]:
    return {**serialise.value_fields(value), "expected": expected}


def _breakdowns(
    indicator: Indicator, series: list[values.IndicatorValue], public: bool
) -> list[dict[str, Any]]:
    if not series:
        return []
    year = series[-1].year
    found = []
    for dimension in ("sector", "area"):
        if dimension not in (indicator.disaggregations or []):
            continue
        parts = values.breakdown(indicator, dimension, year, published_only=public)
        if parts:
            found.append({"dimension": dimension, "year": year, "parts": [_part(p) for p in parts]})
    return found


def _part(value: values.IndicatorValue) -> dict[str, Any]:
    titles = (value.estimate.sectors or {}).get(value.key or "", {}) if value.estimate else {}
    fields = serialise.value_fields(value)
    return {
        "key": value.key or "",
        "title_vi": titles.get("title_vi"),
        "title_en": titles.get("title_en"),
        "value": fields["value"],
        **{name: fields[name] for name in serialise.REFERENCES},
    }
