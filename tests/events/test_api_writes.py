"""Filing an event and giving a view through the API, with a real token: the values read
back from the database, the refusals (other agency 403, bad input 422 in Vietnamese and
English naming the field) leaving nothing changed. Dates on Vietnam's 2026 calendar
(Tết: Mon 16 – Fri 20 February off)."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.test import Client, TestCase
from django.utils import timezone

from cnvh.api import tokens
from cnvh.events import workflow
from cnvh.events.models import Clash, Clearance, Event, Status, Transition
from tests.events import make

FILE = {
    "procedure": "nd144-art10-approval",
    "receiving_agency": "so-vh",
    "filed_on": "2026-02-13",
    "title_vi": "Liên hoan múa rối nước",
    "title_en": "Water puppetry festival",
    "kind": "performance",
    "sectors": ["performing_arts"],
    "organiser_kind": "enterprise",
    "organiser_tax_code": "0100109106",
    "organiser_name": "Công ty Biểu diễn Hà Nội",
    "starts_on": "2026-03-02",
    "ends_on": "2026-03-03",
    "starts_at": "19:30",
    "ends_at": "21:30",
    "expected_attendance": 1200,
    "budget_vnd": "1250000000",
}


class ApiWriteTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.body = {**FILE, "venue_id": self.town.hall.pk}

    def client_of(self, person: Any) -> Client:
        raw = tokens.create_token(person, "script", 30)[1]
        return Client(headers={"Authorization": f"Bearer {raw}"})

    def post(self, person: Any, url: str, body: Any) -> Any:
        return self.client_of(person).post(url, body, content_type="application/json")

    def test_an_officer_files_an_event_late_with_its_clash(self) -> None:
        first = make.event(self.town, starts_on=date(2026, 3, 2))
        answer = self.post(self.town.officer, "/api/events", self.body)
        assert answer.status_code == 201, answer.json()
        event = Event.objects.get(title_vi="Liên hoan múa rối nước")
        # 7 working days before Mon 2 March: back over the Tết week to Thu 12 February;
        # filed on the 13th, a day late.
        assert event.filing_deadline == date(2026, 2, 12)
        assert event.late_filing
        assert event.status == Status.FILED
        assert event.procedure.code == "nd144-art10-approval"
        assert event.receiving_agency == self.town.culture
        assert event.budget == Decimal("1250000000")
        assert event.ends_on == date(2026, 3, 3)
        assert event.sectors == ["performing_arts"]
        assert event.created_by == self.town.officer
        assert event.history.get().history_user == self.town.officer
        step = Transition.objects.get(event=event)
        assert (step.to_status, step.on) == (Status.FILED, date(2026, 2, 13))
        assert "12/02/2026" in step.note
        found = answer.json()
        assert (found["id"], found["late_filing"], found["status"]) == (event.pk, True, "filed")
        # The same hall on 2 March, at hours that overlap the whole-day first event.
        assert found["clashes"] == [
            {
                "other_event_id": first.pk,
                "other_title": first.title_vi,
                "rule": "same_venue",
                "day": "2026-03-02",
                "distance_metres": None,
            }
        ]
        assert Clash.objects.get(event=event).other == first

    def test_bad_fields_are_named_in_both_languages_and_nothing_is_saved(self) -> None:
        body = {**self.body, "ends_on": "2026-03-01", "organiser_tax_code": "0100109107"}
        answer = self.post(self.town.officer, "/api/events", body)
        assert answer.status_code == 422
        found = answer.json()
        fields: dict[str, Any] = {}
        for detail in found["details"]:
            fields.setdefault(detail["field"], []).append(detail["message"])
        assert set(fields) == {"ends_on", "organiser_tax_code"}
        assert fields["ends_on"] == [
            {
                "vi": "Ngày kết thúc trước ngày bắt đầu: kiểm tra lại hai ngày.",
                "en": "The last day is before the first: check both dates.",
            }
        ]
        # The check digit is wrong (6 is right); the code is named in both languages.
        wrong = fields["organiser_tax_code"][0]
        assert "0100109107" in wrong["vi"] and "0100109107" in wrong["en"]
        assert wrong["en"].startswith("“0100109107” is not a valid enterprise tax code")
        assert wrong["vi"] != wrong["en"]
        assert not Event.objects.exists()

    def test_an_unknown_agency_and_a_procedure_for_another_kind(self) -> None:
        unknown = self.post(
            self.town.officer, "/api/events", {**self.body, "receiving_agency": "so-khong-co"}
        )
        assert unknown.status_code == 422
        assert unknown.json()["field"] == "receiving_agency"
        assert "so-khong-co" in unknown.json()["message"]["vi"]
        other_kind = self.post(
            self.town.officer, "/api/events", {**self.body, "procedure": "nd110-registration"}
        )
        assert other_kind.status_code == 422
        message = other_kind.json()["message"]
        assert other_kind.json()["field"] == "procedure"
        assert message["en"].startswith("Procedure nd110-registration does not apply to a ")
        assert message["en"].endswith(": choose one that does.")
        assert message["vi"].startswith("Thủ tục nd110-registration")
        assert not Event.objects.exists()

    def test_a_bad_body_is_refused_before_the_form(self) -> None:
        answer = self.post(
            self.town.officer, "/api/events", {**self.body, "expected_attendance": "many"}
        )
        assert answer.status_code == 422
        assert answer.json()["field"] == "expected_attendance"
        assert not Event.objects.exists()

    def test_someone_without_a_role_may_not_file(self) -> None:
        stranger = make.factories.user()
        answer = self.post(stranger, "/api/events", self.body)
        assert answer.status_code == 403
        assert not Event.objects.exists()

    def test_a_session_write_needs_the_csrf_token(self) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.town.officer)
        client.get("/")  # sets the CSRF cookie
        refused = client.post("/api/events", self.body, content_type="application/json")
        assert refused.status_code == 403
        assert refused.json()["code"] == "csrf_failed"
        assert not Event.objects.exists()
        token = client.cookies["csrftoken"].value
        allowed = client.post(
            "/api/events",
            self.body,
            content_type="application/json",
            headers={"X-CSRFToken": token},
        )
        assert allowed.status_code == 201


class ViewTests(TestCase):
    """Expected 1,200: the ward (the venue's) and the police (1,000 and more) are asked."""

    def setUp(self) -> None:
        self.town = make.city()
        self.event = make.event(self.town, expected_attendance=1200)
        workflow.start_clearance(self.event, date(2026, 2, 12), self.town.officer)
        self.url = f"/api/events/{self.event.pk}/clearances/p-hoan-kiem"

    def post(self, person: Any, url: str, body: Any) -> Any:
        raw = tokens.create_token(person, "script", 30)[1]
        client = Client(headers={"Authorization": f"Bearer {raw}"})
        return client.post(url, body, content_type="application/json")

    def ward_view(self) -> Clearance:
        return Clearance.objects.get(event=self.event, agency=self.town.ward)

    def test_the_ward_gives_its_view_with_conditions(self) -> None:
        body = {"answer": "conditions", "reasons": "Kết thúc trước 22:00."}
        answer = self.post(self.town.ward_officer, self.url, body)
        assert answer.status_code == 200, answer.json()
        view = self.ward_view()
        assert (view.answer, view.reasons) == ("conditions", "Kết thúc trước 22:00.")
        assert view.answered_by == self.town.ward_officer
        assert view.answered_on == timezone.localdate()
        assert view.history.first().history_user == self.town.ward_officer
        views = {item["agency"]: item["answer"] for item in answer.json()["clearances"]}
        assert views == {"p-hoan-kiem": "conditions", "cong-an": "pending"}
        # Given once: a second answer is a conflict, and changes nothing.
        again = self.post(self.town.ward_officer, self.url, {"answer": "agree"})
        assert again.status_code == 409
        assert self.ward_view().answer == "conditions"

    def test_another_agency_may_not_give_the_wards_view(self) -> None:
        for person in (self.town.police_officer, self.town.officer, self.town.coordinator):
            answer = self.post(person, self.url, {"answer": "agree"})
            assert answer.status_code == 403
            assert answer.json()["code"] == "permission_denied"
        assert self.ward_view().pending
        # The police answer for the police.
        own = self.post(
            self.town.police_officer,
            f"/api/events/{self.event.pk}/clearances/cong-an",
            {"answer": "agree"},
        )
        assert own.status_code == 200

    def test_an_objection_needs_its_reasons(self) -> None:
        answer = self.post(self.town.ward_officer, self.url, {"answer": "object", "reasons": " "})
        assert answer.status_code == 422
        found = answer.json()
        assert found["field"] == "reasons"
        assert found["message"]["en"] == "Give the reasons or the conditions of this answer."
        assert found["message"]["vi"] != found["message"]["en"]
        assert self.ward_view().pending

    def test_an_agency_not_asked_and_a_wrong_answer(self) -> None:
        url = f"/api/events/{self.event.pk}/clearances/bql-di-tich"
        assert self.post(self.town.heritage_officer, url, {"answer": "agree"}).status_code == 404
        wrong = self.post(self.town.ward_officer, self.url, {"answer": "pending"})
        assert wrong.status_code == 422
        assert wrong.json()["field"] == "answer"
        assert self.ward_view().pending
