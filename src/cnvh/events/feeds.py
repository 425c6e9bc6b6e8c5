"""The public calendar's formats: iCalendar (RFC 5545) for subscribers, and schema.org
`Event` as JSON-LD on each public event page."""

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from cnvh.events.models import Event, Status
from cnvh.language import current, pick

PRODUCT = "-//cnvh//Hanoi cultural events//VI"
UID_DOMAIN = "cnvh.hanoi"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
CALENDAR_NAME = "Sự kiện văn hóa Hà Nội / Hanoi cultural events"
UTC_FORMAT = "%Y%m%dT%H%M%SZ"
# Octets on a line before it is folded; a folded line's space counts in the next 75.
FOLD_AT = 74
BACKSLASH = ord("\\")


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
    """The published events as one iCalendar file; `url_of(event)` gives each page.

    Written line by line rather than through the `icalendar` library's objects, which
    took most of the time for a city's year of events; the tests read every event back
    with that library."""
    language = current()
    stamp = timezone.now().astimezone(UTC).strftime(UTC_FORMAT)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        f"X-WR-CALNAME:{text(name)}",
    ]
    for event in events:
        lines += _vevent(event, url_of(event), stamp, language)
    lines.append("END:VCALENDAR")
    return b"\r\n".join(_folded(line) for line in lines) + b"\r\n"


def _vevent(event: Event, url: str, stamp: str, language: str) -> list[str]:
    venue = event.venue
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{text(pick(event.title_vi, event.title_en, language))}",
        *_times(event),
        f"DTSTAMP:{stamp}",
        f"UID:event-{event.pk}@{UID_DOMAIN}",
        f"SEQUENCE:{event.sequence}",
    ]
    if event.recurs_yearly and not event.lunar_day:
        lines.append("RRULE:FREQ=YEARLY")
    description = _description(event, pick(event.description_vi, event.description_en, language))
    if description:
        lines.append(f"DESCRIPTION:{text(description)}")
    lines += [
        f"LOCATION:{text(f'{venue.name}, {venue.address}')}",
        f"STATUS:{ICS_STATUS.get(event.status, 'CONFIRMED')}",
        f"URL:{url}",
        "END:VEVENT",
    ]
    return lines


def _times(event: Event) -> list[str]:
    if event.starts_at and event.ends_at and event.ends_on == event.starts_on:
        # A one-day event with its hours, in UTC (no VTIMEZONE needed).
        moments = [
            datetime.combine(event.starts_on, hour, tzinfo=HANOI).astimezone(UTC)
            for hour in (event.starts_at, event.ends_at)
        ]
        return [f"DTSTART:{moments[0]:{UTC_FORMAT}}", f"DTEND:{moments[1]:{UTC_FORMAT}}"]
    # All-day events: DTEND is the day after the last (RFC 5545, 3.6.1).
    return [
        f"DTSTART;VALUE=DATE:{event.starts_on:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.ends_on + timedelta(days=1):%Y%m%d}",
    ]


def text(value: str) -> str:
    """A TEXT value escaped (RFC 5545, 3.3.11): backslash, semicolon, comma, new line."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _folded(line: str) -> bytes:
    """The line folded into lines of at most 75 octets (RFC 5545, 3.1): a CRLF and a
    space before each 74 octets more, never inside a UTF-8 character nor right after
    the backslash of an escape."""
    data = line.encode()
    if len(data) <= FOLD_AT:
        return data
    parts, start = [], 0
    while len(data) - start > FOLD_AT:
        end = start + FOLD_AT
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            end -= 1
        if data[end - 1] == BACKSLASH:
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def _description(event: Event, text: str) -> str:
    """The description, and a several-day event's daily hours, which DTSTART cannot say."""
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
