"""The coordinator edits the plan's tasks and an indicator's targets; nobody else can."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from cnvh.plan.models import Indicator, Role, Target, Task
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    city, culture, ward = factories.agency("city"), factories.agency("culture"), factories.agency()
    plan = factories.plan(owner=culture)
    group = factories.group(plan, 5)
    task = factories.task(lead=culture, in_group=group, code="5.1", percent_done=40)
    indicator = factories.indicator("share", published=True, baseline_year=2021, targets={2025: 5})
    return {
        "plan": plan,
        "group": group,
        "task": task,
        "culture": culture,
        "ward": ward,
        "indicator": indicator,
        "coordinator": factories.user(Role.COORDINATOR, city, "coordinator"),
    }


def task_data(world: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = {
        "group": world["group"].pk,
        "code": "5.9",
        "title_vi": "Hỗ trợ chuyển đổi số làng nghề",
        "title_en": "Digital transformation of craft villages",
        "lead_agency": world["culture"].pk,
        "coordinating_agencies": [world["ward"].pk],
        "starts_on": "2026-01-01",
        "due_on": "2027-06-30",
        "frequency": Task.Frequency.QUARTER,
    }
    return {**data, **changes}


def test_the_coordinator_adds_a_task(client: Client, world: dict[str, Any]) -> None:
    client.force_login(world["coordinator"])
    response = client.post("/plan/tasks/new/", task_data(world))
    task = Task.objects.get(code="5.9")
    assert response["Location"] == f"/plan/tasks/{task.pk}/"
    assert list(task.coordinating_agencies.all()) == [world["ward"]]
    assert (task.status, task.percent_done) == (Task.Status.NOT_STARTED, 0)
    assert {record.history_user for record in task.history.all()} == {world["coordinator"]}


def test_the_coordinator_edits_a_task_and_its_history_shows_it(
    client: Client, world: dict[str, Any]
) -> None:
    task = world["task"]
    client.force_login(world["coordinator"])
    client.cookies["django_language"] = "en"
    data = task_data(world, code="5.1", due_on="2028-12-31", percent_done="100", status="completed")
    assert client.post(f"/plan/tasks/{task.pk}/edit/", data).status_code == 302
    task.refresh_from_db()
    assert task.due_on == date(2028, 12, 31)
    # Status and percent done come from approved reports, not from this form.
    assert (task.status, task.percent_done) == (Task.Status.NOT_STARTED, 40)
    page = client.get(f"/plan/tasks/{task.pk}/").content.decode()
    assert "coordinator" in page and "2028" in page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"due_on": "2025-12-31"}, "due_on"),
        ({"coordinating_agencies": []}, None),
        ({"code": "5.1"}, "__all__"),  # the code is taken in this group
    ],
)
def test_bad_task_input_saves_nothing(
    client: Client, world: dict[str, Any], changes: dict[str, Any], field: str | None
) -> None:
    client.force_login(world["coordinator"])
    before = Task.objects.count()
    response = client.post("/plan/tasks/new/", task_data(world, **changes))
    if field is None:  # no coordinating agency is fine
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Task.objects.count() == before


def test_the_lead_cannot_also_coordinate(client: Client, world: dict[str, Any]) -> None:
    client.force_login(world["coordinator"])
    data = task_data(world, coordinating_agencies=[world["culture"].pk])
    response = client.post("/plan/tasks/new/", data)
    assert "coordinating_agencies" in response.context["form"].errors


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.LEADER, Role.OFFICER, Role.STATISTICIAN])
def test_only_the_coordinator_edits(client: Client, world: dict[str, Any], role: str) -> None:
    client.force_login(factories.user(role, world["culture"]))
    task, indicator = world["task"], world["indicator"]
    assert client.get("/plan/tasks/new/").status_code == 403
    assert client.post(f"/plan/tasks/{task.pk}/edit/", task_data(world)).status_code == 403
    assert client.get(f"/plan/indicators/{indicator.code}/targets/").status_code == 403
    assert Task.objects.get(pk=task.pk).code == "5.1"


def targets_data(indicator: Indicator, rows: list[dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "baseline-baseline_year": "2021",
        "baseline-baseline_value": "",
        "baseline-direction": "increase",
        "baseline-published": "on",
        "targets-TOTAL_FORMS": str(len(rows)),
        "targets-INITIAL_FORMS": str(indicator.targets.count()),
    }
    for number, row in enumerate(rows):
        data |= {f"targets-{number}-{name}": value for name, value in row.items()}
    return data


def test_the_coordinator_sets_targets(client: Client, world: dict[str, Any]) -> None:
    indicator = world["indicator"]
    existing = indicator.targets.get()
    client.force_login(world["coordinator"])
    rows = [
        {"id": existing.pk, "year": "2025", "value": "5,5"},  # the Vietnamese page's style
        {"year": "2030", "value": "8", "note_en": "as reported"},
    ]
    response = client.post(
        f"/plan/indicators/{indicator.code}/targets/", targets_data(indicator, rows)
    )
    assert response["Location"] == f"/indicators/{indicator.code}/"
    assert {(t.year, float(t.value)) for t in indicator.targets.all()} == {(2025, 5.5), (2030, 8)}
    changed = Target.history.filter(id=existing.pk).order_by("history_date")
    delta = changed.last().diff_against(changed.first())
    assert [(c.old, c.new) for c in delta.changes if c.field == "value"] == [
        (existing.value, pytest.approx(5.5))
    ]


def test_a_duplicate_target_year_saves_nothing(client: Client, world: dict[str, Any]) -> None:
    indicator = world["indicator"]
    client.force_login(world["coordinator"])
    rows = [
        {"id": indicator.targets.get().pk, "year": "2025", "value": "6"},
        {"year": "2025", "value": "7"},
    ]
    response = client.post(
        f"/plan/indicators/{indicator.code}/targets/", targets_data(indicator, rows)
    )
    assert response.status_code == 200
    assert [float(t.value) for t in indicator.targets.all()] == [5.0]
