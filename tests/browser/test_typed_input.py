"""Dates and numbers typed into real forms in a real browser, read back from the
database: day first always; numbers in the page's style; an unclear number asked about.

1. an officer on the Vietnamese page types 1.200, 1,5 and 1.2 as an indicator's value;
2. an officer on the English page types 1,200, 1.5 and 1,5;
3. the coordinator types a task's dates as 08/10/2026 and 25/10/2026;
4. the coordinator issues the periodic report: date 08/10/2026 and 25/10/2026, symbol,
   signature and "Nơi nhận" as Decree 30/2020/NĐ-CP sets them.
"""

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnvh.plan import workflow
from cnvh.plan.models import Indicator, ProgressReport, ReportingPeriod, ReportValue, Role
from cnvh.plan.periods import ensure_periods
from tests import factories
from tests.exports import periodic_world

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"  # the factories' password


def log_in(page: Any, username: str) -> None:
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()


@pytest.fixture
def report_world() -> dict[str, Any]:
    ensure_periods(date(2026, 1, 1), 2026, due_days=10)
    department = factories.agency("so-vhtt")
    visitors = factories.indicator(
        "visitors",
        source=Indicator.Source.REPORTS,
        unit="people",
        name_vi="Số lượt khách tham quan",
        name_en="Visitors",
    )
    task = factories.task(lead=department, code="5.1", starts_on=date(2026, 1, 1))
    task.indicators.set([visitors])
    officer = factories.user(Role.OFFICER, department, "canbo")
    period = ReportingPeriod.objects.get(kind="quarter", year=2026, number=3)
    report = workflow.start_report(task, period, officer)
    return {"report": report, "visitors": visitors, "officer": officer}


def save_value(page: Any, world: dict[str, Any], typed: str) -> Any:
    """Type `typed` as the indicator's value, save the draft; the value box after."""
    page.goto(f"/reports/{world['report'].pk}/")
    page.locator("#id_percent_done").fill("35")
    box = page.locator(f"#id_value_{world['visitors'].pk}")
    box.fill(typed)
    page.locator("button[name=save]").click()
    page.wait_for_load_state()
    return box


def stored(world: dict[str, Any]) -> Decimal | None:
    found = ReportValue.objects.filter(report=world["report"], indicator=world["visitors"])
    return found.get().value if found.exists() else None


def test_vietnamese_numbers_typed_on_the_vietnamese_page(
    new_page: Any, report_world: dict[str, Any]
) -> None:
    page = new_page("vi")
    log_in(page, "canbo")

    box = save_value(page, report_world, "1.200")
    assert stored(report_world) == Decimal(1200)  # one thousand two hundred, not 1.2
    assert box.input_value() == "1.200"  # shown back as typed, no "1.2000"

    box = save_value(page, report_world, "1,5")
    assert stored(report_world) == Decimal("1.5")
    assert box.input_value() == "1,5"

    box = save_value(page, report_world, "1.234.567,25")
    assert stored(report_world) == Decimal("1234567.25")
    assert box.input_value() == "1.234.567,25"

    # 1.2 on a Vietnamese page: a decimal written the English way, or thousands with
    # digits missing? Asked, and nothing is saved.
    box = save_value(page, report_world, "1.2")
    error = page.locator(".field--error .field-error").inner_text()
    assert "“1.2”" in error and "1,2" in error and "1.200" in error
    assert stored(report_world) == Decimal("1234567.25")
    assert box.input_value() == "1.2"  # the entry stays for the person to correct

    # The submitted report's page shows the stored value the same way.
    report = report_world["report"]
    ReportValue.objects.filter(report=report).update(value=Decimal("1200.0000"))
    ProgressReport.objects.filter(pk=report.pk).update(narrative="Đón khách tham quan.")
    workflow.submit(ProgressReport.objects.get(pk=report.pk), report_world["officer"])
    page.goto(f"/reports/{report.pk}/")
    row = page.locator("table.facts tr", has_text="Số lượt khách tham quan")
    assert row.locator("td").inner_text() == "1.200"


def test_english_numbers_typed_on_the_english_page(
    new_page: Any, report_world: dict[str, Any]
) -> None:
    page = new_page("en")
    log_in(page, "canbo")

    box = save_value(page, report_world, "1,200")
    assert stored(report_world) == Decimal(1200)
    assert box.input_value() == "1,200"

    box = save_value(page, report_world, "1.5")
    assert stored(report_world) == Decimal("1.5")
    assert box.input_value() == "1.5"

    box = save_value(page, report_world, "1,5")
    error = page.locator(".field--error .field-error").inner_text()
    assert "“1,5”" in error and "1.5" in error
    assert stored(report_world) == Decimal("1.5")


@pytest.fixture
def task_world() -> dict[str, Any]:
    city = factories.agency("ubnd-tp", kind="city")
    task = factories.task(lead=factories.agency("so-vhtt"), code="5.1")
    factories.user(Role.COORDINATOR, city, "dieuphoi")
    return {"task": task}


