"""The public calendar: published events, for everyone without a login, as a page, as
CSV or XLSX, as iCalendar feeds (.ics: every event, a ward's, a sector's) and, on each
event's page, as schema.org JSON-LD."""

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from cnvh.events import eventmap, feeds, public_calendar
from cnvh.events.models import Event, sector_choices
from cnvh.events.permissions import public_events
from cnvh.events.views.work import query_without_format
from cnvh.plan.models import Agency
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.presentation.tables.events import calendar_table

CALENDAR_LIMIT = 300


def _in_period(filters: public_calendar.CalendarFilters) -> QuerySet[Event]:
    """The published events of the month asked for, or from today on."""
    events = public_events().select_related("venue__ward").order_by("starts_on", "pk")
    month = filters.month_range()
    if month:
        return events.filter(starts_on__lt=month[1], ends_on__gte=month[0])
    return events.filter(ends_on__gte=timezone.localdate())


def _views(filters: public_calendar.CalendarFilters, month: str = "") -> dict[str, str]:
    """The query strings that open the other views with the same filters, and the same
    time: the month shown (or the week's), the week of the month's first day."""
    kept = filters.kept()
    month = month or filters.value("month")
    chosen = filters.month_range()
    return {
        "list": urlencode({**kept, **({"month": month} if month else {})}),
        "week": urlencode({**kept, **({"day": f"{chosen[0]:%d/%m/%Y}"} if chosen else {})}),
    }


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    filters = public_calendar.CalendarFilters(request.GET or None)
    events = filters.narrow(_in_period(filters))
    if file_format := requested_format(request):
        table = calendar_table(events, _url_maker(request), request.build_absolute_uri())
        return table_response(table, file_format)
    context = {
        "events": events[:CALENDAR_LIMIT],
        "filters": filters,
        "sectors": sector_choices(),
        "query": query_without_format(request),
        "views": _views(filters),
        "view": "list",
    }
    return render(request, "events/calendar.html", context)


@require_GET
def calendar_week(request: HttpRequest) -> HttpResponse:
    """Monday to Sunday, each day with the events running that day."""
    filters = public_calendar.CalendarFilters(request.GET or None)
    monday = filters.monday(timezone.localdate())
    sunday = monday + timedelta(days=public_calendar.WEEK - 1)
    events = public_events().select_related("venue__ward").order_by("starts_on", "pk")
    events = events.filter(starts_on__lte=sunday, ends_on__gte=monday)
    kept = filters.kept()
    context = {
        "days": public_calendar.week(monday, list(filters.narrow(events))),
        "monday": monday,
        "sunday": sunday,
        "week_number": monday.isocalendar().week,
        "filters": filters,
        "views": _views(filters, f"{monday:%Y-%m}"),
        "view": "week",
        "previous": urlencode({**kept, "day": f"{monday - timedelta(days=7):%d/%m/%Y}"}),
        "following": urlencode({**kept, "day": f"{monday + timedelta(days=7):%d/%m/%Y}"}),
    }
    return render(request, "events/calendar_week.html", context)


@require_GET
def calendar_map(request: HttpRequest) -> HttpResponse:
    """The events of the month asked for (or from today) at their venues."""
    filters = public_calendar.CalendarFilters(request.GET or None)
    events = list(filters.narrow(_in_period(filters))[:CALENDAR_LIMIT])
    context = {
        "map": eventmap.event_map(events, list(_ward_centres())),
        "filters": filters,
        "views": _views(filters),
        "view": "map",
    }
    return render(request, "events/calendar_map.html", context)


def _ward_centres() -> QuerySet[Agency]:
    kinds = [Agency.Kind.WARD, Agency.Kind.COMMUNE]
    return Agency.objects.filter(kind__in=kinds, latitude__isnull=False, longitude__isnull=False)


def _url_maker(request: HttpRequest) -> Callable[[Event], str]:
    """Each event's public address. Reversed once, with a stand-in number then replaced
    by each event's: reversing for each of thousands of events in a feed cost more than
    writing the feed."""
    stand_in = "987654321"
    sample = request.build_absolute_uri(reverse("events-public", args=[int(stand_in)]))
    head, tail = sample.rsplit(stand_in, 1)

    def url_of(event: Event) -> str:
        return f"{head}{event.pk}{tail}"

    return url_of


@require_GET
def public_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = public_events().select_related("venue__ward", "organiser_agency").filter(pk=pk).first()
    if event is None:
        raise Http404
    url = request.build_absolute_uri(reverse("events-public", args=[event.pk]))
    data = feeds.json_ld_script(feeds.json_ld(event, url))
    context = {
        "event": event,
        "json_ld": mark_safe(data),
        "called_off_reason": _why_off(event),
    }
    return render(request, "events/public_event.html", context)


def _why_off(event: Event) -> str:
    """The reason given when the event was postponed, suspended or cancelled."""
    if not event.called_off:
        return ""
    stopped = event.stopping_step()
    return stopped.note if stopped else ""


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
