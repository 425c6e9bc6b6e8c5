"""The pages' own tables download as XLSX beside CSV: the same rows from the same
functions, numbers equal, text neutralised the same way."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Role, Task
from tests import factories
from tests.conftest import engine_estimate
from tests.exports.test_tables_files import data_rows, read_csv, read_xlsx
from tests.web.conftest import as_member

pytestmark = pytest.mark.django_db


def both_formats(client: Client, url: str) -> tuple[list[list[str]], list[list[Any]]]:
    client.cookies["django_language"] = "en"
    joiner = "&" if "?" in url else "?"
    text = read_csv(client.get(f"{url}{joiner}format=csv"))
    response = client.get(f"{url}{joiner}format=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return text, data_rows(response.content)


def same_rows(text: list[list[str]], xlsx: list[list[Any]]) -> None:
    """Every cell of the XLSX reads as the CSV's: numbers equal, text equal but for the
    apostrophe the CSV puts before a formula-like text."""
    assert xlsx[0] == text[0]
    assert len(xlsx) == len(text)
    for from_xlsx, from_csv in zip(xlsx[1:], text[1:], strict=True):
        for value, written in zip(from_xlsx, from_csv, strict=True):
            if isinstance(value, float):
                assert value == float(written)
            elif value == "":
                assert written == ""
            else:
                assert written in (str(value), "'" + str(value)), (value, written)


def test_overview_tables(client: Client) -> None:
    estimate = save_estimate(engine_estimate(), label="test", synthetic=True)
    publish(estimate)
    for table in ("years", "sectors"):
        text, xlsx = both_formats(client, f"/?table={table}&scope=hanoi-plan")
        same_rows(text, xlsx)
    text, xlsx = both_formats(client, "/?table=years&scope=hanoi-plan")
    assert [row[2] for row in xlsx[1:]] == [0.035, 0.038, 0.040, 0.042]
    about = read_xlsx(client.get("/?format=xlsx&table=years&scope=hanoi-plan").content)
    text_about = {row[0]: row[1] for row in about["About"]}
    assert text_about["What this file is"].startswith("Share of GRDP by year under hanoi-plan")
    assert text_about["Data"] == "Synthetic demo data — not official statistics"
    assert client.get("/?format=xlsx&table=years&scope=nope").status_code == 404


def test_the_plan_s_task_table(client: Client) -> None:
    today = timezone.localdate()
    culture = factories.agency("so-vhtt", name_en="Culture")
    plan = factories.plan(owner=culture)
    group = factories.group(of=plan)
    factories.task(lead=culture, in_group=group, code="1.1", due_on=today - timedelta(days=3))
    factories.task(
        lead=culture,
        in_group=group,
        code="1.2",
        title_en="@SUM(A1) crafts",
        due_on=date(2030, 6, 30),
        status=Task.Status.IN_PROGRESS,
        percent_done=40,
    )
    as_member(client, Role.OFFICER)
    text, xlsx = both_formats(client, "/plan/")
    same_rows(text, xlsx)
    assert text[0][:3] == ["Group", "Code", "Task"]
    assert xlsx[2][2] == "@SUM(A1) crafts" and text[2][2] == "'@SUM(A1) crafts"
    assert xlsx[2][8] == 40.0
    assert [row[9] for row in xlsx[1:]] == ["yes", ""]
    overdue_only = read_csv(client.get("/plan/?format=csv&status=overdue"))
    assert [row[1] for row in overdue_only[1:]] == ["1.1"]
    xlsx_overdue = data_rows(client.get("/plan/?format=xlsx&status=overdue").content)
    assert [row[1] for row in xlsx_overdue[1:]] == ["1.1"]
    page = client.get("/plan/?status=overdue").content.decode()
    assert "status=overdue&amp;format=xlsx" in page


def test_an_agency_s_completeness(client: Client) -> None:
    lead = factories.agency("so-vhtt", name_en="Department of Culture")
    task = factories.task(lead=lead, code="2.1", starts_on=date(2025, 1, 1))
    period = factories.quarter(2025, 1)
    officer = factories.user(Role.OFFICER, of=lead)
    factories.report(task, period, officer, first_submitted_at=factories.at(period.due_on))
    as_member(client, Role.OFFICER)
    text, xlsx = both_formats(client, "/agencies/so-vhtt/")
    same_rows(text, xlsx)
    assert xlsx[1][3:] == [1.0, 1.0, 1.0, 1.0, 1.0]


def test_the_download_links_are_on_the_pages(client: Client) -> None:
    estimate = save_estimate(engine_estimate(), label="test", synthetic=True)
    publish(estimate)
    client.cookies["django_language"] = "en"
    overview = client.get("/").content.decode()
    assert "?format=xlsx&amp;table=years&amp;scope=hanoi-plan" in overview
    assert "?format=xlsx&amp;table=sectors&amp;scope=hanoi-plan" in overview
    detail = client.get(f"/estimates/{estimate.pk}/").content.decode()
    assert f'href="/exports/estimates/{estimate.pk}.xlsx"' in detail
    assert f'href="/exports/estimates/{estimate.pk}.csv"' in detail
    downloads = client.get("/exports/").content.decode()
    assert f'href="/exports/estimates/{estimate.pk}.csv"' in downloads
    assert 'href="/exports/indicators.xlsx"' in downloads
    assert "/exports/reports.csv" not in downloads  # for the people who work on the plan
    as_member(client, Role.OFFICER)
    assert 'href="/exports/reports.xlsx"' in client.get("/exports/").content.decode()
