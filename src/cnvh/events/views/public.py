"""The public calendar: published events, for everyone without a login, as a page, as
CSV or XLSX, as iCalendar feeds (.ics: every event, a ward's, a sector's) and, on each
event's page, as schema.org JSON-LD."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from cnvh.events import feeds
from cnvh.events.forms import ListFilters
from cnvh.events.models import Event, sector_choices
from cnvh.events.permissions import public_events
from cnvh.events.views.work import query_without_format
from cnvh.plan.models import Agency
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.presentation.tables.events import calendar_table

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
    if filters.is_valid() and filters.cleaned_data.get("ward"):
        events = events.filter(venue__ward__code=filters.cleaned_data["ward"])
    if file_format := requested_format(request):
        table = calendar_table(events, _url_maker(request), request.build_absolute_uri())
        return table_response(table, file_format)
    context = {
        "events": events[:CALENDAR_LIMIT],
        "filters": filters,
        "sectors": sector_choices(),
        "query": query_without_format(request),
    }
    return render(request, "events/calendar.html", context)


def _url_maker(request: HttpRequest) -> Callable[[Event], str]:
    def url_of(event: Event) -> str:
        return request.build_absolute_uri(reverse("events-public", args=[event.pk]))

    return url_of


@require_GET
def public_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = public_events().select_related("venue__ward", "organiser_agency").filter(pk=pk).first()
    if event is None:
        raise Http404
    url = request.build_absolute_uri(reverse("events-public", args=[event.pk]))
    data = feeds.json_ld_script(feeds.json_ld(event, url))
    context = {"event": event, "json_ld": mark_safe(data)}
    return render(request, "events/public_event.html", context)


def _ics_response(
    request: HttpRequest, events: QuerySet[Event] | list[Event], name: str, title: str
) -> HttpResponse:
    body = feeds.ics(events, _url_maker(request), title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def _published() -> QuerySet[Event]:
    return public_events().select_related("venue").order_by("starts_on", "pk")


@require_GET
def calendar_ics(request: HttpRequest) -> HttpResponse:
    return _ics_response(request, _published(), "cnvh-events", feeds.CALENDAR_NAME)


@require_GET
def ward_ics(request: HttpRequest, code: str) -> HttpResponse:
    """The published events held in one ward or commune (an agency with venues)."""
    ward = Agency.objects.filter(code=code, venues__isnull=False).distinct().first()
    if ward is None:
        raise Http404
    events = _published().filter(venue__ward=ward)
    title = f"{feeds.CALENDAR_NAME} — {ward.name_vi}"
    return _ics_response(request, events, f"cnvh-events-{ward.code}", title)


@require_GET
def sector_ics(request: HttpRequest, key: str) -> HttpResponse:
    """The published events that serve one sector of the plan."""
    names = dict(sector_choices())
    if key not in names:
        raise Http404
    # The sectors are a JSON list: read in Python, the same on SQLite and PostgreSQL.
    events = [event for event in _published() if key in (event.sectors or [])]
    title = f"{feeds.CALENDAR_NAME} — {names[key]}"
    return _ics_response(request, events, f"cnvh-events-{key}", title)
