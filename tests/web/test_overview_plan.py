"""The overview's published version for the public, the latest for members; the
ward map; the plan's progress, overdue tasks and late agencies."""

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Agency, Indicator, ProgressReport, Role, Task
from cnvh.stats.result import Estimate as Result
from tests import factories
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db

MakeEstimate = Callable[..., Result]


def test_the_public_sees_the_published_revision(
    client: Client, make_estimate: MakeEstimate
) -> None:
    published = publish(save_estimate(make_estimate(), label="", synthetic=True)).estimate
    newer = save_estimate(make_estimate(), label="", synthetic=True)
    public = page(client, "/")
    assert f"/estimates/{published.pk}/" in public
    assert f"/estimates/{newer.pk}/" not in public
    assert "Not yet published" not in public
    assert client.get(f"/estimates/{newer.pk}/").status_code == 404

    as_member(client, Role.STATISTICIAN)
    member = page(client, "/")
    assert f"/estimates/{newer.pk}/" in member
    assert "Not yet published" in member
    assert "You see the latest revisions, not all of them published." in member


def test_nothing_published_shows_the_empty_state(client: Client, stored_estimate: Estimate) -> None:
    assert "No estimate has been stored yet" in page(client, "/")


def test_status_on_the_overview(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    text = page(client, "/")
    assert "In 2024 the share was 4.2%, against 4.6% on the trajectory." in text
    assert 'href="/indicators/cnvh-grdp-share/"' in text


def ward(code: str, unit_code: str, lat: float, lon: float) -> Agency:
    return factories.agency(
        code, kind=Agency.Kind.WARD, unit_code=unit_code, latitude=lat, longitude=lon
    )


def chart_data(text: str, element_id: str) -> Any:
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', text)
    assert found, element_id
    return json.loads(found.group(1))


def test_no_map_without_totals_by_ward(client: Client, published_estimate: Estimate) -> None:
    # The fixture's one area row is a sector's (design in 00004); the map shows scope totals.
    ward("hoan-kiem", "00004", 21.03, 105.85)
    assert 'id="wards"' not in page(client, "/")


def test_ward_map_uses_scope_totals_of_the_latest_year(
    client: Client, make_estimate: MakeEstimate
) -> None:
    from cnvh.stats.result import EstimateRow

    result = make_estimate()
    result.rows.append(EstimateRow(2024, None, "00004", 2_500_000.0, None, 5_000.0, 300.0))
    result.rows.append(EstimateRow(2024, None, "00008", 1_000_000.0, None, 2_000.0, 100.0))
    result.rows.append(EstimateRow(2023, None, "00004", 9_999_999.0, None, 5_000.0, 300.0))
    publish(save_estimate(result, label="", synthetic=True))
    ward("hoan-kiem", "00004", 21.03, 105.85)
    text = page(client, "/")
    assert "Value added by ward, 2024" in text
    assert "Ward boundaries are not drawn" in text
    # 2,500,000 million VND = 2.5 trillion VND; ward 00008 has no known centre.
    data = chart_data(text, "ward-map")
    # The one ward is the largest: the full diameter, and named on the map.
    assert data["points"] == [
        [105.85, 21.03, 2.5, "Agency hoan-kiem", "00004", 34.0, "Agency hoan-kiem"]
    ]
    assert data["boundaries"] is None
    assert data["outline"] == []  # one centre spans no area
    assert "Areas with no known centre, not on the map: 1." in text


def make_plan() -> dict[str, Any]:
    """Group 1: three tasks (not started 0%, in progress 40%, in progress 80%): mean 40%.
    Group 2: one completed task (100%). One task overdue, one agency late."""
    today = date.today()
    plan = factories.plan()
    one, two = factories.group(plan, 1), factories.group(plan, 2)
    lead = factories.agency("so-vhtt", name_en="Department of Culture", short_name="DOC")
    factories.task(lead=lead, in_group=one, code="1.1", due_on=today - timedelta(days=3))
    factories.task(
        lead=lead, in_group=one, code="1.2", status=Task.Status.IN_PROGRESS, percent_done=40
    )
    factories.task(
        lead=lead, in_group=one, code="1.3", status=Task.Status.IN_PROGRESS, percent_done=80
    )
    factories.task(
        lead=lead,
        in_group=two,
        code="2.1",
        status=Task.Status.COMPLETED,
        percent_done=100,
        due_on=today - timedelta(days=30),
    )
    return {"plan": plan, "lead": lead}


def test_plan_progress_for_all_late_agencies_for_members(
    client: Client, published_estimate: Estimate
) -> None:
    made = make_plan()
    public = page(client, "/")
    assert "Tasks by content group" in public
    assert "40%" in public
    assert "Agencies late" not in public
    assert "/plan/tasks/" not in public  # no links into the working pages
    as_member(client, Role.LEADER)
    text = page(client, "/")
    assert "Plan progress" in text
    assert "Tasks by content group" in text
    assert "40%" in text  # group 1: (0 + 40 + 80) / 3
    assert "100%" in text  # group 2
    overdue = text[text.index("Overdue tasks") : text.index("Agencies late")]
    assert "1.1" in overdue
    assert "2.1" not in overdue  # completed, so not overdue
    assert f'href="/agencies/{made["lead"].code}/"' in overdue


def test_late_agencies(client: Client, published_estimate: Estimate) -> None:
    made = make_plan()
    period = factories.quarter(2026, 1)
    period.due_on = date.today() - timedelta(days=1)
    period.save()
    task = Task.objects.get(code="1.2")
    task.starts_on = period.starts_on
    task.save()
    officer = factories.user(Role.OFFICER, of=made["lead"])
    factories.report(task, period, officer, status=ProgressReport.Status.DRAFT)
    as_member(client, Role.COORDINATOR)
    text = page(client, "/")
    late = text[text.index("Agencies late") :]
    assert "DOC" in late
    assert "Q1/2026" in late


def test_sectors_as_csv(client: Client, published_estimate: Estimate) -> None:
    client.cookies["django_language"] = "en"
    response = client.get("/?format=csv&table=sectors&scope=hanoi-plan")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffYear,Sector code,Sector,Value added (million VND)")
    assert "2024,tourism,Cultural tourism,25060000.0," in body
    assert client.get("/?format=csv&table=sectors&scope=nope").status_code == 404


def test_queries_are_bounded(
    client: Client,
    share_indicator: Indicator,
    published_estimate: Estimate,
    django_assert_max_num_queries: Any,
) -> None:
    make_plan()
    for number in range(10):
        ward(f"w{number}", f"{number:05d}", 21.0 + number / 100, 105.8)
    with django_assert_max_num_queries(12):
        page(client, "/")
    as_member(client)
    with django_assert_max_num_queries(22):
        page(client, "/")
