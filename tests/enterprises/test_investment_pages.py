"""The investment pages: an officer types a project in Vietnamese (12.500.000.000 VND,
05/03/2026) and reads back what was stored; bad input refused with the field named and
nothing saved; the list's filters and files; the indicators linking to the projects."""

import csv
import io
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from cnvh.enterprises.investment import workflow
from cnvh.enterprises.models import CapitalLine, InvestmentProject
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise
from tests.exports.test_tables_files import data_rows

pytestmark = pytest.mark.django_db
B = Decimal(1_000_000_000)


@pytest.fixture
def people() -> dict[str, Any]:
    manager = factories.agency("so-vhtt", name_vi="Sở Văn hóa và Thể thao")
    return {
        "manager": manager,
        "officer": factories.user(Role.OFFICER, manager),
        "leader": factories.user(Role.LEADER, manager),
        "stranger": factories.user(Role.OFFICER, factories.agency()),
        "firm": enterprise("0100233488", "Công ty CP Sơn mài Hạ Thái", ward_code="00004"),
    }


def client_of(user: Any, language: str = "vi") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)
    return client


def typed(people: dict[str, Any], **changes: str) -> dict[str, str]:
    """The form as an officer fills it on the Vietnamese page."""
    return {
        "name_vi": "Nhà trưng bày sơn mài",
        "kind": "project",
        "managing_agency": str(people["manager"].pk),
        "investor_enterprise": "0100233488",
        "sector": "crafts",
        "ward_code": "00004",
        "location": "12 Hàng Bạc",
        "total_capital": "12.500.000.000",
        "principle_decision_number": "25/QĐ-UBND",
        "principle_decided_on": "05/03/2026",
        "starts_on": "01/06/2026",
        "ends_on": "31/12/2027",
        "proposed_on": "02/02/2026",
        **changes,
    }


def test_an_officer_types_a_project_in_vietnamese(people: dict[str, Any]) -> None:
    client = client_of(people["officer"])
    response = client.post("/enterprises/projects/new/", typed(people))
    project = InvestmentProject.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/enterprises/projects/{project.pk}/"
    assert project.total_capital == Decimal(12_500_000_000)
    assert (project.principle_decided_on, project.starts_on, project.ends_on) == (
        date(2026, 3, 5),
        date(2026, 6, 1),
        date(2027, 12, 31),
    )
    assert (project.investor_enterprise, project.status) == (people["firm"], "proposed")
    assert list(project.steps.values_list("status", "on")) == [("proposed", date(2026, 2, 2))]
    assert project.history.get().history_user == people["officer"]
    page = client.get(f"/enterprises/projects/{project.pk}/").content.decode()
    assert "12.500.000.000" in page and "25/QĐ-UBND, 05/03/2026" in page
    # The investor's page lists it.
    firm_page = client.get("/enterprises/0100233488/").content.decode()
    assert f'href="/enterprises/projects/{project.pk}/"' in firm_page


def test_bad_input_names_the_field_and_saves_nothing(people: dict[str, Any]) -> None:
    client = client_of(people["officer"], "en")
    before_principle = typed(
        people,
        investment_decision_number="30/QĐ-UBND",
        investment_decided_on="04/03/2026",
        total_capital="12,500,000,000",
    )
    response = client.post("/enterprises/projects/new/", before_principle)
    assert response.status_code == 200
    assert response.context["form"].errors["investment_decided_on"] == [
        "Decision of investment: dated 04/03/2026, before the decision in principle of"
        " 05/03/2026. Correct either date."
    ]
    backwards = typed(people, ends_on="31/05/2026", total_capital="12,500,000,000")
    errors = client.post("/enterprises/projects/new/", backwards).context["form"].errors
    assert errors["ends_on"] == [
        "Planned completion: 31/05/2026 is before the planned start 01/06/2026."
    ]
    # A month-first date is not read as one.
    errors = (
        client.post("/enterprises/projects/new/", typed(people, starts_on="06/31/2026"))
        .context["form"]
        .errors
    )
    assert list(errors) == ["starts_on"]
    assert not InvestmentProject.objects.exists()


