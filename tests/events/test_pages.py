"""The events pages: filing with typed Vietnamese dates and numbers, each role only its
part, the list's filters and overdue views."""

from datetime import date, timedelta
from decimal import Decimal

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from cnvh.events import workflow
from cnvh.events.models import Clearance, Event, Status
from tests.events import make


def _filing(town: make.City, **changes: str) -> dict[str, str]:
    data = {
        "procedure_code": "nd144-art10-approval",
        "receiving_agency": str(town.culture.pk),
        "filed_on": "12/02/2026",
        "title_vi": "Hòa nhạc mùa xuân",
        "title_en": "Spring concert",
        "kind": "performance",
        "sectors": "performing_arts",
        "organiser_kind": "enterprise",
        "organiser_tax_code": "0100109106",
        "organiser_name": "Công ty Biểu diễn Hà Nội",
        "venue": str(town.hall.pk),
        "starts_on": "02/03/2026",
        "expected_attendance": "1.500",
        "budget": "1.200.000.000",
    }
    return {**data, **changes}


class FilingPageTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.client.force_login(self.town.officer)

    def test_a_file_typed_the_vietnamese_way_is_stored(self) -> None:
        response = self.client.post(reverse("events-new"), _filing(self.town))
        event = Event.objects.get()
        assert response.status_code == 302
        assert event.filed_on == date(2026, 2, 12)
        assert event.starts_on == event.ends_on == date(2026, 3, 2)
        assert event.budget == Decimal("1200000000")
        assert event.expected_attendance == 1500
        assert event.sectors == ["performing_arts"]
        assert event.procedure.code == "nd144-art10-approval"
        page = self.client.get(reverse("events-detail", args=[event.pk])).content.decode()
        assert "1.200.000.000" in page
        assert "12/02/2026" in page

    def test_a_wrong_tax_code_is_refused_with_how_to_fix(self) -> None:
        self.client.cookies["django_language"] = "en"
        page = self.client.post(
            reverse("events-new"), _filing(self.town, organiser_tax_code="0100109107")
        )
        assert page.status_code == 200
        assert "is not a valid enterprise tax code" in page.content.decode()
        assert not Event.objects.exists()

    def test_a_festival_given_by_its_lunar_date(self) -> None:
        # Mùng 6 tháng Giêng Bính Ngọ: Tết 2026 is 17 February, so 22 February.
        data = _filing(
            self.town,
            procedure_code="nd110-notification",
            kind="festival",
            starts_on="",
            lunar_day="6",
            lunar_month="1",
            lunar_year="2026",
            recurs_yearly="on",
            filed_on="10/01/2026",
        )
        assert self.client.post(reverse("events-new"), data).status_code == 302
        event = Event.objects.get()
        assert event.starts_on == date(2026, 2, 22)
        assert event.occurrence_in(2027) == date(2027, 2, 11)
        page = self.client.get(reverse("events-detail", args=[event.pk])).content.decode()
        assert "mùng 6 tháng Giêng năm Bính Ngọ" in page

    def test_a_lunar_date_that_does_not_exist_is_refused(self) -> None:
        # The 2nd lunar month of Bính Ngọ has 29 days.
        self.client.cookies["django_language"] = "en"
        data = _filing(self.town, starts_on="", lunar_day="30", lunar_month="2", lunar_year="2026")
        page = self.client.post(reverse("events-new"), data)
        assert page.status_code == 200
        assert "29 days" in page.content.decode()
        assert not Event.objects.exists()


class RolePageTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        today = timezone.localdate()
        self.event = make.event(
            self.town,
            filed_on=today - timedelta(days=30),
            starts_on=today + timedelta(days=30),
            expected_attendance=2000,
        )
        workflow.start_clearance(self.event, today - timedelta(days=20), self.town.officer)

    def test_each_agency_answers_only_its_own_view(self) -> None:
        ward_view = self.event.clearances.get(agency=self.town.ward)
        police_view = self.event.clearances.get(agency=self.town.police)
        self.client.force_login(self.town.ward_officer)
        url = reverse("events-answer", args=[police_view.pk])
        assert self.client.get(url).status_code == 403
        assert self.client.post(url, {"answer": "agree"}).status_code == 403
        url = reverse("events-answer", args=[ward_view.pk])
        assert self.client.post(url, {"answer": "agree"}).status_code == 302
        ward_view.refresh_from_db()
        assert ward_view.answer == Clearance.Answer.AGREE
        assert ward_view.answered_by == self.town.ward_officer

    def test_overdue_views_are_shown_on_the_list(self) -> None:
        self.client.force_login(self.town.leader)
        page = self.client.get(reverse("events-list")).content.decode()
        assert "Công an thành phố" in page
        assert page.count("tag--overdue") >= 2
        row = f'<td><a href="{reverse("events-detail", args=[self.event.pk])}">'
        assert row in page
        filtered = self.client.get(reverse("events-list"), {"status": "refused"})
        assert row not in filtered.content.decode()
        filtered = self.client.get(reverse("events-list"), {"status": "in_clearance"})
        assert row in filtered.content.decode()

    def test_the_leader_decides_once_every_view_is_in(self) -> None:
        self.client.force_login(self.town.leader)
        url = reverse("events-decide", args=[self.event.pk])
        today = timezone.localdate()
        typed = today.strftime("%d/%m/%Y")
        data = {"approved": "yes", "decision_number": "5/QĐ-SVHTT", "decided_on": typed}
        page = self.client.post(url, data)
        assert page.status_code == 200
        assert "Phường Hoàn Kiếm" in page.content.decode()
        for clearance in self.event.clearances.all():
            officer = (
                self.town.ward_officer
                if clearance.agency == self.town.ward
                else self.town.police_officer
            )
            workflow.answer_clearance(clearance, "agree", "", date(2026, 3, 1), officer)
        assert self.client.post(url, data).status_code == 302
        self.event.refresh_from_db()
        assert self.event.status == Status.APPROVED
        assert self.event.decided_on == today
