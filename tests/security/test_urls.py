"""Every URL × every role: GET, and POST, give what `routes.py` specifies, each answer
with the security headers and, for a page, no inline script (headers.py).

Each role's request runs in a savepoint rolled back afterwards, so an approval by the
coordinator does not change what the leader finds.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from cnvh.plan.models import Notification, ProgressReport
from tests.security.headers import header_problems, inline_scripts
from tests.security.routes import ADMIN_LOGIN, ADMIN_ROUTES, LOGIN, ROUTES, Outcome, Route
from tests.security.world import ROLES, World

pytestmark = pytest.mark.django_db
ALL_ROUTES = ROUTES | ADMIN_ROUTES


def patterns(resolver: URLResolver, prefix: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from patterns(pattern, prefix + str(pattern.pattern))
        else:
            assert isinstance(pattern, URLPattern)
            yield prefix + str(pattern.pattern)


@pytest.fixture
def world(shared_world: World) -> World:
    return shared_world


def outcome(response: Any) -> Outcome:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/login/?next="):
            return LOGIN
        if location.startswith("/admin/login/?next="):
            return ADMIN_LOGIN
    return response.status_code


def request(world: World, route: Route, method: str, role: str) -> Outcome:
    client = world.client(role)
    url = route.url(world)
    with transaction.atomic():
        response = client.get(url) if method == "get" else client.post(url, route.data(world))
        transaction.set_rollback(True)
    # Each response of the table is also checked for what every response must carry.
    assert header_problems(response) == [], (method, url, role)
    assert inline_scripts(response) == [], (method, url, role)
    return outcome(response)


def test_every_url_pattern_is_specified() -> None:
    found = list(patterns(get_resolver()))
    assert len(found) == len(set(found)), "a pattern is listed twice"
    assert set(found) == set(ALL_ROUTES), "specify who may use each new URL in routes.py"


@pytest.mark.parametrize("pattern", sorted(ALL_ROUTES))
def test_each_specified_url_reaches_its_pattern(world: World, pattern: str) -> None:
    # The resolver reports regular expressions without their leading "^".
    expected = pattern.replace("/^", "/")
    assert resolve(ALL_ROUTES[pattern].url(world).split("?")[0]).route == expected


@pytest.mark.parametrize("pattern", sorted(ROUTES))
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_role_gets_what_is_specified(world: World, pattern: str, method: str) -> None:
    route = ROUTES[pattern]
    expected = route.get if method == "get" else route.post
    got = {role: request(world, route, method, role) for role in ROLES}
    assert got == expected


@pytest.mark.parametrize("pattern", sorted(ADMIN_ROUTES))
def test_the_admin_is_for_staff_only(world: World, pattern: str) -> None:
    route = ADMIN_ROUTES[pattern]
    got = {role: request(world, route, "get", role) for role in ROLES}
    assert got == route.get


def test_allowed_posts_do_what_they_say(world: World) -> None:
    """The matrix rolls its POSTs back; here one approval is kept, to show a 302 from
    the approval address really is an approval."""
    submitted = world.objects["submitted"]
    world.client("leader_of_lead").post(f"/approvals/{submitted.pk}/approve/")
    assert ProgressReport.objects.get(pk=submitted.pk).status == ProgressReport.Status.APPROVED


def test_someone_elses_notification_cannot_be_marked_read(world: World) -> None:
    theirs = world.objects["notification"]
    for role in ROLES:
        if role != "leader_of_lead":
            world.client(role).post("/notifications/read/", {"id": theirs.pk})
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    page = world.client("officer_elsewhere").get("/notifications/")
    assert page.context["notifications"] == []


def test_unknown_ids_are_not_found(world: World) -> None:
    client = world.client("coordinator")
    for url in ["/reports/999999/", "/evidence/999999/", "/plan/tasks/999999/"]:
        assert client.get(url).status_code == 404, url
    assert client.post("/approvals/999999/approve/").status_code == 404
