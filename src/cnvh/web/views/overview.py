"""The overview (home page): the share of GRDP against the plan's targets, the
sectors, the wards, and how the plan is going. Stored estimates only; the public
sees the published ones."""

from collections.abc import Sequence
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import latest_estimates
from cnvh.plan import progress as plan_progress
from cnvh.plan import targets
from cnvh.presentation import page_cache, summary
from cnvh.presentation.access import published_only
from cnvh.presentation.tables import pages, table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.web import wardmap


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    return page_cache.public_page(request, lambda extra: _overview(request, extra))


def _overview(request: HttpRequest, extra: dict[str, Any]) -> HttpResponse:
    public = published_only(request)
    plan = targets.plan_targets(published_only=public)
    summaries = [
        summary.summarise(estimate, plan) for estimate in latest_estimates(published_only=public)
    ]
    if file_format := requested_format(request):
        return _table(request, summaries, file_format)
    ward_map = _ward_map(summaries, plan)
    context = {
        "sections": [_section(item) for item in summaries],
        "any_synthetic": any(item.estimate.synthetic for item in summaries),
        "any_unpublished": any(not item.published for item in summaries)
        or (plan is not None and not plan.indicator.published),
        "plan": plan,
        "ward_map": ward_map,
        "ward_chart": wardmap.chart(ward_map) if ward_map else None,
        "ward_legend": wardmap.size_legend(ward_map) if ward_map else [],
        "progress": (
            plan_progress.progress(
                timezone.localdate(), with_late=request.user.has_perm("plan.view_plan")
            )
            if request.user.has_perm("plan.view_progress")
            else None
        ),
    }
    return render(request, "web/overview.html", context | extra)


def _section(item: summary.Summary) -> dict[str, Any]:
    return {
        "summary": item,
        "share_chart": summary.share_chart(item),
        "sector_chart": summary.sector_chart(item),
        "share_chart_id": f"share-chart-{item.estimate.pk}",
        "sector_chart_id": f"sector-chart-{item.estimate.pk}",
    }


def _ward_map(
    summaries: list[summary.Summary], plan: targets.PlanTargets | None
) -> wardmap.WardMap | None:
    """The wards under the plan's own definition, in its latest year."""
    scope_key = plan.scope_key if plan else targets.SCOPE_KEY
    for item in summaries:
        if item.estimate.scope_key == scope_key and item.latest_year is not None:
            return wardmap.ward_map(item.estimate, item.latest_year)
    return None


def _table(
    request: HttpRequest, summaries: list[summary.Summary], file_format: str
) -> HttpResponse:
    """?format=csv|xlsx&table=years|sectors&scope=KEY: one definition's table, full precision."""
    scope_key = request.GET.get("scope", "")
    item = next((s for s in summaries if s.estimate.scope_key == scope_key), None)
    table = request.GET.get("table", "years")
    if item is None or table not in {"years", "sectors"}:
        raise Http404
    estimate = item.estimate
    unit = estimate.unit
    if table == "sectors":
        header = [
            _("Year"),
            _("Sector code"),
            _("Sector"),
            _("Value added (%(unit)s)") % {"unit": unit},
            _("Share of GRDP (fraction)"),
            _("Employment (persons)"),
            _("Establishments"),
        ]
        rows = [
            [
                item.latest_year,
                s.key,
                s.title,
                s.value_added,
                s.share,
                s.employment,
                s.establishments,
            ]
            for s in item.sectors
        ]
        return _respond(request, estimate, table, header, rows, file_format)
    header = [
        _("Year"),
        _("Value added (%(unit)s)") % {"unit": unit},
        _("Share of GRDP (fraction)"),
        _("Confidence interval, low (fraction)"),
        _("Confidence interval, high (fraction)"),
        _("Target trajectory (fraction)"),
    ]
    rows = [[y.year, y.value_added, y.share, y.ci_low, y.ci_high, y.trajectory] for y in item.years]
    return _respond(request, estimate, table, header, rows, file_format)


def _respond(
    request: HttpRequest,
    estimate: Estimate,
    table: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    file_format: str,
) -> HttpResponse:
    made = pages.overview_table(estimate, table, header, rows, request.build_absolute_uri())
    return table_response(made, file_format)