def test_capital_above_its_plan_is_refused_on_the_page(people: dict[str, Any]) -> None:
    officer, leader = people["officer"], people["leader"]
    project = workflow.propose(
        InvestmentProject(
            name_vi="Nhà hát",
            managing_agency=people["manager"],
            investor_enterprise=people["firm"],
            total_capital=20 * B,
        ),
        date(2026, 1, 5),
        officer,
    )
    workflow.move(project, "approve", date(2026, 3, 5), "", leader, "30/QĐ-UBND")
    client = client_of(officer)
    url = f"/enterprises/projects/{project.pk}/capital/"
    line = {"year": "2026", "source": "city_budget", "planned": "5.000.000.000"}
    assert client.post(url, {**line, "disbursed": "1.250.000.000"}).status_code == 302
    refused = client.post(url, {**line, "disbursed": "5.000.000.001"})
    assert refused.status_code == 400
    assert refused.context["forms"]["capital"].errors["disbursed"] == [
        "Đã giải ngân: 5.000.000.001 đồng, vượt 5.000.000.000 đồng kế hoạch từ nguồn này"
        " năm 2026. Nâng kế hoạch hoặc sửa số giải ngân."
    ]
    assert CapitalLine.objects.get().disbursed == Decimal(1_250_000_000)
    page = client.get(f"/enterprises/projects/{project.pk}/").content.decode()
    assert 'id="capital-2026-city_budget"' in page and "1.250.000.000" in page
    # Another agency's officer may not change it.
    assert client_of(people["stranger"]).post(url, line).status_code == 403


def make_three(people: dict[str, Any]) -> list[InvestmentProject]:
    """An approved project with 2026 city budget 6 bn (4 paid); one under way with
    2026 private 10 bn (3 paid), on schedule; one proposed with nothing."""
    officer, leader = people["officer"], people["leader"]
    made = []
    for name in ("Bảo tàng", "Rạp chiếu phim", "Thư viện"):
        made.append(
            workflow.propose(
                InvestmentProject(
                    name_vi=name,
                    managing_agency=people["manager"],
                    investor_agency=people["manager"],
                    total_capital=50 * B,
                ),
                date(2025, 1, 6),
                officer,
            )
        )
    for project in made[:2]:
        workflow.move(project, "approve", date(2025, 3, 5), "", leader, "1/QĐ")
    workflow.move(made[1], "start", date(2025, 4, 1), "", officer)
    workflow.record_capital(made[0], 2026, "city_budget", 6 * B, 4 * B, officer)
    workflow.record_capital(made[1], 2026, "private", 10 * B, 3 * B, officer)
    workflow.record_capital(made[1], 2025, "city_budget", 2 * B, 2 * B, officer)
    return made


