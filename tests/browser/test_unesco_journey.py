"""A ward officer reports a dissemination session in a real browser, typing the date
and the budget the Vietnamese way, and reads back what was stored; the coordinator
reads the Membership Monitoring Report's draft filled from it.

Set CNVH_SCREENSHOTS to a folder (docs/screenshots) to keep the pages' pictures."""

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnvh.plan.models import Agency, Role
from cnvh.unesco import workflow
from cnvh.unesco.models import Outreach
from tests import factories
from tests.browser.test_typed_input import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def keep(page: Any, name: str) -> None:
    folder = os.environ.get("CNVH_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"unesco-{name}.png"), full_page=True)


@pytest.fixture
def wards() -> dict[str, Any]:
    department = factories.agency("so-vhtt", name_vi="Sở Văn hóa và Thể thao")
    ward = factories.agency("phuong-hk", kind=Agency.Kind.WARD, name_vi="Phường Hoàn Kiếm")
    factories.agency("phuong-bd", kind=Agency.Kind.WARD, name_vi="Phường Ba Đình")
    return {
        "ward": ward,
        "officer": factories.user(Role.OFFICER, ward, "canbophuong"),
        "coordinator": factories.user(Role.COORDINATOR, department, "dieuphoi"),
    }


def test_a_ward_reports_its_dissemination_session(new_page: Any, wards: dict[str, Any]) -> None:
    page = new_page("vi")
    log_in(page, "canbophuong")
    page.goto("/unesco/outreach/new/")
    page.locator("#id_kind").select_option("dissemination")
    page.locator("#id_title_vi").fill("Phổ biến Kế hoạch phát triển công nghiệp văn hóa")
    # Only their own ward is offered, and it is chosen.
    options = page.locator("#id_organiser option").all_inner_texts()
    assert [o for o in options if "Phường" in o] == ["Phường Hoàn Kiếm"]
    page.locator("#id_organiser").select_option(str(wards["ward"].pk))
    page.locator("#id_starts_on").fill("05/10/2025")
    page.locator("#id_ends_on").fill("05/10/2025")
    page.locator("#id_budget").fill("15.000.000")
    page.locator("#id_residents_women").fill("1.200")
    page.locator("#id_residents_men").fill("35")
    page.locator("#id_reach").fill("2.500")
    keep(page, "dissemination-form-vi")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_load_state()

    stored = Outreach.objects.get()
    assert (stored.starts_on, stored.ends_on) == (date(2025, 10, 5), date(2025, 10, 5))
    assert stored.budget == Decimal(15_000_000)
    assert stored.organiser == wards["ward"] and stored.recorded_by == wards["officer"]
    assert stored.participants.get().women == 1200 and stored.reach == 2500
    assert page.url.endswith(f"/unesco/outreach/{stored.pk}/")
    assert page.locator("[data-field=dates]").inner_text() == "05/10/2025 – 05/10/2025"
    assert page.locator("[data-field=budget]").inner_text() == "15.000.000"
    assert page.locator("[data-field=women]").inner_text() == "1.200"
    keep(page, "dissemination-session-vi")

    # The coordinator's indicators and report count the session.
    report = workflow.start_report(2023, 2027, wards["coordinator"])
    coordinator = new_page("en")
    log_in(coordinator, "dieuphoi")
    coordinator.goto("/unesco/?first_year=2025&last_year=2025")
    cell = coordinator.locator("[data-indicator=units_disseminating]").inner_text()
    assert cell == "1 / 2"
    keep(coordinator, "indicators-en")
    coordinator.goto(f"/unesco/reports/{report.pk}/")
    general = coordinator.locator("#section-general").inner_text()
    assert "Wards and communes that held a dissemination session: 1 of 2." in general
    keep(coordinator, "monitoring-report-en")
