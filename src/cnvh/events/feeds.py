"""The public calendar's formats: iCalendar (RFC 5545) for subscribers, and schema.org
`Event` as JSON-LD on each public event page."""

import json
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from cnvh.events.models import Event

PRODUCT = "-//cnvh//Hanoi cultural events//VI"
UID_DOMAIN = "cnvh.hanoi"


def ics(events: Iterable[Event], url_of: Any) -> bytes:
    """The published events as one iCalendar file; `url_of(event)` gives each page."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Sự kiện văn hóa Hà Nội / Hanoi cultural events")
    stamp = timezone.now()
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{UID_DOMAIN}")
        entry.add("sequence", event.sequence)
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title)
        # All-day events: DTEND is the day after the last (RFC 5545, 3.6.1).
        entry.add("dtstart", event.starts_on)
        entry.add("dtend", event.ends_on + timedelta(days=1))
        entry.add("location", f"{event.venue.name}, {event.venue.address}")
        entry.add("status", "CONFIRMED")
        entry.add("url", url_of(event))
        if event.description:
            entry.add("description", event.description)
        if event.recurs_yearly and not event.lunar_day:
            entry.add("rrule", {"freq": "yearly"})
        calendar.add_component(entry)
    return calendar.to_ical()


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
        "eventStatus": "https://schema.org/EventScheduled",
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
