"""Writes are limited per person; the count is kept in the database, so every server
process sees the same one. Deterministic: a small limit, and time moved by hand."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from cnvh.api.models import ApiWrite
from tests.api.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limit(settings: Any) -> None:
    settings.CNVH_API_WRITE_LIMIT = 2
    settings.CNVH_API_WRITE_WINDOW_SECONDS = 60


def write(world: World, role: str = "officer_of_lead") -> Any:
    draft = world.objects["draft"]
    return world.send(role, "patch", f"/api/reports/{draft.pk}", {"percent_done": 10})


def test_the_third_write_in_a_minute_waits(world: World, small_limit: None) -> None:
    assert write(world).status_code == 200
    assert write(world).status_code == 200
    refused = write(world)
    assert refused.status_code == 429
    body = refused.json()
    assert body["code"] == "rate_limited"
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 60
    assert str(wait) in body["message"]["en"] and str(wait) in body["message"]["vi"]
    # Refused writes are not counted, and reads are not limited.
    assert ApiWrite.objects.count() == 2
    assert world.get("officer_of_lead", "/api/reports").status_code == 200
    # Another person has their own allowance.
    assert write(world, "officer_of_coordinating").status_code == 200


def test_free_again_when_the_window_has_passed(world: World, small_limit: None) -> None:
    write(world)
    write(world)
    assert write(world).status_code == 429
    ApiWrite.objects.update(at=timezone.now() - timedelta(seconds=61))
    assert write(world).status_code == 200


def test_the_wait_is_until_the_oldest_write_leaves_the_window(
    world: World, small_limit: None
) -> None:
    person = world.people["officer_of_lead"]
    now = timezone.now()
    # Two writes made 50 and 10 seconds ago, as another server process would record them.
    ApiWrite.objects.create(
        user=person, method="POST", path="/api/reports", at=now - timedelta(seconds=50)
    )
    ApiWrite.objects.create(
        user=person, method="POST", path="/api/reports", at=now - timedelta(seconds=10)
    )
    refused = write(world)
    assert refused.status_code == 429
    assert 9 <= int(refused["Retry-After"]) <= 11


def test_every_write_is_recorded_with_its_token(world: World) -> None:
    write(world)
    recorded = ApiWrite.objects.get()
    assert recorded.user == world.people["officer_of_lead"]
    assert recorded.token is not None and recorded.token.name == "officer_of_lead script"
    assert recorded.method == "PATCH"
    assert recorded.path == f"/api/reports/{world.objects['draft'].pk}"
