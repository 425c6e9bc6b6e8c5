"""An investment project in a real browser, on the Vietnamese page: an officer of the
Department of Culture and Sports types a project (12.500.000.000 VND, dates dd/mm/yyyy),
a payment refused before approval, the leader approves it, the officer records the
year's capital; what the database stored is read back. Screenshots go to
docs/screenshots/."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnvh.enterprises.entries import save_enterprise
from cnvh.enterprises.models import CapitalLine, Enterprise, InvestmentProject
from cnvh.plan.models import Role
from tests import factories
from tests.browser.test_enterprises_journey import log_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def department() -> Any:
    department = factories.agency("so-vhtt", name_vi="Sở Văn hóa và Thể thao")
    factories.user(Role.OFFICER, department, "canbo")
    factories.user(Role.LEADER, department, "lanhdao")
    save_enterprise(
        Enterprise(
            tax_code="0100233488",
            name_vi="Công ty CP Sơn mài Hạ Thái",
            legal_form="enterprise",
            main_vsic="3290",
            ward_code="00004",
        )
    )
    return department


def submit(form: Any) -> None:
    form.locator("button[type=submit]").click()
    form.page.wait_for_load_state()


def fill_project(page: Any) -> None:
    """The new project's form, as the officer types it."""
    page.goto("/enterprises/projects/")
    page.get_by_role("link", name="Dự án mới").click()
    form = page.locator("#project-form")
    form.locator("#id_name_vi").fill("Nhà trưng bày sơn mài Hạ Thái")
    form.locator("#id_managing_agency").select_option(label="Sở Văn hóa và Thể thao")
    form.locator("#id_investor_enterprise").fill("0100233488")
    form.locator("#id_sector").select_option("crafts")
    form.locator("#id_ward_code").select_option("00004")
    form.locator("#id_location").fill("12 Hàng Bạc")
    form.locator("#id_total_capital").fill("12.500.000.000")
    form.locator("#id_principle_decision_number").fill("25/QĐ-UBND")
    form.locator("#id_principle_decided_on").fill("05/03/2026")
    form.locator("#id_starts_on").fill("01/06/2026")
    form.locator("#id_ends_on").fill("31/12/2027")
    form.locator("#id_proposed_on").fill("02/02/2026")
    submit(form)


def fill_capital(page: Any, planned: str, disbursed: str) -> None:
    capital = page.locator("#form-capital")
    capital.locator("#id_year").fill("2026")
    capital.locator("#id_source").select_option("city_budget")
    capital.locator("#id_planned").fill(planned)
    capital.locator("#id_disbursed").fill(disbursed)
    submit(capital)


def test_an_officer_records_a_project_on_the_vietnamese_page(
    new_page: Any, department: Any
) -> None:
    page = new_page("vi")
    log_in(page, "canbo")
    fill_project(page)

    project = InvestmentProject.objects.get()
    assert project.total_capital == Decimal(12_500_000_000)
    assert (project.principle_decided_on, project.starts_on, project.ends_on) == (
        date(2026, 3, 5),
        date(2026, 6, 1),
        date(2027, 12, 31),
    )
    investor = project.investor_enterprise
    assert investor is not None and investor.tax_code == "0100233488"
    assert project.status == "proposed"
    assert page.locator("#total").inner_text() == "12.500.000.000"
    assert page.locator("#principle").inner_text() == "25/QĐ-UBND, 05/03/2026"

    # Nothing is paid out before the decision of investment: refused, nothing stored.
    fill_capital(page, "5.000.000.000", "1.250.000.000")
    error = page.locator("#form-capital .field-error").inner_text()
    assert error.startswith("Đã giải ngân: dự án mới đề xuất chưa thể giải ngân.")
    assert not CapitalLine.objects.exists()

    leader = new_page("vi")
    log_in(leader, "lanhdao")
    leader.goto(f"/enterprises/projects/{project.pk}/")
    step = leader.locator("#form-move")
    step.locator("#id_action").select_option("approve")
    step.locator("#id_on").fill("20/03/2026")
    step.locator("#id_decision_number").fill("118/QĐ-UBND")
    submit(step)
    project.refresh_from_db()
    assert (project.status, project.investment_decided_on) == ("approved", date(2026, 3, 20))

    page.reload()
    fill_capital(page, "5.000.000.000", "1.250.000.000")
    milestone = page.locator("#form-milestone")
    milestone.locator("#id_title").fill("Khởi công")
    milestone.locator("#id_due_on").fill("01/06/2026")
    submit(milestone)
    line = CapitalLine.objects.get()
    assert (line.year, line.source, line.planned, line.disbursed) == (
        2026,
        "city_budget",
        Decimal(5_000_000_000),
        Decimal(1_250_000_000),
    )
    row = page.locator("#capital-2026-city_budget").inner_text()
    assert "5.000.000.000" in row and "1.250.000.000" in row and "25,0%" in row
    assert page.locator("#investment").inner_text() == "118/QĐ-UBND, 20/03/2026"
    page.screenshot(path=str(SHOTS / "investment-project-vi.png"), full_page=True)

    page.goto("/enterprises/indicators/?year=2026")
    assert page.locator("#capital-2026-city_budget").inner_text().count("1.250.000.000") == 1
    page.screenshot(path=str(SHOTS / "investment-indicators-vi.png"), full_page=True)
