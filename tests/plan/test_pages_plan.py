"""The plan page (groups, tasks, filters, CSV) and the task page."""

import csv
import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cnvh.plan.models import Role, Task
from cnvh.presentation.tables.csv_file import neutralised
from tests import factories


@pytest.fixture
def plan_world(db: None) -> dict[str, Any]:
    today = timezone.localdate()
    culture = factories.agency("so-vhtt", name_vi="Sở Văn hóa và Thể thao", name_en="Culture")
    industry = factories.agency("so-ct", name_vi="Sở Công Thương", name_en="Industry and Trade")
    plan = factories.plan(owner=culture)
    plan.objectives_vi = "Đến năm 2030, công nghiệp văn hóa đóng góp 8% GRDP."
    plan.objectives_en = "By 2030 the cultural industries make 8% of GRDP."
    plan.save()
    first = factories.group(of=plan, number=1)
    second = factories.group(of=plan, number=2)
    late = factories.task(
        lead=culture,
        in_group=first,
        code="1.1",
        title_en="Support innovation",
        due_on=today - timedelta(days=3),
        status=Task.Status.IN_PROGRESS,
        percent_done=40,
    )
    done = factories.task(
        lead=industry,
        coordinating=(culture,),
        in_group=second,
        code="2.1",
        title_en="=HYPERLINK(evil) crafts",
        due_on=today - timedelta(days=30),
        status=Task.Status.COMPLETED,
        percent_done=100,
    )
    later = factories.task(
        lead=industry, in_group=second, code="2.2", title_en="Trademarks", due_on=date(2030, 6, 30)
    )
    return {"plan": plan, "late": late, "done": done, "later": later, "culture": culture}


def member(client: Client, role: str = Role.OFFICER, of: Any = None) -> Any:
    person = factories.user(role, of=of)
    client.force_login(person)
    client.cookies["django_language"] = "en"
    return person


def codes_in(response: Any) -> list[str]:
    return [task.code for entry in response.context["groups"] for task in entry["tasks"]]


def test_anonymous_people_are_sent_to_login(client: Client, plan_world: dict[str, Any]) -> None:
    response = client.get(reverse("plan-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web-login") + "?next=")


def test_a_user_without_a_role_is_refused(client: Client, plan_world: dict[str, Any]) -> None:
    client.force_login(factories.user())
    assert client.get(reverse("plan-list")).status_code == 403
    assert client.get(reverse("plan-task", args=[plan_world["late"].pk])).status_code == 403


def test_the_plan_shows_objectives_groups_and_tasks(
    client: Client, plan_world: dict[str, Any]
) -> None:
    member(client)
    response = client.get(reverse("plan-list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "By 2030 the cultural industries make 8% of GRDP." in body
    assert [entry["group"].number for entry in response.context["groups"]] == [1, 2]
    assert codes_in(response) == ["1.1", "2.1", "2.2"]
    assert body.count("tag--overdue") == 1  # only 1.1: 2.1 is late but completed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "overdue"}, ["1.1"]),
        ({"status": Task.Status.COMPLETED}, ["2.1"]),
        ({"due_from": "2030-01-01"}, ["2.2"]),
        ({"due_to": "2029-12-31"}, ["1.1", "2.1"]),
    ],
)
def test_filters(
    client: Client, plan_world: dict[str, Any], query: dict[str, str], expected: list[str]
) -> None:
    member(client)
    assert codes_in(client.get(reverse("plan-list"), query)) == expected


def test_filter_by_lead_agency_and_group(client: Client, plan_world: dict[str, Any]) -> None:
    member(client)
    culture = plan_world["culture"]
    assert codes_in(client.get(reverse("plan-list"), {"agency": culture.pk})) == ["1.1"]
    group = plan_world["later"].group
    assert codes_in(client.get(reverse("plan-list"), {"group": group.pk})) == ["2.1", "2.2"]


def test_htmx_gets_the_table_alone(client: Client, plan_world: dict[str, Any]) -> None:
    member(client)
    response = client.get(reverse("plan-list"), {"status": "overdue"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="task-table"')
    assert "<html" not in body
    assert "HX-Request" in response["Vary"]


def test_csv_has_a_bom_every_task_and_no_formulas(
    client: Client, plan_world: dict[str, Any]
) -> None:
    member(client)
    response = client.get(reverse("plan-list"), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Group", "Code", "Task"]
    assert [row[1] for row in rows[1:]] == ["1.1", "2.1", "2.2"]
    assert rows[2][2] == "'=HYPERLINK(evil) crafts"
    assert rows[2][4] == "Culture"
    assert rows[1][9] == "yes"


def test_csv_follows_the_filters(client: Client, plan_world: dict[str, Any]) -> None:
    member(client)
    response = client.get(reverse("plan-list"), {"format": "csv", "status": "overdue"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["1.1"]


def test_cells_that_look_like_formulas_are_neutralised() -> None:
    assert [neutralised(v) for v in ["=1+1", "+1", "-2", "@SUM", "ok", 5, None]] == [
        "'=1+1",
        "'+1",
        "'-2",
        "'@SUM",
        "ok",
        "5",
        "",
    ]


def test_the_plan_page_queries_do_not_grow_with_tasks(
    client: Client, plan_world: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    member(client)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("plan-list"))
    with CaptureQueriesContext(connection) as few_csv:
        client.get(reverse("plan-list"), {"format": "csv"})
    group = plan_world["later"].group
    for index in range(30):
        factories.task(in_group=group, code=f"9.{index}", coordinating=(plan_world["culture"],))
    # Session, user, roles, plan, the filter form's lists, tasks (+ the page's frame).
    assert len(few) <= 12
    with django_assert_max_num_queries(len(few)):
        response = client.get(reverse("plan-list"))
    assert len(codes_in(response)) == 33
    with django_assert_max_num_queries(len(few_csv)):
        client.get(reverse("plan-list"), {"format": "csv"})


def test_the_task_page_shows_details_indicators_and_history(
    client: Client, plan_world: dict[str, Any]
) -> None:
    person = member(client)
    task = plan_world["done"]
    task.assumption = "Lead agency assumed for the demo."
    task.indicators.add(
        factories.indicator("craft-villages", name_en="Craft villages", unit="villages"),
    )
    task._history_user = person
    task.percent_done = 90
    task.save()
    body = client.get(reverse("plan-task", args=[task.pk])).content.decode()
    assert "Industry and Trade" in body and "Culture" in body
    assert "Lead agency assumed for the demo." in body
    assert 'href="/indicators/craft-villages/"' in body
    assert "Craft villages (villages)" in body
    assert "History" in body
    assert "<del>100</del> → <ins>90</ins>" in body
    assert person.username in body


def test_the_task_page_of_a_missing_task_is_404(client: Client, plan_world: dict[str, Any]) -> None:
    member(client)
    assert client.get(reverse("plan-task", args=[999999])).status_code == 404


def test_the_task_page_lists_only_reports_the_user_may_view(
    client: Client, plan_world: dict[str, Any]
) -> None:
    task = plan_world["later"]  # led by Industry; Culture does not coordinate it
    officer = factories.user(Role.OFFICER, of=task.lead_agency)
    factories.report(task, factories.quarter(2026, 1), by=officer)
    member(client, Role.OFFICER, of=plan_world["culture"])
    response = client.get(reverse("plan-task", args=[task.pk]))
    assert response.context["reports"] == []
    member(client, Role.OFFICER, of=task.lead_agency)
    response = client.get(reverse("plan-task", args=[task.pk]))
    assert [report.period.label for report in response.context["reports"]] == ["Q1/2026"]
