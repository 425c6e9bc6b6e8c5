"""The public calendar: only published events, without a login; the iCalendar feed
(parsed back with the icalendar library) and schema.org JSON-LD on the event page."""

import json
import re
from datetime import date

from django.test import TestCase
from django.urls import reverse
from icalendar import Calendar

from cnvh.events import workflow
from tests.events import make


class PublicTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.hidden = make.event(self.town, title_vi="Chưa duyệt", title_en="Not decided")
        self.shown = make.event(
            self.town,
            title_vi="Lễ hội <Đền>",
            title_en="Temple festival",
            starts_on=date(2026, 3, 2),
            ends_on=date(2026, 3, 4),
            description_vi="Rước kiệu & hát chầu văn",
        )
        workflow.start_clearance(self.shown, date(2026, 2, 12), self.town.officer)
        workflow.answer_clearance(
            self.shown.clearances.get(), "agree", "", date(2026, 2, 13), self.town.ward_officer
        )
        workflow.decide(self.shown, True, "3/QĐ-SVHTT", date(2026, 2, 24), "", self.town.leader)
        workflow.publish(self.shown, date(2026, 2, 25), self.town.officer)

    def test_the_calendar_shows_only_published_events(self) -> None:
        page = self.client.get(reverse("events-calendar"), {"month": "2026-03"})
        body = page.content.decode()
        assert page.status_code == 200
        assert "Lễ hội &lt;Đền&gt;" in body
        assert "Chưa duyệt" not in body
        assert "ngày 14 tháng Giêng năm Bính Ngọ" in body
        assert self.client.get(reverse("events-public", args=[self.hidden.pk])).status_code == 404

    def test_the_ics_feed(self) -> None:
        response = self.client.get(reverse("events-ics"))
        assert response["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.content)
        entries = calendar.walk("VEVENT")
        assert len(entries) == 1
        entry = entries[0]
        assert str(entry["summary"]) == "Lễ hội <Đền>"
        assert entry.decoded("dtstart") == date(2026, 3, 2)
        # All-day: the end is the day after the last day.
        assert entry.decoded("dtend") == date(2026, 3, 5)
        assert str(entry["uid"]) == f"event-{self.shown.pk}@cnvh.hanoi"
        assert entry.decoded("sequence") == 1
        assert str(entry["status"]) == "CONFIRMED"
        assert str(entry["url"]).endswith(reverse("events-public", args=[self.shown.pk]))

    def test_the_event_page_carries_schema_org_json_ld(self) -> None:
        body = self.client.get(reverse("events-public", args=[self.shown.pk])).content.decode()
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
        assert found is not None
        assert "<Đền>" not in found.group(1)  # escaped inside the script element
        data = json.loads(found.group(1))
        assert data["@type"] == "Event"
        assert data["name"] == "Lễ hội <Đền>"
        assert data["startDate"] == "2026-03-02"
        assert data["endDate"] == "2026-03-04"
        assert data["eventStatus"] == "https://schema.org/EventScheduled"
        assert data["location"]["@type"] == "Place"
        assert data["location"]["name"] == "Nhà hát Lớn"
        assert data["organizer"]["name"] == "Công ty Biểu diễn Hà Nội"
        assert data["description"] == "Rước kiệu & hát chầu văn"
