"""Pages. They show stored estimates; they never compute statistics."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import latest_estimates
from cnvh.web import provenance, summary, targets


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    summaries = [summary.summarise(estimate) for estimate in latest_estimates()]
    sections = [
        {
            "summary": item,
            "share_chart": summary.share_chart(item),
            "sector_chart": summary.sector_chart(item),
            "share_chart_id": f"share-chart-{item.estimate.pk}",
            "sector_chart_id": f"sector-chart-{item.estimate.pk}",
        }
        for item in summaries
    ]
    context = {
        "sections": sections,
        "any_synthetic": any(item.estimate.synthetic for item in summaries),
        "plan_targets": targets.PLAN_TARGETS,
        "baseline_year": targets.BASELINE_YEAR,
    }
    return render(request, "web/overview.html", context)


@require_safe
def estimate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = get_object_or_404(Estimate, pk=pk)
    newer = (
        Estimate.objects.filter(scope_key=estimate.scope_key, revision__gt=estimate.revision)
        .order_by("-revision")
        .first()
    )
    context = {
        "estimate": estimate,
        "newer": newer,
        "groups": provenance.groups(estimate.provenance),
        "provenance_json": provenance.pretty(estimate.provenance),
        "row_count": estimate.rows.count(),
        "years": estimate.years(),
    }
    return render(request, "web/estimate_detail.html", context)
