"""The plan's indicators: the list, and one indicator with its series, targets,
status, disaggregations and the source of every value."""

from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cnvh.estimates.models import Estimate
from cnvh.plan import indicator_lines, trajectory, values
from cnvh.plan.models import Indicator, Target
from cnvh.plan.permissions import reports_visible_to
from cnvh.presentation import indicators as indicator_page
from cnvh.presentation import page_cache
from cnvh.presentation.access import published_only
from cnvh.presentation.tables import indicators as indicator_tables
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.web import provenance


@require_safe
def indicator_list(request: HttpRequest) -> HttpResponse:
    return page_cache.public_page(request, lambda extra: _indicator_list(request, extra))


def _indicator_list(request: HttpRequest, extra: dict[str, Any]) -> HttpResponse:
    public = published_only(request)
    rows = []
    indicators = values.visible_indicators(published_only=public)
    all_series = values.series_many(indicators, published_only=public)
    for indicator in indicators:
        series = all_series[indicator.pk]
        latest = series[-1] if series else None
        targets = list(indicator.targets.all())
        rows.append(
            {
                "indicator": indicator,
                "latest": latest,
                "target": targets[-1] if targets else None,
                "assessment": values.assess(indicator, series),
                "scale": indicator_page.scale(
                    indicator,
                    [v.value for v in series] + [float(t.value) for t in targets],
                ),
            }
        )
    # A list that shows any figure of a synthetic estimate carries the banner, as each
    # indicator's own page does.
    synthetic = any(
        value.estimate is not None and value.estimate.synthetic
        for series in all_series.values()
        for value in series
    )
    context = {"rows": rows, "synthetic": synthetic}
    return render(request, "web/indicator_list.html", context | extra)


def _indicator(request: HttpRequest, code: str) -> Indicator:
    targets = Target.objects.select_related("document").order_by("year")
    indicator = (
        Indicator.objects.prefetch_related(Prefetch("targets", queryset=targets))
        .filter(code=code)
        .first()
    )
    # Unpublished indicators do not exist for the public, rather than being refused.
    if indicator is None or not request.user.has_perm("plan.view_indicator", indicator):
        raise Http404
    return indicator


@require_safe
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    return page_cache.public_page(request, lambda extra: _indicator_detail(request, code, extra))


def _indicator_detail(request: HttpRequest, code: str, extra: dict[str, Any]) -> HttpResponse:
    indicator = _indicator(request, code)
    public = published_only(request)
    series = values.series(indicator, published_only=public)
    baseline = values.baseline(indicator, series)
    assessment = values.assess(indicator, series)
    lines = indicator_lines.lines(indicator, series, baseline)
    if file_format := requested_format(request):
        table = indicator_tables.indicator_series_table(
            indicator, lines, request.build_absolute_uri()
        )
        return table_response(table, file_format)
    estimate = next((value.estimate for value in series if value.estimate), None)
    if estimate is None:
        estimate = values.source_estimate(indicator, published_only=public)
    numbers = [v.value for v in series] + [float(t.value) for t in indicator.targets.all()]
    shown = indicator_page.scale(indicator, numbers)
    latest_year = series[-1].year if series else None
    context = {
        "indicator": indicator,
        "lines": lines,
        "baseline": baseline,
        "assessment": assessment,
        "scale": shown,
        "chart": indicator_page.chart(indicator, series, baseline, shown),
        "estimate": estimate,
        "estimate_published": estimate is not None and hasattr(estimate, "publication"),
        "provenance": provenance.groups(estimate.provenance) if estimate else [],
        "registry_text": (
            indicator_page.registry_text(indicator)
            if indicator.source == Indicator.Source.REGISTRY
            else ""
        ),
        "latest_year": latest_year,
        "on_track_ratio": trajectory.ON_TRACK_RATIO,
        "at_risk_ratio": trajectory.AT_RISK_RATIO,
    }
    context["breakdowns"] = _breakdowns(indicator, latest_year, estimate, public)
    context["readable_reports"] = _readable_reports(request, series)
    return render(request, "web/indicator_detail.html", context | extra)


def _readable_reports(request: HttpRequest, series: list[values.IndicatorValue]) -> set[int]:
    """The reports behind the values that this reader may open: the others are named by
    number only, not linked to a page that would refuse them."""
    ids = {pk for value in series for pk in value.report_ids}
    if not ids or not request.user.is_authenticated:
        return set()
    return set(reports_visible_to(request.user).filter(pk__in=ids).values_list("pk", flat=True))


def _breakdowns(
    indicator: Indicator, year: int | None, estimate: Estimate | None, public: bool
) -> list[dict[str, Any]]:
    if year is None:
        return []
    titles = {"sector": _("By sector"), "area": _("By area")}
    found = []
    for dimension in ("sector", "area"):
        if dimension not in (indicator.disaggregations or []):
            continue
        parts = indicator_lines.parts(indicator, dimension, year, estimate, public=public)
        if parts:
            shown = indicator_page.scale(indicator, [part.value for part in parts])
            found.append(
                {"dimension": dimension, "title": titles[dimension], "parts": parts, "scale": shown}
            )
    return found
