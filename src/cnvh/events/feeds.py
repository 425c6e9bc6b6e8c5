"""The public calendar's formats: iCalendar (RFC 5545) for subscribers, and schema.org
`Event` as JSON-LD on each public event page."""

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from cnvh.events.models import Event, Status

PRODUCT = "-//cnvh//Hanoi cultural events//VI"
UID_DOMAIN = "cnvh.hanoi"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
CALENDAR_NAME = "Sự kiện văn hóa Hà Nội / Hanoi cultural events"


# What a subscriber's calendar and a search engine are told of an event called off after
# it was published: a postponed or suspended one may resume (its SEQUENCE rises again).
ICS_STATUS: dict[str, str] = {
    Status.CANCELLED: "CANCELLED",
    Status.POSTPONED: "TENTATIVE",
    Status.SUSPENDED: "TENTATIVE",
}
SCHEMA_STATUS: dict[str, str] = {
    Status.CANCELLED: "EventCancelled",
    Status.POSTPONED: "EventPostponed",
    Status.SUSPENDED: "EventPostponed",
}


def ics(events: Iterable[Event], url_of: Any, name: str = CALENDAR_NAME) -> bytes:
    """The published events as one iCalendar file; `url_of(event)` gives each page."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{UID_DOMAIN}")
        entry.add("sequence", event.sequence)
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title)
        _add_times(entry, event)
        entry.add("location", f"{event.venue.name}, {event.venue.address}")
        entry.add("status", ICS_STATUS.get(event.status, "CONFIRMED"))
        entry.add("url", url_of(event))
        description = _description(event)
        if description:
            entry.add("description", description)
        if event.recurs_yearly and not event.lunar_day:
            entry.add("rrule", {"freq": "yearly"})
        calendar.add_component(entry)
    return calendar.to_ical()


def _add_times(entry: CalendarEvent, event: Event) -> None:
    if event.starts_at and event.ends_at and event.ends_on == event.starts_on:
        # A one-day event with its hours, in UTC (no VTIMEZONE needed).
        for name, hour in (("dtstart", event.starts_at), ("dtend", event.ends_at)):
            moment = datetime.combine(event.starts_on, hour, tzinfo=HANOI)
            entry.add(name, moment.astimezone(UTC))
        return
    # All-day events: DTEND is the day after the last (RFC 5545, 3.6.1).
    entry.add("dtstart", event.starts_on)
    entry.add("dtend", event.ends_on + timedelta(days=1))


def _description(event: Event) -> str:
    """The description, and a several-day event's daily hours, which DTSTART cannot say."""
    text = event.description
    if event.starts_at and event.ends_at and event.ends_on != event.starts_on:
        hours = f"{event.starts_at:%H:%M}–{event.ends_at:%H:%M}"
        text = f"Hằng ngày / Daily {hours}\n\n{text}".strip()
    return text


def json_ld(event: Event, url: str) -> dict[str, Any]:
    """schema.org Event: its dates, place and organiser."""
    venue = event.venue
    place: dict[str, Any] = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.address,
            "addressLocality": "Hà Nội",
            "addressCountry": "VN",
        },
    }
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    found: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.starts_on.isoformat(),
        "endDate": event.ends_on.isoformat(),
        "eventStatus": f"https://schema.org/{SCHEMA_STATUS.get(event.status, 'EventScheduled')}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "url": url,
    }
    if event.description:
        found["description"] = event.description
    # A person who organises is named only to the officers, not on the public page.
    if event.organiser and event.organiser_kind != Event.OrganiserKind.PERSON:
        found["organizer"] = {"@type": "Organization", "name": event.organiser}
    return found


def json_ld_script(data: dict[str, Any]) -> str:
    """The JSON for a <script type="application/ld+json"> element: <, > and & escaped
    so that no text of the event can close the element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
