"""Scopes, stored estimates and their figures, as the estimate pages show them.

The public sees published revisions only; members see every revision
(`plan.view_unpublished`). Figures are the stored ones, at full precision, each
with the estimate and revision it belongs to.
"""

from datetime import datetime
from typing import Any, Literal

from django.db.models import F, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.errors import ERRORS
from cnvh.api.fields import MAX_ID, Code, IdInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.estimates.models import Estimate, EstimateRow
from cnvh.estimates.store import latest_estimates, scope_sort_key
from cnvh.stats import load_scope, result, shipped_scopes

router = Router(tags=["statistics"])
TOTAL = "total"


def published_only(request: HttpRequest) -> bool:
    """As on the pages: the public sees what is published, members the latest."""
    return not request.auth.has_perm("plan.view_unpublished")  # type: ignore[attr-defined]


class SectorOut(Schema):
    key: str
    title_vi: str
    title_en: str


class ScopeOut(Schema):
    key: str
    title_vi: str
    title_en: str
    shipped: bool = Field(description="Shipped with cnvh (else known from stored estimates).")
    classification: str
    version: str
    sectors: list[SectorOut]
    latest_estimate_id: int | None = Field(description="The latest revision you may see.")
    latest_revision: int | None


class ScopePage(PageMeta):
    items: list[ScopeOut]