def test_task_dates_are_read_day_first(new_page: Any, task_world: dict[str, Any]) -> None:
    task = task_world["task"]
    page = new_page("vi")
    log_in(page, "dieuphoi")
    page.goto(f"/plan/tasks/{task.pk}/edit/")
    starts = page.locator("#id_starts_on")
    assert starts.get_attribute("placeholder") == "ngày/tháng/năm (dd/mm/yyyy)"
    starts.fill("08/10/2026")
    page.locator("#id_due_on").fill("25/10/2026")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/plan/tasks/{task.pk}/$"))
    task.refresh_from_db()
    assert (task.starts_on, task.due_on) == (date(2026, 10, 8), date(2026, 10, 25))

    page.goto(f"/plan/tasks/{task.pk}/edit/")
    assert page.locator("#id_starts_on").input_value() == "08/10/2026"
    # Month first is never read: 10/25/2026 has no 25th month.
    page.locator("#id_due_on").fill("10/25/2026")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_load_state()
    error = page.locator(".field--error .field-error").inner_text()
    assert "10/25/2026" in error and "dd/mm/yyyy" in error
    task.refresh_from_db()
    assert task.due_on == date(2026, 10, 25)


@pytest.fixture
def periodic() -> periodic_world.World:
    world = periodic_world.build()
    coordinator = world.coordinator
    coordinator.username = "dieuphoi"
    coordinator.save()
    return world


def issue_report(page: Any, world: periodic_world.World, **fields: str) -> None:
    page.goto(f"/exports/periodic/?plan={world.plan.code}&kind=quarter&year=2026&number=3")
    for name, value in fields.items():
        box = page.locator(f"#id_{name}")
        if name == "signing":
            box.select_option(value)
        else:
            box.fill(value)
    page.locator("form.periodic-form button[type=submit]").click()
    page.wait_for_load_state()


def pdf_text(page: Any, tmp_path: Path) -> str:
    href = page.locator(".periodic-downloads a[href*='report.pdf']").get_attribute("href")
    response = page.request.get(href)
    assert response.ok
    path = tmp_path / "report.pdf"
    path.write_bytes(response.body())
    found = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return found.stdout


def test_the_periodic_reports_date_symbol_and_signature(
    new_page: Any, periodic: periodic_world.World, tmp_path: Path
) -> None:
    page = new_page("vi")
    log_in(page, "dieuphoi")
    issue_report(
        page,
        periodic,
        issued_on="08/10/2026",
        document_number="125",
        symbol="BC-SVHTT",
        signing="head",
        authority="Giám đốc",
        recipients="- Như trên;\nUBND Thành phố (để báo cáo).\nLưu: VT, KHTC.",
    )
    preview = page.locator(".periodic-preview")
    date_line = preview.locator(".pd-date").inner_text()
    assert date_line.endswith("ngày 08 tháng 10 năm 2026")  # the 8th of October
    assert preview.locator(".pd-number").inner_text() == "Số: 125/BC-SVHTT"
    assert preview.locator(".pd-authority").inner_text() == "GIÁM ĐỐC"
    assert preview.locator(".pd-signer-title").count() == 0
    assert preview.locator(".pd-recipient").all_inner_texts() == [
        "- Như trên;",
        "- UBND Thành phố (để báo cáo);",
        "- Lưu: VT, KHTC.",
    ]
    assert "Số: …/BC-SVHTT" not in page.locator("#id_symbol + .note").inner_text()
    assert "Số: 125/BC-SVHTT" in page.locator("#id_symbol + .note").inner_text()
    if shutil.which("pdftotext"):
        text = pdf_text(page, tmp_path)
        assert "ngày 08 tháng 10 năm 2026" in text and "Số: 125/BC-SVHTT" in text
        assert "BC-BC" not in text and ";." not in text and ".;" not in text

    # 25/10/2026 is a date: the 25th of October. A deputy signs for the director.
    issue_report(
        page,
        periodic,
        issued_on="25/10/2026",
        signing="kt",
        authority="GIÁM ĐỐC",
        signatory_title="PHÓ GIÁM ĐỐC",
    )
    preview = page.locator(".periodic-preview")
    assert preview.locator(".pd-date").inner_text().endswith("ngày 25 tháng 10 năm 2026")
    assert preview.locator(".pd-authority").inner_text() == "KT. GIÁM ĐỐC"
    assert preview.locator(".pd-signer-title").inner_text() == "PHÓ GIÁM ĐỐC"

    # The head's own title under KT. is asked about, not printed as "KT. GIÁM ĐỐC / GIÁM ĐỐC".
    issue_report(page, periodic, signing="kt", authority="GIÁM ĐỐC", signatory_title="GIÁM ĐỐC")
    assert page.locator(".periodic-preview").count() == 0
    assert "Người đứng đầu ký" in page.locator(".field--error .field-error").inner_text()


def test_the_english_periodic_report_reads_the_date_day_first(
    new_page: Any, periodic: periodic_world.World
) -> None:
    page = new_page("en")
    log_in(page, "dieuphoi")
    issue_report(page, periodic, issued_on="08/10/2026", symbol="svhtt", signing="tl")
    preview = page.locator(".periodic-preview")
    assert preview.locator(".pd-date").inner_text().endswith("8 October 2026")
    assert preview.locator(".pd-number").inner_text() == "No.: …/BC-SVHTT"
    assert preview.locator(".pd-authority").inner_text() == "BY ORDER OF THE DIRECTOR"
    assert preview.locator(".pd-signer-title").inner_text() == "CHIEF OF OFFICE"
    assert page.locator("#id_issued_on").get_attribute("placeholder") == "dd/mm/yyyy"
