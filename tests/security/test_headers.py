"""Security headers on every response, a CSP without inline script, and chart data
passed as JSON (json_script), never as script."""

import re
from typing import Any

import pytest

from tests.security.routes import ROUTES
from tests.security.world import ROLES, World

pytestmark = pytest.mark.django_db
HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


@pytest.fixture
def world(shared_world: World) -> World:
    return shared_world


def directives(policy: str) -> dict[str, set[str]]:
    found = {}
    for part in policy.split(";"):
        name, *values = part.split()
        found[name] = set(values)
    return found


Responses = list[tuple[str, str, Any]]


@pytest.fixture(scope="module")
def responses(shared_world: World) -> Responses:
    """Every GET of the URL table, by every role, whatever its status; made once for
    the tests that read them (GETs change nothing)."""
    return [
        (role, pattern, shared_world.client(role).get(route.url(shared_world)))
        for role in ROLES
        for pattern, route in ROUTES.items()
    ]


def test_every_response_carries_the_security_headers(responses: Responses) -> None:
    checked = 0
    for role, pattern, response in responses:
        for header, value in HEADERS.items():
            assert response.get(header) == value, (role, pattern, header)
        if "html" in response.get("Content-Type", ""):
            policy = directives(response["Content-Security-Policy"])
            assert policy["script-src"] == {"'self'"}, (role, pattern)
            assert policy["default-src"] == {"'self'"}
            assert policy["object-src"] == {"'none'"}
            assert policy["frame-ancestors"] == {"'none'"}
            assert policy["base-uri"] == {"'self'"}
            assert policy["form-action"] == {"'self'"}
            checked += 1
    assert checked > 100


DATA_BLOCK = re.compile(r'type="application/(ld\+)?json"')


def test_pages_have_no_inline_script_only_json_data(responses: Responses) -> None:
    for role, pattern, response in responses:
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        for attributes, content in SCRIPT.findall(response.content.decode()):
            # Data blocks are never run: chart data, and an event's schema.org JSON-LD
            # (written with <, > and & escaped, cnvh.events.feeds.json_ld_script).
            if DATA_BLOCK.search(attributes):
                continue
            assert "src=" in attributes and not content.strip(), (role, pattern, attributes)


def test_chart_data_comes_through_json_script(world: World) -> None:
    for url in ["/", f"/indicators/{world.objects['hidden_indicator'].code}/"]:
        body = world.client("coordinator").get(url).content.decode()
        charts = re.findall(r'data-chart="[a-z]+" data-source="([\w-]+)"', body)
        charts += re.findall(r'data-source="([\w-]+)"[^>]*data-chart=', body)
        assert charts, url
        for source in charts:
            assert f'<script id="{source}" type="application/json">' in body, (url, source)


def test_files_are_downloaded_not_rendered(world: World) -> None:
    response = world.client("officer_of_lead").get(f"/evidence/{world.objects['evidence'].pk}/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    geojson = world.client("anonymous").get("/boundaries/wards.geojson")
    assert geojson["Content-Type"] == "application/geo+json"
    assert geojson["X-Content-Type-Options"] == "nosniff"
