"""A registry indicator in a real browser, on the Vietnamese pages: the coordinator opens
the indicator of events held, reads the year's value, follows the link to its records
and finds the event held, with the list's filter set to that count and year.
Screenshot: docs/screenshots/indicator-registry-vi.png."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cnvh.events import workflow
from cnvh.plan.models import Indicator
from tests.events import make

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"  # the factories' password
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_an_indicator_value_leads_to_its_records(new_page: Any) -> None:
    town = make.city()
    event = make.event(town, title_vi="Đêm nhạc Trịnh Công Sơn")
    workflow.start_clearance(event, date(2026, 2, 12), town.officer)
    workflow.answer_clearance(
        event.clearances.get(), "agree", "", date(2026, 2, 20), town.ward_officer
    )
    workflow.decide(event, True, "9/QĐ-SVHTT", date(2026, 2, 27), "", town.leader)
    workflow.publish(event, date(2026, 2, 27), town.officer)
    workflow.mark_held(event, date(2026, 3, 2), town.officer)
    Indicator.objects.create(
        code="events-held",
        name_vi="Số sự kiện văn hóa được tổ chức",
        definition_vi="Sự kiện đã tổ chức có ngày bắt đầu trong năm.",
        unit="events",
        source="registry",
        registry="events_held",
        disaggregations=["area"],
        published=True,
    )
    page = new_page("vi")
    page.goto("/login/")
    page.locator("#id_username").fill("coordinator")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()
    page.goto("/indicators/events-held/")
    assert "Sự kiện đã tổ chức có ngày bắt đầu trong năm." in page.locator(".lead").inner_text()
    row = page.locator("table.figures tbody tr").first
    assert row.locator("th").inner_text() == "2026"
    assert row.locator("td").first.inner_text() == "1"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "indicator-registry-vi.png"), full_page=True)
    row.get_by_role("link", name="Đếm trong sổ đăng ký: các bản ghi").click()
    page.wait_for_load_state()
    assert page.url.endswith("/events/?counted=held&year=2026")
    assert page.locator("#id_counted").input_value() == "held"
    assert page.locator("#id_year").input_value() == "2026"
    assert "Đêm nhạc Trịnh Công Sơn" in page.locator("main").inner_text()