@router.get(
    "/scopes",
    response={200: ScopePage, **ERRORS},
    auth=auth.public,
    operation_id="listScopes",
    summary="Definitions of the cultural industries (scopes)",
    openapi_extra=auth.OPTIONAL,
)
def list_scopes(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The shipped scopes, then any other scope with stored estimates you may see."""
    latest = {e.scope_key: e for e in latest_estimates(published_only=published_only(request))}
    keys = sorted(set(shipped_scopes()) | set(latest), key=scope_sort_key)
    total, keys = page(keys, paging)
    return {**meta(total, paging), "items": [_scope(key, latest.get(key)) for key in keys]}


def _scope(key: str, estimate: Estimate | None) -> dict[str, Any]:
    if key in shipped_scopes():
        scope = load_scope(key)
        sectors = sorted(scope.sectors.items(), key=lambda item: item[1].order)
        return {
            "key": key,
            "title_vi": scope.title_vi,
            "title_en": scope.title_en,
            "shipped": True,
            "classification": scope.classification,
            "version": scope.version,
            "sectors": [
                {"key": name, "title_vi": s.title_vi, "title_en": s.title_en} for name, s in sectors
            ],
            "latest_estimate_id": estimate.pk if estimate else None,
            "latest_revision": estimate.revision if estimate else None,
        }
    assert estimate is not None  # only scopes with an estimate are listed besides
    return {
        "key": key,
        "title_vi": estimate.scope_title_vi,
        "title_en": estimate.scope_title_en,
        "shipped": False,
        "classification": estimate.classification,
        "version": estimate.scope_version,
        "sectors": _sectors(estimate),
        "latest_estimate_id": estimate.pk,
        "latest_revision": estimate.revision,
    }


def _sectors(estimate: Estimate) -> list[dict[str, str]]:
    return [
        {
            "key": key,
            "title_vi": titles.get("title_vi", key),
            "title_en": titles.get("title_en", key),
        }
        for key, titles in (estimate.sectors or {}).items()
    ]


class EstimateOut(Schema):
    id: int
    scope: str
    revision: int
    scope_title_vi: str
    scope_title_en: str
    scope_version: str
    scope_checksum: str
    classification: str
    unit: str = Field(description="The unit of money figures, e.g. 'million VND'.")
    synthetic: bool = Field(description="Made from synthetic (demo) data.")
    label: str
    created_at: datetime
    published: bool
    published_at: datetime | None


class EstimatePage(PageMeta):
    items: list[EstimateOut]


class EstimateDetailOut(EstimateOut):
    sectors: list[SectorOut]
    years: list[int]
    row_count: int
    provenance: dict[str, Any] = Field(
        description="Input files and their SHA-256, scope, options, code version, timings."
    )


class EstimateFilter(PageQuery):
    scope: Code | None = None
    published: bool | None = Field(None, description="Only published (true) or not (false).")


def visible_estimates(request: HttpRequest) -> QuerySet[Estimate]:
    estimates = Estimate.objects.select_related("publication")
    if published_only(request):
        estimates = estimates.filter(publication__isnull=False)
    return estimates


def estimate_out(estimate: Estimate) -> dict[str, Any]:
    publication = getattr(estimate, "publication", None)
    return {
        "id": estimate.pk,
        "scope": estimate.scope_key,
        "revision": estimate.revision,
        "scope_title_vi": estimate.scope_title_vi,
        "scope_title_en": estimate.scope_title_en,
        "scope_version": estimate.scope_version,
        "scope_checksum": estimate.scope_checksum,
        "classification": estimate.classification,
        "unit": estimate.unit,
        "synthetic": estimate.synthetic,
        "label": estimate.label,
        "created_at": estimate.created_at,
        "published": publication is not None,
        "published_at": publication.published_at if publication else None,
    }


@router.get(
    "/estimates",
    response={200: EstimatePage, **ERRORS},
    auth=auth.public,
    operation_id="listEstimates",
    summary="Stored estimate revisions",
    openapi_extra=auth.OPTIONAL,
)
def list_estimates(request: HttpRequest, filters: Query[EstimateFilter]) -> dict[str, Any]:
    """Every revision you may see, by scope, newest revision first."""
    estimates = visible_estimates(request)
    if filters.scope:
        estimates = estimates.filter(scope_key=filters.scope)
    if filters.published is not None:
        estimates = estimates.filter(publication__isnull=not filters.published)
    # The provenance is for one revision at a time (getEstimate), not for the list.
    estimates = estimates.defer("provenance", "sectors")
    total, found = page(ordered(estimates, "scope_key", "-revision"), filters)
    return {**meta(total, filters), "items": [estimate_out(e) for e in found]}


@router.get(
    "/estimates/{estimate_id}",
    response={200: EstimateDetailOut, **ERRORS},
    auth=auth.public,
    operation_id="getEstimate",
    summary="One estimate revision with its provenance",
    openapi_extra=auth.OPTIONAL,
)
def get_estimate(request: HttpRequest, estimate_id: IdInPath) -> dict[str, Any]:
    estimate = get_object_or_404(visible_estimates(request), pk=estimate_id)
    years = sorted(set(estimate.rows.values_list("year", flat=True)))
    return {
        **estimate_out(estimate),
        "sectors": _sectors(estimate),
        "years": years,
        "row_count": estimate.rows.count(),
        "provenance": estimate.provenance,
    }


class RowOut(Schema):
    estimate_id: int
    scope: str
    revision: int
    published: bool
    year: int
    sector: str | None = Field(description="Null: the scope's total over its sectors.")
    area: str | None = Field(description="Null: the whole city. Else a GSO area code.")
    unit: str = Field(description="The unit of value_added, e.g. 'million VND'.")
    value_added: float
    share: float | None = Field(description="Share of GRDP as a fraction (0.05 is 5%).")
    share_ci_low: float | None
    share_ci_high: float | None
    employment: float | None = Field(description="Persons.")
    employment_share: float | None = Field(description="Share of employment, a fraction.")
    establishments: float | None


class RowPage(PageMeta):
    items: list[RowOut]


class RowFilter(PageQuery):
    scope: Code | None = None
    year: int | None = Field(None, ge=1, le=9999)
    sector: Code | None = Field(None, description="A sector key, or 'total' for the total.")
    area: Code | None = Field(None, description="A GSO area code, or 'total' for the city.")
    revision: int | None = Field(
        None, ge=1, le=MAX_ID, description="A revision number (default: the latest)."
    )
    estimate_id: int | None = Field(None, ge=1, le=MAX_ID)
    dimension: Literal["total", "sector", "area", "sector_area"] | None = Field(
        None, description="Only totals, by sector, by area, or by sector and area."
    )


@router.get(
    "/estimate-rows",
    response={200: RowPage, **ERRORS},
    auth=auth.public,
    operation_id="listEstimateRows",
    summary="Figures of stored estimates (year × sector × area)",
    openapi_extra=auth.OPTIONAL,
)
def list_estimate_rows(request: HttpRequest, filters: Query[RowFilter]) -> dict[str, Any]:
    """By default the latest revision of each scope you may see; `revision` or
    `estimate_id` picks another."""
    rows = EstimateRow.objects.filter(estimate__in=_chosen_estimates(request, filters))
    rows = _filter_rows(rows, filters).order_by(
        "estimate_id",
        "year",
        F("sector").asc(nulls_first=True),
        F("area").asc(nulls_first=True),
        "pk",
    )
    # Plain values: a page holds up to a thousand rows, and model instances (with their
    # estimate's provenance decoded for each) took most of the time.
    total, found = page(rows.values(*ROW_VALUES), filters)
    return {**meta(total, filters), "items": _rows(found)}


def _chosen_estimates(request: HttpRequest, filters: RowFilter) -> Any:
    if filters.revision is None and filters.estimate_id is None:
        ids = [e.pk for e in latest_estimates(published_only=published_only(request))]
        estimates = Estimate.objects.filter(pk__in=ids)
    else:
        estimates = visible_estimates(request)
        if filters.revision is not None:
            estimates = estimates.filter(revision=filters.revision)
        if filters.estimate_id is not None:
            estimates = estimates.filter(pk=filters.estimate_id)
    if filters.scope:
        estimates = estimates.filter(scope_key=filters.scope)
    return estimates.values("pk")


def _filter_rows(rows: QuerySet[EstimateRow], filters: RowFilter) -> QuerySet[EstimateRow]:
    if filters.year is not None:
        rows = rows.filter(year=filters.year)
    for name in ("sector", "area"):
        value = getattr(filters, name)
        if value == TOTAL:
            rows = rows.filter(**{f"{name}__isnull": True})
        elif value:
            rows = rows.filter(**{name: value})
    dimensions = {
        "total": Q(sector__isnull=True, area__isnull=True),
        "sector": Q(sector__isnull=False, area__isnull=True),
        "area": Q(sector__isnull=True, area__isnull=False),
        "sector_area": Q(sector__isnull=False, area__isnull=False),
    }
    if filters.dimension:
        rows = rows.filter(dimensions[filters.dimension])
    return rows


# What is read of each stored row: the estimate it belongs to and the row's fields
# (cnvh.stats.result.ROW_FIELDS); RowOut adds what the row needs of its estimate.
ROW_VALUES = ("estimate_id", *result.ROW_FIELDS)


def _rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with what each needs of its estimate: scope, revision, unit, published."""
    estimates = {
        values["pk"]: values
        for values in Estimate.objects.filter(pk__in={row["estimate_id"] for row in found}).values(
            "pk", "scope_key", "revision", "unit", "publication"
        )
    }
    items = []
    for row in found:
        estimate = estimates[row["estimate_id"]]
        items.append(
            {
                **row,
                "scope": estimate["scope_key"],
                "revision": estimate["revision"],
                "published": estimate["publication"] is not None,
                "unit": estimate["unit"],
            }
        )
    return items
