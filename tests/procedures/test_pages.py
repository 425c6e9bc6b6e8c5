"""The procedures and working-days pages: who may read and edit them, typed dates,
history, both languages."""

from datetime import date
from typing import Any

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cnvh.plan.models import Role
from cnvh.procedures.models import CalendarAdjustment, LegalProcedure
from tests import factories


class PageTests(TestCase):
    coordinator: Any
    officer: Any

    @classmethod
    def setUpTestData(cls) -> None:
        department = factories.agency("so-vh")
        cls.coordinator = factories.user(Role.COORDINATOR, department, "coordinator")
        cls.officer = factories.user(Role.OFFICER, department, "officer")

    def test_the_public_is_sent_to_log_in(self) -> None:
        for name in ("procedures-list", "procedures-working-days"):
            response = self.client.get(reverse(name))
            assert response.status_code == 302
            assert reverse("web-login") in response["Location"]

    def test_an_officer_reads_but_does_not_edit(self) -> None:
        self.client.force_login(self.officer)
        page = self.client.get(reverse("procedures-list"))
        assert page.status_code == 200
        assert "nd144-art10-approval" in page.content.decode()
        assert reverse("procedures-new") not in page.content.decode()
        assert self.client.get(reverse("procedures-new")).status_code == 403
        swap = CalendarAdjustment.objects.get(date=date(2026, 1, 2))
        assert self.client.post(reverse("procedures-day-delete", args=[swap.pk])).status_code == 403
        assert CalendarAdjustment.objects.filter(pk=swap.pk).exists()

    def test_the_list_costs_the_same_queries_with_more_procedures(self) -> None:
        self.client.force_login(self.officer)
        with CaptureQueriesContext(connection) as before:
            self.client.get(reverse("procedures-list"))
        current = LegalProcedure.objects.get(code="nd144-art13-contest")
        for year in range(2030, 2035):
            current.pk = None
            current.code = f"copy-{year}"
            current.save()
        with CaptureQueriesContext(connection) as after:
            page = self.client.get(reverse("procedures-list"))
        assert "copy-2034" in page.content.decode()
        assert len(after) == len(before)

    def test_working_days_of_a_year(self) -> None:
        self.client.force_login(self.officer)
        self.client.cookies["django_language"] = "en"
        text = self.client.get(reverse("procedures-working-days"), {"year": 2024}).content.decode()
        # 2024: 262 weekdays, less 14 holidays and owed days on weekdays (1 Jan, 9-15
        # Feb, 18 Apr, 30 Apr, 1 May, 2-3 Sep), less 8 Feb and 29 Apr, plus 4 May and
        # 15 Feb back: 262 - 11 - 2 + 2 = 251.
        assert "2024 has 251 working days" in text
        assert "08/02/2024" in text and "04/05/2024" in text
        self.client.cookies["django_language"] = "vi"
        page = self.client.get(reverse("procedures-working-days"), {"year": 2024})
        assert "Năm 2024 có 251 ngày làm việc" in page.content.decode()

    def test_a_coordinator_adds_a_day_typed_day_first(self) -> None:
        self.client.force_login(self.coordinator)
        form = {"date": "7/12/2026", "kind": "day_off", "reason_vi": "Nghỉ thử", "reason_en": ""}
        response = self.client.post(reverse("procedures-day-new"), {**form, "legal_basis": ""})
        assert response.status_code == 302
        swap = CalendarAdjustment.objects.get(date=date(2026, 12, 7))
        assert swap.history.get().history_user == self.coordinator
        page = self.client.get(reverse("procedures-working-days"), {"year": 2026})
        assert "07/12/2026" in page.content.decode()

    def test_a_date_typed_month_first_is_refused_and_nothing_saved(self) -> None:
        self.client.force_login(self.coordinator)
        form = {"date": "12/31/2026", "kind": "day_off", "reason_vi": "Nghỉ thử"}
        response = self.client.post(reverse("procedures-day-new"), form)
        assert response.status_code == 200
        assert "dd/mm/yyyy" in response.content.decode()
        assert not CalendarAdjustment.objects.filter(reason_vi="Nghỉ thử").exists()

    def test_a_new_version_must_not_overlap_the_one_in_force(self) -> None:
        self.client.force_login(self.coordinator)
        current = LegalProcedure.objects.get(code="nd144-art10-approval")
        form = {
            "code": current.code,
            "name_vi": current.name_vi,
            "name_en": current.name_en,
            "legal_document": current.legal_document_id,
            "article": "Điều 10",
            "applies_to": ["performance"],
            "lead_time": "10",
            "lead_time_unit": "working",
            "answer_time": "5",
            "answer_time_unit": "working",
            "deciding_level": "city",
            "valid_from": "01/01/2027",
        }
        refused = self.client.post(reverse("procedures-new"), form)
        assert refused.status_code == 200
        assert LegalProcedure.objects.filter(code=current.code).count() == 1
        ended = {**form, "valid_from": "01/02/2021", "valid_to": "31/12/2026", "lead_time": "7"}
        edit = self.client.post(reverse("procedures-edit", args=[current.pk]), ended)
        assert edit.status_code == 302
        assert self.client.post(reverse("procedures-new"), form).status_code == 302
        assert LegalProcedure.objects.filter(code=current.code).count() == 2
        page = self.client.get(reverse("procedures-edit", args=[current.pk]))
        assert "31/12/2026" in page.content.decode()  # the change in its history

    def test_a_removed_day_stays_in_the_history(self) -> None:
        self.client.force_login(self.coordinator)
        self.client.cookies["django_language"] = "en"
        swap = CalendarAdjustment.objects.get(date=date(2026, 8, 31))
        response = self.client.post(reverse("procedures-day-delete", args=[swap.pk]))
        assert response["Location"] == reverse("procedures-working-days") + "?year=2026"
        page = self.client.get(response["Location"]).content.decode()
        assert "2026 has 250 working days" in page  # 31 August is a working day again
        assert "removed" in page and "31/08/2026: extra day off" in page
