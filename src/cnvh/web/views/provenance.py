"""An estimate's provenance as the engine wrote it, to download."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from cnvh.estimates.models import Estimate
from cnvh.presentation.access import published_only
from cnvh.web import provenance


@require_safe
def provenance_json(request: HttpRequest, pk: int) -> HttpResponse:
    """Who may read the revision's page may download its provenance."""
    estimate = get_object_or_404(Estimate.objects.select_related("publication"), pk=pk)
    if published_only(request) and not hasattr(estimate, "publication"):
        raise Http404
    response = HttpResponse(
        provenance.pretty(estimate.provenance), content_type="application/json; charset=utf-8"
    )
    name = f"provenance-{estimate.scope_key}-r{estimate.revision}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
