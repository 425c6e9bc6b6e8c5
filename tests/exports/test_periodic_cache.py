"""The periodic report's PDF is kept once made, and made again after any change that
could alter it: a submission, an approval, an edit of the plan."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from cnvh.exports.periodic import cache as pdf_cache
from cnvh.exports.periodic.views import _form
from cnvh.plan import workflow
from tests import factories
from tests.exports import periodic_world

pytestmark = pytest.mark.django_db
URL = "/exports/periodic/report.pdf"
MARKER = b"a report kept earlier"


@pytest.fixture
def world(settings: Any) -> periodic_world.World:
    settings.CNVH_PAGE_CACHE = True
    return periodic_world.build()


def query(world: periodic_world.World) -> str:
    return f"?plan={world.plan.code}&kind=quarter&year=2026&number=2"


def download(client: Client, world: periodic_world.World) -> bytes:
    client.force_login(world.coordinator)
    client.cookies["django_language"] = "vi"
    response = client.get(URL + query(world))
    assert response.status_code == 200
    return response.content


def kept_as_marker(world: periodic_world.World) -> None:
    """Replaces the kept PDF by a marker: a download that returns it was served from
    the cache, one that does not was made again."""
    form = _form(RequestFactory().get(URL + query(world)))
    assert form.is_valid()
    found = pdf_cache.key(form.cleaned_data)
    assert cache.get(found) is not None
    cache.set(found, MARKER)


def test_the_same_report_is_served_from_the_cache(
    client: Client, world: periodic_world.World
) -> None:
    made = download(client, world)
    assert made.startswith(b"%PDF")
    kept_as_marker(world)
    assert download(client, world) == MARKER


def test_without_the_cache_each_download_is_made(
    client: Client, world: periodic_world.World, settings: Any
) -> None:
    download(client, world)
    kept_as_marker(world)
    settings.CNVH_PAGE_CACHE = False
    assert download(client, world).startswith(b"%PDF")


def _late_draft(world: periodic_world.World) -> tuple[Any, Any]:
    """T3's overdue report for the second quarter, written but not yet submitted."""
    task = world.tasks["T3"]
    officer = factories.user("officer", task.lead_agency)
    moment = factories.at(world.periods[2].due_on + timedelta(days=3))
    report = workflow.start_report(task, world.periods[2], officer, now=moment)
    report.narrative = "Đã khởi động nhiệm vụ."
    report.save()
    return report, officer


def made_again_after(
    client: Client, world: periodic_world.World, change: Callable[[], Any], on_commit: Any
) -> bool:
    download(client, world)
    kept_as_marker(world)
    with on_commit(execute=True):
        change()
    return download(client, world).startswith(b"%PDF")


def test_a_submission_makes_the_report_again(
    client: Client, world: periodic_world.World, django_capture_on_commit_callbacks: Any
) -> None:
    # Completeness counts submitted reports: no approval, no renewal of the public pages.
    report, officer = _late_draft(world)
    submit = lambda: workflow.submit(report, officer)  # noqa: E731
    assert made_again_after(client, world, submit, django_capture_on_commit_callbacks)


def test_an_approval_makes_the_report_again(
    client: Client, world: periodic_world.World, django_capture_on_commit_callbacks: Any
) -> None:
    report, officer = _late_draft(world)
    report = workflow.submit(report, officer)
    approve = lambda: workflow.approve(report, world.coordinator)  # noqa: E731
    assert made_again_after(client, world, approve, django_capture_on_commit_callbacks)


def test_an_edit_of_the_plan_makes_the_report_again(
    client: Client, world: periodic_world.World, django_capture_on_commit_callbacks: Any
) -> None:
    task = world.tasks["T1"]
    task.title_vi = "Tổ chức hội thảo quốc tế"
    assert made_again_after(client, world, task.save, django_capture_on_commit_callbacks)
