"""The iCalendar file is written line by line: every event read back with the
`icalendar` library gives what was written (UID, SEQUENCE, STATUS, dates, hours, the
yearly rule, texts with their commas, semicolons, backslashes and new lines), and the
lines obey RFC 5545: CRLF, at most 75 octets, folded outside UTF-8 characters and
escapes. The events are the benchmark's (unsaved), with harder texts mixed in."""

from datetime import UTC, date, datetime, timedelta
from datetime import time as clock

import pytest
from django.utils import translation
from icalendar import Calendar

from bench import events_ics
from cnvh.events import feeds
from cnvh.events.models import Event

HARD_TEXTS = [
    'Dòng một;\nDòng hai, có dấu phẩy \\ và "ngoặc"',
    "Tiêu đề rất dài " * 9 + "ạ;,",
    "ẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠẠ\\" + "x" * 80,
    "a" * 73 + "\\,b" + "\r\nc",
]


def as_read(text: str) -> str:
    """A text as a calendar gives it back: a CRLF within it is one new line."""
    return text.replace("\r\n", "\n")


def url_of(event: Event) -> str:
    return f"https://cnvh.example.vn/calendar/{event.pk}/?a=1,2;b"


@pytest.fixture(scope="module")
def made() -> list[Event]:
    found = events_ics.events(600)
    for number, text in enumerate(HARD_TEXTS):
        found[number * 7].title_vi = text
        found[number * 7 + 1].description_vi = text
        found[number * 7 + 2].venue.address = text
    return found


@pytest.fixture(scope="module")
def written(made: list[Event]) -> bytes:
    with translation.override("vi"):
        return feeds.ics(made, url_of)


def test_every_event_round_trips(made: list[Event], written: bytes) -> None:
    entries = {str(entry["uid"]): entry for entry in Calendar.from_ical(written).walk("VEVENT")}
    assert len(entries) == len(made)
    for event in made:
        entry = entries[f"event-{event.pk}@cnvh.hanoi"]
        assert str(entry["summary"]) == as_read(event.title_vi)
        assert entry.decoded("sequence") == event.sequence
        assert str(entry["status"]) == "CONFIRMED"
        assert str(entry["url"]) == url_of(event)
        assert str(entry["location"]) == as_read(f"{event.venue.name}, {event.venue.address}")
        description = feeds._description(event, event.description_vi)
        assert str(entry.get("description", "")) == as_read(description)
        assert ("RRULE" in entry) == (event.recurs_yearly and not event.lunar_day)
        if "RRULE" in entry:
            assert entry["rrule"].to_ical() == b"FREQ=YEARLY"
        start, end = entry.decoded("dtstart"), entry.decoded("dtend")
        if event.starts_at and event.ends_on == event.starts_on:
            # Hanoi is UTC+7 all year: 19:00 there is 12:00 UTC.
            assert start == datetime.combine(event.starts_on, clock(12, 0), tzinfo=UTC)
            assert end == datetime.combine(event.starts_on, clock(14, 30), tzinfo=UTC)
        else:
            assert (start, end) == (event.starts_on, event.ends_on + timedelta(days=1))


def test_lines_are_crlf_and_at_most_75_octets(written: bytes) -> None:
    assert written.endswith(b"\r\nEND:VCALENDAR\r\n")
    lines = written.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) == 75  # a continuation: its space and 74
    for line in lines:
        line.decode()  # no UTF-8 character is cut in two
    continued = [line for line in lines if line.startswith(b" ")]
    assert continued, "the long titles are folded"
    # No escape is cut from its backslash: no line ends in a lone backslash.
    assert not any(line.endswith(b"\\") and not line.endswith(b"\\\\") for line in lines)


def test_a_folded_line_by_hand() -> None:
    """80 "ạ" (3 octets each, 240 octets) after "SUMMARY:" (8): 24 fit on the first
    line (8 + 72 = 80 > 74, so 22: 8 + 66 = 74), then 24 on each following line (72
    octets and the space)."""
    line = feeds._folded("SUMMARY:" + "ạ" * 80)
    parts = line.split(b"\r\n ")
    assert [len(part) for part in parts] == [74, 72, 72, 30]
    assert b"".join(parts).decode() == "SUMMARY:" + "ạ" * 80


def test_an_escape_is_not_cut_from_its_backslash() -> None:
    # "X:" and 71 letters are 73 octets: the 74th, a backslash, starts the next line.
    parts = feeds._folded("X:" + "a" * 71 + "\\,b").split(b"\r\n ")
    assert [len(part) for part in parts] == [73, 3] and parts[1] == b"\\,b"


def test_texts_are_escaped() -> None:
    assert feeds.text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_the_header_and_an_all_day_event_line_by_line() -> None:
    event = events_ics.events(1)[0]
    event.starts_on, event.ends_on = date(2026, 3, 2), date(2026, 3, 4)
    lines = feeds.ics([event], url_of).decode().split("\r\n")
    assert lines[:4] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//cnvh//Hanoi cultural events//VI",
        "X-WR-CALNAME:Sự kiện văn hóa Hà Nội / Hanoi cultural events",
    ]
    assert "DTSTART;VALUE=DATE:20260302" in lines and "DTEND;VALUE=DATE:20260305" in lines
    assert "LOCATION:Nhà văn hóa số 2\\, 1 phố Hàng Bài" not in lines
    assert "LOCATION:Nhà văn hóa số 2\\, 2 phố Hàng Bài" in lines
