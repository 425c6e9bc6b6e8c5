"""Progress reports as CSV and XLSX: each person gets the reports `plan.view_report`
lets them see, and nothing of other agencies'."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from cnvh.plan.models import Indicator, ProgressReport, ReportValue
from tests import factories
from tests.exports.test_tables_files import data_rows, read_csv, read_xlsx

pytestmark = pytest.mark.django_db

EVERY_REPORT = {"administrator", "coordinator", "leader_of_lead", "leader_elsewhere"}


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    lead, coordinating, elsewhere, city = (factories.agency() for _ in range(4))
    people = factories.everyone_around(lead, coordinating, elsewhere, city)
    ours = factories.task(lead=lead, coordinating=(coordinating,), code="1.1")
    theirs = factories.task(lead=elsewhere, code="2.1", in_group=ours.group)
    events = factories.indicator(
        "events", name_en="Events", unit="events", source=Indicator.Source.REPORTS
    )
    first, second = factories.quarter(2026, 1), factories.quarter(2026, 2)
    officer = people["officer_of_lead"]
    reports = {
        "ours_approved": factories.report(
            ours, first, officer, status="approved", narrative="=HYPERLINK(evil)"
        ),
        "ours_draft": factories.report(ours, second, officer, status="draft"),
        "theirs_draft": factories.report(
            theirs, first, people["officer_elsewhere"], status="draft", narrative="Bí mật"
        ),
    }
    ReportValue.objects.create(
        report=reports["ours_approved"], indicator=events, value=Decimal("3.2500")
    )
    ReportValue.objects.create(report=reports["theirs_draft"], indicator=events, value=Decimal(7))
    return {"people": people, "reports": reports}


def client_of(world: dict[str, Any], role: str) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    if role != "anonymous":
        client.force_login(world["people"][role])
    return client


def report_ids(world: dict[str, Any], role: str, file_format: str) -> set[int]:
    response = client_of(world, role).get(f"/exports/reports.{file_format}")
    assert response.status_code == 200
    rows = data_rows(response.content) if file_format == "xlsx" else read_csv(response)
    assert rows[0][0] == "Report id"
    return {int(row[0]) for row in rows[1:]}


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_each_person_gets_the_reports_they_may_see(world: dict[str, Any], file_format: str) -> None:
    ids = {name: report.pk for name, report in world["reports"].items()}
    expected = {
        **{role: set(ids.values()) for role in EVERY_REPORT},
        "officer_of_lead": {ids["ours_approved"], ids["ours_draft"]},
        "officer_of_coordinating": {ids["ours_approved"], ids["ours_draft"]},
        "officer_elsewhere": {ids["theirs_draft"]},
        "statistician": set(),
    }
    for role, allowed in expected.items():
        assert report_ids(world, role, file_format) == allowed, role
        person = world["people"][role]
        every = ProgressReport.objects.all()
        assert allowed == {r.pk for r in every if person.has_perm("plan.view_report", r)}


def test_people_without_a_role_get_nothing(world: dict[str, Any]) -> None:
    for url in ("/exports/reports.csv", "/exports/report-values.xlsx"):
        anonymous = client_of(world, "anonymous").get(url)
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith("/login/?next=")
        assert client_of(world, "no_role").get(url).status_code == 403


def test_an_officer_never_sees_another_agency_s_words_or_numbers(world: dict[str, Any]) -> None:
    officer = client_of(world, "officer_of_lead")
    for url in ("/exports/reports.csv", "/exports/report-values.csv"):
        body = officer.get(url).content.decode()
        assert "Bí mật" not in body
        assert "2.1" not in body
    values = read_csv(officer.get("/exports/report-values.csv"))
    assert [row[5] for row in values[1:]] == ["events"]
    assert values[1][7] == "3.2500"  # the stored decimal, as stored


def test_report_values_read_back_as_numbers(world: dict[str, Any]) -> None:
    rows = data_rows(client_of(world, "coordinator").get("/exports/report-values.xlsx").content)
    numbers = {(row[2], row[4]): row[7] for row in rows[1:]}
    assert numbers == {("1.1", "Approved"): 3.25, ("2.1", "Draft"): 7.0}


def test_filters_and_neutralised_narratives(world: dict[str, Any]) -> None:
    coordinator = client_of(world, "coordinator")
    approved = read_csv(coordinator.get("/exports/reports.csv?status=approved"))
    assert [row[0] for row in approved[1:]] == [str(world["reports"]["ours_approved"].pk)]
    assert approved[1][11] == "'=HYPERLINK(evil)"
    xlsx = data_rows(coordinator.get("/exports/reports.xlsx?status=approved").content)
    assert xlsx[1][11] == "=HYPERLINK(evil)"  # a text cell with the quote prefix
    period = world["reports"]["ours_draft"].period_id
    second = read_csv(coordinator.get(f"/exports/reports.csv?period={period}"))
    assert [row[2] for row in second[1:]] == ["1.1"]
    assert len(read_csv(coordinator.get("/exports/reports.csv?status=nonsense"))) == 4


def test_the_first_sheet_says_whose_reports(world: dict[str, Any]) -> None:
    about = read_xlsx(client_of(world, "officer_of_lead").get("/exports/reports.xlsx").content)
    text = {row[0]: row[1] for row in about["About"]}
    assert text["What this file is"] == "Progress reports you may see, in every status"
    assert text["Rows"] == "2"


def test_times_are_the_city_s_in_both_files(world: dict[str, Any]) -> None:
    report = world["reports"]["ours_draft"]
    ProgressReport.objects.filter(pk=report.pk).update(
        first_submitted_at=factories.at(date(2026, 7, 5), hour=9)
    )
    coordinator = client_of(world, "coordinator")
    text = read_csv(coordinator.get(f"/exports/reports.csv?period={report.period_id}"))
    assert text[1][8] == "2026-07-05 09:00:00"
    rows = data_rows(coordinator.get(f"/exports/reports.xlsx?period={report.period_id}").content)
    assert rows[1][8] == datetime(2026, 7, 5, 9, 0)
