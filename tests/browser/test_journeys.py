"""Three journeys through the real app in a real browser:

1. an agency officer writes and submits a report;
2. the coordinator opens its review page, returns it with a reason, the officer
   corrects it, and the coordinator approves the corrected one from the review page;
3. the overview and the public pages show the new values.
"""

import re
from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from cnvh.estimates.store import publish
from cnvh.plan import workflow
from cnvh.plan.models import Indicator, ProgressReport, ReportingPeriod, Role, Task
from cnvh.plan.periods import ensure_periods
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"  # the factories' password


@pytest.fixture
def world(stored_estimate: Any) -> dict[str, Any]:
    publish(stored_estimate)
    today = timezone.localdate()
    ensure_periods(date(today.year - 1, 1, 1), today.year, due_days=10)
    department, city = factories.agency("so-vhtt"), factories.agency("ubnd-tp")
    events = factories.indicator(
        "events",
        source=Indicator.Source.REPORTS,
        unit="events",
        name_en="Cultural-industry events held",
        published=True,
    )
    period = ReportingPeriod.objects.get(kind="quarter", starts_on__lte=today, ends_on__gte=today)
    group = factories.group(number=5)
    task = factories.task(
        lead=department,
        in_group=group,
        code="5.1",
        title_en="Develop the market",
        starts_on=period.starts_on,  # owes only the current quarter's report
        due_on=date(today.year + 2, 12, 31),
    )
    task.indicators.set([events])
    return {
        "task": task,
        "events": events,
        "period": period,
        "officer": factories.user(Role.OFFICER, department, "canbo"),
        "coordinator": factories.user(Role.COORDINATOR, city, "dieuphoi"),
    }


def log_in(page: Any, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def fill_report(page: Any, percent: str, narrative: str, events: str) -> None:
    page.get_by_label("Percent done").fill(percent)
    page.get_by_label("Narrative").fill(narrative)
    page.get_by_label(re.compile("Cultural-industry events held")).fill(events)


def test_an_officer_submits_a_report(new_page: Any, world: dict[str, Any]) -> None:
    page = new_page()
    log_in(page, "canbo")
    page.goto("/my-work/")
    page.get_by_role("button", name="Start report").first.click()
    page.wait_for_url(re.compile(r"/reports/\d+/"))
    fill_report(page, "35", "Held two fairs for craft villages.", "2")
    page.get_by_role("button", name="Submit report").click()
    page.wait_for_load_state()
    assert page.get_by_text("waiting for approval").first.is_visible()

    report = ProgressReport.objects.get(task=world["task"], period=world["period"])
    assert report.status == ProgressReport.Status.SUBMITTED
    assert (report.percent_done, report.narrative) == (35, "Held two fairs for craft villages.")
    assert [float(v.value) for v in report.values.all()] == [2.0]
    assert report.submitted_by == world["officer"]


def submitted(world: dict[str, Any], percent: int = 35, events: int = 2) -> ProgressReport:
    report = workflow.start_report(world["task"], world["period"], world["officer"])
    report.narrative, report.percent_done = "Held two fairs.", percent
    report.save()
    report.values.create(indicator=world["events"], value=events)
    return workflow.submit(report, world["officer"])


def test_the_coordinator_returns_then_approves(new_page: Any, world: dict[str, Any]) -> None:
    report = submitted(world)
    coordinator = new_page()
    log_in(coordinator, "dieuphoi")
    coordinator.goto("/approvals/")
    coordinator.locator(f"#report-{report.pk}").get_by_role("link", name="Review").click()
    coordinator.get_by_label(re.compile("Reason")).fill("Attach the fairs' programme, please.")
    coordinator.get_by_role("button", name="Return").click()
    coordinator.wait_for_url("**/approvals/")
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.RETURNED

    officer = new_page()
    log_in(officer, "canbo")
    officer.goto(f"/reports/{report.pk}/")
    assert "Attach the fairs' programme, please." in officer.get_by_role("alert").inner_text()
    fill_report(officer, "40", "Held two fairs; programme attached.", "3")
    officer.get_by_label("Attach evidence").set_input_files(
        files=[
            {
                "name": "chuong-trinh.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
            }
        ]
    )
    officer.get_by_role("button", name="Submit report").click()
    officer.wait_for_load_state()
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED
    assert report.evidence.count() == 1

    coordinator.goto("/approvals/")
    coordinator.locator(f"#report-{report.pk}").get_by_role("link", name="Review").click()
    coordinator.wait_for_url(f"**/approvals/{report.pk}/")
    review = coordinator.locator("main").inner_text()
    assert "Held two fairs; programme attached." in review
    assert "chuong-trinh.pdf" in review
    coordinator.screenshot(path="docs/screenshots/approval-review-en.png", full_page=True)
    coordinator.get_by_role("button", name="Approve").click()
    coordinator.wait_for_url("**/approvals/")
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.APPROVED
    assert Task.objects.get(pk=world["task"].pk).percent_done == 40


def test_the_overview_and_public_pages_show_the_new_values(
    new_page: Any, world: dict[str, Any]
) -> None:
    report = submitted(world, percent=60, events=7)
    workflow.approve(report, world["coordinator"])
    year = world["period"].year

    member = new_page()
    log_in(member, "dieuphoi")
    member.goto("/")
    progress = member.locator("#progress")
    assert "60%" in progress.inner_text()

    public = new_page("vi")  # no login, in Vietnamese
    public.goto("/")
    assert "4,2%" in public.locator("main").inner_text()  # the published estimate
    assert "60%" in public.locator("#progress").inner_text()
    public.goto("/indicators/events/")
    page_text = public.locator("main").inner_text()
    assert str(year) in page_text and "7" in page_text
    public.goto("/approvals/")
    assert "/login/" in public.url  # the working pages stay closed
