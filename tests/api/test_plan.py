"""The plan, its groups and tasks, the periods and the agencies, for members."""

from datetime import date
from typing import Any

import pytest

from cnvh.plan import completeness
from cnvh.plan.models import ReportingPeriod, Task
from tests import factories
from tests.api.world import World

pytestmark = pytest.mark.django_db


def items(world: World, url: str, role: str = "officer_elsewhere", **query: Any) -> list[Any]:
    answer = world.get(role, url, **query)
    assert answer.status_code == 200, answer.content
    return list(answer.json()["items"])


def test_the_plan_with_its_groups(world: World) -> None:
    plan = world.objects["plan"]
    listed = items(world, "/api/plans")
    assert [p["code"] for p in listed] == [plan.code]
    assert listed[0]["owner"] == plan.owner.code
    detail = world.get("statistician", f"/api/plans/{plan.code}").json()
    assert detail["groups"] == [
        {
            "id": world.objects["group"].pk,
            "plan": plan.code,
            "number": 1,
            "title_vi": "Nhóm 1",
            "title_en": "Group 1",
            "tasks": 3,
            "tasks_completed": 0,
        }
    ]
    assert items(world, "/api/groups", plan=plan.code) == detail["groups"]
    assert items(world, "/api/groups", plan="another-plan") == []


def test_tasks_with_the_plan_pages_filters(world: World) -> None:
    task, third = world.objects["task"], world.objects["third"]
    listed = items(world, "/api/tasks")
    assert [t["code"] for t in listed] == ["1.1", "1.2", "1.3"]
    first = listed[0]
    assert first["lead_agency"] == world.objects["lead"].code
    assert first["coordinating_agencies"] == [world.objects["coordinating"].code]
    assert first["indicators"] == ["events"]
    # The approved report of 1.3 said 40% done, in progress.
    assert listed[2]["percent_done"] == 40 and listed[2]["status"] == "in_progress"
    assert [t["id"] for t in items(world, "/api/tasks", status="in_progress")] == [third.pk]
    late = factories.task(
        lead=world.objects["elsewhere"],
        in_group=task.group,
        code="1.4",
        due_on=date(2020, 1, 1),
    )
    assert [t["id"] for t in items(world, "/api/tasks", status="overdue")] == [late.pk]
    assert items(world, "/api/tasks", status="overdue")[0]["overdue"] is True
    elsewhere = items(world, "/api/tasks", agency=world.objects["elsewhere"].code)
    assert [t["code"] for t in elsewhere] == ["1.4"]
    assert [t["code"] for t in items(world, "/api/tasks", due_to="2021-01-01")] == ["1.4"]
    assert len(items(world, "/api/tasks", due_from="2021-01-01")) == 3
    assert len(items(world, "/api/tasks", group_id=task.group_id)) == 4


def test_one_task(world: World) -> None:
    task = world.objects["task"]
    body = world.get("leader_elsewhere", f"/api/tasks/{task.pk}").json()
    assert body["code"] == "1.1" and body["frequency"] == "quarter"
    assert body["starts_on"] == "2026-01-01" and body["due_on"] == "2026-12-31"
    assert body["description_en"] == ""


def test_periods(world: World) -> None:
    factories.quarter(2027, 1)
    listed = items(world, "/api/periods", year=2026)
    assert [(p["year"], p["number"], p["due_on"]) for p in listed] == [
        (2026, 1, "2026-04-10"),
        (2026, 2, "2026-07-10"),
    ]
    assert len(items(world, "/api/periods", kind="year")) == 0


def test_agencies_and_their_reporting_record(world: World) -> None:
    lead = world.objects["lead"]
    listed = {a["code"]: a for a in items(world, "/api/agencies")}
    assert listed[lead.code]["tasks_led"] == 3
    assert listed[world.objects["coordinating"].code]["tasks_coordinated"] == 2
    body = world.get("administrator", f"/api/agencies/{lead.code}").json()
    periods = ReportingPeriod.objects.filter(due_on__lt=date.today())
    expected = completeness.completeness(periods, Task.objects.filter(lead_agency=lead))
    assert [
        (r["period_id"], r["reports_due"], r["reports_submitted"], r["completeness"])
        for r in body["reporting"]
    ] == [(r.period.pk, r.expected, r.submitted, r.completeness) for r in expected]
    # Q1 2026: three reports due, two submitted (one still a draft).
    q1 = next(r for r in body["reporting"] if r["period_id"] == world.objects["q1"].pk)
    assert (q1["reports_due"], q1["reports_submitted"]) == (3, 2)
    assert q1["completeness"] == 2 / 3
    assert q1["missing_task_ids"] == [world.objects["task"].pk]


def test_former_agencies_apart(world: World) -> None:
    factories.agency("old-district", kind="district", valid_to=date(2025, 6, 30))
    former = items(world, "/api/agencies", current="false")
    assert [a["code"] for a in former] == ["old-district"]
    assert former[0]["current"] is False
    assert "old-district" not in {a["code"] for a in items(world, "/api/agencies", current=True)}
    assert [a["code"] for a in items(world, "/api/agencies", kind="district")] == ["old-district"]
