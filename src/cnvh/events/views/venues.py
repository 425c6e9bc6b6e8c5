"""The venue register: every member reads it (list, search, each venue with its events);
the coordinator and the culture department record and correct venues, each change kept
with who made it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.events.models import Venue, searchable
from cnvh.events.venue_forms import VenueFilters, VenueForm
from cnvh.plan.permissions import require

LIST_LIMIT = 300


@require_GET
@login_required
def venue_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.view_events")
    filters = VenueFilters(request.GET or None)
    venues = (
        Venue.objects.select_related("ward")
        .annotate(event_count=Count("events"))
        .order_by("name", "pk")
    )
    if filters.is_valid():
        words = searchable(filters.cleaned_data.get("q") or "")
        for word in words.split():
            venues = venues.filter(search_text__contains=word)
        if filters.cleaned_data.get("ward"):
            venues = venues.filter(ward__code=filters.cleaned_data["ward"])
    context = {
        "filters": filters,
        "venues": venues.order_by("name", "pk")[:LIST_LIMIT],
        "limit": LIST_LIMIT,
        "can_edit": request.user.has_perm("events.change_venues"),
    }
    return render(request, "events/venue_list.html", context)


@require_GET
@login_required
def venue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "events.view_events")
    venue = get_object_or_404(Venue.objects.select_related("ward", "heritage_manager"), pk=pk)
    context = {
        "venue": venue,
        "events": venue.events.order_by("-starts_on", "pk"),
        "can_edit": request.user.has_perm("events.change_venues"),
    }
    return render(request, "events/venue_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def venue_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, "events.change_venues")
    venue = get_object_or_404(Venue, pk=pk) if pk else None
    form = VenueForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("The venue is saved."))
        return redirect("events-venue", pk=saved.pk)
    return render(request, "events/venue_form.html", {"form": form, "venue": venue})
