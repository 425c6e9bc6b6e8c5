"""The public calendar: published events, for everyone without a login, as a page,
as an iCalendar feed (.ics) and, on each event's page, as schema.org JSON-LD."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from cnvh.events import feeds
from cnvh.events.forms import ListFilters
from cnvh.events.models import Event
from cnvh.events.permissions import public_events

CALENDAR_LIMIT = 300


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    events = public_events().select_related("venue__ward").order_by("starts_on", "pk")
    filters = ListFilters(request.GET or None)
    month = filters.month_range()
    if month:
        events = events.filter(starts_on__lt=month[1], ends_on__gte=month[0])
    else:
        events = events.filter(ends_on__gte=timezone.localdate())
    context = {"events": events[:CALENDAR_LIMIT], "filters": filters}
    return render(request, "events/calendar.html", context)


@require_GET
def public_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = public_events().select_related("venue__ward", "organiser_agency").filter(pk=pk).first()
    if event is None:
        raise Http404
    url = request.build_absolute_uri(reverse("events-public", args=[event.pk]))
    data = feeds.json_ld_script(feeds.json_ld(event, url))
    context = {"event": event, "json_ld": mark_safe(data)}
    return render(request, "events/public_event.html", context)


@require_GET
def calendar_ics(request: HttpRequest) -> HttpResponse:
    events = public_events().select_related("venue").order_by("starts_on", "pk")

    def url_of(event: Event) -> str:
        return request.build_absolute_uri(reverse("events-public", args=[event.pk]))

    response = HttpResponse(feeds.ics(events, url_of), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="cnvh-events.ics"'
    return response
