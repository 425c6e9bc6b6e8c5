"""Security headers on every response, a CSP without inline script, and chart data
passed as JSON (json_script), never as script."""

import re

import pytest

from tests.security.headers import directives, header_problems, inline_scripts
from tests.security.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world: World) -> World:
    return shared_world


def test_pages_and_files_carry_the_security_headers(world: World) -> None:
    """Every response of the URL table is checked where it is made (test_urls.py); here
    a page and a file for someone signed in and for the public, to name the headers."""
    for role, url in [
        ("anonymous", "/"),
        ("coordinator", "/"),
        ("anonymous", "/boundaries/wards.geojson"),
        ("officer_of_lead", f"/evidence/{world.objects['evidence'].pk}/"),
    ]:
        response = world.client(role).get(url)
        assert response.status_code == 200, (role, url)
        assert header_problems(response) == [], (role, url)
    policy = directives(world.client("coordinator").get("/")["Content-Security-Policy"])
    assert policy["script-src"] == {"'self'"} and policy["frame-ancestors"] == {"'none'"}


def test_a_missing_header_or_inline_script_is_caught(world: World) -> None:
    response = world.client("coordinator").get("/")
    assert inline_scripts(response) == []
    response.content = response.content.replace(b"</body>", b"<script>alert(1)</script></body>")
    assert inline_scripts(response) == [""]
    del response["X-Frame-Options"]
    assert header_problems(response) == ["X-Frame-Options: None"]


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
