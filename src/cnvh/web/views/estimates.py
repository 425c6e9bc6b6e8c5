"""An estimate revision and its provenance."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from cnvh.estimates.models import Estimate
from cnvh.web import provenance
from cnvh.web.views.access import published_only


@require_safe
def estimate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = get_object_or_404(Estimate.objects.select_related("publication"), pk=pk)
    public = published_only(request)
    published = hasattr(estimate, "publication")
    if public and not published:
        raise Http404
    newer = Estimate.objects.filter(scope_key=estimate.scope_key, revision__gt=estimate.revision)
    if public:
        newer = newer.filter(publication__isnull=False)
    context = {
        "estimate": estimate,
        "published": published,
        "newer": newer.order_by("-revision").first(),
        "groups": provenance.groups(estimate.provenance),
        "provenance_json": provenance.pretty(estimate.provenance),
        "row_count": estimate.rows.count(),
        "years": estimate.years(),
    }
    return render(request, "web/estimate_detail.html", context)