def test_the_list_filters_and_its_files(people: dict[str, Any]) -> None:
    made = make_three(people)
    client = client_of(people["officer"], "en")

    def names(query: str) -> list[str]:
        response = client.get(f"/enterprises/projects/?{query}")
        assert response.status_code == 200
        return [project.name_vi for project, _ in response.context["projects"]]

    assert names("") == ["Bảo tàng", "Rạp chiếu phim", "Thư viện"]
    assert names("status=proposed") == ["Thư viện"]
    assert names("year=2026&source=city_budget") == ["Bảo tàng"]
    assert names("year=2025&source=private") == []
    assert names("source=city_budget") == ["Bảo tàng", "Rạp chiếu phim"]
    assert names("schedule=on") == ["Rạp chiếu phim"]
    assert names("schedule=behind") == []
    found = client.get("/enterprises/projects/?source=private&format=csv")
    rows = list(csv.reader(io.StringIO(found.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Id", "Project"] and len(rows) == 2
    header = rows[0]
    row = dict(zip(header, rows[1], strict=True))
    assert (row["Project"], row["Total investment (VND)"]) == ("Rạp chiếu phim", "50000000000")
    assert (row["Planned, all years (VND)"], row["Disbursed, all years (VND)"]) == (
        "12000000000",
        "5000000000",
    )
    assert row["Status"] == "Under way" and row["On schedule"] == "yes"
    values = data_rows(client.get("/enterprises/projects/?format=xlsx").content)
    assert values[0][:2] == ["Id", "Project"]
    assert [line[1] for line in values[1:]] == [p.name_vi for p in made]
    assert values[2][9:12] == [50_000_000_000, 12_000_000_000, 5_000_000_000]


def test_the_indicators_link_each_figure_to_its_projects(people: dict[str, Any]) -> None:
    make_three(people)
    client = client_of(people["officer"], "en")
    page = client.get("/enterprises/indicators/?year=2026")
    rows = {(c.year, c.source): (c.planned, c.disbursed) for c in page.context["capital"]}
    assert rows == {
        (2026, "city_budget"): (6 * B, 4 * B),
        (2026, "private"): (10 * B, 3 * B),
        (2026, None): (16 * B, 7 * B),
    }
    html = page.content.decode()
    assert 'href="/enterprises/projects/?year=2026&amp;source=city_budget">6,000,000,000' in html
    schedule = page.context["schedule"]
    assert ([p.name_vi for p in schedule.under_way], len(schedule.on_schedule)) == (
        ["Rạp chiếu phim"],
        1,
    )
    # Every year when none is asked.
    every = client.get("/enterprises/indicators/").context["capital"]
    assert [(c.year, c.source) for c in every] == [
        (2025, "city_budget"),
        (2025, None),
        (2026, "city_budget"),
        (2026, "private"),
        (2026, None),
    ]


def test_the_api_gives_the_same(people: dict[str, Any]) -> None:
    made = make_three(people)
    client = client_of(people["officer"], "en")
    listed = client.get("/api/investment-projects?source=private").json()
    assert listed["count"] == 1
    [item] = listed["items"]
    assert (item["id"], item["status"], item["on_schedule"]) == (made[1].pk, "under_way", True)
    assert (item["investor_agency"], item["managing_agency"]) == ("so-vhtt", "so-vhtt")
    assert (Decimal(item["planned"]), Decimal(item["disbursed"])) == (12 * B, 5 * B)
    one = client.get(f"/api/investment-projects/{made[1].pk}").json()
    assert [(row["year"], row["source"], row["planned"]) for row in one["capital"]] == [
        (2025, "city_budget", "2000000000"),
        (2025, None, "2000000000"),
        (2026, "private", "10000000000"),
        (2026, None, "10000000000"),
    ]
    assert [step["status"] for step in one["steps"]] == ["proposed", "approved", "under_way"]
    figures = client.get("/api/investment-figures?year=2026").json()
    assert [(row["source"], row["planned"], row["disbursed"]) for row in figures["by_source"]] == [
        ("city_budget", "6000000000", "4000000000"),
        ("private", "10000000000", "3000000000"),
    ]
    assert figures["by_source"][0]["projects"] == [made[0].pk]
    assert (figures["under_way"], figures["on_schedule"]) == ([made[1].pk], [made[1].pk])
    assert client.get("/api/investment-figures?year=1800").status_code == 422


def test_steps_and_milestones_on_the_page(people: dict[str, Any]) -> None:
    officer = people["officer"]
    project = make_three(people)[1]  # under way since 01/04/2025
    milestone = workflow.add_milestone(project, "Khởi công", date(2025, 5, 1), officer)
    client = client_of(officer, "en")
    url = f"/enterprises/projects/{project.pk}"
    done = {"milestone": str(milestone.pk), "done_on": "31/12/2099"}
    refused = client.post(f"{url}/done/", done)
    assert refused.status_code == 400
    assert "Done on: 31/12/2099 has not come yet." in refused.content.decode()
    assert client.post(f"{url}/done/", {**done, "done_on": "05/05/2025"}).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on == date(2025, 5, 5)
    # An officer stalls it with a reason; without one the page says which field.
    stall = {"action": "stall", "on": "01/10/2025", "reason": ""}
    refused = client.post(f"{url}/move/", stall)
    assert refused.context["forms"]["move"].errors["reason"] == [
        "Reason: write why the project is stalled or cancelled."
    ]
    stall["reason"] = "Chờ điều chỉnh thiết kế"
    assert client.post(f"{url}/move/", stall).status_code == 302
    project.refresh_from_db()
    assert project.status == "stalled"
    # The officer may not cancel: only the leader's choice.
    cancel = {"action": "cancel", "on": "02/10/2025", "reason": "Thôi"}
    assert "action" in client.post(f"{url}/move/", cancel).context["forms"]["move"].errors
    leader = client_of(people["leader"], "en")
    assert leader.post(f"{url}/move/", cancel).status_code == 302
    project.refresh_from_db()
    assert project.status == "cancelled"
    assert client.post(f"{url}/capital/", {}).status_code == 403
