"""The events API: members read the events, their views and steps, and the indicators,
with values checked against the records; the public is asked to authenticate."""

from datetime import date

from django.test import TestCase

from cnvh.events import workflow
from tests.events import make


class ApiTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.event = make.event(self.town, expected_attendance=1200)
        workflow.start_clearance(self.event, date(2026, 2, 12), self.town.officer)
        for clearance in self.event.clearances.all():
            officer = (
                self.town.ward_officer
                if clearance.agency == self.town.ward
                else self.town.police_officer
            )
            # The ward answers on the due day, the police a working day late.
            on = date(2026, 2, 26) if clearance.agency == self.town.ward else date(2026, 2, 27)
            workflow.answer_clearance(clearance, "agree", "", on, officer)
        workflow.decide(self.event, True, "9/QĐ-SVHTT", date(2026, 2, 27), "", self.town.leader)
        workflow.publish(self.event, date(2026, 2, 27), self.town.officer)
        workflow.mark_held(self.event, date(2026, 3, 2), self.town.officer)
        workflow.report(self.event, 1350, "", date(2026, 3, 3), self.town.officer)

    def test_the_public_is_asked_to_authenticate(self) -> None:
        assert self.client.get("/api/events").status_code == 401

    def test_an_event_with_its_views(self) -> None:
        self.client.force_login(self.town.ward_officer)
        listed = self.client.get("/api/events", {"status": "reported"}).json()
        assert listed["count"] == 1
        found = self.client.get(f"/api/events/{self.event.pk}").json()
        assert found["budget_vnd"] in ("1200000000", 1200000000)
        # Tết (1st of the 1st month) fell on 17 February 2026: 2 March is 13 days on.
        assert found["lunar_start"] == "14/1/2026"
        assert found["procedure"] == "nd144-art10-approval"
        views = {view["agency"]: view["on_time"] for view in found["clearances"]}
        assert views == {"p-hoan-kiem": True, "cong-an": False}
        assert [step["to_status"] for step in found["steps"]][-1] == "reported"
        assert self.client.get("/api/events/999999").status_code == 404

    def test_the_indicators_from_the_records(self) -> None:
        self.client.force_login(self.town.ward_officer)
        found = self.client.get(
            "/api/event-indicators", {"starts_on": "2026-01-01", "ends_on": "2026-12-31"}
        ).json()
        assert found["events_held"] == 1
        assert found["by_kind"] == [{"key": "performance", "events": 1}]
        assert found["by_ward"] == [{"key": "p-hoan-kiem", "events": 1}]
        assert found["views_due"] == 2
        assert found["views_on_time"] == 1
        assert found["on_time_share"] == 0.5
        # Complete on Thu 12 Feb, decided Fri 27 Feb: 13, 23, 24, 25, 26, 27 = 6.
        assert found["median_working_days_to_decision"] == 6.0
        assert found["attendance"] == 1350
        # One event alone: no clash found, none resolved.
        assert (found["clashes_found"], found["clashes_resolved"]) == (0, 0)
