"""A support case in a real browser, on the Vietnamese page: the coordinator types the
decision with its amount 1.250.000.000 VND and dates dd/mm/yyyy, then a first payment;
what the database stored is read back. Screenshots go to docs/screenshots/."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnvh.enterprises import workflow
from cnvh.enterprises.entries import save_enterprise
from cnvh.enterprises.models import CaseStage, Enterprise, Programme
from cnvh.plan.models import Role
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"  # the factories' password
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def log_in(page: Any, username: str) -> None:
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()


@pytest.fixture
def case_world() -> Any:
    department = factories.agency("so-vhtt", name_vi="Sở Văn hóa và Thể thao")
    coordinator = factories.user(Role.COORDINATOR, department, "dieuphoi")
    firm = save_enterprise(
        Enterprise(
            tax_code="0100233488",
            name_vi="Công ty CP Sơn mài Hạ Thái",
            legal_form="enterprise",
            main_vsic="3290",
            other_vsic=["9000"],
            ward_code="00004",
            address="12 Hàng Bạc",
            founded_on=date(2009, 3, 1),
        )
    )
    programme = Programme.objects.create(
        code="cds-2026",
        name_vi="Hỗ trợ chuyển đổi số doanh nghiệp văn hóa",
        kind="digital",
        owner=department,
    )
    case = workflow.receive(programme, firm, date(2026, 3, 2), Decimal(2_000_000_000), coordinator)
    workflow.review(case, 85, "Hồ sơ đầy đủ, phương án khả thi.", coordinator)
    return case


def test_the_coordinator_decides_and_pays_on_the_vietnamese_page(
    new_page: Any, case_world: Any
) -> None:
    page = new_page("vi")
    log_in(page, "dieuphoi")
    page.goto(f"/enterprises/cases/{case_world.pk}/")
    decision = page.locator("#form-decide")
    decision.locator("#id_result").select_option("approve")
    decision.locator("#id_decided_on").fill("15/04/2026")
    decision.locator("#id_number").fill("125/QĐ-SVHTT")
    decision.locator("#id_amount_granted").fill("1.250.000.000")
    decision.locator("#id_report_due_on").fill("31/12/2026")
    decision.locator("button[type=submit]").click()
    page.wait_for_load_state()
    case_world.refresh_from_db()
    assert case_world.stage == CaseStage.APPROVED
    assert case_world.amount_granted == Decimal(1_250_000_000)
    assert (case_world.decided_on, case_world.report_due_on) == (
        date(2026, 4, 15),
        date(2026, 12, 31),
    )
    assert page.locator("#granted").inner_text() == "1.250.000.000"

    payment = page.locator("#form-disburse")
    payment.locator("#id_paid_on").fill("04/05/2026")
    payment.locator("#id_amount").fill("500.000.000")
    payment.locator("#id_note").fill("Đợt 1")
    payment.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert case_world.disbursed() == Decimal(500_000_000)
    assert page.locator("#disbursed").inner_text() == "500.000.000"
    page.screenshot(path=str(SHOTS / "enterprises-case-vi.png"), full_page=True)

    # A second payment above what is left is refused, and nothing is stored.
    payment = page.locator("#form-disburse")
    payment.locator("#id_paid_on").fill("01/06/2026")
    payment.locator("#id_amount").fill("800.000.000")
    payment.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "1.250.000.000" in page.locator("#form-disburse .form-errors").inner_text()
    assert case_world.disbursed() == Decimal(500_000_000)

    page.goto("/enterprises/0100233488/")
    assert page.locator("#disbursed-total").inner_text() == "500.000.000"
    page.screenshot(path=str(SHOTS / "enterprises-page-vi.png"), full_page=True)
    page.goto("/enterprises/")
    page.screenshot(path=str(SHOTS / "enterprises-list-vi.png"), full_page=True)
    page.goto("/enterprises/indicators/")
    assert page.locator("#granted").inner_text() == "1.250.000.000"
    page.screenshot(path=str(SHOTS / "enterprises-indicators-vi.png"), full_page=True)
