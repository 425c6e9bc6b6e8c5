"""Estimate revisions: the list and one revision's provenance (publishing: `publishing`)."""

from itertools import groupby

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from cnvh.estimates import publishing
from cnvh.estimates.models import Estimate, PublicationChange
from cnvh.estimates.store import scope_sort_key
from cnvh.presentation.access import published_only
from cnvh.web import provenance


@require_safe
def estimate_list(request: HttpRequest) -> HttpResponse:
    """Every revision of every definition, newest first; the public sees the published."""
    estimates = Estimate.objects.select_related(
        "publication", "publication__published_by"
    ).order_by("scope_key", "-revision")
    if published_only(request):
        estimates = estimates.filter(publication__isnull=False)
    scopes = [
        (scope_key, list(revisions))
        for scope_key, revisions in groupby(estimates, key=lambda estimate: estimate.scope_key)
    ]
    scopes.sort(key=lambda item: scope_sort_key(item[0]))
    return render(request, "web/estimate_list.html", {"scopes": scopes})


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
    publisher = estimate.publication.published_by if published else None
    context = {
        "estimate": estimate,
        "published": published,
        "publisher": (publisher.get_full_name() or publisher.get_username()) if publisher else "",
        "newer": newer.order_by("-revision").first(),
        "groups": provenance.groups(estimate.provenance),
        "row_count": estimate.rows.count(),
        "restorable": not public and publishing.restorable(estimate),
        "changes": []
        if public
        else PublicationChange.objects.filter(scope_key=estimate.scope_key).select_related(
            "estimate", "changed_by"
        ),
        "years": estimate.years(),
    }
    return render(request, "web/estimate_detail.html", context)
