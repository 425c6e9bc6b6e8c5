"""One limit for each field a person writes, the same on the pages, in the API and in
the workflow: a return reason, a narrative, a target's or baseline's year, the body of
an API change."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from cnvh.plan import limits, workflow
from cnvh.plan.models import ProgressReport
from tests.api.world import World, build
from tests.plan.test_pages_editing import targets_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings: Any, tmp_path: Any) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build()


def test_a_return_reason_over_the_limit_is_refused_on_the_page_and_in_the_workflow(
    world: World,
) -> None:
    report = world.objects["submitted"]
    client = Client()
    client.force_login(world.people["coordinator"])
    too_long = "x" * (limits.MAX_RETURN_REASON + 1)
    headers: dict[str, str]
    for headers in ({}, {"HX-Request": "true"}):
        client.post(
            f"/approvals/{report.pk}/return/",
            {f"r{report.pk}-reason": too_long},
            headers=headers,
        )
        report.refresh_from_db()
        assert report.status == ProgressReport.Status.SUBMITTED
        assert report.return_reason == ""
    with pytest.raises(ValidationError) as error, translation.override("en"):
        workflow.return_report(report, world.people["coordinator"], too_long)
    assert "At most 4,000 characters (this has 4,001)" in str(error.value)
    # At the limit it is taken.
    workflow.return_report(report, world.people["coordinator"], "y" * limits.MAX_RETURN_REASON)


def test_the_narrative_has_one_limit_on_the_page_and_in_the_api(world: World) -> None:
    report = world.objects["draft"]
    too_long = "x" * (limits.MAX_NARRATIVE + 1)
    page = Client()
    page.force_login(world.people["officer_of_lead"])
    response = page.post(
        f"/reports/{report.pk}/",
        {"task_status": "in_progress", "percent_done": 10, "narrative": too_long},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["narrative"]
    api = world.send(
        "officer_of_lead", "patch", f"/api/reports/{report.pk}", {"narrative": too_long}
    )
    assert api.status_code == 422
    report.refresh_from_db()
    assert report.narrative == "Prepared the festival."
    with pytest.raises(ValidationError):
        workflow.save_draft(report, world.people["officer_of_lead"], {"narrative": too_long}, {})


@pytest.mark.parametrize("year", ["0", "32767", "1899", "2101"])
def test_a_target_or_baseline_year_out_of_range_saves_nothing(world: World, year: str) -> None:
    indicator = world.objects["share"]
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(world.people["coordinator"])
    url = f"/plan/indicators/{indicator.code}/targets/"
    targets = [
        {"id": t.pk, "year": str(t.year), "value": str(t.value)} for t in indicator.targets.all()
    ]
    response = client.post(url, targets_data(indicator, [*targets, {"year": year, "value": "9"}]))
    assert response.status_code == 200
    assert "Write a year from 1900 to 2100." in response.content.decode()
    assert sorted(t.year for t in indicator.targets.all()) == [2025, 2030]
    data = targets_data(indicator, targets) | {"baseline-baseline_year": year}
    response = client.post(url, data)
    assert response.status_code == 200
    indicator.refresh_from_db()
    assert indicator.baseline_year == 2021


@pytest.mark.parametrize("body", ["null", "[1, 2]", '"x"', "3"])
def test_an_api_change_that_is_not_an_object_is_refused(world: World, body: str) -> None:
    report = world.objects["draft"]
    client = world.client("officer_of_lead")
    response = client.patch(f"/api/reports/{report.pk}", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "body_not_object"
    # An empty object changes nothing, and says so by answering with the report.
    response = client.patch(f"/api/reports/{report.pk}", "{}", content_type="application/json")
    assert response.status_code == 200
