"""The clearance rules are data the coordinator edits, with history; a new rule
changes the agencies asked for files complete from its first day."""

from datetime import date

from django.test import TestCase
from django.urls import reverse

from cnvh.events import workflow
from cnvh.events.models import ClearanceRule
from tests import factories
from tests.events import make


class RuleTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.fire = factories.agency("pccc", name_vi="Cảnh sát PCCC")

    def test_the_coordinator_adds_a_dated_rule(self) -> None:
        self.client.force_login(self.town.officer)
        assert self.client.get(reverse("events-rule-new")).status_code == 403
        self.client.force_login(self.town.coordinator)
        data = {
            "name_vi": "PCCC: biểu diễn từ 300 người",
            "reviewer": "agency",
            "agency": str(self.fire.pk),
            "kinds": ["performance"],
            "min_attendance": "300",
            "valid_from": "01/03/2026",
        }
        assert self.client.post(reverse("events-rule-new"), data).status_code == 302
        rule = ClearanceRule.objects.get(agency=self.fire)
        assert rule.valid_from == date(2026, 3, 1)
        assert rule.history.get().history_user == self.town.coordinator
        before, after = make.event(self.town), make.event(self.town)
        workflow.start_clearance(before, date(2026, 2, 27), self.town.officer)
        workflow.start_clearance(after, date(2026, 3, 2), self.town.officer)
        assert not before.clearances.filter(agency=self.fire).exists()
        assert after.clearances.filter(agency=self.fire).exists()

    def test_a_named_agency_is_required(self) -> None:
        self.client.force_login(self.town.coordinator)
        data = {"name_vi": "Thiếu", "reviewer": "agency", "valid_from": "01/03/2026"}
        page = self.client.post(reverse("events-rule-new"), data)
        assert page.status_code == 200
        assert not ClearanceRule.objects.filter(name_vi="Thiếu").exists()
