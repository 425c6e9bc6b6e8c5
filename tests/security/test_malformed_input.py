"""Malformed values sent to every URL and API operation, as an attacker would: each
query parameter a page or operation reads, each form field, each address part that is
text, and JSON bodies. Whatever is sent, the answer is never a server error (5xx): a
value that is not understood is refused (4xx) or ignored.

The URLs come from `routes.py`, which lists every pattern (test_urls.py checks that),
and the API's parameters from its OpenAPI schema, so a new page or operation is
tried here without a change to this file.
"""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from cnvh.api.api import api
from tests.security.routes import ROUTES, Route
from tests.security.world import ROLES, World, build

pytestmark = pytest.mark.django_db

# What people and programs get wrong, and what attackers try.
VALUES = [
    "abc",
    "²",  # a digit to str.isdigit, not to int()
    "١٢",  # Arabic-Indic digits: int() reads them
    "-1",
    "0",
    "1.5",
    "1e308",
    "NaN",
    "99999999999999999999999999",
    "\x00",
    "1\x00",
    " ",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "9" * 5000,
    "[1,2]",
    "null",
]
# Parameters the pages read (the API's come from its schema).
PAGE_PARAMETERS = [
    "plan",
    "task",
    "period",
    "agency",
    "status",
    "group",
    "due_from",
    "due_to",
    "scope",
    "table",
    "format",
    "year",
    "page",
    "next",
    "id",
    "kind",
    "sheet",
    "target_year",
    "target_share",
    "grdp_growth",
]
# The most that a role may do there: a request that passes the login and the rules
# reaches the code that reads the parameters.
PREFERRED = ["coordinator", "statistician", "administrator", "officer_of_lead", "leader_of_lead"]


@pytest.fixture
def world(settings: Any, tmp_path: Path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_API_WRITE_LIMIT = 1_000_000
    return build(tmp_path / "media")


def role_for(route: Route, method: str) -> str:
    outcomes = route.get if method == "get" else route.post
    allowed = [role for role in ROLES if outcomes.get(role) in {200, 201, 302}]
    return next(
        (role for role in PREFERRED if role in allowed), allowed[0] if allowed else "coordinator"
    )


def api_parameters() -> dict[str, dict[str, list[str]]]:
    """Django pattern of each API path -> method -> the names of its query parameters."""
    found: dict[str, dict[str, list[str]]] = {}
    for path, operations in api.get_openapi_schema()["paths"].items():
        pattern = re.sub(r"\{(\w+)\}", r"<\1>", path.lstrip("/"))
        for method, operation in operations.items():
            names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
            found.setdefault(pattern, {})[method] = names
    return found


def served(client: Client, method: str, url: str, **options: Any) -> int:
    """The status of one request, in a savepoint rolled back after it (what one request
    changes, the next does not see)."""
    with transaction.atomic():
        response = getattr(client, method)(url, **options)
        transaction.set_rollback(True)
    return int(response.status_code)


def test_no_malformed_value_makes_a_server_error(world: World) -> None:
    """Each value in every parameter at once (a value refused in one parameter is sent
    in the others by the next URL's reading of them, and by the API's schema)."""
    from_schema = api_parameters()
    failures: list[str] = []
    sent = 0
    urls = 0
    for pattern, route in ROUTES.items():
        url = route.url(world)
        for method in ("get", "post"):
            outcomes = route.get if method == "get" else route.post
            if all(outcome == 405 for outcome in outcomes.values()):
                continue
            urls += 1
            client = world.client(role_for(route, method), raise_request_exception=False)
            names = from_schema.get(pattern, {}).get(method, PAGE_PARAMETERS) or ["unknown"]
            for value in VALUES:
                data = dict.fromkeys(names, value)
                if method == "post":
                    data = {**route.data(world), **data}
                status = served(client, method, url, data=data)
                sent += 1
                if status >= 500:
                    failures.append(f"{method.upper()} {url} {value[:20]!r}: {status}")
    print(f"\nmalformed values: {len(VALUES)}; URL × method: {urls}; requests: {sent}")
    assert failures == [], "\n".join(failures)


def test_malformed_text_in_address_parts(world: World) -> None:
    """The parts of an address that are text (codes), with each value."""
    client = world.client("coordinator", raise_request_exception=False)
    failures = []
    for template in (
        "/indicators/{}/",
        "/agencies/{}/",
        "/api/indicators/{}",
        "/api/plans/{}",
        "/api/agencies/{}",
    ):
        for value in VALUES:
            url = template.format(value.replace("/", "%2F").replace("\x00", "%00"))
            status = served(client, "get", url)
            if status >= 500:
                failures.append(f"{url[:60]!r}: {status}")
    assert failures == []


def test_a_lone_surrogate_in_a_json_body_is_refused(world: World) -> None:
    client = world.client("officer_of_lead")
    report = world.objects["draft"]
    # JSON may escape a lone surrogate; no text store can hold it.
    for body in (
        '{"narrative": "\\ud800"}',
        '{"narrative": "a\\udfffb"}',
        '{"narrative": "\\u0000"}',
    ):
        status = served(
            client,
            "patch",
            f"/api/reports/{report.pk}",
            data=body,
            content_type="application/json",
        )
        assert status == 422, (body, status)


def test_a_body_over_the_limit_gets_a_json_413(world: World, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = world.client("officer_of_lead")
    report = world.objects["draft"]
    body = json.dumps({"narrative": "x" * 5000})
    response = client.patch(f"/api/reports/{report.pk}", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    document = response.json()
    assert document["code"] == "too_large"
    assert document["message"]["vi"] and document["message"]["en"]


def test_deeply_nested_geojson_is_refused(world: World) -> None:
    client = world.client("administrator")
    nested = "[" * 100_000 + "]" * 100_000
    upload = (
        b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        b'{"code": "00004"}, "geometry": {"type": "Polygon", "coordinates": '
        + nested.encode()
        + b"}}]}"
    )
    form = {"file": SimpleUploadedFile("wards.geojson", upload), "code_property": "code"}
    response = client.post("/boundaries/", form)
    assert response.status_code == 200
    assert "nested too deeply" in response.content.decode()
