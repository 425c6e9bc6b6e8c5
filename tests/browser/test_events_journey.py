"""A cultural event's journey in a real browser, on the Vietnamese pages: the culture
department's officer records a file typing dates dd/mm/yyyy and a budget of
1.200.000.000 đồng; the ward's officer gives its view; the leader approves; the officer
publishes; the public finds it in the calendar. What was typed is read back from the
database. With CNVH_SCREENSHOTS=DIR the pages are saved there (docs/screenshots)."""

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from cnvh.events import workflow
from cnvh.events.models import Clearance, Event, Status
from tests.browser.test_typed_input import log_in
from tests.events import make

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("CNVH_SCREENSHOTS")


def shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"events-{name}.png"), full_page=True)


def file_the_event(page: Any, town: make.City) -> None:
    page.goto("/events/new/")
    page.select_option("#id_procedure_code", "nd144-art10-approval")
    page.select_option("#id_receiving_agency", str(town.culture.pk))
    page.locator("#id_filed_on").fill("12/02/2026")
    page.locator("#id_title_vi").fill("Hòa nhạc mùa xuân")
    page.locator("#id_title_en").fill("Spring concert")
    page.select_option("#id_kind", "performance")
    page.check("input[name=sectors][value=performing_arts]")
    page.select_option("#id_organiser_kind", "enterprise")
    page.locator("#id_organiser_tax_code").fill("0100109106")
    page.locator("#id_organiser_name").fill("Công ty Biểu diễn Hà Nội")
    page.select_option("#id_venue", str(town.hall.pk))
    page.locator("#id_starts_on").fill("02/03/2026")
    page.locator("#id_expected_attendance").fill("1.500")
    page.locator("#id_budget").fill("1.200.000.000")
    page.locator("#id_budget_sources").fill("Xã hội hóa")
    shot(page, "new-vi")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_load_state()


def give_the_ward_view(ward: Any, event: Event, clearance: Clearance, town: make.City) -> None:
    log_in(ward, "ward-officer")
    ward.goto(f"/events/{event.pk}/")
    ward.get_by_role("link", name="Cho ý kiến của cơ quan bạn").click()
    ward.check("input[name=answer][value=conditions]")
    ward.locator("#id_reasons").fill("Kết thúc trước 22 giờ.")
    ward.locator("form.stacked-form button[type=submit]").click()
    ward.wait_for_load_state()
    clearance.refresh_from_db()
    assert clearance.answer == Clearance.Answer.CONDITIONS
    assert clearance.answered_by == town.ward_officer


def approve(leader: Any, event: Event) -> None:
    log_in(leader, "culture-leader")
    leader.goto(f"/events/{event.pk}/decide/")
    leader.check("input[name=approved][value=yes]")
    leader.locator("#id_decision_number").fill("15/QĐ-SVHTT")
    leader.locator("#id_decided_on").fill(timezone.localdate().strftime("%d/%m/%Y"))
    leader.locator("form.stacked-form button[type=submit]").click()
    leader.wait_for_load_state()
    event.refresh_from_db()
    assert event.status == Status.APPROVED
    assert event.decided_on == timezone.localdate()


def report_after(officer: Any, event: Event) -> None:
    """Held on 2 March; 1.620 people came: the indicators count them."""
    officer.goto(f"/events/{event.pk}/")
    officer.get_by_role("button", name="Sự kiện đã diễn ra").click()
    officer.wait_for_load_state()
    officer.get_by_role("link", name="Báo cáo sau sự kiện").click()
    officer.locator("#id_actual_attendance").fill("1.620")
    officer.locator("form.stacked-form button[type=submit]").click()
    officer.wait_for_load_state()
    event.refresh_from_db()
    assert event.status == Status.REPORTED
    assert event.actual_attendance == 1620
    officer.goto("/events/indicators/?year=2026")
    assert "1.620" in officer.content()
    shot(officer, "indicators-vi")


def test_an_event_from_its_file_to_the_public_calendar(new_page: Any) -> None:
    town = make.city()
    officer = new_page("vi")
    log_in(officer, "culture-officer")
    file_the_event(officer, town)

    event = Event.objects.get()
    assert event.filed_on == date(2026, 2, 12)
    assert event.starts_on == event.ends_on == date(2026, 3, 2)
    assert event.budget == Decimal("1200000000")
    assert event.expected_attendance == 1500
    assert event.organiser_tax_code == "0100109106"
    body = officer.content()
    assert "1.200.000.000" in body
    assert "12/02/2026" in body
    # 7 working days before Mon 2 March, over the Tết week: Thu 12 February, on time.
    assert event.filing_deadline == date(2026, 2, 12)
    assert not event.late_filing

    officer.get_by_role("button", name="Hồ sơ đầy đủ: hỏi ý kiến các cơ quan").click()
    officer.wait_for_load_state()
    # 1.500 people: the police's view is asked too, besides the ward's.
    asked = {c.agency.code: c for c in Clearance.objects.filter(event=event)}
    assert set(asked) == {"p-hoan-kiem", "cong-an"}
    clearance = asked["p-hoan-kiem"]
    workflow.answer_clearance(
        asked["cong-an"], "agree", "", timezone.localdate(), town.police_officer
    )

    give_the_ward_view(new_page("vi"), event, clearance, town)
    approve(new_page("vi"), event)

    officer.goto(f"/events/{event.pk}/")
    officer.get_by_role("button", name="Công bố trên lịch").click()
    officer.wait_for_load_state()
    shot(officer, "detail-vi")
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED

    public = new_page("vi")
    public.goto("/calendar/?month=2026-03")
    assert "Hòa nhạc mùa xuân" in public.content()
    assert "ngày 14 tháng Giêng năm Bính Ngọ" in public.content()
    shot(public, "calendar-vi")
    public.get_by_role("link", name="Hòa nhạc mùa xuân").click()
    public.wait_for_load_state()
    assert "application/ld+json" in public.content()
    report_after(officer, event)
    officer.goto("/events/")
    shot(officer, "list-vi")
