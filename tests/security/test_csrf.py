"""CSRF: every POST endpoint refuses a POST without the token, and changes nothing;
every form that posts carries the token."""

from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from tests.security.routes import ADMIN_LOGIN, LOGIN, ROUTES, Outcome, Route
from tests.security.world import ROLES, World, files_under, snapshot

pytestmark = pytest.mark.django_db
# 401: the API asks the anonymous to authenticate (it never redirects to the login page).
REFUSED: set[Outcome] = {401, 403, 404, 405, LOGIN, ADMIN_LOGIN}


@pytest.fixture
def world(shared_world: World) -> World:
    return shared_world


def allowed_role(route: Route) -> str | None:
    """Someone whose POST would succeed with the token: the attack's victim."""
    return next((role for role in ROLES if route.post[role] not in REFUSED), None)


POST_ROUTES = sorted(pattern for pattern, route in ROUTES.items() if allowed_role(route))
ADMIN_POSTS = ["/admin/logout/", "/admin/password_change/"]


def victim(world: World, role: str) -> Client:
    client = world.client(role, enforce_csrf_checks=True)
    assert client.get("/").status_code == 200  # the page sets the CSRF cookie
    return client


@pytest.mark.parametrize("pattern", POST_ROUTES)
def test_a_post_without_the_token_is_refused_and_changes_nothing(
    world: World, pattern: str
) -> None:
    route = ROUTES[pattern]
    role = allowed_role(route)
    assert role is not None
    client = victim(world, role)
    before, files = snapshot(), files_under(world.objects["media"])
    response = client.post(route.url(world), route.data(world))
    assert response.status_code == 403
    assert snapshot() == before
    assert files_under(world.objects["media"]) == files
    if role != "anonymous":
        assert client.get("/notifications/").status_code == 200  # still logged in


@pytest.mark.parametrize("url", ADMIN_POSTS)
def test_the_admin_refuses_a_post_without_the_token(world: World, url: str) -> None:
    client = victim(world, "administrator")
    before = snapshot()
    data = {"old_password": "s3cret-pass-word", "new_password1": "n3w-Pass-word-x"}
    assert client.post(url, {**data, "new_password2": data["new_password1"]}).status_code == 403
    assert snapshot() == before


def test_the_post_endpoints_are_the_ones_expected() -> None:
    """So a new POST endpoint is noticed here too (it is in routes.py already)."""
    assert len(POST_ROUTES) == 98


class Forms(HTMLParser):
    """Each <form method="post"> and whether it holds the CSRF token."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.open: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form":
            self.open = {"attrs": values, "token": False}
            self.forms.append(self.open)
        elif tag == "input" and self.open and values.get("name") == "csrfmiddlewaretoken":
            self.open["token"] = bool(values.get("value"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.open = None


def post_forms(html: str) -> list[dict[str, Any]]:
    parser = Forms()
    parser.feed(html)
    return [form for form in parser.forms if (form["attrs"].get("method") or "").lower() == "post"]


def test_every_form_that_posts_carries_the_token(world: World) -> None:
    """Every page every role may open, with the forms it shows that role."""
    seen = 0
    actions = set()
    for role in ROLES:
        client = world.client(role)
        for pattern, route in ROUTES.items():
            if route.get[role] != 200:
                continue
            response = client.get(route.url(world))
            if not response["Content-Type"].startswith("text/html"):
                continue
            for form in post_forms(response.content.decode()):
                assert form["token"], (role, pattern, form["attrs"])
                seen += 1
                actions.add(form["attrs"].get("action"))
    # language switch, logout, login, publish, boundaries, report, evidence delete,
    # start report, approve, return, notifications read: each met at least once
    assert seen > 100
    assert len(actions) >= 10, actions
